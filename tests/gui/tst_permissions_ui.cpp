// What each level reaches from the operator window, offscreen, on the real workstation in
// review mode: an L1 operator sees neither Paramétrage (zones, rules, replay tuning) nor
// Administration, cannot stop the processing, and a request for those screens is refused
// by core and written to the audit log; an L2 advanced user reaches the set-up screens; an
// L3 administrator everything. A camera-scoped operator only lists and places its cameras,
// and a profile that denies qualification makes core refuse the verdict. Live alerts follow
// the camera scope too: a scoped operator neither lists, hears nor sees flashing the alerts
// of other cameras, an unscoped one does.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QDateTime>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include "app/workstation/workstation.h"
#include "core/audit_log.h"
#include "core/key_file.h"
#include "core/rule_engine.h"
#include "core/store_writer.h"
#include "tests/support/test_support.h"
#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/camera_tree_model.h"
#include "widgets/core_metatypes.h"
#include "widgets/operator_window.h"

using namespace vigie;
using widgets::Screen;

namespace {

const char kAdminPassword[] = "Vigie-Gare-Nord-2026!";
const char kPassword[] = "Poste-Gare-2026!";

core::Alert liveAlert(const std::string& camera, std::int64_t wallMs) {
    core::Alert a;
    a.uid = core::makeUid();
    a.siteId = "gare";
    a.cameraId = camera;
    a.ruleId = "r";
    a.event = core::EventType::Intrusion;
    a.severity = core::Severity::Major;
    a.wallStartMs = wallMs;
    a.open = true;
    return a;
}

}  // namespace

