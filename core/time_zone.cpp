#include "core/time_zone.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

namespace vigie::core {

namespace detail {

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor) {
    const std::int64_t q = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? q - 1 : q;
}

std::int64_t floorMod(std::int64_t value, std::int64_t divisor) {
    return value - floorDiv(value, divisor) * divisor;
}

// http://howardhinnant.github.io/date_algorithms.html#days_from_civil: eras of 400 years
// (146097 days), years starting on 1 March so that the leap day is the last of the year.
std::int64_t daysFromCivil(std::int64_t year, int month, int day) {
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yoe = y - era * 400;                          // [0, 399]
    const std::int64_t mp = (month + 9) % 12;                        // March = 0
    const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;           // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
    return era * 146097 + doe - 719468;  // 719468: days from 0000-03-01 to 1970-01-01
}

CivilDate civilFromDays(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
    const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
    CivilDate d;
    d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    d.year = yoe + era * 400 + (d.month <= 2 ? 1 : 0);
    return d;
}

int weekdayFromDays(std::int64_t days) {
    return static_cast<int>(floorMod(days + 3, 7));  // 1970-01-01 was a Thursday (3)
}

bool isLeapYear(std::int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(std::int64_t year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return kDays.at(static_cast<std::size_t>(month - 1)) + (month == 2 && isLeapYear(year) ? 1 : 0);
}

namespace {

constexpr int kHourS = 3600;
constexpr std::int64_t kDayS = 86400;

// Recursive-descent parser of POSIX TZ strings with the RFC 8536 extensions (rule times from
// -167 h to 167 h). Names: 3+ letters, or <...> of letters, digits, '+' and '-'.
class PosixParser {
public:
    explicit PosixParser(std::string_view spec) : m_s(spec) {}

    Result<PosixTz> parse() {
        PosixTz tz;
        if (!name(tz.stdName)) {
            return fail("expected a zone abbreviation (3+ letters or <...>)");
        }
        int westS = 0;
        if (!hms(westS, 24, "an offset from UTC")) {
            return fail(m_error);
        }
        tz.stdOffsetS = -westS;
        if (atEnd()) {
            return tz;
        }
        if (!name(tz.dstName)) {
            return fail("expected a daylight-saving abbreviation");
        }
        tz.hasDst = true;
        tz.dstOffsetS = tz.stdOffsetS + kHourS;
        if (!atEnd() && peek() != ',') {
            if (!hms(westS, 24, "a daylight-saving offset")) {
                return fail(m_error);
            }
            tz.dstOffsetS = -westS;
        }
        if (atEnd()) {
            // POSIX leaves the rule to the implementation; glibc and tzcode use the US rule.
            tz.dstStart = {PosixRuleDate::Kind::MonthWeekDay, 0, 2, 3, 2 * kHourS};
            tz.dstEnd = {PosixRuleDate::Kind::MonthWeekDay, 0, 1, 11, 2 * kHourS};
            return tz;
        }
        if (!expect(',') || !ruleDate(tz.dstStart) || !expect(',') || !ruleDate(tz.dstEnd)) {
            return fail(m_error);
        }
        if (!atEnd()) {
            return fail("unexpected characters after the end rule");
        }
        return tz;
    }

private:
    bool atEnd() const { return m_pos >= m_s.size(); }
    char peek() const { return m_s[m_pos]; }
    bool isDigit() const { return !atEnd() && std::isdigit(static_cast<unsigned char>(peek())); }

    Error fail(const std::string& reason) const {
        return makeError("'" + std::string(m_s) + "' is not a POSIX TZ rule: " + reason +
                         " at position " + std::to_string(m_pos));
    }

    bool expect(char c) {
        if (atEnd() || peek() != c) {
            m_error = std::string("expected '") + c + "'";
            return false;
        }
        ++m_pos;
        return true;
    }

    bool name(std::string& out) {
        out.clear();
        if (!atEnd() && peek() == '<') {
            const std::size_t close = m_s.find('>', m_pos + 1);
            if (close == std::string_view::npos || close == m_pos + 1) {
                return false;
            }
            const std::string_view inner = m_s.substr(m_pos + 1, close - m_pos - 1);
            const bool valid = std::all_of(inner.begin(), inner.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-';
            });
            if (!valid) {
                return false;
            }
            out = std::string(inner);
            m_pos = close + 1;
            return true;
        }
        while (!atEnd() && std::isalpha(static_cast<unsigned char>(peek()))) {
            out += peek();
            ++m_pos;
        }
        return out.size() >= 3;
    }

    // Reads 1..maxDigits decimal digits.
    bool number(int& out, int maxDigits) {
        if (!isDigit()) {
            return false;
        }
        out = 0;
        for (int i = 0; i < maxDigits && isDigit(); ++i) {
            out = out * 10 + (peek() - '0');
            ++m_pos;
        }
        return !isDigit();
    }

    // [+-]h[h[h]][:mm[:ss]] with hours up to maxHours, as signed seconds.
    bool hms(int& outS, int maxHours, const char* what) {
        m_error = std::string("expected ") + what + " [+-]hh[:mm[:ss]]";
        int sign = 1;
        if (!atEnd() && (peek() == '+' || peek() == '-')) {
            sign = peek() == '-' ? -1 : 1;
            ++m_pos;
        }
        int h = 0;
        if (!number(h, maxHours > 99 ? 3 : 2) || h > maxHours) {
            return false;
        }
        int m = 0;
        int s = 0;
        if (!atEnd() && peek() == ':') {
            ++m_pos;
            if (!number(m, 2) || m > 59) {
                return false;
            }
            if (!atEnd() && peek() == ':') {
                ++m_pos;
                if (!number(s, 2) || s > 59) {
                    return false;
                }
            }
        }
        outS = sign * (h * kHourS + m * 60 + s);
        return true;
    }

    bool ruleDate(PosixRuleDate& out) {
        out = PosixRuleDate{};
        if (!atEnd() && peek() == 'J') {
            ++m_pos;
            out.kind = PosixRuleDate::Kind::JulianNoLeap;
            if (!number(out.day, 3) || out.day < 1 || out.day > 365) {
                m_error = "expected a day Jn with n from 1 to 365";
                return false;
            }
        } else if (!atEnd() && peek() == 'M') {
            ++m_pos;
            out.kind = PosixRuleDate::Kind::MonthWeekDay;
            if (!number(out.month, 2) || out.month < 1 || out.month > 12 || !expect('.') ||
                !number(out.week, 1) || out.week < 1 || out.week > 5 || !expect('.') ||
                !number(out.day, 1) || out.day > 6) {
                m_error = "expected Mm.w.d (month 1..12, week 1..5, weekday 0..6)";
                return false;
            }
        } else {
            out.kind = PosixRuleDate::Kind::ZeroBased;
            if (!number(out.day, 3) || out.day > 365) {
                m_error = "expected a rule date (Jn, n or Mm.w.d)";
                return false;
            }
        }
        if (!atEnd() && peek() == '/') {
            ++m_pos;
            if (!hms(out.timeS, 167, "a time of day")) {
                return false;
            }
        }
        return true;
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
    std::string m_error;
};

}  // namespace

Result<PosixTz> parsePosixTz(std::string_view spec) {
    return PosixParser(spec).parse();
}

std::int64_t posixRuleLocalS(const PosixRuleDate& rule, std::int64_t year) {
    std::int64_t days = 0;
    switch (rule.kind) {
        case PosixRuleDate::Kind::JulianNoLeap:
            days = daysFromCivil(year, 1, 1) + rule.day - 1 +
                   (isLeapYear(year) && rule.day >= 60 ? 1 : 0);
            break;
        case PosixRuleDate::Kind::ZeroBased:
            days = daysFromCivil(year, 1, 1) + rule.day;
            break;
        case PosixRuleDate::Kind::MonthWeekDay: {
            const std::int64_t first = daysFromCivil(year, rule.month, 1);
            const int firstWeekdaySun0 = (weekdayFromDays(first) + 1) % 7;  // 0 = Sunday
            int day = 1 + (rule.day - firstWeekdaySun0 + 7) % 7 + (rule.week - 1) * 7;
            if (day > daysInMonth(year, rule.month)) {
                day -= 7;  // week 5 = the last such weekday
            }
            days = first + day - 1;
            break;
        }
        case PosixRuleDate::Kind::Invalid:
            days = daysFromCivil(year, 1, 1);
            break;
    }
    return days * kDayS + rule.timeS;
}

UtcOffset posixOffsetAt(const PosixTz& tz, std::int64_t unixS) {
    const UtcOffset standard{tz.stdOffsetS, false};
    if (!tz.hasDst) {
        return standard;
    }
    // The switches of the neighbouring years too: rule times of up to ±167 h can move a
    // switch across New Year, and southern zones are in DST across it.
    struct Switch {
        std::int64_t atS;
        bool toDst;
    };
    const std::int64_t year = civilFromDays(floorDiv(unixS + tz.stdOffsetS, kDayS)).year;
    std::array<Switch, 6> switches{};
    std::size_t n = 0;
    for (std::int64_t y = year - 1; y <= year + 1; ++y) {
        switches[n++] = {posixRuleLocalS(tz.dstStart, y) - tz.stdOffsetS, true};
        switches[n++] = {posixRuleLocalS(tz.dstEnd, y) - tz.dstOffsetS, false};
    }
    // At equal instants the end comes first, so that "DST all year" (an end meeting the next
    // start) stays in DST.
    std::sort(switches.begin(), switches.end(), [](const Switch& a, const Switch& b) {
        return a.atS != b.atS ? a.atS < b.atS : (!a.toDst && b.toDst);
    });
    UtcOffset current = standard;
    for (const Switch& s : switches) {
        if (s.atS > unixS) {
            break;
        }
        current = s.toDst ? UtcOffset{tz.dstOffsetS, true} : standard;
    }
    return current;
}

}  // namespace detail

namespace {

constexpr std::size_t kHeaderSize = 44;
constexpr std::uintmax_t kMaxTzifBytes = 1024 * 1024;  // real files are below 10 KiB
// RFC 8536 §3.2: utoff in [-89999, 93599]; INT32_MIN is forbidden.
constexpr int kMinUtcOffsetS = -89999;
constexpr int kMaxUtcOffsetS = 93599;

class ByteReader {
public:
    explicit ByteReader(std::string_view data) : m_data(data) {}

