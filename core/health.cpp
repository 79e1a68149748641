#include "core/health.h"

#include <nlohmann/json.hpp>

#include <optional>

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

namespace {

std::optional<CameraState> stateFromName(std::string_view name) {
    for (auto s :
         {CameraState::Stopped, CameraState::Connecting, CameraState::Live, CameraState::Stalled,
          CameraState::Reconnecting, CameraState::Failed, CameraState::Finished}) {
        if (toName(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string healthToJson(const EngineHealth& h) {
    nlohmann::json cams = nlohmann::json::array();
    for (const auto& c : h.cameras) {
        cams.push_back({{"camera", c.cameraId},
                        {"state", toName(c.state)},
                        {"last_error", c.lastError},
                        {"frames_decoded", c.framesDecoded},
                        {"frames_analysed", c.framesAnalysed},
                        {"frames_dropped", c.framesDropped},
                        {"decode_errors", c.decodeErrors},
                        {"reconnects", c.reconnects},
                        {"detections_skipped", c.detectionsSkipped},
                        {"static_skipped", c.staticSkipped},
                        {"gaps", c.gaps},
                        {"last_gap_s", c.lastGapS},
                        {"timestamp_jumps", c.timestampJumps},
                        {"resolution_changes", c.resolutionChanges},
                        {"bytes_in", c.bytesIn},
                        {"bitrate_kbps", c.bitrateKbps},
                        {"analysed_fps", c.analysedFps},
                        {"last_picture_age_ms", c.lastPictureAgeMs},
                        {"hardware_decode", c.hardwareDecode},
                        {"last_pts_us", c.lastPtsUs},
                        {"width", c.width},
                        {"height", c.height}});
    }
    return nlohmann::json{{"wall_ms", h.wallMs},
                          {"detector", h.detector},
                          {"inferences", h.inferences},
                          {"batches", h.batches},
                          {"detector_errors", h.detectorErrors},
                          {"latency_p50_ms", h.latencyP50Ms},
                          {"latency_p95_ms", h.latencyP95Ms},
                          {"latency_p99_ms", h.latencyP99Ms},
                          {"average_batch", h.averageBatch},
                          {"processing_enabled", h.processingEnabled},
                          {"cameras", cams}}
        .dump(2);
}

bool healthFromJson(const std::string& text, EngineHealth& out, std::string* error) {
    try {
        const auto j = nlohmann::json::parse(text);
        EngineHealth h;
        h.wallMs = j.at("wall_ms").get<std::int64_t>();
        h.detector = j.at("detector").get<std::string>();
        h.inferences = j.at("inferences").get<std::int64_t>();
        h.batches = j.at("batches").get<std::int64_t>();
        h.detectorErrors = j.value("detector_errors", std::int64_t(0));
        h.latencyP50Ms = j.value("latency_p50_ms", 0.0);
        h.latencyP95Ms = j.value("latency_p95_ms", 0.0);
        h.latencyP99Ms = j.value("latency_p99_ms", 0.0);
        h.averageBatch = j.value("average_batch", 0.0);
        h.processingEnabled = j.at("processing_enabled").get<bool>();
        for (const auto& c : j.at("cameras")) {
            CameraHealth ch;
            ch.cameraId = c.at("camera").get<std::string>();
            ch.state =
                stateFromName(c.at("state").get<std::string>()).value_or(CameraState::Invalid);
            ch.lastError = c.value("last_error", "");
            ch.framesDecoded = c.value("frames_decoded", std::int64_t(0));
            ch.framesAnalysed = c.value("frames_analysed", std::int64_t(0));
            ch.framesDropped = c.value("frames_dropped", std::int64_t(0));
            ch.decodeErrors = c.value("decode_errors", std::int64_t(0));
            ch.reconnects = c.value("reconnects", std::int64_t(0));
            ch.detectionsSkipped = c.value("detections_skipped", std::int64_t(0));
            ch.staticSkipped = c.value("static_skipped", std::int64_t(0));
            ch.gaps = c.value("gaps", std::int64_t(0));
            ch.lastGapS = c.value("last_gap_s", 0.0);
            ch.timestampJumps = c.value("timestamp_jumps", std::int64_t(0));
            ch.resolutionChanges = c.value("resolution_changes", std::int64_t(0));
            ch.bytesIn = c.value("bytes_in", std::int64_t(0));
            ch.bitrateKbps = c.value("bitrate_kbps", 0.0);
            ch.analysedFps = c.value("analysed_fps", 0.0);
            ch.lastPictureAgeMs = c.value("last_picture_age_ms", std::int64_t(-1));
            ch.hardwareDecode = c.value("hardware_decode", "");
            ch.lastPtsUs = c.value("last_pts_us", std::int64_t(0));
            ch.width = c.value("width", 0);
            ch.height = c.value("height", 0);
            h.cameras.push_back(std::move(ch));
        }
        out = std::move(h);
        return true;
    } catch (const nlohmann::json::exception& e) {
        if (error != nullptr) {
            *error = e.what();
        }
        return false;
    }
}

}  // namespace vigie::core
