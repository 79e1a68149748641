#include "core/calibration.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

namespace vigie::core {

namespace {

using Mat3 = std::array<double, 9>;

// Corners closer than this turn (normalised units², the picture being 1) make a
// quadrilateral the homography cannot be trusted on.
constexpr double kMinCornerTurn = 1e-5;
// A quadrilateral smaller than this fraction of the picture is too small to calibrate on.
constexpr double kMinQuadArea = 1e-4;
// Reference lengths and person feet must spread over this much of the picture height for the
// change of scale with depth to be measurable.
constexpr double kMinReferenceRowSpread = 0.05;
constexpr double kMinPersonRowSpread = 0.1;
// A reference segment shorter than this (width units) cannot be drawn precisely.
constexpr double kMinReferenceUnits = 0.005;
// Boxes this close to the top or bottom edge are people cut by the border: their height is
// not a person's height.
constexpr double kEdgeMargin = 0.01;
// Edges of a depth-scale polygon are curves on the ground; this many steps per edge.
constexpr int kAreaStepsPerEdge = 32;

Mat3 multiply(const Mat3& a, const Mat3& b) {
    Mat3 r{};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            double s = 0.0;
            for (int k = 0; k < 3; ++k) {
                s += a[std::size_t(i * 3 + k)] * b[std::size_t(k * 3 + j)];
            }
            r[std::size_t(i * 3 + j)] = s;
        }
    }
    return r;
}

// Hartley's conditioning: the centroid to the origin and the mean distance to √2, so that
// the linear system has entries of similar size whatever the units (fractions of the picture
// on one side, tens of metres on the other).
struct Conditioning {
    Mat3 forward{};
    Mat3 inverse{};
};

std::optional<Conditioning> conditioning(const std::array<PointF, 4>& pts) {
    PointF c{0.0, 0.0};
    for (const auto& p : pts) {
        c = c + p * 0.25;
    }
    double mean = 0.0;
    for (const auto& p : pts) {
        mean += distance(p, c) / 4.0;
    }
    if (!(mean > 1e-12) || !std::isfinite(mean)) {
        return std::nullopt;
    }
    const double s = std::sqrt(2.0) / mean;
    Conditioning t;
    t.forward = {s, 0.0, -s * c.x, 0.0, s, -s * c.y, 0.0, 0.0, 1.0};
    t.inverse = {1.0 / s, 0.0, c.x, 0.0, 1.0 / s, c.y, 0.0, 0.0, 1.0};
    return t;
}

PointF apply(const Mat3& h, PointF p) {
    const double w = h[6] * p.x + h[7] * p.y + h[8];
    return {(h[0] * p.x + h[1] * p.y + h[2]) / w, (h[3] * p.x + h[4] * p.y + h[5]) / w};
}

double divisor(const Mat3& h, PointF p) {
    return h[6] * p.x + h[7] * p.y + h[8];
}

// Three of the four points on one line (relative to the spread of the points).
bool hasCollinearTriple(const std::array<PointF, 4>& pts) {
    double extent = 0.0;
    for (const auto& p : pts) {
        for (const auto& q : pts) {
            extent = std::max(extent, distance(p, q));
        }
    }
    if (!(extent > 0.0)) {
        return true;
    }
    constexpr std::array<std::array<int, 3>, 4> kTriples = {
        {{0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}}};
    for (const auto& t : kTriples) {
        const PointF a = pts[std::size_t(t[0])];
        const PointF b = pts[std::size_t(t[1])];
        const PointF c = pts[std::size_t(t[2])];
        if (std::abs(cross(b - a, c - a)) < 1e-9 * extent * extent) {
            return true;
        }
    }
    return false;
}

// Solves the 8×8 system a·x = b in place by Gaussian elimination with partial pivoting.
bool solve8(std::array<std::array<double, 9>, 8>& m, std::array<double, 8>& x) {
    double scale = 0.0;
    for (const auto& row : m) {
        for (std::size_t j = 0; j < 8; ++j) {
            scale = std::max(scale, std::abs(row[j]));
        }
    }
    if (!(scale > 0.0)) {
        return false;
    }
    for (std::size_t col = 0; col < 8; ++col) {
        std::size_t pivot = col;
        for (std::size_t r = col + 1; r < 8; ++r) {
            if (std::abs(m[r][col]) > std::abs(m[pivot][col])) {
                pivot = r;
            }
        }
        if (std::abs(m[pivot][col]) < 1e-10 * scale) {
            return false;
        }
        std::swap(m[col], m[pivot]);
        for (std::size_t r = col + 1; r < 8; ++r) {
            const double f = m[r][col] / m[col][col];
            for (std::size_t j = col; j < 9; ++j) {
                m[r][j] -= f * m[col][j];
            }
        }
    }
    for (std::size_t i = 8; i-- > 0;) {
        double s = m[i][8];
        for (std::size_t j = i + 1; j < 8; ++j) {
            s -= m[i][j] * x[j];
        }
        x[i] = s / m[i][i];
    }
    return true;
}

