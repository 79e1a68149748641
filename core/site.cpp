#include "core/site.h"

#include <cstdlib>
#include <filesystem>

namespace vigie::core {

const Zone* Camera::findZone(const std::string& zoneId) const {
    for (const auto& z : zones) {
        if (z.id == zoneId) {
            return &z;
        }
    }
    return nullptr;
}

const Line* Camera::findLine(const std::string& lineId) const {
    for (const auto& l : lines) {
        if (l.id == lineId) {
            return &l;
        }
    }
    return nullptr;
}

const Camera* Site::findCamera(const std::string& cameraId) const {
    for (const auto& c : cameras) {
        if (c.id == cameraId) {
            return &c;
        }
    }
    return nullptr;
}

const Schedule* Site::findSchedule(const std::string& scheduleId) const {
    for (const auto& s : schedules) {
        if (s.id == scheduleId) {
            return &s;
        }
    }
    return nullptr;
}

std::vector<const Rule*> Site::rulesForCamera(const std::string& cameraId) const {
    std::vector<const Rule*> out;
    for (const auto& r : rules) {
        if (r.cameraId == cameraId) {
            out.push_back(&r);
        }
    }
    return out;
}

std::string expandVariables(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto start = text.find("${", i);
        if (start == std::string::npos) {
            break;
        }
        const auto end = text.find('}', start + 2);
        if (end == std::string::npos) {
            break;
        }
        out.append(text, i, start - i);
        const std::string name = text.substr(start + 2, end - start - 2);
        if (const char* value = std::getenv(name.c_str())) {
            out += value;
        }
        i = end + 1;
    }
    out.append(text, i, std::string::npos);
    return out;
}

std::string Site::resolvePath(const std::string& rawPath) const {
    const std::string path = expandVariables(rawPath);
    if (path.empty() || path.find("://") != std::string::npos) {
        return path;
    }
    const std::filesystem::path p(path);
    if (p.is_absolute() || baseDir.empty()) {
        return p.lexically_normal().string();
    }
    return (std::filesystem::path(baseDir) / p).lexically_normal().string();
}

}  // namespace vigie::core
