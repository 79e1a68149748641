#include "inference/zone_analysers.h"

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

core::Result<std::unique_ptr<Analyser>> createAnalyser(const core::Rule& rule,
                                                       const core::Camera& camera) {
    switch (rule.event) {
        case core::EventType::Intrusion: {
            std::vector<const core::Zone*> zones;
            for (const auto& id : rule.zoneIds) {
                if (const auto* z = camera.findZone(id)) {
                    zones.push_back(z);
                }
            }
            return std::unique_ptr<Analyser>(std::make_unique<IntrusionAnalyser>(
                std::get<core::IntrusionParams>(rule.params), zones));
        }
        case core::EventType::LineCrossing: {
            std::vector<const core::Line*> lines;
            for (const auto& id : rule.zoneIds) {
                if (const auto* l = camera.findLine(id)) {
                    lines.push_back(l);
                }
            }
            return std::unique_ptr<Analyser>(std::make_unique<LineCrossingAnalyser>(
                std::get<core::LineCrossingParams>(rule.params), lines));
        }
        default:
            break;
    }
    return core::makeError("rule '" + rule.id + "': no analyser for event '" +
                           std::string(core::toName(rule.event)) + "'");
}

}  // namespace vigie::inference
