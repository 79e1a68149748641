#include "core/site.h"

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

std::string Site::resolvePath(const std::string& path) const {
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
