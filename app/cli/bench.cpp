// `vigie bench`: throughput, latency and memory of this machine on one clip, printed as
// figures next to a baseline measured in the same run (the ffmpeg CLI for decoding). Nothing
// here passes or fails: timings on a shared machine vary, so they are reported, never asserted.
//
// Sections:
//   1. decode: VideoSource with and without BGR conversion, 1 decoder thread (live cameras)
//      and FFmpeg's automatic count (files analysed offline), against `ffmpeg -f null`;
//      --seconds per measurement;
//   2. detector: the site's detector on real pictures of the clip, batch --batch, --seconds;
//   3. end to end: the engine in offline mode on the whole clip (one camera), CPU and memory.
// How to read each figure: benchmarks/README.md.
// Thread: runs on the main thread; the engine in section 3 starts its own threads.

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/bench_scale.h"
#include "app/cli/bench_streams.h"
#include "app/cli/bench_util.h"
#include "app/cli/commands.h"
#include "app/common/paths.h"
#include "core/log.h"
#include "core/rule_engine.h"
#include "core/site_config.h"
#include "inference/detector.h"
#include "inference/engine.h"
#include "inference/frame_source.h"
#ifdef VIGIE_HAVE_FFMPEG
#include "inference/video_source.h"
#endif

extern char** environ;  // NOLINT: POSIX, for posix_spawnp

namespace vigie::app {

using namespace bench;  // NOLINT(google-build-using-namespace): the helpers of this tool

namespace {

namespace fs = std::filesystem;

using core::makeError;
using core::Result;

constexpr double kDefaultSeconds = 10.0;
constexpr double kMaxSeconds = 3600.0;
constexpr int kMaxBatch = 64;
constexpr int kMaxThreads = 1024;
// Pictures kept decoded for the detector section: enough variety (people, empty scene) for
// the post-processing cost to be typical, few enough to stay in memory (~1 MB each at SD).
constexpr int kDetectorPictures = 32;
// They are taken evenly over at most this much of the clip, so that a long recording is not
// decoded to the end just to pick them.
constexpr double kDetectorSpanS = 60.0;
constexpr int kWarmUpCalls = 3;
// Safety bound on repeated ffmpeg runs for a very short clip.
constexpr int kMaxFfmpegRuns = 1000;

const char* const kUsage =
    "usage: vigie bench [--site FILE] [--input FILE] [--model-dir DIR] [--manifest FILE]\n"
    "                   [--device auto|cpu|cuda] [--threads N] [--seconds S] [--batch N]\n"
    "                   [--json FILE]\n"
    "       vigie bench --streams 1,4,8 [--resolutions 4cif,1080p] [--input FILE]\n"
    "                   [--seconds S] [--fps F]\n"
    "  Prints decode pictures/s, detector inferences/s and end-to-end analysed pictures/s for\n"
    "  a clip (default: the demo site's camera) on this machine, with ffmpeg as the decode\n"
    "  baseline. Figures only, never pass/fail. --seconds is the budget of each measurement\n"
    "  (default 10); --json also writes the figures to FILE.\n"
    "  With --streams: N streams decoded at once per count (4CIF and 1080p clips generated\n"
    "  with ffmpeg, or --input), against N concurrent ffmpeg processes; memory per stream.\n"
    "       vigie bench --detector-scaling [--batches 1,8,64,256] [--device cuda]\n"
    "  The detector alone across batch sizes: provided TorchScript eager FP32, dynamic-batch\n"
    "  export eager FP32, FP16, FP16 with CUDA graphs.\n"
    "       vigie bench --synthetic-cameras 100,200,400 [--fps 12.5] [--max-batch 128]\n"
    "                   [--input FILE [--in-step]] [--motion-gating] [--detector NAME]\n"
    "                   [--threads N] [--workers N]\n"
    "  The whole engine with N synthetic live cameras: sustained or not, batch fill,\n"
    "  latency percentiles, CPU and memory. With --input the cameras play FILE in a loop,\n"
    "  camera i of N starting i/N of the way in (--in-step: all from the start, so that\n"
    "  every camera sees the same motion at the same moment). --threads and --workers:\n"
    "  a CPU detector's intra-op threads per pass and passes at once (default: the\n"
    "  engine's choice, one worker per camera up to one per core).\n";

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "vigie bench: %s\n", message.c_str());
    return code;
}

// ---- section 1: decode --------------------------------------------------------------------

struct DecodeRun {
    int threads = 1;  // 0: FFmpeg chooses
    bool convert = true;
    std::int64_t pictures = 0;
    double wallS = 0.0;
    double cpuS = 0.0;
    double perS() const { return wallS > 0.0 ? double(pictures) / wallS : 0.0; }
};

