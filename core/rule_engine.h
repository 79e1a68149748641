#pragma once
// Turns per-frame observations of a camera's rules into alerts an operator can trust: one
// open alert per (camera, rule) at a time, extended while the condition holds, closed after
// `holdS` without it, then a cooldown before the same rule may raise again; schedules,
// per-rule and per-camera switches and the global stop gate everything.
//
// Composition: a rule with a `condition` (site.h) has no analyser. The engine evaluates it
// after the observations of each frame from the signals of the rules it names (their
// observation once gated by their own switch and schedule), keeping the state that "for at
// least N s", "within N s of" and counts need. Silent rules feed compositions and raise no
// alert. A composite alert carries the union of the evidence of the conditions that hold.
//
// De-duplication: two analyser rules of the same event on one camera that fire on the same
// objects (a shared track, or boxes overlapping by IoU ≥ kDuplicateIou) raise one alert: the
// second is counted in stats().suppressedAsDuplicate, never shown. Composite rules are never
// duplicates (they say more than the rules they combine).
//
// Rules are validated when the engine is built (validateRules()): an invalid rule never
// raises and is listed in problems(); the others run.
//
// Thread: one RuleEngine per camera, called only from that camera's analysis strand.
// The sink is called synchronously from process()/finish(). RuleSwitches may be changed
// from any thread.
//
//   RuleEngine engine(site, "cam1", sink, &schedules, &switches);
//   engine.process(ptsUs, wallMs, {{&rule, observation}});   // analyser rules only
//   engine.finish(lastPtsUs, wallMs);   // closes what is still open

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/alert.h"
#include "core/site.h"

namespace vigie::core {

// What a rule's analyser saw in one analysed frame.
struct RuleObservation {
    bool active = false;
    double score = 0.0;
    std::vector<BoxF> boxes;
    std::vector<TrackId> trackIds;
    std::string zoneId;
    std::string detail;                   // JSON object: measured values against thresholds
    std::optional<std::int64_t> sinceUs;  // when the evidence began (entry before a dwell)
    std::vector<PointF> trackPath;        // ground-contact path of the main track, oldest first
    std::vector<AlertMeasure> measures;   // values against the thresholds that decided
};

// Problems that keep rules of a camera from running, one line each ("rule 'x': …"): unknown
// event, a condition naming a missing rule or one of another camera, a loop of rules, an
// operator with the wrong number of operands or a non-positive duration. A site from
// parseSite() has none; sites built in code (tests, the rule builder) are checked here.
std::vector<std::string> validateRules(const Site& site, const std::string& cameraId);

// Receives alert life-cycle events. Implementations must not block for long: the store
// writer and the UI bridge only enqueue.
class AlertSink {
public:
    virtual ~AlertSink() = default;
    virtual void onAlertOpened(const Alert& alert) = 0;
    // The open alert got better evidence (higher score); rate-limited by the engine.
    virtual void onAlertUpdated(const Alert& alert) { (void)alert; }
    virtual void onAlertClosed(const Alert& alert) = 0;
};

// Fans one alert stream out to several sinks, in order.
class AlertFanOut final : public AlertSink {
public:
    void add(AlertSink* sink) { m_sinks.push_back(sink); }
    void onAlertOpened(const Alert& alert) override;
    void onAlertUpdated(const Alert& alert) override;
    void onAlertClosed(const Alert& alert) override;

private:
    std::vector<AlertSink*> m_sinks;
};

// Says whether a schedule allows signals at a given site time. Implemented over the site's
// time zone by ScheduleEvaluator (schedule.h); tests inject their own.
class ScheduleGate {
public:
    virtual ~ScheduleGate() = default;
    virtual bool isActive(const std::string& scheduleId, std::int64_t unixMs) const = 0;
};

// Switches shared by every camera: the global stop of processing (Ex. 46), and the
// one-click switches of a camera or of a rule, on top of the site's `enabled` flags. The
// global stop is a lock-free read; the others take a short lock. Any thread.
class RuleSwitches {
public:
    void setProcessingEnabled(bool enabled) { m_processing.store(enabled); }
    bool processingEnabled() const { return m_processing.load(); }

