#include "app/common/paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace vigie::app {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v == nullptr ? std::string() : std::string(v);
}

std::string firstExisting(std::initializer_list<fs::path> candidates) {
    for (const auto& c : candidates) {
        std::error_code ec;
        if (!c.empty() && fs::exists(c, ec)) {
            return c.lexically_normal().string();
        }
    }
    return std::string();
}

}  // namespace

std::string executableDir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(".") : exe.parent_path().string();
}

std::string defaultManifestPath() {
    if (auto e = env("VIGIE_MODEL_MANIFEST"); !e.empty()) {
        return e;
    }
    const fs::path exe = executableDir();
    auto found = firstExisting({exe / "../share/vigie/models/manifest.json",
                                fs::path(VIGIE_SOURCE_DIR) / "models/manifest.json"});
    return found.empty() ? (fs::path(VIGIE_SOURCE_DIR) / "models/manifest.json").string() : found;
}

std::string defaultModelDir() {
    if (auto e = env("VIGIE_MODEL_DIR"); !e.empty()) {
        return e;
    }
    if (auto e = env("VIGIE_DATA_DIR"); !e.empty()) {
        return (fs::path(e) / "models").string();
    }
    auto found = firstExisting(
        {fs::path("/var/lib/vigie/models"), fs::path(VIGIE_DEFAULT_DATA_DIR) / "models"});
    return found.empty() ? (fs::path(VIGIE_DEFAULT_DATA_DIR) / "models").string() : found;
}

std::string defaultDemoSitePath() {
    const fs::path exe = executableDir();
    auto found = firstExisting({exe / "../share/vigie/demo/site.json",
                                fs::path(VIGIE_SOURCE_DIR) / "resources/demo/site.json"});
    return found.empty() ? (fs::path(VIGIE_SOURCE_DIR) / "resources/demo/site.json").string()
                         : found;
}

std::string defaultStateDir() {
    if (auto e = env("VIGIE_STATE_DIR"); !e.empty()) {
        return e;
    }
    if (auto e = env("XDG_DATA_HOME"); !e.empty()) {
        return (fs::path(e) / "vigie").string();
    }
    if (auto e = env("HOME"); !e.empty()) {
        return (fs::path(e) / ".local/share/vigie").string();
    }
    return "/var/lib/vigie";
}

}  // namespace vigie::app
