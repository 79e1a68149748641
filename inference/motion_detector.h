#pragma once
// A detector without a neural model: moving regions found by background subtraction
// (OpenCV MOG2, per camera), reported as one class, "moving_object". Used by the demo when
// no model is installed and as the motion signal for gating and static-foreground checks.
// Thread: the inference thread (one instance keeps one background model per stream id).

#include <memory>

#include "inference/detector.h"

namespace vigie::inference {

struct MotionDetectorOptions {
    int workWidth = 320;             // pictures are analysed at this width
    double minAreaFraction = 0.002;  // smaller blobs are noise
    int historyFrames = 200;
    double varianceThreshold = 25.0;
    double learningRate = 0.002;  // per analysed picture: ~40 s time constant at 12.5 fps
};

inline constexpr const char* kMotionDetectorName = "motion";
inline constexpr const char* kMovingObjectClass = "moving_object";

core::Result<std::unique_ptr<Detector>> createMotionDetector(const MotionDetectorOptions& options);

}  // namespace vigie::inference