    void setCameraEnabled(const std::string& cameraId, bool enabled);
    bool cameraEnabled(const std::string& cameraId) const;
    void setRuleEnabled(const std::string& ruleId, bool enabled);
    bool ruleEnabled(const std::string& ruleId) const;
    // Bumped by every change, so that readers can cache.
    std::uint64_t generation() const { return m_generation.load(); }

private:
    std::atomic<bool> m_processing{true};
    std::atomic<std::uint64_t> m_generation{0};
    mutable std::mutex m_mutex;
    std::set<std::string> m_disabledCameras;
    std::set<std::string> m_disabledRules;
};

struct RuleEngineStats {
    std::int64_t opened = 0;
    std::int64_t closed = 0;
    std::int64_t suppressedByCooldown = 0;
    std::int64_t suppressedBySchedule = 0;
    std::int64_t suppressedAsDuplicate = 0;
};

class RuleEngine {
public:
    RuleEngine(const Site& site, std::string cameraId, AlertSink& sink,
               const ScheduleGate* schedules = nullptr, const RuleSwitches* switches = nullptr);

    // Feeds the observations of one analysed frame (stream time ptsUs, site clock wallMs).
    void process(std::int64_t ptsUs, std::int64_t wallMs,
                 const std::vector<std::pair<const Rule*, RuleObservation>>& observations);
    // Closes every open alert at the given time (end of stream, shutdown, stop).
    void finish(std::int64_t ptsUs, std::int64_t wallMs);

    // Rules with an open alert, for the overlay.
    std::vector<std::string> alertingRules() const;
    // The current signal of a rule (analyser or composite, silent or not) once gated.
    bool signal(const std::string& ruleId) const;
    const RuleEngineStats& stats() const { return m_stats; }
    // What validateRules() found when the engine was built; those rules never raise.
    const std::vector<std::string>& problems() const { return m_problems; }

    // Two objects are the same when their boxes overlap this much (intersection over union).
    static constexpr double kDuplicateIou = 0.5;

private:
    struct RuleState {
        std::optional<Alert> open;
        std::int64_t lastActiveUs = 0;
        std::int64_t cooldownUntilUs = INT64_MIN;
        std::int64_t lastUpdateEmittedUs = INT64_MIN;
    };
    // The gated signal of a rule over time, for compositions.
    struct Signal {
        bool value = false;
        std::int64_t lastTrueUs = INT64_MIN;
        std::deque<std::int64_t> rises;  // times it became true, oldest first
        RuleObservation evidence;        // the last observation while true
        std::int64_t evidenceUs = INT64_MIN;
    };
    // State of one node of a condition (pre-order index within its rule).
    struct NodeState {
        bool value = false;
        std::int64_t trueSinceUs = INT64_MIN;
        std::int64_t lastTrueUs = INT64_MIN;
    };
    struct Evidence {
        std::vector<const Signal*> signals;
        std::vector<std::string> ruleIds;
        std::optional<std::int64_t> sinceUs;  // when a timed condition's evidence began
    };

    bool gateAllows(const Rule& rule, std::int64_t wallMs);
    bool switchedOn(const Rule& rule) const;
    void close(RuleState& state, std::int64_t wallMs, double cooldownS);
    void closeAll(std::int64_t wallMs);
    void updateSignal(const Rule& rule, bool value, const RuleObservation& obs, std::int64_t ptsUs);
    void lifecycle(const Rule& rule, bool active, bool gated, const RuleObservation& obs,
                   std::int64_t ptsUs, std::int64_t wallMs);
    bool isDuplicate(const Rule& rule, const RuleObservation& obs) const;
    bool evaluate(const std::string& ruleId, const Condition& c, std::size_t& node,
                  std::int64_t ptsUs, Evidence& evidence);
    RuleObservation compositeObservation(const Rule& rule, const Evidence& evidence,
                                         std::int64_t ptsUs) const;

    const Site& m_site;
    std::string m_cameraId;
    AlertSink& m_sink;
    const ScheduleGate* m_schedules;
    const RuleSwitches* m_switches;
    std::map<std::string, RuleState> m_states;
    std::map<std::string, Signal> m_signals;
    std::map<std::string, std::vector<NodeState>> m_nodes;
    std::vector<const Rule*> m_composites;  // of this camera, dependencies first
    std::set<std::string> m_invalid;
    std::vector<std::string> m_problems;
    RuleEngineStats m_stats;
};

}  // namespace vigie::core
