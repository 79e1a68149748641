// TimeZone: civil dates, the POSIX TZ rule parser and evaluator, TZif files made by hand
// (version 1, "slim" footer-only, malformed), and the system's zoneinfo around real DST
// changes, including 2045, beyond every table, where only the footer rule answers.
#include <QtTest>

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "core/time_zone.h"

using namespace vigie::core;
using vigie::core::detail::PosixRuleDate;

Q_DECLARE_METATYPE(std::string)

namespace {

const QString kZoneinfo = QStringLiteral("/usr/share/zoneinfo");

// Qt is the independent oracle for UTC instants.
std::int64_t utcMs(int y, int mo, int d, int h, int mi, int s = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

bool haveZoneinfo() {
    return QFileInfo(kZoneinfo + QStringLiteral("/Europe/Paris")).isFile();
}

#define REQUIRE_ZONEINFO()                                                          \
    do {                                                                            \
        if (!haveZoneinfo()) {                                                      \
            QSKIP("no time zone database in /usr/share/zoneinfo (install tzdata)"); \
        }                                                                           \
    } while (false)

// --- hand-made TZif files -------------------------------------------------------------------

struct TzifSpec {
    char version = '2';  // '\0' for version 1
    std::vector<std::int64_t> times;
    std::vector<std::uint8_t> typeIndices;
    std::vector<std::pair<std::int32_t, bool>> types;  // utoff, isdst
    std::string footer;
    std::uint32_t leapCount = 0;
};

void putBe(std::string& out, std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) {
        out += static_cast<char>((v >> (8 * i)) & 0xFF);
    }
}

std::string tzifBlock(const TzifSpec& s, int timeSize) {
    const std::string designations("ZZZ\0", 4);
    std::string out = "TZif";
    out += s.version;
    out += std::string(15, '\0');
    putBe(out, 0, 4);  // isutcnt
    putBe(out, 0, 4);  // isstdcnt
    putBe(out, s.leapCount, 4);
    putBe(out, s.times.size(), 4);
    putBe(out, s.types.size(), 4);
    putBe(out, designations.size(), 4);
    for (std::int64_t t : s.times) {
        putBe(out, static_cast<std::uint64_t>(t), timeSize);
    }
    for (std::uint8_t i : s.typeIndices) {
        out += static_cast<char>(i);
    }
    for (const auto& [utoff, dst] : s.types) {
        putBe(out, static_cast<std::uint32_t>(utoff), 4);
        out += static_cast<char>(dst ? 1 : 0);
        out += '\0';
    }
    out += designations;
    for (std::uint32_t i = 0; i < s.leapCount; ++i) {
        putBe(out, 0, timeSize);
        putBe(out, 1, 4);
    }
    return out;
}

std::string tzif(const TzifSpec& s) {
    std::string out = tzifBlock(s, 4);
    if (s.version != '\0') {
        out += tzifBlock(s, 8) + "\n" + s.footer + "\n";
    }
    return out;
}

// The POSIX TZ footer of a TZif file, empty when absent.
std::string footerOf(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray data = f.readAll();
    const qsizetype last = data.lastIndexOf('\n');
    const qsizetype first = last > 0 ? data.lastIndexOf('\n', last - 1) : -1;
    if (first < 0) {
        return {};
    }
    return data.mid(first + 1, last - first - 1).toStdString();
}

}  // namespace