// Decodes the file for `budgetS`, starting again at the end, as the engine's source thread
// does. With `convert`, each picture is converted to BGR into the pool and the handle
// dropped at once, so the pool never runs dry.
Result<DecodeRun> measureDecode(const std::string& path, int threads, bool convert,
                                double budgetS) {
    inference::SourceOptions options;
    options.decodeThreads = threads;
    auto opened = inference::openFrameSource(path, options);
    if (!opened) {
        return opened.error();
    }
    auto& src = **opened;
    // The first picture pays for the decoder's set-up and thread start, which ffmpeg's
    // rtime does not count either.
    if (src.next() != inference::ReadStatus::Frame) {
        return makeError("no picture decoded from " + src.displayUrl() + ": " + src.lastError());
    }
    DecodeRun run;
    run.threads = threads;
    run.convert = convert;
    const double cpuStartS = processCpuS();
    const auto start = Clock::now();
    while (true) {
        const double elapsedS = secondsSince(start);
        if (elapsedS >= budgetS) {
            run.wallS = elapsedS;
            break;
        }
        const auto status = src.next();
        if (status == inference::ReadStatus::EndOfStream) {
            if (auto r = src.rewind(); !r) {
                return r.error();
            }
            continue;
        }
        if (status != inference::ReadStatus::Frame) {
            return makeError(src.displayUrl() + ": " + src.lastError());
        }
        if (convert) {
            if (auto frame = src.convertCurrent(); !frame) {
                return frame.error();
            }
        }
        ++run.pictures;
    }
    run.cpuS = processCpuS() - cpuStartS;
    return run;
}

struct FfmpegRun {
    int threads = 1;  // 0: ffmpeg's default
    bool measured = false;
    std::string note;  // why there is no figure
    std::string command;
    int runs = 0;
    std::int64_t frames = 0;
    double rtimeS = 0.0;
    double cpuS = 0.0;  // utime + stime
    double perS() const { return rtimeS > 0.0 ? double(frames) / rtimeS : 0.0; }
};

// `ffmpeg -benchmark … -f null -` on the same file, repeated until `budgetS` of wall time:
// frames and rtime are summed over the runs, so a short clip gives a stable rate. Each run
// stops after `maxFrames`, what our decoder did in the same budget, so a long recording is
// not decoded to its end. Audio is left out: our source never decodes it.
FfmpegRun measureFfmpeg(const std::string& path, int threads, double budgetS,
                        std::int64_t maxFrames) {
    FfmpegRun run;
    run.threads = threads;
    std::vector<std::string> argv = {"ffmpeg", "-hide_banner", "-nostdin", "-benchmark"};
    if (threads > 0) {
        argv.insert(argv.end(), {"-threads", std::to_string(threads)});
    }
    argv.insert(argv.end(),
                {"-i", path, "-an", "-frames:v",
                 std::to_string(std::max<std::int64_t>(1, maxFrames)), "-f", "null", "-"});
    for (const auto& a : argv) {
        run.command += (run.command.empty() ? "" : " ") + (a == path ? std::string("FILE") : a);
    }
    const auto start = Clock::now();
    while (run.runs < kMaxFfmpegRuns && (run.runs == 0 || secondsSince(start) < budgetS)) {
        auto out = runProcess(argv);
        if (!out) {
            run.note = out.error().message;
            return run;
        }
        const auto frames = numberAfterLast(out->text, "frame=");
        const auto rtime = numberAfterLast(out->text, "rtime=");
        const auto utime = numberAfterLast(out->text, "utime=");
        const auto stime = numberAfterLast(out->text, "stime=");
        if (out->exitCode != 0 || !frames || !rtime) {
            run.note = "ffmpeg failed (exit " + std::to_string(out->exitCode) +
                       "): " + lastLine(out->text);
            return run;
        }
        ++run.runs;
        run.frames += std::int64_t(*frames);
        run.rtimeS += *rtime;
        run.cpuS += utime.value_or(0.0) + stime.value_or(0.0);
    }
    run.measured = true;
    return run;
}

// ---- section 2: detector ------------------------------------------------------------------

// Decodes `count` pictures spread evenly over the first kDetectorSpanS of the file and keeps
// their handles (the pool is sized for them).
Result<std::vector<core::ImageFrame>> collectPictures(const std::string& path, int count) {
    inference::SourceOptions options;
    options.poolFrames = std::size_t(count) + 2;
    options.decodeThreads = 0;
    auto opened = inference::openFrameSource(path, options);
    if (!opened) {
        return opened.error();
    }
    auto& src = **opened;
    const auto& info = src.info();
    const double spanS =
        info.durationS > 0.0 ? std::min(info.durationS, kDetectorSpanS) : kDetectorSpanS;
    const double fps = info.fps > 0.0 ? info.fps : 25.0;
    const auto step = std::max<std::int64_t>(1, std::int64_t(spanS * fps / count));
    std::vector<core::ImageFrame> pictures;
    while (int(pictures.size()) < count) {
        const auto status = src.next();
        if (status == inference::ReadStatus::EndOfStream) {
            break;  // a clip shorter than its header said: use what there is
        }
        if (status != inference::ReadStatus::Frame) {
            return makeError(src.displayUrl() + ": " + src.lastError());
        }
        if (src.currentIndex() % step != 0) {
            continue;
        }
        auto frame = src.convertCurrent();
        if (!frame) {
            return frame.error();
        }
        pictures.push_back(std::move(*frame));
    }
    if (pictures.empty()) {
        return makeError("no picture decoded from " + src.displayUrl());
    }
    return pictures;
}

struct DetectorRun {
    std::string description;
    int batch = 1;
    int distinctPictures = 0;
    std::int64_t calls = 0;
    std::int64_t pictures = 0;
    std::int64_t detections = 0;
    double wallS = 0.0;
    double cpuS = 0.0;
    std::vector<double> latenciesMs;
    double perS() const { return wallS > 0.0 ? double(pictures) / wallS : 0.0; }
};

