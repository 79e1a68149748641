#pragma once
// An event analyser turns the tracked objects of one analysed picture into a rule
// observation (active or not, with evidence). One instance per (rule, camera), created from
// the validated rule; it keeps per-track state between pictures.
//
// What an analyser may read besides the tracks (every pointer may be null, and an analyser
// must then degrade, never crash):
//   frame   the picture's pixels (fire, crowd flow, abandoned-object background check);
//   ground  the camera's image→ground model (drawn calibration, or the engine's estimate
//           from the heights of tracked people once it has seen enough of them);
//   models  model results for this picture, computed on demand and shared by the
//           analysers of the camera (pose of a person box, density-map counts);
//   masks   the camera's exclusion areas (filled by the mask filter of createAnalyser).
//
// Thread: the camera's analysis strand only; pictures arrive in stream order.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calibration.h"
#include "core/detection.h"
#include "core/frame.h"
#include "core/result.h"
#include "core/rule_engine.h"
#include "core/site.h"
#include "inference/pose_runner.h"

namespace vigie::inference {

// Model results for the picture being analysed, on demand: nothing runs unless an analyser
// asks, and what was computed is kept for the other analysers of the same picture.
class FrameModels {
public:
    virtual ~FrameModels() = default;
    // A pose per box (same order); nullopt for a box the estimator could not place. Empty
    // when no pose model is installed.
    virtual bool hasPose() const { return false; }
    virtual std::vector<std::optional<Pose>> poses(const std::vector<core::BoxF>& boxes) {
        return std::vector<std::optional<Pose>>(boxes.size());
    }
    // People counted by the density-map model inside `zone` (normalised polygon); nullopt
    // when no density model is installed or it failed.
    virtual bool hasDensity() const { return false; }
    virtual std::optional<double> densityCount(const core::Polygon& zone) {
        (void)zone;
        return std::nullopt;
    }
};

struct AnalysisInput {
    std::int64_t ptsUs = 0;
    const std::vector<core::TrackedObject>* tracks = nullptr;  // confirmed, matched now
    const core::ImageFrame* frame = nullptr;                   // may be empty
    const core::GroundModel* ground = nullptr;                 // null: no scale known yet
    FrameModels* models = nullptr;                             // null: no model results
    const std::vector<core::Polygon>* masks = nullptr;         // exclusion areas
    // This picture's detections of the tracked classes, weak ones included (a small bag the
    // detector sees at 0.15 never becomes a track), with the detector's class names.
    const std::vector<core::Detection>* detections = nullptr;
    const std::vector<std::string>* classNames = nullptr;
    // Picture height / width, for the depth-scale fallbacks when `frame` is empty.
    double pictureAspect = core::kDefaultPictureAspect;

    double aspect() const {
        return frame != nullptr && !frame->empty() ? double(frame->height) / frame->width
                                                   : pictureAspect;
    }
};

class Analyser {
public:
    virtual ~Analyser() = default;
    virtual core::RuleObservation update(const AnalysisInput& input) = 0;
    // Zones where a qualifying object is present now (overlay: thicker outline).
    virtual std::vector<std::string> occupiedZones() const { return {}; }
};

// The analyser of a rule on a camera. Every analyser is wrapped in the camera's mask
// filter when the camera has exclusion areas (ZoneKind::Mask): objects whose box lies in a
// mask are removed before the analyser sees them, and pixel analysers skip masked areas.
core::Result<std::unique_ptr<Analyser>> createAnalyser(const core::Rule& rule,
                                                       const core::Camera& camera);

}  // namespace vigie::inference
