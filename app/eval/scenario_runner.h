#pragma once
// Runs one scenario through the real engine (offline: every picture analysed, nothing
// dropped) and scores its alerts against the truth. Generated scenarios replay their
// scripted detections; real clips run the site's detector from the model manifest.
// Thread: call from one thread; it blocks until the clip has been analysed.
//
//   auto files = loadScenarioDir("scenarios/fire_flame", dataDir);
//   auto run = runScenario(*files, {});
//   auto scores = scoreRun(*files, *run);

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/eval/scenario.h"
#include "core/alert.h"
#include "core/event_eval.h"
#include "core/result.h"

namespace vigie::eval {

struct RunOptions {
    std::string modelDir;      // real detector only
    std::string manifestPath;  // real detector only
    std::string device = "cpu";
    int cpuThreads = 0;
    double analysisFps = 0.0;  // > 0: overrides the camera's analysis rate
    int timeoutS = 600;
    bool forceRealDetector = false;  // ignore the scripted detections
};

struct RunResult {
    std::vector<core::Alert> alerts;  // closed alerts, in closing order
    // Stream time at which each alert (by uid) was raised: its evidence start (startUs) may
    // be dated back by the analyser.
    std::map<std::string, std::int64_t> raisedUs;
    std::int64_t raisedAt(const core::Alert& a) const {
        const auto it = raisedUs.find(a.uid);
        return it != raisedUs.end() ? it->second : a.startUs;
    }
    double analysedS = 0.0;  // stream time covered
    std::int64_t framesAnalysed = 0;
    double wallS = 0.0;
    std::string detector;
};

core::Result<RunResult> runScenario(const ScenarioFiles& files, const RunOptions& options);

// The per-event scores of one run (every evaluated event gets a row).
std::map<core::EventType, core::EventScore> scoreRun(const ScenarioFiles& files,
                                                     const RunResult& run,
                                                     const core::EventEvalOptions& options = {});

// Default matching tolerances for an event (abandoned objects and falls are alerted after
// their waiting time, so they get more room after the truth).
core::EventEvalOptions defaultEvalOptions();

}  // namespace vigie::eval
