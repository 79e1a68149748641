#include "core/rule_engine.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

namespace vigie::core {

namespace {

constexpr std::int64_t kUsPerS = 1'000'000;
// An open alert is re-published at most this often when its evidence improves.
constexpr std::int64_t kUpdateIntervalUs = 1'000'000;
// Rises remembered per rule for counts: a bound, whatever the window.
constexpr std::size_t kMaxRises = 4096;
// The longest count window of the camera's rules bounds the rises kept; a day at most.
constexpr std::int64_t kMaxCountWindowUs = 86'400 * kUsPerS;

std::int64_t toUs(double seconds) {
    return static_cast<std::int64_t>(seconds * double(kUsPerS));
}

const Rule* findRule(const Site& site, const std::string& id) {
    for (const auto& r : site.rules) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

void collectRefs(const Condition& c, std::vector<std::string>& out) {
    if (c.op == Condition::Op::Rule || c.op == Condition::Op::Count) {
        out.push_back(c.ruleId);
    }
    for (const auto& o : c.operands) {
        collectRefs(o, out);
    }
}

std::size_t countNodes(const Condition& c) {
    std::size_t n = 1;
    for (const auto& o : c.operands) {
        n += countNodes(o);
    }
    return n;
}

// Shape problems of one condition tree (operand counts, durations), as text.
void checkShape(const Condition& c, std::vector<std::string>& out) {
    auto expect = [&](std::size_t min, std::size_t max, const char* what) {
        if (c.operands.size() < min || c.operands.size() > max) {
            out.push_back(std::string(what) + " has " + std::to_string(c.operands.size()) +
                          " operand(s)");
        }
    };
    switch (c.op) {
        case Condition::Op::Rule:
            if (c.ruleId.empty()) {
                out.push_back("a rule condition names no rule");
            }
            expect(0, 0, "a rule condition");
            break;
        case Condition::Op::And:
            expect(2, SIZE_MAX, "'and'");
            break;
        case Condition::Op::Or:
            expect(2, SIZE_MAX, "'or'");
            break;
        case Condition::Op::Not:
            expect(1, 1, "'not'");
            break;
        case Condition::Op::ForAtLeast:
            expect(1, 1, "'for_at_least_s'");
            if (!(c.seconds > 0.0)) {
                out.push_back("'for_at_least_s' needs a duration above 0");
            }
            break;
        case Condition::Op::Within:
            expect(2, 2, "'within_s'");
            if (!(c.seconds > 0.0)) {
                out.push_back("'within_s' needs a duration above 0");
            }
            break;
        case Condition::Op::Count:
            expect(0, 0, "'count'");
            if (c.ruleId.empty() || c.atLeast < 1 || !(c.seconds > 0.0)) {
                out.push_back("'count' needs a rule, at least 1 occurrence and a window above 0");
            }
            break;
        case Condition::Op::Invalid:
            out.push_back("a condition has no operator");
            break;
    }
    for (const auto& o : c.operands) {
        checkShape(o, out);
    }
}

std::string describe(const Condition& c) {
    switch (c.op) {
        case Condition::Op::Rule:
            return c.ruleId;
        case Condition::Op::And:
        case Condition::Op::Or: {
            std::string s = "(";
            for (std::size_t i = 0; i < c.operands.size(); ++i) {
                s += (i > 0 ? (c.op == Condition::Op::And ? " AND " : " OR ") : "") +
                     describe(c.operands[i]);
            }
            return s + ")";
        }
        case Condition::Op::Not:
            return "NOT " + describe(c.operands.at(0));
        case Condition::Op::ForAtLeast:
            return describe(c.operands.at(0)) + " FOR AT LEAST " +
                   nlohmann::json(c.seconds).dump() + " s";
        case Condition::Op::Within:
            return describe(c.operands.at(1)) + " WITHIN " + nlohmann::json(c.seconds).dump() +
                   " s OF " + describe(c.operands.at(0));
        case Condition::Op::Count:
            return std::to_string(c.atLeast) + " × " + c.ruleId + " IN " +
                   nlohmann::json(c.seconds).dump() + " s";
        case Condition::Op::Invalid:
            break;
    }
    return "?";
}

struct RuleProblem {
    std::string ruleId;  // empty: not one rule's
    std::string message;
};

std::vector<RuleProblem> findProblems(const Site& site, const std::string& cameraId) {
    std::vector<RuleProblem> problems;
    std::set<std::string> seen;
    for (const auto& rule : site.rules) {
        if (rule.cameraId != cameraId) {
            continue;
        }
        if (rule.id.empty()) {
            problems.push_back({"", "a rule of camera '" + cameraId + "' has no id"});
            continue;
        }
        if (!seen.insert(rule.id).second) {
            problems.push_back({rule.id, "the id is used twice"});
        }
        if (rule.event == EventType::Invalid) {
            problems.push_back({rule.id, "no event"});
        }
        if (!rule.condition) {
            continue;
        }
        std::vector<std::string> shape;
        checkShape(*rule.condition, shape);
        for (const auto& s : shape) {
            problems.push_back({rule.id, s});
        }
        std::vector<std::string> refs;
        collectRefs(*rule.condition, refs);
        for (const auto& ref : refs) {
            const Rule* r = findRule(site, ref);
            if (r == nullptr) {
                problems.push_back({rule.id, "no rule has the id '" + ref + "'"});
            } else if (r->cameraId != cameraId) {
                problems.push_back({rule.id, "rule '" + ref + "' watches another camera"});
            }
        }
    }
    // Loops, through composite rules of this camera.
    std::map<std::string, int> state;  // 1 on the path, 2 done
    std::function<bool(const Rule&)> loops = [&](const Rule& rule) {
        state[rule.id] = 1;
        bool found = false;
        if (rule.condition) {
            std::vector<std::string> refs;
            collectRefs(*rule.condition, refs);
            for (const auto& ref : refs) {
                const Rule* r = findRule(site, ref);
                if (r == nullptr || r->cameraId != cameraId) {
                    continue;
                }
                if (state[ref] == 1 || (state[ref] == 0 && loops(*r))) {
                    found = true;
                    break;
                }
            }
        }
        state[rule.id] = found ? 1 : 2;
        return found;
    };
    for (const auto& rule : site.rules) {
        if (rule.cameraId == cameraId && rule.condition && state[rule.id] == 0 && loops(rule)) {
            problems.push_back({rule.id, "depends on itself through its condition"});
        }
    }
    return problems;
}

}  // namespace

std::vector<std::string> validateRules(const Site& site, const std::string& cameraId) {
    std::vector<std::string> out;
    for (const auto& p : findProblems(site, cameraId)) {
        out.push_back(p.ruleId.empty() ? p.message : "rule '" + p.ruleId + "': " + p.message);
    }
    return out;
}

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

void RuleSwitches::setCameraEnabled(const std::string& cameraId, bool enabled) {
    std::lock_guard lock(m_mutex);
    if (enabled) {
        m_disabledCameras.erase(cameraId);
    } else {
        m_disabledCameras.insert(cameraId);
    }
    ++m_generation;
}

bool RuleSwitches::cameraEnabled(const std::string& cameraId) const {
    std::lock_guard lock(m_mutex);
    return m_disabledCameras.count(cameraId) == 0;
}

void RuleSwitches::setRuleEnabled(const std::string& ruleId, bool enabled) {
    std::lock_guard lock(m_mutex);
    if (enabled) {
        m_disabledRules.erase(ruleId);
    } else {
        m_disabledRules.insert(ruleId);
    }
    ++m_generation;
}

bool RuleSwitches::ruleEnabled(const std::string& ruleId) const {
    std::lock_guard lock(m_mutex);
    return m_disabledRules.count(ruleId) == 0;
}

RuleEngine::RuleEngine(const Site& site, std::string cameraId, AlertSink& sink,
                       const ScheduleGate* schedules, const RuleSwitches* switches)
    : m_site(site),
      m_cameraId(std::move(cameraId)),
      m_sink(sink),
      m_schedules(schedules),
      m_switches(switches) {
    for (const auto& p : findProblems(m_site, m_cameraId)) {
        m_problems.push_back(p.ruleId.empty() ? p.message
                                              : "rule '" + p.ruleId + "': " + p.message);
        if (!p.ruleId.empty()) {
            m_invalid.insert(p.ruleId);
        }
    }
    // A composite naming an invalid rule is invalid too (until nothing changes).
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& r : m_site.rules) {
            if (r.cameraId != m_cameraId || !r.condition || m_invalid.count(r.id) != 0) {
                continue;
            }
            std::vector<std::string> refs;
            collectRefs(*r.condition, refs);
            for (const auto& ref : refs) {
                if (m_invalid.count(ref) != 0) {
                    m_invalid.insert(r.id);
                    m_problems.push_back("rule '" + r.id + "': depends on invalid rule '" + ref +
                                         "'");
                    changed = true;
                    break;
                }
            }
        }
    }
    // Composites in dependency order, so that one naming another sees its value of this frame.
    std::set<std::string> placed;
    std::function<void(const Rule&)> place = [&](const Rule& r) {
        if (placed.count(r.id) != 0) {
            return;
        }
        placed.insert(r.id);
        std::vector<std::string> refs;
        collectRefs(*r.condition, refs);
        for (const auto& ref : refs) {
            const Rule* dep = findRule(m_site, ref);
            if (dep != nullptr && dep->condition) {
                place(*dep);
            }
        }
        m_composites.push_back(&r);
    };
    for (const auto& r : m_site.rules) {
        if (r.cameraId == m_cameraId && r.condition && m_invalid.count(r.id) == 0) {
            place(r);
            m_nodes[r.id].resize(countNodes(*r.condition));
        }
    }
}

