#pragma once
// Suggests exclusion masks from the alerts operators marked false positive: where a camera
// keeps raising false alerts at the same place (a lit sign read as fire, a poster read as a
// person, a reflection), the boxes of those alerts are grouped by place, and each group seen
// at least `minAlerts` times becomes a suggested mask — the convex hull of its boxes plus a
// margin. A suggestion never covers a place where an alert was confirmed (it would hide real
// events): its margin is dropped first, then the suggestion itself. The operator accepts or
// edits a suggestion; nothing is masked automatically. Pure function, any thread.
//
//   auto masks = suggestMasks(store.alertsOf("cam1", lastMonth), camera);
//   for (const auto& m : masks) { ui.offer(m.polygon, m.alertUids.size()); }

#include <string>
#include <vector>

#include "core/alert.h"
#include "core/geometry.h"
#include "core/site.h"

namespace vigie::core {

struct MaskSuggestionOptions {
    int minAlerts = 3;              // false alerts at one place before a mask is suggested
    double linkIou = 0.2;           // two boxes are at the same place above this overlap…
    double linkDistance = 0.05;     // …or with centres this close (fractions of the picture)
    double margin = 0.02;           // added around the boxes (fraction of the picture)
    double maxAreaFraction = 0.25;  // larger suggestions would blind the camera: dropped
};

struct MaskSuggestion {
    Polygon polygon;                     // convex, normalised, inside the picture
    std::vector<std::string> alertUids;  // the false alerts it would have suppressed
    std::vector<EventType> events;       // their events, each once
    bool marginDropped = false;          // shrunk to keep clear of a confirmed alert
};

// `alerts`: any alerts (other cameras and other qualifications are sorted out here);
// `camera`: the camera the masks are for (its existing masks are not suggested again).
std::vector<MaskSuggestion> suggestMasks(const std::vector<Alert>& alerts, const Camera& camera,
                                         const MaskSuggestionOptions& options = {});

// Convex hull (Andrew's monotone chain), counter-clockwise in a y-up frame; collinear points
// dropped. Fewer than 3 distinct points give them back as they are.
std::vector<PointF> convexHull(std::vector<PointF> points);

}  // namespace vigie::core
