#pragma once
// AccountStore: the accounts of one engine in its encrypted database (component "accounts";
// tables users, groups, profiles, memberships, user_profiles, group_profiles, sessions) —
// DESIGN.md "Storage and security", REQUIREMENTS.md "Roles and rights" and "Security".
//
// - Every method that changes something takes the acting Principal and runs the
//   AccessControl checks itself, inside the write transaction (the UI and the CLI only
//   display what core decides). A user principal is re-read from the database first, so a
//   disabled account, a lowered level or a forged copy grants nothing.
// - Passwords: Argon2id (libsodium crypto_pwhash_str), cost from PasswordHashing, re-hashed
//   at the next successful login when the cost changed. Policy: at least 12 characters,
//   not containing the login, at least 3 of 4 classes (lower case, upper case, digits,
//   other). Hashing happens before the write transaction, never while holding the lock.
// - Lockout: after maxFailedLogins consecutive failures the account is locked for lockoutMs,
//   lifted by time or by an administrator. Wrong password, unknown login and disabled
//   account all answer "invalid login or password"; a locked account answers "account
//   locked, try again later or ask an administrator" without checking the password.
// - Sessions: a random 256-bit token (64 hex characters) given to the client; only its
//   SHA-256 is stored. Expires after sessionIdleMs without use and sessionAbsoluteMs after
//   login, whichever comes first; logout, a password change or disabling ends it.
// - Every login, failed login, lockout, logout, refused change, user, group, profile and
//   password change is recorded through the AuditSink (after the commit; never a secret).
// - At least one enabled L3 account always remains.
//
// Thread: one thread at a time, like every Database user (the UI thread, or the CLI).
// Ownership: owns its Database; borrows the AuditSink (may be null), which must outlive it.
//
//   auto accounts = AccountStore::open(path, key, &auditLog);
//   (*accounts)->initialiseAdministrator("admin", password);   // once, on an empty store
//   Result<Principal> admin = (*accounts)->authenticate("admin", password, nowMs);
//   (*accounts)->createUser(*admin, {.login = "op1", .level = Level::Operator}, pw);

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_sink.h"
#include "core/database.h"
#include "core/permissions.h"
#include "core/result.h"

namespace vigie::core {

// Argon2id cost (libsodium's OPSLIMIT/MEMLIMIT presets).
enum class PasswordHashing {
    Invalid = 0,
    Interactive,  // 2 passes, 64 MiB: the default
    Moderate,     // 3 passes, 256 MiB
    Minimum,      // 1 pass, 8 KiB: tests only
};

struct AccountOptions {
    PasswordHashing hashing = PasswordHashing::Interactive;
    int maxFailedLogins = 5;
    std::int64_t lockoutMs = 15 * 60 * 1000;
    std::int64_t sessionIdleMs = 30 * 60 * 1000;
    std::int64_t sessionAbsoluteMs = 12 * 60 * 60 * 1000;
    // Time of the changes made by administrators (created, password changed); Unix ms.
    // Empty: the system clock. Logins and sessions take the time as an argument.
    std::function<std::int64_t()> clockMs;
};

// An account as listed for administrators: the spec and its state, never the hash.
struct AccountInfo {
    UserSpec spec;
    std::int64_t createdMs = 0;
    std::string createdBy;
    std::int64_t passwordChangedMs = 0;
    std::int64_t lastLoginMs = 0;  // 0: never
    int failedLogins = 0;
    std::int64_t lockedUntilMs = 0;  // 0: not locked
};

class AccountStore {
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr std::size_t kMinPasswordChars = 12;
    static constexpr std::size_t kMaxPasswordBytes = 1024;

    static Result<std::unique_ptr<AccountStore>> open(const std::string& path,
                                                      const DatabaseKey& key, AuditSink* audit,
                                                      AccountOptions options = {});
    static Result<std::unique_ptr<AccountStore>> create(std::unique_ptr<Database> db,
                                                        AuditSink* audit,
                                                        AccountOptions options = {});

    AccountStore(const AccountStore&) = delete;
    AccountStore& operator=(const AccountStore&) = delete;
    ~AccountStore();

    // --- first administrator ---
    // Creates the first L3 account; refused once any account exists.
    Status initialiseAdministrator(const std::string& login, const std::string& password,
                                   const std::string& auditActor = "system");
    Result<bool> hasAccounts();