bool RuleEngine::switchedOn(const Rule& rule) const {
    if (!rule.enabled || m_invalid.count(rule.id) != 0) {
        return false;
    }
    if (m_switches != nullptr && !m_switches->ruleEnabled(rule.id)) {
        return false;
    }
    return true;
}

bool RuleEngine::gateAllows(const Rule& rule, std::int64_t wallMs) {
    if (!switchedOn(rule)) {
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
    state.cooldownUntilUs = a.endUs + toUs(cooldownS);
    state.open.reset();
    ++m_stats.closed;
}

void RuleEngine::closeAll(std::int64_t wallMs) {
    for (auto& [ruleId, st] : m_states) {
        if (st.open) {
            const Rule* r = findRule(m_site, ruleId);
            close(st, wallMs, r != nullptr ? r->cooldownS : 0.0);
        }
    }
}

void RuleEngine::updateSignal(const Rule& rule, bool value, const RuleObservation& obs,
                              std::int64_t ptsUs) {
    Signal& s = m_signals[rule.id];
    if (value) {
        if (!s.value) {
            s.rises.push_back(ptsUs);
            while (s.rises.size() > kMaxRises ||
                   (!s.rises.empty() && s.rises.front() < ptsUs - kMaxCountWindowUs)) {
                s.rises.pop_front();
            }
        }
        s.lastTrueUs = ptsUs;
        s.evidence = obs;
        s.evidenceUs = ptsUs;
        s.value = true;
        return;
    }
    // A gap shorter than the rule's hold (a missed detection) does not end the signal, as it
    // does not end the rule's alert: "intrusion for at least 10 s" must survive one lost box.
    s.value = s.value && s.lastTrueUs != INT64_MIN && ptsUs - s.lastTrueUs < toUs(rule.holdS);
}

bool RuleEngine::isDuplicate(const Rule& rule, const RuleObservation& obs) const {
    if (rule.condition) {
        return false;
    }
    for (const auto& [ruleId, st] : m_states) {
        if (!st.open || ruleId == rule.id || st.open->event != rule.event) {
            continue;
        }
        const Rule* other = findRule(m_site, ruleId);
        if (other == nullptr || other->condition) {
            continue;
        }
        const Alert& a = *st.open;
        for (TrackId t : obs.trackIds) {
            if (std::find(a.trackIds.begin(), a.trackIds.end(), t) != a.trackIds.end()) {
                return true;
            }
        }
        for (const auto& b : obs.boxes) {
            for (const auto& c : a.boxes) {
                if (iou(b, c) >= kDuplicateIou) {
                    return true;
                }
            }
        }
    }
    return false;
}

void RuleEngine::lifecycle(const Rule& rule, bool active, bool gated, const RuleObservation& obs,
                           std::int64_t ptsUs, std::int64_t wallMs) {
    RuleState& st = m_states[rule.id];
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
                a.trackPath = obs.trackPath;
                a.measures = obs.measures;
                if (!obs.zoneId.empty()) {
                    a.zoneId = obs.zoneId;
                }
                if (ptsUs - st.lastUpdateEmittedUs >= kUpdateIntervalUs) {
                    st.lastUpdateEmittedUs = ptsUs;
                    m_sink.onAlertUpdated(a);
                }
            }
            return;
        }
        if (ptsUs < st.cooldownUntilUs) {
            ++m_stats.suppressedByCooldown;
            return;
        }
        if (isDuplicate(rule, obs)) {
            ++m_stats.suppressedAsDuplicate;
            return;
        }
        Alert a;
        a.uid = makeUid();
        a.siteId = m_site.id;
        a.cameraId = m_cameraId;
        a.ruleId = rule.id;
        a.zoneId = obs.zoneId;
        a.event = rule.event;
        a.severity = rule.severity;
        a.startUs = obs.sinceUs ? std::min(*obs.sinceUs, ptsUs) : ptsUs;
        a.endUs = ptsUs;
        a.wallStartMs = wallMs;
        a.wallEndMs = wallMs;
        a.score = obs.score;
        a.boxes = obs.boxes;
        a.trackIds = obs.trackIds;
        a.detail = obs.detail;
        a.trackPath = obs.trackPath;
        a.measures = obs.measures;
        a.open = true;
        st.open = std::move(a);
        st.lastUpdateEmittedUs = ptsUs;
        ++m_stats.opened;
        m_sink.onAlertOpened(*st.open);
        return;
    }
    if (st.open) {
        // The condition holds but the rule was switched off or left its schedule: close now.
        if (gated || ptsUs - st.lastActiveUs >= toUs(rule.holdS)) {
            close(st, wallMs, rule.cooldownS);
        }
    }
}

