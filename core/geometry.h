#pragma once
// Plane geometry in normalised image coordinates: x and y in 0..1, origin top-left, y down.
// Zones, lines and boxes are stored this way so that they survive a change of stream
// resolution (main/sub stream, 4CIF vs 1080p). Pure functions, any thread.

#include <optional>
#include <vector>

namespace vigie::core {

struct PointF {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const PointF&, const PointF&) = default;
};

inline PointF operator+(PointF a, PointF b) {
    return {a.x + b.x, a.y + b.y};
}
inline PointF operator-(PointF a, PointF b) {
    return {a.x - b.x, a.y - b.y};
}
inline PointF operator*(PointF a, double s) {
    return {a.x * s, a.y * s};
}
double dot(PointF a, PointF b);
double cross(PointF a, PointF b);
double length(PointF a);
double distance(PointF a, PointF b);

// Axis-aligned box, corners (x0,y0) top-left and (x1,y1) bottom-right.
struct BoxF {
    double x0 = 0.0;
    double y0 = 0.0;
    double x1 = 0.0;
    double y1 = 0.0;
    friend bool operator==(const BoxF&, const BoxF&) = default;

    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    double area() const;
    PointF centre() const { return {(x0 + x1) / 2.0, (y0 + y1) / 2.0}; }
    // The point that touches the ground for a standing person: bottom centre.
    PointF bottomCentre() const { return {(x0 + x1) / 2.0, y1}; }
    bool isValid() const { return x1 > x0 && y1 > y0; }
};

double intersectionArea(const BoxF& a, const BoxF& b);
double iou(const BoxF& a, const BoxF& b);
BoxF clampToUnit(const BoxF& b);

struct Polygon {
    std::vector<PointF> points;
};

// Ray casting; points exactly on an edge count as inside.
bool contains(const Polygon& polygon, PointF p);
// Shoelace formula; absolute value, so vertex order does not matter.
double area(const Polygon& polygon);
// True when no two non-adjacent edges intersect (a polygon an operator can draw sensibly).
bool isSimple(const Polygon& polygon);

struct Segment {
    PointF a;
    PointF b;
};

// Which side of the directed segment a→b the point lies on: > 0 left (counter-clockwise in
// a y-up frame, which is clockwise on screen), < 0 right, 0 on the line.
double sideOf(const Segment& s, PointF p);
// Proper or touching intersection of two closed segments.
bool intersects(const Segment& s, const Segment& t);
std::optional<PointF> intersection(const Segment& s, const Segment& t);

// A polyline crossed by the motion from `from` to `to`. Returns +1 when the motion goes from
// the right side to the left side of the crossed segment (screen coordinates: for a line
// drawn left→right, moving upwards), -1 for the opposite direction, 0 if it does not cross.
int crossingDirection(const std::vector<PointF>& polyline, PointF from, PointF to);

}  // namespace vigie::core
