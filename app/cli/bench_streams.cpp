// `vigie bench --streams 1,4,8`: how many camera streams this machine decodes at once.
// For each stream count and each resolution (4CIF 704×576 and 1080p, H.264 at 25 fps,
// generated with the ffmpeg CLI, or --input), N threads each decode their own copy as the
// engine's source threads do (one decoder thread per camera; BGR conversion of the pictures
// analysed at --fps), for --seconds. The baseline runs N `ffmpeg -threads 1 … -f null`
// processes at once on the same file: the ratio is our decoded pictures/s over ffmpeg's on
// the same cores. Memory per stream is the resident-memory growth divided by N.
// Figures only: nothing passes or fails.
#include "app/cli/bench_streams.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include "app/cli/bench_util.h"
#include "app/cli/commands.h"
#include "inference/frame_source.h"
#include "inference/video_source.h"

namespace vigie::app {

namespace {

using namespace bench;  // NOLINT(google-build-using-namespace): the helpers of this tool
namespace fs = std::filesystem;
using core::makeError;

struct Clip {
    std::string name;
    std::string path;
    int width = 0;
    int height = 0;
};

struct StreamsRun {
    int streams = 0;
    std::int64_t decoded = 0;
    std::int64_t converted = 0;
    double wallS = 0.0;
    double cpuS = 0.0;
    double rssGrowthMiB = 0.0;
    std::string error;
    double perS() const { return wallS > 0 ? double(decoded) / wallS : 0.0; }
};

struct FfmpegStreamsRun {
    bool measured = false;
    std::string note;
    std::int64_t frames = 0;
    double wallS = 0.0;
    double perS() const { return wallS > 0 ? double(frames) / wallS : 0.0; }
};

Result<Clip> makeClip(const std::string& dir, const std::string& name, int w, int h) {
    Clip clip{name, (fs::path(dir) / (name + ".mp4")).string(), w, h};
    if (fs::exists(clip.path)) {
        return clip;
    }
    // A busy scene (testsrc2 moves everywhere) at a CCTV-like bitrate: 20 s, GOP of 1 s.
    auto out = runProcess(
        {"ffmpeg",   "-hide_banner",
         "-nostdin", "-y",
         "-f",       "lavfi",
         "-i",       "testsrc2=s=" + std::to_string(w) + "x" + std::to_string(h) + ":r=25:d=20",
         "-c:v",     "libx264",
         "-preset",  "veryfast",
         "-pix_fmt", "yuv420p",
         "-g",       "25",
         "-bf",      "0",
         "-b:v",     w >= 1280 ? "4M" : "1500k",
         clip.path});
    if (!out || out->exitCode != 0) {
        return makeError("cannot generate the " + name + " test clip with ffmpeg" +
                         (out ? ": " + lastLine(out->text) : ": " + out.error().message));
    }
    return clip;
}

StreamsRun decodeStreams(const Clip& clip, int n, double budgetS, double analysisFps) {
    StreamsRun run;
    run.streams = n;
    std::vector<std::unique_ptr<inference::FrameSource>> sources;
    const double rssBefore = currentRssMiB();
    for (int i = 0; i < n; ++i) {
        inference::SourceOptions o;
        o.decodeThreads = 1;
        auto s = inference::openFrameSource(clip.path, o);
        if (!s) {
            run.error = s.error().message;
            return run;
        }
        sources.push_back(std::move(*s));
    }
    std::atomic<std::int64_t> decoded{0};
    std::atomic<std::int64_t> converted{0};
    std::atomic<bool> stop{false};
    std::mutex errorMutex;
    const auto periodUs = std::int64_t(1e6 / analysisFps);
    auto worker = [&](inference::FrameSource& src) {
        std::int64_t nextDueUs = 0;
        while (!stop.load()) {
            const auto st = src.next();
            if (st == inference::ReadStatus::EndOfStream) {
                if (!src.rewind()) {
                    break;
                }
                continue;
            }
            if (st != inference::ReadStatus::Frame) {
                std::lock_guard lock(errorMutex);
                run.error = src.lastError();
                break;
            }
            ++decoded;
            if (src.currentPtsUs() >= nextDueUs) {
                nextDueUs = src.currentPtsUs() + periodUs;
                if (src.convertCurrent()) {
                    ++converted;
                }
            }
        }
    };
    const double cpuStart = processCpuS();
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (auto& s : sources) {
        threads.emplace_back(worker, std::ref(*s));
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(budgetS));
    stop = true;
    for (auto& t : threads) {
        t.join();
    }
    run.wallS = secondsSince(start);
    run.cpuS = processCpuS() - cpuStart;
    run.decoded = decoded.load();
    run.converted = converted.load();
    run.rssGrowthMiB = currentRssMiB() - rssBefore;
    return run;
}

// N ffmpeg processes at once, each limited to the pictures one of our streams decoded in
// the same budget; the aggregate rate is their frames over the wall time of the slowest.
FfmpegStreamsRun ffmpegStreams(const Clip& clip, int n, std::int64_t framesEach) {
    FfmpegStreamsRun run;
    std::vector<std::thread> threads;
    std::mutex mutex;
    std::int64_t frames = 0;
    std::string note;
    const auto start = Clock::now();
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&] {
            auto out = runProcess({"ffmpeg", "-hide_banner", "-nostdin", "-benchmark", "-threads",
                                   "1", "-stream_loop", "-1", "-i", clip.path, "-an", "-frames:v",
                                   std::to_string(std::max<std::int64_t>(1, framesEach)), "-f",
                                   "null", "-"});
            std::lock_guard lock(mutex);
            if (!out || out->exitCode != 0) {
                note = out ? lastLine(out->text) : out.error().message;
                return;
            }
            frames += std::int64_t(numberAfterLast(out->text, "frame=").value_or(0.0));
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    run.wallS = secondsSince(start);
    run.frames = frames;
    run.note = note;
    run.measured = note.empty();
    return run;
}

}  // namespace

int runStreamsBench(const std::vector<int>& counts, const std::vector<std::string>& resolutions,
                    const std::string& input, double budgetS, double analysisFps) {
    std::vector<Clip> clips;
    std::error_code ec;
    const std::string dir = (fs::temp_directory_path(ec) / "vigie-bench-clips").string();
    fs::create_directories(dir, ec);
    if (!input.empty()) {
        auto probe = inference::openFrameSource(input, {});
        if (!probe) {
            std::fprintf(stderr, "vigie bench: %s\n", probe.error().message.c_str());
            return kExitBadInput;
        }
        clips.push_back({fs::path(input).filename().string(), input, (*probe)->info().width,
                         (*probe)->info().height});
    } else {
        for (const auto& r : resolutions) {
            auto clip =
                r == "4cif" ? makeClip(dir, "4cif", 704, 576)
                : r == "1080p"
                    ? makeClip(dir, "1080p", 1920, 1080)
                    : Result<Clip>(makeError("unknown resolution '" + r + "' (4cif, 1080p)"));
            if (!clip) {
                std::fprintf(stderr, "vigie bench: %s\n", clip.error().message.c_str());
                return kExitBadInput;
            }
            clips.push_back(*clip);
        }
    }
    std::printf(
        "Concurrent decode — one decoder thread per stream, BGR conversion at %.1f fps "
        "per stream, %.1f s per measurement\n",
        analysisFps, budgetS);
    std::printf("  machine: %s, %d cores usable, load %s\n", cpuModel().c_str(), usableCores(),
                loadAverage().c_str());
    std::printf("  %-8s %-10s %8s %12s %10s %10s %12s %10s %8s\n", "clip", "size", "streams",
                "pictures/s", "per stream", "x 25 fps", "CPU/stream", "MiB/stream", "÷ffmpeg");
    for (const auto& clip : clips) {
        for (int n : counts) {
            const StreamsRun ours = decodeStreams(clip, n, budgetS, analysisFps);
            if (!ours.error.empty()) {
                std::fprintf(stderr, "vigie bench: %s\n", ours.error.c_str());
                return kExitFailure;
            }
            const FfmpegStreamsRun base = ffmpegStreams(clip, n, ours.decoded / n);
            const double perStream = ours.perS() / n;
            std::printf("  %-8s %-10s %8d %12s %10s %10s %11s%% %10s %8s\n", clip.name.c_str(),
                        (std::to_string(clip.width) + "x" + std::to_string(clip.height)).c_str(), n,
                        figure(ours.perS()).c_str(), figure(perStream).c_str(),
                        figure(perStream / 25.0).c_str(),
                        figure(100.0 * ours.cpuS / ours.wallS / n).c_str(),
                        figure(ours.rssGrowthMiB / n).c_str(),
                        base.measured ? figure(ours.perS() / base.perS()).c_str() : "—");
            if (!base.measured) {
                std::printf("    (no ffmpeg baseline: %s)\n", base.note.c_str());
            }
        }
    }
    std::printf(
        "  \"x 25 fps\": how many times real time each stream decodes; streams at 25 fps\n"
        "  this machine could decode = pictures/s ÷ 25. \"÷ffmpeg\": our aggregate rate over N\n"
        "  concurrent ffmpeg -threads 1 processes decoding the same file (goal ≥ 0.9).\n");
    return kExitOk;
}

}  // namespace vigie::app
