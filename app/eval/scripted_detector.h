#pragma once
// A detector that returns a scenario's scripted boxes instead of running a network: for each
// picture, the detections recorded for the nearest stream time (within half a picture
// period), in the COCO class order of the product's detector. Injected into the engine
// through EngineOptions::detectorFactory, so the rest of the pipeline (tracker, analysers,
// rule engine) runs unchanged.
// Thread: the engine's inference thread (like every Detector).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/eval/scenario.h"
#include "inference/detector.h"
#include "inference/engine.h"

namespace vigie::eval {

class ScriptedDetector final : public inference::Detector {
public:
    // `toleranceUs`: a picture takes the detections of the nearest scripted time within it.
    ScriptedDetector(
        const std::vector<std::pair<std::int64_t, std::vector<ScriptedDetection>>>& detections,
        std::int64_t toleranceUs);

    core::Result<std::vector<std::vector<core::Detection>>> detect(
        const std::vector<core::ImageFrame>& frames,
        const std::vector<inference::TileGrid>& tiles = {}) override;
    core::Result<std::vector<float>> forwardRaw(const std::vector<float>& input,
                                                int batch) override;
    const std::vector<std::string>& classNames() const override;
    std::string description() const override;
    inference::DetectorStats stats() const override { return m_stats; }

    // Pictures for which no scripted time was close enough (their detections are empty).
    std::int64_t unmatchedPictures() const { return m_unmatched; }
    // Scripted detections whose class the COCO list does not have (left out).
    int unknownClasses() const { return m_unknown; }

private:
    std::map<std::int64_t, std::vector<core::Detection>> m_byPts;
    std::int64_t m_toleranceUs;
    std::int64_t m_unmatched = 0;
    int m_unknown = 0;
    inference::DetectorStats m_stats;
};

// A factory for EngineOptions::detectorFactory over a scenario's detections.
inference::DetectorFactory scriptedDetectorFactory(const ScenarioFiles& files);

}  // namespace vigie::eval
