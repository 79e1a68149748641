#include "app/eval/scenario_runner.h"

#include <chrono>
#include <mutex>

#include "app/eval/scripted_detector.h"
#include "inference/engine.h"

namespace vigie::eval {

namespace {

// Keeps every closed alert. Called on the engine's analysis strands.
class CollectingSink final : public core::AlertSink {
public:
    void onAlertOpened(const core::Alert& alert) override {
        std::lock_guard lock(m_mutex);
        m_raisedUs[alert.uid] = alert.endUs;  // the picture that raised it
    }
    void onAlertClosed(const core::Alert& alert) override {
        std::lock_guard lock(m_mutex);
        m_alerts.push_back(alert);
    }
    std::vector<core::Alert> take() {
        std::lock_guard lock(m_mutex);
        return std::move(m_alerts);
    }
    std::map<std::string, std::int64_t> takeRaised() {
        std::lock_guard lock(m_mutex);
        return std::move(m_raisedUs);
    }

private:
    std::mutex m_mutex;
    std::vector<core::Alert> m_alerts;
    std::map<std::string, std::int64_t> m_raisedUs;
};

}  // namespace

core::EventEvalOptions defaultEvalOptions() {
    return {};
}

core::Result<RunResult> runScenario(const ScenarioFiles& files, const RunOptions& options) {
    core::Site site = files.site;
    std::string cameraId;
    for (auto& cam : site.cameras) {
        if (cam.enabled && cameraId.empty()) {
            cameraId = cam.id;
            cam.source.realtime = false;
            cam.source.loop = false;
            if (options.analysisFps > 0) {
                cam.analysisFps = options.analysisFps;
            }
        } else {
            cam.enabled = false;
        }
    }
    if (cameraId.empty()) {
        return core::makeError(files.name + ": the site has no enabled camera");
    }
    CollectingSink sink;
    inference::EngineOptions eo;
    eo.modelDir = options.modelDir;
    eo.manifestPath = options.manifestPath;
    eo.device = options.device;
    eo.cpuThreads = options.cpuThreads;
    eo.offline = true;
    eo.sourceOverrides[cameraId] = files.clipPath;
    eo.alertSink = &sink;
    eo.analysisThreads = 1;
    const bool scripted = !files.detections.empty() && !options.forceRealDetector;
    if (scripted) {
        eo.detectorFactory = scriptedDetectorFactory(files);
    }
    auto engine = inference::Engine::create(site, std::move(eo));
    if (!engine) {
        return core::makeError(files.name + ": " + engine.error().message);
    }
    RunResult result;
    result.detector = (*engine)->detector().description();
    const auto started = std::chrono::steady_clock::now();
    (*engine)->start();
    const bool finished = (*engine)->waitFinished(options.timeoutS * 1000);
    (*engine)->stop();
    result.wallS =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto health = (*engine)->health();
    if (!health.cameras.empty()) {
        const auto& cam = health.cameras.front();
        result.framesAnalysed = cam.framesAnalysed;
        result.analysedS = double(cam.lastPtsUs) / 1e6;
    }
    engine->reset();
    result.alerts = sink.take();
    result.raisedUs = sink.takeRaised();
    if (!finished) {
        return core::makeError(files.name + ": not analysed within " +
                               std::to_string(options.timeoutS) + " s");
    }
    if (result.framesAnalysed == 0) {
        return core::makeError(files.name + ": no picture was analysed from " + files.clipPath);
    }
    return result;
}

std::map<core::EventType, core::EventScore> scoreRun(const ScenarioFiles& files,
                                                     const RunResult& run,
                                                     const core::EventEvalOptions& options) {
    std::vector<core::AlertInterval> alerts;
    alerts.reserve(run.alerts.size());
    for (const auto& a : run.alerts) {
        alerts.push_back(core::toInterval(a, run.raisedAt(a)));
    }
    const double duration = files.durationS > 0 ? files.durationS : run.analysedS;
    return core::evaluateEvents(files.truth, alerts, duration, files.events, options);
}

}  // namespace vigie::eval
