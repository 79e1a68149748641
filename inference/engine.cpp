#include "inference/engine.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "core/calibration.h"
#include "core/log.h"
#include "core/model_manifest.h"
#include "core/schedule.h"
#include "core/time_zone.h"
#include "inference/analyser.h"
#include "inference/density_runner.h"
#include "inference/frame_source.h"
#include "inference/motion_detector.h"
#include "inference/motion_gate.h"
#include "inference/pose_runner.h"
#include "inference/torch_device.h"
#include "inference/tracker.h"

namespace vigie::inference {

using core::makeError;
using core::Result;

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t systemWallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Classes shown and tracked even when no rule names them: what an operator expects to see
// boxed on a security wall (people, vehicles, luggage, blades).
const std::vector<std::string>& watchedClasses() {
    static const std::vector<std::string> kClasses = {
        "person",   "bicycle", "car",      "motorcycle", "bus",   "train",    "truck",
        "backpack", "handbag", "suitcase", "umbrella",   "knife", "scissors", "baseball bat",
    };
    return kClasses;
}

std::vector<std::string> ruleClasses(const core::Rule& rule) {
    return std::visit(
        [](const auto& p) -> std::vector<std::string> {
            if constexpr (requires { p.classes; }) {
                return p.classes;
            } else {
                return {"person"};  // density, crowd, fall: people; fire: none needed
            }
        },
        rule.params);
}

// A strand executor: N threads, each owning a FIFO; work for one camera always goes to the
// same thread, so a camera's pictures are analysed in order without locks on its state.
class StrandExecutor {
public:
    explicit StrandExecutor(int threads) : m_queues(std::size_t(std::max(1, threads))) {
        for (std::size_t i = 0; i < m_queues.size(); ++i) {
            m_threads.emplace_back([this, i] { run(i); });
        }
    }
    ~StrandExecutor() { shutdown(); }

    void post(std::size_t strand, std::function<void()> task) {
        auto& q = m_queues[strand % m_queues.size()];
        {
            std::lock_guard lock(q.mutex);
            q.tasks.push_back(std::move(task));
        }
        q.cv.notify_one();
    }

    // Runs what is queued, then joins.
    void shutdown() {
        for (auto& q : m_queues) {
            {
                std::lock_guard lock(q.mutex);
                q.stopping = true;
            }
            q.cv.notify_all();
        }
        for (auto& t : m_threads) {
            if (t.joinable()) {
                t.join();
            }
        }
        m_threads.clear();
    }

private:
    struct Queue {
        std::mutex mutex;
        std::condition_variable cv;
        std::deque<std::function<void()>> tasks;
        bool stopping = false;
    };

    void run(std::size_t i) {
        auto& q = m_queues[i];
        while (true) {
            std::function<void()> task;
            {
                std::unique_lock lock(q.mutex);
                q.cv.wait(lock, [&] { return q.stopping || !q.tasks.empty(); });
                if (q.tasks.empty()) {
                    return;
                }
                task = std::move(q.tasks.front());
                q.tasks.pop_front();
            }
            try {
                task();
            } catch (const std::exception& e) {
                core::logger("engine")->error("analysis task failed: {}", e.what());
            } catch (...) {
                core::logger("engine")->error("analysis task failed with an unknown error");
            }
        }
    }

    std::vector<Queue> m_queues;
    std::vector<std::thread> m_threads;
};

}  // namespace

struct CameraRuntime {
    std::size_t index = 0;
    const core::Camera* camera = nullptr;
    std::string url;
    bool isFile = false;
    std::thread sourceThread;

    // Hand-off slot, guarded by Engine::Impl::mutex.
    std::optional<core::ImageFrame> pending;
    int inFlight = 0;
    // A picture of this camera is in a detector pass: with several inference workers, the
    // next one waits for it, so that the camera's pictures reach its strand in order.
    bool inDetector = false;
    bool sourceDone = false;
    bool finishPosted = false;

    // Analysis state: touched only on this camera's strand.
    std::unique_ptr<ByteTracker> tracker;
    std::vector<std::pair<const core::Rule*, std::unique_ptr<Analyser>>> analysers;
    std::unique_ptr<core::RuleEngine> rules;
    // The camera's ground model: the drawn calibration, else an estimate from the heights
    // of the people tracked so far (refreshed every kScaleRefitFrames pictures).
    bool groundPrepared = false;
    std::optional<core::GroundModel> drawnGround;
    std::optional<core::PersonScaleEstimator> scaleEstimator;
    std::optional<core::GroundModel> estimatedGround;
    std::int64_t framesSinceScaleFit = 0;
    // The last density map of this camera's pictures (recomputed every kDensityIntervalUs).
    std::optional<DensityMap> densityMap;
    std::int64_t densityPtsUs = INT64_MIN;

    // The source being read, so that stop() can interrupt a blocking open or read.
    // Guarded by Engine::Impl::mutex.
    FrameSource* activeSource = nullptr;
    // Stream time keeps increasing across reconnects: each new session of the source starts
    // its timestamps at 0, so they are shifted past the last picture by the wall-clock gap.
    std::int64_t timelineOffsetUs = 0;
    std::int64_t lastDeliveredPtsUs = -1;
    Clock::time_point lastDeliveredAt{};

    // Motion gating (camera.detection.motionGating): source thread only.
    std::unique_ptr<MotionGate> gate;
    std::int64_t lastDetectedPtsUs = INT64_MIN;
    std::atomic<std::int64_t> detectionsSkipped{0};
    std::atomic<std::int64_t> staticSkipped{0};
    TileGrid tiles;

