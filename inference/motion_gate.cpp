#include "inference/motion_gate.h"

#include <cstdlib>

namespace vigie::inference {

std::vector<std::uint8_t> MotionGate::sample(const core::ImageFrame& frame) const {
    std::vector<std::uint8_t> grid(std::size_t(kGridWidth) * kGridHeight);
    for (int gy = 0; gy < kGridHeight; ++gy) {
        const int y = (2 * gy + 1) * frame.height / (2 * kGridHeight);
        const std::uint8_t* row = frame.row(y);
        for (int gx = 0; gx < kGridWidth; ++gx) {
            const int x = (2 * gx + 1) * frame.width / (2 * kGridWidth);
            const std::uint8_t* px = row + x * 3;
            // Rec. 601 luma from BGR, integer.
            grid[std::size_t(gy) * kGridWidth + gx] =
                std::uint8_t((29 * px[0] + 150 * px[1] + 77 * px[2]) >> 8);
        }
    }
    return grid;
}

double MotionGate::changedFraction(const core::ImageFrame& frame) const {
    if (frame.empty() || m_reference.empty()) {
        return 1.0;
    }
    const auto now = sample(frame);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < now.size(); ++i) {
        changed += std::abs(int(now[i]) - int(m_reference[i])) > kSampleDelta ? 1 : 0;
    }
    return double(changed) / double(now.size());
}

void MotionGate::setReference(const core::ImageFrame& frame) {
    if (!frame.empty()) {
        m_reference = sample(frame);
    }
}

}  // namespace vigie::inference