class TestTimeZone : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- civil dates ---------------------------------------------------------------------------

    void civilDatesRoundTrip() {
        // ±2700 years around 1970: every day maps to a date and back, dates follow each other.
        detail::CivilDate prev = detail::civilFromDays(-1'000'001);
        for (std::int64_t days = -1'000'000; days <= 1'000'000; ++days) {
            const detail::CivilDate d = detail::civilFromDays(days);
            if (detail::daysFromCivil(d.year, d.month, d.day) != days) {
                QFAIL(qPrintable(QStringLiteral("round trip failed at day %1").arg(days)));
            }
            const bool nextDay =
                d.year == prev.year && d.month == prev.month && d.day == prev.day + 1;
            const bool nextMonth = d.day == 1 &&
                                   prev.day == detail::daysInMonth(prev.year, prev.month) &&
                                   ((d.year == prev.year && d.month == prev.month + 1) ||
                                    (d.year == prev.year + 1 && d.month == 1 && prev.month == 12));
            if (!nextDay && !nextMonth) {
                QFAIL(qPrintable(
                    QStringLiteral("dates do not follow each other at day %1").arg(days)));
            }
            prev = d;
        }
    }

    void weekday_data() {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::addColumn<int>("day");
        QTest::addColumn<int>("weekday");
        QTest::newRow("2026-11-30 Monday") << 2026 << 11 << 30 << 0;
        QTest::newRow("2026-03-29 Sunday") << 2026 << 3 << 29 << 6;
        QTest::newRow("1970-01-01 Thursday") << 1970 << 1 << 1 << 3;
        QTest::newRow("1969-12-31 Wednesday") << 1969 << 12 << 31 << 2;
        QTest::newRow("2000-02-29 Tuesday") << 2000 << 2 << 29 << 1;
        QTest::newRow("1900-03-01 Thursday") << 1900 << 3 << 1 << 3;
        QTest::newRow("2045-12-25 Monday") << 2045 << 12 << 25 << 0;
        QTest::newRow("2400-02-29 Tuesday") << 2400 << 2 << 29 << 1;
        QTest::newRow("1600-01-01 Saturday") << 1600 << 1 << 1 << 5;
    }

    void weekday() {
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(int, day);
        QFETCH(int, weekday);
        QCOMPARE(detail::weekdayFromDays(detail::daysFromCivil(year, month, day)), weekday);
        const LocalTime t = TimeZone::utc().toLocal(utcMs(year, month, day, 12, 0));
        QCOMPARE(t.weekday, weekday);
        QCOMPARE(t.year, year);
        QCOMPARE(t.month, month);
        QCOMPARE(t.day, day);
    }

    // --- UTC -------------------------------------------------------------------------------------

    void utc_data() {
        QTest::addColumn<std::int64_t>("unixMs");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("minuteOfDay");
        QTest::addColumn<int>("second");
        QTest::newRow("epoch") << std::int64_t(0) << QDate(1970, 1, 1) << 0 << 0;
        QTest::newRow("half a second before the epoch")
            << std::int64_t(-500) << QDate(1969, 12, 31) << 1439 << 59;
        QTest::newRow("2026-11-30 12:34:56.789")
            << utcMs(2026, 11, 30, 12, 34, 56) + 789 << QDate(2026, 11, 30) << 754 << 56;
        QTest::newRow("leap day 2400")
            << utcMs(2400, 2, 29, 23, 59, 59) << QDate(2400, 2, 29) << 1439 << 59;
        QTest::newRow("1600") << utcMs(1600, 1, 1, 0, 1, 2) << QDate(1600, 1, 1) << 1 << 2;
    }

    void utc() {
        QFETCH(std::int64_t, unixMs);
        QFETCH(QDate, date);
        QFETCH(int, minuteOfDay);
        QFETCH(int, second);
        const TimeZone tz = TimeZone::utc();
        QCOMPARE(tz.name(), std::string("UTC"));
        const LocalTime t = tz.toLocal(unixMs);
        QCOMPARE(QDate(t.year, t.month, t.day), date);
        QCOMPARE(t.weekday, date.dayOfWeek() - 1);
        QCOMPARE(t.minuteOfDay, minuteOfDay);
        QCOMPARE(t.second, second);
        QCOMPARE(t.utcOffsetS, 0);
        QVERIFY(!t.dst);
    }

    // --- system zoneinfo ---------------------------------------------------------------------

    void systemZones_data() {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<std::int64_t>("unixMs");
        QTest::addColumn<QDateTime>("local");  // the wall clock, held in a UTC QDateTime
        QTest::addColumn<int>("offsetS");
        QTest::addColumn<bool>("dst");
        const auto row = [](const char* name, const char* zone, std::int64_t ms, QDate d, QTime t,
                            int offsetS, bool dst) {
            QTest::newRow(name) << QString::fromLatin1(zone) << ms << QDateTime(d, t, Qt::UTC)
                                << offsetS << dst;
        };
        // Paris, 29 March 2026 01:00 UTC: 02:00 CET becomes 03:00 CEST.
        row("Paris before spring", "Europe/Paris", utcMs(2026, 3, 29, 0, 59, 59),
            QDate(2026, 3, 29), QTime(1, 59, 59), 3600, false);
        row("Paris at spring", "Europe/Paris", utcMs(2026, 3, 29, 1, 0), QDate(2026, 3, 29),
            QTime(3, 0), 7200, true);
        // 25 October 2026 01:00 UTC: 03:00 CEST goes back to 02:00 CET.
        row("Paris before autumn", "Europe/Paris", utcMs(2026, 10, 25, 0, 59, 59),
            QDate(2026, 10, 25), QTime(2, 59, 59), 7200, true);
        row("Paris at autumn", "Europe/Paris", utcMs(2026, 10, 25, 1, 0), QDate(2026, 10, 25),
            QTime(2, 0), 3600, false);
        // 2045: beyond the tables (zic writes them to 2037), the footer rule answers.
        row("Paris 2045 before spring", "Europe/Paris", utcMs(2045, 3, 26, 0, 59, 59),
            QDate(2045, 3, 26), QTime(1, 59, 59), 3600, false);
        row("Paris 2045 at spring", "Europe/Paris", utcMs(2045, 3, 26, 1, 0), QDate(2045, 3, 26),
            QTime(3, 0), 7200, true);
        row("Paris 2045 summer", "Europe/Paris", utcMs(2045, 7, 14, 10, 30), QDate(2045, 7, 14),
            QTime(12, 30), 7200, true);
        row("Paris 2045 at autumn", "Europe/Paris", utcMs(2045, 10, 29, 1, 0), QDate(2045, 10, 29),
            QTime(2, 0), 3600, false);
        row("Paris 1900 (local mean time)", "Europe/Paris", utcMs(1900, 1, 1, 0, 0),
            QDate(1900, 1, 1), QTime(0, 9, 21), 561, false);
        row("New York before spring", "America/New_York", utcMs(2026, 3, 8, 6, 59, 59),
            QDate(2026, 3, 8), QTime(1, 59, 59), -18000, false);
        row("New York at spring", "America/New_York", utcMs(2026, 3, 8, 7, 0), QDate(2026, 3, 8),
            QTime(3, 0), -14400, true);
        row("New York before autumn", "America/New_York", utcMs(2026, 11, 1, 5, 59, 59),
            QDate(2026, 11, 1), QTime(1, 59, 59), -14400, true);
        row("New York at autumn", "America/New_York", utcMs(2026, 11, 1, 6, 0), QDate(2026, 11, 1),
            QTime(1, 0), -18000, false);
        row("New York 2045 at spring", "America/New_York", utcMs(2045, 3, 12, 7, 0),
            QDate(2045, 3, 12), QTime(3, 0), -14400, true);
        row("New York 1900", "America/New_York", utcMs(1900, 1, 1, 12, 0), QDate(1900, 1, 1),
            QTime(7, 0), -18000, false);
        row("Kolkata +05:30", "Asia/Kolkata", utcMs(2026, 1, 1, 0, 0), QDate(2026, 1, 1),
            QTime(5, 30), 19800, false);
        row("Kolkata 2045 next day", "Asia/Kolkata", utcMs(2045, 6, 30, 20, 0), QDate(2045, 7, 1),
            QTime(1, 30), 19800, false);
        // Lord Howe: +10:30, and only 30 minutes of DST (+11:00) in the southern summer.
        row("Lord Howe summer", "Australia/Lord_Howe", utcMs(2026, 1, 15, 0, 0), QDate(2026, 1, 15),
            QTime(11, 0), 39600, true);
        row("Lord Howe winter", "Australia/Lord_Howe", utcMs(2026, 7, 15, 0, 0), QDate(2026, 7, 15),
            QTime(10, 30), 37800, false);
        row("Lord Howe before DST end", "Australia/Lord_Howe", utcMs(2026, 4, 4, 14, 59, 59),
            QDate(2026, 4, 5), QTime(1, 59, 59), 39600, true);
        row("Lord Howe at DST end", "Australia/Lord_Howe", utcMs(2026, 4, 4, 15, 0),
            QDate(2026, 4, 5), QTime(1, 30), 37800, false);
        row("Lord Howe 2045 summer", "Australia/Lord_Howe", utcMs(2045, 12, 25, 0, 0),
            QDate(2045, 12, 25), QTime(11, 0), 39600, true);
    }

    void systemZones() {
        REQUIRE_ZONEINFO();
        QFETCH(QString, zone);
        QFETCH(std::int64_t, unixMs);
        QFETCH(QDateTime, local);
        QFETCH(int, offsetS);
        QFETCH(bool, dst);
        if (!QFileInfo(kZoneinfo + QLatin1Char('/') + zone).isFile()) {
            QSKIP(qPrintable(zone + QStringLiteral(" is not in this tzdata")));
        }
        const auto tz = TimeZone::load(zone.toStdString());
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().message.c_str());
        QCOMPARE(tz->name(), zone.toStdString());
        const LocalTime t = tz->toLocal(unixMs);
        QCOMPARE(QDate(t.year, t.month, t.day), local.date());
        QCOMPARE(t.weekday, local.date().dayOfWeek() - 1);
        QCOMPARE(t.minuteOfDay, local.time().hour() * 60 + local.time().minute());
        QCOMPARE(t.second, local.time().second());
        QCOMPARE(t.utcOffsetS, offsetS);
        QCOMPARE(t.dst, dst);
    }

    // The footer rule must agree with zic's own tables wherever both answer (2026–2037), for
    // zones whose current rules exercise every part of the POSIX syntax.
    void footerAgreesWithTable_data() {
        QTest::addColumn<QString>("zone");
        QTest::newRow("Paris: M.w.d /3") << QStringLiteral("Europe/Paris");
        QTest::newRow("New York: default times") << QStringLiteral("America/New_York");
        QTest::newRow("Lord Howe: 30 min DST, southern") << QStringLiteral("Australia/Lord_Howe");
        QTest::newRow("Jerusalem: /26") << QStringLiteral("Asia/Jerusalem");
        QTest::newRow("Nuuk: /-1") << QStringLiteral("America/Nuuk");
        QTest::newRow("Santiago: /24, southern") << QStringLiteral("America/Santiago");
        QTest::newRow("Chatham: +12:45, /2:45") << QStringLiteral("Pacific/Chatham");
        QTest::newRow("Kolkata: no DST") << QStringLiteral("Asia/Kolkata");
    }

    void footerAgreesWithTable() {
        REQUIRE_ZONEINFO();
        QFETCH(QString, zone);
        const QString path = kZoneinfo + QLatin1Char('/') + zone;
        if (!QFileInfo(path).isFile()) {
            QSKIP(qPrintable(zone + QStringLiteral(" is not in this tzdata")));
        }
        const auto tz = TimeZone::load(zone.toStdString());
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().message.c_str());
        const std::string footer = footerOf(path);
        QVERIFY(!footer.empty());
        const auto rule = detail::parsePosixTz(footer);
        QVERIFY2(rule.ok(), rule.ok() ? "" : rule.error().message.c_str());
        int mismatches = 0;
        for (std::int64_t s = utcMs(2026, 1, 1, 0, 0) / 1000; s < utcMs(2038, 1, 1, 0, 0) / 1000;
             s += 900) {
            const LocalTime t = tz->toLocal(s * 1000);
            const detail::UtcOffset o = detail::posixOffsetAt(*rule, s);
            if (t.utcOffsetS != o.utcOffsetS || t.dst != o.dst) {
                if (++mismatches == 1) {
                    qWarning("first mismatch at %lld: table %d, footer %d",
                             static_cast<long long>(s), t.utcOffsetS, o.utcOffsetS);
                }
            }
        }
        QCOMPARE(mismatches, 0);
    }

    void rejectsBadNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringLiteral("Europe/Pari")
                                 << QStringLiteral("unknown time zone 'Europe/Pari'");
        QTest::newRow("a directory")
            << QStringLiteral("Europe") << QStringLiteral("unknown time zone 'Europe'");
        QTest::newRow("traversal") << QStringLiteral("../../../etc/passwd")
                                   << QStringLiteral("unknown time zone '../../../etc/passwd'");
        QTest::newRow("traversal inside") << QStringLiteral("Europe/../../../etc/passwd")
                                          << QStringLiteral("not an IANA time zone name");
        QTest::newRow("absolute") << QStringLiteral("/etc/localtime")
                                  << QStringLiteral("unknown time zone '/etc/localtime'");
        QTest::newRow("empty") << QString() << QStringLiteral("unknown time zone ''");
        QTest::newRow("hidden") << QStringLiteral(".hidden")
                                << QStringLiteral("not an IANA time zone name");
        QTest::newRow("odd characters")
            << QStringLiteral("Europe/Paris;rm") << QStringLiteral("not an IANA time zone name");
    }

    void rejectsBadNames() {
        REQUIRE_ZONEINFO();
        QFETCH(QString, name);
        QFETCH(QString, message);
        const auto tz = TimeZone::load(name.toStdString());
        QVERIFY(!tz.ok());
        QVERIFY2(QString::fromStdString(tz.error().message).contains(message),
                 tz.error().message.c_str());
    }

    void missingDatabaseSaysWhatToInstall() {
        const auto tz = TimeZone::load("Europe/Paris", "/nonexistent/zoneinfo");
        QVERIFY(!tz.ok());
        QVERIFY2(QString::fromStdString(tz.error().message).contains(QStringLiteral("tzdata")),
                 tz.error().message.c_str());
    }

    void rejectsFilesThatAreNotTzif() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("Fake")));
        {
            QFile f(dir.filePath(QStringLiteral("Fake/Zone")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# not a time zone\nEurope/Paris\n");
        }
        {
            QFile f(dir.filePath(QStringLiteral("Fake/Short")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("TZif2");
        }
        for (const char* name : {"Fake/Zone", "Fake/Short"}) {
            const auto tz = TimeZone::load(name, dir.path().toStdString());
            QVERIFY(!tz.ok());
            QVERIFY2(QString::fromStdString(tz.error().message).contains(QStringLiteral("TZif")),
                     tz.error().message.c_str());
        }
        // A hand-made valid file in the same directory loads: the directory is honoured.
        {
            TzifSpec spec;
            spec.types = {{19800, false}};
            spec.footer = "<+0530>-5:30";
            QFile f(dir.filePath(QStringLiteral("Fake/Valid")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            const std::string bytes = tzif(spec);
            f.write(bytes.data(), static_cast<qint64>(bytes.size()));
        }
        const auto tz = TimeZone::load("Fake/Valid", dir.path().toStdString());
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().message.c_str());
        QCOMPARE(tz->toLocal(0).utcOffsetS, 19800);
    }

    // --- hand-made TZif files ----------------------------------------------------------------

    void handMadeFiles_data() {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<std::int64_t>("unixMs");
        QTest::addColumn<int>("offsetS");
        QTest::addColumn<bool>("dst");
        const std::int64_t t0 = 1'000'000'000;  // 2001-09-09 01:46:40 UTC

        TzifSpec v1;
        v1.version = '\0';
        v1.times = {t0};
        v1.typeIndices = {1};
        v1.types = {{3600, false}, {7200, true}};
        QTest::newRow("v1 before") << tzif(v1) << (t0 - 1) * 1000 << 3600 << false;
        QTest::newRow("v1 at") << tzif(v1) << t0 * 1000 << 7200 << true;
        QTest::newRow("v1 after: last type, no footer")
            << tzif(v1) << utcMs(2045, 1, 1, 0, 0) << 7200 << true;

        // "slim": no transitions at all, everything from the footer.
        TzifSpec slim;
        slim.version = '3';
        slim.types = {{3600, false}};
        slim.footer = "CET-1CEST,M3.5.0,M10.5.0/3";
        QTest::newRow("slim winter")
            << tzif(slim) << utcMs(2026, 3, 29, 0, 59, 59) << 3600 << false;
        QTest::newRow("slim summer") << tzif(slim) << utcMs(2026, 3, 29, 1, 0) << 7200 << true;
        QTest::newRow("slim 1975") << tzif(slim) << utcMs(1975, 7, 1, 0, 0) << 7200 << true;

        // Table, then footer after the last transition.
        TzifSpec mixed = v1;
        mixed.version = '2';
        mixed.footer = "EST5EDT,M3.2.0,M11.1.0";
        QTest::newRow("v2 before table") << tzif(mixed) << (t0 - 1) * 1000 << 3600 << false;
        QTest::newRow("v2 footer winter")
            << tzif(mixed) << utcMs(2026, 1, 1, 0, 0) << -18000 << false;
        QTest::newRow("v2 footer summer")
            << tzif(mixed) << utcMs(2026, 7, 1, 0, 0) << -14400 << true;

        // An empty footer: the last type stays in effect.
        TzifSpec noRule = mixed;
        noRule.footer.clear();
        QTest::newRow("v2 empty footer") << tzif(noRule) << utcMs(2045, 1, 1, 0, 0) << 7200 << true;

        TzifSpec v4 = slim;
        v4.version = '4';
        QTest::newRow("v4") << tzif(v4) << utcMs(2026, 7, 1, 0, 0) << 7200 << true;
    }

    void handMadeFiles() {
        QFETCH(std::string, bytes);
        QFETCH(std::int64_t, unixMs);
        QFETCH(int, offsetS);
        QFETCH(bool, dst);
        const auto tz = TimeZone::fromTzifData("Test/Zone", bytes);
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().message.c_str());
        const LocalTime t = tz->toLocal(unixMs);
        QCOMPARE(t.utcOffsetS, offsetS);
        QCOMPARE(t.dst, dst);
    }

    void rejectsMalformedTzif_data() {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<QString>("message");
        TzifSpec good;
        good.times = {0, 100};
        good.typeIndices = {0, 1};
        good.types = {{0, false}, {3600, true}};
        good.footer = "CET-1";
        QVERIFY(TimeZone::fromTzifData("x", tzif(good)).ok());

        std::string wrongMagic = tzif(good);
        wrongMagic[0] = 'X';
        QTest::newRow("magic") << wrongMagic << QStringLiteral("not a TZif file");
        const std::string full = tzif(good);
        QTest::newRow("truncated")
            << full.substr(0, full.size() - 20) << QStringLiteral("truncated");
        QTest::newRow("no footer") << full.substr(0, full.size() - 7) << QStringLiteral("footer");
        TzifSpec badIndex = good;
        badIndex.typeIndices = {0, 2};
        QTest::newRow("type index") << tzif(badIndex) << QStringLiteral("missing local time type");
        TzifSpec unsorted = good;
        unsorted.times = {100, 0};
        QTest::newRow("unsorted") << tzif(unsorted) << QStringLiteral("not ascending");
        TzifSpec noTypes = good;
        noTypes.times.clear();
        noTypes.typeIndices.clear();
        noTypes.types.clear();
        QTest::newRow("no types") << tzif(noTypes) << QStringLiteral("inconsistent counts");
        TzifSpec leap = good;
        leap.leapCount = 1;
        QTest::newRow("leap seconds") << tzif(leap) << QStringLiteral("leap-second");
        TzifSpec badFooter = good;
        badFooter.footer = "Paris";
        QTest::newRow("bad footer") << tzif(badFooter) << QStringLiteral("not a POSIX TZ rule");
        TzifSpec hugeOffset = good;
        hugeOffset.types[1].first = 100'000;
        QTest::newRow("offset") << tzif(hugeOffset) << QStringLiteral("out of range");
        std::string badVersion = tzif(good);
        badVersion[4] = '1';
        QTest::newRow("version") << badVersion << QStringLiteral("version");
    }

    void rejectsMalformedTzif() {
        QFETCH(std::string, bytes);
        QFETCH(QString, message);
        const auto tz = TimeZone::fromTzifData("Test/Zone", bytes);
        QVERIFY(!tz.ok());
        QVERIFY2(QString::fromStdString(tz.error().message).contains(message),
                 tz.error().message.c_str());
    }

    // --- POSIX TZ rules ----------------------------------------------------------------------

    void posixParse_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("stdName");
        QTest::addColumn<int>("stdOffsetS");
        QTest::addColumn<QString>("dstName");  // empty: no DST
        QTest::addColumn<int>("dstOffsetS");
        QTest::addColumn<QString>("start");  // "M3.5.0/7200", "J60/0", "n59/7200": describe()
        QTest::addColumn<QString>("end");
        QTest::newRow("Paris") << "CET-1CEST,M3.5.0,M10.5.0/3"
                               << "CET" << 3600 << "CEST" << 7200 << "M3.5.0/7200"
                               << "M10.5.0/10800";
        QTest::newRow("New York") << "EST5EDT,M3.2.0,M11.1.0"
                                  << "EST" << -18000 << "EDT" << -14400 << "M3.2.0/7200"
                                  << "M11.1.0/7200";
        QTest::newRow("Tehran-like, quoted") << "<+0330>-3:30"
                                             << "+0330" << 12600 << "" << 0 << ""
                                             << "";
        QTest::newRow("Israel, /26") << "IST-2IDT,M3.4.4/26,M10.5.0"
                                     << "IST" << 7200 << "IDT" << 10800 << "M3.4.4/93600"
                                     << "M10.5.0/7200";
        QTest::newRow("Lord Howe, explicit DST offset")
            << "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"
            << "+1030" << 37800 << "+11" << 39600 << "M10.1.0/7200"
            << "M4.1.0/7200";
        QTest::newRow("Nuuk, negative time") << "<-02>2<-01>,M3.5.0/-1,M10.5.0/0"
                                             << "-02" << -7200 << "-01" << -3600 << "M3.5.0/-3600"
                                             << "M10.5.0/0";
        QTest::newRow("Julian days") << "AAA0BBB,J60/0,J300/1:30:15"
                                     << "AAA" << 0 << "BBB" << 3600 << "J60/0"
                                     << "J300/5415";
        QTest::newRow("zero-based days") << "AAA+0BBB,59,365/-167"
                                         << "AAA" << 0 << "BBB" << 3600 << "n59/7200"
                                         << "n365/-601200";
        QTest::newRow("all-year DST") << "EST5EDT,0/0,J365/25"
                                      << "EST" << -18000 << "EDT" << -14400 << "n0/0"
                                      << "J365/90000";
        QTest::newRow("default rule (US)") << "EST5EDT"
                                           << "EST" << -18000 << "EDT" << -14400 << "M3.2.0/7200"
                                           << "M11.1.0/7200";
        QTest::newRow("seconds in offset") << "LMT-0:09:21"
                                           << "LMT" << 561 << "" << 0 << ""
                                           << "";
        QTest::newRow("UTC") << "UTC0"
                             << "UTC" << 0 << "" << 0 << ""
                             << "";
    }

    void posixParse() {
        QFETCH(QString, spec);
        QFETCH(QString, stdName);
        QFETCH(int, stdOffsetS);
        QFETCH(QString, dstName);
        QFETCH(int, dstOffsetS);
        QFETCH(QString, start);
        QFETCH(QString, end);
        const auto tz = detail::parsePosixTz(spec.toStdString());
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().message.c_str());
        QCOMPARE(QString::fromStdString(tz->stdName), stdName);
        QCOMPARE(tz->stdOffsetS, stdOffsetS);
        QCOMPARE(tz->hasDst, !dstName.isEmpty());
        if (tz->hasDst) {
            QCOMPARE(QString::fromStdString(tz->dstName), dstName);
            QCOMPARE(tz->dstOffsetS, dstOffsetS);
            QCOMPARE(describe(tz->dstStart), start);
            QCOMPARE(describe(tz->dstEnd), end);
        }
    }

    void posixRejects_data() {
        QTest::addColumn<QString>("spec");
        QTest::newRow("empty") << "";
        QTest::newRow("no offset") << "CET";
        QTest::newRow("short name") << "CE-1";
        QTest::newRow("unterminated quote") << "<+0330-3:30";
        QTest::newRow("empty quote") << "<>-3";
        QTest::newRow("offset > 24 h") << "CET-25";
        QTest::newRow("minutes > 59") << "CET-1:60";
        QTest::newRow("trailing garbage") << "CET-1 extra";
        QTest::newRow("one rule only") << "CET-1CEST,M3.5.0";
        QTest::newRow("month 13") << "CET-1CEST,M13.5.0,M10.5.0";
        QTest::newRow("week 6") << "CET-1CEST,M3.6.0,M10.5.0";
        QTest::newRow("weekday 7") << "CET-1CEST,M3.5.7,M10.5.0";
        QTest::newRow("J0") << "CET-1CEST,J0,J300";
        QTest::newRow("J366") << "CET-1CEST,J60,J366";
        QTest::newRow("day 366") << "CET-1CEST,366,300";
        QTest::newRow("time > 167 h") << "CET-1CEST,M3.5.0/168,M10.5.0";
        QTest::newRow("text after rules") << "CET-1CEST,M3.5.0,M10.5.0/3,";
    }

    void posixRejects() {
        QFETCH(QString, spec);
        const auto tz = detail::parsePosixTz(spec.toStdString());
        QVERIFY(!tz.ok());
        QVERIFY2(QString::fromStdString(tz.error().message).contains(QStringLiteral("POSIX")),
                 tz.error().message.c_str());
    }

    void posixOffset_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<std::int64_t>("unixMs");
        QTest::addColumn<int>("offsetS");
        QTest::addColumn<bool>("dst");
        const QString paris = QStringLiteral("CET-1CEST,M3.5.0,M10.5.0/3");
        QTest::newRow("Paris before spring")
            << paris << utcMs(2026, 3, 29, 0, 59, 59) << 3600 << false;
        QTest::newRow("Paris at spring") << paris << utcMs(2026, 3, 29, 1, 0) << 7200 << true;
        QTest::newRow("Paris before autumn")
            << paris << utcMs(2026, 10, 25, 0, 59, 59) << 7200 << true;
        QTest::newRow("Paris at autumn") << paris << utcMs(2026, 10, 25, 1, 0) << 3600 << false;
        QTest::newRow("Paris new year") << paris << utcMs(2045, 12, 31, 23, 30) << 3600 << false;
        const QString ny = QStringLiteral("EST5EDT,M3.2.0,M11.1.0");
        QTest::newRow("NY before spring") << ny << utcMs(2026, 3, 8, 6, 59, 59) << -18000 << false;
        QTest::newRow("NY at spring") << ny << utcMs(2026, 3, 8, 7, 0) << -14400 << true;
        QTest::newRow("NY at autumn") << ny << utcMs(2026, 11, 1, 6, 0) << -18000 << false;
        QTest::newRow("fixed +03:30")
            << "<+0330>-3:30" << utcMs(2026, 6, 1, 0, 0) << 12600 << false;
        // Israel: Thursday of the 4th week of March at 26:00, i.e. Friday 27 March 02:00.
        const QString il = QStringLiteral("IST-2IDT,M3.4.4/26,M10.5.0");
        QTest::newRow("Israel before") << il << utcMs(2026, 3, 26, 23, 59, 59) << 7200 << false;
        QTest::newRow("Israel at") << il << utcMs(2026, 3, 27, 0, 0) << 10800 << true;
        QTest::newRow("Israel end") << il << utcMs(2026, 10, 24, 23, 0) << 7200 << false;
        QTest::newRow("Israel before end")
            << il << utcMs(2026, 10, 24, 22, 59, 59) << 10800 << true;
        // Southern hemisphere: DST across New Year.
        const QString lh = QStringLiteral("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
        QTest::newRow("Lord Howe summer") << lh << utcMs(2026, 1, 15, 0, 0) << 39600 << true;
        QTest::newRow("Lord Howe new year") << lh << utcMs(2045, 12, 31, 13, 0) << 39600 << true;
        QTest::newRow("Lord Howe winter") << lh << utcMs(2026, 7, 15, 0, 0) << 37800 << false;
        QTest::newRow("Lord Howe end") << lh << utcMs(2026, 4, 4, 15, 0) << 37800 << false;
        QTest::newRow("Lord Howe before end")
            << lh << utcMs(2026, 4, 4, 14, 59, 59) << 39600 << true;
        // Nuuk: "-1:00" on the last Sunday of March = Saturday 23:00 local = Sunday 01:00 UTC.
        const QString nuuk = QStringLiteral("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
        QTest::newRow("Nuuk before") << nuuk << utcMs(2026, 3, 29, 0, 59, 59) << -7200 << false;
        QTest::newRow("Nuuk at") << nuuk << utcMs(2026, 3, 29, 1, 0) << -3600 << true;
        // Jn never counts 29 February; n does.
        QTest::newRow("J60 is 1 March in a leap year")
            << "AAA0BBB,J60/0,J300/0" << utcMs(2028, 2, 29, 23, 59, 59) << 0 << false;
        QTest::newRow("J60 at 1 March")
            << "AAA0BBB,J60/0,J300/0" << utcMs(2028, 3, 1, 0, 0) << 3600 << true;
        QTest::newRow("n59 is 29 February in a leap year")
            << "AAA0BBB,59/0,J300/0" << utcMs(2028, 2, 29, 0, 0) << 3600 << true;
        QTest::newRow("n59 is 1 March otherwise")
            << "AAA0BBB,59/0,J300/0" << utcMs(2027, 2, 28, 23, 59, 59) << 0 << false;
        // DST from 1 January 00:00 to 31 December 24:00 + 1 h: DST all year, no gap.
        const QString allYear = QStringLiteral("EST5EDT,0/0,J365/25");
        QTest::newRow("all year, new year") << allYear << utcMs(2027, 1, 1, 5, 0) << -14400 << true;
        QTest::newRow("all year, just before")
            << allYear << utcMs(2027, 1, 1, 4, 59, 59) << -14400 << true;
        QTest::newRow("all year, summer") << allYear << utcMs(2026, 7, 1, 0, 0) << -14400 << true;
        QTest::newRow("before 1970") << paris << utcMs(1950, 7, 1, 0, 0) << 7200 << true;
    }

    void posixOffset() {
        QFETCH(QString, spec);
        QFETCH(std::int64_t, unixMs);
        QFETCH(int, offsetS);
        QFETCH(bool, dst);
        const auto tz = detail::parsePosixTz(spec.toStdString());
        QVERIFY2(tz.ok(), tz.ok() ? "" : tz.error().message.c_str());
        const detail::UtcOffset o = detail::posixOffsetAt(*tz, unixMs / 1000);
        QCOMPARE(o.utcOffsetS, offsetS);
        QCOMPARE(o.dst, dst);
    }

private:
    static QString describe(const PosixRuleDate& r) {
        QString date;
        switch (r.kind) {
            case PosixRuleDate::Kind::JulianNoLeap:
                date = QStringLiteral("J%1").arg(r.day);
                break;
            case PosixRuleDate::Kind::ZeroBased:
                date = QStringLiteral("n%1").arg(r.day);
                break;
            case PosixRuleDate::Kind::MonthWeekDay:
                date = QStringLiteral("M%1.%2.%3").arg(r.month).arg(r.week).arg(r.day);
                break;
            case PosixRuleDate::Kind::Invalid:
                date = QStringLiteral("invalid");
                break;
        }
        return date + QStringLiteral("/%1").arg(r.timeS);
    }
};

QTEST_APPLESS_MAIN(TestTimeZone)
#include "tst_time_zone.moc"