double signedArea(const std::vector<PointF>& pts) {
    double s = 0.0;
    for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
        s += cross(pts[j], pts[i]);
    }
    return s / 2.0;
}

}  // namespace

std::optional<std::array<double, 9>> homographyFrom4(const std::array<PointF, 4>& from,
                                                     const std::array<PointF, 4>& to) {
    for (const auto& set : {from, to}) {
        for (const auto& p : set) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
                return std::nullopt;
            }
        }
        if (hasCollinearTriple(set)) {
            return std::nullopt;
        }
    }
    const auto tFrom = conditioning(from);
    const auto tTo = conditioning(to);
    if (!tFrom || !tTo) {
        return std::nullopt;
    }
    // DLT with h33 = 1 in conditioned coordinates: safe because the conditioned origin is the
    // centroid of `from`, which a valid correspondence maps to a finite point.
    std::array<std::array<double, 9>, 8> m{};
    for (std::size_t i = 0; i < 4; ++i) {
        const PointF p = apply(tFrom->forward, from[i]);
        const PointF q = apply(tTo->forward, to[i]);
        m[2 * i] = {p.x, p.y, 1.0, 0.0, 0.0, 0.0, -p.x * q.x, -p.y * q.x, q.x};
        m[2 * i + 1] = {0.0, 0.0, 0.0, p.x, p.y, 1.0, -p.x * q.y, -p.y * q.y, q.y};
    }
    std::array<double, 8> x{};
    if (!solve8(m, x)) {
        return std::nullopt;
    }
    const Mat3 hn = {x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], 1.0};
    Mat3 h = multiply(tTo->inverse, multiply(hn, tFrom->forward));
    const double norm = std::abs(h[8]) > 1e-12 ? h[8] : 1.0;
    for (auto& v : h) {
        v /= norm;
        if (!std::isfinite(v)) {
            return std::nullopt;
        }
    }
    return h;
}

