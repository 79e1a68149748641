// The health view's colours per component: snapshots fed as the application does every
// ~2 s, and for each component (engine, compute, disk, database, connectors, each camera)
// the level and the colour shown — green, yellow, red, grey — at and across the thresholds
// documented in widgets/health_model.h, deltas between snapshots, and the stale state.
#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTableView>
#include <QtTest>

#include "widgets/health_view.h"
#include "widgets/labels.h"

using namespace vigie;
using namespace vigie::widgets;
using core::HealthLevel;
using Kind = HealthModel::Kind;

Q_DECLARE_METATYPE(vigie::core::HealthLevel)

namespace {

constexpr std::uint64_t kGiB = 1ULL << 30;

core::CameraHealth camera(const std::string& id, core::CameraState state) {
    core::CameraHealth c;
    c.cameraId = id;
    c.state = state;
    c.lastPictureAgeMs = 40;
    return c;
}

core::EngineHealth baseline() {
    core::EngineHealth e;
    e.wallMs = 1'800'000'000'000;
    e.detector = "yolox_nano_416 (cuda:0)";
    e.inferences = 1000;
    e.batches = 400;
    e.latencyP50Ms = 80;
    e.latencyP95Ms = 150;
    e.latencyP99Ms = 300;
    e.latencySamples = 1000;
    e.cameras = {camera("quai-1", core::CameraState::Live),
                 camera("quai-2", core::CameraState::Reconnecting),
                 camera("hall", core::CameraState::Failed),
                 camera("parvis", core::CameraState::Stopped)};
    e.cameras[0].framesDecoded = 5000;
    e.cameras[0].framesAnalysed = 2500;
    e.cameras[2].lastError = "connection refused";
    return e;
}

SystemHealth healthySystem() {
    SystemHealth s;
    s.storage.freeBytes = 400 * kGiB;
    s.storage.totalBytes = 1000 * kGiB;
    s.compute.gpuMemoryFraction = 0.40;
    s.compute.gpuLoad = 0.55;
    s.connectors = {{"MQTT", ConnectorState::Connected, 0, {}},
                    {"Milestone", ConnectorState::Retrying, 12, "timeout"},
                    {"Genetec", ConnectorState::Down, 40, "refused"}};
    return s;
}

QColor shownColour(const HealthModel& model, Kind kind, const QString& id = {}) {
    const int row = model.rowOf(kind, id);
    if (row < 0) {
        return {};
    }
    return model.data(model.index(row, HealthModel::StateColumn), Qt::DecorationRole)
        .value<QColor>();
}

}  // namespace

class TestHealthView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void coloursPerComponent() {
        HealthView view;
        QAbstractItemModelTester tester(view.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setCameraNames({{QStringLiteral("quai-1"), QStringLiteral("Quai 1")}});
        view.setSnapshot(baseline(), healthySystem());
        const HealthModel& m = *view.model();
        // 4 fixed rows + 3 connectors + 4 cameras
        QCOMPARE(m.rowCount(), 11);

        const struct {
            Kind kind;
            const char* id;
            HealthLevel level;
        } expected[] = {
            {Kind::Engine, "", HealthLevel::Ok},
            {Kind::Compute, "", HealthLevel::Ok},
            {Kind::Disk, "", HealthLevel::Ok},
            {Kind::Database, "", HealthLevel::Ok},
            {Kind::Connector, "MQTT", HealthLevel::Ok},
            {Kind::Connector, "Milestone", HealthLevel::Degraded},
            {Kind::Connector, "Genetec", HealthLevel::Down},
            {Kind::Camera, "quai-1", HealthLevel::Ok},
            {Kind::Camera, "quai-2", HealthLevel::Degraded},
            {Kind::Camera, "hall", HealthLevel::Down},
            {Kind::Camera, "parvis", HealthLevel::Unknown},
        };
        for (const auto& e : expected) {
            const QString id = QString::fromLatin1(e.id);
            QCOMPARE(m.levelOf(e.kind, id), e.level);
            QCOMPARE(shownColour(m, e.kind, id), healthColour(e.level));
        }
        // Colour never alone: the state is written too, and the camera's name is shown.
        const int quai1 = m.rowOf(Kind::Camera, QStringLiteral("quai-1"));
        QCOMPARE(m.data(m.index(quai1, HealthModel::StateColumn)).toString(), QStringLiteral("OK"));
        QCOMPARE(m.data(m.index(quai1, HealthModel::ComponentColumn)).toString(),
                 QStringLiteral("Quai 1"));
        const int hall = m.rowOf(Kind::Camera, QStringLiteral("hall"));
        QVERIFY(m.data(m.index(hall, HealthModel::DetailColumn))
                    .toString()
                    .contains(QStringLiteral("connection refused")));
        QCOMPARE(healthColour(HealthLevel::Ok), QColor(0x2E, 0x7D, 0x32));
        QCOMPARE(healthColour(HealthLevel::Degraded), QColor(0xF9, 0xA8, 0x25));
        QCOMPARE(m.worstLevel(), HealthLevel::Down);
        QVERIFY(view.summaryText().contains(QStringLiteral("hors service")));
    }