class TestPermissionsUi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_site;

    app::WorkstationOptions options() const {
        app::WorkstationOptions o;
        o.sitePath = m_site.toStdString();
        o.stateDir = m_dir.filePath(QStringLiteral("state")).toStdString();
        o.useKeychain = false;
        o.passwordHashing = core::PasswordHashing::Minimum;
        o.settingsPath = m_dir.filePath(QStringLiteral("layouts.ini")).toStdString();
        o.screens = 1;
        o.runEngine = false;
        return o;
    }

    // Opens the workstation, creating the administrator and the accounts on first use.
    static core::Principal login(app::Workstation& ws, const std::string& name) {
        auto p = ws.authenticate(name, name == "admin" ? kAdminPassword : kPassword);
        if (!p) {
            qWarning("login %s: %s", name.c_str(), p.error().message.c_str());
            return {};
        }
        return *p;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        widgets::registerCoreMetaTypes();
        // Three cameras, so that scopes mean something.
        m_site = m_dir.filePath(QStringLiteral("site.json"));
        QFile f(m_site);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "{\"version\": 1,\n"
            "  \"site\": {\"id\": \"gare\", \"name\": \"Gare\", "
            "\"timezone\": \"Europe/Paris\"},\n"
            "  \"engine\": {\"detector\": \"motion\", \"device\": \"cpu\"},\n"
            "  \"cameras\": [\n"
            "    {\"id\": \"quai-1\", \"name\": \"Quai 1\", "
            "\"source\": {\"url\": \"quai1.mp4\"}},\n"
            "    {\"id\": \"quai-2\", \"name\": \"Quai 2\", "
            "\"source\": {\"url\": \"quai2.mp4\"}},\n"
            "    {\"id\": \"hall\", \"name\": \"Hall nord\", "
            "\"source\": {\"url\": \"hall.mp4\"}}\n"
            "  ]}\n");
        f.close();

        app::Workstation ws;
        const auto opened = ws.open(options());
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        QVERIFY(ws.createFirstAdministrator("admin", kAdminPassword).ok());
        const core::Principal admin = login(ws, "admin");
        QVERIFY(admin.valid());
        core::ProfileSpec noVerdict;
        noVerdict.name = "observateur";
        noVerdict.denials = {core::Permission::QualifyAlerts};
        QVERIFY(ws.accounts()->saveProfile(admin, noVerdict).ok());
        const auto add = [&](const std::string& name, core::Level level,
                             std::vector<std::string> cameras = {},
                             std::vector<std::string> profiles = {}) {
            core::UserSpec u;
            u.login = name;
            u.level = level;
            u.cameraScope = std::move(cameras);
            u.profiles = std::move(profiles);
            const auto s = ws.accounts()->createUser(admin, u, kPassword);
            QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        };
        add("operateur", core::Level::Operator);
        add("parametreur", core::Level::AdvancedUser);
        add("quai2", core::Level::Operator, {"quai-2"});
        add("observateur", core::Level::Operator, {}, {"observateur"});
    }

    void operatorCannotReachSetupOrAdministration() {
        app::Workstation ws;
        QVERIFY(ws.open(options()).ok());
        const core::Principal op = login(ws, "operateur");
        QCOMPARE(op.level, core::Level::Operator);
        QVERIFY(ws.start(op).ok());
        widgets::OperatorWindow* w = ws.window();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));

        // Hidden menus and actions.
        QVERIFY(!w->setupMenu()->menuAction()->isVisible());
        QVERIFY(!w->adminMenu()->menuAction()->isVisible());
        for (const Screen s : {Screen::ZoneEditor, Screen::RuleBuilder, Screen::ReplayTuning,
                               Screen::Administration}) {
            QVERIFY(w->screenAction(s) != nullptr);
            QVERIFY(!w->screenAction(s)->isVisible());
            QVERIFY(!w->screenAction(s)->isEnabled());
        }
        QVERIFY(!w->stopProcessingAction()->isEnabled());
        // What an operator may see stays: the health view, the statistics, qualification.
        QVERIFY(w->screenAction(Screen::Health)->isVisible());
        QVERIFY(w->screenAction(Screen::Statistics)->isVisible());

        // Reaching them anyway (shortcut, stale menu, script): core refuses, it is logged.
        QSignalSpy opened(w, &widgets::OperatorWindow::screenRequested);
        QSignalSpy refused(w, &widgets::OperatorWindow::accessRefused);
        for (const Screen s : {Screen::ZoneEditor, Screen::RuleBuilder, Screen::Administration}) {
            const core::Status st = w->requestScreen(s);
            QVERIFY(!st.ok());
            QVERIFY(st.error().message.find("permission denied") != std::string::npos);
        }
        QCOMPARE(opened.count(), 0);
        QCOMPARE(refused.count(), 3);
        w->screenAction(Screen::ZoneEditor)->trigger();  // disabled: nothing happens
        QCOMPARE(opened.count(), 0);
        // The same decision, straight from core.
        auto acl = ws.accounts()->accessControl();
        QVERIFY(acl.ok());
        QVERIFY(!widgets::checkScreen(*acl, op, Screen::ZoneEditor).ok());
        QVERIFY(!acl->check(op, core::Permission::EditZones).ok());
        QVERIFY(!acl->check(op, core::Permission::ManageUsers).ok());
        QVERIFY(widgets::checkScreen(*acl, op, Screen::Health).ok());

        core::AuditFilter denied;
        denied.action = "access_denied";
        denied.actor = "operateur";
        auto records = ws.auditLog()->list(denied);
        QVERIFY(records.ok());
        QCOMPARE(int(records->size()), 3);
        QCOMPARE(records->at(0).target, std::string("zone_editor"));
        ws.shutdown();
    }

    void advancedUserAndAdministrator() {
        app::Workstation ws;
        QVERIFY(ws.open(options()).ok());
        const core::Principal l2 = login(ws, "parametreur");
        QVERIFY(ws.start(l2).ok());
        widgets::OperatorWindow* w = ws.window();
        QVERIFY(w->setupMenu()->menuAction()->isVisible());
        QVERIFY(w->screenAction(Screen::ZoneEditor)->isVisible());
        QVERIFY(w->screenAction(Screen::RuleBuilder)->isVisible());
        QVERIFY(w->stopProcessingAction()->isEnabled());
        QSignalSpy opened(w, &widgets::OperatorWindow::screenRequested);
        QVERIFY(w->requestScreen(Screen::ZoneEditor).ok());
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).value<Screen>(), Screen::ZoneEditor);

        // The administrator takes the same windows over: everything is reachable.
        const core::Principal l3 = login(ws, "admin");
        QVERIFY(ws.switchUser(l3).ok());
        for (const Screen s : {Screen::ZoneEditor, Screen::RuleBuilder, Screen::ReplayTuning,
                               Screen::Administration, Screen::Health, Screen::Statistics}) {
            QVERIFY(w->screenAction(s)->isVisible());
            QVERIFY(w->requestScreen(s).ok());
        }
        QVERIFY(w->adminMenu()->menuAction()->isVisible());
        // And back to an operator: hidden again.
        const core::Principal l1 = login(ws, "operateur");
        QVERIFY(ws.switchUser(l1).ok());
        QVERIFY(!w->screenAction(Screen::Administration)->isVisible());
        QVERIFY(!w->requestScreen(Screen::Administration).ok());
        ws.shutdown();
    }

    void cameraScopeLimitsTheWalls() {
        app::Workstation ws;
        QVERIFY(ws.open(options()).ok());
        const core::Principal op = login(ws, "quai2");
        QVERIFY(ws.start(op).ok());
        widgets::OperatorWindow* w = ws.window();
        QAbstractItemModelTester tester(w->cameraModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(w->cameraModel()->cameraCount(), 1);
        QVERIFY(w->cameraModel()->indexOfCamera(QStringLiteral("quai-2")).isValid());
        QVERIFY(!w->cameraModel()->indexOfCamera(QStringLiteral("hall")).isValid());
        QCOMPARE(w->tileByNumber(1)->cameraId(), QStringLiteral("quai-2"));
        // A camera out of scope cannot be placed, even by a forged drop.
        w->assignCamera(2, QStringLiteral("hall"));
        QVERIFY(w->tileByNumber(2)->cameraId().isEmpty());
        ws.shutdown();
    }

    void liveAlertsFollowTheCameraScope() {
        app::Workstation ws;
        QVERIFY(ws.open(options()).ok());
        const core::Principal scoped = login(ws, "quai2");
        QVERIFY(ws.start(scoped).ok());
        QVERIFY(ws.alertSink() != nullptr);
        widgets::OperatorWindow* w = ws.alertWindow();
        widgets::AlertPanel* panel = w->alertPanel();
        QVERIFY(panel != nullptr);
        QAbstractItemModelTester tester(ws.alertModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int rowsBefore = ws.alertModel()->rowCount();
        const int soundsBefore = panel->soundsPlayed();

        // As the engine publishes them: the hall's alert first, then the platform's.
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        const core::Alert other = liveAlert("hall", now - 2000);
        const core::Alert own = liveAlert("quai-2", now - 1000);
        ws.alertSink()->onAlertOpened(other);
        ws.alertSink()->onAlertOpened(own);
        QTRY_VERIFY(ws.alertModel()->alertByUid(QString::fromStdString(own.uid)) != nullptr);
        // Delivered in order: the hall's alert went by and was left out, with its sound.
        QVERIFY(ws.alertModel()->alertByUid(QString::fromStdString(other.uid)) == nullptr);
        QCOMPARE(ws.alertModel()->rowCount(), rowsBefore + 1);
        QCOMPARE(panel->soundsPlayed(), soundsBefore + 1);
        QVERIFY(!ws.alertModel()->hasThumbnail(QString::fromStdString(other.uid)));
        // An update of the hall's alert does not sneak it in either.
        core::Alert updated = other;
        updated.score = 0.9;
        ws.alertSink()->onAlertUpdated(updated);
        const core::Alert own2 = liveAlert("quai-2", now - 500);
        ws.alertSink()->onAlertOpened(own2);
        QTRY_VERIFY(ws.alertModel()->alertByUid(QString::fromStdString(own2.uid)) != nullptr);
        QVERIFY(ws.alertModel()->alertByUid(QString::fromStdString(other.uid)) == nullptr);
        for (const core::Alert* a : {ws.alertModel()->alertAt(0), ws.alertModel()->alertAt(1)}) {
            QVERIFY(a != nullptr);
            QCOMPARE(a->cameraId, std::string("quai-2"));
        }

        // An operator of every camera gets the hall's alerts live (and the stored ones).
        QVERIFY(ws.storeWriter()->flush(std::chrono::seconds(10)).ok());
        const core::Principal everyCamera = login(ws, "operateur");
        QVERIFY(ws.switchUser(everyCamera).ok());
        QVERIFY(ws.alertModel()->alertByUid(QString::fromStdString(other.uid)) != nullptr);
        const int sounds = panel->soundsPlayed();
        const core::Alert hall = liveAlert("hall", now);
        ws.alertSink()->onAlertOpened(hall);
        QTRY_VERIFY(ws.alertModel()->alertByUid(QString::fromStdString(hall.uid)) != nullptr);
        QCOMPARE(panel->soundsPlayed(), sounds + 1);

        // Back to the scoped operator: the hall's alerts leave the list.
        QVERIFY(ws.switchUser(login(ws, "quai2")).ok());
        QVERIFY(ws.alertModel()->alertByUid(QString::fromStdString(hall.uid)) == nullptr);
        QVERIFY(ws.alertModel()->alertByUid(QString::fromStdString(other.uid)) == nullptr);
        QVERIFY(ws.alertModel()->alertByUid(QString::fromStdString(own.uid)) != nullptr);
        for (int row = 0; row < ws.alertModel()->rowCount(); ++row) {
            QCOMPARE(ws.alertModel()->alertAt(row)->cameraId, std::string("quai-2"));
        }
        ws.shutdown();
    }

    void deniedQualificationIsRefusedByCore() {
        app::Workstation ws;
        QVERIFY(ws.open(options()).ok());
        const core::Principal op = login(ws, "observateur");
        QVERIFY(!op.permissions.contains(core::Permission::QualifyAlerts));
        QVERIFY(ws.start(op).ok());
        core::Alert a;
        a.uid = core::makeUid();
        a.siteId = "gare";
        a.cameraId = "hall";
        a.ruleId = "r";
        a.event = core::EventType::Intrusion;
        a.severity = core::Severity::Major;
        a.wallStartMs = QDateTime::currentMSecsSinceEpoch();
        ws.storeWriter()->onAlertOpened(a);
        ws.alertWindow()->showAlert(a);
        auto* panel = ws.alertWindow()->alertPanel();
        panel->selectUid(QString::fromStdString(a.uid));
        // The buttons are disabled; a request sent anyway is refused by core.
        auto* confirm = panel->findChild<QPushButton*>(QStringLiteral("confirmButton"));
        QVERIFY(confirm != nullptr && !confirm->isEnabled());
        ws.qualify(QString::fromStdString(a.uid), core::Qualification::Confirmed, QString());
        QCOMPARE(ws.alertModel()->alertByUid(QString::fromStdString(a.uid))->qualification,
                 core::Qualification::Unreviewed);
        core::AuditFilter denied;
        denied.action = "access_denied";
        denied.actor = "observateur";
        auto records = ws.auditLog()->list(denied);
        QVERIFY(records.ok());
        QCOMPARE(int(records->size()), 1);
        QCOMPARE(records->at(0).target, a.uid);
        ws.shutdown();
    }
};

QTEST_MAIN(TestPermissionsUi)
#include "tst_permissions_ui.moc"
