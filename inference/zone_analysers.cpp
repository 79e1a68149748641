#include "inference/zone_analysers.h"

#include "core/masks.h"
#include "inference/event_analysers.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace vigie::inference {

using core::RuleObservation;

bool classAllowed(const std::vector<std::string>& classes, const std::string& label) {
    return std::find(classes.begin(), classes.end(), label) != classes.end();
}

namespace {

template <typename Map>
void forgetStale(Map& tracks, std::int64_t nowUs) {
    for (auto it = tracks.begin(); it != tracks.end();) {
        it = nowUs - it->second.lastSeenUs > kForgetTrackUs ? tracks.erase(it) : std::next(it);
    }
}

}  // namespace

IntrusionAnalyser::IntrusionAnalyser(core::IntrusionParams params,
                                     std::vector<const core::Zone*> zones)
    : m_params(std::move(params)), m_zones(std::move(zones)) {}

const core::Zone* IntrusionAnalyser::zoneOf(core::PointF p) const {
    for (const auto* z : m_zones) {
        if (core::contains(z->polygon, p)) {
            return z;
        }
    }
    return nullptr;
}

RuleObservation IntrusionAnalyser::update(const AnalysisInput& input) {
    RuleObservation obs;
    m_occupied.clear();
    double longestDwellS = 0.0;
    for (const auto& t : *input.tracks) {
        if (!classAllowed(m_params.classes, t.label) || t.score < m_params.minScore) {
            continue;
        }
        TrackState& st = m_tracks[t.id];
        st.lastSeenUs = input.ptsUs;
        const core::Zone* zone = zoneOf(t.box.bottomCentre());
        const bool nowInside = zone != nullptr;
        if (nowInside != st.inside) {
            if (++st.streak >= kInertiaFrames || (nowInside && t.hits <= kInertiaFrames)) {
                st.inside = nowInside;
                st.streak = 0;
                if (nowInside) {
                    st.enteredUs = input.ptsUs;
                    st.zoneId = zone->id;
                }
            }
        } else {
            st.streak = 0;
        }
        if (!st.inside) {
            continue;
        }
        m_occupied.insert(st.zoneId);
        const double dwellS = double(input.ptsUs - st.enteredUs) / 1e6;
        if (dwellS + 1e-9 < m_params.minDwellS) {
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, double(t.score));
        obs.boxes.push_back(t.box);
        obs.trackIds.push_back(t.id);
        if (obs.zoneId.empty()) {
            obs.zoneId = st.zoneId;
        }
        obs.sinceUs = obs.sinceUs ? std::min(*obs.sinceUs, st.enteredUs) : st.enteredUs;
        longestDwellS = std::max(longestDwellS, dwellS);
    }
    forgetStale(m_tracks, input.ptsUs);
    if (obs.active) {
        obs.detail = nlohmann::json{{"objects_in_zone", obs.trackIds.size()},
                                    {"dwell_s", longestDwellS},
                                    {"min_dwell_s", m_params.minDwellS}}
                         .dump();
    }
    return obs;
}

std::vector<std::string> IntrusionAnalyser::occupiedZones() const {
    return {m_occupied.begin(), m_occupied.end()};
}

LineCrossingAnalyser::LineCrossingAnalyser(core::LineCrossingParams params,
                                           std::vector<const core::Line*> lines)
    : m_params(std::move(params)), m_lines(std::move(lines)) {}

RuleObservation LineCrossingAnalyser::update(const AnalysisInput& input) {
    RuleObservation obs;
    for (const auto& t : *input.tracks) {
        if (!classAllowed(m_params.classes, t.label) || t.score < m_params.minScore) {
            continue;
        }
        const core::PointF p = t.box.bottomCentre();
        auto [it, isNew] = m_tracks.try_emplace(t.id, TrackState{p, input.ptsUs});
        TrackState& st = it->second;
        if (!isNew) {
            for (const auto* line : m_lines) {
                const int dir = core::crossingDirection(line->points, st.lastPoint, p);
                const bool wanted =
                    dir != 0 && (line->direction == core::CrossingDirection::Any ||
                                 (line->direction == core::CrossingDirection::ToLeft && dir > 0) ||
                                 (line->direction == core::CrossingDirection::ToRight && dir < 0));
                if (wanted) {
                    obs.active = true;
                    obs.score = std::max(obs.score, double(t.score));
                    obs.boxes.push_back(t.box);
                    obs.trackIds.push_back(t.id);
                    obs.zoneId = line->id;
                    obs.detail = nlohmann::json{{"line", line->id},
                                                {"direction", dir > 0 ? "to_left" : "to_right"}}
                                     .dump();
                    break;
                }
            }
        }
        st.lastPoint = p;
        st.lastSeenUs = input.ptsUs;
    }
    forgetStale(m_tracks, input.ptsUs);
    return obs;
}

namespace {

// The camera's exclusion areas in front of an analyser: masked objects are not seen, and
// pixel analysers get the masks to skip those areas.
class MaskFilter final : public Analyser {
public:
    MaskFilter(std::unique_ptr<Analyser> inner, std::vector<core::Polygon> masks)
        : m_inner(std::move(inner)), m_masks(std::move(masks)) {}

