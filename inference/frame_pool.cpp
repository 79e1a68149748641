#include "inference/frame_pool.h"

namespace vigie::inference {

FramePool::FramePool(std::size_t bytesPerFrame, std::size_t capacity)
    : m_state(std::make_shared<State>()) {
    m_state->bytesPerFrame = bytesPerFrame;
    m_state->capacity = capacity;
}

std::shared_ptr<std::uint8_t> FramePool::acquire() {
    std::unique_ptr<std::uint8_t[]> buffer;
    {
        std::lock_guard lock(m_state->mutex);
        if (!m_state->free.empty()) {
            buffer = std::move(m_state->free.back());
            m_state->free.pop_back();
        } else if (m_state->allocated < m_state->capacity) {
            // Allocated lazily, once: a stream that never needs the whole pool never pays it.
            buffer.reset(new std::uint8_t[m_state->bytesPerFrame]);
            ++m_state->allocated;
        } else {
            return nullptr;
        }
    }
    std::uint8_t* raw = buffer.release();
    // The deleter keeps the pool state alive, so a frame may outlive its camera's pool.
    return std::shared_ptr<std::uint8_t>(raw, [state = m_state](std::uint8_t* p) {
        std::lock_guard lock(state->mutex);
        state->free.emplace_back(p);
    });
}

std::size_t FramePool::inUse() const {
    std::lock_guard lock(m_state->mutex);
    return m_state->allocated - m_state->free.size();
}

}  // namespace vigie::inference
