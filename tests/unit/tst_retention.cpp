// Retention: each duration removes what is older and keeps what is not (alerts, the
// operator's comment, snapshot files with their alerts, count samples, rotated log files),
// the audit log is never touched, a second run removes nothing, one "purge" audit event says
// what went, a dry run changes nothing, and the policy is validated with JSON paths.
#include <fcntl.h>
#include <sys/stat.h>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>

#include "core/alert_store.h"
#include "core/count_store.h"
#include "core/iso_time.h"
#include "core/retention.h"
#include "core/snapshot_store.h"

using namespace vigie::core;
namespace fs = std::filesystem;
using nlohmann::json;

// Evaluates its argument once (it is often a call with side effects).
#define VERIFY_OK(expr)                                                              \
    do {                                                                             \
        const auto& verifiedResult = (expr);                                         \
        QVERIFY2(verifiedResult.ok(),                                                \
                 verifiedResult.ok() ? "" : verifiedResult.error().message.c_str()); \
    } while (false)

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kDayMs = 24 * kHourMs;

std::int64_t wallNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

DatabaseKey makeKey() {
    DatabaseKey key;
    key.bytes.fill(0x42);
    return key;
}

std::vector<std::uint8_t> jpeg() {
    return {0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void setMtime(const std::string& path, std::int64_t unixMs) {
    timespec times[2];
    times[0].tv_sec = unixMs / 1000;
    times[0].tv_nsec = 0;
    times[1] = times[0];
    ::utimensat(AT_FDCWD, path.c_str(), times, 0);
}

struct RecordingAudit final : AuditSink {
    std::vector<AuditEvent> events;
    bool fail = false;
    bool record(const AuditEvent& event) override {
        if (fail) {
            return false;
        }
        events.push_back(event);
        return true;
    }
};

// The policy of the main scenario: every duration different.
RetentionPolicy scenarioPolicy() {
    RetentionPolicy p;
    p.alertsDays = 10;
    p.qualificationsDays = 5;
    p.snapshotsDays = 3;
    p.countsDays = 7;
    p.connectionLogDays = 20;
    p.usageLogDays = 2;
    return p;
}

std::string uidForAge(std::int64_t ageHours) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "a%031lld", static_cast<long long>(ageHours));
    return buf;
}

}  // namespace