    RuleObservation update(const AnalysisInput& input) override {
        AnalysisInput filtered = input;
        filtered.tracks = unmasked(input.tracks, m_tracks);
        filtered.detections = unmasked(input.detections, m_detections);
        filtered.masks = &m_masks;
        RuleObservation obs = m_inner->update(filtered);
        // Evidence not tied to a track (pixel regions) is also dropped inside a mask.
        if (obs.active && obs.trackIds.empty() && !obs.boxes.empty() &&
            std::all_of(obs.boxes.begin(), obs.boxes.end(),
                        [&](const core::BoxF& b) { return core::isMasked(m_masks, b); })) {
            return {};
        }
        return obs;
    }
    std::vector<std::string> occupiedZones() const override { return m_inner->occupiedZones(); }

private:
    // The objects of `all` outside every mask, kept in `kept`; null stays null.
    template <typename T>
    const std::vector<T>* unmasked(const std::vector<T>* all, std::vector<T>& kept) const {
        kept.clear();
        if (all == nullptr) {
            return nullptr;
        }
        for (const auto& o : *all) {
            if (!core::isMasked(m_masks, o.box)) {
                kept.push_back(o);
            }
        }
        return &kept;
    }

    std::unique_ptr<Analyser> m_inner;
    std::vector<core::Polygon> m_masks;
    std::vector<core::TrackedObject> m_tracks;
    std::vector<core::Detection> m_detections;
};

template <typename Params>
const Params* paramsOf(const core::Rule& rule) {
    return std::get_if<Params>(&rule.params);
}

core::Result<std::unique_ptr<Analyser>> createUnmasked(const core::Rule& rule,
                                                       const core::Camera& camera) {
    std::vector<core::Polygon> areas = ruleAreas(rule, camera);
    std::vector<std::string> areaIds;
    for (const auto& id : rule.zoneIds) {
        if (const auto* z = camera.findZone(id); z != nullptr && z->kind == core::ZoneKind::Area) {
            areaIds.push_back(id);
        }
    }
    const auto wrongParams = [&]() -> core::Result<std::unique_ptr<Analyser>> {
        return core::makeError("rule '" + rule.id + "': its parameters do not match event '" +
                               std::string(core::toName(rule.event)) + "'");
    };
    switch (rule.event) {
        case core::EventType::Intrusion: {
            const auto* p = paramsOf<core::IntrusionParams>(rule);
            if (p == nullptr) {
                return wrongParams();
            }
            std::vector<const core::Zone*> zones;
            for (const auto& id : rule.zoneIds) {
                if (const auto* z = camera.findZone(id)) {
                    zones.push_back(z);
                }
            }
            return std::unique_ptr<Analyser>(std::make_unique<IntrusionAnalyser>(*p, zones));
        }
        case core::EventType::LineCrossing: {
            const auto* p = paramsOf<core::LineCrossingParams>(rule);
            if (p == nullptr) {
                return wrongParams();
            }
            std::vector<const core::Line*> lines;
            for (const auto& id : rule.zoneIds) {
                if (const auto* l = camera.findLine(id)) {
                    lines.push_back(l);
                }
            }
            return std::unique_ptr<Analyser>(std::make_unique<LineCrossingAnalyser>(*p, lines));
        }
#define VIGIE_ANALYSER_CASE(EVENT, PARAMS, CLASS)                                      \
    case core::EventType::EVENT: {                                                     \
        const auto* p = paramsOf<core::PARAMS>(rule);                                  \
        if (p == nullptr) {                                                            \
            return wrongParams();                                                      \
        }                                                                              \
        return std::unique_ptr<Analyser>(std::make_unique<CLASS>(*p, areas, areaIds)); \
    }
            VIGIE_ANALYSER_CASE(WrongWay, WrongWayParams, WrongWayAnalyser)
            VIGIE_ANALYSER_CASE(Density, DensityParams, DensityAnalyser)
            VIGIE_ANALYSER_CASE(CrowdMovement, CrowdMovementParams, CrowdMovementAnalyser)
            VIGIE_ANALYSER_CASE(AbandonedObject, AbandonedObjectParams, AbandonedObjectAnalyser)
            VIGIE_ANALYSER_CASE(PersonOnGround, PersonOnGroundParams, PersonOnGroundAnalyser)
            VIGIE_ANALYSER_CASE(Fire, FireParams, FireAnalyser)
            VIGIE_ANALYSER_CASE(Weapon, WeaponParams, WeaponAnalyser)
#undef VIGIE_ANALYSER_CASE
        default:
            break;
    }
    return core::makeError("rule '" + rule.id + "': no analyser for event '" +
                           std::string(core::toName(rule.event)) + "'");
}

}  // namespace

core::Result<std::unique_ptr<Analyser>> createAnalyser(const core::Rule& rule,
                                                       const core::Camera& camera) {
    auto analyser = createUnmasked(rule, camera);
    if (!analyser) {
        return analyser;
    }
    std::vector<core::Polygon> masks;
    for (const auto& z : camera.zones) {
        if (z.kind == core::ZoneKind::Mask) {
            masks.push_back(z.polygon);
        }
    }
    if (masks.empty()) {
        return analyser;
    }
    return std::unique_ptr<Analyser>(
        std::make_unique<MaskFilter>(std::move(*analyser), std::move(masks)));
}

}  // namespace vigie::inference