    bool has(std::size_t n) const { return m_data.size() - m_pos >= n; }
    std::size_t remaining() const { return m_data.size() - m_pos; }
    std::string_view take(std::size_t n) {
        const std::string_view out = m_data.substr(m_pos, n);
        m_pos += n;
        return out;
    }
    void skip(std::size_t n) { m_pos += n; }
    std::uint8_t u8() { return static_cast<std::uint8_t>(m_data[m_pos++]); }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            v = (v << 8) | u8();
        }
        return v;
    }
    std::int64_t i64() {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) {
            v = (v << 8) | u8();
        }
        return static_cast<std::int64_t>(v);
    }
    std::int32_t i32() { return static_cast<std::int32_t>(u32()); }

private:
    std::string_view m_data;
    std::size_t m_pos = 0;
};

struct TzifCounts {
    std::uint32_t isutcnt = 0;
    std::uint32_t isstdcnt = 0;
    std::uint32_t leapcnt = 0;
    std::uint32_t timecnt = 0;
    std::uint32_t typecnt = 0;
    std::uint32_t charcnt = 0;

    std::uint64_t dataSize(std::uint64_t timeSize) const {
        return std::uint64_t{timecnt} * timeSize + timecnt + std::uint64_t{typecnt} * 6 + charcnt +
               std::uint64_t{leapcnt} * (timeSize + 4) + isstdcnt + isutcnt;
    }
};