    std::atomic<core::CameraState> state{core::CameraState::Stopped};
    std::atomic<std::int64_t> decoded{0};
    std::atomic<std::int64_t> analysed{0};
    std::atomic<std::int64_t> dropped{0};
    std::atomic<std::int64_t> decodeErrors{0};
    std::atomic<std::int64_t> reconnects{0};
    std::atomic<std::int64_t> gaps{0};
    std::atomic<double> lastGapS{0.0};
    std::atomic<std::int64_t> timestampJumps{0};
    std::atomic<std::int64_t> resolutionChanges{0};
    std::atomic<std::int64_t> bytesIn{0};
    std::atomic<std::int64_t> lastPictureSteadyMs{-1};
    // Rates over the last supervisor tick.
    std::atomic<double> bitrateKbps{0.0};
    std::atomic<double> analysedFps{0.0};
    std::int64_t rateBytes = 0;
    std::int64_t rateAnalysed = 0;
    std::string hardwareDecode;  // guarded by errorMutex
    std::atomic<std::int64_t> lastPtsUs{0};
    std::atomic<int> width{0};
    std::atomic<int> height{0};
    std::atomic<double> durationS{0.0};
    mutable std::mutex errorMutex;
    std::string lastError;

    void setError(const std::string& e) {
        std::lock_guard lock(errorMutex);
        lastError = e;
    }
    std::string lastErrorCopy() const {
        std::lock_guard lock(errorMutex);
        return lastError;
    }
};

struct Engine::Impl {
    core::Site site;
    EngineOptions options;
    std::unique_ptr<Detector> detector;
    // Model runners of the analysers, loaded only when a rule needs them; absent models
    // degrade the analyser (box shape only, counts from boxes only), they never fail start.
    std::unique_ptr<PoseEstimator> pose;
    std::unique_ptr<DensityEstimator> density;
    std::atomic<std::int64_t> modelErrors{0};
    std::vector<std::unique_ptr<CameraRuntime>> cameras;
    core::RuleSwitches switches;
    std::unique_ptr<core::ScheduleEvaluator> ownSchedules;  // when the host gives none
    std::vector<bool> trackedClass;                         // by class id
    std::atomic<std::int64_t> detectorErrors{0};
    // Latency histogram, 1 ms bins up to kLatencyBins ms (the last bin holds the rest).
    static constexpr int kLatencyBins = 10000;
    std::unique_ptr<std::atomic<std::int64_t>[]> latencyBins {
        new std::atomic<std::int64_t>[ kLatencyBins ]()
    };
    double latencyPercentile(double p) const {
        std::int64_t total = 0;
        for (int i = 0; i < kLatencyBins; ++i) {
            total += latencyBins[i].load(std::memory_order_relaxed);
        }
        if (total == 0) {
            return 0.0;
        }
        const auto rank = std::int64_t(std::ceil(p * double(total)));
        std::int64_t seen = 0;
        for (int i = 0; i < kLatencyBins; ++i) {
            seen += latencyBins[i].load(std::memory_order_relaxed);
            if (seen >= rank) {
                return double(i) + 0.5;
            }
        }
        return double(kLatencyBins);
    }

    std::mutex mutex;
    std::condition_variable frameReady;  // inference waits for pictures
    std::condition_variable slotFreed;   // offline producers wait for their slot
    std::condition_variable finished;
    bool stopping = false;
    std::size_t roundRobin = 0;

    std::vector<std::thread> inferenceThreads;
    int inferenceWorkers = 1;
    std::thread supervisorThread;
    std::condition_variable supervisorWake;
    std::unique_ptr<StrandExecutor> analysis;
    std::atomic<std::int64_t> inferences{0};
    std::atomic<std::int64_t> batches{0};
    bool started = false;
    bool stopped = false;
    std::shared_ptr<spdlog::logger> log = core::logger("engine");

    std::int64_t wallNowMs() const {
        return options.wallClockMs ? options.wallClockMs() : systemWallMs();
    }

    // Sleeps up to `ms`, waking early on stop. Returns false when stopping.
    bool sleepInterruptible(std::int64_t ms) {
        std::unique_lock lock(mutex);
        return !slotFreed.wait_for(lock, std::chrono::milliseconds(ms), [&] { return stopping; });
    }

    void sourceLoop(CameraRuntime& cam);
    bool pumpSource(CameraRuntime& cam, FrameSource& src);
    void inferenceLoop();
    // coast: the detector was skipped (static scene); tracks stay where they are.
    void analyse(CameraRuntime& cam, const core::ImageFrame& frame,
                 std::vector<core::Detection> detections, bool coast = false);
    void postFinishLocked(CameraRuntime& cam);
    const core::GroundModel* groundFor(CameraRuntime& cam, const core::ImageFrame& frame,
                                       const std::vector<core::TrackedObject>& tracks);
    void loadAnalyserModels();
    class CameraModels;
    void supervisorLoop();
    void writeStatusFile();
    core::EngineHealth snapshot() const;
};

