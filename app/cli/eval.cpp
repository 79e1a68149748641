// `vigie eval`: detection quality, event by event, on scenarios with ground truth.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/common/paths.h"
#include "app/eval/scenario.h"
#include "app/eval/scenario_runner.h"
#include "core/log.h"

namespace vigie::app {

namespace {

namespace fs = std::filesystem;

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "vigie eval: %s\n", message.c_str());
    return code;
}

void usage() {
    std::puts(
        "usage: vigie eval <scenario-dir> [--data-dir DIR] [--model-dir DIR] [--manifest F]\n"
        "                  [--device cpu|cuda|auto] [--threads N] [--fps F] [--only A,B]\n"
        "                  [--real-detector] [--verbose] [--trace]\n"
        "       vigie eval --generate DIR [--only A,B]\n"
        "\n"
        "Runs every scenario (a directory holding site.json, truth.json, its clip and, for\n"
        "generated scenarios, detections.jsonl) through the full engine offline and prints,\n"
        "per event: true events, detected, alerts, false alarms, duplicates, precision,\n"
        "recall, false alarms per hour of video, mean and max delay (alert start - truth\n"
        "start). <scenario-dir> is one scenario or a directory of scenarios.\n"
        "Generated scenarios replay their scripted detections; scenarios without\n"
        "detections.jsonl (real clips) run the site's detector. A clip written\n"
        "\"data:video/x.mp4\" in truth.json is taken from the real footage set (--data-dir,\n"
        "else $VIGIE_DATA_DIR, else beside the model directory).\n"
        "--generate DIR writes the synthetic scenarios (each event's positives and negatives)\n"
        "into DIR. --only keeps the scenarios whose name starts with one of the prefixes.\n"
        "Exit 0 when every scenario ran (whatever the scores), 1 when one failed, 2 bad input.");
}

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto comma = s.find(',', start);
        const auto part =
            s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) {
            out.push_back(part);
        }
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return out;
}

bool selected(const std::string& name, const std::vector<std::string>& only) {
    return only.empty() || std::any_of(only.begin(), only.end(),
                                       [&](const std::string& p) { return name.rfind(p, 0) == 0; });
}

std::string defaultDataDir() {
    if (const char* env = std::getenv("VIGIE_DATA_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    const fs::path models(defaultModelDir());
    const fs::path parent = models.parent_path();
    return fs::exists(parent / "video") ? parent.string() : std::string();
}

std::string formatSeconds(std::int64_t us) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", double(us) / 1e6);
    return buf;
}

}  // namespace

