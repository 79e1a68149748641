#pragma once
// Schedules evaluated in the site's local (wall-clock) time: weekly windows, and exceptions
// for given dates.
//
// Which day owns a window: the day it STARTS on. A weekly window "Monday 22:00–06:00" covers
// Monday 22:00–24:00 and Tuesday 00:00–06:00, and both halves belong to Monday. Therefore:
//  - an exception dated Monday replaces Monday's windows, so it removes (or replaces) the
//    whole Monday night, Tuesday 00:00–06:00 included;
//  - an exception dated Tuesday replaces only the windows that start on Tuesday: Monday
//    night's tail (Tuesday 00:00–06:00) still runs;
//  - an exception's own windows may span midnight too ("23:00–02:00" on 31 December runs
//    until 02:00 on 1 January).
// This is how operators speak of a night shift ("the night of the 24th"), and it keeps the
// weekly days mask meaning "the days windows start on".
//
// Wall clock: windows are local times, so "08:00–19:00" stays 08:00–19:00 across DST
// changes. On the spring-forward day a boundary inside the missing hour takes effect at the
// first existing minute after it; on the fall-back day a boundary inside the repeated hour
// is crossed twice.
//
// Thread: isActiveAt() and nextChange() are pure. ScheduleEvaluator is immutable after
// construction (it copies the schedules it needs from the Site) and may be called from any
// number of threads at once.
//
//   auto tz = TimeZone::load(site.timezone);
//   ScheduleEvaluator schedules(site, *tz);
//   RuleEngine engine(site, "cam1", sink, &schedules);
//   auto until = schedules.nextChange(*site.findSchedule("office"), nowMs);  // UI: "until…"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "core/rule_engine.h"
#include "core/site.h"
#include "core/time_zone.h"

namespace vigie::core {

// How far nextChange() looks ahead: a weekly schedule repeats within 7 days.
inline constexpr std::int64_t kNextChangeHorizonMs = 8LL * 24 * 3600 * 1000;

// Whether the schedule allows signals at local time `t` (uses date, weekday, minuteOfDay).
// An exception on t's date replaces the weekly windows that start on that date (see above);
// when several exceptions share a date, the first one counts.
bool isActiveAt(const Schedule& schedule, const LocalTime& t);

// The first instant after unixMs (exclusive), within kNextChangeHorizonMs, at which
// isActiveAt() changes; nullopt when it does not change within the horizon (always or never
// active). Minute resolution: the result is a whole UTC minute, exact for every zone whose
// offsets are whole minutes (all of them since 1972).
std::optional<std::int64_t> nextChange(const Schedule& schedule, const TimeZone& zone,
                                       std::int64_t unixMs);

class ScheduleEvaluator final : public ScheduleGate {
public:
    ScheduleEvaluator(const Site& site, TimeZone zone);

    // Unknown ids are inactive (rules are validated first, so this is a bug: logged once per
    // id on the "rules" logger); an empty id means "no schedule" and is always active.
    bool isActive(const std::string& scheduleId, std::int64_t unixMs) const override;
    std::optional<std::int64_t> nextChange(const Schedule& schedule, std::int64_t unixMs) const;
    // nullopt for an unknown id, as for a schedule that does not change within the horizon.
    std::optional<std::int64_t> nextChange(const std::string& scheduleId,
                                           std::int64_t unixMs) const;
    const TimeZone& timeZone() const { return m_zone; }

private:
    const Schedule* find(const std::string& scheduleId) const;

    TimeZone m_zone;
    std::map<std::string, Schedule, std::less<>> m_schedules;
    mutable std::mutex m_loggedMutex;  // guards m_loggedUnknown, touched only on unknown ids
    mutable std::set<std::string, std::less<>> m_loggedUnknown;
};

}  // namespace vigie::core
