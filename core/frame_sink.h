#pragma once
// What the engine publishes for display after analysing a picture: the picture itself and
// the overlay (tracked objects, zones occupied, rules in alert). The UI keeps only the
// latest per camera. Implementations must return quickly (enqueue or swap a slot).
// Thread: called from the analysis thread of the camera.

#include <string>
#include <vector>

#include "core/detection.h"
#include "core/frame.h"

namespace vigie::core {

struct OverlayObject {
    TrackId trackId = 0;
    BoxF box;
    std::string label;
    float score = 0.0F;
    bool alerting = false;  // part of the evidence of an open alert
};

struct FrameAnalysis {
    std::string cameraId;
    std::int64_t ptsUs = 0;
    std::vector<OverlayObject> objects;
    std::vector<std::string> occupiedZoneIds;  // zones with a qualifying object inside
    std::vector<std::string> alertingRuleIds;  // rules with an open alert
};

class FrameSink {
public:
    virtual ~FrameSink() = default;
    virtual void onFrame(const ImageFrame& frame, const FrameAnalysis& analysis) = 0;
};

}  // namespace vigie::core
