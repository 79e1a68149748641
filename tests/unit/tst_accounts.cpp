// Accounts on a real SQLCipher file: the first administrator only once, the password policy,
// logins, lockout after 5 failures and its end by time or by an administrator, session idle
// and absolute expiry, own password changes, re-hashing when the cost changes, disabled
// accounts, groups and profiles, no escalation through the store, every mutation refused in
// core without the permission (and recorded), and the audit events of each action.
#include <sodium.h>

#include <QTemporaryDir>
#include <QtTest>

#include <mutex>

#include "core/accounts.h"
#include "core/audit_log.h"
#include "core/key_file.h"

using namespace vigie::core;

// Evaluates its argument once: the calls under test have side effects.
#define VERIFY_OK(expr)                                               \
    do {                                                              \
        const auto& r_ = (expr);                                      \
        QVERIFY2(r_.ok(), r_.ok() ? "" : r_.error().message.c_str()); \
    } while (false)
#define VERIFY_REFUSED(result, part)                                                  \
    do {                                                                              \
        const auto& r_ = (result);                                                    \
        QVERIFY2(!r_.ok(), "expected a refusal");                                     \
        QVERIFY2(r_.error().message.find(part) != std::string::npos,                  \
                 (std::string("unexpected message: ") + r_.error().message).c_str()); \
    } while (false)

namespace {

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kT0 = 1'800'000'000'000;  // a fixed "now"
const std::string kAdminPassword = "Poste-Central-2024!";
const std::string kPassword = "Operat0r-Strong-Pw";
const std::string kOtherPassword = "Another-Str0ng-One";
constexpr std::string_view kInvalid = "invalid login or password";
constexpr std::string_view kLocked = "account locked, try again later or ask an administrator";
constexpr std::string_view kDenied = "permission denied";

// Collects every audit event, like the real log would, without the database.
class RecordingSink final : public AuditSink {
public:
    bool record(const AuditEvent& event) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
        return true;
    }
    int count(const std::string& action, const std::string& target = {}) const {
        std::lock_guard lock(m_mutex);
        int n = 0;
        for (const auto& e : m_events) {
            n += e.action == action && (target.empty() || e.target == target) ? 1 : 0;
        }
        return n;
    }
    AuditEvent last() const {
        std::lock_guard lock(m_mutex);
        return m_events.empty() ? AuditEvent{} : m_events.back();
    }
    std::size_t size() const {
        std::lock_guard lock(m_mutex);
        return m_events.size();
    }
    std::string allText() const {
        std::lock_guard lock(m_mutex);
        std::string text;
        for (const auto& e : m_events) {
            text += e.actor + " " + e.action + " " + e.target + " " + e.detailsJson + "\n";
        }
        return text;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<AuditEvent> m_events;
};

DatabaseKey makeKey() {
    DatabaseKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i) {
        key.bytes[i] = static_cast<std::uint8_t>(0x5A ^ (i * 13));
    }
    return key;
}

UserSpec spec(const std::string& login, Level level, std::vector<std::string> groups = {},
              std::vector<std::string> profiles = {}, std::vector<std::string> cameras = {}) {
    UserSpec u;
    u.login = login;
    u.displayName = login;
    u.level = level;
    u.groups = std::move(groups);
    u.profiles = std::move(profiles);
    u.cameraScope = std::move(cameras);
    return u;
}

}  // namespace