    void cameraDegradesOnDeltas() {
        HealthModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        core::EngineHealth e = baseline();
        model.setSnapshot(e, healthySystem());
        QCOMPARE(model.levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Ok);

        // Decode errors since the previous snapshot → yellow.
        e.cameras[0].decodeErrors = 3;
        model.setSnapshot(e, healthySystem());
        QCOMPARE(model.levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Degraded);
        // None since → green again.
        model.setSnapshot(e, healthySystem());
        QCOMPARE(model.levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Ok);

        // 20 % of the pictures dropped is the limit; 30 % is over it.
        core::EngineHealth next = e;
        next.cameras[0].framesAnalysed += 80;
        next.cameras[0].framesDropped += 20;
        model.setSnapshot(next, healthySystem());
        QCOMPARE(model.levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Ok);
        core::EngineHealth worse = next;
        worse.cameras[0].framesAnalysed += 70;
        worse.cameras[0].framesDropped += 30;
        model.setSnapshot(worse, healthySystem());
        QCOMPARE(model.levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Degraded);

        // Live but no picture for more than 5 s → yellow.
        core::EngineHealth frozen = worse;
        frozen.cameras[0].lastPictureAgeMs = 6000;
        model.setSnapshot(frozen, healthySystem());
        QCOMPARE(model.levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Degraded);
        frozen.cameras[0].lastPictureAgeMs = 4000;
        model.setSnapshot(frozen, healthySystem());
        QCOMPARE(model.levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Ok);

        // A reconnection in the interval → yellow.
        frozen.cameras[0].reconnects = 1;
        model.setSnapshot(frozen, healthySystem());
        QCOMPARE(model.levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Degraded);
    }

