// `vigie status`: the health of a running engine, read from the status file it rewrites
// every couple of seconds (workstation or daemon), as a table or as JSON.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/common/paths.h"
#include "core/health.h"

namespace vigie::app {

int runStatus(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(argv, {"file"}, {"json"});
    if (!parsed) {
        std::fprintf(stderr, "vigie status: %s\n", parsed.error().message.c_str());
        return kExitBadInput;
    }
    const std::string path = parsed->valueOr(
        "file", (std::filesystem::path(defaultStateDir()) / "status.json").string());
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr,
                     "vigie status: no status file at %s (is an engine or workstation running? "
                     "use --file)\n",
                     path.c_str());
        return kExitFailure;
    }
    std::stringstream text;
    text << in.rdbuf();
    core::EngineHealth h;
    std::string error;
    if (!core::healthFromJson(text.str(), h, &error)) {
        std::fprintf(stderr, "vigie status: %s is not a status file: %s\n", path.c_str(),
                     error.c_str());
        return kExitBadInput;
    }
    if (parsed->flag("json")) {
        std::printf("%s\n", text.str().c_str());
    } else {
        const auto nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
        std::printf(
            "engine: %s, processing %s, %lld inferences, %lld detector errors; "
            "snapshot %.1f s old\n",
            h.detector.c_str(), h.processingEnabled ? "on" : "STOPPED",
            static_cast<long long>(h.inferences), static_cast<long long>(h.detectorErrors),
            double(nowMs - h.wallMs) / 1000.0);
        std::printf("%-16s %-12s %7s %7s %9s %9s %7s %5s %9s  %s\n", "camera", "state", "fps",
                    "kbit/s", "decoded", "analysed", "dropped", "recon", "last gap", "last error");
        for (const auto& c : h.cameras) {
            std::printf("%-16s %-12s %7.1f %7.0f %9lld %9lld %7lld %5lld %8.1fs  %s\n",
                        c.cameraId.c_str(), std::string(core::toName(c.state)).c_str(),
                        c.analysedFps, c.bitrateKbps, static_cast<long long>(c.framesDecoded),
                        static_cast<long long>(c.framesAnalysed),
                        static_cast<long long>(c.framesDropped),
                        static_cast<long long>(c.reconnects), c.lastGapS, c.lastError.c_str());
        }
    }
    for (const auto& c : h.cameras) {
        if (core::healthLevel(c.state) == core::HealthLevel::Down) {
            return kExitFailure;
        }
    }
    return kExitOk;
}

}  // namespace vigie::app
