// The operator's alert list model: newest first, upsert by uid, the operator's verdict kept
// when the engine re-publishes an alert, the unreviewed count, and the bounded history; an
// alert postponed and back, and the alerts of another scope removed.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

#include <QMimeData>
#include "tests/support/core_printers.h"

#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/camera_tree_model.h"
#include "widgets/video_tile.h"

using namespace vigie;

namespace {

core::Alert makeAlert(int n, core::EventType event = core::EventType::Intrusion) {
    core::Alert a;
    a.uid = QStringLiteral("%1").arg(n, 32, 10, QLatin1Char('0')).toStdString();
    a.cameraId = "cam1";
    a.ruleId = "r1";
    a.event = event;
    a.severity = core::Severity::Major;
    a.wallStartMs = 1'700'000'000'000 + n * 1000;
    a.score = 0.5;
    return a;
}

}  // namespace

class TestAlertListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newestFirstAndUpsert() {
        widgets::AlertListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&model, &widgets::AlertListModel::unreviewedCountChanged);
        model.upsertAlert(makeAlert(1));
        model.upsertAlert(makeAlert(2, core::EventType::Fire));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.alertAt(0)->event, core::EventType::Fire);
        QCOMPARE(model.unreviewedCount(), 2);
        QCOMPARE(count.count(), 2);

        core::Alert updated = makeAlert(1);
        updated.score = 0.9;
        model.upsertAlert(updated);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.alertAt(1)->score, 0.9);
        QCOMPARE(model.data(model.index(1, widgets::AlertListModel::ScoreColumn)).toString(),
                 QStringLiteral("0.90"));
        QCOMPARE(model.data(model.index(0, widgets::AlertListModel::EventColumn)).toString(),
                 QStringLiteral("Départ de feu"));
    }

    void postponedAlertComesBack() {
        widgets::AlertListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPostponeDelay(std::chrono::milliseconds(50));
        const core::Alert a = makeAlert(1);
        const core::Alert b = makeAlert(2);
        model.upsertAlert(a);
        model.upsertAlert(b);
        const QString uidA = QString::fromStdString(a.uid);
        const QString uidB = QString::fromStdString(b.uid);
        QSignalSpy count(&model, &widgets::AlertListModel::unreviewedCountChanged);
        QSignalSpy back(&model, &widgets::AlertListModel::postponeEnded);
        QVERIFY(model.postpone(uidA));
        QVERIFY(model.isPostponed(uidA));
        QCOMPARE(model.unreviewedCount(), 1);
        QCOMPARE(count.count(), 1);
        const int rowA = model.rowOfUid(uidA);
        QCOMPARE(model.data(model.index(rowA, widgets::AlertListModel::StateColumn)).toString(),
                 QStringLiteral("Reportée"));
        QVERIFY(!model.data(model.index(rowA, widgets::AlertListModel::EventColumn), Qt::FontRole)
                     .isValid());
        QVERIFY(!model.isProminent(*model.alertByUid(uidA)));
        QTRY_COMPARE(back.count(), 1);
        QCOMPARE(back.at(0).at(0).toString(), uidA);
        QVERIFY(!model.isPostponed(uidA));
        QCOMPARE(model.unreviewedCount(), 2);
        QCOMPARE(model.data(model.index(rowA, widgets::AlertListModel::StateColumn)).toString(),
                 QStringLiteral("Nouvelle (en cours)"));

        // Qualified while postponed: it does not come back; a verdict cannot be postponed.
        QVERIFY(model.postpone(uidB));
        model.setQualification(uidB, core::Qualification::FalsePositive, QStringLiteral("Ombre"));
        QVERIFY(!model.isPostponed(uidB));
        QVERIFY(!model.postpone(uidB));
        QVERIFY(!model.postpone(QStringLiteral("unknown")));
        QTest::qWait(150);
        QCOMPARE(back.count(), 1);
        QCOMPARE(model.unreviewedCount(), 1);
    }

    void removeAlertsOutOfScope() {
        widgets::AlertListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int n = 0; n < 4; ++n) {
            core::Alert a = makeAlert(n);
            a.cameraId = n % 2 == 0 ? "quai" : "hall";
            model.upsertAlert(a);
        }
        QSignalSpy count(&model, &widgets::AlertListModel::unreviewedCountChanged);
        QCOMPARE(model.removeAlerts([](const core::Alert& a) { return a.cameraId == "hall"; }), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.unreviewedCount(), 2);
        QCOMPARE(count.count(), 1);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.alertAt(row)->cameraId, std::string("quai"));
        }
    }

    void verdictSurvivesRepublication() {
        widgets::AlertListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        core::Alert a = makeAlert(7);
        model.upsertAlert(a);
        model.setQualification(QString::fromStdString(a.uid), core::Qualification::Confirmed,
                               QStringLiteral("vu"));
        QCOMPARE(model.unreviewedCount(), 0);
        a.open = false;  // the engine closes it later
        model.upsertAlert(a);
        QCOMPARE(model.alertAt(0)->qualification, core::Qualification::Confirmed);
        QCOMPARE(model.alertAt(0)->comment, std::string("vu"));
        QVERIFY(!model.alertAt(0)->open);
    }

    void historyIsBoundedButUnreviewedStay() {
        widgets::AlertListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int total = widgets::AlertListModel::kMaxRows + 50;
        for (int i = 0; i < total; ++i) {
            core::Alert a = makeAlert(i);
            if (i >= 10) {
                a.qualification = core::Qualification::FalsePositive;
            }
            model.upsertAlert(a);
        }
        QCOMPARE(model.rowCount(), widgets::AlertListModel::kMaxRows);
        QCOMPARE(model.unreviewedCount(), 10);  // the ten oldest, unreviewed, are kept
        QCOMPARE(model.rowOfUid(QString::fromStdString(makeAlert(0).uid)), model.rowCount() - 1);
        QCOMPARE(model.rowOfUid(QString::fromStdString(makeAlert(10).uid)), -1);  // dropped
    }

    void historyFallsAtItsPlaceWithThumbnailAndTaker() {
        widgets::AlertListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsertAlert(makeAlert(10));
        model.upsertAlert(makeAlert(30));
        // An older alert found in the history goes between, not on top.
        QVERIFY(model.upsertAlert(makeAlert(20)));
        QVERIFY(!model.upsertAlert(makeAlert(20)));
        QCOMPARE(model.rowOfUid(QString::fromStdString(makeAlert(20).uid)), 1);
        const QString uid = QString::fromStdString(makeAlert(30).uid);
        QImage picture(640, 360, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        model.setThumbnail(uid, picture);
        const QImage thumb =
            model.data(model.index(0, widgets::AlertListModel::ThumbnailColumn), Qt::DecorationRole)
                .value<QImage>();
        QCOMPARE(thumb.size(), widgets::AlertListModel::kThumbnailSize);
        model.setTakenBy(uid, QStringLiteral("martin"));
        QCOMPARE(model.data(model.index(0, widgets::AlertListModel::StateColumn)).toString(),
                 QStringLiteral("Vue (martin)"));
        // Unreviewed rows are tinted; reviewed ones are not.
        QVERIFY(model.data(model.index(0, 1), Qt::BackgroundRole).isValid());
        model.setQualification(uid, core::Qualification::Confirmed, QString(),
                               QStringLiteral("martin"));
        QVERIFY(!model.data(model.index(0, 1), Qt::BackgroundRole).isValid());
        QCOMPARE(model.data(model.index(0, widgets::AlertListModel::StateColumn)).toString(),
                 QStringLiteral("Confirmée (martin)"));
    }

    void filterProxy() {
        widgets::AlertListModel model;
        widgets::AlertFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 6; ++i) {
            core::Alert a =
                makeAlert(i, i % 2 == 0 ? core::EventType::Intrusion : core::EventType::Fire);
            a.cameraId = i < 3 ? "cam1" : "cam2";
            if (i == 0) {
                a.qualification = core::Qualification::FalsePositive;
            }
            model.upsertAlert(a);
        }
        QCOMPARE(proxy.rowCount(), 6);
        proxy.setCameraId(QStringLiteral("cam2"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setEvent(core::EventType::Fire);
        QCOMPARE(proxy.rowCount(), 2);  // alerts 3 and 5
        proxy.setCameraId(QString());
        proxy.setEvent(core::EventType::Invalid);
        proxy.setState(widgets::AlertFilterProxy::StateFilter::FalsePositive);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setState(widgets::AlertFilterProxy::StateFilter::Unreviewed);
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setState(widgets::AlertFilterProxy::StateFilter::All);
        proxy.setFromMs(makeAlert(4).wallStartMs);
        QCOMPARE(proxy.rowCount(), 2);
    }

    void cameraTree() {
        widgets::CameraTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<core::Camera> cameras(3);
        cameras[0].id = "quai-1";
        cameras[0].name = "Quai 1";
        cameras[1].id = "quai-2";
        cameras[1].name = "Quai 2";
        cameras[2].id = "hall";
        cameras[2].enabled = false;
        model.setCameras(QStringLiteral("Gare"), cameras);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex site = model.index(0, 0);
        QCOMPARE(site.data().toString(), QStringLiteral("Gare"));
        QCOMPARE(model.rowCount(site), 3);
        QCOMPARE(model.index(2, 0, site).data().toString(), QStringLiteral("hall"));
        QVERIFY(model.index(2, 0, site)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("désactivée")));
        model.setTiles({{QStringLiteral("quai-2"), 5}});
        QCOMPARE(model.index(1, widgets::CameraTreeModel::TileColumn, site).data().toInt(), 5);
        model.setCameraState(QStringLiteral("quai-1"), core::CameraState::Reconnecting);
        QVERIFY(model.index(0, 0, site)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("connexion")));
        // Cameras drag as their id; the site row does not drag.
        QVERIFY(model.flags(model.index(0, 0, site)) & Qt::ItemIsDragEnabled);
        QVERIFY(!(model.flags(site) & Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> mime(model.mimeData({model.index(1, 0, site)}));
        QVERIFY(mime != nullptr);
        QCOMPARE(QString::fromUtf8(mime->data(QString::fromLatin1(widgets::kCameraMimeType))),
                 QStringLiteral("quai-2"));
        QCOMPARE(model.indexOfCamera(QStringLiteral("hall")), model.index(2, 0, site));
    }
};

QTEST_MAIN(TestAlertListModel)
#include "tst_alert_list_model.moc"