class TestAccounts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;
    std::string m_path;
    std::unique_ptr<RecordingSink> m_sink = std::make_unique<RecordingSink>();
    std::int64_t m_clockMs = kT0;
    std::unique_ptr<AccountStore> m_store;
    Principal m_admin;

    std::string newPath() {
        return m_dir.filePath(QString("accounts%1.vigie").arg(++m_next)).toStdString();
    }

    AccountOptions options(PasswordHashing hashing = PasswordHashing::Minimum) {
        AccountOptions o;
        o.hashing = hashing;
        o.clockMs = [this] {
            return m_clockMs;
        };
        return o;
    }

    // A fresh store with its first administrator, logged in as m_admin.
    bool freshStore() {
        m_path = newPath();
        m_store.reset();
        m_sink = std::make_unique<RecordingSink>();
        m_clockMs = kT0;
        auto store = AccountStore::open(m_path, makeKey(), m_sink.get(), options());
        if (!store) {
            qWarning("%s", store.error().message.c_str());
            return false;
        }
        m_store = std::move(*store);
        if (!m_store->initialiseAdministrator("admin", kAdminPassword)) {
            return false;
        }
        auto admin = m_store->authenticate("admin", kAdminPassword, kT0);
        if (!admin) {
            qWarning("%s", admin.error().message.c_str());
            return false;
        }
        m_admin = *admin;
        return true;
    }

    Principal login(const std::string& who, const std::string& password = kPassword,
                    std::int64_t nowMs = kT0) {
        auto p = m_store->authenticate(who, password, nowMs);
        if (!p) {
            qWarning("login %s: %s", who.c_str(), p.error().message.c_str());
            return {};
        }
        return *p;
    }

    std::string storedHash(const std::string& login) {
        auto st = m_store->database().prepare("SELECT password_hash FROM users WHERE login = ?1");
        if (!st || !st->bindText(1, login) || !st->step()) {
            return {};
        }
        return st->columnText(0);
    }

    std::int64_t userCount() {
        return *m_store->database().queryInt64("SELECT count(*) FROM users");
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(sodium_init() >= 0);
    }

    // --- first administrator ------------------------------------------------------------

    void firstAdministratorOnlyOnce() {
        QVERIFY(freshStore());
        QCOMPARE(m_admin.level, Level::Administrator);
        QVERIFY(m_admin.permissions == PermissionSet::all());
        QCOMPARE(m_sink->count("administrator_initialised", "admin"), 1);
        VERIFY_REFUSED(m_store->initialiseAdministrator("admin2", kAdminPassword),
                       "the first administrator already exists");
        QCOMPARE(userCount(), std::int64_t(1));
        QVERIFY(*m_store->hasAccounts());

        // Reopened: still refused (the check is on the database, not the object).
        m_store.reset();
        auto reopened = AccountStore::open(m_path, makeKey(), m_sink.get(), options());
        VERIFY_OK(reopened);
        VERIFY_REFUSED((*reopened)->initialiseAdministrator("admin3", kAdminPassword),
                       "already exists");
    }

    void firstAdministratorFollowsThePolicy() {
        auto store = AccountStore::open(newPath(), makeKey(), nullptr, options());
        VERIFY_OK(store);
        VERIFY_REFUSED((*store)->initialiseAdministrator("admin", "short"), "at least 12");
        VERIFY_REFUSED((*store)->initialiseAdministrator("a", kAdminPassword), "invalid login");
        QVERIFY(!*(*store)->hasAccounts());
        VERIFY_OK((*store)->initialiseAdministrator("admin", kAdminPassword));
    }

    // --- password policy ----------------------------------------------------------------

    void passwordPolicy_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("problem");  // empty: accepted
        QTest::newRow("strong") << "op1"
                                << "Operat0r-Strong-Pw"
                                << "";
        QTest::newRow("three classes, no symbol") << "op1"
                                                  << "Operator2024Pass"
                                                  << "";
        QTest::newRow("three classes, no digit") << "op1"
                                                 << "operator-PASSWORD"
                                                 << "";
        QTest::newRow("space counts as other") << "op1"
                                               << "correct horse 9"
                                               << "";
        QTest::newRow("12 characters exactly") << "op1"
                                               << "Abcdefghij1!"
                                               << "";
        QTest::newRow("accents count as characters") << "op1"
                                                     << "éléphant-Rosé"
                                                     << "";
        QTest::newRow("11 characters") << "op1"
                                       << "Abcdefghi1!"
                                       << "at least 12 characters";
        QTest::newRow("two classes") << "op1"
                                     << "onlylowercase123"
                                     << "at least 3 of";
        QTest::newRow("one class") << "op1"
                                   << "aaaaaaaaaaaaaaaa"
                                   << "at least 3 of";
        QTest::newRow("contains the login") << "marie"
                                            << "Marie-Password-1"
                                            << "not contain the login";
        QTest::newRow("several problems") << "bob"
                                          << "bob"
                                          << "at least 12 characters";
        QTest::newRow("too long") << "op1" << QString(1100, 'a') + "A1!"
                                  << "too long";
    }
    void passwordPolicy() {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, problem);
        const Status s =
            AccountStore::checkPasswordPolicy(login.toStdString(), password.toStdString());
        if (problem.isEmpty()) {
            VERIFY_OK(s);
            return;
        }
        VERIFY_REFUSED(s, problem.toStdString());
        QVERIFY2(s.error().message.rfind("the password must", 0) == 0 ||
                     s.error().message.find("too long") != std::string::npos,
                 s.error().message.c_str());
    }

    void policyIsEnforcedOnEveryPasswordChange() {
        QVERIFY(freshStore());
        VERIFY_REFUSED(m_store->createUser(m_admin, spec("op1", Level::Operator), "weak"),
                       "the password must");
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        VERIFY_REFUSED(m_store->setPassword(m_admin, "op1", "op1-Password-9"),
                       "not contain the login");
        const Principal op = login("op1");
        VERIFY_REFUSED(m_store->changeOwnPassword(op, kPassword, "weak", kT0), "the password must");
        VERIFY_REFUSED(m_store->changeOwnPassword(op, kPassword, kPassword, kT0), "must differ");
    }

    // --- logins -------------------------------------------------------------------------

    void createdUserLogsInWithTheirRights() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator, {}, {}, {"cam-a"}),
                                      kPassword));
        QCOMPARE(m_sink->count("user_created", "op1"), 1);
        QCOMPARE(m_sink->last().actor, std::string("admin"));
        auto p = m_store->authenticate("OP1", kPassword, kT0);  // logins ignore case
        VERIFY_OK(p);
        QCOMPARE(p->login, std::string("op1"));
        QCOMPARE(p->kind, PrincipalKind::User);
        QCOMPARE(p->level, Level::Operator);
        QVERIFY(p->permissions == defaultPermissions(Level::Operator));
        QCOMPARE(p->cameras, CameraScope::only({"cam-a"}));
        QCOMPARE(p->sessionToken.size(), std::size_t(64));
        QCOMPARE(m_sink->count("login", "op1"), 1);
        // The token is not stored: only its hash.
        auto stored = m_store->database().queryInt64(
            "SELECT count(*) FROM sessions WHERE token_hash = '" + p->sessionToken + "'");
        QCOMPARE(*stored, std::int64_t(0));
        VERIFY_REFUSED(m_store->createUser(m_admin, spec("OP1", Level::Operator), kPassword),
                       "already exists");
    }

    void failuresAllSayTheSame_data() {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("reason");
        QTest::newRow("wrong password") << "op1"
                                        << "Wrong-Passw0rd!"
                                        << "wrong_password";
        QTest::newRow("unknown login") << "nobody" << kPassword.c_str() << "unknown_login";
        QTest::newRow("malformed login") << "x" << kPassword.c_str() << "unknown_login";
        QTest::newRow("empty password") << "op1"
                                        << ""
                                        << "wrong_password";
    }
    void failuresAllSayTheSame() {
        QFETCH(QString, login);
        QFETCH(QString, password);
        QFETCH(QString, reason);
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        auto p = m_store->authenticate(login.toStdString(), password.toStdString(), kT0);
        QVERIFY(!p.ok());
        QCOMPARE(QString::fromStdString(p.error().message), QString(kInvalid.data()));
        QCOMPARE(m_sink->count("login_failed"), 1);
        QCOMPARE(m_sink->last().actor, std::string("anonymous"));
        QVERIFY2(m_sink->last().detailsJson.find(reason.toStdString()) != std::string::npos,
                 m_sink->last().detailsJson.c_str());
        QVERIFY(m_sink->allText().find(password.toStdString().empty() ? "\x01"
                                                                      : password.toStdString()) ==
                std::string::npos);  // never a password in the audit
    }

    void lockoutAfterFiveFailuresThenUnlockByTime() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        for (int i = 1; i <= 4; ++i) {
            auto p = m_store->authenticate("op1", "Wrong-Passw0rd!", kT0 + i * 1000);
            QVERIFY(!p.ok());
            QCOMPARE(QString::fromStdString(p.error().message), QString(kInvalid.data()));
        }
        QCOMPARE(m_sink->count("lockout"), 0);
        auto fifth = m_store->authenticate("op1", "Wrong-Passw0rd!", kT0 + 5000);
        VERIFY_REFUSED(fifth, std::string(kLocked));
        QCOMPARE(m_sink->count("lockout", "op1"), 1);
        QCOMPARE(m_sink->count("login_failed", "op1"), 5);

        // Locked: even the right password is refused, without saying it was right.
        const std::int64_t lockedAt = kT0 + 5000;
        VERIFY_REFUSED(m_store->authenticate("op1", kPassword, lockedAt + 1), std::string(kLocked));
        VERIFY_REFUSED(m_store->authenticate("op1", kPassword, lockedAt + 15 * kMinute - 1),
                       std::string(kLocked));
        auto users = m_store->listUsers(m_admin);
        VERIFY_OK(users);
        QCOMPARE(users->at(1).spec.login, std::string("op1"));
        QCOMPARE(users->at(1).lockedUntilMs, lockedAt + 15 * kMinute);

        // 15 minutes later the lock has run out.
        auto p = m_store->authenticate("op1", kPassword, lockedAt + 15 * kMinute);
        VERIFY_OK(p);
        users = m_store->listUsers(m_admin);
        QCOMPARE(users->at(1).failedLogins, 0);
        QCOMPARE(users->at(1).lockedUntilMs, std::int64_t(0));
    }

    void anExpiredLockStartsTheCountAgain() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        for (int i = 1; i <= 5; ++i) {
            (void)m_store->authenticate("op1", "Wrong-Passw0rd!", kT0);
        }
        const std::int64_t after = kT0 + 16 * kMinute;
        auto once = m_store->authenticate("op1", "Wrong-Passw0rd!", after);
        QCOMPARE(QString::fromStdString(once.error().message), QString(kInvalid.data()));
        VERIFY_OK(m_store->authenticate("op1", kPassword, after + 1));
        QCOMPARE(m_sink->count("lockout"), 1);
    }

    void administratorUnlocks() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        for (int i = 1; i <= 5; ++i) {
            (void)m_store->authenticate("op1", "Wrong-Passw0rd!", kT0);
        }
        VERIFY_REFUSED(m_store->authenticate("op1", kPassword, kT0 + 1), std::string(kLocked));
        VERIFY_OK(m_store->unlockUser(m_admin, "op1"));
        QCOMPARE(m_sink->count("user_unlocked", "op1"), 1);
        VERIFY_OK(m_store->authenticate("op1", kPassword, kT0 + 2));
    }

    void wrongOldPasswordCountsTowardsTheLock() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const Principal op = login("op1");
        for (int i = 1; i <= 4; ++i) {
            VERIFY_REFUSED(m_store->changeOwnPassword(op, "Wrong-Passw0rd!", kOtherPassword, kT0),
                           "the current password is wrong");
        }
        VERIFY_REFUSED(m_store->changeOwnPassword(op, "Wrong-Passw0rd!", kOtherPassword, kT0),
                       std::string(kLocked));
        VERIFY_REFUSED(m_store->authenticate("op1", kPassword, kT0 + 1), std::string(kLocked));
        QCOMPARE(m_sink->count("password_change_failed", "op1"), 5);
    }

    // --- sessions -----------------------------------------------------------------------

    void sessionExpiresWhenIdle() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const Principal op = login("op1");
        // Each use moves the idle deadline.
        std::int64_t t = kT0;
        for (int i = 0; i < 3; ++i) {
            t += 30 * kMinute - 1;
            auto resumed = m_store->resume(op.sessionToken, t);
            VERIFY_OK(resumed);
            QCOMPARE(resumed->login, std::string("op1"));
            QCOMPARE(resumed->sessionToken, op.sessionToken);
        }
        VERIFY_REFUSED(m_store->resume(op.sessionToken, t + 30 * kMinute), "session expired");
        QCOMPARE(m_sink->count("session_expired", "op1"), 1);
        VERIFY_REFUSED(m_store->resume(op.sessionToken, t + 1), "session expired");  // gone
    }

    void sessionExpiresAfterTwelveHoursWhateverTheUse() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const Principal op = login("op1");
        std::int64_t t = kT0;
        while (t + 20 * kMinute < kT0 + 12 * 60 * kMinute) {
            t += 20 * kMinute;
            VERIFY_OK(m_store->resume(op.sessionToken, t));
        }
        VERIFY_OK(m_store->resume(op.sessionToken, kT0 + 12 * 60 * kMinute - 1));
        VERIFY_REFUSED(m_store->resume(op.sessionToken, kT0 + 12 * 60 * kMinute),
                       "session expired");
        QVERIFY(m_sink->last().detailsJson.find("absolute") != std::string::npos);
    }

    void logoutEndsTheSession() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const Principal op = login("op1");
        const Principal again = login("op1");
        VERIFY_OK(m_store->logout(op.sessionToken, kT0 + 1));
        QCOMPARE(m_sink->count("logout", "op1"), 1);
        VERIFY_REFUSED(m_store->resume(op.sessionToken, kT0 + 2), "session");
        VERIFY_REFUSED(m_store->logout(op.sessionToken, kT0 + 2), "session");
        VERIFY_OK(m_store->resume(again.sessionToken, kT0 + 2));  // the other one lives
        VERIFY_REFUSED(m_store->resume("not-a-token", kT0), "session");
        VERIFY_REFUSED(m_store->resume(std::string(64, 'a'), kT0), "session");
    }

    void expiredSessionsArePurged() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        (void)login("op1", kPassword, kT0);
        (void)login("op1", kPassword, kT0 + 20 * kMinute);
        auto purged = m_store->purgeExpiredSessions(kT0 + 35 * kMinute);
        VERIFY_OK(purged);
        QCOMPARE(*purged, 2);  // admin's (kT0) and op1's first one
        QCOMPARE(*m_store->database().queryInt64("SELECT count(*) FROM sessions"), std::int64_t(1));
    }

    void resumeSeesRightsAsTheyAreNow() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const Principal op = login("op1");
        UserSpec raised = spec("op1", Level::AdvancedUser);
        VERIFY_OK(m_store->updateUser(m_admin, raised));
        auto resumed = m_store->resume(op.sessionToken, kT0 + 1);
        VERIFY_OK(resumed);
        QCOMPARE(resumed->level, Level::AdvancedUser);
        QVERIFY(resumed->permissions.contains(Permission::EditRules));
    }

    // --- own password, rehash -----------------------------------------------------------

    void changeOwnPassword() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const Principal here = login("op1");
        const Principal elsewhere = login("op1");
        m_clockMs = kT0 + 5;
        VERIFY_OK(m_store->changeOwnPassword(here, kPassword, kOtherPassword, kT0 + 5));
        QCOMPARE(m_sink->count("password_changed", "op1"), 1);
        VERIFY_REFUSED(m_store->authenticate("op1", kPassword, kT0 + 6), std::string(kInvalid));
        VERIFY_OK(m_store->authenticate("op1", kOtherPassword, kT0 + 7));
        VERIFY_OK(m_store->resume(here.sessionToken, kT0 + 8));
        VERIFY_REFUSED(m_store->resume(elsewhere.sessionToken, kT0 + 8), "session");
        auto users = m_store->listUsers(m_admin);
        QCOMPARE(users->at(1).passwordChangedMs, kT0 + 5);
        // The CLI operator has no own password.
        VERIFY_REFUSED(m_store->changeOwnPassword(Principal::cliOperator("root"), kPassword,
                                                  kOtherPassword, kT0),
                       "only a logged-in account");
    }

    void administratorSetsAPasswordAndEndsSessions() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const Principal op = login("op1");
        VERIFY_OK(m_store->setPassword(m_admin, "op1", kOtherPassword));
        QCOMPARE(m_sink->count("password_set", "op1"), 1);
        VERIFY_REFUSED(m_store->resume(op.sessionToken, kT0 + 1), "session");
        VERIFY_OK(m_store->authenticate("op1", kOtherPassword, kT0 + 2));
    }

    void passwordIsRehashedWhenTheCostChanges() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const std::string cheap = storedHash("op1");
        QVERIFY2(cheap.rfind("$argon2id$", 0) == 0, cheap.c_str());
        QVERIFY2(cheap.find("m=8,t=1") != std::string::npos, cheap.c_str());
        m_store.reset();

        auto store = AccountStore::open(m_path, makeKey(), m_sink.get(),
                                        options(PasswordHashing::Interactive));
        VERIFY_OK(store);
        m_store = std::move(*store);
        VERIFY_OK(m_store->authenticate("op1", kPassword, kT0 + 1));
        const std::string strong = storedHash("op1");
        QVERIFY2(strong.find("m=65536,t=2") != std::string::npos, strong.c_str());
        QVERIFY(m_sink->last().detailsJson.find("\"rehashed\":true") != std::string::npos);
        VERIFY_OK(m_store->authenticate("op1", kPassword, kT0 + 2));
        QCOMPARE(storedHash("op1"), strong);  // no second re-hash
        QVERIFY(m_sink->last().detailsJson.find("\"rehashed\":false") != std::string::npos);
    }

    // --- disabled accounts, last administrator ------------------------------------------

    void disabledAccountCannotLogIn() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        const Principal op = login("op1");
        VERIFY_OK(m_store->disableUser(m_admin, "op1"));
        QCOMPARE(m_sink->count("user_disabled", "op1"), 1);
        VERIFY_REFUSED(m_store->resume(op.sessionToken, kT0 + 1), "session");
        auto p = m_store->authenticate("op1", kPassword, kT0 + 2);
        QVERIFY(!p.ok());
        QCOMPARE(QString::fromStdString(p.error().message), QString(kInvalid.data()));
        QVERIFY(m_sink->last().detailsJson.find("disabled") != std::string::npos);
        VERIFY_OK(m_store->enableUser(m_admin, "op1"));
        VERIFY_OK(m_store->authenticate("op1", kPassword, kT0 + 3));
    }

    void theLastAdministratorStays() {
        QVERIFY(freshStore());
        VERIFY_REFUSED(m_store->disableUser(m_admin, "admin"), "last enabled L3 administrator");
        VERIFY_REFUSED(m_store->updateUser(m_admin, spec("admin", Level::AdvancedUser)),
                       "last enabled L3 administrator");
        VERIFY_OK(m_store->createUser(m_admin, spec("admin2", Level::Administrator), kPassword));
        VERIFY_OK(m_store->disableUser(m_admin, "admin"));
        VERIFY_REFUSED(m_store->authenticate("admin", kAdminPassword, kT0 + 1),
                       std::string(kInvalid));
        // The disabled admin's principal is re-read: it can do nothing any more.
        VERIFY_REFUSED(m_store->createUser(m_admin, spec("op9", Level::Operator), kPassword),
                       "disabled or no longer exists");
    }

    // --- every mutation is checked in core ----------------------------------------------

    void everyMutationNeedsItsPermission_data() {
        QTest::addColumn<QString>("actor");  // op1 (L1), adv (L2)
        QTest::addColumn<QString>("operation");
        const QStringList userOps = {"createUser", "updateUser", "setPassword", "disableUser",
                                     "enableUser", "unlockUser", "listUsers"};
        const QStringList catalogOps = {"saveProfile", "deleteProfile", "saveGroup",
                                        "deleteGroup", "listProfiles",  "listGroups"};
        for (const QString& op : userOps + catalogOps) {
            QTest::newRow(qPrintable("L1 " + op)) << "op1" << op;
        }
        for (const QString& op : catalogOps.mid(0, 4)) {
            QTest::newRow(qPrintable("L2 " + op)) << "adv" << op;
        }
        // L2 may manage users, but only lower ones: the L2 peer and the admin are out of reach.
        for (const QString& op : userOps.mid(1, 5)) {
            QTest::newRow(qPrintable("L2 on a peer " + op)) << "adv" << op;
        }
        QTest::newRow("L2 creates an L2") << "adv"
                                          << "createUser";
    }
    void everyMutationNeedsItsPermission() {
        QFETCH(QString, actor);
        QFETCH(QString, operation);
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        VERIFY_OK(m_store->createUser(m_admin, spec("adv", Level::AdvancedUser), kPassword));
        VERIFY_OK(m_store->createUser(m_admin, spec("adv2", Level::AdvancedUser), kPassword));
        VERIFY_OK(m_store->saveProfile(m_admin, {"p1", "", {Permission::ExportData}, {}}));
        VERIFY_OK(m_store->saveGroup(m_admin, {"g1", "", {}, {"cam-a"}}));
        const Principal who = login(actor.toStdString());
        QVERIFY(who.valid());
        const std::string target = actor == "op1" ? "op1" : "adv2";
        const std::int64_t usersBefore = userCount();
        const std::size_t eventsBefore = m_sink->size();

        Status s;
        if (operation == "createUser") {
            s = m_store->createUser(
                who, spec("new1", actor == "op1" ? Level::Operator : Level::AdvancedUser),
                kOtherPassword);
        } else if (operation == "updateUser") {
            s = m_store->updateUser(who, spec(target, Level::Administrator));
        } else if (operation == "setPassword") {
            s = m_store->setPassword(who, target, kOtherPassword);
        } else if (operation == "disableUser") {
            s = m_store->disableUser(who, target);
        } else if (operation == "enableUser") {
            s = m_store->enableUser(who, target);
        } else if (operation == "unlockUser") {
            s = m_store->unlockUser(who, target);
        } else if (operation == "listUsers") {
            auto r = m_store->listUsers(who);
            s = r ? Status() : Status(r.error());
        } else if (operation == "saveProfile") {
            s = m_store->saveProfile(who, {"p2", "", {Permission::ViewLive}, {}});
        } else if (operation == "deleteProfile") {
            s = m_store->deleteProfile(who, "p1");
        } else if (operation == "saveGroup") {
            s = m_store->saveGroup(who, {"g2", "", {}, {}});
        } else if (operation == "deleteGroup") {
            s = m_store->deleteGroup(who, "g1");
        } else if (operation == "listProfiles") {
            auto r = m_store->listProfiles(who);
            s = r ? Status() : Status(r.error());
        } else if (operation == "listGroups") {
            auto r = m_store->listGroups(who);
            s = r ? Status() : Status(r.error());
        } else {
            QFAIL("unknown operation");
        }
        VERIFY_REFUSED(s, std::string(kDenied));
        QVERIFY2(s.error().message.find(who.login) != std::string::npos, s.error().message.c_str());
        // Nothing changed, and the refusal is on record.
        QCOMPARE(userCount(), usersBefore);
        QCOMPARE(m_sink->size(), eventsBefore + 1);
        QCOMPARE(m_sink->last().action, std::string("access_denied"));
        QCOMPARE(m_sink->last().actor, who.login);
        auto profiles = m_store->listProfiles(m_admin);
        QCOMPARE(profiles->size(), std::size_t(1));
        QVERIFY(profiles->front().grants == PermissionSet{Permission::ExportData});
        auto groups = m_store->listGroups(m_admin);
        QCOMPARE(groups->size(), std::size_t(1));
        auto users = m_store->listUsers(m_admin);
        for (const auto& u : *users) {
            QVERIFY(!u.spec.disabled);
            QVERIFY(u.spec.level != Level::Administrator || u.spec.login == "admin");
        }
        VERIFY_OK(m_store->authenticate(target, kPassword, kT0 + 1));
    }

    void aForgedPrincipalGainsNothing() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->createUser(m_admin, spec("op1", Level::Operator), kPassword));
        Principal forged = login("op1");
        forged.level = Level::Administrator;
        forged.permissions = PermissionSet::all();
        VERIFY_REFUSED(m_store->createUser(forged, spec("evil", Level::Administrator), kPassword),
                       "permission denied: op1 (L1 operator)");
        Principal ghost = m_admin;
        ghost.login = "ghost";
        VERIFY_REFUSED(m_store->disableUser(ghost, "op1"), "disabled or no longer exists");
        Principal fakeCli = Principal::cliOperator("root");
        fakeCli.login = "root";
        VERIFY_REFUSED(m_store->disableUser(fakeCli, "op1"), "unknown operator");
        QCOMPARE(userCount(), std::int64_t(2));
    }

    void advancedUserOpensOnlyLowerAccounts() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->saveProfile(m_admin, {"rondier", "", {Permission::ExportData}, {}}));
        VERIFY_OK(m_store->saveProfile(m_admin, {"cameras", "", {Permission::ManageCameras}, {}}));
        VERIFY_OK(m_store->saveGroup(m_admin, {"quais", "", {}, {"cam-a", "cam-b"}}));
        VERIFY_OK(
            m_store->createUser(m_admin, spec("adv", Level::AdvancedUser, {"quais"}), kPassword));
        const Principal adv = login("adv");
        VERIFY_OK(m_store->createUser(adv, spec("op1", Level::Operator, {}, {"rondier"}, {"cam-a"}),
                                      kOtherPassword));
        VERIFY_REFUSED(m_store->createUser(adv, spec("op2", Level::AdvancedUser, {}, {}, {"cam-a"}),
                                           kOtherPassword),
                       "lower level");
        VERIFY_REFUSED(
            m_store->createUser(adv, spec("op3", Level::Operator, {}, {"cameras"}, {"cam-a"}),
                                kOtherPassword),
            "rights they do not hold");
        VERIFY_REFUSED(m_store->createUser(adv, spec("op4", Level::Operator), kOtherPassword),
                       "camera scope");
        VERIFY_REFUSED(
            m_store->updateUser(adv, spec("op1", Level::AdvancedUser, {}, {}, {"cam-a"})),
            "lower level");
        VERIFY_REFUSED(m_store->updateUser(adv, spec("op1", Level::Operator, {}, {}, {"cam-z"})),
                       "camera scope");
        VERIFY_OK(m_store->updateUser(adv, spec("op1", Level::Operator, {"quais"})));
        QCOMPARE(m_sink->count("user_changed", "op1"), 1);
        const Principal op = login("op1", kOtherPassword);
        QCOMPARE(op.cameras, CameraScope::only({"cam-a", "cam-b"}));
        QVERIFY(!op.permissions.contains(Permission::ExportData));  // the profile was removed
        QCOMPARE(userCount(), std::int64_t(3));
    }

    // --- groups and profiles ------------------------------------------------------------

    void groupsAndProfilesShapeTheRights() {
        QVERIFY(freshStore());
        VERIFY_OK(m_store->saveProfile(
            m_admin,
            {"rondier", "tours de garde", {Permission::ExportData}, {Permission::ReplayVideo}}));
        VERIFY_OK(
            m_store->saveGroup(m_admin, {"quais", "quais 1-3", {"rondier"}, {"cam-a", "cam-b"}}));
        VERIFY_REFUSED(m_store->saveGroup(m_admin, {"bad", "", {"ghost"}, {}}),
                       "no profile 'ghost'");
        VERIFY_REFUSED(m_store->saveGroup(m_admin, {"bad name!", "", {}, {}}),
                       "invalid group name");
        VERIFY_REFUSED(
            m_store->createUser(m_admin, spec("op1", Level::Operator, {"ghost"}), kPassword),
            "no group 'ghost'");
        VERIFY_OK(m_store->createUser(
            m_admin, spec("op1", Level::Operator, {"quais"}, {}, {"cam-b"}), kPassword));
        QCOMPARE(m_sink->count("profile_saved", "rondier"), 1);
        QCOMPARE(m_sink->count("group_saved", "quais"), 1);

        Principal op = login("op1");
        QVERIFY(op.permissions.contains(Permission::ExportData));
        QVERIFY(!op.permissions.contains(Permission::ReplayVideo));
        QCOMPARE(op.cameras, CameraScope::only({"cam-b"}));
        auto acl = m_store->accessControl();
        VERIFY_OK(acl);
        VERIFY_OK(acl->check(op, Permission::ViewSnapshots, std::string("cam-b")));
        VERIFY_REFUSED(acl->check(op, Permission::ViewSnapshots, std::string("cam-a")),
                       "outside their camera scope");
        VERIFY_REFUSED(acl->check(op, Permission::ExportData, std::string("cam-z")),
                       "outside their camera scope");

        // Changing the profile changes the rights of the group's members at once.
        VERIFY_OK(m_store->saveProfile(m_admin, {"rondier", "", {}, {}}));
        op = *m_store->resume(op.sessionToken, kT0 + 1);
        QVERIFY(!op.permissions.contains(Permission::ExportData));
        QVERIFY(op.permissions.contains(Permission::ReplayVideo));

        VERIFY_REFUSED(m_store->deleteProfile(m_admin, "rondier"), "still given to");
        VERIFY_REFUSED(m_store->deleteGroup(m_admin, "quais"), "still has 1 member");
        VERIFY_OK(m_store->updateUser(m_admin, spec("op1", Level::Operator)));
        VERIFY_OK(m_store->deleteGroup(m_admin, "quais"));
        VERIFY_OK(m_store->deleteProfile(m_admin, "rondier"));
        QCOMPARE(m_sink->count("group_deleted", "quais"), 1);
        QCOMPARE(m_sink->count("profile_deleted", "rondier"), 1);
        QVERIFY(m_store->listGroups(m_admin)->empty());
        QVERIFY(m_store->listProfiles(m_admin)->empty());
        VERIFY_REFUSED(m_store->deleteGroup(m_admin, "quais"), "no group 'quais'");
    }

    void aProfileCannotGrantWhatTheAdministratorLacks() {
        QVERIFY(freshStore());
        VERIFY_OK(
            m_store->saveProfile(m_admin, {"sans-licences", "", {}, {Permission::ManageLicences}}));
        VERIFY_OK(m_store->createUser(
            m_admin, spec("admin2", Level::Administrator, {}, {"sans-licences"}), kPassword));
        const Principal admin2 = login("admin2");
        VERIFY_REFUSED(
            m_store->saveProfile(admin2, {"licences", "", {Permission::ManageLicences}, {}}),
            "rights they do not hold");
        VERIFY_REFUSED(m_store->saveProfile(admin2, {"sans-licences", "", {}, {}}),
                       "rights they do not hold");  // lifting its own denial
        VERIFY_REFUSED(m_store->createUser(admin2, spec("admin3", Level::Administrator), kPassword),
                       "rights they do not hold");
        QCOMPARE(m_sink->count("access_denied", "sans-licences"), 1);
    }

    // --- the real audit log -------------------------------------------------------------

    void eventsLandInTheHashChainedLog() {
        const std::string path = newPath();
        auto log = AuditLog::open(path, makeKey(), "gare-nord");
        VERIFY_OK(log);
        auto store = AccountStore::open(path, makeKey(), log->get(), options());
        VERIFY_OK(store);
        VERIFY_OK((*store)->initialiseAdministrator("admin", kAdminPassword, "cli:root"));
        auto admin = (*store)->authenticate("admin", kAdminPassword, kT0);
        VERIFY_OK(admin);
        VERIFY_OK((*store)->createUser(*admin, spec("op1", Level::Operator), kPassword));
        (void)(*store)->authenticate("op1", "Wrong-Passw0rd!", kT0 + 1);
        VERIFY_OK((*store)->logout(admin->sessionToken, kT0 + 2));

        auto records = (*log)->list({});
        VERIFY_OK(records);
        QStringList actions;
        for (const auto& r : *records) {
            actions << QString::fromStdString(r.actor + " " + r.action + " " + r.target);
        }
        QCOMPARE(actions, (QStringList{"cli:root administrator_initialised admin",
                                       "admin login admin", "admin user_created op1",
                                       "anonymous login_failed op1", "admin logout admin"}));
        auto verified = (*log)->verify();
        VERIFY_OK(verified);
        QVERIFY2(verified->intact, verified->problem.c_str());
        QCOMPARE(verified->records, std::int64_t(5));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
