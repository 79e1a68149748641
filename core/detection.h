#pragma once
// What the models see and the tracker follows, in normalised image coordinates. Shared by
// the engine (producer) and the UI overlays (consumer). Pure values, any thread.

#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.h"

namespace vigie::core {

// One detector output after decoding and NMS.
struct Detection {
    BoxF box;            // normalised 0..1
    int classId = -1;    // index in the model's class list
    float score = 0.0F;  // objectness × class probability
};

using TrackId = std::int64_t;

enum class TrackState { Invalid = 0, Tentative, Confirmed, Lost };

// A tracked object as the analysers and the overlay see it.
struct TrackedObject {
    TrackId id = 0;
    BoxF box;  // current (filtered) box, normalised
    int classId = -1;
    std::string label;   // class name, e.g. "person"
    float score = 0.0F;  // score of the last matched detection
    TrackState state = TrackState::Invalid;
    std::int64_t firstSeenUs = 0;
    std::int64_t lastSeenUs = 0;  // stream time of the last matched detection
    int hits = 0;                 // matched detections so far
    PointF velocity;              // normalised units per second, of the box bottom centre
};

}  // namespace vigie::core
