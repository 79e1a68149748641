#pragma once
// Health of each camera and of the engine, for the health view, `vigie status` and logs.
// Plain values; the engine fills them from atomic counters (snapshot on request).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::core {

enum class CameraState {
    Invalid = 0,
    Stopped,       // not started, or disabled
    Connecting,    // opening the source
    Live,          // frames arriving
    Stalled,       // no frame for the stall delay
    Reconnecting,  // waiting before the next attempt (backoff)
    Failed,        // gave up (a file that cannot be read)
    Finished,      // end of a file analysed offline
};

std::string_view toName(CameraState state);

// Green / yellow / red, as the health view shows it.
enum class HealthLevel { Invalid = 0, Ok, Degraded, Down, Unknown };
HealthLevel healthLevel(CameraState state);

struct CameraHealth {
    std::string cameraId;
    CameraState state = CameraState::Stopped;
    std::string lastError;
    std::int64_t framesDecoded = 0;
    std::int64_t framesAnalysed = 0;
    std::int64_t framesDropped = 0;  // skipped by the latest-only hand-off or pool exhaustion
    std::int64_t decodeErrors = 0;
    std::int64_t reconnects = 0;
    std::int64_t detectionsSkipped = 0;  // pictures analysed without the detector (static)
    // Static pictures not analysed at all: a picture of the camera was still in the detector
    // (live only; the tracks coast over them on the next picture).
    std::int64_t staticSkipped = 0;
    std::int64_t gaps = 0;            // interruptions of the picture flow that healed
    double lastGapS = 0.0;            // length of the last one
    std::int64_t timestampJumps = 0;  // discontinuities absorbed by the timeline
    std::int64_t resolutionChanges = 0;
    std::int64_t bytesIn = 0;
    double bitrateKbps = 0.0;            // over the last health interval
    double analysedFps = 0.0;            // over the last health interval
    std::int64_t lastPictureAgeMs = -1;  // since the last decoded picture; -1 before any
    std::string hardwareDecode;          // device name when decoding on a GPU
    std::int64_t lastPtsUs = 0;          // stream time of the last analysed picture
    double sourceDurationS = 0.0;
    int width = 0;
    int height = 0;
};

struct EngineHealth {
    std::int64_t wallMs = 0;  // when this snapshot was taken
    std::vector<CameraHealth> cameras;
    std::string detector;  // model and device
    std::int64_t inferences = 0;
    std::int64_t batches = 0;
    std::int64_t detectorErrors = 0;  // failed detector calls (their pictures are dropped)
    // Decoded picture → analysis done (alerts raised), over the pictures since start or the
    // last reset, in milliseconds.
    double latencyP50Ms = 0.0;
    double latencyP95Ms = 0.0;
    double latencyP99Ms = 0.0;
    std::int64_t latencySamples = 0;
    double averageBatch = 0.0;  // pictures per detector forward pass
    bool processingEnabled = true;
};

// The snapshot as JSON (the status file read by `vigie status`), and back.
std::string healthToJson(const EngineHealth& health);
bool healthFromJson(const std::string& text, EngineHealth& out, std::string* error = nullptr);

}  // namespace vigie::core
