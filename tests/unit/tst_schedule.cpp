// Schedules: weekly windows, weekends, all-day and midnight-spanning windows, 24:00 ends,
// exceptions (off all day, replacement windows, which day owns a night), nextChange(), and
// ScheduleEvaluator on the Paris wall clock across both DST changes of 2026.
#include <QtTest>

#include <QDateTime>
#include <QFileInfo>

#include <spdlog/sinks/ostream_sink.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "core/log.h"
#include "core/schedule.h"

using namespace vigie::core;

namespace {

constexpr std::uint8_t kMon = 0x01;
constexpr std::uint8_t kTue = 0x02;
constexpr std::uint8_t kFri = 0x10;
constexpr std::uint8_t kWeekdays = 0x1F;
constexpr std::uint8_t kWeekend = 0x60;
constexpr std::uint8_t kAllDays = 0x7F;
constexpr int kNone = -1;  // nextChange: no change within the horizon

std::int64_t utcMs(int y, int mo, int d, int h, int mi, int s = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

// A local time built without TimeZone: Qt gives the weekday.
LocalTime local(int y, int mo, int d, int h, int mi) {
    LocalTime t;
    t.year = y;
    t.month = mo;
    t.day = d;
    t.weekday = QDate(y, mo, d).dayOfWeek() - 1;
    t.minuteOfDay = h * 60 + mi;
    return t;
}

WeeklyWindow window(std::uint8_t days, int startH, int startM, int endH, int endM) {
    return WeeklyWindow{days, startH * 60 + startM, endH * 60 + endM};
}

ScheduleException exception(int y, int mo, int d, std::vector<WeeklyWindow> windows = {}) {
    return ScheduleException{CalendarDate{y, mo, d}, std::move(windows)};
}

// The schedules the tests use, by name. 2026-11-30 is a Monday, 2026-12-25 a Friday.
Schedule schedule(const QString& which) {
    Schedule s;
    s.id = which.toStdString();
    if (which == QLatin1String("office")) {
        s.weekly = {window(kWeekdays, 8, 0, 19, 0)};
        s.exceptions = {exception(2026, 12, 25),                              // Friday, off
                        exception(2026, 12, 24, {window(0, 8, 0, 12, 0)}),    // half day
                        exception(2026, 12, 26, {window(0, 10, 0, 14, 0)})};  // Saturday
    } else if (which == QLatin1String("weekend")) {
        s.weekly = {window(kWeekend, 0, 0, 24, 0)};
    } else if (which == QLatin1String("always")) {
        s.weekly = {window(kAllDays, 0, 0, 24, 0)};
    } else if (which == QLatin1String("friday evening")) {
        s.weekly = {window(kFri, 20, 0, 24, 0)};
    } else if (which == QLatin1String("monday night")) {
        s.weekly = {window(kMon, 22, 0, 6, 0)};
    } else if (which == QLatin1String("monday night, tuesday off")) {
        s.weekly = {window(kMon, 22, 0, 6, 0)};
        s.exceptions = {exception(2026, 12, 1)};
    } else if (which == QLatin1String("monday night, monday off")) {
        s.weekly = {window(kMon, 22, 0, 6, 0)};
        s.exceptions = {exception(2026, 11, 30)};
    } else if (which == QLatin1String("nightly")) {
        s.weekly = {window(kAllDays, 22, 0, 6, 0)};
        s.exceptions = {exception(2026, 12, 2, {window(0, 23, 0, 2, 0)}),  // Wednesday
                        exception(2028, 2, 29)};                           // leap day off
    } else if (which == QLatin1String("split")) {
        s.weekly = {window(kMon | kTue, 8, 0, 12, 0), window(kMon | kTue, 14, 0, 18, 0)};
    } else if (which == QLatin1String("day")) {
        s.weekly = {window(kAllDays, 8, 0, 19, 0)};
    } else if (which == QLatin1String("early")) {
        s.weekly = {window(kAllDays, 2, 30, 5, 0)};
    } else if (which == QLatin1String("past midnight")) {
        s.weekly = {window(kAllDays, 0, 0, 2, 30)};
    }
    return s;  // "empty": no windows
}

bool haveParis() {
    return QFileInfo(QStringLiteral("/usr/share/zoneinfo/Europe/Paris")).isFile();
}

#define REQUIRE_PARIS()                                                                   \
    do {                                                                                  \
        if (!haveParis()) {                                                               \
            QSKIP("no Europe/Paris in /usr/share/zoneinfo (install the tzdata package)"); \
        }                                                                                 \
    } while (false)

Site parisSite() {
    Site site;
    site.id = "s";
    site.timezone = "Europe/Paris";
    site.schedules = {schedule(QStringLiteral("day")), schedule(QStringLiteral("office"))};
    return site;
}

}  // namespace

class TestSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isActiveAt_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QDateTime>("at");  // local wall clock, held in a UTC QDateTime
        QTest::addColumn<bool>("active");
        const auto row = [](const char* name, const char* which, int y, int mo, int d, int h,
                            int mi, bool active) {
            QTest::newRow(name) << QString::fromLatin1(which)
                                << QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC) << active;
        };
        // Weekdays 08:00–19:00 (end exclusive).
        row("office Monday 07:59", "office", 2026, 11, 30, 7, 59, false);
        row("office Monday 08:00", "office", 2026, 11, 30, 8, 0, true);
        row("office Monday 18:59", "office", 2026, 11, 30, 18, 59, true);
        row("office Monday 19:00", "office", 2026, 11, 30, 19, 0, false);
        row("office Friday 12:00", "office", 2026, 12, 4, 12, 0, true);
        row("office Saturday 12:00", "office", 2026, 12, 5, 12, 0, false);
        row("office Sunday 12:00", "office", 2026, 12, 6, 12, 0, false);
        // Exceptions: off all day, a half day, a Saturday that works.
        row("Christmas off", "office", 2026, 12, 25, 10, 0, false);
        row("Christmas Eve 11:59", "office", 2026, 12, 24, 11, 59, true);
        row("Christmas Eve 12:00", "office", 2026, 12, 24, 12, 0, false);
        row("Christmas Eve 07:59", "office", 2026, 12, 24, 7, 59, false);
        row("exceptional Saturday 10:00", "office", 2026, 12, 26, 10, 0, true);
        row("exceptional Saturday 14:00", "office", 2026, 12, 26, 14, 0, false);
        row("exception of another year", "office", 2027, 12, 24, 15, 0, true);
        // Weekend all day.
        row("weekend Saturday 00:00", "weekend", 2026, 12, 5, 0, 0, true);
        row("weekend Sunday 23:59", "weekend", 2026, 12, 6, 23, 59, true);
        row("weekend Monday 00:00", "weekend", 2026, 12, 7, 0, 0, false);
        row("weekend Friday 23:59", "weekend", 2026, 12, 4, 23, 59, false);
        row("always", "always", 2026, 7, 14, 3, 17, true);
        row("empty", "empty", 2026, 7, 14, 3, 17, false);
        // 24:00 ends at midnight exactly and does not reach into the next day.
        row("evening Friday 19:59", "friday evening", 2026, 12, 4, 19, 59, false);
        row("evening Friday 20:00", "friday evening", 2026, 12, 4, 20, 0, true);
        row("evening Friday 23:59", "friday evening", 2026, 12, 4, 23, 59, true);
        row("evening Saturday 00:00", "friday evening", 2026, 12, 5, 0, 0, false);
        // Two windows a day.
        row("split 12:00", "split", 2026, 11, 30, 12, 0, false);
        row("split 14:00", "split", 2026, 11, 30, 14, 0, true);
        row("split Tuesday 17:59", "split", 2026, 12, 1, 17, 59, true);
        row("split Wednesday 10:00", "split", 2026, 12, 2, 10, 0, false);
        // Monday 22:00–06:00 covers Monday 22:00–24:00 and Tuesday 00:00–06:00, not more.
        row("night Monday 21:59", "monday night", 2026, 11, 30, 21, 59, false);
        row("night Monday 22:00", "monday night", 2026, 11, 30, 22, 0, true);
        row("night Monday 23:59", "monday night", 2026, 11, 30, 23, 59, true);
        row("night Tuesday 00:00", "monday night", 2026, 12, 1, 0, 0, true);
        row("night Tuesday 05:59", "monday night", 2026, 12, 1, 5, 59, true);
        row("night Tuesday 06:00", "monday night", 2026, 12, 1, 6, 0, false);
        row("night Tuesday 22:00", "monday night", 2026, 12, 1, 22, 0, false);
        row("night Monday 03:00 (Sunday not set)", "monday night", 2026, 11, 30, 3, 0, false);
        row("night Sunday 23:00", "monday night", 2026, 11, 29, 23, 0, false);
        // The night belongs to the day it starts: an exception on Tuesday keeps Monday's tail…
        row("Tuesday off keeps Monday's tail", "monday night, tuesday off", 2026, 12, 1, 3, 0,
            true);
        row("Tuesday off, Monday evening", "monday night, tuesday off", 2026, 11, 30, 23, 0, true);
        // …and an exception on Monday removes the whole night, Tuesday morning included.
        row("Monday off, Monday evening", "monday night, monday off", 2026, 11, 30, 23, 0, false);
        row("Monday off, Tuesday morning", "monday night, monday off", 2026, 12, 1, 3, 0, false);
        row("Monday off, next Tuesday", "monday night, monday off", 2026, 12, 8, 3, 0, true);
        // Replacement windows can span midnight too (Wednesday 23:00–02:00 instead of 22–06).
        row("nightly Tuesday 23:00", "nightly", 2026, 12, 1, 23, 0, true);
        row("nightly Wednesday 05:00 (Tuesday's tail)", "nightly", 2026, 12, 2, 5, 0, true);
        row("nightly Wednesday 22:30", "nightly", 2026, 12, 2, 22, 30, false);
        row("nightly Wednesday 23:00", "nightly", 2026, 12, 2, 23, 0, true);
        row("nightly Thursday 01:59", "nightly", 2026, 12, 3, 1, 59, true);
        row("nightly Thursday 02:00", "nightly", 2026, 12, 3, 2, 0, false);
        row("nightly Thursday 22:00", "nightly", 2026, 12, 3, 22, 0, true);
        // The previous day across a year boundary and a leap day.
        row("nightly New Year 05:59", "nightly", 2027, 1, 1, 5, 59, true);
        row("nightly 29 February 05:00 (28th's tail)", "nightly", 2028, 2, 29, 5, 0, true);
        row("nightly 29 February 23:00 (off)", "nightly", 2028, 2, 29, 23, 0, false);
        row("nightly 1 March 05:00 (29th off)", "nightly", 2028, 3, 1, 5, 0, false);
        row("nightly 1 March 23:00", "nightly", 2028, 3, 1, 23, 0, true);
    }

    void isActiveAt() {
        QFETCH(QString, which);
        QFETCH(QDateTime, at);
        QFETCH(bool, active);
        const LocalTime t = local(at.date().year(), at.date().month(), at.date().day(),
                                  at.time().hour(), at.time().minute());
        QCOMPARE(vigie::core::isActiveAt(schedule(which), t), active);
    }

    void nextChange_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<std::int64_t>("fromMs");
        QTest::addColumn<std::int64_t>("expectedMs");  // kNone: no change within 8 days
        const auto row = [](const char* name, const char* which, const char* zone,
                            std::int64_t from, std::int64_t expected) {
            QTest::newRow(name) << QString::fromLatin1(which) << QString::fromLatin1(zone) << from
                                << expected;
        };
        row("office: active until 19:00", "office", "UTC", utcMs(2026, 11, 30, 10, 0),
            utcMs(2026, 11, 30, 19, 0));
        row("office: at 08:00 exactly, until 19:00", "office", "UTC", utcMs(2026, 11, 30, 8, 0),
            utcMs(2026, 11, 30, 19, 0));
        row("office: mid-minute", "office", "UTC", utcMs(2026, 11, 30, 7, 59, 30),
            utcMs(2026, 11, 30, 8, 0));
        row("office: Friday evening to Monday", "office", "UTC", utcMs(2026, 12, 4, 19, 30),
            utcMs(2026, 12, 7, 8, 0));
        row("office: half day, then the exceptional Saturday", "office", "UTC",
            utcMs(2026, 12, 24, 12, 30), utcMs(2026, 12, 26, 10, 0));
        row("night: until Tuesday 06:00", "monday night", "UTC", utcMs(2026, 11, 30, 23, 0),
            utcMs(2026, 12, 1, 6, 0));
        row("night: a week ahead", "monday night", "UTC", utcMs(2026, 12, 1, 6, 0),
            utcMs(2026, 12, 7, 22, 0));
        row("always: no change", "always", "UTC", utcMs(2026, 11, 30, 10, 0), kNone);
        row("empty: no change", "empty", "UTC", utcMs(2026, 11, 30, 10, 0), kNone);
        // Paris wall clock: the Saturday before the spring change, to Sunday 08:00 CEST.
        row("Paris: across spring", "day", "Europe/Paris", utcMs(2026, 3, 28, 18, 30),
            utcMs(2026, 3, 29, 6, 0));
        row("Paris: Sunday in CEST", "day", "Europe/Paris", utcMs(2026, 3, 29, 7, 0),
            utcMs(2026, 3, 29, 17, 0));
        row("Paris: Friday to Monday in CEST", "office", "Europe/Paris", utcMs(2026, 3, 27, 19, 0),
            utcMs(2026, 3, 30, 6, 0));
        // 02:30 does not exist on 29 March: the window opens when the clock jumps to 03:00.
        row("Paris: window in the missing hour", "early", "Europe/Paris", utcMs(2026, 3, 29, 0, 0),
            utcMs(2026, 3, 29, 1, 0));
        // 02:00–03:00 happens twice on 25 October: 02:30 is crossed twice.
        row("Paris: closes at the first 02:30", "past midnight", "Europe/Paris",
            utcMs(2026, 10, 24, 23, 0), utcMs(2026, 10, 25, 0, 30));
        row("Paris: reopens at the second 02:00", "past midnight", "Europe/Paris",
            utcMs(2026, 10, 25, 0, 45), utcMs(2026, 10, 25, 1, 0));
    }

    void nextChange() {
        QFETCH(QString, which);
        QFETCH(QString, zone);
        QFETCH(std::int64_t, fromMs);
        QFETCH(std::int64_t, expectedMs);
        TimeZone tz = TimeZone::utc();
        if (zone != QLatin1String("UTC")) {
            REQUIRE_PARIS();
            auto loaded = TimeZone::load(zone.toStdString());
            QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
            tz = *loaded;
        }
        const Schedule s = schedule(which);
        const std::optional<std::int64_t> next = vigie::core::nextChange(s, tz, fromMs);
        if (expectedMs == kNone) {
            QVERIFY(!next.has_value());
            return;
        }
        QVERIFY(next.has_value());
        QCOMPARE(*next, expectedMs);
        // It is a real change, and the first one.
        const bool before = vigie::core::isActiveAt(s, tz.toLocal(fromMs));
        QCOMPARE(vigie::core::isActiveAt(s, tz.toLocal(*next)), !before);
        QCOMPARE(vigie::core::isActiveAt(s, tz.toLocal(*next - 1)), before);
    }

    // 08:00–19:00 stays 08:00–19:00 on the Paris wall clock on both sides of each change.
    void evaluatorAcrossDst_data() {
        QTest::addColumn<std::int64_t>("unixMs");
        QTest::addColumn<bool>("active");
        const auto row = [](const char* name, std::int64_t ms, bool active) {
            QTest::newRow(name) << ms << active;
        };
        // Saturday 28 March, CET (UTC+1).
        row("28 Mar 07:59 CET", utcMs(2026, 3, 28, 6, 59), false);
        row("28 Mar 08:00 CET", utcMs(2026, 3, 28, 7, 0), true);
        row("28 Mar 18:59 CET", utcMs(2026, 3, 28, 17, 59), true);
        row("28 Mar 19:00 CET", utcMs(2026, 3, 28, 18, 0), false);
        // Sunday 29 March, CEST (UTC+2).
        row("29 Mar 07:59 CEST", utcMs(2026, 3, 29, 5, 59), false);
        row("29 Mar 08:00 CEST", utcMs(2026, 3, 29, 6, 0), true);
        row("29 Mar 18:59 CEST", utcMs(2026, 3, 29, 16, 59), true);
        row("29 Mar 19:00 CEST", utcMs(2026, 3, 29, 17, 0), false);
        // Saturday 24 October, CEST.
        row("24 Oct 07:59 CEST", utcMs(2026, 10, 24, 5, 59), false);
        row("24 Oct 08:00 CEST", utcMs(2026, 10, 24, 6, 0), true);
        row("24 Oct 19:00 CEST", utcMs(2026, 10, 24, 17, 0), false);
        // Sunday 25 October, CET again.
        row("25 Oct 07:59 CET", utcMs(2026, 10, 25, 6, 59), false);
        row("25 Oct 08:00 CET", utcMs(2026, 10, 25, 7, 0), true);
        row("25 Oct 18:59 CET", utcMs(2026, 10, 25, 17, 59), true);
        row("25 Oct 19:00 CET", utcMs(2026, 10, 25, 18, 0), false);
        // 2045, from the footer rule.
        row("2045 summer 08:00 CEST", utcMs(2045, 7, 14, 6, 0), true);
        row("2045 summer 07:59 CEST", utcMs(2045, 7, 14, 5, 59), false);
    }

    void evaluatorAcrossDst() {
        REQUIRE_PARIS();
        QFETCH(std::int64_t, unixMs);
        QFETCH(bool, active);
        auto tz = TimeZone::load("Europe/Paris");
        QVERIFY(tz.ok());
        const ScheduleEvaluator evaluator(parisSite(), *tz);
        QCOMPARE(evaluator.isActive("day", unixMs), active);
    }

    void evaluatorCopiesWhatItNeeds() {
        std::optional<ScheduleEvaluator> evaluator;
        {
            const Site site = parisSite();  // gone before the evaluator is used
            evaluator.emplace(site, TimeZone::utc());
        }
        QCOMPARE(evaluator->timeZone().name(), std::string("UTC"));
        QVERIFY(evaluator->isActive("office", utcMs(2026, 11, 30, 8, 0)));
        QVERIFY(!evaluator->isActive("office", utcMs(2026, 12, 25, 10, 0)));
        QVERIFY(evaluator->isActive("", utcMs(2026, 12, 25, 10, 0)));  // no schedule
        QCOMPARE(evaluator->nextChange(std::string("office"), utcMs(2026, 11, 30, 10, 0)),
                 std::optional<std::int64_t>(utcMs(2026, 11, 30, 19, 0)));
        QCOMPARE(evaluator->nextChange(schedule(QStringLiteral("monday night")),
                                       utcMs(2026, 11, 30, 10, 0)),
                 std::optional<std::int64_t>(utcMs(2026, 11, 30, 22, 0)));
        QVERIFY(!evaluator->nextChange(std::string("nope"), 0).has_value());
    }

    void unknownScheduleIsInactiveAndLoggedOnce() {
        std::ostringstream captured;
        auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
        auto log = logger("rules");
        log->sinks().push_back(sink);
        const ScheduleEvaluator evaluator(parisSite(), TimeZone::utc());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(!evaluator.isActive("holidays", utcMs(2026, 11, 30, 10, 0)));
        }
        QVERIFY(!evaluator.isActive("weekends", utcMs(2026, 11, 30, 10, 0)));
        log->flush();
        log->sinks().pop_back();
        const QString text = QString::fromStdString(captured.str());
        QCOMPARE(text.count(QStringLiteral("'holidays'")), 1);
        QCOMPARE(text.count(QStringLiteral("'weekends'")), 1);
    }

    // Concurrent const calls from analysis threads (meaningful under the tsan preset).
    void evaluatorIsSafeFromManyThreads() {
        const ScheduleEvaluator evaluator(parisSite(), TimeZone::utc());
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back([&evaluator, &wrong, i] {
                for (int k = 0; k < 1440; ++k) {  // Monday 30 November, minute by minute
                    const std::int64_t t = utcMs(2026, 11, 30, 0, 0) + k * 60'000LL;
                    const bool expected = k >= 8 * 60 && k < 19 * 60;
                    if (evaluator.isActive("office", t) != expected) {
                        ++wrong;
                    }
                    if (evaluator.isActive(i % 2 == 0 ? "ghost" : "phantom", t)) {
                        ++wrong;
                    }
                }
            });
        }
        for (auto& th : threads) {
            th.join();
        }
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_APPLESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
