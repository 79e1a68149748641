// Analysers on tracks and motion: wrong way, density, crowd movement, weapon; and the
// ground-measuring helpers they share with the object analysers.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "inference/event_analysers.h"
#include "inference/zone_analysers.h"

namespace vigie::inference {

using core::PointF;
using core::RuleObservation;

double typicalHeightM(const std::string& label) {
    if (label == "person") {
        return 1.7;
    }
    if (label == "car") {
        return 1.5;
    }
    if (label == "bus" || label == "truck" || label == "train") {
        return 3.0;
    }
    if (label == "bicycle" || label == "motorcycle") {
        return 1.6;  // ridden: the rider is in the box
    }
    if (label == "backpack" || label == "handbag") {
        return 0.45;
    }
    if (label == "suitcase") {
        return 0.65;
    }
    return 1.0;
}

LocalMetric::LocalMetric(const AnalysisInput& input, const core::TrackedObject& scaleObject)
    : LocalMetric(input, scaleObject.box, typicalHeightM(scaleObject.label)) {}

LocalMetric::LocalMetric(const AnalysisInput& input, const core::BoxF& scaleBox, double heightM)
    : m_ground(input.ground), m_aspect(input.aspect()) {
    if (m_ground != nullptr) {
        m_valid = true;
        return;
    }
    const double heightUnits = scaleBox.height() * m_aspect;  // in picture widths
    if (heightUnits > 1e-6) {
        m_metresPerUnit = heightM / heightUnits;
        m_valid = true;
    }
}

PointF LocalMetric::toMetres(PointF image) const {
    if (m_ground != nullptr) {
        return m_ground->toGround(image);
    }
    return {image.x * m_metresPerUnit, image.y * m_aspect * m_metresPerUnit};
}

double LocalMetric::distanceM(PointF a, PointF b) const {
    return core::length(toMetres(a) - toMetres(b));
}

PointF LocalMetric::velocityMps(PointF at, PointF imageVelocity) const {
    if (m_ground != nullptr) {
        const double speed = m_ground->speedMps(at, imageVelocity);
        return m_ground->groundDirection(at, imageVelocity) * speed;
    }
    return {imageVelocity.x * m_metresPerUnit, imageVelocity.y * m_aspect * m_metresPerUnit};
}

std::vector<core::Polygon> ruleAreas(const core::Rule& rule, const core::Camera& camera) {
    std::vector<core::Polygon> out;
    for (const auto& id : rule.zoneIds) {
        if (const auto* z = camera.findZone(id); z != nullptr && z->kind == core::ZoneKind::Area) {
            out.push_back(z->polygon);
        }
    }
    return out;
}

int zoneIndexOf(const std::vector<core::Polygon>& zones, PointF p) {
    if (zones.empty()) {
        return 0;
    }
    for (std::size_t i = 0; i < zones.size(); ++i) {
        if (core::contains(zones[i], p)) {
            return int(i);
        }
    }
    return -1;
}

namespace {

const core::Polygon& wholePicture() {
    static const core::Polygon kWhole{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}};
    return kWhole;
}

std::string zoneIdAt(const std::vector<std::string>& ids, int index) {
    return index >= 0 && std::size_t(index) < ids.size() ? ids[std::size_t(index)] : "";
}

core::BoxF boundsOf(const core::Polygon& p) {
    core::BoxF b{1, 1, 0, 0};
    for (const auto& q : p.points) {
        b.x0 = std::min(b.x0, q.x);
        b.y0 = std::min(b.y0, q.y);
        b.x1 = std::max(b.x1, q.x);
        b.y1 = std::max(b.y1, q.y);
    }
    return core::clampToUnit(b);
}

PointF unit(PointF v) {
    const double n = core::length(v);
    return n > 1e-12 ? v * (1.0 / n) : PointF{};
}

template <typename Map>
void forgetStale(Map& tracks, std::int64_t nowUs) {
    for (auto it = tracks.begin(); it != tracks.end();) {
        it = nowUs - it->second.lastSeenUs > kForgetTrackUs ? tracks.erase(it) : std::next(it);
    }
}

}  // namespace