Result<DetectorRun> measureDetector(inference::Detector& detector,
                                    const std::vector<core::ImageFrame>& pictures, int batch,
                                    double budgetS) {
    DetectorRun run;
    run.description = detector.description();
    run.batch = batch;
    run.distinctPictures = int(pictures.size());
    // Batches prepared up front, cycling through the pictures, so the loop times detect()
    // and nothing else.
    std::vector<std::vector<core::ImageFrame>> batches(pictures.size());
    for (std::size_t b = 0; b < batches.size(); ++b) {
        for (int i = 0; i < batch; ++i) {
            batches[b].push_back(
                pictures[(b * std::size_t(batch) + std::size_t(i)) % pictures.size()]);
        }
    }
    // Warm-up: first calls with a new input shape allocate (and pick kernels on a GPU).
    for (int i = 0; i < kWarmUpCalls; ++i) {
        if (auto r = detector.detect(batches[std::size_t(i) % batches.size()]); !r) {
            return r.error();
        }
    }
    const double cpuStartS = processCpuS();
    const auto start = Clock::now();
    while (run.calls == 0 || secondsSince(start) < budgetS) {
        const auto& input = batches[std::size_t(run.calls) % batches.size()];
        const auto callStart = Clock::now();
        auto result = detector.detect(input);
        run.latenciesMs.push_back(secondsSince(callStart) * 1000.0);
        if (!result) {
            return result.error();
        }
        for (const auto& perPicture : *result) {
            run.detections += std::int64_t(perPicture.size());
        }
        ++run.calls;
        run.pictures += batch;
    }
    run.wallS = secondsSince(start);
    run.cpuS = processCpuS() - cpuStartS;
    return run;
}

// ---- section 3: end to end ----------------------------------------------------------------

// Counts alerts; the engine calls it from its analysis threads.
class CountingSink final : public core::AlertSink {
public:
    void onAlertOpened(const core::Alert& alert) override {
        (void)alert;
        ++m_opened;
    }
    void onAlertClosed(const core::Alert& alert) override { (void)alert; }
    int opened() const { return m_opened.load(); }

private:
    std::atomic<int> m_opened{0};
};

struct EndToEndRun {
    std::string cameraId;
    double analysisFps = 0.0;
    double videoS = 0.0;
    double wallS = 0.0;
    double cpuS = 0.0;
    std::int64_t decoded = 0;
    std::int64_t analysed = 0;
    std::int64_t dropped = 0;
    std::int64_t batches = 0;
    int alerts = 0;
    double peakRssMiB = 0.0;
    double endRssMiB = 0.0;
    double perS() const { return wallS > 0.0 ? double(analysed) / wallS : 0.0; }
    // How many cameras analysed at this rate the machine would carry.
    double camerasCarried() const { return analysisFps > 0.0 ? perS() / analysisFps : 0.0; }
    double cpuMsPerPicture() const { return analysed > 0 ? 1000.0 * cpuS / double(analysed) : 0.0; }
};

// ---- output -------------------------------------------------------------------------------

