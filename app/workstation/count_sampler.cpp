#include "app/workstation/count_sampler.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>

#include "core/calibration.h"
#include "core/geometry.h"

namespace vigie::app {

CountSampler::CountSampler(const core::Site& site) : CountSampler(site, Options{}) {}

CountSampler::CountSampler(const core::Site& site, Options options)
    : m_options(std::move(options)) {
    setSite(site);
}

std::int64_t CountSampler::nowMs() const {
    if (m_options.clockMs) {
        return m_options.clockMs();
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void CountSampler::setSite(const core::Site& site) {
    std::map<std::string, CameraDef> cameras;
    for (const core::Camera& camera : site.cameras) {
        CameraDef def;
        for (const core::Zone& zone : camera.zones) {
            if (zone.kind == core::ZoneKind::Area) {
                def.zones.push_back({zone.id, zone.polygon});
            }
        }
        def.calibration = camera.calibration;
        cameras.emplace(camera.id, std::move(def));
    }
    std::lock_guard lock(m_mutex);
    // Intervals running under the previous zones end now, with what they counted.
    for (auto& [cameraId, interval] : m_intervals) {
        const auto it = m_cameras.find(cameraId);
        finish(cameraId, it == m_cameras.end() ? nullptr : &it->second, interval);
    }
    m_intervals.clear();
    m_cameras = std::move(cameras);
}

void CountSampler::onFrame(const core::ImageFrame& frame, const core::FrameAnalysis& analysis) {
    const double aspect = frame.width > 0 && frame.height > 0
                              ? double(frame.height) / double(frame.width)
                              : core::kDefaultPictureAspect;
    add(analysis, nowMs(), aspect);
}

void CountSampler::add(const core::FrameAnalysis& analysis, std::int64_t wallMs, double aspect) {
    if (wallMs < 0 || m_options.intervalMs <= 0) {
        return;
    }
    const std::int64_t start = wallMs - wallMs % m_options.intervalMs;
    std::lock_guard lock(m_mutex);
    const auto camera = m_cameras.find(analysis.cameraId);
    if (camera == m_cameras.end()) {
        return;  // not a camera of the site (or removed since)
    }
    CameraDef& def = camera->second;
    if (def.calibration.isDrawn() && def.areaAspect != aspect) {
        def.areasM2.clear();
        def.areaAspect = aspect;
        if (auto ground = core::GroundModel::fromCalibration(def.calibration, aspect)) {
            for (const ZoneDef& zone : def.zones) {
                const double m2 = ground->areaM2(zone.polygon);
                if (std::isfinite(m2) && m2 > 0.0) {
                    def.areasM2[zone.id] = m2;
                }
            }
        }
    }
    Interval& interval = m_intervals[analysis.cameraId];
    if (interval.startMs != start) {
        if (interval.startMs >= 0) {
            finish(analysis.cameraId, &def, interval);
        }
        interval = Interval{};
        interval.startMs = start;
    }
    ++interval.pictures;
    const auto count = [&interval](const std::string& zoneId, int people) {
        Accumulator& acc = interval.zones[zoneId];
        acc.sum += people;
        acc.max = std::max(acc.max, people);
    };
    int everyone = 0;
    std::vector<core::PointF> grounds;
    for (const core::OverlayObject& o : analysis.objects) {
        if (o.label == m_options.countedLabel) {
            grounds.push_back(o.box.bottomCentre());
            ++everyone;
        }
    }
    if (m_options.wholePicture) {
        count(std::string(), everyone);
    }
    for (const ZoneDef& zone : def.zones) {
        const auto inside = std::count_if(grounds.begin(), grounds.end(), [&zone](core::PointF p) {
            return core::contains(zone.polygon, p);
        });
        count(zone.id, int(inside));
    }
    ++m_pictures;
}

void CountSampler::finish(const std::string& cameraId, CameraDef* def, Interval& interval) {
    if (interval.startMs < 0 || interval.pictures == 0) {
        return;
    }
    for (const auto& [zoneId, acc] : interval.zones) {
        core::CountSample sample;
        sample.cameraId = cameraId;
        sample.zoneId = zoneId;
        sample.metric = core::CountMetric::Count;
        sample.value = acc.sum / double(interval.pictures);
        sample.tMs = interval.startMs;
        push(sample);
        if (def == nullptr || zoneId.empty()) {
            continue;
        }
        if (const auto area = def->areasM2.find(zoneId); area != def->areasM2.end()) {
            sample.metric = core::CountMetric::DensityPerM2;
            sample.value = double(acc.max) / area->second;
            push(std::move(sample));
        }
    }
    interval.pictures = 0;
    interval.zones.clear();
}

void CountSampler::push(core::CountSample sample) {
    if (m_done.size() >= kMaxBuffered) {
        m_done.pop_front();
        ++m_dropped;
    }
    m_done.push_back(std::move(sample));
}

std::vector<core::CountSample> CountSampler::takeCompleted(std::int64_t nowMs) {
    std::lock_guard lock(m_mutex);
    for (auto it = m_intervals.begin(); it != m_intervals.end();) {
        if (it->second.startMs + m_options.intervalMs <= nowMs) {
            const auto def = m_cameras.find(it->first);
            finish(it->first, def == m_cameras.end() ? nullptr : &def->second, it->second);
            it = m_intervals.erase(it);
        } else {
            ++it;
        }
    }
    std::vector<core::CountSample> out(std::make_move_iterator(m_done.begin()),
                                       std::make_move_iterator(m_done.end()));
    m_done.clear();
    return out;
}

std::vector<core::CountSample> CountSampler::takeAll() {
    std::lock_guard lock(m_mutex);
    for (auto& [cameraId, interval] : m_intervals) {
        const auto def = m_cameras.find(cameraId);
        finish(cameraId, def == m_cameras.end() ? nullptr : &def->second, interval);
    }
    m_intervals.clear();
    std::vector<core::CountSample> out(std::make_move_iterator(m_done.begin()),
                                       std::make_move_iterator(m_done.end()));
    m_done.clear();
    return out;
}

}  // namespace vigie::app
