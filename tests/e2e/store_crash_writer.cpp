// Test helper for tst_store_crash, never shipped: writes bursts of alerts through the real
// StoreWriter into an encrypted AlertStore, and prints each alert's uid on stdout (one line,
// flushed) only once StoreWriter::flush() has returned for the burst that holds it — that
// is, once the alert is committed (WAL, synchronous=FULL). The parent kills it with SIGKILL
// at a random moment and checks that every printed uid survived.
//
//   vigie_store_crash_writer <database> <key file> [--bursts N]
//
// Runs until killed, or for N bursts. Exit codes: 0 done, 1 the store failed, 2 bad usage.
// Thread: main thread plus the StoreWriter's writer thread.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/alert_store.h"
#include "core/key_file.h"
#include "core/log.h"
#include "core/store_writer.h"

using namespace vigie::core;

namespace {

Alert makeAlert(std::int64_t wallMs, std::mt19937& rng) {
    Alert a;
    a.uid = makeUid();
    a.siteId = "crash";
    a.cameraId = "cam-" + std::to_string(rng() % 4);
    a.ruleId = "rule-1";
    a.zoneId = "zone-1";
    a.event = EventType::Intrusion;
    a.severity = Severity::Major;
    a.startUs = wallMs * 1000;
    a.endUs = a.startUs + 1'000'000;
    a.wallStartMs = wallMs;
    a.wallEndMs = wallMs + 1000;
    a.open = true;
    a.score = 0.5 + static_cast<double>(rng() % 50) / 100.0;
    a.boxes = {{0.1, 0.1, 0.4, 0.6}};
    a.trackIds = {static_cast<TrackId>(rng() % 1000)};
    a.detail = R"({"burst":true})";
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--bursts")) {
        std::fprintf(stderr,
                     "usage: vigie_store_crash_writer <database> <key file> [--bursts N]\n");
        return 2;
    }
    const std::string path = argv[1];
    const long bursts = argc == 5 ? std::strtol(argv[4], nullptr, 10) : -1;
    LogOptions quiet;
    quiet.level = spdlog::level::err;
    setupLogging(quiet);

    KeyFileProvider keys(argv[2]);
    auto key = keys.loadOrCreateKey();
    if (!key) {
        std::fprintf(stderr, "%s\n", key.error().message.c_str());
        return 2;
    }
    const DatabaseKey k = *key;
    StoreWriter writer(
        [path, k] { return AlertStore::open(path, k); },
        [](const std::string& message) { std::fprintf(stderr, "%s\n", message.c_str()); },
        StoreWriter::Options{std::chrono::milliseconds(5), std::chrono::milliseconds(50)});

    std::mt19937 rng(std::random_device{}());
    std::vector<Alert> open;
    std::int64_t wallMs = 1'800'000'000'000;
    for (long burst = 0; bursts < 0 || burst < bursts; ++burst) {
        const std::size_t size = 1 + rng() % 5;
        std::vector<std::string> fresh;
        for (std::size_t i = 0; i < size; ++i) {
            Alert a = makeAlert(++wallMs, rng);
            writer.onAlertOpened(a);
            fresh.push_back(a.uid);
            open.push_back(std::move(a));
        }
        // Updates and closes of alerts from earlier bursts: rows rewritten in place, as the
        // rule engine does, so a kill also lands in the middle of an UPDATE.
        while (open.size() > 3) {
            Alert a = std::move(open.front());
            open.erase(open.begin());
            a.open = false;
            a.wallEndMs = ++wallMs;
            a.score = 0.99;
            writer.onAlertClosed(a);
        }
        if (auto s = writer.flush(std::chrono::seconds(10)); !s) {
            std::fprintf(stderr, "%s\n", s.error().message.c_str());
            return 1;
        }
        std::string lines;
        for (const auto& uid : fresh) {
            lines += uid + "\n";
        }
        std::fputs(lines.c_str(), stdout);
        std::fflush(stdout);
    }
    return writer.stop().ok() ? 0 : 1;
}