// --- wrong way --------------------------------------------------------------------------

WrongWayAnalyser::WrongWayAnalyser(core::WrongWayParams params, std::vector<core::Polygon> zones,
                                   std::vector<std::string> zoneIds)
    : m_params(std::move(params)), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {}

RuleObservation WrongWayAnalyser::update(const AnalysisInput& input) {
    RuleObservation obs;
    const double cosTolerance =
        std::cos(std::clamp(m_params.angleToleranceDeg, 0.0, 180.0) * std::numbers::pi / 180.0);
    const auto windowUs = std::int64_t(kDirectionWindowS * 1e6);
    double bestDistance = 0.0;
    double bestDuration = 0.0;
    double bestAngle = 0.0;
    for (const auto& t : *input.tracks) {
        if (!classAllowed(m_params.classes, t.label) || t.score < m_params.minScore) {
            continue;
        }
        const PointF p = t.box.bottomCentre();
        TrackState& st = m_tracks[t.id];
        st.lastSeenUs = input.ptsUs;
        const int zone = zoneIndexOf(m_zones, p);
        if (zone < 0) {
            st = TrackState{};
            st.lastSeenUs = input.ptsUs;
            continue;
        }
        st.history.push_back({input.ptsUs, p});
        while (st.history.size() > 2 && input.ptsUs - st.history[1].ptsUs >= windowUs) {
            st.history.pop_front();
        }
        const Sample& old = st.history.front();
        const double spanS = double(input.ptsUs - old.ptsUs) / 1e6;
        const LocalMetric metric(input, t);
        if (!metric.valid() || spanS < kDirectionWindowS * 0.5) {
            st.lastPoint = p;
            continue;
        }
        const PointF moveM = metric.toMetres(p) - metric.toMetres(old.point);
        const double speed = core::length(moveM) / spanS;
        // The allowed direction on the ground where the track is.
        const PointF allowed = unit(metric.velocityMps(p, unit(m_params.allowedDirection) * 0.01));
        bool against = false;
        double angleDeg = 180.0;
        if (speed >= kMinSpeedMps && core::length(allowed) > 0) {
            const double c = core::dot(unit(moveM), allowed * -1.0);
            angleDeg = std::acos(std::clamp(c, -1.0, 1.0)) * 180.0 / std::numbers::pi;
            against = c >= cosTolerance;
        }
        if (against) {
            if (!st.againstSinceUs) {
                st.againstSinceUs = old.ptsUs;
                st.distanceM = 0.0;
                st.lastPoint = old.point;
                st.path.clear();
                st.path.push_back(old.point);
            }
            // Only the progress against the flow counts (a zigzag covers less).
            const PointF stepM = metric.toMetres(p) - metric.toMetres(st.lastPoint);
            st.distanceM += std::max(0.0, core::dot(stepM, allowed * -1.0));
            st.lastAgainstUs = input.ptsUs;
            st.path.push_back(p);
        } else if (st.againstSinceUs && double(input.ptsUs - st.lastAgainstUs) / 1e6 > kGraceS) {
            // With the flow, across it, or standing, for longer than a wobble: the run ends.
            st.againstSinceUs.reset();
            st.distanceM = 0.0;
            st.path.clear();
        }
        st.lastPoint = p;
        if (!st.againstSinceUs) {
            continue;
        }
        const double durationS = double(input.ptsUs - *st.againstSinceUs) / 1e6;
        if (durationS + 1e-9 < m_params.minDurationS ||
            st.distanceM + 1e-9 < m_params.minDistanceM) {
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, double(t.score));
        obs.boxes.push_back(t.box);
        obs.trackIds.push_back(t.id);
        if (obs.zoneId.empty()) {
            obs.zoneId = zoneIdAt(m_zoneIds, zone);
        }
        obs.sinceUs = obs.sinceUs ? std::min(*obs.sinceUs, *st.againstSinceUs) : *st.againstSinceUs;
        if (st.distanceM > bestDistance) {
            bestDistance = st.distanceM;
            bestDuration = durationS;
            bestAngle = angleDeg;
        }
    }
    forgetStale(m_tracks, input.ptsUs);
    if (obs.active) {
        obs.detail = nlohmann::json{{"distance_m", bestDistance},
                                    {"min_distance_m", m_params.minDistanceM},
                                    {"duration_s", bestDuration},
                                    {"min_duration_s", m_params.minDurationS},
                                    {"angle_from_opposite_deg", bestAngle},
                                    {"angle_tolerance_deg", m_params.angleToleranceDeg},
                                    {"calibrated", input.ground != nullptr}}
                         .dump();
    }
    return obs;
}