    void engineAndCompute() {
        HealthModel model;
        core::EngineHealth e = baseline();
        SystemHealth s = healthySystem();
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Engine), HealthLevel::Ok);

        e.processingEnabled = false;  // global stop
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Engine), HealthLevel::Degraded);
        e.processingEnabled = true;

        e.latencyP95Ms = 2500;
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Engine), HealthLevel::Degraded);
        e.latencyP95Ms = 12'000;
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Engine), HealthLevel::Down);
        e.latencyP95Ms = 150;

        // Detector errors with some inferences → yellow; with none → red.
        e.detectorErrors += 2;
        e.inferences += 50;
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Engine), HealthLevel::Degraded);
        e.detectorErrors += 2;
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Engine), HealthLevel::Down);
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Engine), HealthLevel::Ok);

        s.compute.gpuMemoryFraction = 0.95;
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Compute), HealthLevel::Degraded);
        s.compute.gpuMemoryFraction = 0.99;
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Compute), HealthLevel::Down);
        QCOMPARE(shownColour(model, Kind::Compute), healthColour(HealthLevel::Down));
        s.compute.gpuMemoryFraction.reset();
        s.compute.gpuLoad.reset();
        s.compute.cpuLoad = 0.97;
        model.setSnapshot(e, s);
        QCOMPARE(model.levelOf(Kind::Compute), HealthLevel::Degraded);
    }

    void storageThresholds_data() {
        QTest::addColumn<qulonglong>("freeGiB");
        QTest::addColumn<qulonglong>("totalGiB");
        QTest::addColumn<HealthLevel>("level");
        QTest::newRow("plenty") << 400ULL << 1000ULL << HealthLevel::Ok;
        QTest::newRow("under 10 %") << 90ULL << 1000ULL << HealthLevel::Degraded;
        QTest::newRow("under 5 GiB on a small disk") << 4ULL << 20ULL << HealthLevel::Degraded;
        QTest::newRow("under 3 %") << 20ULL << 1000ULL << HealthLevel::Down;
        QTest::newRow("under 1 GiB") << 0ULL << 10ULL << HealthLevel::Down;
    }

    void storageThresholds() {
        QFETCH(qulonglong, freeGiB);
        QFETCH(qulonglong, totalGiB);
        QFETCH(HealthLevel, level);
        HealthModel model;
        SystemHealth s = healthySystem();
        s.storage.freeBytes = freeGiB * kGiB;
        s.storage.totalBytes = totalGiB * kGiB;
        model.setSnapshot(baseline(), s);
        QCOMPARE(model.levelOf(Kind::Disk), level);
        QCOMPARE(shownColour(model, Kind::Disk), healthColour(level));
    }

    void database() {
        HealthModel model;
        SystemHealth s = healthySystem();
        model.setSnapshot(baseline(), s);
        QCOMPARE(model.levelOf(Kind::Database), HealthLevel::Ok);
        s.storage.writerPending = 5000;
        model.setSnapshot(baseline(), s);
        QCOMPARE(model.levelOf(Kind::Database), HealthLevel::Degraded);
        s.storage.writerPending = 0;
        s.storage.databaseOk = false;
        s.storage.databaseError = "disk full";
        model.setSnapshot(baseline(), s);
        QCOMPARE(model.levelOf(Kind::Database), HealthLevel::Down);
        QVERIFY(model.data(model.index(model.rowOf(Kind::Database), HealthModel::DetailColumn))
                    .toString()
                    .contains(QStringLiteral("disk full")));
        // Disk not measured: grey.
        s.storage.freeBytes.reset();
        model.setSnapshot(baseline(), s);
        QCOMPARE(model.levelOf(Kind::Disk), HealthLevel::Unknown);
    }

    void staleSnapshotGoesGrey() {
        HealthView view;
        HealthThresholds t;
        t.staleAfterMs = 50;
        view.setThresholds(t);
        QSignalSpy worst(&view, &HealthView::worstLevelChanged);
        view.setSnapshot(baseline(), healthySystem());
        QCOMPARE(worst.count(), 1);
        QCOMPARE(view.model()->levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Ok);
        QTest::qWait(80);
        view.checkStale();
        QVERIFY(view.model()->isStale());
        QCOMPARE(view.model()->levelOf(Kind::Camera, QStringLiteral("quai-1")),
                 HealthLevel::Unknown);
        QCOMPARE(shownColour(*view.model(), Kind::Engine), healthColour(HealthLevel::Unknown));
        QVERIFY(view.summaryText().contains(QStringLiteral("inconnu")));
        // The next snapshot brings the colours back; a camera removed from the site goes.
        core::EngineHealth e = baseline();
        e.cameras.pop_back();
        view.setSnapshot(e, healthySystem());
        QVERIFY(!view.model()->isStale());
        QCOMPARE(view.model()->levelOf(Kind::Camera, QStringLiteral("quai-1")), HealthLevel::Ok);
        QCOMPARE(view.model()->rowOf(Kind::Camera, QStringLiteral("parvis")), -1);
    }
};

QTEST_MAIN(TestHealthView)
#include "tst_health_view.moc"
