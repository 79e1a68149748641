#pragma once
// An event analyser turns the tracked objects of one analysed picture into a rule
// observation (active or not, with evidence). One instance per (rule, camera), created from
// the validated rule; it keeps per-track state between pictures.
//
// Thread: the camera's analysis strand only; pictures arrive in stream order.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/detection.h"
#include "core/frame.h"
#include "core/result.h"
#include "core/rule_engine.h"
#include "core/site.h"

namespace vigie::inference {

struct AnalysisInput {
    std::int64_t ptsUs = 0;
    const std::vector<core::TrackedObject>* tracks = nullptr;  // confirmed, matched now
    const core::ImageFrame* frame = nullptr;                   // may be empty
};

class Analyser {
public:
    virtual ~Analyser() = default;
    virtual core::RuleObservation update(const AnalysisInput& input) = 0;
    // Zones where a qualifying object is present now (overlay: thicker outline).
    virtual std::vector<std::string> occupiedZones() const { return {}; }
};

core::Result<std::unique_ptr<Analyser>> createAnalyser(const core::Rule& rule,
                                                       const core::Camera& camera);

}  // namespace vigie::inference
