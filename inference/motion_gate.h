#pragma once
// Motion gating (CPU-only sites): says whether a picture differs from the last one the
// detector saw, cheaply — a fixed grid of grey samples compared with the previous grid — so
// that the detector can be skipped while a scene is static and tracks coast meanwhile.
// A picture counts as moving when more than `threshold` of the samples changed by more
// than kSampleDelta grey levels. Thread: the camera's source thread.

#include <cstdint>
#include <vector>

#include "core/frame.h"

namespace vigie::inference {

class MotionGate {
public:
    static constexpr int kGridWidth = 96;
    static constexpr int kGridHeight = 72;
    static constexpr int kSampleDelta = 14;

    explicit MotionGate(double threshold) : m_threshold(threshold) {}

    // Fraction of the samples that changed since the reference picture (1.0 for the first).
    double changedFraction(const core::ImageFrame& frame) const;
    bool moved(const core::ImageFrame& frame) const { return changedFraction(frame) > m_threshold; }
    // The picture the next ones are compared with: the last one the detector ran on.
    void setReference(const core::ImageFrame& frame);

private:
    std::vector<std::uint8_t> sample(const core::ImageFrame& frame) const;

    double m_threshold;
    std::vector<std::uint8_t> m_reference;
};

}  // namespace vigie::inference
