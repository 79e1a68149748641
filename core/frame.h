#pragma once
// A decoded video picture as it travels through the engine and to the UI: a ref-counted
// handle on a pool buffer, never a pixel copy. The pixels are immutable once published.
// Thread: the handle may be copied and read from any thread; the buffer goes back to its
// pool when the last handle is dropped.

#include <cstdint>
#include <memory>

namespace vigie::core {

enum class PixelFormat { Invalid = 0, Bgr24 };

struct ImageFrame {
    int width = 0;
    int height = 0;
    int strideBytes = 0;
    PixelFormat format = PixelFormat::Invalid;
    std::shared_ptr<const std::uint8_t> pixels;
    std::int64_t ptsUs = 0;            // stream time, microseconds from the start of the source
    std::int64_t frameIndex = 0;       // decoded frame number since the source opened
    int streamId = -1;                 // which camera of the engine it came from (batching)
    std::int64_t captureSteadyUs = 0;  // steady clock when decoded (latency measurement)

    bool empty() const { return !pixels || width <= 0 || height <= 0; }
    const std::uint8_t* row(int y) const { return pixels.get() + std::int64_t(y) * strideBytes; }
};

}  // namespace vigie::core
