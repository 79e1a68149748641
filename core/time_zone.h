#pragma once
// TimeZone: converts UTC instants to the wall-clock time of an IANA time zone, read from the
// system's compiled zoneinfo (TZif, RFC 8536, versions 1 to 4). g++ 12's libstdc++ has no
// std::chrono::tzdb, so we read the files ourselves: the transition table, then the POSIX TZ
// footer rule for instants after the last transition ("slim" files rely on it entirely).
//
// Thread: an immutable value once loaded; const members may be called from any thread.
// Ownership: owns its tables; cheap enough to copy at start-up, not meant for per-frame copies.
//
//   Result<TimeZone> tz = TimeZone::load(site.timezone);
//   if (!tz) { report(tz.error().message); }   // "unknown time zone 'Europe/Pari'"
//   LocalTime t = tz->toLocal(wallMs);         // t.weekday: 0 = Monday, t.minuteOfDay, t.dst

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vigie::core {

inline constexpr const char* kDefaultZoneinfoDir = "/usr/share/zoneinfo";

// A wall-clock time in a zone, to the second.
struct LocalTime {
    int year = 1970;
    int month = 1;        // 1..12
    int day = 1;          // 1..31
    int weekday = 3;      // 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday)
    int minuteOfDay = 0;  // 0..1439
    int second = 0;       // 0..59
    int utcOffsetS = 0;   // local = UTC + utcOffsetS
    bool dst = false;
};

namespace detail {

// Proleptic Gregorian calendar, days counted from 1970-01-01 (Howard Hinnant's algorithms).
struct CivilDate {
    std::int64_t year = 1970;
    int month = 1;
    int day = 1;
};
std::int64_t daysFromCivil(std::int64_t year, int month, int day);
CivilDate civilFromDays(std::int64_t days);
int weekdayFromDays(std::int64_t days);  // 0 = Monday … 6 = Sunday
bool isLeapYear(std::int64_t year);
int daysInMonth(std::int64_t year, int month);
// Floor division and its remainder (always 0..divisor-1), for instants before 1970.
std::int64_t floorDiv(std::int64_t value, std::int64_t divisor);
std::int64_t floorMod(std::int64_t value, std::int64_t divisor);

// The date and local time of day at which a POSIX TZ rule switches, e.g. "M3.5.0/3".
struct PosixRuleDate {
    enum class Kind {
        Invalid = 0,
        JulianNoLeap,  // Jn: day 1..365, February 29 never counted (J60 is always 1 March)
        ZeroBased,     // n: day 0..365, February 29 counted in leap years
        MonthWeekDay,  // Mm.w.d: weekday d (0 = Sunday) of week w (1..4, 5 = last) of month m
    };
    Kind kind = Kind::Invalid;
    int day = 0;  // Jn / n: the day; Mm.w.d: the weekday d
    int week = 0;
    int month = 0;
    // Local time of day of the switch, in the time in effect before it; RFC 8536 allows
    // -167 h .. +167 h, so a rule can name "the day after" (26:00) or "the evening before".
    int timeS = 2 * 3600;
};

// A parsed POSIX TZ string, e.g. "CET-1CEST,M3.5.0,M10.5.0/3". Offsets here are seconds
// EAST of UTC, the opposite sign of the string ("CET-1" is +3600).
struct PosixTz {
    std::string stdName;
    int stdOffsetS = 0;
    bool hasDst = false;
    std::string dstName;
    int dstOffsetS = 0;  // default: stdOffsetS + 1 h
    PosixRuleDate dstStart;
    PosixRuleDate dstEnd;  // its time is in DST wall time
};

Result<PosixTz> parsePosixTz(std::string_view spec);

struct UtcOffset {
    int utcOffsetS = 0;
    bool dst = false;
};
// The offset in effect at a UTC instant. DST that starts on 1 January 00:00 and ends on
// 31 December 24:00 + the DST shift is in effect all year (RFC 8536 §3.3.1).
UtcOffset posixOffsetAt(const PosixTz& tz, std::int64_t unixS);
// Local seconds since 1970-01-01 00:00 (of that wall clock) of the rule's switch in `year`.
std::int64_t posixRuleLocalS(const PosixRuleDate& rule, std::int64_t year);

}  // namespace detail

class TimeZone {
public:
    // Loads `ianaName` ("Europe/Paris") from zoneinfoDir. Rejects names that are not IANA-like
    // (absolute, "..", odd characters), names without a file, and files that are not TZif.
    static Result<TimeZone> load(const std::string& ianaName,
                                 const std::string& zoneinfoDir = kDefaultZoneinfoDir);
    // Parses the bytes of a TZif file (what load() does after reading it).
    static Result<TimeZone> fromTzifData(std::string name, std::string_view data);
    static TimeZone utc();

    LocalTime toLocal(std::int64_t unixMs) const;
    std::string name() const { return m_name; }

private:
    struct LocalType {
        int utcOffsetS = 0;
        bool dst = false;
    };

    TimeZone() = default;
    detail::UtcOffset offsetAt(std::int64_t unixS) const;

    std::string m_name;
    std::vector<std::int64_t> m_transitionsS;     // ascending UTC instants
    std::vector<std::uint8_t> m_transitionTypes;  // index into m_types, one per transition
    std::vector<LocalType> m_types;               // never empty; [0] before the first transition
    std::optional<detail::PosixTz> m_footer;      // after the last transition, when present
};

}  // namespace vigie::core