bool RuleEngine::evaluate(const std::string& ruleId, const Condition& c, std::size_t& node,
                          std::int64_t ptsUs, Evidence& evidence) {
    NodeState& ns = m_nodes[ruleId][node++];
    bool value = false;
    // Every operand is evaluated every frame (no short cut), so that the timed nodes below
    // keep their state whatever their siblings do.
    std::vector<bool> values;
    std::vector<Evidence> sub(c.operands.size());
    for (std::size_t i = 0; i < c.operands.size(); ++i) {
        values.push_back(evaluate(ruleId, c.operands[i], node, ptsUs, sub[i]));
    }
    auto earliest = [&](std::optional<std::int64_t> t) {
        if (t && (!evidence.sinceUs || *t < *evidence.sinceUs)) {
            evidence.sinceUs = t;
        }
    };
    auto take = [&](std::size_t i) {
        evidence.signals.insert(evidence.signals.end(), sub[i].signals.begin(),
                                sub[i].signals.end());
        evidence.ruleIds.insert(evidence.ruleIds.end(), sub[i].ruleIds.begin(),
                                sub[i].ruleIds.end());
        earliest(sub[i].sinceUs);
    };
    switch (c.op) {
        case Condition::Op::Rule: {
            const auto it = m_signals.find(c.ruleId);
            value = it != m_signals.end() && it->second.value;
            if (value) {
                evidence.signals.push_back(&it->second);
                evidence.ruleIds.push_back(c.ruleId);
            }
            break;
        }
        case Condition::Op::And:
            value = std::all_of(values.begin(), values.end(), [](bool v) { return v; });
            if (value) {
                for (std::size_t i = 0; i < values.size(); ++i) {
                    take(i);
                }
            }
            break;
        case Condition::Op::Or:
            for (std::size_t i = 0; i < values.size(); ++i) {
                if (values[i]) {
                    value = true;
                    take(i);
                }
            }
            break;
        case Condition::Op::Not:
            value = !values.at(0);  // nothing observed is no evidence to show
            break;
        case Condition::Op::ForAtLeast:
            if (values.at(0)) {
                if (ns.trueSinceUs == INT64_MIN) {
                    ns.trueSinceUs = ptsUs;
                }
                value = ptsUs - ns.trueSinceUs >= toUs(c.seconds);
            } else {
                ns.trueSinceUs = INT64_MIN;
            }
            if (value) {
                take(0);
                earliest(ns.trueSinceUs);  // the condition has held since then
            }
            break;
        case Condition::Op::Within: {
            // `then` holds now and `first` held at some time in the last N s (now included).
            const NodeState& first =
                m_nodes[ruleId][node - countNodes(c.operands[1]) - countNodes(c.operands[0])];
            value = values.at(1) && first.lastTrueUs != INT64_MIN &&
                    ptsUs - first.lastTrueUs <= toUs(c.seconds);
            if (value) {
                take(1);
                earliest(first.lastTrueUs);  // the sequence began with `first`
                if (values.at(0)) {
                    take(0);
                } else {
                    // The first condition's last evidence, when it was a rule.
                    const Condition& a = c.operands[0];
                    if (a.op == Condition::Op::Rule) {
                        const auto it = m_signals.find(a.ruleId);
                        if (it != m_signals.end() && it->second.evidenceUs != INT64_MIN) {
                            evidence.signals.push_back(&it->second);
                            evidence.ruleIds.push_back(a.ruleId);
                        }
                    }
                }
            }
            break;
        }
        case Condition::Op::Count: {
            const auto it = m_signals.find(c.ruleId);
            if (it != m_signals.end()) {
                const std::int64_t from = ptsUs - toUs(c.seconds);
                const auto n = std::count_if(it->second.rises.begin(), it->second.rises.end(),
                                             [&](std::int64_t t) { return t > from; });
                value = n >= c.atLeast;
                if (value && it->second.evidenceUs != INT64_MIN) {
                    evidence.signals.push_back(&it->second);
                    evidence.ruleIds.push_back(c.ruleId);
                }
            }
            break;
        }
        case Condition::Op::Invalid:
            break;
    }
    ns.value = value;
    if (value) {
        ns.lastTrueUs = ptsUs;
    }
    return value;
}

