#pragma once
// The analysis engine of one server: for each enabled camera a source thread (FFmpeg decode,
// decimation to the camera's analysis rate), one inference thread batching pictures across
// cameras, and analysis strands (tracker → analysers → rule engine → alert sink, frame sink)
// ordered per camera. Hosted in-process by the workstation or by the headless daemon, and
// by `vigie analyze`.
//
// Hand-offs (see docs/architecture.md):
//   source → inference: one slot per camera, latest-only when live (older picture dropped
//                       and counted), lossless in offline mode (the decoder waits);
//   inference → analysis: at most kMaxInFlight pictures per camera in flight;
//   analysis → alerts: synchronous calls into the AlertSink, which must only enqueue.
//
// Thread: create/start/stop/health from one controlling thread; sinks are called from the
// engine's threads.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "core/frame_sink.h"
#include "core/health.h"
#include "core/result.h"
#include "core/rule_engine.h"
#include "core/site.h"
#include "inference/detector.h"
#include "inference/frame_source.h"

namespace vigie::inference {

inline constexpr int kMaxInFlight = 2;

using DetectorFactory = std::function<core::Result<std::unique_ptr<Detector>>()>;
// Turns a camera's credentials reference (source.credentials in the site) into
// "user:password", read from the keychain or the site's secret store. Called from source
// threads; the result is never logged.
using CredentialResolver = std::function<core::Result<std::string>(const std::string& ref)>;

struct EngineOptions {
    std::string modelDir;      // where the manifest's files are
    std::string manifestPath;  // models/manifest.json
    std::string device;        // overrides the site's engine.device when not empty
    // A CPU detector: LibTorch intra-op threads of each pass, and how many passes run at
    // once (inference workers). 0, 0: one worker per camera up to one per core, the cores
    // shared between them (2 cores, 1 camera: 1 × 2 threads; 2 cores, 4 cameras: 2 × 1).
    // Threads only: as many workers as fit. A GPU detector has one worker.
    int cpuThreads = 0;
    int inferenceWorkers = 0;
    bool offline = false;  // files as fast as possible, nothing dropped, stop at the end
    std::map<std::string, std::string> sourceOverrides;  // camera id → URL or file
    // Camera id → seconds into its file where analysis starts (the pictures before are
    // decoded, not analysed; past the end of a looping file: from its start). Benchmarks stagger
    // copies of one clip with it, so that N cameras do not all see the same motion at the same
    // moment.
    std::map<std::string, double> sourceStartS;
    core::AlertSink* alertSink = nullptr;           // required
    core::FrameSink* frameSink = nullptr;           // optional
    const core::ScheduleGate* schedules = nullptr;  // optional: always active
    std::function<std::int64_t()> wallClockMs;      // optional: system clock
    DetectorFactory detectorFactory;                // optional: tests, benchmarks
    CredentialResolver credentials;                 // optional: no camera needs one
    HardwareDecode hardwareDecode = HardwareDecode::None;
    std::string statusFile;  // health snapshot written here (atomically) for `vigie status`
    int statusIntervalMs = 2000;
    double stallTimeoutS = 5.0;
    double maxBackoffS = 30.0;
    int analysisThreads = 0;  // 0: min(2, cameras)
};

class Engine {
public:
    // Validates the site against the model (class names), loads the detector and prepares
    // every camera. Nothing runs until start().
    static core::Result<std::unique_ptr<Engine>> create(const core::Site& site,
                                                        EngineOptions options);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    void start();
    // Ordered shutdown: stop sources → drain inference and analysis → close open alerts.
    void stop();
    // Offline mode: true once every camera has reached its end and was analysed.
    bool waitFinished(int timeoutMs);

    // Global stop of all processing (Ex. 46): alerts close, nothing new is raised.
    void setProcessingEnabled(bool enabled);
    bool processingEnabled() const;

    core::EngineHealth health() const;
    // Starts the latency percentiles afresh (benchmarks measure a steady state).
    void resetLatencyStats();
    const Detector& detector() const;
    // Detector passes that run at once (EngineOptions::inferenceWorkers, as resolved).
    int inferenceWorkers() const;
    const std::vector<std::string>& classNames() const;

private:
    Engine();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Resolves the detector named by the site through the manifest, verifies its hash and
// loads it. Used by Engine::create and by `vigie bench`.
core::Result<std::unique_ptr<Detector>> loadSiteDetector(const core::Site& site,
                                                         const std::string& modelDir,
                                                         const std::string& manifestPath,
                                                         const std::string& device, int cpuThreads);

}  // namespace vigie::inference