void Engine::Impl::sourceLoop(CameraRuntime& cam) {
    const auto& id = cam.camera->id;
    double backoffS = 1.0;
    std::mt19937 rng(std::random_device{}());
    while (true) {
        {
            std::lock_guard lock(mutex);
            if (stopping) {
                break;
            }
        }
        cam.state = core::CameraState::Connecting;
        SourceOptions so;
        so.transport = cam.camera->source.transport;
        so.hardware = options.hardwareDecode;
        so.allocator = detector->bufferAllocator();
        if (!cam.camera->source.credentialsRef.empty()) {
            auto secret = options.credentials
                              ? options.credentials(cam.camera->source.credentialsRef)
                              : core::Result<std::string>(makeError("no credential store"));
            if (secret) {
                so.userInfo = *secret;
            } else {
                cam.setError("credentials '" + cam.camera->source.credentialsRef +
                             "' are not available: " + secret.error().message);
                log->error("[{}] {}", id, cam.lastErrorCopy());
            }
        }
        so.readTimeoutMs = int(options.stallTimeoutS * 1000);
        // One decode thread: decoding is ~100× real time per core, and extra threads only
        // compete with the detector for the same cores.
        so.decodeThreads = 1;
        so.poolFrames = 4 + 2 * kMaxInFlight;
        auto opened = openFrameSource(cam.url, so);
        bool retry = !options.offline;
        if (opened) {
            auto& src = **opened;
            {
                std::lock_guard lock(mutex);
                if (stopping) {
                    break;
                }
                cam.activeSource = &src;
                // A new session: its timestamps start again at 0.
                if (cam.lastDeliveredPtsUs >= 0) {
                    const auto gapUs = std::chrono::duration_cast<std::chrono::microseconds>(
                                           Clock::now() - cam.lastDeliveredAt)
                                           .count();
                    cam.timelineOffsetUs =
                        cam.lastDeliveredPtsUs + std::max<std::int64_t>(gapUs, 1);
                }
            }
            cam.width = src.info().width;
            cam.height = src.info().height;
            cam.durationS = src.info().durationS;
            {
                std::lock_guard errorLock(cam.errorMutex);
                cam.hardwareDecode = src.info().hardware;
            }
            backoffS = 1.0;
            retry = pumpSource(cam, src) && !options.offline;
            std::lock_guard lock(mutex);
            cam.activeSource = nullptr;
        } else {
            cam.setError(opened.error().message);
            log->error("[{}] {}", id, opened.error().message);
            if (cam.isFile) {
                retry = false;  // a missing or unreadable file will not heal by itself
            }
        }
        {
            std::lock_guard lock(mutex);
            if (stopping) {
                break;  // an interrupted read at shutdown is not a failure to report
            }
        }
        if (!retry) {
            break;
        }
        // Exponential backoff with jitter, capped, so a site-wide outage does not make
        // every camera reconnect in the same millisecond.
        cam.state = core::CameraState::Reconnecting;
        ++cam.reconnects;
        std::uniform_real_distribution<double> jitter(0.8, 1.2);
        const double waitS = std::min(backoffS, options.maxBackoffS) * jitter(rng);
        backoffS = std::min(backoffS * 2.0, options.maxBackoffS);
        log->warn("[{}] reconnecting in {:.1f} s", id, waitS);
        if (!sleepInterruptible(std::int64_t(waitS * 1000))) {
            break;
        }
    }
    std::lock_guard lock(mutex);
    cam.sourceDone = true;
    if (stopping) {
        if (cam.state != core::CameraState::Finished) {
            cam.state = core::CameraState::Stopped;
        }
    } else if (cam.state != core::CameraState::Finished && cam.state != core::CameraState::Failed) {
        std::lock_guard errorLock(cam.errorMutex);
        cam.state = cam.lastError.empty() ? core::CameraState::Stopped : core::CameraState::Failed;
    }
    if (!cam.pending && cam.inFlight == 0) {
        postFinishLocked(cam);
    }
    frameReady.notify_all();
}

// Decodes until the end, an error, or stop. Returns true when the caller should reconnect.
bool Engine::Impl::pumpSource(CameraRuntime& cam, FrameSource& src) {
    const auto& id = cam.camera->id;
    const double fps = cam.camera->analysisFps;
    const auto periodUs = std::int64_t(1e6 / fps);
    std::int64_t nextDueUs = -1;
    const bool paced = cam.isFile && !options.offline && cam.camera->source.realtime;
    auto paceStart = Clock::now();
    std::int64_t paceOriginUs = -1;
    const std::int64_t bytesBase = cam.bytesIn.load();
    const std::int64_t jumpsBase = cam.timestampJumps.load();
    const std::int64_t resizeBase = cam.resolutionChanges.load();
    const std::int64_t errorsBase = cam.decodeErrors.load();
    bool firstPicture = true;
    // Files that start further in (EngineOptions::sourceStartS): only before the first picture
    // is delivered, never after a reconnection.
    const auto start = options.sourceStartS.find(cam.camera->id);
    std::int64_t skipUs = (cam.isFile && cam.lastDeliveredPtsUs < 0 &&
                           start != options.sourceStartS.end() && start->second > 0.0)
                              ? std::int64_t(start->second * 1e6)
                              : 0;
    std::int64_t skipFromUs = -1;
    while (true) {
        {
            std::lock_guard lock(mutex);
            if (stopping) {
                src.interrupt();
                return false;
            }
        }
        const ReadStatus status = src.next();
        cam.bytesIn = bytesBase + src.counters().bytes.load();
        cam.decodeErrors = errorsBase + src.counters().decodeErrors.load();
        cam.timestampJumps = jumpsBase + src.counters().timestampJumps.load();
        cam.resolutionChanges = resizeBase + src.counters().resolutionChanges.load();
        if (status == ReadStatus::EndOfStream) {
            skipUs = 0;  // the start was past the end: from the beginning
            if (cam.isFile && cam.camera->source.loop && !options.offline) {
                if (auto r = src.rewind(); !r) {
                    cam.setError(r.error().message);
                    return true;
                }
                continue;
            }
            log->info("[{}] end of {}", id, src.displayUrl());
            if (cam.isFile) {
                cam.state = core::CameraState::Finished;
                return false;
            }
            cam.setError("the stream ended");
            return true;
        }
        if (status == ReadStatus::Error) {
            cam.setError(src.lastError());
            if (cam.isFile) {
                // A damaged file: report, then stop this camera (others keep running).
                log->error("[{}] {}: {}", id, src.displayUrl(), src.lastError());
                cam.state = core::CameraState::Failed;
                return false;
            }
            cam.state = core::CameraState::Stalled;
            log->warn("[{}] {}", id, src.lastError());
            return true;
        }
        if (skipUs > 0) {
            if (skipFromUs < 0) {
                skipFromUs = src.currentPtsUs();
            }
            if (src.currentPtsUs() - skipFromUs < skipUs) {
                continue;
            }
            skipUs = 0;
        }
        ++cam.decoded;
        cam.state = core::CameraState::Live;
        cam.lastPictureSteadyMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
                .count();
        if (firstPicture) {
            firstPicture = false;
            if (cam.lastDeliveredPtsUs >= 0) {
                // Pictures again after an interruption: report how long the camera was blind.
                const double gapS =
                    std::chrono::duration<double>(Clock::now() - cam.lastDeliveredAt).count();
                ++cam.gaps;
                cam.lastGapS = gapS;
                log->warn("[{}] pictures again after a gap of {:.1f} s; analysis resumed", id,
                          gapS);
            }
            cam.setError("");
        }
        const std::int64_t pts = src.currentPtsUs() + cam.timelineOffsetUs;
        if (paced) {
            if (paceOriginUs < 0 || pts < paceOriginUs) {
                paceOriginUs = pts;
                paceStart = Clock::now();
            }
            const auto due = paceStart + std::chrono::microseconds(pts - paceOriginUs);
            std::unique_lock lock(mutex);
            if (slotFreed.wait_until(lock, due, [&] { return stopping; })) {
                return false;
            }
        }
        if (nextDueUs >= 0 && pts < nextDueUs) {
            continue;  // decimated: decoded to keep up with the stream, not analysed
        }
        nextDueUs =
            (nextDueUs < 0 || pts - nextDueUs > periodUs) ? pts + periodUs : nextDueUs + periodUs;
        auto frame = src.convertCurrent();
        if (!frame) {
            ++cam.dropped;  // every pool buffer still in use downstream
            continue;
        }
        frame->streamId = int(cam.index);
        frame->captureSteadyUs =
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch())
                .count();
        frame->ptsUs = pts;
        cam.lastDeliveredPtsUs = pts;
        cam.lastDeliveredAt = Clock::now();
        if (cam.gate) {
            const auto& det = cam.camera->detection;
            const bool due = pts - cam.lastDetectedPtsUs >= std::int64_t(det.maxSkipS * 1e6);
            if (!due && !cam.gate->moved(*frame)) {
                // Nothing moved since the detector last looked: the tracks coast, the
                // detector's time goes to cameras where something happens.
                // A coasting picture must not overtake one still in the detector: it waits
                // (offline) or is left out (live: the scene is static, nothing is lost).
                std::unique_lock lock(mutex);
                if (options.offline) {
                    slotFreed.wait(lock, [&] { return stopping || cam.inFlight == 0; });
                    if (stopping) {
                        return false;
                    }
                } else if (cam.inFlight > 0) {
                    ++cam.staticSkipped;
                    continue;
                }
                ++cam.inFlight;
                lock.unlock();
                ++cam.detectionsSkipped;
                analysis->post(cam.index, [this, c = &cam, f = std::move(*frame)] {
                    analyse(*c, f, {}, /*coast=*/true);
                });
                continue;
            }
            cam.gate->setReference(*frame);
            cam.lastDetectedPtsUs = pts;
        }
        std::unique_lock lock(mutex);
        if (options.offline) {
            slotFreed.wait(lock, [&] { return stopping || !cam.pending; });
            if (stopping) {
                return false;
            }
        } else if (cam.pending) {
            ++cam.dropped;  // latest-only: the older picture is no longer worth analysing
        }
        cam.pending = std::move(*frame);
        lock.unlock();
        frameReady.notify_one();
    }
}

