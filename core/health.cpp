#include "core/health.h"

namespace vigie::core {

std::string_view toName(CameraState state) {
    switch (state) {
        case CameraState::Stopped:
            return "stopped";
        case CameraState::Connecting:
            return "connecting";
        case CameraState::Live:
            return "live";
        case CameraState::Stalled:
            return "stalled";
        case CameraState::Reconnecting:
            return "reconnecting";
        case CameraState::Failed:
            return "failed";
        case CameraState::Finished:
            return "finished";
        case CameraState::Invalid:
            break;
    }
    return "invalid";
}

HealthLevel healthLevel(CameraState state) {
    switch (state) {
        case CameraState::Live:
        case CameraState::Finished:
            return HealthLevel::Ok;
        case CameraState::Connecting:
        case CameraState::Stalled:
        case CameraState::Reconnecting:
            return HealthLevel::Degraded;
        case CameraState::Failed:
            return HealthLevel::Down;
        case CameraState::Stopped:
        case CameraState::Invalid:
            break;
    }
    return HealthLevel::Unknown;
}

}  // namespace vigie::core