void printLine(const std::string& text) {
    std::fputs(text.c_str(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);  // progress stays visible when piped into a file
}

std::string pad(std::string text, std::size_t width) {
    // Column widths count characters, not bytes: "×" and "—" take two and three bytes.
    std::size_t chars = 0;
    for (unsigned char c : text) {
        chars += (c & 0xC0U) != 0x80U ? 1 : 0;
    }
    if (chars < width) {
        text.append(width - chars, ' ');
    }
    return text;
}

std::string row(const std::vector<std::pair<std::string, std::size_t>>& cells) {
    std::string line = "  ";
    for (const auto& [text, width] : cells) {
        line += pad(text, width);
    }
    while (!line.empty() && line.back() == ' ') {
        line.pop_back();
    }
    return line;
}

std::string ratio(double ours, const FfmpegRun& baseline) {
    return baseline.measured && baseline.perS() > 0.0 ? figure(ours / baseline.perS()) : "—";
}

// ---- the run ------------------------------------------------------------------------------

// Everything fixed before the first measurement; every problem with it is bad input.
struct BenchSetup {
    core::Site site;  // only the measured camera enabled
    std::string sitePath;
    std::string cameraId;
    double analysisFps = 0.0;
    std::string input;  // absolute path of the clip
    inference::StreamInfo info;
    std::string modelDir;
    std::string manifestPath;
    std::string device;  // empty: the site's
    int threads = 0;     // LibTorch intra-op threads, 0 = every core
    int batch = 1;
    double seconds = kDefaultSeconds;
    std::optional<std::string> jsonPath;
};

Result<BenchSetup> prepare(const Args& args) {
    BenchSetup setup;
    if (!args.positionals().empty()) {
        return makeError("unexpected argument '" + args.positionals()[0] +
                         "' (the clip is given with --input FILE)");
    }
    const auto seconds = args.number("seconds", kDefaultSeconds);
    if (!seconds) {
        return seconds.error();
    }
    if (!(*seconds > 0.0) || *seconds > kMaxSeconds) {
        return makeError("--seconds expects a duration above 0 and at most " + figure(kMaxSeconds));
    }
    setup.seconds = *seconds;
    const auto batch = integerOption(args, "batch", 1, 1, kMaxBatch);
    if (!batch) {
        return batch.error();
    }
    setup.batch = *batch;
    const auto threads = integerOption(args, "threads", 0, 0, kMaxThreads);
    if (!threads) {
        return threads.error();
    }
    setup.threads = *threads;
    setup.jsonPath = args.value("json");

    // The demo site names its clip through ${VIGIE_DATA_DIR}, as the workstation resolves it.
    if (std::getenv("VIGIE_DATA_DIR") == nullptr) {
        setenv("VIGIE_DATA_DIR", fs::path(defaultModelDir()).parent_path().c_str(), 0);
    }
    setup.sitePath = args.valueOr("site", defaultDemoSitePath());
    auto site = core::loadSite(setup.sitePath);
    if (!site) {
        return makeError("invalid site configuration " + site.error().message);
    }
    const auto camera = std::find_if(site->cameras.begin(), site->cameras.end(),
                                     [](const core::Camera& c) { return c.enabled; });
    if (camera == site->cameras.end()) {
        return makeError("the site " + setup.sitePath + " has no enabled camera");
    }
    setup.cameraId = camera->id;
    setup.analysisFps = camera->analysisFps;
    std::string input = args.value("input").value_or(site->resolvePath(camera->source.url));
    for (auto& c : site->cameras) {
        c.enabled = c.id == setup.cameraId;
    }

    if (input.find("://") != std::string::npos && input.rfind("file://", 0) != 0) {
        return makeError(core::redactUrl(input) +
                         " is a stream; vigie bench measures a video file (--input FILE)");
    }
    if (input.rfind("file://", 0) == 0) {
        input = input.substr(7);
    }
    std::error_code ec;
    if (!fs::is_regular_file(input, ec)) {
        return makeError("input not found: " + input +
                         (args.value("input") ? "" : " (set VIGIE_DATA_DIR or pass --input FILE)"));
    }
    setup.input = fs::absolute(input).lexically_normal().string();
    auto probe = inference::openFrameSource(setup.input, {});
    if (!probe) {
        return probe.error();
    }
    if ((*probe)->next() != inference::ReadStatus::Frame) {
        return makeError("no picture could be decoded from " + setup.input);
    }
    setup.info = (*probe)->info();

    setup.modelDir =
        args.value("model-dir")
            .value_or(site->engine.modelDir.empty() ? defaultModelDir()
                                                    : site->resolvePath(site->engine.modelDir));
    setup.manifestPath = args.value("manifest").value_or(defaultManifestPath());
    setup.device = args.valueOr("device", "");
    setup.site = std::move(*site);
    return setup;
}

struct MachineInfo {
    std::string cpu;
    unsigned cores = 0;
    int usableCores = 0;
    std::string loadAverage;
    std::string system;
    std::string torch;
    std::string ffmpegLibraries;
    std::optional<std::string> ffmpegCli;  // absent: no ffmpeg on PATH, no baseline
    std::string build;
};

MachineInfo describeMachine() {
    MachineInfo m;
    m.cpu = cpuModel();
    m.cores = std::thread::hardware_concurrency();
    m.usableCores = usableCores();
    m.loadAverage = loadAverage();
    m.system = kernelDescription();
    m.torch = inference::torchRuntimeDescription();
#ifdef VIGIE_HAVE_FFMPEG
    m.ffmpegLibraries = inference::ffmpegVersion();
#else
    m.ffmpegLibraries = "not built in (synthetic sources only)";
#endif
    m.ffmpegCli = ffmpegCliVersion();
#ifdef NDEBUG
    m.build = "optimised (NDEBUG)";
#else
    m.build = "assertions on (a debug build understates a release build)";
#endif
    return m;
}

void printHeader(const MachineInfo& m, const BenchSetup& s, const std::string& detector) {
    printLine("vigie bench — figures for this machine, not a pass/fail test");
    printLine("");
    printLine("Machine");
    printLine("  CPU            " + m.cpu);
    printLine("  cores          " + std::to_string(m.cores) +
              " (std::thread::hardware_concurrency)" +
              (m.usableCores > 0 && unsigned(m.usableCores) != m.cores
                   ? ", " + std::to_string(m.usableCores) + " usable by this process"
                   : ""));
    printLine("  load average   " + m.loadAverage +
              " (1, 5, 15 min; other work on the machine lowers every figure)");
    printLine("  system         " + m.system);
    printLine("  LibTorch       " + m.torch);
    printLine("  FFmpeg         " + m.ffmpegLibraries +
              "; CLI: " + m.ffmpegCli.value_or("not found on PATH"));
    printLine(std::string("  Vigie          ") + VIGIE_VERSION + ", " + m.build);
    printLine("");
    printLine("Input");
    printLine("  file           " + s.input);
    printLine("  video          " + s.info.codec + " " + std::to_string(s.info.width) + "x" +
              std::to_string(s.info.height) + " at " + figure(s.info.fps) + " fps, " +
              figure(s.info.durationS) + " s");
    printLine("  site           " + s.site.id + " (" + s.sitePath + "), camera " + s.cameraId +
              " analysed at " + figure(s.analysisFps) + " fps");
    printLine("  detector       " + detector);
    printLine("  budget         " + figure(s.seconds) + " s per measurement");
}

struct DecodeSection {
    std::vector<DecodeRun> runs;       // per thread count: with conversion, then without
    std::vector<FfmpegRun> baselines;  // per thread count
};

Result<DecodeSection> runDecodeSection(const BenchSetup& s, bool haveFfmpeg) {
    printLine("");
    printLine("1. Decode — VideoSource on the input (the clip restarts at its end), " +
              figure(s.seconds) + " s per measurement");
    printLine("  Live cameras decode with 1 thread, files analysed offline with FFmpeg's choice");
    printLine("  (auto). ffmpeg only decodes: \"decode only\" ÷ ffmpeg is the like-for-like");
    printLine("  ratio; the BGR rows add the conversion that every analysed picture pays.");
    const std::vector<std::size_t> w = {28, 9, 13, 13, 11, 10};
    printLine(row({{"measurement", w[0]},
                   {"threads", w[1]},
                   {"pictures/s", w[2]},
                   {"× real time", w[3]},
                   {"CPU cores", w[4]},
                   {"÷ ffmpeg", w[5]}}));
    const double sourceFps = s.info.fps;
    auto realTime = [&](double perS) {
        return sourceFps > 0.0 ? figure(perS / sourceFps) : "—";
    };
    DecodeSection section;
    for (const int threads : {1, 0}) {
        DecodeRun convertRun;
        DecodeRun decodeOnlyRun;
        for (const bool convert : {true, false}) {
            auto run = measureDecode(s.input, threads, convert, s.seconds);
            if (!run) {
                return run.error();
            }
            (convert ? convertRun : decodeOnlyRun) = *run;
            section.runs.push_back(*run);
        }
        FfmpegRun baseline;
        baseline.threads = threads;
        baseline.note = "ffmpeg is not on PATH: no baseline";
        if (haveFfmpeg) {
            baseline = measureFfmpeg(s.input, threads, s.seconds, decodeOnlyRun.pictures);
        }
        section.baselines.push_back(baseline);
        for (const DecodeRun* r : {&convertRun, &decodeOnlyRun}) {
            printLine(
                row({{r->convert ? "VideoSource decode + BGR" : "VideoSource decode only", w[0]},
                     {threadsName(threads), w[1]},
                     {figure(r->perS()), w[2]},
                     {realTime(r->perS()), w[3]},
                     {figure(r->cpuS / r->wallS), w[4]},
                     {ratio(r->perS(), baseline), w[5]}}));
        }
        if (baseline.measured) {
            printLine(row({{"ffmpeg CLI (baseline)", w[0]},
                           {threadsName(threads), w[1]},
                           {figure(baseline.perS()), w[2]},
                           {realTime(baseline.perS()), w[3]},
                           {figure(baseline.cpuS / baseline.rtimeS), w[4]},
                           {figure(1.0), w[5]}}));
        } else {
            printLine("  ffmpeg CLI (baseline), " + threadsPhrase(threads) + ": " + baseline.note);
        }
    }
    for (const auto& b : section.baselines) {
        if (b.measured) {
            printLine("  baseline, " + threadsPhrase(b.threads) + ": " + b.command);
            printLine("    " + std::to_string(b.runs) + " run(s), " + std::to_string(b.frames) +
                      " frames in " + figure(b.rtimeS) + " s of rtime (frame= and rtime= summed)");
        }
    }
    return section;
}

struct DetectorFigures {
    DetectorRun run;
    double p50Ms = 0.0;
    double p95Ms = 0.0;
    double maxMs = 0.0;
};

Result<DetectorFigures> runDetectorSection(const BenchSetup& s, inference::Detector& detector) {
    printLine("");
    printLine("2. Detector — " + detector.description() + "; --batch " + std::to_string(s.batch) +
              ", " + figure(s.seconds) + " s after " + std::to_string(kWarmUpCalls) +
              " warm-up calls");
    auto pictures = collectPictures(s.input, kDetectorPictures);
    if (!pictures) {
        return makeError("cannot decode pictures for the detector: " + pictures.error().message);
    }
    auto run = measureDetector(detector, *pictures, s.batch, s.seconds);
    if (!run) {
        return run.error();
    }
    DetectorFigures f;
    f.run = std::move(*run);
    const DetectorRun& r = f.run;
    f.p50Ms = percentile(r.latenciesMs, 0.50);
    f.p95Ms = percentile(r.latenciesMs, 0.95);
    f.maxMs = *std::max_element(r.latenciesMs.begin(), r.latenciesMs.end());
    printLine("  input          " + std::to_string(r.distinctPictures) + " pictures of " +
              std::to_string(s.info.width) + "x" + std::to_string(s.info.height) +
              " decoded from the clip, letterboxed by the detector");
    printLine("  calls          " + std::to_string(r.calls) + " in " + figure(r.wallS) + " s (" +
              std::to_string(r.pictures) + " pictures)");
    printLine("  inferences/s   " + figure(r.perS()) + " pictures/s");
    printLine("  latency/call   p50 " + figure(f.p50Ms) + " ms, p95 " + figure(f.p95Ms) +
              " ms, max " + figure(f.maxMs) + " ms (" + std::to_string(r.batch) +
              " picture(s) per call)");
    printLine("  CPU            " + figure(r.cpuS / r.wallS) + " cores busy, " +
              figure(1000.0 * r.cpuS / double(r.pictures)) + " CPU ms per picture");
    printLine("  detections     " + figure(double(r.detections) / double(r.pictures)) +
              " per picture (score ≥ 0.1, before tracking: what the engine keeps)");
    return f;
}

Result<EndToEndRun> runEndToEndSection(const BenchSetup& s, inference::Engine& engine,
                                       const CountingSink& alerts) {
    printLine("");
    printLine("3. End to end — Engine offline on camera " + s.cameraId +
              " (decode, detector, tracker, analysers, rules), no frame sink");
    printLine("  The whole clip, whatever --seconds; offline, the source waits for the detector");
    printLine("  instead of dropping, and decodes with FFmpeg's choice of threads.");
    EndToEndRun e2e;
    e2e.cameraId = s.cameraId;
    e2e.analysisFps = s.analysisFps;
    const bool tty = isatty(STDERR_FILENO) != 0;
    const double cpuStartS = processCpuS();
    const auto start = Clock::now();
    engine.start();
    while (!engine.waitFinished(500)) {
        if (tty) {
            const auto& cam = engine.health().cameras.at(0);
            std::fprintf(stderr, "\r\033[K  … %.1f / %.1f s of video", double(cam.lastPtsUs) / 1e6,
                         s.info.durationS);
        }
    }
    e2e.wallS = secondsSince(start);
    e2e.cpuS = processCpuS() - cpuStartS;
    e2e.endRssMiB = currentRssMiB();
    if (tty) {
        std::fputs("\r\033[K", stderr);
    }
    engine.stop();
    const auto health = engine.health();
    const auto& cam = health.cameras.at(0);
    if (cam.state == core::CameraState::Failed) {
        return makeError("the engine stopped on " + s.cameraId + ": " + cam.lastError);
    }
    e2e.videoS = double(cam.lastPtsUs) / 1e6;
    e2e.decoded = cam.framesDecoded;
    e2e.analysed = cam.framesAnalysed;
    e2e.dropped = cam.framesDropped;
    e2e.batches = health.batches;
    e2e.alerts = alerts.opened();
    e2e.peakRssMiB = peakRssMiB();
    printLine("  wall time      " + figure(e2e.wallS) + " s for " + figure(e2e.videoS) +
              " s of video (" + figure(e2e.wallS > 0.0 ? e2e.videoS / e2e.wallS : 0.0) +
              " × real time)");
    printLine("  pictures       " + std::to_string(e2e.decoded) + " decoded, " +
              std::to_string(e2e.analysed) + " analysed, " + std::to_string(e2e.dropped) +
              " dropped, in " + std::to_string(e2e.batches) + " detector calls");
    printLine("  analysed/s     " + figure(e2e.perS()) + " pictures/s");
    printLine("  cameras        " + figure(e2e.camerasCarried()) + " = analysed pictures/s ÷ " +
              figure(e2e.analysisFps) + " fps: cameras like this one this machine would carry");
    printLine("  alerts         " + std::to_string(e2e.alerts) + " raised");
    printLine("  CPU            " + figure(e2e.cpuS) + " s, " + figure(e2e.cpuMsPerPicture()) +
              " CPU ms per analysed picture (" +
              figure(e2e.wallS > 0.0 ? e2e.cpuS / e2e.wallS : 0.0) + " cores busy)");
    printLine("  memory         peak RSS " + figure(e2e.peakRssMiB) +
              " MiB (ru_maxrss of the whole bench process), " + figure(e2e.endRssMiB) +
              " MiB resident at the end of the run");
    return e2e;
}

void printSummary(const MachineInfo& m, const BenchSetup& s, const DecodeSection& decode,
                  const DetectorFigures& det, const EndToEndRun& e2e) {
    // Runs are in order: 1 thread with conversion (a live camera's source), 1 thread
    // decode only (like-for-like with ffmpeg), then the same with automatic threads.
    const DecodeRun& live = decode.runs.at(0);
    const DecodeRun& liveDecodeOnly = decode.runs.at(1);
    const FfmpegRun& baseline = decode.baselines.at(0);
    printLine("");
    printLine("Summary — " + m.cpu + ", " + std::to_string(m.cores) + " cores, " +
              det.run.description);
    const std::vector<std::size_t> w = {34, 20, 40};
    printLine(row({{"figure", w[0]}, {"value", w[1]}, {"reading", w[2]}}));
    std::string decodeReading =
        s.info.fps > 0.0 ? figure(live.perS() / s.info.fps) + " × the source rate" : "";
    if (baseline.measured) {
        decodeReading += "; decode only " + ratio(liveDecodeOnly.perS(), baseline) + " × ffmpeg";
    }
    printLine(row({{"decode + BGR, 1 thread", w[0]},
                   {figure(live.perS()) + " pictures/s", w[1]},
                   {decodeReading, w[2]}}));
    printLine(row(
        {{"detector, batch " + std::to_string(det.run.batch), w[0]},
         {figure(det.run.perS()) + " pictures/s", w[1]},
         {"p50 " + figure(det.p50Ms) + " ms, p95 " + figure(det.p95Ms) + " ms per call", w[2]}}));
    printLine(
        row({{"end to end, " + e2e.cameraId + " at " + figure(e2e.analysisFps) + " fps", w[0]},
             {figure(e2e.perS()) + " pictures/s", w[1]},
             {figure(e2e.camerasCarried()) + " such cameras, " + figure(e2e.cpuMsPerPicture()) +
                  " CPU ms per picture",
              w[2]}}));
    printLine(row({{"memory", w[0]},
                   {figure(e2e.peakRssMiB) + " MiB", w[1]},
                   {"peak RSS of the bench process", w[2]}}));
}

nlohmann::json toJson(const MachineInfo& m, const BenchSetup& s, const DecodeSection& decode,
                      const DetectorFigures& det, const EndToEndRun& e2e) {
    using nlohmann::json;
    json runs = json::array();
    for (const auto& r : decode.runs) {
        runs.push_back({{"threads", r.threads},
                        {"bgr_conversion", r.convert},
                        {"pictures", r.pictures},
                        {"wall_s", r.wallS},
                        {"cpu_s", r.cpuS},
                        {"pictures_per_s", r.perS()},
                        {"real_time_factor", s.info.fps > 0.0 ? r.perS() / s.info.fps : 0.0}});
    }
    json baselines = json::array();
    for (const auto& b : decode.baselines) {
        json j = {{"threads", b.threads}, {"measured", b.measured}};
        if (b.measured) {
            j.update({{"command", b.command},
                      {"runs", b.runs},
                      {"frames", b.frames},
                      {"rtime_s", b.rtimeS},
                      {"cpu_s", b.cpuS},
                      {"pictures_per_s", b.perS()}});
        } else {
            j["note"] = b.note;
        }
        baselines.push_back(j);
    }
    const DetectorRun& r = det.run;
    return {
        {"machine",
         {{"cpu", m.cpu},
          {"cores", m.cores},
          {"usable_cores", m.usableCores},
          {"load_average", m.loadAverage},
          {"system", m.system},
          {"libtorch", m.torch},
          {"ffmpeg_libraries", m.ffmpegLibraries},
          {"ffmpeg_cli", m.ffmpegCli.value_or("")},
          {"vigie", VIGIE_VERSION},
          {"build", m.build}}},
        {"input",
         {{"file", s.input},
          {"codec", s.info.codec},
          {"width", s.info.width},
          {"height", s.info.height},
          {"fps", s.info.fps},
          {"duration_s", s.info.durationS},
          {"site", s.site.id},
          {"camera", s.cameraId},
          {"analysis_fps", s.analysisFps},
          {"budget_s", s.seconds}}},
        {"decode", runs},
        {"decode_baseline_ffmpeg", baselines},
        {"detector",
         {{"description", r.description},
          {"batch", r.batch},
          {"calls", r.calls},
          {"pictures", r.pictures},
          {"wall_s", r.wallS},
          {"cpu_s", r.cpuS},
          {"pictures_per_s", r.perS()},
          {"latency_p50_ms", det.p50Ms},
          {"latency_p95_ms", det.p95Ms},
          {"latency_max_ms", det.maxMs},
          {"latencies_ms", r.latenciesMs},
          {"detections_per_picture", double(r.detections) / double(r.pictures)}}},
        {"end_to_end",
         {{"camera", e2e.cameraId},
          {"analysis_fps", e2e.analysisFps},
          {"video_s", e2e.videoS},
          {"wall_s", e2e.wallS},
          {"cpu_s", e2e.cpuS},
          {"pictures_decoded", e2e.decoded},
          {"pictures_analysed", e2e.analysed},
          {"pictures_dropped", e2e.dropped},
          {"detector_calls", e2e.batches},
          {"alerts", e2e.alerts},
          {"analysed_per_s", e2e.perS()},
          {"cameras_carried", e2e.camerasCarried()},
          {"cpu_ms_per_analysed_picture", e2e.cpuMsPerPicture()},
          {"peak_rss_mib", e2e.peakRssMiB},
          {"end_rss_mib", e2e.endRssMiB}}},
    };
}

}  // namespace

