#pragma once
// Turns per-frame observations of a camera's rules into alerts an operator can trust: one
// open alert per (camera, rule) at a time, extended while the condition holds, closed after
// `holdS` without it, then a cooldown before the same rule may raise again; schedules,
// per-rule switches and the global stop gate everything.
//
// Thread: one RuleEngine per camera, called only from that camera's analysis strand.
// The sink is called synchronously from process()/finish().
//
//   RuleEngine engine(site, "cam1", sink, &schedules);
//   engine.process(ptsUs, wallMs, {{&rule, observation}});
//   engine.finish(lastPtsUs, wallMs);   // closes what is still open

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
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
};

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

// Switches shared by every camera: the global stop of processing (Ex. 46). Lock-free reads
// from analysis threads. Per-rule enables are part of the validated site (Rule::enabled).
class RuleSwitches {
public:
    void setProcessingEnabled(bool enabled) { m_processing.store(enabled); }
    bool processingEnabled() const { return m_processing.load(); }

private:
    std::atomic<bool> m_processing{true};
};

struct RuleEngineStats {
    std::int64_t opened = 0;
    std::int64_t closed = 0;
    std::int64_t suppressedByCooldown = 0;
    std::int64_t suppressedBySchedule = 0;
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
    const RuleEngineStats& stats() const { return m_stats; }

private:
    struct RuleState {
        std::optional<Alert> open;
        std::int64_t lastActiveUs = 0;
        std::int64_t cooldownUntilUs = INT64_MIN;
        std::int64_t lastUpdateEmittedUs = INT64_MIN;
    };

    bool gateAllows(const Rule& rule, std::int64_t wallMs);
    void close(RuleState& state, std::int64_t wallMs, double cooldownS);

    const Site& m_site;
    std::string m_cameraId;
    AlertSink& m_sink;
    const ScheduleGate* m_schedules;
    const RuleSwitches* m_switches;
    std::map<std::string, RuleState> m_states;
    RuleEngineStats m_stats;
};

}  // namespace vigie::core