RuleObservation RuleEngine::compositeObservation(const Rule& rule, const Evidence& evidence,
                                                 std::int64_t ptsUs) const {
    RuleObservation obs;
    obs.active = true;
    nlohmann::json causes = nlohmann::json::array();
    std::set<std::string> done;
    for (std::size_t i = 0; i < evidence.signals.size(); ++i) {
        if (!done.insert(evidence.ruleIds[i]).second) {
            continue;
        }
        const RuleObservation& e = evidence.signals[i]->evidence;
        obs.score = std::max(obs.score, e.score);
        obs.boxes.insert(obs.boxes.end(), e.boxes.begin(), e.boxes.end());
        for (TrackId t : e.trackIds) {
            if (std::find(obs.trackIds.begin(), obs.trackIds.end(), t) == obs.trackIds.end()) {
                obs.trackIds.push_back(t);
            }
        }
        obs.measures.insert(obs.measures.end(), e.measures.begin(), e.measures.end());
        if (obs.trackPath.empty()) {
            obs.trackPath = e.trackPath;
        }
        if (obs.zoneId.empty()) {
            obs.zoneId = e.zoneId;
        }
        nlohmann::json cause = {
            {"rule", evidence.ruleIds[i]},
            {"score", e.score},
            {"seen_s_ago", double(ptsUs - evidence.signals[i]->evidenceUs) / double(kUsPerS)}};
        if (!e.detail.empty()) {
            const auto d = nlohmann::json::parse(e.detail, nullptr, false);
            cause["detail"] = d.is_discarded() ? nlohmann::json(e.detail) : d;
        }
        causes.push_back(cause);
    }
    if (!rule.zoneIds.empty()) {
        obs.zoneId = rule.zoneIds.front();
    }
    obs.sinceUs = evidence.sinceUs;
    if (evidence.signals.empty()) {
        obs.score = 1.0;  // a condition made only of negations and counts without evidence
    }
    obs.detail =
        nlohmann::json{{"condition", describe(*rule.condition)}, {"causes", causes}}.dump();
    return obs;
}

