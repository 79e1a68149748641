#include "inference/frame_pool.h"

namespace vigie::inference {

FramePool::FramePool(std::size_t bytesPerFrame, std::size_t capacity, BufferAllocator allocator)
    : m_state(std::make_shared<State>()) {
    m_state->bytesPerFrame = bytesPerFrame;
    m_state->capacity = capacity;
    m_state->allocator = std::move(allocator);
}

std::shared_ptr<std::uint8_t> FramePool::acquire() {
    std::shared_ptr<std::uint8_t> owner;
    {
        std::lock_guard lock(m_state->mutex);
        if (!m_state->free.empty()) {
            owner = std::move(m_state->free.back());
            m_state->free.pop_back();
        } else if (m_state->allocated < m_state->capacity) {
            // Allocated lazily, once: a stream that never needs the whole pool never pays it.
            ++m_state->allocated;
        } else {
            return nullptr;
        }
    }
    if (!owner) {
        owner = m_state->allocator
                    ? m_state->allocator(m_state->bytesPerFrame)
                    : std::shared_ptr<std::uint8_t>(new std::uint8_t[m_state->bytesPerFrame],
                                                    std::default_delete<std::uint8_t[]>());
        if (!owner) {
            std::lock_guard lock(m_state->mutex);
            --m_state->allocated;
            return nullptr;
        }
    }
    std::uint8_t* raw = owner.get();
    // The handle's deleter gives the buffer back; it keeps the pool state alive, so a frame
    // may outlive its camera's pool.
    return std::shared_ptr<std::uint8_t>(
        raw, [state = m_state, owner = std::move(owner)](std::uint8_t*) mutable {
            std::lock_guard lock(state->mutex);
            state->free.push_back(std::move(owner));
        });
}

std::size_t FramePool::inUse() const {
    std::lock_guard lock(m_state->mutex);
    return m_state->allocated - m_state->free.size();
}

}  // namespace vigie::inference
