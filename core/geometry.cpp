#include "core/geometry.h"

#include <algorithm>
#include <cmath>

namespace vigie::core {

double dot(PointF a, PointF b) {
    return a.x * b.x + a.y * b.y;
}

double cross(PointF a, PointF b) {
    return a.x * b.y - a.y * b.x;
}

double length(PointF a) {
    return std::hypot(a.x, a.y);
}

double distance(PointF a, PointF b) {
    return length(a - b);
}

double BoxF::area() const {
    return isValid() ? width() * height() : 0.0;
}

double intersectionArea(const BoxF& a, const BoxF& b) {
    const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
    const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    return (w > 0.0 && h > 0.0) ? w * h : 0.0;
}

double iou(const BoxF& a, const BoxF& b) {
    const double inter = intersectionArea(a, b);
    const double uni = a.area() + b.area() - inter;
    return uni > 0.0 ? inter / uni : 0.0;
}

BoxF clampToUnit(const BoxF& b) {
    auto c = [](double v) {
        return std::clamp(v, 0.0, 1.0);
    };
    return {c(b.x0), c(b.y0), c(b.x1), c(b.y1)};
}

namespace {

bool onSegment(PointF a, PointF b, PointF p) {
    constexpr double kEps = 1e-12;
    if (std::abs(cross(b - a, p - a)) > kEps) {
        return false;
    }
    return p.x >= std::min(a.x, b.x) - kEps && p.x <= std::max(a.x, b.x) + kEps &&
           p.y >= std::min(a.y, b.y) - kEps && p.y <= std::max(a.y, b.y) + kEps;
}

int sign(double v) {
    constexpr double kEps = 1e-12;
    return v > kEps ? 1 : (v < -kEps ? -1 : 0);
}

}  // namespace

bool contains(const Polygon& polygon, PointF p) {
    const auto& pts = polygon.points;
    const std::size_t n = pts.size();
    if (n < 3) {
        return false;
    }
    bool inside = false;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        if (onSegment(pts[j], pts[i], p)) {
            return true;
        }
        const bool crossesRay = (pts[i].y > p.y) != (pts[j].y > p.y);
        if (crossesRay) {
            const double xAtY =
                pts[j].x + (p.y - pts[j].y) * (pts[i].x - pts[j].x) / (pts[i].y - pts[j].y);
            if (p.x < xAtY) {
                inside = !inside;
            }
        }
    }
    return inside;
}

double area(const Polygon& polygon) {
    const auto& pts = polygon.points;
    const std::size_t n = pts.size();
    if (n < 3) {
        return 0.0;
    }
    double twice = 0.0;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        twice += cross(pts[j], pts[i]);
    }
    return std::abs(twice) / 2.0;
}

bool isSimple(const Polygon& polygon) {
    const auto& pts = polygon.points;
    const std::size_t n = pts.size();
    if (n < 3) {
        return false;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const Segment e{pts[i], pts[(i + 1) % n]};
        for (std::size_t j = i + 1; j < n; ++j) {
            const bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
            if (adjacent) {
                continue;
            }
            if (intersects(e, Segment{pts[j], pts[(j + 1) % n]})) {
                return false;
            }
        }
    }
    return true;
}

double sideOf(const Segment& s, PointF p) {
    // Screen coordinates have y down; negate so that "left" keeps its usual meaning for a
    // viewer looking along the segment on screen.
    return -cross(s.b - s.a, p - s.a);
}

bool intersects(const Segment& s, const Segment& t) {
    const int d1 = sign(cross(s.b - s.a, t.a - s.a));
    const int d2 = sign(cross(s.b - s.a, t.b - s.a));
    const int d3 = sign(cross(t.b - t.a, s.a - t.a));
    const int d4 = sign(cross(t.b - t.a, s.b - t.a));
    if (d1 * d2 < 0 && d3 * d4 < 0) {
        return true;
    }
    return (d1 == 0 && onSegment(s.a, s.b, t.a)) || (d2 == 0 && onSegment(s.a, s.b, t.b)) ||
           (d3 == 0 && onSegment(t.a, t.b, s.a)) || (d4 == 0 && onSegment(t.a, t.b, s.b));
}

std::optional<PointF> intersection(const Segment& s, const Segment& t) {
    const PointF r = s.b - s.a;
    const PointF q = t.b - t.a;
    const double denom = cross(r, q);
    if (std::abs(denom) < 1e-15) {
        return std::nullopt;
    }
    const double u = cross(t.a - s.a, q) / denom;
    const double v = cross(t.a - s.a, r) / denom;
    if (u < 0.0 || u > 1.0 || v < 0.0 || v > 1.0) {
        return std::nullopt;
    }
    return s.a + r * u;
}

int crossingDirection(const std::vector<PointF>& polyline, PointF from, PointF to) {
    const Segment motion{from, to};
    for (std::size_t i = 0; i + 1 < polyline.size(); ++i) {
        const Segment edge{polyline[i], polyline[i + 1]};
        if (!intersection(edge, motion)) {
            continue;
        }
        // A point exactly on the line belongs to the right side, so that a track stopping
        // on the line and then moving on is counted once.
        const int before = sideOf(edge, from) > 0.0 ? 1 : -1;
        const int after = sideOf(edge, to) > 0.0 ? 1 : -1;
        if (before != after) {
            return after;
        }
    }
    return 0;
}

}  // namespace vigie::core