Result<GroundModel> GroundModel::fromCalibration(const Calibration& calibration, double aspect) {
    const bool hasQuad = !calibration.groundQuad.empty();
    const bool hasLengths = !calibration.referenceLengths.empty();
    if (hasQuad && hasLengths) {
        return makeError("draw either a ground quadrilateral or reference lengths, not both");
    }
    if (!hasQuad && !hasLengths) {
        return makeError("no calibration is drawn (no ground quadrilateral, no reference lengths)");
    }
    if (!(aspect > 0.0) || !std::isfinite(aspect)) {
        return makeError("the picture's aspect ratio must be positive");
    }
    if (hasQuad) {
        const auto& q = calibration.groundQuad;
        if (q.size() != 4) {
            return makeError(
                "a ground quadrilateral has exactly 4 corners (near-left, near-right, "
                "far-right, far-left), found " +
                std::to_string(q.size()));
        }
        const double w = calibration.quadWidthM;
        const double d = calibration.quadDepthM;
        if (!(w > 0.0) || !(d > 0.0) || !std::isfinite(w) || !std::isfinite(d)) {
            return makeError("the rectangle's width and depth must be positive (metres)");
        }
        // A rectangle on the ground seen from in front of it is a convex quadrilateral, its
        // corners in the order they were drawn; anything else is a drawing mistake.
        int turns = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const double c = cross(q[(i + 1) % 4] - q[i], q[(i + 2) % 4] - q[(i + 1) % 4]);
            turns += c > kMinCornerTurn ? 1 : (c < -kMinCornerTurn ? -1 : 0);
        }
        if (std::abs(turns) != 4) {
            return makeError(
                "the ground quadrilateral is not convex or has corners in a line: "
                "draw its corners in order near-left, near-right, far-right, "
                "far-left");
        }
        if (std::abs(signedArea(q)) < kMinQuadArea) {
            return makeError(
                "the ground quadrilateral is too small to calibrate on (under 0.01 % "
                "of the picture)");
        }
        const std::array<PointF, 4> image = {q[0], q[1], q[2], q[3]};
        const std::array<PointF, 4> ground = {PointF{0.0, 0.0}, PointF{w, 0.0}, PointF{w, d},
                                              PointF{0.0, d}};
        auto h = homographyFrom4(image, ground);
        if (!h) {
            return makeError("the ground quadrilateral is degenerate");
        }
        double wMin = 1e300;
        double wMax = -1e300;
        for (const auto& p : image) {
            wMin = std::min(wMin, divisor(*h, p));
            wMax = std::max(wMax, divisor(*h, p));
        }
        if (wMin * wMax <= 0.0) {
            return makeError("the ground quadrilateral crosses the horizon");
        }
        if (wMax < 0.0) {  // same map, divisor positive in front of the camera
            for (auto& v : *h) {
                v = -v;
            }
            wMin = -wMax;
        }
        GroundModel m;
        m.m_kind = Kind::Homography;
        m.m_h = *h;
        // The divisor falls like 1 / distance: the floor holds points at kFarLimit times the
        // farthest corner.
        m.m_wMin = wMin / kFarLimit;
        m.m_aspect = aspect;
        return m;
    }

    const auto& refs = calibration.referenceLengths;
    if (refs.size() < 2) {
        return makeError("at least two reference lengths at different depths are needed, found " +
                         std::to_string(refs.size()));
    }
    // Each length gives width units per metre at its row; for a pinhole camera over a flat
    // ground that is linear in the row (zero at the horizon), so fit a line.
    double n = 0.0;
    double sy = 0.0;
    double su = 0.0;
    double syy = 0.0;
    double syu = 0.0;
    double rowLo = 1e300;
    double rowHi = -1e300;
    std::vector<std::pair<double, double>> samples;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const auto& r = refs[i];
        const double units = std::hypot(r.b.x - r.a.x, aspect * (r.b.y - r.a.y));
        if (!(r.lengthM > 0.0) || !std::isfinite(r.lengthM)) {
            return makeError("reference length " + std::to_string(i + 1) +
                             ": the length must be positive (metres)");
        }
        if (!(units >= kMinReferenceUnits)) {
            return makeError("reference length " + std::to_string(i + 1) +
                             ": its ends are too close together to measure");
        }
        const double y = (r.a.y + r.b.y) / 2.0;
        const double u = units / r.lengthM;
        samples.emplace_back(y, u);
        n += 1.0;
        sy += y;
        su += u;
        syy += y * y;
        syu += y * u;
        rowLo = std::min(rowLo, y);
        rowHi = std::max(rowHi, y);
    }
    if (rowHi - rowLo < kMinReferenceRowSpread) {
        return makeError(
            "the reference lengths are all at the same depth: draw them nearer and "
            "farther from the camera (rows at least 5 % of the picture apart)");
    }
    const double det = n * syy - sy * sy;
    const double d = (n * syu - sy * su) / det;
    const double c = (su - d * sy) / n;
    const double meanU = su / n;
    for (const auto& [y, u] : samples) {
        (void)u;
        if (!(c + d * y > 0.0)) {
            return makeError(
                "the reference lengths contradict each other: check their lengths "
                "in metres");
        }
    }
    // Nearer (lower in the picture) things look larger; the opposite beyond measurement
    // noise means a length was typed wrong.
    if (d * (rowHi - rowLo) < -0.1 * meanU) {
        return makeError(
            "the farther reference lengths look larger than the nearer ones: check "
            "their lengths in metres");
    }
    return perspective(c, d, aspect, Kind::DepthScale, rowLo, rowHi);
}

GroundModel GroundModel::perspective(double c, double d, double aspect, Kind kind, double rowLo,
                                     double rowHi) {
    GroundModel m;
    m.m_kind = kind;
    m.m_inverse = true;
    m.m_a = c;
    m.m_b = d;
    m.m_aspect = aspect;
    // Width units per metre fall like 1 / distance: the floor holds rows at kFarLimit times
    // the farthest calibrated row's distance.
    const double floor = std::min(c + d * rowLo, c + d * rowHi) / kFarLimit;
    if (d > 0.0) {
        m.m_rowMin = (floor - c) / d;
    } else if (d < 0.0) {
        m.m_rowMax = (floor - c) / d;
    }
    return m;
}

