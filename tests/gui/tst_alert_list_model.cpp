// The operator's alert list model: newest first, upsert by uid, the operator's verdict kept
// when the engine re-publishes an alert, the unreviewed count, and the bounded history.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include "tests/support/core_printers.h"
#include "widgets/alert_list_model.h"

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
};

QTEST_MAIN(TestAlertListModel)
#include "tst_alert_list_model.moc"
