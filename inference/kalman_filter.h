#pragma once
// The constant-velocity Kalman filter of SORT / DeepSORT / ByteTrack, on the box state
// (cx, cy, a, h, vcx, vcy, va, vh): centre, aspect ratio w/h and height, and their rates.
//
// Purpose: predict a track's box between detections and fuse a new detection into it, with
// ByteTrack's noise model (standard deviations proportional to the box height, weights 1/20
// for positions and 1/160 for velocities), so that a given sequence of boxes gives the same
// states as ByteTrack's `kalman_filter.py`.
// Units: positions in pixels (the aspect ratio is only meaningful in pixels), time in "steps".
// One step is the nominal frame period the noise weights were tuned for; `predict(state, dt)`
// takes the elapsed time in steps (may be fractional), so velocities are pixels per step.
// At dt = 1 the filter is exactly ByteTrack's; for other dt the transition uses dt directly
// (x += v·dt) and the process noise variance grows linearly with dt (a random walk), so that
// one predict of 2 steps and two predicts of 1 step agree on the mean and nearly on the
// covariance.
// Thread: stateless apart from constants; any thread. Ownership: states are plain values.
//
//   KalmanFilter kf;
//   KalmanState s = kf.initiate({cx, cy, w / h, h});
//   kf.predict(s, dtSteps);
//   kf.update(s, {cx2, cy2, w2 / h2, h2});

#include <array>
#include <cstddef>

namespace vigie::inference {

namespace detail {

// A small fixed-size row-major matrix: enough linear algebra for an 8-state filter without
// pulling in Eigen.
template <std::size_t R, std::size_t C>
struct Matrix {
    std::array<double, R * C> v{};

    double& operator()(std::size_t r, std::size_t c) { return v[r * C + c]; }
    double operator()(std::size_t r, std::size_t c) const { return v[r * C + c]; }

    static Matrix identity() {
        static_assert(R == C, "identity of a non-square matrix");
        Matrix m;
        for (std::size_t i = 0; i < R; ++i) {
            m(i, i) = 1.0;
        }
        return m;
    }
    Matrix<C, R> transposed() const {
        Matrix<C, R> t;
        for (std::size_t r = 0; r < R; ++r) {
            for (std::size_t c = 0; c < C; ++c) {
                t(c, r) = (*this)(r, c);
            }
        }
        return t;
    }
};

template <std::size_t R, std::size_t K, std::size_t C>
Matrix<R, C> operator*(const Matrix<R, K>& a, const Matrix<K, C>& b) {
    Matrix<R, C> m;
    for (std::size_t r = 0; r < R; ++r) {
        for (std::size_t k = 0; k < K; ++k) {
            const double ark = a(r, k);
            for (std::size_t c = 0; c < C; ++c) {
                m(r, c) += ark * b(k, c);
            }
        }
    }
    return m;
}

template <std::size_t R, std::size_t C>
Matrix<R, C> operator+(Matrix<R, C> a, const Matrix<R, C>& b) {
    for (std::size_t i = 0; i < R * C; ++i) {
        a.v[i] += b.v[i];
    }
    return a;
}

template <std::size_t R, std::size_t C>
Matrix<R, C> operator-(Matrix<R, C> a, const Matrix<R, C>& b) {
    for (std::size_t i = 0; i < R * C; ++i) {
        a.v[i] -= b.v[i];
    }
    return a;
}

// Inverse of a symmetric positive definite matrix through its Cholesky factor (the
// innovation covariance of the filter always is one). Returns false if it is not.
bool invertSpd(const Matrix<4, 4>& a, Matrix<4, 4>& inverse);

}  // namespace detail

using Vector4 = detail::Matrix<4, 1>;
using Vector8 = detail::Matrix<8, 1>;
using Matrix8 = detail::Matrix<8, 8>;

// A measurement: centre x, centre y, aspect ratio w/h, height, all in pixels.
struct BoxMeasurement {
    double cx = 0.0;
    double cy = 0.0;
    double aspect = 0.0;
    double h = 0.0;
};

struct KalmanState {
    Vector8 mean;        // cx, cy, a, h, vcx, vcy, va, vh (rates per step)
    Matrix8 covariance;  // symmetric positive definite
};

class KalmanFilter {
public:
    static constexpr double kStdWeightPosition = 1.0 / 20.0;
    static constexpr double kStdWeightVelocity = 1.0 / 160.0;

    // A new state at the measurement with zero velocity and a wide velocity uncertainty.
    KalmanState initiate(const BoxMeasurement& z) const;
    // Moves the state `dtSteps` steps forward (dtSteps >= 0; 0 leaves it unchanged).
    void predict(KalmanState& state, double dtSteps) const;
    // The measurement space view of the state: H·mean and H·P·Hᵀ + R.
    void project(const KalmanState& state, Vector4& mean, detail::Matrix<4, 4>& covariance) const;
    // Fuses a measurement into the state. Returns false (state untouched) if the innovation
    // covariance is not positive definite, which only happens for degenerate boxes.
    bool update(KalmanState& state, const BoxMeasurement& z) const;
};

}  // namespace vigie::inference