GroundModel GroundModel::fromDepthScale(double a, double b, double aspect) {
    GroundModel m;
    const double sMax = std::max(a, a + b);
    if (!(sMax > 0.0) || !(aspect > 0.0) || !std::isfinite(sMax) || !std::isfinite(aspect)) {
        return m;  // Kind::Invalid: no positive scale on the picture
    }
    m.m_kind = Kind::DepthScale;
    m.m_a = a;
    m.m_b = b;
    m.m_aspect = aspect;
    const double floor = sMax / kFarLimit;
    if (b > 0.0) {
        m.m_rowMin = (floor - a) / b;
    } else if (b < 0.0) {
        m.m_rowMax = (floor - a) / b;
    }
    return m;
}

double GroundModel::rowOf(double y) const {
    return std::clamp(y, m_rowMin, m_rowMax);
}

double GroundModel::metresPerUnit(double y) const {
    const double line = m_a + m_b * y;
    return m_inverse ? 1.0 / line : line;
}

double GroundModel::metresPerUnitSlope(double y) const {
    if (!m_inverse) {
        return m_b;
    }
    const double line = m_a + m_b * y;
    return -m_b / (line * line);
}

// ∫ from y to the reference row (the bottom row, or the nearest valid one) of metres per unit.
double GroundModel::depthIntegral(double y) const {
    const double ref = rowOf(1.0);
    if (!m_inverse) {
        return m_a * (ref - y) + m_b * (ref * ref - y * y) / 2.0;
    }
    const double u = m_a + m_b * y;
    const double z = m_b * (ref - y) / u;
    if (std::abs(z) < 1e-9) {
        return (ref - y) / u;
    }
    return std::log1p(z) / m_b;  // ln(u(ref) / u(y)) / b
}

PointF GroundModel::toGround(PointF image) const {
    switch (m_kind) {
        case Kind::Homography: {
            const double w = std::max(divisor(m_h, image), m_wMin);
            return {(m_h[0] * image.x + m_h[1] * image.y + m_h[2]) / w,
                    (m_h[3] * image.x + m_h[4] * image.y + m_h[5]) / w};
        }
        case Kind::DepthScale:
        case Kind::Estimated: {
            const double y = rowOf(image.y);
            return {(image.x - 0.5) * metresPerUnit(y), m_aspect * depthIntegral(y)};
        }
        case Kind::Invalid:
            break;
    }
    return {0.0, 0.0};
}

std::array<double, 4> GroundModel::jacobian(PointF at) const {
    switch (m_kind) {
        case Kind::Homography: {
            const double raw = divisor(m_h, at);
            if (raw < m_wMin) {  // held at the far limit: the divisor does not move
                return {m_h[0] / m_wMin, m_h[1] / m_wMin, m_h[3] / m_wMin, m_h[4] / m_wMin};
            }
            const PointF g = toGround(at);
            return {(m_h[0] - g.x * m_h[6]) / raw, (m_h[1] - g.x * m_h[7]) / raw,
                    (m_h[3] - g.y * m_h[6]) / raw, (m_h[4] - g.y * m_h[7]) / raw};
        }
        case Kind::DepthScale:
        case Kind::Estimated: {
            const double y = rowOf(at.y);
            const bool held = y != at.y;
            const double s = metresPerUnit(y);
            return {s, held ? 0.0 : (at.x - 0.5) * metresPerUnitSlope(y), 0.0,
                    held ? 0.0 : -m_aspect * s};
        }
        case Kind::Invalid:
            break;
    }
    return {0.0, 0.0, 0.0, 0.0};
}

double GroundModel::distanceM(PointF a, PointF b) const {
    return distance(toGround(a), toGround(b));
}

double GroundModel::areaM2(const Polygon& polygon) const {
    const auto& pts = polygon.points;
    if (pts.size() < 3) {
        return 0.0;
    }
    Polygon ground;
    // A homography keeps straight edges straight; the depth-scale map bends them.
    const int steps = m_kind == Kind::Homography ? 1 : kAreaStepsPerEdge;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const PointF a = pts[i];
        const PointF b = pts[(i + 1) % pts.size()];
        for (int k = 0; k < steps; ++k) {
            ground.points.push_back(toGround(a + (b - a) * (double(k) / steps)));
        }
    }
    return area(ground);
}

