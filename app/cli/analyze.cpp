#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/common/paths.h"
#include "core/alert_json.h"
#include "core/log.h"
#include "core/secret_file.h"
#include "core/site_config.h"
#include "inference/engine.h"
#include "inference/frame_source.h"

namespace vigie::app {

namespace {

// Prints each alert as it closes, one human-readable line on stdout.
class PrintingSink final : public core::AlertSink {
public:
    explicit PrintingSink(bool quiet) : m_quiet(quiet) {}
    void onAlertOpened(const core::Alert& a) override { (void)a; }
    void onAlertClosed(const core::Alert& a) override {
        std::lock_guard lock(m_mutex);
        ++m_count;
        if (!m_quiet) {
            std::printf("%s\n", (std::string(m_tty ? "\r\033[K" : "") +
                                 "alert: " + std::string(core::toName(a.event)) +
                                 " camera=" + a.cameraId + " rule=" + a.ruleId + " " +
                                 formatSpan(a) + " score=" + std::to_string(a.score).substr(0, 4))
                                    .c_str());
            std::fflush(stdout);
        }
    }
    int count() const {
        std::lock_guard lock(m_mutex);
        return m_count;
    }

private:
    static std::string formatSpan(const core::Alert& a) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.2f-%.2f s", double(a.startUs) / 1e6,
                      double(a.endUs) / 1e6);
        return buf;
    }
    mutable std::mutex m_mutex;
    int m_count = 0;
    bool m_quiet;
    bool m_tty = isatty(STDOUT_FILENO) != 0;
};

// Ctrl-C or SIGTERM: stop cleanly, so that open alerts are closed and written.
std::atomic<int> g_stopSignal{0};

void onStopSignal(int sig) {
    g_stopSignal.store(sig);
}

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "vigie analyze: %s\n", message.c_str());
    return code;
}

}  // namespace