int runBench(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(argv,
                              {"site",
                               "input",
                               "model-dir",
                               "manifest",
                               "device",
                               "threads",
                               "seconds",
                               "batch",
                               "json",
                               "streams",
                               "resolutions",
                               "fps",
                               "synthetic-cameras",
                               "batches",
                               "max-batch",
                               "model",
                               "dynamic-model",
                               "warmup",
                               "analysis-threads",
                               "workers",
                               "detector"},
                              {"help", "detector-scaling", "motion-gating", "in-step"});
    if (!parsed) {
        return fail(kExitBadInput, parsed.error().message + "; see vigie bench --help");
    }
    if (parsed->flag("help")) {
        std::fputs(kUsage, stdout);
        return kExitOk;
    }
    // The figures go to stdout; the modules' info logs would interleave with them.
    core::LogOptions logOptions;
    logOptions.level = spdlog::level::warn;
    core::setupLogging(logOptions);

    auto intList = [](const std::string& text, std::vector<int>& out) {
        std::stringstream list(text);
        std::string item;
        out.clear();
        while (std::getline(list, item, ',')) {
            const int n = std::atoi(item.c_str());
            if (n < 1 || n > 4096) {
                return false;
            }
            out.push_back(n);
        }
        return !out.empty();
    };
    if (parsed->flag("detector-scaling") || parsed->value("synthetic-cameras")) {
        ScaleOptions so;
        so.modelDir = parsed->valueOr("model-dir", defaultModelDir());
        so.manifestPath = parsed->valueOr("manifest", defaultManifestPath());
        so.device = parsed->valueOr("device", "auto");
        so.providedModel = parsed->valueOr("model", so.providedModel);
        so.dynamicModel = parsed->valueOr("dynamic-model", so.dynamicModel);
        auto seconds = parsed->number("seconds", so.seconds);
        auto fps = parsed->number("fps", so.fps);
        auto warmup = parsed->number("warmup", so.warmupS);
        auto maxBatch = integerOption(*parsed, "max-batch", so.maxBatch, 1, 4096);
        auto analysisThreads = integerOption(*parsed, "analysis-threads", 0, 0, 256);
        auto cpuThreads = integerOption(*parsed, "threads", 0, 0, 256);
        auto workers = integerOption(*parsed, "workers", 0, 0, 256);
        if (!seconds || *seconds <= 0 || !fps || *fps <= 0 || !warmup || *warmup < 0 || !maxBatch ||
            !analysisThreads || !cpuThreads || !workers) {
            return fail(kExitBadInput,
                        "invalid --seconds, --fps, --warmup, --max-batch, --analysis-threads, "
                        "--threads or --workers");
        }
        so.cpuThreads = *cpuThreads;
        so.inferenceWorkers = *workers;
        so.seconds = *seconds;
        so.fps = *fps;
        so.warmupS = *warmup;
        so.maxBatch = *maxBatch;
        so.analysisThreads = *analysisThreads;
        so.input = parsed->valueOr("input", "");
        so.motionGating = parsed->flag("motion-gating");
        so.stagger = !parsed->flag("in-step");
        so.detectorModel = parsed->valueOr("detector", "");
        if (auto b = parsed->value("batches"); b && !intList(*b, so.batches)) {
            return fail(kExitBadInput, "--batches expects sizes such as 1,8,64");
        }
        if (parsed->flag("detector-scaling")) {
            return runDetectorScaling(so);
        }
        if (!intList(*parsed->value("synthetic-cameras"), so.cameras)) {
            return fail(kExitBadInput, "--synthetic-cameras expects counts such as 50,100,200");
        }
        return runSyntheticCameras(so);
    }
    if (auto streams = parsed->value("streams")) {
        // Concurrent decode only: no model needed.
        std::vector<int> counts;
        std::stringstream list(*streams);
        std::string item;
        while (std::getline(list, item, ',')) {
            const int n = std::atoi(item.c_str());
            if (n < 1 || n > 1024) {
                return fail(kExitBadInput, "--streams expects counts from 1 to 1024, e.g. 1,4,8");
            }
            counts.push_back(n);
        }
        std::vector<std::string> resolutions;
        std::stringstream rl(parsed->valueOr("resolutions", "4cif,1080p"));
        while (std::getline(rl, item, ',')) {
            resolutions.push_back(item);
        }
        auto seconds = parsed->number("seconds", 5.0);
        auto fps = parsed->number("fps", 12.5);
        if (!seconds || *seconds <= 0 || !fps || *fps <= 0) {
            return fail(kExitBadInput, "--seconds and --fps must be positive numbers");
        }
        return runStreamsBench(counts, resolutions, parsed->valueOr("input", ""), *seconds, *fps);
    }

    auto setup = prepare(*parsed);
    if (!setup) {
        return fail(kExitBadInput, setup.error().message);
    }
    const BenchSetup& s = *setup;
    // Opened before anything runs, so that a bad path costs nothing.
    std::ofstream jsonOut;
    if (s.jsonPath) {
        jsonOut.open(*s.jsonPath);
        if (!jsonOut) {
            return fail(kExitBadInput, "cannot write " + *s.jsonPath + ": " + std::strerror(errno));
        }
    }
    // Both the detector and the engine are made before any measurement, so that a missing
    // model or a rule naming a class the model lacks is reported at once, not after minutes.
    auto loaded =
        inference::loadSiteDetector(s.site, s.modelDir, s.manifestPath, s.device, s.threads);
    if (!loaded) {
        return fail(kExitBadInput, loaded.error().message);
    }
    std::unique_ptr<inference::Detector> detector = std::move(*loaded);
    CountingSink alerts;
    inference::EngineOptions options;
    options.modelDir = s.modelDir;
    options.manifestPath = s.manifestPath;
    options.device = s.device;
    options.cpuThreads = s.threads;
    options.offline = true;
    options.sourceOverrides[s.cameraId] = s.input;
    options.alertSink = &alerts;
    auto engine = inference::Engine::create(s.site, std::move(options));
    if (!engine) {
        return fail(kExitBadInput, engine.error().message);
    }

    const MachineInfo machine = describeMachine();
    printHeader(machine, s, detector->description());
    auto decode = runDecodeSection(s, machine.ffmpegCli.has_value());
    if (!decode) {
        return fail(kExitFailure, "decode measurement failed: " + decode.error().message);
    }
    auto det = runDetectorSection(s, *detector);
    if (!det) {
        return fail(kExitFailure, "detector measurement failed: " + det.error().message);
    }
    detector.reset();  // the engine has its own
    auto e2e = runEndToEndSection(s, **engine, alerts);
    if (!e2e) {
        return fail(kExitFailure, e2e.error().message);
    }
    printSummary(machine, s, *decode, *det, *e2e);
    if (s.jsonPath) {
        jsonOut << toJson(machine, s, *decode, *det, *e2e).dump(2) << '\n';
        jsonOut.close();
        if (!jsonOut) {
            return fail(kExitFailure, "cannot write " + *s.jsonPath);
        }
        printLine("");
        printLine("Figures written to " + *s.jsonPath);
    }
    return kExitOk;
}

}  // namespace vigie::app
