// What the workstation records besides the alerts, on the real composition in review mode (no
// engine) over a real SQLCipher file in a temporary directory: the snapshot of an alert is
// written to the encrypted SnapshotStore and read back after a restart (audited, and refused
// outside the user's cameras); counts of people per zone are aggregated per interval into
// the CountStore; the retention purge runs at start with the site's durations.
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "app/workstation/alert_media_cache.h"
#include "app/workstation/count_sampler.h"
#include "app/workstation/records_writer.h"
#include "app/workstation/workstation.h"
#include "core/alert_store.h"
#include "core/audit_log.h"
#include "core/count_store.h"
#include "core/database.h"
#include "core/key_file.h"
#include "core/snapshot_store.h"
#include "core/store_writer.h"
#include "tests/support/test_support.h"
#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/core_metatypes.h"
#include "widgets/operator_window.h"

using namespace vigie;

namespace {

const char kAdminPassword[] = "Vigie-Gare-Nord-2026!";
const char kOperatorPassword[] = "Quai-Nord-2026!";
constexpr std::int64_t kDayMs = 86'400'000;
constexpr auto kFlushTimeout = std::chrono::seconds(20);

core::Alert makeAlert(std::int64_t wallMs) {
    core::Alert a;
    a.uid = core::makeUid();
    a.siteId = "demo-generated";
    a.cameraId = "parvis";
    a.ruleId = "intrusion-armoire";
    a.zoneId = "armoire";
    a.event = core::EventType::Intrusion;
    a.severity = core::Severity::Major;
    a.startUs = 10'000'000;
    a.endUs = 12'000'000;
    a.wallStartMs = wallMs;
    a.wallEndMs = wallMs + 2000;
    a.open = false;
    a.score = 0.8;
    a.boxes = {{0.55F, 0.55F, 0.7F, 0.95F}};
    return a;
}

QImage picture(int n) {
    QImage image(704, 576, QImage::Format_BGR888);
    image.fill(QColor(40 + n % 100, 60, 80));
    QPainter p(&image);
    p.fillRect(QRect(380 + n, 330, 80, 200), Qt::white);
    return image;
}

core::OverlayObject object(const char* label, double x, double bottom) {
    core::OverlayObject o;
    o.box = {x - 0.03, bottom - 0.3, x + 0.03, bottom};
    o.label = label;
    o.score = 0.9F;
    return o;
}

std::int64_t nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

bool hasAudit(core::AuditLog& log, const std::string& action, const std::string& target,
              int* count = nullptr) {
    core::AuditFilter filter;
    filter.action = action;
    auto records = log.list(filter);
    if (!records) {
        return false;
    }
    const auto n = std::count_if(records->begin(), records->end(),
                                 [&target](const auto& r) { return r.target == target; });
    if (count != nullptr) {
        *count = int(n);
    }
    return n > 0;
}

}  // namespace

class TestWorkstationRecords : public QObject {
    Q_OBJECT

private:
    app::WorkstationOptions options(const QTemporaryDir& dir) const {
        app::WorkstationOptions o;
        o.sitePath =
            test::sourcePath(QStringLiteral("resources/demo/site-generated.json")).toStdString();
        o.stateDir = dir.filePath(QStringLiteral("state")).toStdString();
        o.useKeychain = false;
        o.passwordHashing = core::PasswordHashing::Minimum;
        o.settingsPath = dir.filePath(QStringLiteral("layouts.ini")).toStdString();
        o.screens = 1;
        o.runEngine = false;
        return o;
    }

    static core::DatabaseKey keyOf(const QTemporaryDir& dir) {
        core::KeyFileProvider keys(
            dir.filePath(QStringLiteral("state/keys/demo-generated.key")).toStdString());
        auto key = keys.loadOrCreateKey();
        return key ? *key : core::DatabaseKey{};
    }

    // Opens the workstation and logs in (the first run creates the administrator).
    static core::Result<core::Principal> openAsAdmin(app::Workstation& ws,
                                                     const app::WorkstationOptions& o) {
        if (auto opened = ws.open(o); !opened) {
            return opened.error();
        }
        if (!ws.hasAccounts()) {
            if (auto created = ws.createFirstAdministrator("admin", kAdminPassword); !created) {
                return created.error();
            }
        }
        return ws.authenticate("admin", kAdminPassword);
    }

private Q_SLOTS:
    void initTestCase() { widgets::registerCoreMetaTypes(); }

