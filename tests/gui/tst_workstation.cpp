// The workstation as an operator sees it, offscreen: the real composition (in-process
// engine, bridge, operator window) on the demo site. The tile shows the clip with boxes,
// the alert appears in the list and on the tile, and the operator can confirm it.
// Uses the real clip and YOLOX-nano when the data set is present, the generated clip and
// the motion detector otherwise.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "app/workstation/keychain_key_provider.h"
#include "app/workstation/workstation.h"
#include "core/alert_store.h"
#include "core/key_file.h"
#include "inference/engine.h"
#include "tests/support/test_support.h"
#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/camera_tree_model.h"
#include "widgets/core_metatypes.h"
#include "widgets/operator_window.h"
#include "widgets/video_tile.h"
#include "widgets/video_wall.h"

using namespace vigie;

class TestWorkstation : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { widgets::registerCoreMetaTypes(); }

    void showsClipBoxesAndAlert() {
        app::WorkstationOptions options;
        const bool real =
            vigie::test::hasData(QStringLiteral("video/aboda_video4_abandoned_bag.avi")) &&
            vigie::test::hasData(QStringLiteral("models/detector/yolox_nano_416.torchscript.pt"));
        if (real) {
            qputenv("VIGIE_DATA_DIR", vigie::test::dataDir().toLocal8Bit());
            options.sitePath =
                vigie::test::sourcePath(QStringLiteral("resources/demo/site.json")).toStdString();
            options.modelDir = vigie::test::dataPath(QStringLiteral("models")).toStdString();
            options.device = "cpu";
        } else {
            QString error;
            const QString clip = vigie::test::makeGeneratedDemoClip(m_dir.path(), &error);
            QVERIFY2(!clip.isEmpty(), qPrintable(error));
            qputenv("VIGIE_DEMO_DIR", m_dir.path().toLocal8Bit());
            options.sitePath =
                vigie::test::sourcePath(QStringLiteral("resources/demo/site-generated.json"))
                    .toStdString();
        }
        options.manifestPath =
            vigie::test::sourcePath(QStringLiteral("models/manifest.json")).toStdString();
        options.replayAsFastAsPossible = true;
        options.stateDir = m_dir.filePath(QStringLiteral("state")).toStdString();
        options.useKeychain = false;
        options.passwordHashing = core::PasswordHashing::Minimum;
        options.settingsPath = m_dir.filePath(QStringLiteral("layouts.ini")).toStdString();
        options.screens = 1;

        app::Workstation ws;
        const auto opened = ws.open(options);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        // A fresh installation: the first administrator, then a login.
        QVERIFY(!ws.hasAccounts());
        QVERIFY(ws.createFirstAdministrator("admin", "Vigie-Gare-Nord-2026!").ok());
        auto user = ws.authenticate("admin", "Vigie-Gare-Nord-2026!");
        QVERIFY(user.ok());
        const auto started = ws.start(*user);
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
        auto* window = ws.window();
        QAbstractItemModelTester tester(window->alertModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester cameras(window->cameraModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        window->resize(1920, 1080);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        widgets::VideoTile* tile = window->wall()->tile(0);
        QCOMPARE(tile->cameraId(), QStringLiteral("parvis"));
        // The clip plays with live detection boxes.
        QTRY_VERIFY_WITH_TIMEOUT(tile->hasPicture(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!tile->lastAnalysis().objects.empty(), 120000);
        // The demo event happens: an intrusion alert in the list, and on the tile.
        QTRY_VERIFY_WITH_TIMEOUT(window->alertModel()->rowCount() >= 1, 240000);
        const core::Alert* alert = window->alertModel()->alertAt(0);
        QVERIFY(alert != nullptr);
        QCOMPARE(alert->event, core::EventType::Intrusion);
        QCOMPARE(alert->cameraId, std::string("parvis"));
        QVERIFY(tile->isAlerting());
        const QString text =
            window->alertModel()
                ->data(window->alertModel()->index(0, widgets::AlertListModel::EventColumn))
                .toString();
        QCOMPARE(text, QStringLiteral("Intrusion en zone interdite"));
        const QString shot = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR");
        if (!shot.isEmpty()) {
            QVERIFY(window->grab().save(shot + QStringLiteral("/workstation-alert.png")));
        }

        // The operator confirms it: the row leaves the "new" state, the tile stops flashing.
        auto* panel = window->alertPanel();
        panel->selectUid(QString::fromStdString(alert->uid));
        auto* confirm = panel->findChild<QPushButton*>(QStringLiteral("confirmButton"));
        QVERIFY(confirm != nullptr);
        QTRY_VERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_COMPARE(
            window->alertModel()
                ->alertAt(window->alertModel()->rowOfUid(QString::fromStdString(alert->uid)))
                ->qualification,
            core::Qualification::Confirmed);
        QTRY_VERIFY(!tile->isAlerting());
        const std::string uid = alert->uid;
        ws.shutdown();

        // Stored encrypted, with the operator's verdict.
        core::KeyFileProvider keys(m_dir.filePath(QStringLiteral("state/keys/")).toStdString() +
                                   ws.site().id + ".key");
        auto key = keys.loadOrCreateKey();
        QVERIFY(key.ok());
        auto store = core::AlertStore::open(ws.databasePath(), *key);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
        auto stored = (*store)->find(uid);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->qualification, core::Qualification::Confirmed);
        QCOMPARE((*stored)->qualifiedBy, std::string("admin"));
        QCOMPARE((*stored)->event, core::EventType::Intrusion);
        QVERIFY(!(*stored)->open);
        store->reset();

        // A restart shows the history: nothing already stored is lost.
        app::Workstation again;
        options.replayAsFastAsPossible = false;
        QVERIFY(again.open(options).ok());
        auto back = again.authenticate("admin", "Vigie-Gare-Nord-2026!");
        QVERIFY(back.ok());
        QVERIFY(again.start(*back).ok());
        QVERIFY(again.window()->alertModel()->rowOfUid(QString::fromStdString(uid)) >= 0);
        again.shutdown();
    }

    void keychainHoldsTheKey() {
        app::KeychainKeyProvider provider(
            QStringLiteral("database-key/test-%1").arg(QCoreApplication::applicationPid()),
            m_dir.filePath(QStringLiteral("fallback.key")).toStdString());
        auto first = provider.loadOrCreateKey();
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        if (provider.usedFallback()) {
            // The key file fallback is exercised; say why the keyring part did not run.
            QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("fallback.key"))));
            QSKIP("no session keyring in this environment (deploy/test.sh starts one)");
        }
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("fallback.key"))));
        auto second = provider.loadOrCreateKey();
        QVERIFY(second.ok());
        QVERIFY(first->bytes == second->bytes);
        QVERIFY(provider.describe().find("keyring") != std::string::npos);
    }

    void falsePositiveNeedsAReason() {
        widgets::AlertListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        widgets::AlertPanel panel(&model);
        core::Alert a;
        a.uid = "0123456789abcdef0123456789abcdef";
        a.event = core::EventType::Intrusion;
        a.severity = core::Severity::Major;
        a.cameraId = "cam1";
        model.upsertAlert(a);
        panel.show();
        panel.selectUid(QString::fromStdString(a.uid));
        QSignalSpy spy(&panel, &widgets::AlertPanel::qualifyRequested);
        panel.markSelectedFalsePositive();
        QCOMPARE(spy.count(), 0);  // no reason chosen yet
        auto* reason = panel.findChild<QComboBox*>(QStringLiteral("falsePositiveReason"));
        QVERIFY(reason != nullptr);
        reason->hidePopup();
        reason->setCurrentIndex(1);
        panel.markSelectedFalsePositive();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).value<core::Qualification>(), core::Qualification::FalsePositive);
        QVERIFY(spy.at(0).at(2).toString().startsWith(reason->itemText(1)));
    }
};

QTEST_MAIN(TestWorkstation)
#include "tst_workstation.moc"