// --- density ----------------------------------------------------------------------------

DensityAnalyser::DensityAnalyser(core::DensityParams params, std::vector<core::Polygon> zones,
                                 std::vector<std::string> zoneIds)
    : m_params(params), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {
    if (m_zones.empty()) {
        m_zones.push_back(wholePicture());
    }
    m_aboveSinceUs.resize(m_zones.size());
}

RuleObservation DensityAnalyser::update(const AnalysisInput& input) {
    RuleObservation obs;
    m_occupied.clear();
    nlohmann::json detail;
    double bestRatio = -1.0;
    for (std::size_t z = 0; z < m_zones.size(); ++z) {
        const auto& zone = m_zones[z];
        std::vector<const core::TrackedObject*> people;
        for (const auto& t : *input.tracks) {
            if (t.label == "person" && t.score >= kMinPersonScore &&
                core::contains(zone, t.box.bottomCentre())) {
                people.push_back(&t);
            }
        }
        if (!people.empty()) {
            m_occupied.push_back(zoneIdAt(m_zoneIds, int(z)));
        }
        if (input.ground == nullptr) {
            m_aboveSinceUs[z].reset();  // no area without a scale: wait for calibration
            continue;
        }
        const double areaM2 = input.ground->areaM2(zone);
        if (!(areaM2 > 1e-3)) {
            continue;
        }
        double count = double(people.size());
        std::string method = "count";
        const bool mapWanted = m_params.method == core::DensityMethod::DensityMap ||
                               (m_params.method == core::DensityMethod::Auto &&
                                int(people.size()) >= m_params.densityMapAbovePeople);
        if (mapWanted && input.models != nullptr && input.models->hasDensity()) {
            if (auto mapped = input.models->densityCount(zone)) {
                // Boxes undercount a dense crowd; the map never lowers what boxes prove.
                count = m_params.method == core::DensityMethod::DensityMap
                            ? *mapped
                            : std::max(count, *mapped);
                method = "density_map";
            }
        }
        const double density = count / areaM2;
        if (density + 1e-12 >= m_params.thresholdPerM2) {
            if (!m_aboveSinceUs[z]) {
                m_aboveSinceUs[z] = input.ptsUs;
            }
        } else {
            m_aboveSinceUs[z].reset();
        }
        const double ratio = density / std::max(1e-9, m_params.thresholdPerM2);
        const bool held = m_aboveSinceUs[z] &&
                          double(input.ptsUs - *m_aboveSinceUs[z]) / 1e6 + 1e-9 >= m_params.holdS;
        if (ratio > bestRatio || (held && !obs.active)) {
            bestRatio = ratio;
            detail = nlohmann::json{{"people", count},
                                    {"area_m2", areaM2},
                                    {"density_per_m2", density},
                                    {"threshold_per_m2", m_params.thresholdPerM2},
                                    {"method", method}};
        }
        if (!held) {
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, std::min(1.0, 0.5 * ratio));
        if (obs.zoneId.empty()) {
            obs.zoneId = zoneIdAt(m_zoneIds, int(z));
        }
        obs.sinceUs = obs.sinceUs ? std::min(*obs.sinceUs, *m_aboveSinceUs[z]) : *m_aboveSinceUs[z];
        for (const auto* p : people) {
            obs.boxes.push_back(p->box);
            obs.trackIds.push_back(p->id);
        }
    }
    if (obs.active) {
        obs.detail = detail.dump();
    }
    return obs;
}

