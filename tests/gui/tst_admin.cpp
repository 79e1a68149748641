// The administration window on real SQLCipher stores in a temporary directory: pages shown
// by role (an L1 operator reaches none), a camera added, deactivated and tested through the
// form, a refused camera (credentials in the URL) that changes nothing, an account created
// with a level, the retention periods changed and an invalid policy refused, the audit chain
// verified, application logs read, a backup written and read back, a licence installed and
// a tampered one refused, an export written — each asserting the core values or the store
// contents, and the audit records that every operation leaves.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

#include "core/accounts.h"
#include "core/alert_store.h"
#include "core/audit_log.h"
#include "core/backup.h"
#include "core/count_store.h"
#include "core/licence.h"
#include "core/site_config.h"
#include "widgets/admin_backups.h"
#include "widgets/admin_cameras.h"
#include "widgets/admin_exports.h"
#include "widgets/admin_licences.h"
#include "widgets/admin_logs.h"
#include "widgets/admin_retention.h"
#include "widgets/admin_users.h"
#include "widgets/admin_window.h"

using namespace vigie;
using namespace vigie::widgets;

namespace {

constexpr std::int64_t kT0 = 1'800'000'000'000;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
const std::string kAdminPassword = "Poste-Central-2024!";
const std::string kOperatorPassword = "Operat0r-Strong-Pw";

const char* const kSiteJson =
    "{\"version\": 1,"
    " \"site\": {\"id\": \"test-site\", \"name\": \"Site de test\", \"timezone\": "
    "\"Europe/Paris\"},"
    " \"cameras\": [{\"id\": \"cam1\", \"name\": \"Parvis\","
    "   \"source\": {\"url\": \"rtsp://10.0.0.2:554/parvis\", \"transport\": \"tcp\"},"
    "   \"analysis_fps\": 12.5,"
    "   \"zones\": [{\"id\": \"z1\", \"name\": \"Zone interdite\", \"kind\": \"area\","
    "     \"points\": [[0.1, 0.1], [0.5, 0.1], [0.5, 0.5], [0.1, 0.5]]}]}],"
    " \"rules\": [{\"id\": \"r1\", \"event\": \"intrusion\", \"camera\": \"cam1\", \"zones\": "
    "[\"z1\"]}]}";

core::DatabaseKey makeKey() {
    core::DatabaseKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i) {
        key.bytes[i] = static_cast<std::uint8_t>(0x3C ^ (i * 7));
    }
    return key;
}

template <typename T>
T* child(QWidget* parent, const char* name) {
    T* w = parent->findChild<T*>(QString::fromLatin1(name));
    if (w == nullptr) {
        qWarning("no child %s", name);
    }
    return w;
}

}  // namespace