void Engine::Impl::inferenceLoop() {
    // Gather no more than the detector can use in one pass. Several CPU workers take one
    // picture each: on a CPU a pass of four costs about four passes of one, and would hold
    // four cameras while another worker waits (6 PETS 2006 cameras on 2 cores: 9.7
    // pictures/s for the slowest camera with passes of up to 4, all 12.5 with passes of 1).
    const int maxBatch =
        inferenceWorkers > 1
            ? 1
            : std::max(1, std::min(site.engine.maxBatch, detector->preferredBatch()));
    const auto batchWait = std::chrono::milliseconds(site.engine.batchWaitMs);
    while (true) {
        std::vector<CameraRuntime*> owners;
        std::vector<core::ImageFrame> batch;
        {
            std::unique_lock lock(mutex);
            auto takeReady = [&] {
                const std::size_t n = cameras.size();
                for (std::size_t k = 0; k < n && int(batch.size()) < maxBatch; ++k) {
                    auto& cam = *cameras[(roundRobin + k) % n];
                    if (cam.pending && cam.inFlight < kMaxInFlight && !cam.inDetector) {
                        batch.push_back(std::move(*cam.pending));
                        cam.pending.reset();
                        ++cam.inFlight;
                        cam.inDetector = true;
                        owners.push_back(&cam);
                    }
                }
                roundRobin = (roundRobin + 1) % std::max<std::size_t>(1, n);
            };
            frameReady.wait(lock, [&] {
                if (stopping) {
                    return true;
                }
                takeReady();
                return !batch.empty() ||
                       std::all_of(cameras.begin(), cameras.end(),
                                   [](const auto& c) { return c->sourceDone && !c->pending; });
            });
            if (stopping || batch.empty()) {
                if (batch.empty()) {
                    return;  // stopping, or every source is done and drained
                }
            }
            // Give other cameras a moment to fill the batch (GPU efficiency); never wait
            // when a single camera is configured.
            if (int(batch.size()) < maxBatch && cameras.size() > 1 && batchWait.count() > 0) {
                frameReady.wait_for(lock, batchWait, [&] {
                    takeReady();
                    return stopping || int(batch.size()) >= maxBatch;
                });
            }
        }
        slotFreed.notify_all();
        std::vector<TileGrid> tiles;
        if (std::any_of(owners.begin(), owners.end(),
                        [](const CameraRuntime* c) { return c->tiles.enabled(); })) {
            for (const auto* c : owners) {
                tiles.push_back(c->tiles);
            }
        }
        auto result = detector->detect(batch, tiles);
        ++batches;
        if (result) {
            inferences += std::int64_t(batch.size());
        } else {
            // Logged once, then every 100th time: a broken model must not flood the log.
            if (detectorErrors++ % 100 == 0) {
                log->error("detector ({} failures so far): {}", detectorErrors.load(),
                           result.error().message);
            }
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            CameraRuntime* cam = owners[i];
            std::vector<core::Detection> dets;
            if (result) {
                dets = std::move((*result)[i]);
            }
            analysis->post(cam->index,
                           [this, cam, frame = std::move(batch[i]), d = std::move(dets)]() mutable {
                               analyse(*cam, frame, std::move(d));
                           });
        }
        // Only now may another worker take these cameras' next pictures: their analyses
        // are queued first.
        {
            std::lock_guard lock(mutex);
            for (auto* cam : owners) {
                cam->inDetector = false;
            }
        }
        frameReady.notify_all();
    }
}

namespace {

constexpr std::int64_t kScaleRefitFrames = 25;
// MCNN takes seconds a picture on a CPU: one map every 5 s per camera at most (crowds build
// up over tens of seconds; the rule's hold is 5 s by default).
constexpr std::int64_t kDensityIntervalUs = 5'000'000;

}  // namespace