// --- crowd movement ---------------------------------------------------------------------

void CrowdMovementAnalyser::Baseline::add(double value, double dtS, double windowS) {
    if (learntS <= 0.0) {
        mean = value;
        var = 0.0;
    } else {
        // Exponential forgetting: the weight of the past halves every ~0.7 windows; early on
        // (learnt < window) the average is plain so that the first samples count fully.
        const double alpha =
            std::clamp(dtS / std::max(dtS, std::min(learntS + dtS, windowS)), 0.0, 1.0);
        const double delta = value - mean;
        mean += alpha * delta;
        var = (1.0 - alpha) * (var + alpha * delta * delta);
    }
    learntS += dtS;
}

double CrowdMovementAnalyser::Baseline::zScore(double value, double floor) const {
    const double sigma = std::max({std::sqrt(std::max(0.0, var)), 0.25 * std::abs(mean), floor});
    return (value - mean) / sigma;
}

CrowdMovementAnalyser::CrowdMovementAnalyser(core::CrowdMovementParams params,
                                             std::vector<core::Polygon> zones,
                                             std::vector<std::string> zoneIds)
    : m_params(params), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {
    if (m_zones.empty()) {
        m_zones.push_back(wholePicture());
    }
    m_state.resize(m_zones.size());
    for (std::size_t i = 0; i < m_zones.size(); ++i) {
        m_state[i].roi = boundsOf(m_zones[i]);
    }
}

CrowdMovementAnalyser::FlowStats CrowdMovementAnalyser::measureFlow(ZoneState& zone,
                                                                    const core::Polygon& polygon,
                                                                    const AnalysisInput& input) {
    FlowStats stats;
#ifdef VIGIE_HAVE_OPENCV
    if (input.frame == nullptr || input.frame->empty() || !zone.roi.isValid()) {
        return stats;
    }
    auto grey = greyRegion(*input.frame, zone.roi, kFlowWidth);
    if (!grey) {
        return stats;
    }
    const double dtS = double(input.ptsUs - zone.previousUs) / 1e6;
    GreyImage previous = std::move(zone.previous);
    zone.previous = std::move(*grey);
    zone.previousUs = input.ptsUs;
    if (previous.empty() || previous.width != zone.previous.width ||
        previous.height != zone.previous.height || dtS <= 0.0 || dtS > 2.0) {
        return stats;
    }
    auto flow = denseFlow(previous, zone.previous);
    if (!flow) {
        return stats;
    }
    const int w = flow->width;
    const int h = flow->height;
    // Pixels of the flow picture that are in the zone polygon and outside the masks.
    double sumMag = 0.0;
    int inZone = 0;
    int moving = 0;
    double cx = 0.0;
    double cy = 0.0;
    std::vector<std::size_t> movingIdx;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const PointF p{zone.roi.x0 + (x + 0.5) / w * zone.roi.width(),
                           zone.roi.y0 + (y + 0.5) / h * zone.roi.height()};
            if (!core::contains(polygon, p)) {
                continue;
            }
            if (input.masks != nullptr && !input.masks->empty() &&
                std::any_of(input.masks->begin(), input.masks->end(),
                            [&](const core::Polygon& m) { return core::contains(m, p); })) {
                continue;
            }
            const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
            const double mag = std::hypot(flow->dx[i], flow->dy[i]);
            ++inZone;
            sumMag += mag;
            if (mag >= kMovingFlowPx) {
                ++moving;
                cx += x;
                cy += y;
                movingIdx.push_back(i);
            }
        }
    }
    if (inZone == 0) {
        return stats;
    }
    stats.valid = true;
    stats.energy = sumMag / inZone / w / dtS;  // zone widths per second
    stats.movingFraction = double(moving) / inZone;
    if (moving > 0) {
        cx /= moving;
        cy /= moving;
        double radial = 0.0;
        for (const std::size_t i : movingIdx) {
            const double x = double(i % std::size_t(w));
            const double y = double(i / std::size_t(w));
            const PointF r = unit({x - cx, y - cy});
            const PointF f = unit({flow->dx[i], flow->dy[i]});
            radial += core::dot(r, f);
        }
        stats.divergence = radial / moving;
    }
