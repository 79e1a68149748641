#include "core/event_eval.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace vigie::core {

AlertInterval toInterval(const Alert& alert, std::int64_t raisedUs) {
    const std::int64_t start = raisedUs >= 0 ? raisedUs : alert.startUs;
    return {alert.event, start, std::max(start, alert.endUs)};
}

std::map<EventType, EventScore> evaluateEvents(const std::vector<TruthInterval>& truth,
                                               const std::vector<AlertInterval>& alerts,
                                               double durationS,
                                               const std::vector<EventType>& events,
                                               const EventEvalOptions& options) {
    std::set<EventType> types(events.begin(), events.end());
    for (const auto& t : truth) {
        types.insert(t.event);
    }
    for (const auto& a : alerts) {
        types.insert(a.event);
    }
    const auto earlyUs = std::int64_t(options.earlyToleranceS * 1e6);
    const auto lateUs = std::int64_t(options.lateToleranceS * 1e6);
    std::map<EventType, EventScore> scores;
    for (EventType type : types) {
        EventScore s;
        s.durationS = durationS;
        std::vector<const TruthInterval*> truths;
        for (const auto& t : truth) {
            if (t.event == type) {
                truths.push_back(&t);
            }
        }
        std::vector<AlertInterval> raised;
        for (const auto& a : alerts) {
            if (a.event == type) {
                raised.push_back(a);
            }
        }
        std::sort(raised.begin(), raised.end(), [](const AlertInterval& a, const AlertInterval& b) {
            return a.startUs < b.startUs;
        });
        s.truths = int(truths.size());
        s.alerts = int(raised.size());
        std::vector<bool> truthMatched(truths.size(), false);
        for (const auto& a : raised) {
            // The earliest-starting unmatched truth this alert falls into; else a matched one
            // (duplicate); else a false alarm.
            int best = -1;
            bool duplicate = false;
            for (std::size_t i = 0; i < truths.size(); ++i) {
                const auto& t = *truths[i];
                if (a.startUs < t.startUs - earlyUs || a.startUs > t.endUs + lateUs) {
                    continue;
                }
                if (!truthMatched[i]) {
                    best = int(i);
                    break;
                }
                duplicate = true;
            }
            if (best >= 0) {
                truthMatched[std::size_t(best)] = true;
                ++s.detected;
                const double delayS = double(a.startUs - truths[std::size_t(best)]->startUs) / 1e6;
                s.delaySumS += delayS;
                s.maxDelayS = s.detected == 1 ? delayS : std::max(s.maxDelayS, delayS);
            } else if (duplicate) {
                ++s.duplicates;
            } else {
                ++s.falseAlarms;
            }
        }
        scores[type] = s;
    }
    return scores;
}

void accumulate(EventScore& total, const EventScore& part) {
    const bool firstDetected = total.detected == 0;
    total.truths += part.truths;
    total.alerts += part.alerts;
    total.falseAlarms += part.falseAlarms;
    total.duplicates += part.duplicates;
    total.durationS += part.durationS;
    total.delaySumS += part.delaySumS;
    if (part.detected > 0) {
        total.maxDelayS =
            firstDetected ? part.maxDelayS : std::max(total.maxDelayS, part.maxDelayS);
    }
    total.detected += part.detected;
}

std::string formatScoreTable(const std::map<EventType, EventScore>& scores) {
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%-18s %6s %8s %6s %6s %5s %9s %6s %8s %10s %9s\n", "event",
                  "truth", "detected", "alerts", "false", "dup", "precision", "recall", "FA/hour",
                  "mean delay", "max delay");
    out += line;
    for (const auto& [type, s] : scores) {
        std::snprintf(line, sizeof line,
                      "%-18s %6d %8d %6d %6d %5d %9.2f %6.2f %8.1f %9.2fs %8.2fs\n",
                      std::string(toName(type)).c_str(), s.truths, s.detected, s.alerts,
                      s.falseAlarms, s.duplicates, s.precision(), s.recall(),
                      s.falseAlarmsPerHour(), s.meanDelayS(), s.maxDelayS);
        out += line;
    }
    return out;
}

}  // namespace vigie::core
