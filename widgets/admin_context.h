#pragma once
// What the administration screens need from the application: who acts, the stores and
// services they operate on, and the callbacks through which the application applies what
// the screens decided (saving the site file, the retention settings, the backup schedule;
// testing a camera). Every screen checks the permission of each operation in core
// (AccessControl::check, or the store's own checks) and records it through the audit sink.
//
// Pointers are borrowed: the application keeps every store alive as long as the window.
// A null store hides the page that needs it. Thread: GUI thread only (the stores are used
// on the thread that opened their connection).
//
//   AdminContext ctx;
//   ctx.principal = session.principal;
//   ctx.accounts = accountStore;           // users, groups, profiles, current catalog
//   ctx.audit = auditLog;                  // viewer, verification and audit sink
//   ctx.site = currentSite;
//   ctx.saveSite = [&](const core::Site& s) { return writeSiteFileAndReload(s); };
//   auto* admin = new AdminWindow(std::move(ctx));
//   admin->show();

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/accounts.h"
#include "core/audit_log.h"
#include "core/crypto_box.h"
#include "core/licence.h"
#include "core/permissions.h"
#include "core/result.h"
#include "core/retention.h"
#include "core/site.h"

namespace vigie::core {
class AlertStore;
class CountStore;
class Database;
}  // namespace vigie::core

namespace vigie::widgets {

// Scheduled backups, as the site sets them (the application runs them).
struct BackupSchedule {
    bool enabled = false;
    int intervalHours = 24;  // 1..720
    int keep = 7;            // newest backups kept in the directory, 1..365
    std::string directory;   // where scheduled backups go
};

struct AdminContext {
    // Who acts. Its rights decide which pages are shown; core re-checks every operation.
    core::Principal principal;
    // Used when `accounts` is null (tests, a site without accounts): the catalog to check
    // permissions against.
    core::AccessControl accessControl;

    core::AccountStore* accounts = nullptr;    // Utilisateurs, groupes et profils
    core::AuditLog* audit = nullptr;           // Journal d'audit; also the audit sink
    core::AlertStore* alerts = nullptr;        // Exports
    core::CountStore* counts = nullptr;        // Exports
    core::Database* configDatabase = nullptr;  // Sauvegardes: the accounts database

    // Caméras, Licences. The validated site as currently applied.
    core::Site site;
    // Writes the site file and applies it; called only with a site that parseSite accepts.
    std::function<core::Status(const core::Site&)> saveSite;
    // Tests a camera's source: the application opens it (off the GUI thread) and calls
    // `done` on the GUI thread with the outcome. Null: the button is disabled.
    std::function<void(const core::Camera&, std::function<void(const core::Status&)> done)>
        testConnection;

    // Durées de conservation.
    core::RetentionPolicy retention;
    std::function<core::Status(const core::RetentionPolicy&)> saveRetention;

    // Sauvegardes.
    BackupSchedule backupSchedule;
    std::function<core::Status(const BackupSchedule&)> saveBackupSchedule;
    QString defaultBackupDirectory;
    core::KdfParams backupKdf = core::kDefaultKdf;  // Argon2id cost of backups and exports

    // Licences: the installed licence file and the key that signs licences.
    std::string licencePath;
    core::LicencePublicKey licenceKey = core::vendorLicenceKey();

    // Exports: where removable drives are mounted (listed as targets of the bundle).
    QStringList removableMountRoots{QStringLiteral("/media"), QStringLiteral("/run/media"),
                                    QStringLiteral("/mnt")};

    // Journaux applicatifs: the directory of the rotating spdlog files and the active name.
    QString logDirectory;
    QString logFileName = QStringLiteral("vigie.log");

    // Site clock (Unix ms). Empty: the system clock.
    std::function<std::int64_t()> clockMs;

    std::int64_t nowMs() const;
    // The catalog to check against: the accounts store's current one, else accessControl.
    core::AccessControl currentAccessControl() const;
    // AccessControl::check on the principal (optionally on a camera).
    core::Status check(core::Permission permission, std::optional<std::string> cameraId = {}) const;
    bool allows(core::Permission permission) const { return check(permission).ok(); }
    // Records an audit event as the principal; false when it could not be written or there
    // is no audit log.
    bool record(const std::string& action, const std::string& target,
                const std::string& detailsJson = "{}") const;
    // Records a refusal ("access_denied") and returns the error, for the page to show.
    core::Error refuse(const std::string& operation, const std::string& target,
                       const core::Error& error) const;
};

// A principal's login, for audit records: "admin", "cli:root".
std::string actorOf(const core::Principal& principal);

}  // namespace vigie::widgets