#else
    (void)zone;
    (void)polygon;
    (void)input;
#endif
    return stats;
}

RuleObservation CrowdMovementAnalyser::update(const AnalysisInput& input) {
    RuleObservation obs;
    const double dtS = m_lastUs < 0 ? 0.0 : double(input.ptsUs - m_lastUs) / 1e6;
    m_lastUs = input.ptsUs;
    const double s = std::clamp(m_params.sensitivity, 0.0, 1.0);
    const double zThreshold = 6.0 - 4.0 * s;
    const double radialThreshold = 0.6 - 0.2 * s;
    const double warmUpS = std::min(kWarmUpS, m_params.baselineWindowS);
    nlohmann::json detail;
    for (std::size_t z = 0; z < m_zones.size(); ++z) {
        ZoneState& zs = m_state[z];
        const auto& polygon = m_zones[z];
        // People in the zone with their ground speeds.
        struct Person {
            const core::TrackedObject* track;
            PointF positionM;
            PointF velocityMps;
        };
        std::vector<Person> people;
        for (const auto& t : *input.tracks) {
            if (t.label != "person" || t.hits < 3 ||
                !core::contains(polygon, t.box.bottomCentre())) {
                continue;
            }
            const LocalMetric metric(input, t);
            if (!metric.valid()) {
                continue;
            }
            const PointF at = t.box.bottomCentre();
            people.push_back({&t, metric.toMetres(at), metric.velocityMps(at, t.velocity)});
        }
        const int n = int(people.size());
        int running = 0;
        double meanSpeed = 0.0;
        PointF centre;
        for (const auto& p : people) {
            const double v = core::length(p.velocityMps);
            meanSpeed += v;
            running += v >= m_params.runningSpeedMps ? 1 : 0;
            centre = centre + p.positionM;
        }
        double radial = 0.0;
        int fast = 0;
        if (n > 0) {
            meanSpeed /= n;
            centre = centre * (1.0 / n);
            for (const auto& p : people) {
                const double v = core::length(p.velocityMps);
                if (v >= 0.5) {
                    radial += core::dot(unit(p.positionM - centre), unit(p.velocityMps));
                    ++fast;
                }
            }
            radial = fast > 0 ? radial / fast : 0.0;
        }
        const FlowStats flow = measureFlow(zs, polygon, input);
        const bool warm = zs.speed.learntS >= warmUpS;
        const bool flowWarm = zs.flow.learntS >= warmUpS;
        const double speedZ = zs.speed.zScore(meanSpeed, 0.3);
        const double flowZ = flow.valid ? zs.flow.zScore(flow.energy, 0.005) : 0.0;
        const int needed = std::max(2, int(std::ceil(m_params.minFraction * n)));
        const bool enoughPeople = n >= m_params.minPeople;

        std::string kind;
        double score = 0.0;
        if (enoughPeople && running >= needed) {
            kind = "running";
            score = double(running) / n;
        } else if (enoughPeople && warm && speedZ >= zThreshold && fast >= needed) {
            kind = radial >= radialThreshold ? "dispersal" : "acceleration";
            score = std::min(1.0, speedZ / (2.0 * zThreshold));
        } else if (enoughPeople && fast >= needed && radial >= radialThreshold && warm &&
                   speedZ >= 0.5 * zThreshold) {
            kind = "dispersal";
            score = radial;
        } else if (!enoughPeople && flowWarm && flow.valid &&
                   flow.movingFraction >= m_params.minAreaFraction && flowZ >= zThreshold) {
            kind = flow.divergence >= radialThreshold ? "dispersal" : "acceleration";
            score = std::min(1.0, flowZ / (2.0 * zThreshold));
        }
        if (kind.empty()) {
            // Learn only from ordinary moments: an incident must not become the norm.
            if (dtS > 0.0) {
                if (n > 0) {
                    zs.speed.add(meanSpeed, dtS, m_params.baselineWindowS);
                }
                if (flow.valid) {
                    zs.flow.add(flow.energy, dtS, m_params.baselineWindowS);
                }
            }
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, score);
        if (obs.zoneId.empty()) {
            obs.zoneId = zoneIdAt(m_zoneIds, int(z));
            detail =
                nlohmann::json{{"kind", kind},
                               {"people", n},
                               {"running", running},
                               {"mean_speed_mps", meanSpeed},
                               {"baseline_speed_mps", zs.speed.mean},
                               {"speed_z", speedZ},
                               {"flow_z", flowZ},
                               {"moving_area_fraction", flow.movingFraction},
                               {"radial_alignment",
                                flow.valid && n < m_params.minPeople ? flow.divergence : radial},
                               {"z_threshold", zThreshold},
                               {"running_speed_mps", m_params.runningSpeedMps}};
        }
        for (const auto& p : people) {
            obs.boxes.push_back(p.track->box);
            obs.trackIds.push_back(p.track->id);
        }
    }
    if (obs.active) {
        obs.detail = detail.dump();
    }
    return obs;
}