class TestAdmin : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_dbPath;
    std::unique_ptr<core::AuditLog> m_audit;
    std::unique_ptr<core::AccountStore> m_accounts;
    std::unique_ptr<core::AlertStore> m_alerts;
    std::unique_ptr<core::CountStore> m_counts;
    core::Principal m_admin;
    core::Site m_site;
    std::vector<core::Site> m_savedSites;
    std::vector<core::RetentionPolicy> m_savedRetention;
    std::vector<std::string> m_testedCameras;
    core::LicenceKeyPair m_licenceKeys;
    std::unique_ptr<AdminWindow> m_window;

    AdminContext context(const core::Principal& who) {
        AdminContext ctx;
        ctx.principal = who;
        ctx.accounts = m_accounts.get();
        ctx.audit = m_audit.get();
        ctx.alerts = m_alerts.get();
        ctx.counts = m_counts.get();
        ctx.configDatabase = &m_accounts->database();
        ctx.site = m_site;
        ctx.saveSite = [this](const core::Site& site) {
            m_savedSites.push_back(site);
            return core::okStatus();
        };
        ctx.testConnection = [this](const core::Camera& camera,
                                    std::function<void(const core::Status&)> done) {
            m_testedCameras.push_back(camera.id);
            done(camera.source.url.starts_with("rtsp://")
                     ? core::okStatus()
                     : core::Status(core::makeError("cannot open the source")));
        };
        ctx.saveRetention = [this](const core::RetentionPolicy& policy) {
            m_savedRetention.push_back(policy);
            return core::okStatus();
        };
        ctx.backupKdf = {1, 8};
        ctx.licencePath = m_dir.filePath(QStringLiteral("licence.json")).toStdString();
        ctx.licenceKey = m_licenceKeys.publicKey;
        ctx.logDirectory = m_dir.filePath(QStringLiteral("logs"));
        ctx.clockMs = [] {
            return kT0;
        };
        return ctx;
    }

    // Audit records of an action (and target), read straight from the log.
    std::vector<core::AuditRecord> audited(const std::string& action,
                                           const std::string& target = {}) {
        core::AuditFilter filter;
        filter.action = action;
        filter.limit = 1000;
        auto records = m_audit->list(filter);
        std::vector<core::AuditRecord> out;
        if (!records) {
            qWarning("%s", records.error().message.c_str());
            return out;
        }
        for (const auto& r : *records) {
            if (target.empty() || r.target == target) {
                out.push_back(r);
            }
        }
        return out;
    }

    template <typename Page>
    Page* page(AdminWindow::Page which) {
        return qobject_cast<Page*>(m_window->page(which));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("vigie.db")).toStdString();
        const core::DatabaseKey key = makeKey();
        core::AuditLog::Options auditOptions;
        auditOptions.clockMs = [] {
            return kT0;
        };
        auto audit = core::AuditLog::open(m_dbPath, key, "test-site",
                                          core::OpenMode::ReadWriteCreate, auditOptions);
        QVERIFY2(audit.ok(), audit.ok() ? "" : audit.error().message.c_str());
        m_audit = std::move(*audit);
        core::AccountOptions options;
        options.hashing = core::PasswordHashing::Minimum;
        options.clockMs = [] {
            return kT0;
        };
        auto accounts = core::AccountStore::open(m_dbPath, key, m_audit.get(), options);
        QVERIFY2(accounts.ok(), accounts.ok() ? "" : accounts.error().message.c_str());
        m_accounts = std::move(*accounts);
        QVERIFY(m_accounts->initialiseAdministrator("admin", kAdminPassword).ok());
        auto admin = m_accounts->authenticate("admin", kAdminPassword, kT0);
        QVERIFY(admin.ok());
        m_admin = *admin;
        auto alerts = core::AlertStore::open(m_dbPath, key);
        QVERIFY2(alerts.ok(), alerts.ok() ? "" : alerts.error().message.c_str());
        m_alerts = std::move(*alerts);
        auto counts = core::CountStore::open(m_dbPath, key);
        QVERIFY2(counts.ok(), counts.ok() ? "" : counts.error().message.c_str());
        m_counts = std::move(*counts);
        auto site = core::parseSite(kSiteJson, m_dir.path().toStdString());
        QVERIFY2(site.ok(), site.ok() ? "" : site.error().message.c_str());
        m_site = *site;
        m_licenceKeys = core::generateLicenceKeyPair();

        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("logs")));
        QFile active(m_dir.filePath(QStringLiteral("logs/vigie.log")));
        QVERIFY(active.open(QIODevice::WriteOnly));
        active.write("[info] [app] workstation started\n[warning] [source] cam1 reconnecting\n");
        active.close();
        QFile rotated(m_dir.filePath(QStringLiteral("logs/vigie.1.log")));
        QVERIFY(rotated.open(QIODevice::WriteOnly));
        rotated.write("[info] [app] older run\n");
        rotated.close();

        m_window = std::make_unique<AdminWindow>(context(m_admin));
        m_window->show();
    }

    void cleanupTestCase() { m_window.reset(); }

    void administratorSeesEveryPage() {
        const QStringList titles = m_window->pageTitles();
        QCOMPARE(m_window->pageCount(), 8);
        QVERIFY(titles.contains(QStringLiteral("Caméras")));
        QVERIFY(titles.contains(QStringLiteral("Journal d'audit")));
        QVERIFY(m_window->showPage(AdminWindow::Page::Cameras));
    }

    void addCameraThroughTheForm() {
        auto* cameras = page<AdminCamerasPage>(AdminWindow::Page::Cameras);
        QVERIFY(cameras != nullptr);
        QAbstractItemModelTester tester(cameras->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(cameras->model()->rowCount(), 1);
        QTest::mouseClick(child<QPushButton>(cameras, "cameraNew"), Qt::LeftButton);
        child<QLineEdit>(cameras, "cameraId")->setText(QStringLiteral("hall-2"));
        child<QLineEdit>(cameras, "cameraName")->setText(QStringLiteral("Hall 2"));
        child<QLineEdit>(cameras, "cameraUrl")->setText(QStringLiteral("rtsp://10.0.0.5:554/hall"));
        auto* transport = child<QComboBox>(cameras, "cameraTransport");
        transport->setCurrentIndex(transport->findData(int(core::Transport::Udp)));
        child<QDoubleSpinBox>(cameras, "cameraFps")->setValue(10.0);
        QTest::mouseClick(child<QPushButton>(cameras, "cameraAdd"), Qt::LeftButton);
        QVERIFY2(!cameras->statusIsError(), qPrintable(cameras->statusText()));

        QCOMPARE(m_savedSites.size(), std::size_t(1));
        const core::Camera* added = m_savedSites.back().findCamera("hall-2");
        QVERIFY(added != nullptr);
        QCOMPARE(added->name, std::string("Hall 2"));
        QCOMPARE(added->source.url, std::string("rtsp://10.0.0.5:554/hall"));
        QCOMPARE(added->source.transport, core::Transport::Udp);
        QCOMPARE(added->analysisFps, 10.0);
        QVERIFY(added->enabled);
        QVERIFY(m_window->context().site.findCamera("hall-2") != nullptr);
        QCOMPARE(cameras->model()->rowCount(), 2);
        const auto records = audited("camera_add", "hall-2");
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records[0].actor, std::string("admin"));
        QVERIFY(records[0].detailsJson.find("\"analysis_fps\":10") != std::string::npos);
    }

    void refuseInvalidCamera() {
        auto* cameras = page<AdminCamerasPage>(AdminWindow::Page::Cameras);
        const std::size_t saved = m_savedSites.size();
        QTest::mouseClick(child<QPushButton>(cameras, "cameraNew"), Qt::LeftButton);
        child<QLineEdit>(cameras, "cameraId")->setText(QStringLiteral("quai-9"));
        child<QLineEdit>(cameras, "cameraUrl")
            ->setText(QStringLiteral("rtsp://user:secret@10.0.0.9/quai"));
        QTest::mouseClick(child<QPushButton>(cameras, "cameraAdd"), Qt::LeftButton);
        QVERIFY(cameras->statusIsError());
        QVERIFY2(cameras->statusText().contains(QStringLiteral("credentials")),
                 qPrintable(cameras->statusText()));
        QCOMPARE(m_savedSites.size(), saved);
        QVERIFY(m_window->context().site.findCamera("quai-9") == nullptr);
        QVERIFY(audited("camera_add", "quai-9").empty());
    }

    void deactivateAndTestCamera() {
        auto* cameras = page<AdminCamerasPage>(AdminWindow::Page::Cameras);
        cameras->selectCamera(QStringLiteral("hall-2"));
        auto* disable = child<QPushButton>(cameras, "cameraDisable");
        QVERIFY(disable->isEnabled());
        QTest::mouseClick(disable, Qt::LeftButton);
        QVERIFY2(!cameras->statusIsError(), qPrintable(cameras->statusText()));
        QVERIFY(!m_savedSites.back().findCamera("hall-2")->enabled);
        QVERIFY(!m_window->context().site.findCamera("hall-2")->enabled);
        QCOMPARE(audited("camera_disable", "hall-2").size(), std::size_t(1));
        // The rule and the other camera are untouched.
        QVERIFY(m_savedSites.back().findCamera("cam1")->enabled);
        QCOMPARE(m_savedSites.back().rules.size(), std::size_t(1));

        QTest::mouseClick(child<QPushButton>(cameras, "cameraTest"), Qt::LeftButton);
        QCOMPARE(m_testedCameras, std::vector<std::string>{"hall-2"});
        QVERIFY2(!cameras->statusIsError(), qPrintable(cameras->statusText()));
        const auto tests = audited("camera_test", "hall-2");
        QCOMPARE(tests.size(), std::size_t(1));
        QVERIFY(tests[0].detailsJson.find("\"ok\":true") != std::string::npos);
    }

    void createOperatorWithRole() {
        QVERIFY(m_window->showPage(AdminWindow::Page::Accounts));
        auto* users = page<AdminUsersPage>(AdminWindow::Page::Accounts);
        QVERIFY(users != nullptr);
        QAbstractItemModelTester tester(users->userModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(users->userModel()->rowCount(), 1);  // the administrator
        QTest::mouseClick(child<QPushButton>(users, "userNew"), Qt::LeftButton);
        child<QLineEdit>(users, "userLogin")->setText(QStringLiteral("op.martin"));
        child<QLineEdit>(users, "userDisplayName")->setText(QStringLiteral("M. Martin"));
        auto* level = child<QComboBox>(users, "userLevel");
        level->setCurrentIndex(level->findData(int(core::Level::Operator)));
        child<QLineEdit>(users, "userPassword")->setText(QString::fromStdString(kOperatorPassword));
        child<QLineEdit>(users, "userPasswordConfirm")
            ->setText(QString::fromStdString(kOperatorPassword));
        QTest::mouseClick(child<QPushButton>(users, "userCreate"), Qt::LeftButton);
        QVERIFY2(!users->statusIsError(), qPrintable(users->statusText()));

        auto list = m_accounts->listUsers(m_admin);
        QVERIFY(list.ok());
        const core::AccountInfo* created = nullptr;
        for (const auto& a : *list) {
            if (a.spec.login == "op.martin") {
                created = &a;
            }
        }
        QVERIFY(created != nullptr);
        QCOMPARE(created->spec.level, core::Level::Operator);
        QCOMPARE(created->spec.displayName, std::string("M. Martin"));
        QCOMPARE(created->createdBy, std::string("admin"));
        QCOMPARE(users->userModel()->rowCount(), 2);
        QCOMPARE(audited("user_created", "op.martin").size(), std::size_t(1));
        QVERIFY(m_accounts->authenticate("op.martin", kOperatorPassword, kT0).ok());
    }

    void operatorReachesNoAdministration() {
        auto op = m_accounts->authenticate("op.martin", kOperatorPassword, kT0);
        QVERIFY(op.ok());
        AdminWindow window(context(*op));
        QCOMPARE(window.pageCount(), 0);
        QVERIFY(window.page(AdminWindow::Page::Cameras) == nullptr);
        QVERIFY(window.page(AdminWindow::Page::AuditLog) == nullptr);
        // Even when a page is built for them, core refuses the operation and records it.
        AdminContext ctx = context(*op);
        AdminRetentionPage retention(ctx);
        const std::size_t saved = m_savedRetention.size();
        core::RetentionPolicy policy;
        policy.alertsDays = 90;
        QVERIFY(!retention.savePolicy(policy).ok());
        QCOMPARE(m_savedRetention.size(), saved);
        const auto denied = audited("access_denied", "retention");
        QCOMPARE(denied.size(), std::size_t(1));
        QCOMPARE(denied[0].actor, std::string("op.martin"));
    }

    void changeRetention() {
        QVERIFY(m_window->showPage(AdminWindow::Page::Retention));
        auto* retention = page<AdminRetentionPage>(AdminWindow::Page::Retention);
        QVERIFY(retention != nullptr);
        child<QSpinBox>(retention, "retentionAlerts")->setValue(60);
        child<QSpinBox>(retention, "retentionSnapshots")->setValue(15);
        child<QSpinBox>(retention, "retentionCounts")->setValue(365);
        QTest::mouseClick(child<QPushButton>(retention, "retentionSave"), Qt::LeftButton);
        QVERIFY2(!retention->statusIsError(), qPrintable(retention->statusText()));
        QCOMPARE(m_savedRetention.size(), std::size_t(1));
        QCOMPARE(m_savedRetention.back().alertsDays, 60);
        QCOMPARE(m_savedRetention.back().snapshotsDays, 15);
        QCOMPARE(m_savedRetention.back().countsDays, 365);
        QCOMPARE(m_window->context().retention.alertsDays, 60);
        const auto records = audited("retention_change", "retention");
        QCOMPARE(records.size(), std::size_t(1));
        QVERIFY(records[0].detailsJson.find("\"alerts_days\":60") != std::string::npos);

        // Snapshots kept longer than their alerts: refused by core, nothing saved.
        child<QSpinBox>(retention, "retentionAlerts")->setValue(10);
        child<QSpinBox>(retention, "retentionSnapshots")->setValue(20);
        QTest::mouseClick(child<QPushButton>(retention, "retentionSave"), Qt::LeftButton);
        QVERIFY(retention->statusIsError());
        QCOMPARE(m_savedRetention.size(), std::size_t(1));
        QCOMPARE(m_window->context().retention.alertsDays, 60);
        QCOMPARE(audited("retention_change").size(), std::size_t(1));
    }

    void verifyAuditChain() {
        QVERIFY(m_window->showPage(AdminWindow::Page::AuditLog));
        auto* auditPage = page<AdminAuditPage>(AdminWindow::Page::AuditLog);
        QVERIFY(auditPage != nullptr);
        QAbstractItemModelTester tester(auditPage->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        child<QLineEdit>(auditPage, "auditAction")->setText(QStringLiteral("camera_add"));
        QTest::mouseClick(child<QPushButton>(auditPage, "auditSearch"), Qt::LeftButton);
        QVERIFY2(!auditPage->statusIsError(), qPrintable(auditPage->statusText()));
        QCOMPARE(auditPage->model()->rowCount(), 1);
        QCOMPARE(auditPage->model()
                     ->data(auditPage->model()->index(0, AdminAuditModel::TargetColumn))
                     .toString(),
                 QStringLiteral("hall-2"));
        QVERIFY(!audited("audit_read").empty());  // the reading itself is traced

        QTest::mouseClick(child<QPushButton>(auditPage, "auditVerify"), Qt::LeftButton);
        QVERIFY2(auditPage->verificationText().contains(QStringLiteral("intègre")),
                 qPrintable(auditPage->verificationText()));
        const auto verifications = audited("audit_verify");
        QCOMPARE(verifications.size(), std::size_t(1));
        QVERIFY(verifications[0].detailsJson.find("\"intact\":true") != std::string::npos);
        auto check = m_audit->verify();
        QVERIFY(check.ok() && check->intact);
    }

    void readApplicationLogs() {
        auto* logs =
            qobject_cast<AdminLogsPage*>(m_window->page(AdminWindow::Page::ApplicationLogs));
        QVERIFY(logs != nullptr);
        QCOMPARE(logs->logFiles(),
                 (QStringList{QStringLiteral("vigie.log"), QStringLiteral("vigie.1.log")}));
        auto text = logs->readLog(QStringLiteral("vigie.log"));
        QVERIFY(text.ok());
        QVERIFY(text->contains(QStringLiteral("cam1 reconnecting")));
        QCOMPARE(audited("log_read", "vigie.log").size(), std::size_t(1));
        QVERIFY(!logs->readLog(QStringLiteral("../vigie.db")).ok());
    }

    void backupNowAndReadItBack() {
        auto* backups = qobject_cast<AdminBackupsPage*>(m_window->page(AdminWindow::Page::Backups));
        QVERIFY(backups != nullptr);
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("backups")));
        const QString dir = m_dir.filePath(QStringLiteral("backups"));
        const QString passphrase = QStringLiteral("Une phrase de passe longue");
        auto report = backups->backupNow(dir, passphrase);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(report->auditRecorded);
        auto archive = core::readBackup(report->path, passphrase.toStdString());
        QVERIFY2(archive.ok(), archive.ok() ? "" : archive.error().message.c_str());
        QCOMPARE(archive->siteId, std::string("test-site"));
        // The site as changed on the cameras page, and the new retention periods.
        QVERIFY(archive->siteJson.find("hall-2") != std::string::npos);
        QVERIFY(archive->retention.has_value());
        QCOMPARE(archive->retention->alertsDays, 60);
        QCOMPARE(audited("backup").size(), std::size_t(1));
    }

    void installLicence() {
        auto* licences =
            qobject_cast<AdminLicencesPage*>(m_window->page(AdminWindow::Page::Licences));
        QVERIFY(licences != nullptr);
        QCOMPARE(licences->status().verdict, core::LicenceVerdict::Missing);
        core::Licence licence;
        licence.licensee = "Exploitant";
        licence.siteId = "test-site";
        licence.streams = 1;
        licence.notBeforeMs = kT0 - kDayMs;
        licence.notAfterMs = kT0 + 30 * kDayMs;
        licence.issuedAtMs = kT0 - kDayMs;
        licence.serial = "LIC-0001";
        auto text = core::signLicence(licence, m_licenceKeys.signingKey);
        QVERIFY(text.ok());

        std::string tampered = *text;
        const auto pos = tampered.find("\"payload\": \"") != std::string::npos
                             ? tampered.find("\"payload\": \"") + 12
                             : tampered.find("\"payload\":\"") + 11;
        tampered[pos + 4] = tampered[pos + 4] == 'A' ? 'B' : 'A';
        QVERIFY(!licences->installLicenceText(tampered).ok());
        QCOMPARE(licences->status().verdict, core::LicenceVerdict::Missing);

        auto installed = licences->installLicenceText(*text);
        QVERIFY2(installed.ok(), installed.ok() ? "" : installed.error().message.c_str());
        const core::LicenceStatus status = licences->status();
        QVERIFY(status.valid);
        QCOMPARE(status.licensedStreams, 1);
        QCOMPARE(status.enabledStreams, 1);  // cam1; hall-2 was deactivated
        QCOMPARE(audited("licence_change").size(), std::size_t(1));

        // Reassign: enable hall-2 from the licence table; the site is saved and audited.
        QTableWidget* table = licences->cameraTable();
        QCOMPARE(table->rowCount(), 2);
        QTableWidgetItem* hall = table->item(1, 1);
        QCOMPARE(hall->data(Qt::UserRole).toString(), QStringLiteral("hall-2"));
        hall->setCheckState(Qt::Checked);
        QTRY_VERIFY(m_window->context().site.findCamera("hall-2")->enabled);
        QCOMPARE(audited("camera_enable", "hall-2").size(), std::size_t(1));
        QTRY_COMPARE(licences->status().unlicensedCameraIds, std::vector<std::string>{"hall-2"});
    }

    void exportFiles() {
        auto* exports = qobject_cast<AdminExportsPage*>(m_window->page(AdminWindow::Page::Exports));
        QVERIFY(exports != nullptr);
        core::CountSample sample;
        sample.cameraId = "cam1";
        sample.zoneId = "z1";
        sample.metric = core::CountMetric::Count;
        sample.value = 4;
        sample.tMs = kT0 - 3600 * 1000;
        QVERIFY(m_counts->append(std::vector<core::CountSample>{sample}).ok());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("out")));
        core::ExportOptions options = exports->formOptions();
        options.formats = {core::ExportFormat::Csv};
        options.stagingDir = m_dir.path().toStdString();
        auto report = exports->runExport(m_dir.filePath(QStringLiteral("out")), options);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QCOMPARE(report->countSamples, std::int64_t(1));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("out/counts.csv"))));
        QCOMPARE(audited("export").size(), std::size_t(1));
    }
};

QTEST_MAIN(TestAdmin)
#include "tst_admin.moc"