int runEval(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(
        argv, {"generate", "data-dir", "model-dir", "manifest", "device", "threads", "fps", "only"},
        {"help", "real-detector", "verbose", "trace"});
    if (!parsed) {
        return fail(kExitBadInput, parsed.error().message);
    }
    const Args& args = *parsed;
    if (args.flag("help")) {
        usage();
        return kExitOk;
    }
    const auto only = splitList(args.valueOr("only", ""));
    if (auto dir = args.value("generate")) {
        int written = 0;
        for (const auto& s : eval::buildScenarios()) {
            if (!selected(s.name, only)) {
                continue;
            }
            const auto target = (fs::path(*dir) / s.name).string();
            if (auto r = eval::writeScenario(s, target); !r) {
                return fail(kExitFailure, r.error().message);
            }
            std::printf("%-34s %5.1f s  %-16s %s\n", s.name.c_str(), s.durationS(),
                        std::string(core::toName(s.event)).c_str(),
                        s.positive ? "positive" : "negative");
            ++written;
        }
        std::printf("%d scenario(s) written to %s\n", written, dir->c_str());
        return kExitOk;
    }
    if (args.positionals().size() != 1) {
        return fail(kExitBadInput, "expected one scenario directory; see vigie eval --help");
    }
    core::LogOptions logOptions;
    logOptions.level = args.flag("trace")     ? spdlog::level::trace
                       : args.flag("verbose") ? spdlog::level::info
                                              : spdlog::level::warn;
    core::setupLogging(logOptions);

    const fs::path root(args.positionals()[0]);
    std::vector<fs::path> dirs;
    if (fs::exists(root / "truth.json")) {
        dirs.push_back(root);
    } else if (fs::is_directory(root)) {
        for (const auto& entry : fs::directory_iterator(root)) {
            if (entry.is_directory() && fs::exists(entry.path() / "truth.json") &&
                selected(entry.path().filename().string(), only)) {
                dirs.push_back(entry.path());
            }
        }
        std::sort(dirs.begin(), dirs.end());
    }
    if (dirs.empty()) {
        return fail(kExitBadInput, "no scenario (a directory with truth.json) in " + root.string());
    }
    auto threads = args.number("threads", 0);
    auto fps = args.number("fps", 0);
    if (!threads || !fps) {
        return fail(kExitBadInput, !threads ? threads.error().message : fps.error().message);
    }
    eval::RunOptions options;
    options.modelDir = args.valueOr("model-dir", defaultModelDir());
    options.manifestPath = args.valueOr("manifest", defaultManifestPath());
    options.device = args.valueOr("device", "cpu");
    options.cpuThreads = int(*threads);
    options.analysisFps = *fps;
    options.forceRealDetector = args.flag("real-detector");
    // Absolute: clips named "data:…" are resolved from the scenario directory otherwise.
    std::string dataDir = args.valueOr("data-dir", defaultDataDir());
    if (!dataDir.empty()) {
        dataDir = fs::absolute(dataDir).lexically_normal().string();
    }

    std::map<core::EventType, core::EventScore> total;
    int failures = 0;
    std::printf("%-34s %-16s %5s %6s %6s %6s  %s\n", "scenario", "event", "truth", "found",
                "alerts", "false", "alerts (raised-end s, delay s)");
    for (const auto& dir : dirs) {
        auto files = eval::loadScenarioDir(dir.string(), dataDir);
        if (!files) {
            std::printf("%-34s FAILED: %s\n", dir.filename().string().c_str(),
                        files.error().message.c_str());
            ++failures;
            continue;
        }
        auto run = eval::runScenario(*files, options);
        if (!run) {
            std::printf("%-34s FAILED: %s\n", files->name.c_str(), run.error().message.c_str());
            ++failures;
            continue;
        }
        const auto scores = eval::scoreRun(*files, *run);
        for (const auto& [event, score] : scores) {
            core::accumulate(total[event], score);
            std::string list;
            for (const auto& a : run->alerts) {
                if (a.event != event) {
                    continue;
                }
                const std::int64_t raised = run->raisedAt(a);
                list += (list.empty() ? "" : ", ") + formatSeconds(raised) + "-" +
                        formatSeconds(a.endUs);
                // Delay against the truth this alert was raised in, when there is one.
                for (const auto& t : files->truth) {
                    if (t.event == event && raised >= t.startUs - 1000000 &&
                        raised <= t.endUs + 10000000) {
                        list += " (" + formatSeconds(raised - t.startUs) + ")";
                        break;
                    }
                }
            }
            std::printf("%-34s %-16s %5d %6d %6d %6d  %s\n", files->name.c_str(),
                        std::string(core::toName(event)).c_str(), score.truths, score.detected,
                        score.alerts, score.falseAlarms, list.empty() ? "-" : list.c_str());
        }
        if (args.flag("verbose")) {
            std::printf("%-34s %lld pictures, %.1f s of video in %.1f s (%s)\n", "",
                        static_cast<long long>(run->framesAnalysed), run->analysedS, run->wallS,
                        run->detector.c_str());
        }
        std::fflush(stdout);
    }
    std::printf("\n%s", core::formatScoreTable(total).c_str());
    if (failures > 0) {
        std::printf("\n%d scenario(s) could not be run\n", failures);
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace vigie::app
