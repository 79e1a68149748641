// Alert review as an operator does it, offscreen, on the real workstation composition in
// review mode (no engine): an L1 operator logs in, alerts arrive, the operator selects them
// in the list, takes one in charge (Espace) and replays its clip, confirms one with a comment
// (Ctrl+Entrée), classes another as a false alert with its reason, and filters the list.
// The verdicts are read back from the SQCipher file and the hash-chained audit log. An alert
// postponed (« Reporter 30 s », Ctrl+R; a short delay here) leaves the prominent place and
// comes back as new, unless it was qualified meanwhile.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "app/workstation/alert_media_cache.h"
#include "app/workstation/workstation.h"
#include "core/alert_store.h"
#include "core/audit_log.h"
#include "core/key_file.h"
#include "core/rule_engine.h"
#include "core/store_writer.h"
#include "tests/support/test_support.h"
#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/core_metatypes.h"
#include "widgets/operator_window.h"
#include "widgets/video_tile.h"

using namespace vigie;

namespace {

const char kAdminPassword[] = "Vigie-Gare-Nord-2026!";
const char kOperatorPassword[] = "Quai-Nord-2026!";

core::Alert makeAlert(int n, const std::string& camera, core::EventType event,
                      core::Severity severity, std::int64_t wallMs) {
    core::Alert a;
    a.uid = core::makeUid();
    a.siteId = "demo-generated";
    a.cameraId = camera;
    a.ruleId = "intrusion-armoire";
    a.zoneId = "armoire";
    a.event = event;
    a.severity = severity;
    a.startUs = 10'000'000 + n * 1'000'000;
    a.endUs = a.startUs + 2'000'000;
    a.wallStartMs = wallMs;
    a.wallEndMs = wallMs + 2000;
    a.open = true;
    a.score = 0.5 + 0.1 * n;
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

}  // namespace

class TestAlertReview : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    app::WorkstationOptions options() const {
        app::WorkstationOptions o;
        o.sitePath =
            test::sourcePath(QStringLiteral("resources/demo/site-generated.json")).toStdString();
        o.stateDir = m_dir.filePath(QStringLiteral("state")).toStdString();
        o.useKeychain = false;
        o.passwordHashing = core::PasswordHashing::Minimum;
        o.settingsPath = m_dir.filePath(QStringLiteral("layouts.ini")).toStdString();
        o.screens = 1;
        o.runEngine = false;
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        widgets::registerCoreMetaTypes();
    }

    void operatorReviewsAlerts() {
        app::Workstation ws;
        const auto opened = ws.open(options());
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        QVERIFY(!ws.hasAccounts());
        QVERIFY(ws.createFirstAdministrator("admin", kAdminPassword).ok());
        auto admin = ws.authenticate("admin", kAdminPassword);
        QVERIFY(admin.ok());
        core::UserSpec spec;
        spec.login = "martin";
        spec.displayName = "M. Martin";
        spec.level = core::Level::Operator;
        const auto created = ws.accounts()->createUser(*admin, spec, kOperatorPassword);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        // A wrong password is refused by core.
        QVERIFY(!ws.authenticate("martin", "wrong-password-1A").ok());
        auto op = ws.authenticate("martin", kOperatorPassword);
        QVERIFY(op.ok());
        QCOMPARE(op->level, core::Level::Operator);
        const auto started = ws.start(*op);
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());