    // --- accounts (AccessControl::checkManageUser) ---
    Status createUser(const Principal& actor, const UserSpec& spec, const std::string& password);
    // Replaces display name, level, groups, profiles, camera scope and disabled flag.
    Status updateUser(const Principal& actor, const UserSpec& spec);
    Status setPassword(const Principal& actor, const std::string& login,
                       const std::string& password);
    Status disableUser(const Principal& actor, const std::string& login);
    Status enableUser(const Principal& actor, const std::string& login);
    // Lifts a lockout and clears the failure count.
    Status unlockUser(const Principal& actor, const std::string& login);
    // Needs ManageUsers.
    Result<std::vector<AccountInfo>> listUsers(const Principal& actor);
    // The principal itself (for its own password): verifies the old password; a wrong one
    // counts as a failed login.
    Status changeOwnPassword(const Principal& self, const std::string& oldPassword,
                             const std::string& newPassword, std::int64_t nowMs);

    // --- groups and profiles (AccessControl::checkManageCatalog) ---
    // Creates the profile or group, or replaces the one with the same name.
    Status saveProfile(const Principal& actor, const ProfileSpec& profile);
    Status deleteProfile(const Principal& actor, const std::string& name);
    Status saveGroup(const Principal& actor, const GroupSpec& group);
    Status deleteGroup(const Principal& actor, const std::string& name);
    // Needs ManageGroupsAndProfiles or ManageUsers (to choose them for an account).
    Result<std::vector<ProfileSpec>> listProfiles(const Principal& actor);
    Result<std::vector<GroupSpec>> listGroups(const Principal& actor);
    // The current catalog, to check permissions of resolved principals.
    Result<AccessControl> accessControl();

    // --- logins and sessions ---
    // A principal with a new session token, or a user-facing refusal (see the contract).
    Result<Principal> authenticate(const std::string& login, const std::string& password,
                                   std::int64_t nowMs);
    // The principal of a live session (rights re-read now); touches the session.
    Result<Principal> resume(const std::string& token, std::int64_t nowMs);
    Status logout(const std::string& token, std::int64_t nowMs);
    // Deletes expired sessions; returns how many.
    Result<int> purgeExpiredSessions(std::int64_t nowMs);

    // The password policy alone, with a message naming every rule broken.
    static Status checkPasswordPolicy(std::string_view login, std::string_view password);
    // Logins: 3 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit.
    static bool isValidLogin(std::string_view login);

    Database& database() { return *m_db; }

private:
    struct Row;
    AccountStore(std::unique_ptr<Database> db, AuditSink* audit, AccountOptions options);

    std::int64_t now() const;
    void audit(std::int64_t timeMs, const std::string& actor, const std::string& action,
               const std::string& target, const std::string& detailsJson);
    Status refuse(const Principal& actor, const std::string& operation, const std::string& target,
                  const Error& error);
    Result<Principal> currentActor(const Principal& actor);
    Result<std::optional<Row>> loadUser(std::string_view login);
    Result<std::vector<UserSpec>> loadAllUsers();
    Result<AccessControl> loadCatalog();
    Result<std::string> hashPassword(const std::string& password) const;
    Status ensureAnotherAdministrator(const std::string& login, const UserSpec& after);
    Status writeUserLinks(std::int64_t userId, const UserSpec& spec);
    Status validateSpec(const UserSpec& spec, const AccessControl& catalog) const;
    struct Change {
        UserSpec before;
        UserSpec after;
    };
    using WriteUser = std::function<Status(std::int64_t userId, const UserSpec& after)>;
    // Loads the account, applies `edit`, runs every check, then `write`, in one transaction.
    Result<Change> changeUser(const Principal& actor, const std::string& login,
                              const std::string& action, const std::function<void(UserSpec&)>& edit,
                              const WriteUser& write);
    Status changeCatalog(const Principal& actor, const std::string& action,
                         const std::string& target,
                         const std::function<Result<AccessControl>(const AccessControl&)>& edit,
                         const std::function<Status()>& write);
    Status recordFailure(const Row& row, std::int64_t nowMs, const std::string& actor,
                         const std::string& action, bool& lockedNow);
    const std::string& dummyHash();

    std::unique_ptr<Database> m_db;
    AuditSink* m_audit = nullptr;
    AccountOptions m_options;
    std::string m_dummyHash;  // verified against for unknown logins, so timing tells nothing
};

}  // namespace vigie::core
