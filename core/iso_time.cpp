#include "core/iso_time.h"

#include <cstdio>

#include "core/time_zone.h"

namespace vigie::core {

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    bool done() const { return m_pos >= m_text.size(); }
    char peek() const { return done() ? '\0' : m_text[m_pos]; }
    bool accept(char c) {
        if (peek() == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    // Exactly `digits` decimal digits.
    bool number(int digits, int& out) {
        out = 0;
        for (int i = 0; i < digits; ++i) {
            const char c = peek();
            if (c < '0' || c > '9') {
                return false;
            }
            out = out * 10 + (c - '0');
            ++m_pos;
        }
        return true;
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

Error invalid(std::string_view text, std::string_view why) {
    return makeError("'" + std::string(text) + "' is not an ISO 8601 time (" + std::string(why) +
                     "); examples: 2026-11-30, 2026-11-30T14:02:00Z, 2026-11-30T15:02:00+01:00");
}

}  // namespace

Result<std::int64_t> parseIsoTimeMs(std::string_view text) {
    Cursor c(text);
    int year = 0;
    int month = 0;
    int day = 0;
    if (!c.number(4, year) || !c.accept('-') || !c.number(2, month) || !c.accept('-') ||
        !c.number(2, day)) {
        return invalid(text, "expected a date YYYY-MM-DD");
    }
    if (month < 1 || month > 12 || day < 1 || day > detail::daysInMonth(year, month)) {
        return invalid(text, "no such date");
    }
    std::int64_t ms = detail::daysFromCivil(year, month, day) * kMsPerDay;
    if (c.done()) {
        return ms;
    }
    if (!c.accept('T') && !c.accept(' ')) {
        return invalid(text, "expected 'T' between the date and the time");
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int milli = 0;
    if (!c.number(2, hour) || !c.accept(':') || !c.number(2, minute)) {
        return invalid(text, "expected a time HH:MM");
    }
    if (c.accept(':')) {
        if (!c.number(2, second)) {
            return invalid(text, "expected seconds SS");
        }
        if (c.accept('.') || c.accept(',')) {
            int digits = 0;
            int fraction = 0;
            while (c.peek() >= '0' && c.peek() <= '9') {
                int d = 0;
                (void)c.number(1, d);
                if (digits < 3) {
                    fraction = fraction * 10 + d;
                }
                ++digits;
            }
            if (digits == 0) {
                return invalid(text, "expected digits after the decimal mark");
            }
            for (int i = digits; i < 3; ++i) {
                fraction *= 10;
            }
            milli = fraction;
        }
    }
    if (hour > 23 || minute > 59 || second > 59) {
        return invalid(text, "hour, minute or second out of range");
    }
    ms += ((hour * 60 + minute) * 60 + second) * 1000LL + milli;
    if (c.done()) {
        return invalid(text, "a time needs its zone: add Z for UTC or an offset such as +01:00");
    }
    if (c.accept('Z') || c.accept('z')) {
        if (!c.done()) {
            return invalid(text, "unexpected characters after Z");
        }
        return ms;
    }
    const int sign = c.accept('+') ? 1 : (c.accept('-') ? -1 : 0);
    if (sign == 0) {
        return invalid(text, "expected Z or an offset such as +01:00");
    }
    int offsetH = 0;
    int offsetM = 0;
    if (!c.number(2, offsetH)) {
        return invalid(text, "expected an offset such as +01:00");
    }
    if (!c.done()) {
        (void)c.accept(':');
        if (!c.number(2, offsetM) || !c.done()) {
            return invalid(text, "expected an offset such as +01:00");
        }
    }
    if (offsetH > 18 || offsetM > 59) {
        return invalid(text, "offset out of range");
    }
    return ms - sign * (offsetH * 60 + offsetM) * 60'000LL;
}

std::string compactUtc(std::int64_t unixMs) {
    const std::int64_t days = detail::floorDiv(unixMs, kMsPerDay);
    const std::int64_t msOfDay = detail::floorMod(unixMs, kMsPerDay);
    const detail::CivilDate date = detail::civilFromDays(days);
    const int secs = static_cast<int>(msOfDay / 1000);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld%02d%02dT%02d%02d%02dZ",
                  static_cast<long long>(date.year), date.month, date.day, secs / 3600,
                  (secs / 60) % 60, secs % 60);
    return buf;
}

std::string yearMonthUtc(std::int64_t unixMs) {
    const detail::CivilDate date = detail::civilFromDays(detail::floorDiv(unixMs, kMsPerDay));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02d", static_cast<long long>(date.year), date.month);
    return buf;
}

}  // namespace vigie::core