int runAnalyze(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(
        argv, {"site", "camera", "events-out", "model-dir", "manifest", "device", "threads", "fps"},
        {"quiet", "verbose", "trace"});
    if (!parsed) {
        return fail(kExitBadInput, parsed.error().message);
    }
    const Args& args = *parsed;
    if (args.positionals().size() != 1) {
        return fail(kExitBadInput,
                    "expected one input (a video file or an rtsp:// URL); see vigie --help");
    }
    const std::string input = args.positionals()[0];
    const auto sitePath = args.value("site");
    if (!sitePath) {
        return fail(kExitBadInput, "--site <site.json> is required");
    }
    core::LogOptions logOptions;
    logOptions.level = args.flag("trace")     ? spdlog::level::trace
                       : args.flag("verbose") ? spdlog::level::debug
                       : args.flag("quiet")   ? spdlog::level::warn
                                              : spdlog::level::info;
    core::setupLogging(logOptions);

    auto site = core::loadSite(*sitePath);
    if (!site) {
        return fail(kExitBadInput, "invalid site configuration " + site.error().message);
    }
    const core::Camera* camera = nullptr;
    if (auto id = args.value("camera")) {
        camera = site->findCamera(*id);
        if (camera == nullptr) {
            return fail(kExitBadInput, "the site has no camera '" + *id + "'");
        }
    } else {
        for (const auto& c : site->cameras) {
            if (c.enabled) {
                camera = &c;
                break;
            }
        }
        if (camera == nullptr) {
            return fail(kExitBadInput, "the site has no enabled camera");
        }
    }
    const std::string cameraId = camera->id;
    auto fps = args.number("fps", camera->analysisFps);
    auto threads = args.number("threads", 0);
    if (!fps || *fps <= 0.0 || !threads) {
        return fail(kExitBadInput,
                    !fps ? fps.error().message
                         : (!threads ? threads.error().message : "--fps must be positive"));
    }
    std::optional<core::Transport> transport;
    if (auto t = args.value("transport")) {
        for (auto candidate : {core::Transport::Auto, core::Transport::Tcp, core::Transport::Udp,
                               core::Transport::Multicast}) {
            if (core::toName(candidate) == *t) {
                transport = candidate;
            }
        }
        if (!transport) {
            return fail(kExitBadInput, "--transport must be auto, tcp, udp or multicast");
        }
    }
    inference::HardwareDecode hardware = inference::HardwareDecode::None;
    if (auto h = args.value("hwaccel")) {
        if (*h == "auto") {
            hardware = inference::HardwareDecode::Auto;
        } else if (*h == "cuda") {
            hardware = inference::HardwareDecode::Cuda;
        } else if (*h == "vaapi") {
            hardware = inference::HardwareDecode::Vaapi;
        } else if (*h != "none") {
            return fail(kExitBadInput, "--hwaccel must be none, auto, cuda or vaapi");
        }
    }
    // Analyse only the chosen camera, from the given input.
    for (auto& c : site->cameras) {
        c.enabled = c.id == cameraId;
        if (c.enabled) {
            c.analysisFps = *fps;
            if (transport) {
                c.source.transport = *transport;
            }
        }
    }
    camera = site->findCamera(cameraId);
    // Camera passwords: from a 0600 credentials file on headless machines (never from the
    // site configuration).
    const std::string credentialsPath =
        args.valueOr("credentials-file",
                     (std::filesystem::path(defaultStateDir()) / "credentials.json").string());
    auto secrets = core::SecretFile::load(credentialsPath);
    if (!secrets) {
        return fail(kExitBadInput, secrets.error().message);
    }
    std::string userInfo;
    if (!camera->source.credentialsRef.empty()) {
        auto secret = secrets->get(camera->source.credentialsRef);
        if (!secret) {
            return fail(kExitBadInput, secret.error().message);
        }
        userInfo = *secret;
    }

    // Open the input once up front: a missing, corrupt or unreachable source is reported
    // before the models load, with the reason.
    const std::string url =
        input.find("://") == std::string::npos ? std::filesystem::absolute(input).string() : input;
    double durationS = 0.0;
    {
        inference::SourceOptions probe;
        probe.transport = camera->source.transport;
        probe.userInfo = userInfo;
        auto src = inference::openFrameSource(url, probe);
        if (!src) {
            return fail(kExitBadInput, src.error().message);
        }
        if ((*src)->next() != inference::ReadStatus::Frame) {
            return fail(
                kExitBadInput,
                "no picture could be decoded from " + core::redactUrl(url) +
                    ((*src)->lastError().empty() ? std::string() : ": " + (*src)->lastError()));
        }
        durationS = (*src)->info().durationS;
    }

    PrintingSink printer(args.flag("quiet"));
    core::AlertFanOut sinks;
    sinks.add(&printer);
    std::unique_ptr<core::JsonLinesAlertWriter> jsonl;
    if (auto out = args.value("events-out")) {
        auto w = core::JsonLinesAlertWriter::open(*out);
        if (!w) {
            return fail(kExitBadInput, w.error().message);
        }
        jsonl = std::move(*w);
        sinks.add(jsonl.get());
    }

    inference::EngineOptions options;
    options.modelDir =
        args.value("model-dir")
            .value_or(site->engine.modelDir.empty() ? defaultModelDir()
                                                    : site->resolvePath(site->engine.modelDir));
    options.manifestPath = args.value("manifest").value_or(defaultManifestPath());
    options.device = args.valueOr("device", "");
    options.cpuThreads = int(*threads);
    options.offline = true;
    options.sourceOverrides[cameraId] = url;
    options.hardwareDecode = hardware;
    options.statusFile = args.valueOr("status-file", "");
    options.credentials = [secrets = *secrets](const std::string& ref) {
        return secrets.get(ref);
    };
    options.alertSink = &sinks;
    auto engine = inference::Engine::create(*site, std::move(options));
    if (!engine) {
        return fail(kExitBadInput, engine.error().message);
    }
    const bool tty = isatty(STDERR_FILENO) != 0;
    const auto started = std::chrono::steady_clock::now();
    auto lastPrint = started;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    (*engine)->start();
    auto progress = [&](bool final) {
        const auto h = (*engine)->health();
        const auto& cam = h.cameras.at(0);
        const double t = double(cam.lastPtsUs) / 1e6;
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        char line[256];
        std::snprintf(line, sizeof line,
                      "%s%s: %.1f / %.1f s (%d %%), %lld frames analysed, %.1f frames/s, "
                      "%d alert(s)",
                      tty ? "\r\033[K" : "", cameraId.c_str(), t, durationS,
                      durationS > 0 ? int(100.0 * std::min(1.0, t / durationS)) : 0,
                      static_cast<long long>(cam.framesAnalysed),
                      elapsed > 0 ? double(cam.framesAnalysed) / elapsed : 0.0, printer.count());
        std::fprintf(stderr, "%s%s", line, (tty && !final) ? "" : "\n");
    };
    while (!(*engine)->waitFinished(250) && g_stopSignal.load() == 0) {
        const auto now = std::chrono::steady_clock::now();
        if (now - lastPrint >= std::chrono::milliseconds(tty ? 250 : 5000)) {
            progress(false);
            lastPrint = now;
        }
    }
    (*engine)->stop();
    progress(true);
    const auto h = (*engine)->health();
    const auto& cam = h.cameras.at(0);
    if (g_stopSignal.load() != 0) {
        return fail(128 + g_stopSignal.load(),
                    "interrupted; alerts open at that moment were "
                    "closed and written");
    }
    if (cam.state == core::CameraState::Failed) {
        return fail(kExitFailure, "analysis stopped: " + cam.lastError);
    }
    return kExitOk;
}

}  // namespace vigie::app
