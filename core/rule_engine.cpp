#include "core/rule_engine.h"

#include <algorithm>

namespace vigie::core {

namespace {

constexpr std::int64_t kUsPerS = 1'000'000;
// An open alert is re-published at most this often when its evidence improves.
constexpr std::int64_t kUpdateIntervalUs = 1'000'000;

}  // namespace

void AlertFanOut::onAlertOpened(const Alert& alert) {
    for (auto* s : m_sinks) {
        s->onAlertOpened(alert);
    }
}

void AlertFanOut::onAlertUpdated(const Alert& alert) {
    for (auto* s : m_sinks) {
        s->onAlertUpdated(alert);
    }
}

void AlertFanOut::onAlertClosed(const Alert& alert) {
    for (auto* s : m_sinks) {
        s->onAlertClosed(alert);
    }
}

RuleEngine::RuleEngine(const Site& site, std::string cameraId, AlertSink& sink,
                       const ScheduleGate* schedules, const RuleSwitches* switches)
    : m_site(site),
      m_cameraId(std::move(cameraId)),
      m_sink(sink),
      m_schedules(schedules),
      m_switches(switches) {}

bool RuleEngine::gateAllows(const Rule& rule, std::int64_t wallMs) {
    if (!rule.enabled || (m_switches != nullptr && !m_switches->processingEnabled())) {
        return false;
    }
    if (!rule.scheduleId.empty() && m_schedules != nullptr &&
        !m_schedules->isActive(rule.scheduleId, wallMs)) {
        ++m_stats.suppressedBySchedule;
        return false;
    }
    return true;
}

void RuleEngine::close(RuleState& state, std::int64_t wallMs, double cooldownS) {
    Alert& a = *state.open;
    a.open = false;
    a.wallEndMs = std::max(a.wallStartMs, wallMs);
    m_sink.onAlertClosed(a);
    state.cooldownUntilUs = a.endUs + static_cast<std::int64_t>(cooldownS * kUsPerS);
    state.open.reset();
    ++m_stats.closed;
}

void RuleEngine::process(std::int64_t ptsUs, std::int64_t wallMs,
                         const std::vector<std::pair<const Rule*, RuleObservation>>& observations) {
    for (const auto& [rule, obs] : observations) {
        RuleState& st = m_states[rule->id];
        const bool active = obs.active && gateAllows(*rule, wallMs);
        if (active) {
            st.lastActiveUs = ptsUs;
            if (st.open) {
                Alert& a = *st.open;
                a.endUs = ptsUs;
                a.wallEndMs = wallMs;
                if (obs.score > a.score) {
                    a.score = obs.score;
                    a.boxes = obs.boxes;
                    a.trackIds = obs.trackIds;
                    a.detail = obs.detail;
                    if (ptsUs - st.lastUpdateEmittedUs >= kUpdateIntervalUs) {
                        st.lastUpdateEmittedUs = ptsUs;
                        m_sink.onAlertUpdated(a);
                    }
                }
                continue;
            }
            if (ptsUs < st.cooldownUntilUs) {
                ++m_stats.suppressedByCooldown;
                continue;
            }
            Alert a;
            a.uid = makeUid();
            a.siteId = m_site.id;
            a.cameraId = m_cameraId;
            a.ruleId = rule->id;
            a.zoneId = obs.zoneId;
            a.event = rule->event;
            a.severity = rule->severity;
            a.startUs = obs.sinceUs ? std::min(*obs.sinceUs, ptsUs) : ptsUs;
            a.endUs = ptsUs;
            a.wallStartMs = wallMs;
            a.wallEndMs = wallMs;
            a.score = obs.score;
            a.boxes = obs.boxes;
            a.trackIds = obs.trackIds;
            a.detail = obs.detail;
            a.open = true;
            st.open = std::move(a);
            st.lastUpdateEmittedUs = ptsUs;
            ++m_stats.opened;
            m_sink.onAlertOpened(*st.open);
            continue;
        }
        if (st.open) {
            const bool gated = obs.active;  // condition holds but the rule was switched off
            const auto holdUs = static_cast<std::int64_t>(rule->holdS * kUsPerS);
            if (gated || ptsUs - st.lastActiveUs >= holdUs) {
                close(st, wallMs, rule->cooldownS);
            }
        }
    }
}

void RuleEngine::finish(std::int64_t ptsUs, std::int64_t wallMs) {
    (void)ptsUs;
    for (auto& [ruleId, st] : m_states) {
        if (st.open) {
            double cooldownS = 0.0;
            for (const auto& r : m_site.rules) {
                if (r.id == ruleId) {
                    cooldownS = r.cooldownS;
                }
            }
            close(st, wallMs, cooldownS);
        }
    }
}

std::vector<std::string> RuleEngine::alertingRules() const {
    std::vector<std::string> out;
    for (const auto& [id, st] : m_states) {
        if (st.open) {
            out.push_back(id);
        }
    }
    return out;
}

}  // namespace vigie::core