// Model results for one analysed picture, computed when an analyser asks (on the analysis
// strand; the runners serialise their own calls).
class Engine::Impl::CameraModels final : public FrameModels {
public:
    CameraModels(Impl& d, CameraRuntime& cam, const core::ImageFrame& frame)
        : m_d(d), m_cam(cam), m_frame(frame) {}

    bool hasPose() const override;
    std::vector<std::optional<Pose>> poses(const std::vector<core::BoxF>& boxes) override;
    bool hasDensity() const override;
    std::optional<double> densityCount(const core::Polygon& zone) override;

private:
    void reportError(const std::string& what, const std::string& message);

    Impl& m_d;
    CameraRuntime& m_cam;
    const core::ImageFrame& m_frame;
};

void Engine::Impl::analyse(CameraRuntime& cam, const core::ImageFrame& frame,
                           std::vector<core::Detection> detections, bool coast) {
    // Whatever happens below, this picture is no longer in flight: a camera must never
    // stay blocked because one picture failed.
    struct Release {
        Impl& d;
        CameraRuntime& cam;
        ~Release() {
            std::lock_guard lock(d.mutex);
            --cam.inFlight;
            if (cam.sourceDone && !cam.pending && cam.inFlight == 0) {
                d.postFinishLocked(cam);
            }
            d.frameReady.notify_all();
            d.slotFreed.notify_all();
        }
    } release{*this, cam};
    std::erase_if(detections, [&](const core::Detection& d) {
        return d.classId < 0 || std::size_t(d.classId) >= trackedClass.size() ||
               !trackedClass[std::size_t(d.classId)];
    });
    auto tracks = coast ? cam.tracker->coast(frame.ptsUs)
                        : cam.tracker->update(detections, frame.ptsUs, frame.width, frame.height);
    const auto& names = detector->classNames();
    for (auto& t : tracks) {
        if (t.classId >= 0 && std::size_t(t.classId) < names.size()) {
            t.label = names[std::size_t(t.classId)];
        }
    }
    if (log->should_log(spdlog::level::trace)) {
        std::string text;
        for (const auto& t : tracks) {
            text += fmt::format(" #{} {} {:.2f} [{:.3f} {:.3f} {:.3f} {:.3f}]", t.id, t.label,
                                t.score, t.box.x0, t.box.y0, t.box.x1, t.box.y1);
        }
        std::string found;
        for (const auto& d : detections) {
            found += fmt::format(" {} {:.2f} [{:.3f} {:.3f} {:.3f} {:.3f}]",
                                 d.classId >= 0 && std::size_t(d.classId) < names.size()
                                     ? names[std::size_t(d.classId)]
                                     : std::to_string(d.classId),
                                 d.score, d.box.x0, d.box.y0, d.box.x1, d.box.y1);
        }
        log->trace("[{}] t={:.3f} s, {} detections:{}; tracks:{}", cam.camera->id,
                   double(frame.ptsUs) / 1e6, detections.size(), found, text);
    }
    CameraModels models(*this, cam, frame);
    AnalysisInput input;
    input.ptsUs = frame.ptsUs;
    input.tracks = &tracks;
    input.frame = &frame;
    input.ground = groundFor(cam, frame, tracks);
    input.models = &models;
    input.detections = &detections;
    input.classNames = &names;
    std::vector<std::pair<const core::Rule*, core::RuleObservation>> observations;
    observations.reserve(cam.analysers.size());
    core::FrameAnalysis overlay;
    for (auto& [rule, analyser] : cam.analysers) {
        observations.emplace_back(rule, analyser->update(input));
        for (auto& z : analyser->occupiedZones()) {
            overlay.occupiedZoneIds.push_back(std::move(z));
        }
    }
    cam.rules->process(frame.ptsUs, wallNowMs(), observations);
    cam.analysed++;
    if (frame.captureSteadyUs > 0) {
        const auto nowUs =
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch())
                .count();
        const auto ms =
            std::clamp<std::int64_t>((nowUs - frame.captureSteadyUs) / 1000, 0, kLatencyBins - 1);
        latencyBins[ms].fetch_add(1, std::memory_order_relaxed);
    }
    cam.lastPtsUs = frame.ptsUs;
    if (options.frameSink != nullptr) {
        overlay.cameraId = cam.camera->id;
        overlay.ptsUs = frame.ptsUs;
        overlay.alertingRuleIds = cam.rules->alertingRules();
        for (const auto& t : tracks) {
            core::OverlayObject o{t.id, t.box, t.label, t.score, false};
            for (const auto& [rule, obs] : observations) {
                if (obs.active && std::find(obs.trackIds.begin(), obs.trackIds.end(), t.id) !=
                                      obs.trackIds.end()) {
                    o.alerting = true;
                }
            }
            overlay.objects.push_back(std::move(o));
        }
        options.frameSink->onFrame(frame, overlay);
    }
}

void Engine::Impl::supervisorLoop() {
    auto last = Clock::now();
    std::unique_lock lock(mutex);
    while (!stopping) {
        supervisorWake.wait_for(lock, std::chrono::milliseconds(options.statusIntervalMs),
                                [&] { return stopping; });
        const auto now = Clock::now();
        const double dt = std::chrono::duration<double>(now - last).count();
        last = now;
        lock.unlock();
        if (dt > 0) {
            for (auto& cam : cameras) {
                const std::int64_t bytes = cam->bytesIn.load();
                const std::int64_t analysedNow = cam->analysed.load();
                cam->bitrateKbps = double(bytes - cam->rateBytes) * 8.0 / 1000.0 / dt;
                cam->analysedFps = double(analysedNow - cam->rateAnalysed) / dt;
                cam->rateBytes = bytes;
                cam->rateAnalysed = analysedNow;
            }
        }
        if (!options.statusFile.empty()) {
            writeStatusFile();
        }
        lock.lock();
    }
}

void Engine::Impl::writeStatusFile() {
    // Written to a temporary name, then renamed: a reader never sees half a file.
    const std::string tmp = options.statusFile + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "w");
    if (f == nullptr) {
        return;
    }
    const std::string text = core::healthToJson(snapshot());
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    std::fclose(f);
    if (ok) {
        std::rename(tmp.c_str(), options.statusFile.c_str());
    }
}

