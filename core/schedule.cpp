#include "core/schedule.h"

#include <algorithm>
#include <vector>

#include "core/log.h"

namespace vigie::core {

namespace {

constexpr int kMinutesPerDay = 1440;
constexpr std::int64_t kMinuteMs = 60'000;

bool spansMidnight(const WeeklyWindow& w) {
    return w.endMin < w.startMin;
}

// The part of a window on the day it starts.
bool coversStartDay(const WeeklyWindow& w, int minuteOfDay) {
    if (spansMidnight(w)) {
        return minuteOfDay >= w.startMin;
    }
    return minuteOfDay >= w.startMin && minuteOfDay < w.endMin;  // start == end: empty
}

// The part of a window after midnight, on the day after it starts.
bool coversNextDay(const WeeklyWindow& w, int minuteOfDay) {
    return spansMidnight(w) && minuteOfDay < w.endMin;
}

// Whether one of the windows starting on `date` (weekday 0 = Monday) satisfies `covers`.
template <typename Covers>
bool anyWindowOfDay(const Schedule& s, const CalendarDate& date, int weekday, Covers covers) {
    const auto ex = std::find_if(s.exceptions.begin(), s.exceptions.end(),
                                 [&date](const ScheduleException& e) { return e.date == date; });
    if (ex != s.exceptions.end()) {
        return std::any_of(ex->windows.begin(), ex->windows.end(), covers);
    }
    return std::any_of(s.weekly.begin(), s.weekly.end(), [&](const WeeklyWindow& w) {
        return ((w.daysMask >> weekday) & 1U) != 0 && covers(w);
    });
}

bool hasSpanningWindow(const Schedule& s) {
    if (std::any_of(s.weekly.begin(), s.weekly.end(), spansMidnight)) {
        return true;
    }
    return std::any_of(s.exceptions.begin(), s.exceptions.end(), [](const ScheduleException& e) {
        return std::any_of(e.windows.begin(), e.windows.end(), spansMidnight);
    });
}

}  // namespace

bool isActiveAt(const Schedule& schedule, const LocalTime& t) {
    const int minute = std::clamp(t.minuteOfDay, 0, kMinutesPerDay - 1);
    const CalendarDate today{t.year, t.month, t.day};
    if (anyWindowOfDay(schedule, today, t.weekday,
                       [minute](const WeeklyWindow& w) { return coversStartDay(w, minute); })) {
        return true;
    }
    if (!hasSpanningWindow(schedule)) {
        return false;
    }
    const auto prev = detail::civilFromDays(detail::daysFromCivil(t.year, t.month, t.day) - 1);
    const CalendarDate yesterday{static_cast<int>(prev.year), prev.month, prev.day};
    return anyWindowOfDay(schedule, yesterday, (t.weekday + 6) % 7,
                          [minute](const WeeklyWindow& w) { return coversNextDay(w, minute); });
}

std::optional<std::int64_t> nextChange(const Schedule& schedule, const TimeZone& zone,
                                       std::int64_t unixMs) {
    const bool initial = isActiveAt(schedule, zone.toLocal(unixMs));
    // Every boundary is a whole local minute, and local minutes start on whole UTC minutes
    // when the offset is whole minutes; so walking UTC minutes finds each change exactly,
    // including those caused by a DST jump. 11 520 steps at most: well under a millisecond.
    const std::int64_t end = unixMs + kNextChangeHorizonMs;
    for (std::int64_t t = (detail::floorDiv(unixMs, kMinuteMs) + 1) * kMinuteMs; t <= end;
         t += kMinuteMs) {
        if (isActiveAt(schedule, zone.toLocal(t)) != initial) {
            return t;
        }
    }
    return std::nullopt;
}

ScheduleEvaluator::ScheduleEvaluator(const Site& site, TimeZone zone) : m_zone(std::move(zone)) {
    for (const Schedule& s : site.schedules) {
        m_schedules.emplace(s.id, s);  // duplicates are rejected by the config; first wins
    }
}

const Schedule* ScheduleEvaluator::find(const std::string& scheduleId) const {
    const auto it = m_schedules.find(scheduleId);
    return it == m_schedules.end() ? nullptr : &it->second;
}

bool ScheduleEvaluator::isActive(const std::string& scheduleId, std::int64_t unixMs) const {
    if (scheduleId.empty()) {
        return true;
    }
    const Schedule* schedule = find(scheduleId);
    if (schedule == nullptr) {
        bool first = false;
        {
            std::lock_guard lock(m_loggedMutex);
            first = m_loggedUnknown.insert(scheduleId).second;
        }
        if (first) {
            logger("rules")->error("schedule '{}' is unknown: the rules that use it stay inactive",
                                   scheduleId);
        }
        return false;
    }
    return isActiveAt(*schedule, m_zone.toLocal(unixMs));
}

std::optional<std::int64_t> ScheduleEvaluator::nextChange(const Schedule& schedule,
                                                          std::int64_t unixMs) const {
    return core::nextChange(schedule, m_zone, unixMs);
}

std::optional<std::int64_t> ScheduleEvaluator::nextChange(const std::string& scheduleId,
                                                          std::int64_t unixMs) const {
    const Schedule* schedule = find(scheduleId);
    if (schedule == nullptr) {
        return std::nullopt;
    }
    return core::nextChange(*schedule, m_zone, unixMs);
}

}  // namespace vigie::core