// Reads "TZif", the version byte and the six counts; nullopt when the magic is wrong.
std::optional<std::pair<char, TzifCounts>> readHeader(ByteReader& r) {
    if (!r.has(kHeaderSize) || r.take(4) != "TZif") {
        return std::nullopt;
    }
    const char version = static_cast<char>(r.u8());
    r.skip(15);
    TzifCounts c;
    c.isutcnt = r.u32();
    c.isstdcnt = r.u32();
    c.leapcnt = r.u32();
    c.timecnt = r.u32();
    c.typecnt = r.u32();
    c.charcnt = r.u32();
    return std::pair{version, c};
}

bool isPlausibleZoneName(const std::string& name) {
    if (name.empty() || name.size() > 255 || name.front() == '/') {
        return false;
    }
    const bool charsOk = std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
               c == '+' || c == '.';
    });
    if (!charsOk) {
        return false;
    }
    // Every path component non-empty and not starting with '.' (no "..", ".", hidden files).
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        if (end == start || name[start] == '.') {
            return false;
        }
        start = end + 1;
    }
    return true;
}

}  // namespace

Result<TimeZone> TimeZone::fromTzifData(std::string name, std::string_view data) {
    const auto invalid = [&name](const std::string& why) {
        return makeError("the file of time zone '" + name + "' is not a valid TZif file: " + why);
    };
    ByteReader r(data);
    auto header = readHeader(r);
    if (!header) {
        return makeError("the file of time zone '" + name + "' is not a TZif file");
    }
    auto [version, counts] = *header;
    if (version != '\0' && version < '2') {
        return invalid("unknown version byte");
    }
    std::size_t timeSize = 4;
    if (version != '\0') {
        // Version 2+: skip the 32-bit block, use the 64-bit one that follows its own header.
        const std::uint64_t v1Size = counts.dataSize(4);
        if (r.remaining() < v1Size) {
            return invalid("truncated");
        }
        r.skip(static_cast<std::size_t>(v1Size));
        auto second = readHeader(r);
        if (!second) {
            return invalid("missing the 64-bit header");
        }
        counts = second->second;
        timeSize = 8;
    }
    if (counts.typecnt == 0 || counts.typecnt > 256 || counts.charcnt == 0 ||
        (counts.isutcnt != 0 && counts.isutcnt != counts.typecnt) ||
        (counts.isstdcnt != 0 && counts.isstdcnt != counts.typecnt)) {
        return invalid("inconsistent counts");
    }
    if (counts.leapcnt != 0) {
        return invalid("it has leap-second records (use the zones outside 'right/')");
    }
    if (r.remaining() < counts.dataSize(timeSize)) {
        return invalid("truncated");
    }

    TimeZone tz;
    tz.m_name = std::move(name);
    tz.m_transitionsS.reserve(counts.timecnt);
    for (std::uint32_t i = 0; i < counts.timecnt; ++i) {
        const std::int64_t t = timeSize == 8 ? r.i64() : std::int64_t{r.i32()};
        if (!tz.m_transitionsS.empty() && t <= tz.m_transitionsS.back()) {
            return invalid("transition times are not ascending");
        }
        tz.m_transitionsS.push_back(t);
    }
    tz.m_transitionTypes.reserve(counts.timecnt);
    for (std::uint32_t i = 0; i < counts.timecnt; ++i) {
        const std::uint8_t type = r.u8();
        if (type >= counts.typecnt) {
            return invalid("a transition names a missing local time type");
        }
        tz.m_transitionTypes.push_back(type);
    }
    for (std::uint32_t i = 0; i < counts.typecnt; ++i) {
        const std::int32_t utoff = r.i32();
        const std::uint8_t isdst = r.u8();
        const std::uint8_t desigidx = r.u8();
        if (utoff < kMinUtcOffsetS || utoff > kMaxUtcOffsetS || isdst > 1 ||
            desigidx >= counts.charcnt) {
            return invalid("a local time type is out of range");
        }
        tz.m_types.push_back({utoff, isdst == 1});
    }
    r.skip(counts.charcnt + counts.isstdcnt + counts.isutcnt);  // leapcnt is 0 here

    if (timeSize == 8) {
        // Footer: "\n" TZ string "\n"; an empty string means no rule after the table.
        if (!r.has(1) || r.u8() != '\n') {
            return invalid("missing the TZ string footer");
        }
        const std::string_view rest = r.take(r.remaining());
        const std::size_t nl = rest.find('\n');
        if (nl == std::string_view::npos) {
            return invalid("unterminated TZ string footer");
        }
        const std::string_view footer = rest.substr(0, nl);
        if (!footer.empty()) {
            auto rule = detail::parsePosixTz(footer);
            if (!rule) {
                return invalid(rule.error().message);
            }
            tz.m_footer = std::move(*rule);
        }
    }
    return tz;
}