void Engine::Impl::postFinishLocked(CameraRuntime& cam) {
    if (cam.finishPosted) {
        return;
    }
    cam.finishPosted = true;
    analysis->post(cam.index, [this, &cam] {
        cam.rules->finish(cam.lastPtsUs.load(), wallNowMs());
        std::lock_guard lock(mutex);
        finished.notify_all();
    });
}

bool Engine::Impl::CameraModels::hasPose() const {
    return m_d.pose != nullptr && !m_frame.empty();
}

std::vector<std::optional<Pose>> Engine::Impl::CameraModels::poses(
    const std::vector<core::BoxF>& boxes) {
    std::vector<std::optional<Pose>> out(boxes.size());
    if (!hasPose() || boxes.empty()) {
        return out;
    }
    auto found = m_d.pose->estimate(m_frame, boxes);
    if (!found) {
        reportError("pose", found.error().message);
        return out;
    }
    for (std::size_t i = 0; i < boxes.size() && i < found->size(); ++i) {
        out[i] = (*found)[i];
    }
    return out;
}

bool Engine::Impl::CameraModels::hasDensity() const {
    return m_d.density != nullptr && !m_frame.empty();
}

std::optional<double> Engine::Impl::CameraModels::densityCount(const core::Polygon& zone) {
    if (!hasDensity()) {
        return std::nullopt;
    }
    if (!m_cam.densityMap || m_frame.ptsUs - m_cam.densityPtsUs >= kDensityIntervalUs ||
        m_frame.ptsUs < m_cam.densityPtsUs) {
        auto map = m_d.density->estimate(m_frame);
        m_cam.densityPtsUs = m_frame.ptsUs;
        if (!map) {
            m_cam.densityMap.reset();
            reportError("density", map.error().message);
            return std::nullopt;
        }
        m_cam.densityMap = std::move(*map);
    }
    return m_cam.densityMap->countIn(zone);
}

void Engine::Impl::CameraModels::reportError(const std::string& what, const std::string& message) {
    // Logged once, then every 100th time: a broken model must not flood the log.
    if (m_d.modelErrors++ % 100 == 0) {
        m_d.log->error("[{}] {} model: {}", m_cam.camera->id, what, message);
    }
}

const core::GroundModel* Engine::Impl::groundFor(CameraRuntime& cam, const core::ImageFrame& frame,
                                                 const std::vector<core::TrackedObject>& tracks) {
    if (frame.empty()) {
        return cam.drawnGround ? &*cam.drawnGround
                               : (cam.estimatedGround ? &*cam.estimatedGround : nullptr);
    }
    const double aspect = double(frame.height) / frame.width;
    if (!cam.groundPrepared) {
        cam.groundPrepared = true;
        const auto& calibration = cam.camera->calibration;
        if (calibration.isDrawn()) {
            auto ground = core::GroundModel::fromCalibration(calibration, aspect);
            if (ground) {
                cam.drawnGround = std::move(*ground);
            } else {
                log->warn("[{}] calibration not usable ({}); estimating the scale from people",
                          cam.camera->id, ground.error().message);
            }
        }
        if (!cam.drawnGround) {
            cam.scaleEstimator.emplace(calibration.personHeightM, aspect);
        }
    }
    if (cam.drawnGround) {
        return &*cam.drawnGround;
    }
    // Whole, upright, well-tracked people are the ruler.
    for (const auto& t : tracks) {
        const double pixelAspect = t.box.width() / std::max(1e-9, t.box.height() * aspect);
        if (t.label == "person" && t.state == core::TrackState::Confirmed && t.hits >= 5 &&
            t.score >= 0.5F && t.lastSeenUs == frame.ptsUs && t.box.y0 > 0.01 && t.box.y1 < 0.99 &&
            pixelAspect < 0.7) {
            cam.scaleEstimator->add(t.box);
        }
    }
    if (++cam.framesSinceScaleFit >= kScaleRefitFrames) {
        cam.framesSinceScaleFit = 0;
        if (auto model = cam.scaleEstimator->model()) {
            if (!cam.estimatedGround) {
                log->info("[{}] ground scale estimated from {} person boxes", cam.camera->id,
                          cam.scaleEstimator->samples());
            }
            cam.estimatedGround = std::move(*model);
        }
    }
    return cam.estimatedGround ? &*cam.estimatedGround : nullptr;
}

void Engine::Impl::loadAnalyserModels() {
    bool wantPose = false;
    bool wantDensity = false;
    for (const auto& rule : site.rules) {
        if (!rule.enabled) {
            continue;
        }
        wantPose = wantPose || rule.event == core::EventType::PersonOnGround;
        if (const auto* p = std::get_if<core::DensityParams>(&rule.params)) {
            wantDensity = wantDensity || p->method != core::DensityMethod::Count;
        }
    }
    if ((!wantPose && !wantDensity) || options.manifestPath.empty()) {
        return;
    }
    const std::string device = options.device.empty() ? site.engine.device : options.device;
    // The analysers' models run on the analysis strands: on a CPU box they share its cores.
    if (wantPose) {
        auto loaded = loadPoseEstimator(options.modelDir, options.manifestPath, device);
        if (loaded) {
            pose = std::move(*loaded);
        } else {
            log->warn("person on the ground without pose (box shape only): {}",
                      loaded.error().message);
        }
    }
    if (wantDensity) {
        auto loaded = loadDensityEstimator(options.modelDir, options.manifestPath, device);
        if (loaded) {
            density = std::move(*loaded);
        } else {
            log->warn("density without the density map (counts from boxes only): {}",
                      loaded.error().message);
        }
    }
}

Engine::Engine() : m_impl(std::make_unique<Impl>()) {}

Engine::~Engine() {
    stop();
}