        widgets::OperatorWindow* window = ws.alertWindow();
        QVERIFY(window != nullptr);
        widgets::AlertPanel* panel = window->alertPanel();
        QVERIFY(panel != nullptr);
        QAbstractItemModelTester listTester(window->alertModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            panel->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window->resize(1920, 1080);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // Pictures of the camera go through the media cache as the engine would send them.
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i <= 60; ++i) {
            core::FrameAnalysis fa;
            fa.cameraId = "parvis";
            fa.ptsUs = 2'000'000 + std::int64_t(i) * 200'000;  // 2 s … 14 s
            core::OverlayObject o;
            o.box = {0.5F + 0.001F * float(i), 0.55F, 0.65F, 0.95F};
            o.label = "person";
            o.score = 0.8F;
            o.alerting = i >= 40;
            fa.objects.push_back(o);
            if (i == 40) {
                // The alert opens at 10 s, when picture 40 is analysed.
                const core::Alert first = makeAlert(0, "parvis", core::EventType::Intrusion,
                                                    core::Severity::Major, now - 60'000);
                ws.storeWriter()->onAlertOpened(first);
                ws.media()->onAlert(first);
                window->showAlert(first);
            }
            ws.media()->onFrame(QStringLiteral("parvis"), picture(i), fa);
        }
        const core::Alert second =
            makeAlert(1, "parvis", core::EventType::Intrusion, core::Severity::Major, now - 30'000);
        const core::Alert third =
            makeAlert(2, "quai-2", core::EventType::Fire, core::Severity::Critical, now - 10'000);
        for (const auto& a : {second, third}) {
            ws.storeWriter()->onAlertOpened(a);
            window->showAlert(a);
        }
        const core::Alert first = *window->alertModel()->alertAt(2);
        QCOMPARE(window->alertModel()->rowCount(), 3);
        QCOMPARE(window->alertModel()->unreviewedCount(), 3);
        // New alerts ring (once each) and stay prominent: bold, counted in the title.
        QCOMPARE(panel->soundsPlayed(), 3);
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("(3)")));
        QVERIFY(window->alertModel()
                    ->data(window->alertModel()->index(0, widgets::AlertListModel::EventColumn),
                           Qt::FontRole)
                    .value<QFont>()
                    .bold());
        // The snapshot thumbnail of the first alert came from the cache.
        QVERIFY(window->alertModel()->hasThumbnail(QString::fromStdString(first.uid)));

        QTableView* view = panel->view();
        const auto clickRow = [view](int row) {
            const QRect r = view->visualRect(view->model()->index(row, 2));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, r.center());
        };