void RuleEngine::process(std::int64_t ptsUs, std::int64_t wallMs,
                         const std::vector<std::pair<const Rule*, RuleObservation>>& observations) {
    const Camera* camera = m_site.findCamera(m_cameraId);
    const bool cameraOn = (camera == nullptr || camera->enabled) &&
                          (m_switches == nullptr || (m_switches->processingEnabled() &&
                                                     m_switches->cameraEnabled(m_cameraId)));
    if (!cameraOn) {
        // Stopped: close what is open, forget the signals (they restart from nothing).
        closeAll(wallMs);
        m_signals.clear();
        for (auto& [id, nodes] : m_nodes) {
            std::fill(nodes.begin(), nodes.end(), NodeState{});
        }
        return;
    }
    for (const auto& [rule, obs] : observations) {
        if (rule == nullptr || rule->condition) {
            continue;  // composite rules are evaluated below, from their conditions
        }
        const bool active = obs.active && gateAllows(*rule, wallMs);
        updateSignal(*rule, active, obs, ptsUs);
        if (!rule->silent) {
            lifecycle(*rule, active, obs.active, obs, ptsUs, wallMs);
        }
    }
    for (const Rule* rule : m_composites) {
        std::size_t node = 0;
        Evidence evidence;
        const bool held = evaluate(rule->id, *rule->condition, node, ptsUs, evidence);
        const bool active = held && gateAllows(*rule, wallMs);
        RuleObservation obs;
        if (active) {
            obs = compositeObservation(*rule, evidence, ptsUs);
        }
        updateSignal(*rule, active, obs, ptsUs);
        if (!rule->silent) {
            lifecycle(*rule, active, held, obs, ptsUs, wallMs);
        }
    }
}

void RuleEngine::finish(std::int64_t ptsUs, std::int64_t wallMs) {
    (void)ptsUs;
    closeAll(wallMs);
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

bool RuleEngine::signal(const std::string& ruleId) const {
    const auto it = m_signals.find(ruleId);
    return it != m_signals.end() && it->second.value;
}

}  // namespace vigie::core