Result<std::unique_ptr<Detector>> loadSiteDetector(const core::Site& site,
                                                   const std::string& modelDir,
                                                   const std::string& manifestPath,
                                                   const std::string& device, int cpuThreads) {
#ifdef VIGIE_HAVE_OPENCV
    if (site.engine.detector == kMotionDetectorName) {
        return createMotionDetector({});
    }
#endif
    auto manifest = core::loadModelManifest(manifestPath);
    if (!manifest) {
        return manifest.error();
    }
    const core::ModelSpec* spec = manifest->find(site.engine.detector);
    if (spec == nullptr || spec->task != core::ModelTask::Detector) {
        return makeError("the model manifest has no detector named '" + site.engine.detector + "'");
    }
    DetectorOptions opts;
    opts.spec = *spec;
    opts.device = device.empty() ? site.engine.device : device;
    opts.cpuThreads = cpuThreads;
    opts.maxBatch = std::max(1, site.engine.maxBatch);
    // FP16 needs the variant whose weights are buffers, not frozen constants.
    const bool wantHalf = opts.device.rfind("cuda", 0) == 0 && !spec->halfFile.empty();
    auto path = wantHalf ? core::verifyModelFile(modelDir, spec->halfFile, spec->halfSha256)
                         : core::verifyModelFile(modelDir, spec->file, spec->sha256);
    if (!path) {
        return path.error();
    }
    opts.modelPath = *path;
    opts.half = wantHalf;
    // Low scores are kept for the tracker's second association (ByteTrack); rules apply
    // their own minimum score.
    opts.decode.scoreThreshold = 0.1F;
    opts.decode.nmsIouThreshold = 0.45F;
    return createDetector(opts);
}

Result<std::unique_ptr<Engine>> Engine::create(const core::Site& site, EngineOptions options) {
    if (options.alertSink == nullptr) {
        return makeError("the engine needs an alert sink");
    }
    std::unique_ptr<Engine> engine(new Engine());
    Impl& d = *engine->m_impl;
    d.site = site;
    d.options = std::move(options);
    // On the CPU the detector runs as several passes at once, each on its share of the
    // cores: a pass of an optimised model on one intra-op thread is barely slower than on
    // two, and two of them side by side carry about twice as many pictures (decisions.md
    // 25; EngineOptions::inferenceWorkers).
    const std::size_t enabledCameras =
        std::size_t(std::count_if(d.site.cameras.begin(), d.site.cameras.end(),
                                  [](const core::Camera& c) { return c.enabled; }));
    const int cores = int(std::max(1U, std::thread::hardware_concurrency()));
    const auto device =
        resolveTorchDevice(d.options.device.empty() ? d.site.engine.device : d.options.device);
    const bool onCpu = device && *device == "cpu";
    int workers = std::max(0, d.options.inferenceWorkers);
    int threads = d.options.cpuThreads;
    if (onCpu) {
        if (workers == 0) {
            workers = threads > 0 ? std::max(1, cores / threads)
                                  : int(std::clamp<std::size_t>(enabledCameras, 1, cores));
        }
        if (threads <= 0) {
            threads = std::max(1, cores / workers);
        }
    }
    auto detector = d.options.detectorFactory
                        ? d.options.detectorFactory()
                        : loadSiteDetector(d.site, d.options.modelDir, d.options.manifestPath,
                                           d.options.device, threads);
    if (!detector) {
        return detector.error();
    }
    d.detector = std::move(*detector);
    d.inferenceWorkers = d.detector->reentrant() ? std::max(1, workers) : 1;
    if (d.inferenceWorkers > 1) {
        d.log->info("{} inference workers: {}", d.inferenceWorkers, d.detector->description());
    }
    const auto& names = d.detector->classNames();
    d.trackedClass.assign(names.size(), false);
    auto markClass = [&](const std::string& cls) {
        const auto it = std::find(names.begin(), names.end(), cls);
        if (it == names.end()) {
            return false;
        }
        d.trackedClass[std::size_t(it - names.begin())] = true;
        return true;
    };
    for (const auto& cls : watchedClasses()) {
        markClass(cls);
    }
    for (const auto& rule : d.site.rules) {
        for (const auto& cls : ruleClasses(rule)) {
            if (!markClass(cls)) {
                return makeError("rule '" + rule.id + "': the class '" + cls +
                                 "' is not detected by " + d.detector->description());
            }
        }
    }
    d.loadAnalyserModels();
    if (d.options.schedules == nullptr) {
        // The site's schedules, in the site's time zone (an unknown zone is an error here,
        // not a silent UTC).
        auto zone = core::TimeZone::load(d.site.timezone);
        if (!zone) {
            return makeError("site '" + d.site.id + "': " + zone.error().message);
        }
        d.ownSchedules = std::make_unique<core::ScheduleEvaluator>(d.site, std::move(*zone));
        d.options.schedules = d.ownSchedules.get();
    }
    for (const auto& cam : d.site.cameras) {
        if (!cam.enabled) {
            continue;
        }
        auto rt = std::make_unique<CameraRuntime>();
        rt->index = d.cameras.size();
        rt->camera = &cam;
        const auto override = d.options.sourceOverrides.find(cam.id);
        rt->url = d.site.resolvePath(override != d.options.sourceOverrides.end() ? override->second
                                                                                 : cam.source.url);
        rt->isFile = rt->url.find("://") == std::string::npos || rt->url.rfind("file://", 0) == 0;
        rt->tracker = std::make_unique<ByteTracker>(TrackerParams{});
        if (cam.detection.motionGating) {
            rt->gate = std::make_unique<MotionGate>(cam.detection.motionThreshold);
        }
        rt->tiles.rows = cam.detection.tileRows;
        rt->tiles.cols = cam.detection.tileCols;
        rt->tiles.overlap = cam.detection.tileOverlap;
        for (const auto* rule : d.site.rulesForCamera(cam.id)) {
            if (rule->condition) {
                continue;  // composite: the rule engine evaluates it from its operands' signals
            }
            auto analyser = createAnalyser(*rule, cam);
            if (!analyser) {
                return analyser.error();
            }
            rt->analysers.emplace_back(rule, std::move(*analyser));
        }
        rt->rules = std::make_unique<core::RuleEngine>(d.site, cam.id, *d.options.alertSink,
                                                       d.options.schedules, &d.switches);
        d.cameras.push_back(std::move(rt));
    }
    if (d.cameras.empty()) {
        return makeError("no enabled camera in site '" + d.site.id + "'");
    }
    return engine;
}

