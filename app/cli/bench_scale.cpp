// Scale benchmarks of `vigie bench`, meant for a GPU server (they run on a CPU too):
//
//  --detector-scaling: the detector alone on synthetic 4CIF pictures, for each batch size,
//    in four configurations measured in the same run — the provided TorchScript eagerly
//    (fixed batch of 1, FP32), the dynamic-batch export eagerly in FP32, in FP16, and in
//    FP16 replayed from CUDA graphs. The figure is whole detect() calls: upload, letterbox,
//    network, decode, NMS and the copy back.
//
//  --synthetic-cameras 100,200,400: the whole engine (source threads, batching inference
//    thread, tracker, analysis strands) with N synthetic live cameras at --fps each, for
//    --seconds after a warm-up; a camera count is sustained when every camera is analysed
//    at ≥ 95 % of its rate. Reports analysed pictures/s, batch fill, latency percentiles
//    (decoded → analysed), CPU and memory.
//
// Figures only; nothing passes or fails.
#include "app/cli/bench_scale.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "app/cli/bench_util.h"
#include "app/cli/commands.h"
#include "app/common/paths.h"
#include "core/log.h"
#include "core/model_manifest.h"
#include "inference/detector.h"
#include "inference/engine.h"
#include "inference/frame_source.h"

namespace vigie::app {

namespace {

using namespace bench;  // NOLINT(google-build-using-namespace): the helpers of this tool
using core::makeError;

struct CountingSink final : core::AlertSink {
    void onAlertOpened(const core::Alert& a) override { (void)a; }
    void onAlertClosed(const core::Alert& a) override { (void)a; }
};

struct DetectorConfig {
    std::string label;
    std::string model;
    bool half = false;
    bool graphs = false;
};

Result<std::unique_ptr<inference::Detector>> loadDetector(const ScaleOptions& o,
                                                          const DetectorConfig& c, int maxBatch) {
    auto manifest = core::loadModelManifest(o.manifestPath);
    if (!manifest) {
        return manifest.error();
    }
    const auto* spec = manifest->find(c.model);
    if (spec == nullptr) {
        return makeError("the manifest has no model '" + c.model + "'");
    }
    const bool half = c.half && !spec->halfFile.empty();
    auto path = half ? core::verifyModelFile(o.modelDir, spec->halfFile, spec->halfSha256)
                     : core::verifyModelFile(o.modelDir, spec->file, spec->sha256);
    if (!path) {
        return path.error();
    }
    inference::DetectorOptions d;
    d.spec = *spec;
    d.modelPath = *path;
    d.device = o.device;
    d.half = half;
    d.cudaGraphs = c.graphs;
    d.maxBatch = maxBatch;
    d.decode.scoreThreshold = 0.1F;
    return inference::createDetector(d);
}

}  // namespace

int runDetectorScaling(const ScaleOptions& o) {
    const std::vector<DetectorConfig> configs = {
        {"provided TorchScript, FP32, eager", o.providedModel, false, false},
        {"dynamic batch, FP32, eager", o.dynamicModel, false, false},
        {"dynamic batch, FP16, eager", o.dynamicModel, true, false},
        {"dynamic batch, FP16, CUDA graphs", o.dynamicModel, true, true},
    };
    const int maxBatch = *std::max_element(o.batches.begin(), o.batches.end());
    std::printf(
        "Detector scaling — whole detect() calls on synthetic %dx%d pictures, %.1f s "
        "per point\n",
        o.width, o.height, o.seconds);
    std::printf("  machine: %s, %d cores; %s\n", cpuModel().c_str(), usableCores(),
                inference::torchRuntimeDescription().c_str());
    std::printf("  %-36s %7s %12s %12s %12s\n", "configuration", "batch", "pictures/s",
                "p50 ms/call", "p95 ms/call");
    for (const auto& c : configs) {
        auto det = loadDetector(o, c, maxBatch);
        if (!det) {
            std::printf("  %-36s unavailable: %s\n", c.label.c_str(), det.error().message.c_str());
            continue;
        }
        std::printf("  (%s)\n", (*det)->description().c_str());
        // Pictures in the buffers the detector reads fastest (page-locked on a GPU).
        inference::SourceOptions so;
        so.poolFrames = std::size_t(maxBatch) + 2;
        so.allocator = (*det)->bufferAllocator();
        auto src =
            inference::openFrameSource("synthetic://" + std::to_string(o.width) + "x" +
                                           std::to_string(o.height) + "?fps=25&people=6&realtime=0",
                                       so);
        if (!src) {
            std::fprintf(stderr, "vigie bench: %s\n", src.error().message.c_str());
            return kExitFailure;
        }
        std::vector<core::ImageFrame> pictures;
        for (int i = 0; i < maxBatch; ++i) {
            (*src)->next();
            auto f = (*src)->convertCurrent();
            if (!f) {
                std::fprintf(stderr, "vigie bench: %s\n", f.error().message.c_str());
                return kExitFailure;
            }
            pictures.push_back(*f);
        }
        for (int b : o.batches) {
            if (b > 8 && (*det)->preferredBatch() == 1) {
                // A fixed-batch export runs one picture per pass whatever the call size.
                std::printf("  %-36s %7s one picture per pass: larger calls scale linearly\n",
                            c.label.c_str(), ("≥" + std::to_string(b)).c_str());
                break;
            }
            std::vector<core::ImageFrame> batch(pictures.begin(), pictures.begin() + b);
            for (int w = 0; w < 3; ++w) {
                if (auto r = (*det)->detect(batch); !r) {
                    std::fprintf(stderr, "vigie bench: %s\n", r.error().message.c_str());
                    return kExitFailure;
                }
            }
            std::vector<double> ms;
            std::int64_t done = 0;
            const auto start = Clock::now();
            while (secondsSince(start) < o.seconds) {
                const auto t0 = Clock::now();
                if (auto r = (*det)->detect(batch); !r) {
                    std::fprintf(stderr, "vigie bench: %s\n", r.error().message.c_str());
                    return kExitFailure;
                }
                ms.push_back(secondsSince(t0) * 1000.0);
                done += b;
            }
            const double wall = secondsSince(start);
            std::printf("  %-36s %7d %12s %12s %12s\n", c.label.c_str(), b,
                        figure(double(done) / wall).c_str(), figure(percentile(ms, 0.5)).c_str(),
                        figure(percentile(ms, 0.95)).c_str());
            std::fflush(stdout);
        }
    }
    return kExitOk;
}

int runSyntheticCameras(const ScaleOptions& o) {
    const std::string size =
        o.input.empty() ? " (" + std::to_string(o.width) + "x" + std::to_string(o.height) + ")"
                        : "";
    std::printf(
        "Engine scale — N live cameras at %.1f fps%s, detection + tracking, %.0f s measured "
        "after %.0f s of warm-up\n",
        o.fps, size.c_str(), o.seconds, o.warmupS);
    std::printf("  machine: %s, %d cores; %s\n", cpuModel().c_str(), usableCores(),
                inference::torchRuntimeDescription().c_str());
    double clipS = 0.0;
    // A camera cannot be analysed faster than its pictures come: a 10 fps clip is sustained
    // at 10 pictures/s.
    double target = o.fps;
    if (!o.input.empty()) {
        auto clip = inference::openFrameSource(o.input, inference::SourceOptions{});
        if (!clip) {
            std::fprintf(stderr, "vigie bench: %s\n", clip.error().message.c_str());
            return kExitBadInput;
        }
        const auto& info = (*clip)->info();
        clipS = o.stagger ? info.durationS : 0.0;
        if (info.fps > 0.0 && info.fps < target) {
            target = info.fps;
        }
        std::printf("  cameras play %s (%dx%d, %.2f fps) in a loop, in real time%s%s\n",
                    o.input.c_str(), info.width, info.height, info.fps,
                    clipS > 0.0 ? ", camera i of N starting i/N of the way in" : ", all in step",
                    o.motionGating ? ", motion gating on" : "");
        if (target < o.fps) {
            std::printf(
                "  sustained = every camera handles >= 95 %% of the clip's %.2f pictures/s\n",
                target);
        }
    }
    if (o.motionGating) {
        std::printf(
            "  handled = analysed (detector or coasting tracks) + static pictures left out\n"
            "  while the camera's previous picture was in the detector; skipped = share\n"
            "  of handled pictures the detector did not see\n");
    }
    for (int n : o.cameras) {
        core::Site site;
        site.id = "bench";
        site.timezone = "UTC";
        site.engine.detector = o.detectorModel.empty() ? o.dynamicModel : o.detectorModel;
        site.engine.device = o.device;
        site.engine.maxBatch = o.maxBatch;
        site.engine.batchWaitMs = o.batchWaitMs;
        for (int i = 0; i < n; ++i) {
            core::Camera cam;
            cam.id = "cam" + std::to_string(i);
            if (o.input.empty()) {
                cam.source.url = "synthetic://" + std::to_string(o.width) + "x" +
                                 std::to_string(o.height) + "?fps=" + std::to_string(o.fps) +
                                 "&people=6";
            } else {
                cam.source.url = o.input;
                cam.source.loop = true;
                cam.source.realtime = true;
            }
            cam.analysisFps = o.fps;
            cam.detection.motionGating = o.motionGating;
            site.cameras.push_back(cam);
        }
        CountingSink sink;
        inference::EngineOptions eo;
        eo.modelDir = o.modelDir;
        eo.manifestPath = o.manifestPath;
        eo.device = o.device;
        eo.alertSink = &sink;
        eo.analysisThreads = o.analysisThreads;
        eo.cpuThreads = o.cpuThreads;
        eo.inferenceWorkers = o.inferenceWorkers;
        for (int i = 0; i < n && clipS > 0.0; ++i) {
            eo.sourceStartS[site.cameras[std::size_t(i)].id] = clipS * double(i) / double(n);
        }
        auto engine = inference::Engine::create(site, std::move(eo));
        if (!engine) {
            std::fprintf(stderr, "vigie bench: %s\n", engine.error().message.c_str());
            return kExitFailure;
        }
        if (n == o.cameras.front()) {
            const int workers = (*engine)->inferenceWorkers();
            std::printf("  detector: %s; %s\n", (*engine)->detector().description().c_str(),
                        workers == 1
                            ? "1 inference worker"
                            : (std::to_string(workers) + " inference workers, one picture per pass")
                                  .c_str());
            std::printf("  %-8s %11s %10s %10s %9s %8s %8s %8s %8s %9s %9s %8s\n", "cameras",
                        "handled/s", "min cam/s", "sustained", "dropped", "batch", "p50 ms",
                        "p95 ms", "p99 ms", "CPU cores", "RSS MiB", "skipped");
            std::fflush(stdout);
        }
        (*engine)->start();
        std::this_thread::sleep_for(std::chrono::duration<double>(o.warmupS));
        const auto before = (*engine)->health();
        (*engine)->resetLatencyStats();
        const double cpu0 = processCpuS();
        const auto start = Clock::now();
        std::this_thread::sleep_for(std::chrono::duration<double>(o.seconds));
        const double wall = secondsSince(start);
        const double cpu = processCpuS() - cpu0;
        const auto after = (*engine)->health();
        (*engine)->stop();
        std::int64_t analysed = 0;
        std::int64_t decoded = 0;
        std::int64_t dropped = 0;
        std::int64_t skipped = 0;
        double minRate = 1e9;
        for (std::size_t i = 0; i < after.cameras.size(); ++i) {
            const auto& c1 = after.cameras[i];
            const auto& c0 = before.cameras[i];
            const auto a =
                (c1.framesAnalysed - c0.framesAnalysed) + (c1.staticSkipped - c0.staticSkipped);
            analysed += a;
            decoded += after.cameras[i].framesDecoded - before.cameras[i].framesDecoded;
            dropped += after.cameras[i].framesDropped - before.cameras[i].framesDropped;
            skipped += (c1.detectionsSkipped - c0.detectionsSkipped) +
                       (c1.staticSkipped - c0.staticSkipped);
            minRate = std::min(minRate, double(a) / wall);
        }
        const bool sustained = minRate >= 0.95 * target;
        std::printf(
            "  %-8d %11s %10s %10s %8s%% %8s %8s %8s %8s %9s %9s %7s%%\n", n,
            figure(double(analysed) / wall).c_str(), figure(minRate).c_str(),
            sustained ? "yes" : "no",
            figure(decoded > 0 ? 100.0 * double(dropped) / double(decoded) : 0.0).c_str(),
            figure(after.averageBatch).c_str(), figure(after.latencyP50Ms).c_str(),
            figure(after.latencyP95Ms).c_str(), figure(after.latencyP99Ms).c_str(),
            figure(cpu / wall).c_str(), figure(currentRssMiB()).c_str(),
            figure(analysed > 0 ? 100.0 * double(skipped) / double(analysed) : 0.0).c_str());
        std::fflush(stdout);
    }
    return kExitOk;
}

}  // namespace vigie::app
