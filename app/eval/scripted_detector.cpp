#include "app/eval/scripted_detector.h"

#include <algorithm>
#include <cstdlib>

namespace vigie::eval {

ScriptedDetector::ScriptedDetector(
    const std::vector<std::pair<std::int64_t, std::vector<ScriptedDetection>>>& detections,
    std::int64_t toleranceUs)
    : m_toleranceUs(toleranceUs) {
    const auto& names = cocoClassNames();
    for (const auto& [pts, dets] : detections) {
        auto& out = m_byPts[pts];
        for (const auto& d : dets) {
            const auto it = std::find(names.begin(), names.end(), d.cls);
            if (it == names.end()) {
                ++m_unknown;
                continue;
            }
            out.push_back({d.box, int(it - names.begin()), d.score});
        }
    }
}

core::Result<std::vector<std::vector<core::Detection>>> ScriptedDetector::detect(
    const std::vector<core::ImageFrame>& frames, const std::vector<inference::TileGrid>& tiles) {
    (void)tiles;
    std::vector<std::vector<core::Detection>> out(frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const std::int64_t pts = frames[i].ptsUs;
        auto best = m_byPts.end();
        auto it = m_byPts.lower_bound(pts);
        if (it != m_byPts.end()) {
            best = it;
        }
        if (it != m_byPts.begin()) {
            auto prev = std::prev(it);
            if (best == m_byPts.end() || pts - prev->first < best->first - pts) {
                best = prev;
            }
        }
        if (best == m_byPts.end() || std::llabs(best->first - pts) > m_toleranceUs) {
            ++m_unmatched;
            continue;
        }
        out[i] = best->second;
    }
    ++m_stats.calls;
    ++m_stats.forwardPasses;
    m_stats.pictures += std::int64_t(frames.size());
    return out;
}

core::Result<std::vector<float>> ScriptedDetector::forwardRaw(const std::vector<float>& input,
                                                              int batch) {
    (void)input;
    (void)batch;
    return core::makeError("the scripted detector has no network");
}

const std::vector<std::string>& ScriptedDetector::classNames() const {
    return cocoClassNames();
}

std::string ScriptedDetector::description() const {
    return "scripted detections (" + std::to_string(m_byPts.size()) + " pictures)";
}

inference::DetectorFactory scriptedDetectorFactory(const ScenarioFiles& files) {
    const double fps = files.fps > 0 ? files.fps : 10.0;
    const auto toleranceUs = std::int64_t(0.5e6 / fps);
    return [dets = files.detections,
            toleranceUs]() -> core::Result<std::unique_ptr<inference::Detector>> {
        return std::unique_ptr<inference::Detector>(
            std::make_unique<ScriptedDetector>(dets, toleranceUs));
    };
}

}  // namespace vigie::eval
