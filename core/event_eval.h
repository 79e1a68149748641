#pragma once
// Event-level evaluation of alerts against ground truth: which true events were alerted
// (recall), which alerts were right (precision), false alarms per hour of video and the
// detection delay (alert start − truth start). Used by `vigie eval` and the scenario tests.
// Pure functions and values, any thread.
//
// An alert's time is when it was raised (the stream time of the picture that opened it), not
// its evidence start, which the rule engine may date back (an intrusion from the entry before
// the dwell, an abandoned bag from when it was set down): the operator learns of it then.
//
// Matching: an alert matches a truth interval of the same event when it is raised within
// [truth.start − early, truth.end + late]. Each truth takes the earliest matching alert (its
// delay is measured on that one); further alerts on an already matched truth are duplicates
// (not false alarms, but reported); an alert matching no truth is a false alarm.
//
//   auto scores = evaluateEvents(truth, alerts, 40.0, {});
//   accumulate(total[EventType::Fire], scores[EventType::Fire]);

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/alert.h"
#include "core/event_type.h"

namespace vigie::core {

// A true event in a clip: [startUs, endUs] in stream time.
struct TruthInterval {
    EventType event = EventType::Invalid;
    std::int64_t startUs = 0;
    std::int64_t endUs = 0;
    std::string note;
};

// An alert reduced to what the evaluation needs.
struct AlertInterval {
    EventType event = EventType::Invalid;
    std::int64_t startUs = 0;  // raised (stream time)
    std::int64_t endUs = 0;
};

// `raisedUs`: stream time when the alert was opened (Alert::endUs as passed to
// AlertSink::onAlertOpened); negative: the alert's own startUs.
AlertInterval toInterval(const Alert& alert, std::int64_t raisedUs = -1);

struct EventEvalOptions {
    double earlyToleranceS = 1.0;  // an alert may start this long before the truth
    double lateToleranceS = 10.0;  // or this long after the truth ended
};

struct EventScore {
    int truths = 0;        // true events
    int detected = 0;      // true events with at least one matching alert
    int alerts = 0;        // alerts raised
    int falseAlarms = 0;   // alerts matching no true event
    int duplicates = 0;    // extra alerts on an already matched true event
    double durationS = 0;  // video evaluated
    double delaySumS = 0;  // over detected true events
    double maxDelayS = 0;
    // 1 when nothing was raised (no alert can be wrong); recall 1 when there was nothing to find.
    double precision() const { return alerts > 0 ? double(alerts - falseAlarms) / alerts : 1.0; }
    double recall() const { return truths > 0 ? double(detected) / truths : 1.0; }
    double falseAlarmsPerHour() const {
        return durationS > 0 ? falseAlarms * 3600.0 / durationS : 0;
    }
    double meanDelayS() const { return detected > 0 ? delaySumS / detected : 0.0; }
};

// Scores one clip. Every event present in `truth`, `alerts` or `events` gets an entry, so a
// negative clip (no truth) still counts its duration and its false alarms.
std::map<EventType, EventScore> evaluateEvents(const std::vector<TruthInterval>& truth,
                                               const std::vector<AlertInterval>& alerts,
                                               double durationS,
                                               const std::vector<EventType>& events = {},
                                               const EventEvalOptions& options = {});

// Adds the counts of `part` to `total` (clips of one event pooled).
void accumulate(EventScore& total, const EventScore& part);

// A fixed-width table, one row per event: truths, detected, alerts, false alarms,
// precision, recall, false alarms per hour, mean and max delay.
std::string formatScoreTable(const std::map<EventType, EventScore>& scores);

}  // namespace vigie::core