        // Select the oldest (third row): its clip is there, starting at the alert.
        clickRow(2);
        QCOMPARE(panel->selectedUid(), QString::fromStdString(first.uid));
        QVERIFY(panel->clipView()->frameCount() >= 40);
        QCOMPARE(panel->clipView()->offsetMs(), 0);
        // Espace: taken in charge (« Vue (martin) ») and the clip plays.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(ws.alertModel()->takenBy(QString::fromStdString(first.uid)),
                 QStringLiteral("martin"));
        QVERIFY(panel->clipView()->isPlaying());
        panel->clipView()->pause();
        // The clip's timeline is the stream's: five pictures later is one second later.
        int atAlert = -1;
        for (int i = 0; i < panel->clipView()->frameCount() && atAlert < 0; ++i) {
            panel->clipView()->seek(i);
            atAlert = panel->clipView()->offsetMs() == 0 ? i : -1;
        }
        QCOMPARE(panel->clipView()->frameCount(), 61);
        QCOMPARE(atAlert, 40);  // 15 s before the alert are kept; the ring had 8 s (2–10 s)
        panel->clipView()->seek(atAlert + 5);
        QCOMPARE(panel->clipView()->offsetMs(), 1000);

        // Confirm with a comment, from the keyboard.
        auto* comment = panel->findChild<QLineEdit*>(QStringLiteral("alertComment"));
        QVERIFY(comment != nullptr);
        comment->insert(
            QStringLiteral("Intrus vu à l'armoire"));  // non-ASCII: QTest::keyClicks is ASCII only
        QTest::keyClick(comment, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(ws.alertModel()->alertByUid(QString::fromStdString(first.uid))->qualification,
                 core::Qualification::Confirmed);
        QCOMPARE(window->alertModel()->unreviewedCount(), 2);

        // A false alert needs its reason: without one nothing is qualified.
        clickRow(1);
        QCOMPARE(panel->selectedUid(), QString::fromStdString(second.uid));
        auto* falseButton = panel->findChild<QPushButton*>(QStringLiteral("falsePositiveButton"));
        QVERIFY(falseButton != nullptr && falseButton->isEnabled());
        QTest::mouseClick(falseButton, Qt::LeftButton);
        QCOMPARE(ws.alertModel()->alertByUid(QString::fromStdString(second.uid))->qualification,
                 core::Qualification::Unreviewed);
        QVERIFY(panel->statusText().contains(QStringLiteral("motif")));
        auto* reason = panel->findChild<QComboBox*>(QStringLiteral("falsePositiveReason"));
        QVERIFY(reason != nullptr);
        reason->hidePopup();
        reason->setCurrentIndex(2);  // « Ombre »
        comment->insert(QStringLiteral("ombre portée du kiosque"));
        QTest::mouseClick(falseButton, Qt::LeftButton);
        QCOMPARE(ws.alertModel()->alertByUid(QString::fromStdString(second.uid))->qualification,
                 core::Qualification::FalsePositive);

        // Filters: state, camera, event.
        auto* state = panel->findChild<QComboBox*>(QStringLiteral("stateFilter"));
        auto* camera = panel->findChild<QComboBox*>(QStringLiteral("cameraFilter"));
        QVERIFY(state != nullptr && camera != nullptr);
        state->setCurrentIndex(
            state->findData(int(widgets::AlertFilterProxy::StateFilter::Unreviewed)));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(widgets::AlertListModel::UidRole).toString(),
                 QString::fromStdString(third.uid));
        state->setCurrentIndex(0);
        camera->setCurrentIndex(camera->findData(QStringLiteral("parvis")));
        QCOMPARE(view->model()->rowCount(), 2);
        panel->setEventFilter(core::EventType::Fire);
        QCOMPARE(view->model()->rowCount(), 0);
        panel->setCameraFilter(QString());
        QCOMPARE(view->model()->rowCount(), 1);
        panel->setEventFilter(core::EventType::Invalid);
        QCOMPARE(view->model()->rowCount(), 3);

        // M mutes: a new critical alert does not ring.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_M);
        QVERIFY(panel->isMuted());
        const int sounds = panel->soundsPlayed();
        window->showAlert(
            makeAlert(3, "parvis", core::EventType::Weapon, core::Severity::Critical, now - 1000));
        QCOMPARE(panel->soundsPlayed(), sounds);

        // Everything reaches the encrypted store, with who decided.
        QVERIFY(ws.storeWriter()->flush(std::chrono::seconds(10)).ok());
        core::KeyFileProvider keys(
            m_dir.filePath(QStringLiteral("state/keys/demo-generated.key")).toStdString());
        auto key = keys.loadOrCreateKey();
        QVERIFY(key.ok());
        auto store = core::AlertStore::open(ws.databasePath(), *key);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
        auto confirmed = (*store)->find(first.uid);
        QVERIFY(confirmed.ok() && confirmed->has_value());
        QCOMPARE((*confirmed)->qualification, core::Qualification::Confirmed);
        QCOMPARE(QString::fromStdString((*confirmed)->comment),
                 QStringLiteral("Intrus vu à l'armoire"));
        QCOMPARE((*confirmed)->qualifiedBy, std::string("martin"));
        auto rejected = (*store)->find(second.uid);
        QVERIFY(rejected.ok() && rejected->has_value());
        QCOMPARE((*rejected)->qualification, core::Qualification::FalsePositive);
        QCOMPARE(QString::fromStdString((*rejected)->comment),
                 QStringLiteral("Ombre — ombre portée du kiosque"));
        auto untouched = (*store)->find(third.uid);
        QVERIFY(untouched.ok() && untouched->has_value());
        QCOMPARE((*untouched)->qualification, core::Qualification::Unreviewed);

        // …and to the audit log, chained and intact.
        auto log = core::AuditLog::open(ws.databasePath(), *key, "demo-generated");
        QVERIFY(log.ok());
        core::AuditFilter qualified;
        qualified.action = "alert_qualified";
        auto records = (*log)->list(qualified);
        QVERIFY(records.ok());
        QCOMPARE(int(records->size()), 2);
        QCOMPARE(records->at(0).actor, std::string("martin"));
        QCOMPARE(records->at(0).target, first.uid);
        QVERIFY(records->at(0).detailsJson.find("\"confirmed\"") != std::string::npos);
        QCOMPARE(records->at(1).target, second.uid);
        QVERIFY(records->at(1).detailsJson.find("false_positive") != std::string::npos);
        core::AuditFilter taken;
        taken.action = "alert_taken";
        auto takes = (*log)->list(taken);
        QVERIFY(takes.ok() && takes->size() == 1);
        auto verified = (*log)->verify();
        QVERIFY(verified.ok() && verified->intact);

        // History search: a restart shows the stored verdicts, and the search finds them.
        store->reset();
        ws.shutdown();
        app::Workstation again;
        QVERIFY(again.open(options()).ok());
        auto op2 = again.authenticate("martin", kOperatorPassword);
        QVERIFY(op2.ok());
        QVERIFY(again.start(*op2).ok());
        auto* panel2 = again.alertWindow()->alertPanel();
        QCOMPARE(again.alertModel()->alertByUid(QString::fromStdString(second.uid))->qualification,
                 core::Qualification::FalsePositive);
        again.alertModel()->clear();
        panel2->setStateFilter(widgets::AlertFilterProxy::StateFilter::FalsePositive);
        QCOMPARE(panel2->searchHistory(), 1);
        QCOMPARE(panel2->view()->model()->rowCount(), 1);
        panel2->setStateFilter(widgets::AlertFilterProxy::StateFilter::All);
        panel2->setPeriodFilter(24);
        QCOMPARE(panel2->searchHistory(), 3);
        again.shutdown();
    }

    void operatorPostponesAnAlert() {
        app::WorkstationOptions o = options();
        o.stateDir = m_dir.filePath(QStringLiteral("postpone")).toStdString();
        o.settingsPath = m_dir.filePath(QStringLiteral("postpone.ini")).toStdString();
        app::Workstation ws;
        QVERIFY(ws.open(o).ok());
        QVERIFY(ws.createFirstAdministrator("admin", kAdminPassword).ok());
        auto admin = ws.authenticate("admin", kAdminPassword);
        QVERIFY(admin.ok());
        core::UserSpec spec;
        spec.login = "martin";
        spec.level = core::Level::Operator;
        QVERIFY(ws.accounts()->createUser(*admin, spec, kOperatorPassword).ok());
        auto op = ws.authenticate("martin", kOperatorPassword);
        QVERIFY(op.ok());
        QVERIFY(ws.start(*op).ok());
        widgets::OperatorWindow* window = ws.alertWindow();
        widgets::AlertPanel* panel = window->alertPanel();
        QVERIFY(panel != nullptr);
        widgets::AlertListModel* model = ws.alertModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->postponeDelay(), std::chrono::milliseconds(30'000));
        const std::chrono::milliseconds delay(400);
        model->setPostponeDelay(delay);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        const core::Alert fire =
            makeAlert(0, "parvis", core::EventType::Fire, core::Severity::Critical, now - 2000);
        const core::Alert other =
            makeAlert(1, "quai-2", core::EventType::Intrusion, core::Severity::Major, now - 1000);
        ws.alertSink()->onAlertOpened(fire);
        ws.alertSink()->onAlertOpened(other);
        QTRY_COMPARE(model->rowCount(), 2);
        const QString fireUid = QString::fromStdString(fire.uid);
        const QString otherUid = QString::fromStdString(other.uid);
        widgets::VideoTile* tile = window->tileForCameraId(QStringLiteral("parvis"));
        QVERIFY(tile != nullptr);
        QVERIFY(tile->isFlashing());
        QCOMPARE(model->unreviewedCount(), 2);
        QCOMPARE(panel->soundsPlayed(), 2);
        const auto stateOf = [model](const QString& uid) {
            return model->index(model->rowOfUid(uid), widgets::AlertListModel::StateColumn)
                .data()
                .toString();
        };
        const auto isBold = [model](const QString& uid) {
            return model->index(model->rowOfUid(uid), widgets::AlertListModel::EventColumn)
                .data(Qt::FontRole)
                .value<QFont>()
                .bold();
        };
        QVERIFY(isBold(fireUid));
        QCOMPARE(stateOf(fireUid), QStringLiteral("Nouvelle (en cours)"));

        // Ctrl+R on the selected fire alert: aside, no longer counted, bold nor flashing.
        QSignalSpy back(model, &widgets::AlertListModel::postponeEnded);
        panel->selectUid(fireUid);
        QCOMPARE(panel->selectedUid(), fireUid);
        auto* postponeButton = panel->findChild<QPushButton*>(QStringLiteral("postponeButton"));
        QVERIFY(postponeButton != nullptr && postponeButton->isEnabled());
        panel->view()->setFocus();
        QTest::keyClick(panel->view(), Qt::Key_R, Qt::ControlModifier);
        QVERIFY(model->isPostponed(fireUid));
        QCOMPARE(model->unreviewedCount(), 1);
        QCOMPARE(stateOf(fireUid), QStringLiteral("Reportée"));
        QVERIFY(!isBold(fireUid));
        QVERIFY(!tile->isAlerting());
        QVERIFY(!postponeButton->isEnabled());
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("(1)")));
        QCOMPARE(model->alertByUid(fireUid)->qualification, core::Qualification::Unreviewed);
        const int sounds = panel->soundsPlayed();
        // Ctrl+R again on a postponed alert does nothing (one audit record).
        QTest::keyClick(panel->view(), Qt::Key_R, Qt::ControlModifier);

        // Nobody handled it: back as new after the delay, with its sound and its tile.
        QTRY_COMPARE(back.count(), 1);
        QVERIFY(!model->isPostponed(fireUid));
        QCOMPARE(model->unreviewedCount(), 2);
        QVERIFY(isBold(fireUid));
        QCOMPARE(stateOf(fireUid), QStringLiteral("Nouvelle (en cours)"));
        QVERIFY(tile->isFlashing());
        QCOMPARE(panel->soundsPlayed(), sounds + 1);
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("(2)")));

        // Postponed with the button, then confirmed: handled, it does not come back.
        panel->selectUid(otherUid);
        QVERIFY(postponeButton->isEnabled());
        QTest::mouseClick(postponeButton, Qt::LeftButton);
        QVERIFY(model->isPostponed(otherUid));
        panel->confirmSelected();
        QCOMPARE(model->alertByUid(otherUid)->qualification, core::Qualification::Confirmed);
        QVERIFY(!model->isPostponed(otherUid));
        QTest::qWait(int(delay.count()) * 2);
        QCOMPARE(back.count(), 1);
        QCOMPARE(model->alertByUid(otherUid)->qualification, core::Qualification::Confirmed);
        QCOMPARE(model->unreviewedCount(), 1);

        // Audited like the other decisions, by whom and for which camera.
        core::AuditFilter postponed;
        postponed.action = "alert_postponed";
        auto records = ws.auditLog()->list(postponed);
        QVERIFY(records.ok());
        QCOMPARE(int(records->size()), 2);
        QCOMPARE(records->at(0).actor, std::string("martin"));
        QCOMPARE(records->at(0).target, fire.uid);
        QVERIFY(records->at(0).detailsJson.find("parvis") != std::string::npos);
        QCOMPARE(records->at(1).target, other.uid);
        ws.shutdown();
    }

    void mediaCacheIsBounded() {
        app::AlertMediaCache::Options o;
        o.maxClips = 2;
        app::AlertMediaCache cache(o, nullptr);
        for (int i = 0; i < 200; ++i) {
            core::FrameAnalysis fa;
            fa.ptsUs = std::int64_t(i) * 200'000;  // 40 s at 5 pictures a second
            cache.onFrame(QStringLiteral("cam"), picture(i), fa);
        }
        // The ring covers the pre-alert offset (15 s) and a little more, no more.
        QVERIFY(cache.ringSize(QStringLiteral("cam")) <= 16 * 5 + 1);
        QVERIFY(cache.ringSize(QStringLiteral("cam")) >= 15 * 5);
        for (int n = 0; n < 3; ++n) {
            core::Alert a =
                makeAlert(n, "cam", core::EventType::Intrusion, core::Severity::Major, 0);
            a.startUs = 39'000'000;
            cache.onAlert(a);
        }
        QCOMPARE(cache.clipCount(), 2);
        // A stream that restarts at 0 ends the captures rather than mixing timelines.
        core::FrameAnalysis restart;
        restart.ptsUs = 0;
        cache.onFrame(QStringLiteral("cam"), picture(0), restart);
        QCOMPARE(cache.ringSize(QStringLiteral("cam")), 1);
    }
};

QTEST_MAIN(TestAlertReview)
#include "tst_alert_review.moc"