    void snapshotIsStoredAndReadBackAfterRestart() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const app::WorkstationOptions o = options(dir);
        core::Alert alert = makeAlert(nowMs() - 60'000);
        const QString uid = QString::fromStdString(alert.uid);
        {
            app::Workstation ws;
            auto admin = openAsAdmin(ws, o);
            QVERIFY2(admin.ok(), admin.ok() ? "" : admin.error().message.c_str());
            // An operator who may only see another camera.
            core::UserSpec spec;
            spec.login = "dupont";
            spec.displayName = "J. Dupont";
            spec.level = core::Level::Operator;
            spec.cameraScope = {"quai-2"};
            const auto created = ws.accounts()->createUser(*admin, spec, kOperatorPassword);
            QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
            QVERIFY(ws.start(*admin).ok());

            // Pictures as the engine sends them; the alert opens at 10 s (picture 40).
            for (int i = 0; i <= 45; ++i) {
                core::FrameAnalysis fa;
                fa.cameraId = "parvis";
                fa.ptsUs = 2'000'000 + std::int64_t(i) * 200'000;
                fa.objects.push_back(object("person", 0.6, 0.9));
                if (i == 40) {
                    ws.storeWriter()->onAlertOpened(alert);
                    ws.media()->onAlert(alert);
                    ws.alertWindow()->showAlert(alert);
                }
                ws.media()->onFrame(QStringLiteral("parvis"), picture(i), fa);
            }
            QVERIFY(!ws.media()->encodedSnapshot(uid).jpeg.isEmpty());
            QVERIFY(ws.storeWriter()->flush(kFlushTimeout).ok());
            const auto flushed = ws.flushRecords(kFlushTimeout);
            QVERIFY2(flushed.ok(), flushed.ok() ? "" : flushed.error().message.c_str());
            QCOMPARE(ws.records()->snapshotsWritten(), 1);
            QCOMPARE(ws.records()->failures(), 0);
            ws.shutdown();
        }

        // A fresh SnapshotStore on the same file and key finds the picture, encrypted on disk.
        {
            auto db = core::Database::open(
                dir.filePath(QStringLiteral("state/demo-generated.db")).toStdString(), keyOf(dir),
                core::OpenMode::ReadWriteCreate);
            QVERIFY2(db.ok(), db.ok() ? "" : db.error().message.c_str());
            auto snaps = core::SnapshotStore::attach(
                **db, keyOf(dir), dir.filePath(QStringLiteral("state/snapshots")).toStdString());
            QVERIFY(snaps.ok());
            auto jpeg = (*snaps)->get(alert.uid);
            QVERIFY2(jpeg.ok(), jpeg.ok() ? "" : jpeg.error().message.c_str());
            QImage stored;
            QVERIFY(stored.loadFromData(jpeg->data(), int(jpeg->size()), "JPG"));
            QCOMPARE(stored.width(), 640);  // the cache's picture, scaled to its maxWidth
            auto record = (*snaps)->find(alert.uid);
            QVERIFY(record.ok() && record->has_value());
            QFile file(QString::fromStdString((*snaps)->absolutePath((**record).relativePath)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().startsWith(QByteArray("\xFF\xD8\xFF", 3)));
        }

        // After a restart the session cache is empty: the pane shows the stored picture.
        app::Workstation ws;
        auto admin = openAsAdmin(ws, o);
        QVERIFY(admin.ok());
        QVERIFY(ws.start(*admin).ok());
        QVERIFY(ws.media()->snapshot(uid).isNull());
        QVERIFY(ws.alertModel()->alertByUid(uid) != nullptr);  // from the history
        // The history's thumbnail comes from the store too.
        QTRY_VERIFY_WITH_TIMEOUT(ws.alertModel()->hasThumbnail(uid), 10000);
        widgets::AlertPanel* panel = ws.alertWindow()->alertPanel();
        QVERIFY(panel != nullptr);
        panel->selectUid(uid);
        QCOMPARE(panel->selectedUid(), uid);
        const QImage shown = ws.snapshot(uid);
        QVERIFY(!shown.isNull());
        QCOMPARE(shown.width(), 640);
        // Opening the stored picture is audited, once per session.
        int viewed = 0;
        QVERIFY(hasAudit(*ws.auditLog(), "snapshot_viewed", alert.uid, &viewed));
        QCOMPARE(viewed, 1);

        // Outside the user's cameras: no picture, and the refusal is audited.
        auto op = ws.authenticate("dupont", kOperatorPassword);
        QVERIFY(op.ok());
        QVERIFY(ws.switchUser(*op).ok());
        QVERIFY(ws.snapshot(uid).isNull());
        QVERIFY(ws.clip(uid).isEmpty());
        QVERIFY(hasAudit(*ws.auditLog(), "access_denied", alert.uid));
        ws.shutdown();
    }

    void engineFeedsSnapshotsAndCounts() {
        // The in-process engine on the generated demo clip (motion detector): its alert's
        // picture reaches the SnapshotStore and its analysed pictures the CountStore.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString clip = test::makeGeneratedDemoClip(dir.path(), &error);
        QVERIFY2(!clip.isEmpty(), qPrintable(error));
        qputenv("VIGIE_DEMO_DIR", dir.path().toLocal8Bit());
        app::WorkstationOptions o = options(dir);
        o.runEngine = true;
        o.replayAsFastAsPossible = true;
        o.manifestPath = test::sourcePath(QStringLiteral("models/manifest.json")).toStdString();
        o.countIntervalMs = 1000;
        app::Workstation ws;
        auto admin = openAsAdmin(ws, o);
        QVERIFY2(admin.ok(), admin.ok() ? "" : admin.error().message.c_str());
        const auto started = ws.start(*admin);
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(ws.alertModel()->rowCount() >= 1, 120000);
        const std::string uid = ws.alertModel()->alertAt(0)->uid;
        QTRY_VERIFY_WITH_TIMEOUT(ws.records()->snapshotsWritten() >= 1, 60000);
        QVERIFY(ws.countSampler()->picturesCounted() > 0);
        ws.shutdown();  // the last count intervals are written too

        auto db =
            core::Database::open(ws.databasePath(), keyOf(dir), core::OpenMode::ReadWriteCreate);
        QVERIFY(db.ok());
        auto snaps = core::SnapshotStore::attach(
            **db, keyOf(dir), dir.filePath(QStringLiteral("state/snapshots")).toStdString());
        QVERIFY(snaps.ok());
        auto jpeg = (*snaps)->get(uid);
        QVERIFY2(jpeg.ok(), jpeg.ok() ? "" : jpeg.error().message.c_str());
        auto counts = core::CountStore::attach(**db);
        QVERIFY(counts.ok());
        core::CountQuery q;
        q.cameraId = "parvis";
        q.zoneId = "armoire";
        auto zone = (*counts)->query(q);
        QVERIFY(zone.ok());
        QVERIFY(!zone->empty());
    }

    void countsAreAggregatedPerInterval() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        app::WorkstationOptions o = options(dir);
        o.countIntervalMs = 10'000;
        app::Workstation ws;
        auto admin = openAsAdmin(ws, o);
        QVERIFY(admin.ok());
        QVERIFY(ws.start(*admin).ok());

        // Zone « armoire » of the demo: x 0.58–0.70, y 0.60–0.95.
        const std::int64_t base = (nowMs() - 120'000) / 10'000 * 10'000;
        const int inZone[] = {1, 2, 3, 2};
        for (int i = 0; i < 4; ++i) {
            core::FrameAnalysis fa;
            fa.cameraId = "parvis";
            fa.ptsUs = std::int64_t(i) * 1'000'000;
            for (int k = 0; k < inZone[i]; ++k) {
                fa.objects.push_back(object("person", 0.60 + 0.03 * k, 0.90));
            }
            // Not counted in the zone: a person standing outside it (head inside), a bag.
            fa.objects.push_back(object("person", 0.30, 0.50));
            fa.objects.push_back(object("backpack", 0.62, 0.90));
            ws.countSampler()->add(fa, base + i * 2000, 576.0 / 704.0);
        }
        core::FrameAnalysis empty;
        empty.cameraId = "parvis";
        empty.ptsUs = 11'000'000;
        ws.countSampler()->add(empty, base + 10'500, 576.0 / 704.0);
        // A camera the site does not have is ignored.
        core::FrameAnalysis stranger = empty;
        stranger.cameraId = "inconnue";
        ws.countSampler()->add(stranger, base + 500, 576.0 / 704.0);
        QCOMPARE(ws.countSampler()->picturesCounted(), 5);

        const auto flushed = ws.flushRecords(kFlushTimeout);
        QVERIFY2(flushed.ok(), flushed.ok() ? "" : flushed.error().message.c_str());
        QCOMPARE(ws.records()->samplesWritten(), 4);  // 2 intervals × (zone, whole picture)

        auto counts = core::CountStore::open(ws.databasePath(), keyOf(dir));
        QVERIFY(counts.ok());
        core::CountQuery q;
        q.cameraId = "parvis";
        q.zoneId = "armoire";
        q.metric = core::CountMetric::Count;
        auto zone = (*counts)->query(q);
        QVERIFY(zone.ok());
        QCOMPARE(zone->size(), std::size_t(2));
        QCOMPARE((*zone)[0].tMs, base);
        QCOMPARE((*zone)[0].value, 2.0);  // mean of 1, 2, 3, 2
        QCOMPARE((*zone)[1].tMs, base + 10'000);
        QCOMPARE((*zone)[1].value, 0.0);
        q.zoneId = std::string();
        auto whole = (*counts)->query(q);
        QVERIFY(whole.ok());
        QCOMPARE(whole->size(), std::size_t(2));
        QCOMPARE((*whole)[0].value, 3.0);  // the zone's people and the one outside it
        // What the statistics screen asks: the mean per minute.
        core::CountQuery chart;
        chart.cameraId = "parvis";
        chart.zoneId = "armoire";
        chart.metric = core::CountMetric::Count;
        chart.bucketS = 60;
        chart.aggregation = core::CountAggregation::Mean;
        auto perMinute = (*counts)->query(chart);
        QVERIFY(perMinute.ok());
        QVERIFY(!perMinute->empty());
        ws.shutdown();
    }

    void densityNeedsACalibratedZone() {
        // A 10 m × 10 m ground square drawn over the whole picture: the zone covers 100 m².
        core::Site site;
        site.id = "s";
        core::Camera cam;
        cam.id = "hall";
        cam.calibration.groundQuad = {{0.0, 1.0}, {1.0, 1.0}, {1.0, 0.0}, {0.0, 0.0}};
        cam.calibration.quadWidthM = 10.0;
        cam.calibration.quadDepthM = 10.0;
        core::Zone zone;
        zone.id = "tout";
        zone.kind = core::ZoneKind::Area;
        zone.polygon.points = {{0.0, 0.0}, {1.0, 0.0}, {1.0, 1.0}, {0.0, 1.0}};
        cam.zones.push_back(zone);
        site.cameras.push_back(cam);
        app::CountSampler::Options so;
        so.intervalMs = 10'000;
        so.wholePicture = false;
        app::CountSampler sampler(site, so);
        const int people[] = {1, 3, 2};
        for (int i = 0; i < 3; ++i) {
            core::FrameAnalysis fa;
            fa.cameraId = "hall";
            for (int k = 0; k < people[i]; ++k) {
                fa.objects.push_back(object("person", 0.2 + 0.2 * k, 0.8));
            }
            sampler.add(fa, 1'000'000 + i * 1000, 1.0);
        }
        QVERIFY(sampler.takeCompleted(1'005'000).empty());  // the interval is still running
        const auto samples = sampler.takeCompleted(1'010'000);
        QCOMPARE(samples.size(), std::size_t(2));
        const auto density = std::find_if(samples.begin(), samples.end(), [](const auto& s) {
            return s.metric == core::CountMetric::DensityPerM2;
        });
        QVERIFY(density != samples.end());
        QCOMPARE(density->zoneId, std::string("tout"));
        QCOMPARE(density->tMs, std::int64_t(1'000'000));
        QVERIFY(std::abs(density->value - 0.03) < 1e-6);  // peak of 3 people on 100 m²
        QVERIFY(sampler.takeAll().empty());
    }

    void retentionRunsAtStart_data() {
        QTest::addColumn<int>("alertsDays");
        QTest::addColumn<bool>("oldAlertKept");
        QTest::newRow("default 30 days") << 0 << false;
        QTest::newRow("site keeps 60 days") << 60 << true;
    }

    void retentionRunsAtStart() {
        QFETCH(int, alertsDays);
        QFETCH(bool, oldAlertKept);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const app::WorkstationOptions o = options(dir);
        const core::Alert old = makeAlert(nowMs() - 40 * kDayMs);
        const core::Alert recent = makeAlert(nowMs() - 60'000);
        {
            // A first session sets the durations (when the site chose some) and stops.
            app::Workstation ws;
            auto admin = openAsAdmin(ws, o);
            QVERIFY(admin.ok());
            if (alertsDays > 0) {
                core::RetentionPolicy policy;
                policy.alertsDays = alertsDays;
                QVERIFY(ws.saveRetention(policy).ok());
            }
        }
        {
            auto store = core::AlertStore::open(
                dir.filePath(QStringLiteral("state/demo-generated.db")).toStdString(), keyOf(dir));
            QVERIFY(store.ok());
            QVERIFY((*store)->upsert(old).ok());
            QVERIFY((*store)->upsert(recent).ok());
            auto snaps = core::SnapshotStore::attach(
                (*store)->database(), keyOf(dir),
                dir.filePath(QStringLiteral("state/snapshots")).toStdString());
            QVERIFY(snaps.ok());
            const std::vector<std::uint8_t> jpeg = {0xFF, 0xD8, 0xFF, 0xD9};
            QVERIFY((*snaps)->put(old.uid, old.wallStartMs, jpeg).ok());
            QVERIFY((*snaps)->put(recent.uid, recent.wallStartMs, jpeg).ok());
        }
        // A rotated application log last written 40 days ago, another an hour ago.
        const QString logs = dir.filePath(QStringLiteral("state/logs"));
        QVERIFY(QDir().mkpath(logs));
        const auto oldLog = std::filesystem::path(logs.toStdString()) / "vigie.2.log";
        const auto newLog = std::filesystem::path(logs.toStdString()) / "vigie.1.log";
        for (const auto& p : {oldLog, newLog}) {
            std::ofstream(p) << "log line\n";
        }
        std::filesystem::last_write_time(
            oldLog, std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 * 40));
        std::filesystem::last_write_time(
            newLog, std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
        app::Workstation ws;
        auto admin = openAsAdmin(ws, o);
        QVERIFY(admin.ok());
        QCOMPARE(ws.retentionPolicy().alertsDays, alertsDays > 0 ? alertsDays : 30);
        QVERIFY(ws.start(*admin).ok());  // the purge is queued at start
        const auto flushed = ws.flushRecords(kFlushTimeout);
        QVERIFY2(flushed.ok(), flushed.ok() ? "" : flushed.error().message.c_str());
        QCOMPARE(ws.records()->retentionRuns(), 1);

        auto store = core::AlertStore::open(ws.databasePath(), keyOf(dir));
        QVERIFY(store.ok());
        auto foundOld = (*store)->find(old.uid);
        auto foundRecent = (*store)->find(recent.uid);
        QVERIFY(foundOld.ok() && foundRecent.ok());
        QCOMPARE(foundOld->has_value(), oldAlertKept);
        QVERIFY(foundRecent->has_value());
        // Pictures are kept 30 days at most (CSI L252-5), whatever the alerts' duration.
        auto snaps = core::SnapshotStore::attach(
            (*store)->database(), keyOf(dir),
            dir.filePath(QStringLiteral("state/snapshots")).toStdString());
        QVERIFY(snaps.ok());
        auto oldSnapshot = (*snaps)->find(old.uid);
        auto recentSnapshot = (*snaps)->find(recent.uid);
        QVERIFY(oldSnapshot.ok() && recentSnapshot.ok());
        QVERIFY(!oldSnapshot->has_value());
        QVERIFY(recentSnapshot->has_value());
        // The purge is audited by the job, as the system.
        core::AuditFilter filter;
        filter.action = "purge";
        auto purges = ws.auditLog()->list(filter);
        QVERIFY(purges.ok());
        QCOMPARE(purges->size(), std::size_t(1));
        QCOMPARE(purges->front().actor, std::string("system"));
        // The application log is written in the state directory; its rotated copy older than
        // the usage-log duration (30 days) is gone, the recent one and the active file stay.
        QVERIFY(std::filesystem::exists(std::filesystem::path(logs.toStdString()) / "vigie.log"));
        QVERIFY(!std::filesystem::exists(oldLog));
        QVERIFY(std::filesystem::exists(newLog));
        ws.shutdown();
    }
};

QTEST_MAIN(TestWorkstationRecords)
#include "tst_workstation_records.moc"