Result<TimeZone> TimeZone::load(const std::string& ianaName, const std::string& zoneinfoDir) {
    namespace fs = std::filesystem;
    if (!isPlausibleZoneName(ianaName)) {
        return makeError("unknown time zone '" + ianaName + "': not an IANA time zone name");
    }
    std::error_code ec;
    if (!fs::is_directory(zoneinfoDir, ec)) {
        return makeError("no time zone database in '" + zoneinfoDir +
                         "' (install the tzdata package)");
    }
    const fs::path path = fs::path(zoneinfoDir) / ianaName;
    if (!fs::is_regular_file(path, ec)) {
        return makeError("unknown time zone '" + ianaName + "'");
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size > kMaxTzifBytes) {
        return makeError("the file of time zone '" + ianaName + "' is not a TZif file");
    }
    std::ifstream in(path, std::ios::binary);
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (!in) {
        return makeError("cannot read the file of time zone '" + ianaName + "'");
    }
    return fromTzifData(ianaName, data);
}

TimeZone TimeZone::utc() {
    TimeZone tz;
    tz.m_name = "UTC";
    tz.m_types.push_back({0, false});
    return tz;
}

detail::UtcOffset TimeZone::offsetAt(std::int64_t unixS) const {
    if (m_transitionsS.empty() || unixS < m_transitionsS.front()) {
        if (m_transitionsS.empty() && m_footer) {
            return detail::posixOffsetAt(*m_footer, unixS);  // a "slim" fixed or rule zone
        }
        return {m_types.front().utcOffsetS, m_types.front().dst};
    }
    if (unixS >= m_transitionsS.back() && m_footer) {
        return detail::posixOffsetAt(*m_footer, unixS);
    }
    const auto it = std::upper_bound(m_transitionsS.begin(), m_transitionsS.end(), unixS);
    const auto index = static_cast<std::size_t>(std::distance(m_transitionsS.begin(), it) - 1);
    const LocalType& type = m_types[m_transitionTypes[index]];
    return {type.utcOffsetS, type.dst};
}

LocalTime TimeZone::toLocal(std::int64_t unixMs) const {
    const std::int64_t unixS = detail::floorDiv(unixMs, 1000);
    const detail::UtcOffset offset = offsetAt(unixS);
    const std::int64_t localS = unixS + offset.utcOffsetS;
    const std::int64_t days = detail::floorDiv(localS, 86400);
    const std::int64_t secondOfDay = localS - days * 86400;
    const detail::CivilDate date = detail::civilFromDays(days);
    LocalTime t;
    t.year = static_cast<int>(date.year);
    t.month = date.month;
    t.day = date.day;
    t.weekday = detail::weekdayFromDays(days);
    t.minuteOfDay = static_cast<int>(secondOfDay / 60);
    t.second = static_cast<int>(secondOfDay % 60);
    t.utcOffsetS = offset.utcOffsetS;
    t.dst = offset.dst;
    return t;
}

}  // namespace vigie::core
