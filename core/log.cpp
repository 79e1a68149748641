#include "core/log.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>
#include <vector>

namespace vigie::core {

namespace {

constexpr const char* kPattern = "%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ [%n] %v";

struct Registry {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    spdlog::level::level_enum level = spdlog::level::info;
    bool initialised = false;
};

Registry& registry() {
    static Registry r;
    return r;
}

void ensureDefaultSinks(Registry& r) {
    if (!r.initialised) {
        r.sinks = {std::make_shared<spdlog::sinks::stderr_color_sink_mt>()};
        r.initialised = true;
    }
}

}  // namespace

void setupLogging(const LogOptions& options) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.sinks.clear();
    if (options.console) {
        r.sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    }
    if (!options.filePath.empty()) {
        r.sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            options.filePath, options.maxFileBytes, options.maxFiles));
    }
    r.level = options.level;
    r.initialised = true;
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& l) {
        l->sinks() = r.sinks;
        l->set_level(r.level);
        l->set_pattern(kPattern);
    });
}

std::shared_ptr<spdlog::logger> logger(std::string_view module) {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    const std::string name(module);
    if (auto existing = spdlog::get(name)) {
        return existing;
    }
    ensureDefaultSinks(r);
    auto l = std::make_shared<spdlog::logger>(name, r.sinks.begin(), r.sinks.end());
    l->set_level(r.level);
    l->set_pattern(kPattern);
    spdlog::register_logger(l);
    return l;
}

std::string redactUrl(std::string_view url) {
    std::string out(url);
    const auto scheme = out.find("://");
    if (scheme == std::string::npos) {
        return out;
    }
    const auto authorityStart = scheme + 3;
    const auto pathStart = out.find('/', authorityStart);
    const auto at = out.rfind('@', pathStart == std::string::npos ? out.size() : pathStart);
    if (at != std::string::npos && at >= authorityStart) {
        out.replace(authorityStart, at - authorityStart, "***");
    }
    const auto query = out.find('?');
    if (query != std::string::npos) {
        out.replace(query + 1, std::string::npos, "***");
    }
    return out;
}

}  // namespace vigie::core
