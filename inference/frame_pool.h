#pragma once
// Fixed set of preallocated picture buffers for one camera (OBS's frame cache): decoding
// writes into a free buffer, the buffer travels as a core::ImageFrame handle, and returns to
// the pool when the last handle is dropped. When every buffer is in use, acquire() fails and
// the caller drops the frame and counts it, instead of allocating without bound.
// Buffers come from an optional allocator (page-locked memory when the detector runs on a
// GPU, so that uploads are asynchronous), else from the heap.
// Thread: acquire() from the producer thread; handles are released from any thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace vigie::inference {

// Returns an owning pointer to `bytes` bytes; its deleter frees them.
using BufferAllocator = std::function<std::shared_ptr<std::uint8_t>(std::size_t bytes)>;

class FramePool {
public:
    // Buffers of `bytesPerFrame` bytes; `capacity` of them at most.
    FramePool(std::size_t bytesPerFrame, std::size_t capacity, BufferAllocator allocator = {});

    // A writable buffer, or nullptr when every buffer is in use.
    std::shared_ptr<std::uint8_t> acquire();

    std::size_t bytesPerFrame() const { return m_state->bytesPerFrame; }
    std::size_t capacity() const { return m_state->capacity; }
    std::size_t inUse() const;
    const BufferAllocator& allocator() const { return m_state->allocator; }

private:
    struct State {
        std::mutex mutex;
        std::vector<std::shared_ptr<std::uint8_t>> free;
        std::size_t allocated = 0;
        std::size_t bytesPerFrame = 0;
        std::size_t capacity = 0;
        BufferAllocator allocator;
    };
    std::shared_ptr<State> m_state;
};

}  // namespace vigie::inference
