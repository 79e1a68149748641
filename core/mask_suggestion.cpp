#include "core/mask_suggestion.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "core/masks.h"

namespace vigie::core {

namespace {

struct Item {
    BoxF box;
    std::size_t alert = 0;  // index into the false alerts
};

std::size_t findRoot(std::vector<std::size_t>& parent, std::size_t i) {
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

BoxF grow(const BoxF& b, double m) {
    return clampToUnit(BoxF{b.x0 - m, b.y0 - m, b.x1 + m, b.y1 + m});
}

Polygon hullOf(const std::vector<BoxF>& boxes, double margin) {
    std::vector<PointF> pts;
    for (const auto& b0 : boxes) {
        const BoxF b = grow(b0, margin);
        pts.push_back({b.x0, b.y0});
        pts.push_back({b.x1, b.y0});
        pts.push_back({b.x1, b.y1});
        pts.push_back({b.x0, b.y1});
    }
    return Polygon{convexHull(std::move(pts))};
}

// A confirmed alert's box touches the polygon: its ground point or any of its area is inside.
bool coversConfirmed(const Polygon& polygon, const std::vector<BoxF>& confirmed) {
    for (const auto& b : confirmed) {
        if (contains(polygon, b.bottomCentre()) || contains(polygon, b.centre()) ||
            fractionInside(polygon, b) > 0.0) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::vector<PointF> convexHull(std::vector<PointF> points) {
    std::sort(points.begin(), points.end(),
              [](PointF a, PointF b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 3) {
        return points;
    }
    std::vector<PointF> hull(2 * points.size());
    std::size_t k = 0;
    for (const auto& p : points) {  // lower hull
        while (k >= 2 && cross(hull[k - 1] - hull[k - 2], p - hull[k - 2]) <= 0.0) {
            --k;
        }
        hull[k++] = p;
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {  // upper hull
        const PointF p = points[i];
        while (k >= lower && cross(hull[k - 1] - hull[k - 2], p - hull[k - 2]) <= 0.0) {
            --k;
        }
        hull[k++] = p;
    }
    hull.resize(k - 1);
    return hull;
}

std::vector<MaskSuggestion> suggestMasks(const std::vector<Alert>& alerts, const Camera& camera,
                                         const MaskSuggestionOptions& options) {
    std::vector<const Alert*> falseAlerts;
    std::vector<BoxF> confirmed;
    for (const auto& a : alerts) {
        if (a.cameraId != camera.id) {
            continue;
        }
        if (a.qualification == Qualification::FalsePositive) {
            falseAlerts.push_back(&a);
        } else if (a.qualification == Qualification::Confirmed) {
            for (const auto& b : a.boxes) {
                if (b.isValid()) {
                    confirmed.push_back(clampToUnit(b));
                }
            }
        }
    }
    const auto existingMasks = masksOf(camera);
    std::vector<Item> items;
    for (std::size_t i = 0; i < falseAlerts.size(); ++i) {
        for (const auto& b0 : falseAlerts[i]->boxes) {
            const BoxF b = clampToUnit(b0);
            if (b.isValid() && !isMasked(existingMasks, b)) {
                items.push_back({b, i});
            }
        }
    }
    // Single-linkage grouping of the boxes by place.
    std::vector<std::size_t> parent(items.size());
    std::iota(parent.begin(), parent.end(), std::size_t(0));
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            const BoxF& a = items[i].box;
            const BoxF& b = items[j].box;
            if (iou(a, b) >= options.linkIou ||
                distance(a.centre(), b.centre()) <= options.linkDistance) {
                parent[findRoot(parent, i)] = findRoot(parent, j);
            }
        }
    }
    std::vector<std::vector<std::size_t>> groups(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        groups[findRoot(parent, i)].push_back(i);
    }
    std::vector<MaskSuggestion> out;
    for (const auto& g : groups) {
        std::set<std::size_t> alertsInGroup;
        for (std::size_t i : g) {
            alertsInGroup.insert(items[i].alert);
        }
        if (g.empty() || int(alertsInGroup.size()) < options.minAlerts) {
            continue;
        }
        std::vector<BoxF> boxes;
        for (std::size_t i : g) {
            boxes.push_back(items[i].box);
        }
        MaskSuggestion s;
        s.polygon = hullOf(boxes, options.margin);
        if (coversConfirmed(s.polygon, confirmed)) {
            s.polygon = hullOf(boxes, 0.0);
            s.marginDropped = true;
            if (coversConfirmed(s.polygon, confirmed)) {
                continue;  // real events happen here too: masking would hide them
            }
        }
        if (s.polygon.points.size() < 3 || area(s.polygon) > options.maxAreaFraction) {
            continue;
        }
        for (std::size_t a : alertsInGroup) {
            const Alert& alert = *falseAlerts[a];
            s.alertUids.push_back(alert.uid);
            if (std::find(s.events.begin(), s.events.end(), alert.event) == s.events.end()) {
                s.events.push_back(alert.event);
            }
        }
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const MaskSuggestion& a, const MaskSuggestion& b) {
        return a.alertUids.size() > b.alertUids.size();
    });
    return out;
}

}  // namespace vigie::core