void Engine::start() {
    Impl& d = *m_impl;
    if (d.started) {
        return;
    }
    d.started = true;
    const int threads = d.options.analysisThreads > 0
                            ? d.options.analysisThreads
                            : int(std::min<std::size_t>(2, d.cameras.size()));
    d.analysis = std::make_unique<StrandExecutor>(threads);
    for (int w = 0; w < d.inferenceWorkers; ++w) {
        d.inferenceThreads.emplace_back([&d] {
            try {
                d.inferenceLoop();
            } catch (const std::exception& e) {
                d.log->critical("inference thread stopped: {}", e.what());
            } catch (...) {
                d.log->critical("inference thread stopped by an unknown error");
            }
        });
    }
    d.supervisorThread = std::thread([&d] {
        try {
            d.supervisorLoop();
        } catch (...) {
            d.log->critical("supervisor thread stopped");
        }
    });
    for (auto& cam : d.cameras) {
        cam->sourceThread = std::thread([&d, c = cam.get()] {
            try {
                d.sourceLoop(*c);
            } catch (const std::exception& e) {
                c->setError(e.what());
                d.log->critical("[{}] source thread stopped: {}", c->camera->id, e.what());
            } catch (...) {
                c->setError("unknown error");
                d.log->critical("[{}] source thread stopped by an unknown error", c->camera->id);
            }
        });
    }
}

void Engine::stop() {
    Impl& d = *m_impl;
    if (!d.started || d.stopped) {
        return;
    }
    d.stopped = true;
    {
        std::lock_guard lock(d.mutex);
        d.stopping = true;
        for (auto& cam : d.cameras) {
            if (cam->activeSource != nullptr) {
                cam->activeSource->interrupt();  // a blocking open or read returns at once
            }
        }
    }
    d.frameReady.notify_all();
    d.slotFreed.notify_all();
    d.supervisorWake.notify_all();
    if (d.supervisorThread.joinable()) {
        d.supervisorThread.join();
    }
    for (auto& cam : d.cameras) {
        if (cam->sourceThread.joinable()) {
            cam->sourceThread.join();
        }
    }
    for (auto& t : d.inferenceThreads) {
        if (t.joinable()) {
            t.join();
        }
    }
    {
        // Pictures still in the slots are dropped; open alerts are closed on each strand.
        std::lock_guard lock(d.mutex);
        for (auto& cam : d.cameras) {
            cam->pending.reset();
            d.postFinishLocked(*cam);
        }
    }
    d.analysis->shutdown();
    if (!d.options.statusFile.empty()) {
        d.writeStatusFile();  // the final states (stopped, finished, failed)
    }
}

bool Engine::waitFinished(int timeoutMs) {
    Impl& d = *m_impl;
    std::unique_lock lock(d.mutex);
    return d.finished.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
        return std::all_of(d.cameras.begin(), d.cameras.end(), [](const auto& c) {
            return c->sourceDone && c->finishPosted && c->inFlight == 0 && !c->pending;
        });
    });
}

void Engine::setProcessingEnabled(bool enabled) {
    m_impl->switches.setProcessingEnabled(enabled);
    m_impl->log->warn("processing {} by the operator", enabled ? "resumed" : "stopped");
}

bool Engine::processingEnabled() const {
    return m_impl->switches.processingEnabled();
}

core::EngineHealth Engine::health() const {
    return m_impl->snapshot();
}

core::EngineHealth Engine::Impl::snapshot() const {
    core::EngineHealth h;
    h.wallMs = wallNowMs();
    h.detector = detector->description();
    h.inferences = inferences.load();
    h.batches = batches.load();
    h.detectorErrors = detectorErrors.load();
    h.latencyP50Ms = latencyPercentile(0.50);
    h.latencyP95Ms = latencyPercentile(0.95);
    h.latencyP99Ms = latencyPercentile(0.99);
    for (int i = 0; i < kLatencyBins; ++i) {
        h.latencySamples += latencyBins[i].load(std::memory_order_relaxed);
    }
    h.averageBatch = detector->stats().averageBatch();
    h.processingEnabled = switches.processingEnabled();
    const auto nowMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
            .count();
    for (const auto& cam : cameras) {
        core::CameraHealth c;
        c.cameraId = cam->camera->id;
        c.state = cam->state.load();
        {
            std::lock_guard lock(cam->errorMutex);
            c.lastError = cam->lastError;
            c.hardwareDecode = cam->hardwareDecode;
        }
        c.framesDecoded = cam->decoded.load();
        c.framesAnalysed = cam->analysed.load();
        c.framesDropped = cam->dropped.load();
        c.decodeErrors = cam->decodeErrors.load();
        c.reconnects = cam->reconnects.load();
        c.detectionsSkipped = cam->detectionsSkipped.load();
        c.staticSkipped = cam->staticSkipped.load();
        c.gaps = cam->gaps.load();
        c.lastGapS = cam->lastGapS.load();
        c.timestampJumps = cam->timestampJumps.load();
        c.resolutionChanges = cam->resolutionChanges.load();
        c.bytesIn = cam->bytesIn.load();
        c.bitrateKbps = cam->bitrateKbps.load();
        c.analysedFps = cam->analysedFps.load();
        const std::int64_t lastPicture = cam->lastPictureSteadyMs.load();
        c.lastPictureAgeMs = lastPicture < 0 ? -1 : nowMs - lastPicture;
        c.lastPtsUs = cam->lastPtsUs.load();
        c.sourceDurationS = cam->durationS.load();
        c.width = cam->width.load();
        c.height = cam->height.load();
        h.cameras.push_back(std::move(c));
    }
    return h;
}

void Engine::resetLatencyStats() {
    for (int i = 0; i < Impl::kLatencyBins; ++i) {
        m_impl->latencyBins[i].store(0, std::memory_order_relaxed);
    }
}

int Engine::inferenceWorkers() const {
    return m_impl->inferenceWorkers;
}

const Detector& Engine::detector() const {
    return *m_impl->detector;
}

const std::vector<std::string>& Engine::classNames() const {
    return m_impl->detector->classNames();
}

}  // namespace vigie::inference
