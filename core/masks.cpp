#include "core/masks.h"

#include <algorithm>

namespace vigie::core {

namespace {

// Samples per side of the box for the area fraction: 16×16 = 256 points, error ≤ ~1/16.
constexpr int kSamplesPerSide = 16;

BoxF boundsOf(const Polygon& p) {
    BoxF b{1e300, 1e300, -1e300, -1e300};
    for (const auto& pt : p.points) {
        b.x0 = std::min(b.x0, pt.x);
        b.y0 = std::min(b.y0, pt.y);
        b.x1 = std::max(b.x1, pt.x);
        b.y1 = std::max(b.y1, pt.y);
    }
    return b;
}

}  // namespace

namespace {

bool maskedBy(const Polygon& mask, const BoxF& box) {
    return contains(mask, box.bottomCentre()) || fractionInside(mask, box) >= kMaskedAreaFraction;
}

}  // namespace

std::vector<const Zone*> masksOf(const Camera& camera) {
    std::vector<const Zone*> out;
    for (const auto& z : camera.zones) {
        if (z.kind == ZoneKind::Mask && z.polygon.points.size() >= 3) {
            out.push_back(&z);
        }
    }
    return out;
}

double fractionInside(const Polygon& polygon, const BoxF& box) {
    if (!box.isValid() || polygon.points.size() < 3) {
        return 0.0;
    }
    const BoxF pb = boundsOf(polygon);
    if (intersectionArea(pb, box) <= 0.0) {
        return 0.0;
    }
    int inside = 0;
    for (int i = 0; i < kSamplesPerSide; ++i) {
        for (int j = 0; j < kSamplesPerSide; ++j) {
            const PointF p{box.x0 + box.width() * (i + 0.5) / kSamplesPerSide,
                           box.y0 + box.height() * (j + 0.5) / kSamplesPerSide};
            inside += contains(polygon, p) ? 1 : 0;
        }
    }
    return double(inside) / double(kSamplesPerSide * kSamplesPerSide);
}

bool isMasked(const std::vector<const Zone*>& masks, const BoxF& box) {
    return std::any_of(masks.begin(), masks.end(),
                       [&](const Zone* z) { return maskedBy(z->polygon, box); });
}

bool isMasked(const std::vector<Polygon>& masks, const BoxF& box) {
    return std::any_of(masks.begin(), masks.end(),
                       [&](const Polygon& m) { return maskedBy(m, box); });
}

bool isMasked(const Camera& camera, const BoxF& box) {
    return isMasked(masksOf(camera), box);
}

bool isMasked(const Camera& camera, PointF point) {
    for (const Zone* z : masksOf(camera)) {
        if (contains(z->polygon, point)) {
            return true;
        }
    }
    return false;
}

}  // namespace vigie::core