class TestRetention : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_next = 0;

    // A database with alerts (each with a comment and a snapshot), count samples and log
    // files at the given ages before `now`.
    struct Scenario {
        std::int64_t now = 0;
        std::string logDir;
        std::unique_ptr<AlertStore> alerts;
        std::unique_ptr<CountStore> counts;
        std::unique_ptr<SnapshotStore> snapshots;
        RecordingAudit audit;

        RetentionTargets targets() {
            RetentionTargets t;
            t.database = &alerts->database();
            t.snapshots = snapshots.get();
            t.counts = counts.get();
            t.logFiles = {{LogKind::Usage, logDir, "vigie.log"},
                          {LogKind::Connection, logDir, "connections.log"}};
            t.audit = &audit;
            t.actor = "test";
            return t;
        }
    };

    static constexpr std::int64_t kAlertAgesH[] = {24, 4 * 24, 6 * 24, 9 * 24, 11 * 24};
    static constexpr std::int64_t kCountAgesH[] = {24, 6 * 24, 8 * 24, 12 * 24};

    std::unique_ptr<Scenario> makeScenario() {
        auto s = std::make_unique<Scenario>();
        s->now = wallNowMs();
        const QString base = m_tmp.filePath(QString("case%1").arg(++m_next));
        QDir().mkpath(base + "/logs");
        s->logDir = (base + "/logs").toStdString();
        auto alerts = AlertStore::open((base + "/vigie.db").toStdString(), makeKey());
        if (!alerts) {
            qWarning("%s", alerts.error().message.c_str());
            return nullptr;
        }
        s->alerts = std::move(*alerts);
        auto counts = CountStore::attach(s->alerts->database());
        auto snaps = SnapshotStore::attach(s->alerts->database(), makeKey(),
                                           (base + "/snapshots").toStdString());
        if (!counts || !snaps) {
            qWarning("cannot attach the stores");
            return nullptr;
        }
        s->counts = std::move(*counts);
        s->snapshots = std::move(*snaps);
        for (const std::int64_t ageH : kAlertAgesH) {
            Alert a;
            a.uid = uidForAge(ageH);
            a.siteId = "site";
            a.cameraId = "cam1";
            a.ruleId = "r1";
            a.event = EventType::Intrusion;
            a.severity = Severity::Major;
            a.wallStartMs = s->now - ageH * kHourMs;
            a.wallEndMs = a.wallStartMs + 1000;
            a.open = false;
            if (!s->alerts->upsert(a) ||
                !s->alerts->qualify(a.uid, Qualification::Confirmed,
                                    "vu sur place, homme en "
                                    "veste rouge",
                                    "op.l1", a.wallStartMs + 5000) ||
                !s->snapshots->put(a.uid, a.wallStartMs, jpeg())) {
                qWarning("cannot fill the scenario");
                return nullptr;
            }
        }
        std::vector<CountSample> samples;
        for (const std::int64_t ageH : kCountAgesH) {
            samples.push_back(
                {"cam1", "z1", CountMetric::Count, double(ageH), s->now - ageH * kHourMs});
        }
        if (!s->counts->append(samples)) {
            return nullptr;
        }
        const std::pair<const char*, std::int64_t> logs[] = {
            {"vigie.log", 30 * 24},
            {"vigie.1.log", 3 * 24},
            {"vigie.2.log", 24},
            {"connections.log", 30 * 24},
            {"connections.log.1", 25 * 24},
            {"connections.log.2.gz", 10 * 24},
            {"vigie.db", 100 * 24},
            {"other.log.1", 100 * 24},
        };
        for (const auto& [name, ageH] : logs) {
            const std::string path = s->logDir + "/" + name;
            if (!writeFileAtomic(path, asBytes("log line\n"), 0640)) {
                return nullptr;
            }
            setMtime(path, s->now - ageH * kHourMs);
        }
        return s;
    }

    static bool alertExists(Scenario& s, std::int64_t ageH) {
        auto a = s.alerts->find(uidForAge(ageH));
        return a && a->has_value();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    // --- policy ---------------------------------------------------------------------------

    void policyIsValidated_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");  // empty: valid
        QTest::newRow("defaults") << "{}"
                                  << "";
        QTest::newRow("all set")
            << R"({"alerts_days": 90, "qualifications_days": 30, "snapshots_days": 30,
                 "counts_days": 365, "connection_logs_days": 365, "usage_logs_days": 180})"
            << "";
        QTest::newRow("unknown key") << R"({"alert_days": 30})"
                                     << "$.alert_days: unknown key";
        QTest::newRow("not an integer") << R"({"counts_days": 1.5})"
                                        << "$.counts_days: expected an integer";
        QTest::newRow("zero") << R"({"usage_logs_days": 0})"
                              << "$.usage_logs_days: value 0";
        QTest::newRow("images beyond a month") << R"({"alerts_days": 60, "snapshots_days": 31})"
                                               << "CSI L252-5";
        QTest::newRow("snapshots outlive alerts")
            << R"({"alerts_days": 7, "snapshots_days": 8, "qualifications_days": 7})"
            << "$.snapshots_days: snapshots cannot be kept longer than their alerts";
        QTest::newRow("qualifications outlive alerts")
            << R"({"alerts_days": 7, "snapshots_days": 7, "qualifications_days": 8})"
            << "$.qualifications_days: qualifications cannot be kept longer";
        QTest::newRow("too long") << R"({"alerts_days": 4000})"
                                  << "outside [1, 3650]";
        QTest::newRow("audit has no retention") << R"({"audit_days": 30})"
                                                << "unknown key";
    }
    void policyIsValidated() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        auto policy = parseRetentionPolicyText(text.toStdString());
        if (error.isEmpty()) {
            VERIFY_OK(policy);
            auto again = parseRetentionPolicy(toJson(*policy));
            VERIFY_OK(again);
            QCOMPARE(toJson(*again).dump(), toJson(*policy).dump());
        } else {
            QVERIFY(!policy.ok());
            QVERIFY2(contains(policy.error().message, error.toStdString()),
                     policy.error().message.c_str());
        }
    }

    void defaultsAreThirtyDays() {
        const RetentionPolicy p;
        VERIFY_OK(validateRetentionPolicy(p));
        QCOMPARE(toJson(p).dump(),
                 std::string(R"({"alerts_days":30,"connection_logs_days":30,"counts_days":30,)"
                             R"("qualifications_days":30,"snapshots_days":30,)"
                             R"("usage_logs_days":30})"));
    }

    void rotatedLogNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("active");
        QTest::addColumn<bool>("rotated");
        QTest::newRow("spdlog") << "vigie.1.log"
                                << "vigie.log" << true;
        QTest::newRow("logrotate") << "vigie.log.3"
                                   << "vigie.log" << true;
        QTest::newRow("logrotate gz") << "vigie.log.3.gz"
                                      << "vigie.log" << true;
        QTest::newRow("dateext") << "vigie.log-20261130"
                                 << "vigie.log" << true;
        QTest::newRow("active") << "vigie.log"
                                << "vigie.log" << false;
        QTest::newRow("database") << "vigie.db"
                                  << "vigie.log" << false;
        QTest::newRow("other log") << "other.log.1"
                                   << "vigie.log" << false;
        QTest::newRow("text suffix") << "vigie.log.old"
                                     << "vigie.log" << false;
        QTest::newRow("prefix only") << "vigie.logx.1"
                                     << "vigie.log" << false;
    }
    void rotatedLogNames() {
        QFETCH(QString, name);
        QFETCH(QString, active);
        QFETCH(bool, rotated);
        QCOMPARE(isRotatedLogName(name.toStdString(), active.toStdString()), rotated);
    }

    // --- the job --------------------------------------------------------------------------

    void eachDurationRemovesOnlyWhatExpired_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<qint64>("ageH");
        QTest::addColumn<bool>("kept");
        // alerts 10 d, comments 5 d, snapshots 3 d, counts 7 d, usage logs 2 d, connections 20 d
        QTest::newRow("alert 1 d") << "alert" << 24LL << true;
        QTest::newRow("alert 9 d") << "alert" << 216LL << true;
        QTest::newRow("alert 11 d") << "alert" << 264LL << false;
        QTest::newRow("comment 4 d") << "comment" << 96LL << true;
        QTest::newRow("comment 6 d") << "comment" << 144LL << false;
        QTest::newRow("comment 9 d") << "comment" << 216LL << false;
        QTest::newRow("snapshot 1 d") << "snapshot" << 24LL << true;
        QTest::newRow("snapshot 4 d") << "snapshot" << 96LL << false;
        QTest::newRow("snapshot 9 d") << "snapshot" << 216LL << false;
        QTest::newRow("snapshot of the 11 d alert") << "snapshot" << 264LL << false;
        QTest::newRow("count 6 d") << "count" << 144LL << true;
        QTest::newRow("count 8 d") << "count" << 192LL << false;
        QTest::newRow("count 12 d") << "count" << 288LL << false;
        QTest::newRow("usage log 1 d") << "vigie.2.log" << 0LL << true;
        QTest::newRow("usage log 3 d") << "vigie.1.log" << 0LL << false;
        QTest::newRow("active usage log 30 d") << "vigie.log" << 0LL << true;
        QTest::newRow("connection log 10 d") << "connections.log.2.gz" << 0LL << true;
        QTest::newRow("connection log 25 d") << "connections.log.1" << 0LL << false;
        QTest::newRow("active connection log") << "connections.log" << 0LL << true;
        QTest::newRow("not a log, 100 d") << "vigie.db" << 0LL << true;
        QTest::newRow("another log, 100 d") << "other.log.1" << 0LL << true;
    }
    void eachDurationRemovesOnlyWhatExpired() {
        QFETCH(QString, what);
        QFETCH(qint64, ageH);
        QFETCH(bool, kept);
        auto s = makeScenario();
        QVERIFY(s);
        auto job = RetentionJob::create(scenarioPolicy(), s->targets());
        VERIFY_OK(job);
        auto report = (*job)->run(s->now);
        VERIFY_OK(report);
        QVERIFY(report->warnings.empty());

        if (what == "alert") {
            QCOMPARE(alertExists(*s, ageH), kept);
        } else if (what == "comment") {
            auto a = s->alerts->find(uidForAge(ageH));
            VERIFY_OK(a);
            QVERIFY(a->has_value());
            QCOMPARE(!(*a)->comment.empty(), kept);
            QCOMPARE(!(*a)->qualifiedBy.empty(), kept);
            // The verdict is not personal data and feeds the statistics: it stays.
            QCOMPARE((*a)->qualification, Qualification::Confirmed);
        } else if (what == "snapshot") {
            const std::string uid = uidForAge(ageH);
            auto record = s->snapshots->find(uid);
            VERIFY_OK(record);
            QCOMPARE(record->has_value(), kept);
            auto picture = s->snapshots->get(uid);
            QCOMPARE(picture.ok(), kept);
            const std::string month =
                s->snapshots->directory() + "/" + yearMonthUtc(s->now - ageH * kHourMs);
            const bool fileThere = fs::exists(month + "/" + uid + ".jpg.enc");
            QCOMPARE(fileThere, kept);
        } else if (what == "count") {
            CountQuery q;
            q.fromMs = s->now - ageH * kHourMs;
            q.toMs = *q.fromMs + 1;
            auto points = s->counts->query(q);
            VERIFY_OK(points);
            QCOMPARE(points->size() == 1, kept);
        } else {
            QCOMPARE(fs::exists(s->logDir + "/" + what.toStdString()), kept);
        }
    }

    void reportsAuditsAndIsIdempotent() {
        auto s = makeScenario();
        QVERIFY(s);
        auto job = RetentionJob::create(scenarioPolicy(), s->targets());
        VERIFY_OK(job);
        auto first = (*job)->run(s->now);
        VERIFY_OK(first);
        QCOMPARE(first->alertsRemoved, std::int64_t(1));
        QCOMPARE(first->qualificationsBlanked, std::int64_t(2));
        QCOMPARE(first->snapshotRecordsRemoved, std::int64_t(4));
        QCOMPARE(first->snapshotFilesRemoved, std::int64_t(4));
        QCOMPARE(first->countSamplesRemoved, std::int64_t(2));
        QCOMPARE(first->logFilesRemoved, std::int64_t(2));
        QVERIFY(first->auditRecorded);
        QCOMPARE(s->audit.events.size(), std::size_t(1));
        const AuditEvent& event = s->audit.events.front();
        QCOMPARE(event.action, std::string("purge"));
        QCOMPARE(event.actor, std::string("test"));
        QCOMPARE(event.timeMs, s->now);
        const json details = json::parse(event.detailsJson);
        QCOMPARE(details["removed"]["alerts"].get<int>(), 1);
        QCOMPARE(details["removed"]["snapshot_files"].get<int>(), 4);
        QCOMPARE(details["removed"]["count_samples"].get<int>(), 2);
        QCOMPARE(details["policy"]["snapshots_days"].get<int>(), 3);

        auto second = (*job)->run(s->now);
        VERIFY_OK(second);
        QCOMPARE(second->alertsRemoved + second->qualificationsBlanked +
                     second->snapshotRecordsRemoved + second->snapshotFilesRemoved +
                     second->orphanSnapshotFilesRemoved + second->countSamplesRemoved +
                     second->logFilesRemoved,
                 std::int64_t(0));
        QCOMPARE(s->audit.events.size(), std::size_t(2));  // each run is traced
        auto remaining = s->alerts->count();
        VERIFY_OK(remaining);
        QCOMPARE(*remaining, std::int64_t(4));
    }

    void dryRunChangesNothing() {
        auto s = makeScenario();
        QVERIFY(s);
        auto job = RetentionJob::create(scenarioPolicy(), s->targets());
        VERIFY_OK(job);
        const auto listing = [&] {
            QStringList files;
            for (const auto& e : fs::recursive_directory_iterator(
                     m_tmp.path().toStdString() + "/case" + std::to_string(m_next))) {
                if (e.is_regular_file() && !contains(e.path().string(), "vigie.db-")) {
                    files << QString::fromStdString(e.path().string());
                }
            }
            files.sort();
            return files;
        };
        const QStringList before = listing();
        auto dry = (*job)->run(s->now, RetentionMode::DryRun);
        VERIFY_OK(dry);
        QCOMPARE(listing(), before);
        QVERIFY(s->audit.events.empty());
        QCOMPARE(*s->alerts->count(), std::int64_t(5));
        QCOMPARE(*s->counts->count(), std::int64_t(4));
        QCOMPARE(*s->snapshots->count(), std::int64_t(5));
        auto comment = s->alerts->find(uidForAge(9 * 24));
        QVERIFY(comment && comment->has_value() && !(*comment)->comment.empty());

        auto applied = (*job)->run(s->now);
        VERIFY_OK(applied);
        QCOMPARE(dry->alertsRemoved, applied->alertsRemoved);
        QCOMPARE(dry->qualificationsBlanked, applied->qualificationsBlanked);
        QCOMPARE(dry->snapshotRecordsRemoved, applied->snapshotRecordsRemoved);
        QCOMPARE(dry->snapshotFilesRemoved, applied->snapshotFilesRemoved);
        QCOMPARE(dry->countSamplesRemoved, applied->countSamplesRemoved);
        QCOMPARE(dry->logFilesRemoved, applied->logFilesRemoved);
        QVERIFY(listing() != before);
    }

    void boundaryIsKept() {
        auto s = makeScenario();
        QVERIFY(s);
        RetentionPolicy p = scenarioPolicy();
        // The 9-day alert sits exactly at a 9-day cutoff: kept (older than, not as old as).
        p.alertsDays = 9;
        p.qualificationsDays = 5;
        auto job = RetentionJob::create(p, s->targets());
        VERIFY_OK(job);
        VERIFY_OK((*job)->run(s->now));
        QVERIFY(alertExists(*s, 9 * 24));
        VERIFY_OK((*job)->run(s->now + 1));
        QVERIFY(!alertExists(*s, 9 * 24));
    }

    void orphanSnapshotFilesAreSwept() {
        auto s = makeScenario();
        QVERIFY(s);
        // A file left by a crash between writing it and recording it, written 5 days ago.
        const std::string dir = s->snapshots->directory() + "/2020-01";
        fs::create_directories(dir);
        const std::string orphan = dir + "/ffffffffffffffffffffffffffffffff.jpg.enc";
        VERIFY_OK(writeFileAtomic(orphan, asBytes("x")));
        setMtime(orphan, s->now - 5 * kDayMs);
        auto job = RetentionJob::create(scenarioPolicy(), s->targets());
        VERIFY_OK(job);
        auto report = (*job)->run(s->now);
        VERIFY_OK(report);
        QCOMPARE(report->orphanSnapshotFilesRemoved, std::int64_t(1));
        QVERIFY(!fs::exists(orphan));
        QVERIFY(!fs::exists(dir));  // the emptied month directory goes too
    }

    void auditFailureIsReported() {
        auto s = makeScenario();
        QVERIFY(s);
        s->audit.fail = true;
        auto job = RetentionJob::create(scenarioPolicy(), s->targets());
        VERIFY_OK(job);
        auto report = (*job)->run(s->now);
        VERIFY_OK(report);
        QVERIFY(!report->auditRecorded);
        QCOMPARE(report->warnings.size(), std::size_t(1));
        QVERIFY(contains(report->warnings.front(), "audit"));
    }

    void badJobsAreRefused() {
        auto s = makeScenario();
        QVERIFY(s);
        RetentionPolicy bad;
        bad.snapshotsDays = 45;
        bad.alertsDays = 60;
        QVERIFY(!RetentionJob::create(bad, s->targets()).ok());
        RetentionTargets none;
        QVERIFY(!RetentionJob::create(RetentionPolicy{}, none).ok());

        auto other = AlertStore::open(m_tmp.filePath("other.db").toStdString(), makeKey());
        VERIFY_OK(other);
        RetentionTargets mixed = s->targets();
        mixed.database = &(*other)->database();  // the snapshot store is on another connection
        auto refused = RetentionJob::create(RetentionPolicy{}, mixed);
        QVERIFY(!refused.ok());
        QVERIFY2(contains(refused.error().message, "snapshot store"),
                 refused.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