// --- weapon -----------------------------------------------------------------------------

WeaponAnalyser::WeaponAnalyser(core::WeaponParams params, std::vector<core::Polygon> zones,
                               std::vector<std::string> zoneIds)
    : m_params(std::move(params)), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {}

RuleObservation WeaponAnalyser::update(const AnalysisInput& input) {
    RuleObservation obs;
    const int hold = std::max(1, m_params.holdFrames);
    const std::size_t window = std::size_t(hold) + 2;
    // Every known weapon track gets a sample for this picture (seen or not).
    for (auto& entry : m_tracks) {
        auto& seen = entry.second.seen;
        seen.push_back(false);
        while (seen.size() > window) {
            seen.pop_front();
        }
    }
    for (const auto& t : *input.tracks) {
        if (!classAllowed(m_params.classes, t.label) || t.score < m_params.minScore ||
            t.lastSeenUs != input.ptsUs) {
            continue;
        }
        const int zone = zoneIndexOf(m_zones, t.box.centre());
        if (zone < 0) {
            continue;
        }
        // Held: the weapon's centre inside a person's box widened by half its size.
        const core::TrackedObject* holder = nullptr;
        for (const auto& p : *input.tracks) {
            if (p.label != "person") {
                continue;
            }
            const double mx = p.box.width() * 0.5;
            const double my = p.box.height() * 0.25;
            const core::BoxF reach{p.box.x0 - mx, p.box.y0 - my, p.box.x1 + mx, p.box.y1 + my};
            const PointF c = t.box.centre();
            if (c.x >= reach.x0 && c.x <= reach.x1 && c.y >= reach.y0 && c.y <= reach.y1) {
                holder = &p;
                break;
            }
        }
        auto [it, isNew] = m_tracks.try_emplace(t.id);
        TrackState& st = it->second;
        if (isNew) {
            st.firstUs = input.ptsUs;
            st.seen.push_back(false);
        }
        st.lastSeenUs = input.ptsUs;
        if (holder == nullptr) {
            continue;
        }
        st.seen.back() = true;
        const auto hits = std::count(st.seen.begin(), st.seen.end(), true);
        if (hits < hold) {
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, double(t.score));
        obs.boxes.push_back(t.box);
        obs.boxes.push_back(holder->box);
        obs.trackIds.push_back(t.id);
        obs.trackIds.push_back(holder->id);
        if (obs.zoneId.empty()) {
            obs.zoneId = zoneIdAt(m_zoneIds, zone);
        }
        obs.sinceUs = obs.sinceUs ? std::min(*obs.sinceUs, st.firstUs) : st.firstUs;
        obs.detail = nlohmann::json{
            {"class", t.label},
            {"score", t.score},
            {"min_score", m_params.minScore},
            {"frames", hits},
            {"of_frames", st.seen.size()},
            {"hold_frames",
             hold}}.dump();
    }
    forgetStale(m_tracks, input.ptsUs);
    return obs;
}

}  // namespace vigie::inference