double GroundModel::speedMps(PointF at, PointF velocity) const {
    const auto j = jacobian(at);
    return std::hypot(j[0] * velocity.x + j[1] * velocity.y, j[2] * velocity.x + j[3] * velocity.y);
}

PointF GroundModel::groundDirection(PointF at, PointF imageDirection) const {
    const auto j = jacobian(at);
    const PointF g{j[0] * imageDirection.x + j[1] * imageDirection.y,
                   j[2] * imageDirection.x + j[3] * imageDirection.y};
    const double len = length(g);
    if (!(len > 1e-15)) {
        return {0.0, 0.0};
    }
    return g * (1.0 / len);
}

PersonScaleEstimator::PersonScaleEstimator(double personHeightM, double aspect)
    : m_personHeightM(personHeightM), m_aspect(aspect) {}

void PersonScaleEstimator::add(const BoxF& personBox) {
    if (!personBox.isValid() || personBox.y0 < kEdgeMargin || personBox.y1 > 1.0 - kEdgeMargin) {
        return;
    }
    // Height / width in pixels: a lying or crouching person is no measure of the scale.
    if (personBox.height() * m_aspect < kMinUprightRatio * personBox.width()) {
        return;
    }
    ++m_samples;
    const PointF p{personBox.y1, personBox.height()};
    if (m_points.size() < kMaxPoints) {
        m_points.push_back(p);
        return;
    }
    // Reservoir sampling (xorshift): every box seen so far is kept with equal probability.
    m_rng ^= m_rng << 13;
    m_rng ^= m_rng >> 7;
    m_rng ^= m_rng << 17;
    const std::uint64_t i = m_rng % m_samples;
    if (i < kMaxPoints) {
        m_points[std::size_t(i)] = p;
    }
}

namespace {

struct LineFit {
    double intercept = 0.0;
    double slope = 0.0;
    double minY = 1.0;
    double maxY = 0.0;
    std::size_t n = 0;
};

// Least squares h = intercept + slope·y over the points `keep` accepts.
std::optional<LineFit> fitLine(const std::vector<PointF>& pts,
                               const std::function<bool(const PointF&)>& keep) {
    double n = 0.0;
    double sy = 0.0;
    double sh = 0.0;
    double syy = 0.0;
    double syh = 0.0;
    LineFit f;
    for (const auto& p : pts) {
        if (!keep(p)) {
            continue;
        }
        n += 1.0;
        sy += p.x;
        sh += p.y;
        syy += p.x * p.x;
        syh += p.x * p.y;
        f.minY = std::min(f.minY, p.x);
        f.maxY = std::max(f.maxY, p.x);
    }
    const double det = n * syy - sy * sy;
    if (n < 2.0 || !(det > 0.0)) {
        return std::nullopt;
    }
    f.slope = (n * syh - sy * sh) / det;
    f.intercept = (sh - f.slope * sy) / n;
    f.n = std::size_t(n);
    return f;
}

}  // namespace

std::optional<GroundModel> PersonScaleEstimator::model(std::size_t minSamples) const {
    if (m_points.size() < std::max<std::size_t>(minSamples, 2) || !(m_personHeightM > 0.0) ||
        !(m_aspect > 0.0)) {
        return std::nullopt;
    }
    auto first = fitLine(m_points, [](const PointF&) { return true; });
    if (!first) {
        return std::nullopt;
    }
    const LineFit f0 = *first;
    auto second = fitLine(m_points, [&](const PointF& p) {
        const double expected = f0.intercept + f0.slope * p.x;
        return expected > 0.0 && std::abs(p.y - expected) <= kOutlierFraction * expected;
    });
    // Keep the refit only when it still rests on most of the boxes.
    const LineFit f = second && second->n * 2 >= m_points.size() ? *second : f0;
    if (f.maxY - f.minY < kMinPersonRowSpread) {
        return std::nullopt;
    }
    // Person height in the picture is linear in the row of the feet (as the scale across the
    // view is); in width units per metre: height · aspect / personHeightM.
    const double c = f.intercept * m_aspect / m_personHeightM;
    const double d = f.slope * m_aspect / m_personHeightM;
    if (!(c + d * f.minY > 0.0) || !(c + d * f.maxY > 0.0)) {
        return std::nullopt;
    }
    return GroundModel::perspective(c, d, m_aspect, GroundModel::Kind::Estimated, f.minY, f.maxY);
}

}  // namespace vigie::core
