#include "inference/kalman_filter.h"

#include <cmath>

namespace vigie::inference {

namespace detail {

bool invertSpd(const Matrix<4, 4>& a, Matrix<4, 4>& inverse) {
    // Cholesky a = L·Lᵀ, then solve L·Lᵀ·X = I column by column.
    constexpr std::size_t kN = 4;
    Matrix<4, 4> l;
    for (std::size_t i = 0; i < kN; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {
            double sum = a(i, j);
            for (std::size_t k = 0; k < j; ++k) {
                sum -= l(i, k) * l(j, k);
            }
            if (i == j) {
                if (!(sum > 0.0)) {
                    return false;
                }
                l(i, i) = std::sqrt(sum);
            } else {
                l(i, j) = sum / l(j, j);
            }
        }
    }
    for (std::size_t col = 0; col < kN; ++col) {
        std::array<double, kN> y{};
        for (std::size_t i = 0; i < kN; ++i) {
            double sum = (i == col) ? 1.0 : 0.0;
            for (std::size_t k = 0; k < i; ++k) {
                sum -= l(i, k) * y[k];
            }
            y[i] = sum / l(i, i);
        }
        for (std::size_t ii = kN; ii-- > 0;) {
            double sum = y[ii];
            for (std::size_t k = ii + 1; k < kN; ++k) {
                sum -= l(k, ii) * inverse(k, col);
            }
            inverse(ii, col) = sum / l(ii, ii);
        }
    }
    return true;
}

}  // namespace detail

namespace {

using Matrix4 = detail::Matrix<4, 4>;

template <std::size_t N>
detail::Matrix<N, N> diagonalOfSquares(const std::array<double, N>& sigmas) {
    detail::Matrix<N, N> m;
    for (std::size_t i = 0; i < N; ++i) {
        m(i, i) = sigmas[i] * sigmas[i];
    }
    return m;
}

}  // namespace

KalmanState KalmanFilter::initiate(const BoxMeasurement& z) const {
    KalmanState s;
    s.mean(0, 0) = z.cx;
    s.mean(1, 0) = z.cy;
    s.mean(2, 0) = z.aspect;
    s.mean(3, 0) = z.h;
    const double pos = 2.0 * kStdWeightPosition * z.h;
    const double vel = 10.0 * kStdWeightVelocity * z.h;
    s.covariance = diagonalOfSquares<8>({pos, pos, 1e-2, pos, vel, vel, 1e-5, vel});
    return s;
}

void KalmanFilter::predict(KalmanState& state, double dtSteps) const {
    if (!(dtSteps > 0.0)) {
        return;
    }
    // Noise from the height before the move, as ByteTrack does.
    const double h = state.mean(3, 0);
    const double pos = kStdWeightPosition * h;
    const double vel = kStdWeightVelocity * h;
    Matrix8 q = diagonalOfSquares<8>({pos, pos, 1e-2, pos, vel, vel, 1e-5, vel});
    for (double& x : q.v) {
        x *= dtSteps;
    }
    Matrix8 f = Matrix8::identity();
    for (std::size_t i = 0; i < 4; ++i) {
        f(i, i + 4) = dtSteps;
    }
    state.mean = f * state.mean;
    state.covariance = f * state.covariance * f.transposed() + q;
}

void KalmanFilter::project(const KalmanState& state, Vector4& mean, Matrix4& covariance) const {
    const double pos = kStdWeightPosition * state.mean(3, 0);
    const Matrix4 r = diagonalOfSquares<4>({pos, pos, 1e-1, pos});
    for (std::size_t i = 0; i < 4; ++i) {
        mean(i, 0) = state.mean(i, 0);
        for (std::size_t j = 0; j < 4; ++j) {
            covariance(i, j) = state.covariance(i, j) + r(i, j);
        }
    }
}

bool KalmanFilter::update(KalmanState& state, const BoxMeasurement& z) const {
    Vector4 projectedMean;
    Matrix4 projectedCov;
    project(state, projectedMean, projectedCov);
    Matrix4 inverse;
    if (!detail::invertSpd(projectedCov, inverse)) {
        return false;
    }
    // H = [I 0], so P·Hᵀ is the first four columns of P.
    detail::Matrix<8, 4> pht;
    for (std::size_t i = 0; i < 8; ++i) {
        for (std::size_t j = 0; j < 4; ++j) {
            pht(i, j) = state.covariance(i, j);
        }
    }
    const detail::Matrix<8, 4> gain = pht * inverse;
    Vector4 innovation;
    innovation(0, 0) = z.cx - projectedMean(0, 0);
    innovation(1, 0) = z.cy - projectedMean(1, 0);
    innovation(2, 0) = z.aspect - projectedMean(2, 0);
    innovation(3, 0) = z.h - projectedMean(3, 0);
    state.mean = state.mean + gain * innovation;
    state.covariance = state.covariance - gain * projectedCov * gain.transposed();
    return true;
}

}  // namespace vigie::inference
