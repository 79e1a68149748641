#pragma once
// Logging: one spdlog logger per module ("core", "store", "source", "detector", "engine",
// "app"…), a console sink and an optional rotating file readable by administrators.
// Credentials never reach a log line: pass URLs through redactUrl(). Thread-safe.

#include <spdlog/spdlog.h>

#include <memory>
#include <string>
#include <string_view>

namespace vigie::core {

struct LogOptions {
    std::string filePath;  // empty: console only
    std::size_t maxFileBytes = 10 * 1024 * 1024;
    std::size_t maxFiles = 5;
    spdlog::level::level_enum level = spdlog::level::info;
    bool console = true;
};

// Installs the sinks for every module logger created afterwards (and existing ones).
void setupLogging(const LogOptions& options);
// The logger of a module, created on first use with the current sinks.
std::shared_ptr<spdlog::logger> logger(std::string_view module);

// "rtsp://user:secret@host:554/path?token=x" → "rtsp://***@host:554/path?***".
std::string redactUrl(std::string_view url);

}  // namespace vigie::core
