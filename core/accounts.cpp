#include "core/accounts.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <variant>

#include "core/json_reader.h"
#include "core/log.h"
#include "core/schema.h"

namespace vigie::core {

using nlohmann::json;

namespace {

// Numbered schema steps, oldest first; never edit a released step, append a new one.
// "groups" is quoted everywhere: GROUPS is a keyword of newer SQLite versions.
constexpr std::array kSchemaSteps = {
    SchemaStep{1, "accounts, groups, profiles and sessions", R"sql(
        CREATE TABLE users (
            id                  INTEGER PRIMARY KEY,
            login               TEXT    NOT NULL UNIQUE COLLATE NOCASE,
            display_name        TEXT    NOT NULL,
            level               INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
            password_hash       TEXT    NOT NULL,
            camera_scope        TEXT    NOT NULL,
            disabled            INTEGER NOT NULL DEFAULT 0,
            failed_logins       INTEGER NOT NULL DEFAULT 0,
            locked_until_ms     INTEGER NOT NULL DEFAULT 0,
            created_ms          INTEGER NOT NULL,
            created_by          TEXT    NOT NULL,
            password_changed_ms INTEGER NOT NULL,
            last_login_ms       INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE profiles (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL,
            grants      TEXT NOT NULL,
            denials     TEXT NOT NULL
        );
        CREATE TABLE "groups" (
            id           INTEGER PRIMARY KEY,
            name         TEXT NOT NULL UNIQUE,
            description  TEXT NOT NULL,
            camera_scope TEXT NOT NULL
        );
        CREATE TABLE memberships (
            user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            group_id INTEGER NOT NULL REFERENCES "groups" (id) ON DELETE RESTRICT,
            PRIMARY KEY (user_id, group_id)
        );
        CREATE TABLE user_profiles (
            user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE RESTRICT,
            PRIMARY KEY (user_id, profile_id)
        );
        CREATE TABLE group_profiles (
            group_id   INTEGER NOT NULL REFERENCES "groups" (id) ON DELETE CASCADE,
            profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE RESTRICT,
            PRIMARY KEY (group_id, profile_id)
        );
        CREATE TABLE sessions (
            token_hash   TEXT    PRIMARY KEY,
            user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            created_ms   INTEGER NOT NULL,
            last_used_ms INTEGER NOT NULL
        );
        CREATE INDEX sessions_by_user ON sessions (user_id);
    )sql"},
};
static_assert(kSchemaSteps.back().version == AccountStore::kSchemaVersion);

constexpr std::string_view kInvalidLogin = "invalid login or password";
constexpr std::string_view kLocked = "account locked, try again later or ask an administrator";
constexpr std::string_view kSessionGone = "session expired or unknown: please log in again";
constexpr std::size_t kMaxDisplayNameBytes = 128;
constexpr std::size_t kMaxDescriptionBytes = 512;
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMaxAuditLoginChars = 64;

constexpr std::string_view kUserColumns =
    "id, login, display_name, level, password_hash, camera_scope, disabled, failed_logins, "
    "locked_until_ms, created_ms, created_by, password_changed_ms, last_login_ms";

// --- small SQL helpers ----------------------------------------------------------------------

using Value = std::variant<std::int64_t, std::string>;

Result<Statement> prepareBound(Database& db, std::string_view sql,
                               std::initializer_list<Value> values) {
    auto st = db.prepare(sql);
    if (!st) {
        return st.error();
    }
    int index = 0;
    for (const Value& v : values) {
        ++index;
        const Status s = std::holds_alternative<std::int64_t>(v)
                             ? st->bindInt64(index, std::get<std::int64_t>(v))
                             : st->bindText(index, std::get<std::string>(v));
        if (!s) {
            return s.error();
        }
    }
    return st;
}

Status execBound(Database& db, std::string_view sql, std::initializer_list<Value> values) {
    auto st = prepareBound(db, sql, values);
    if (!st) {
        return st.error();
    }
    return st->run();
}

Result<std::int64_t> queryBound(Database& db, std::string_view sql,
                                std::initializer_list<Value> values) {
    auto st = prepareBound(db, sql, values);
    if (!st) {
        return st.error();
    }
    auto step = st->step();
    if (!step) {
        return step.error();
    }
    return *step == Statement::Step::Row ? st->columnInt64(0) : 0;
}

// Ends a transaction before an audit record is written: the audit log has its own
// connection and would wait on our write lock.
void endTransaction(Result<Transaction>& tx) {
    if (tx) {
        (void)tx->rollback();
    }
}

std::string listToJson(const std::vector<std::string>& items) {
    return json(items).dump();
}

std::optional<std::vector<std::string>> listFromJson(const std::string& text) {
    const json array = json::parse(text, nullptr, false);
    if (array.is_discarded() || !array.is_array()) {
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& v : array) {
        if (!v.is_string()) {
            return std::nullopt;
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::string permissionsToJson(const PermissionSet& set) {
    json array = json::array();
    for (const Permission p : set.list()) {
        array.push_back(std::string(toName(p)));
    }
    return array.dump();
}

std::optional<PermissionSet> permissionsFromJson(const std::string& text) {
    const auto names = listFromJson(text);
    if (!names) {
        return std::nullopt;
    }
    PermissionSet set;
    for (const auto& name : *names) {
        const auto p = permissionFromString(name);
        if (!p) {
            return std::nullopt;
        }
        set.insert(*p);
    }
    return set;
}

void sortUnique(std::vector<std::string>& items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
}

std::string sha256Hex(std::string_view text) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.resize(digest.size() * 2);
    return hex;
}

bool isHexToken(std::string_view token) {
    return token.size() == kTokenBytes * 2 && std::all_of(token.begin(), token.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string newToken() {
    std::array<unsigned char, kTokenBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    sodium_memzero(bytes.data(), bytes.size());
    hex.resize(bytes.size() * 2);
    return hex;
}

struct HashCost {
    unsigned long long opsLimit;
    std::size_t memLimit;
};

std::optional<HashCost> costOf(PasswordHashing hashing) {
    switch (hashing) {
        case PasswordHashing::Interactive:
            return HashCost{crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
        case PasswordHashing::Moderate:
            return HashCost{crypto_pwhash_argon2id_OPSLIMIT_MODERATE,
                            crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
        case PasswordHashing::Minimum:
            return HashCost{crypto_pwhash_argon2id_OPSLIMIT_MIN,
                            crypto_pwhash_argon2id_MEMLIMIT_MIN};
        case PasswordHashing::Invalid:
            break;
    }
    return std::nullopt;
}

bool verifyPassword(const std::string& hash, const std::string& password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::size_t utf8Chars(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// What an audit record may say about a login someone typed: it may be anything, even a
// password typed in the wrong field, so it is cut short.
std::string auditLogin(std::string_view login) {
    return std::string(login.substr(0, kMaxAuditLoginChars));
}

json specToJson(const UserSpec& spec) {
    return {{"login", spec.login},
            {"display_name", spec.displayName},
            {"level", std::string(toName(spec.level))},
            {"groups", spec.groups},
            {"profiles", spec.profiles},
            {"cameras", spec.cameraScope},
            {"disabled", spec.disabled}};
}

}  // namespace

struct AccountStore::Row {
    std::int64_t id = 0;
    UserSpec spec;
    std::string passwordHash;
    int failedLogins = 0;
    std::int64_t lockedUntilMs = 0;
    std::int64_t createdMs = 0;
    std::string createdBy;
    std::int64_t passwordChangedMs = 0;
    std::int64_t lastLoginMs = 0;
};

namespace {

// Reads users rows (kUserColumns) with their groups and profiles.
template <typename Row>
Result<std::vector<Row>> readUserRows(Database& db, Statement& st) {
    std::vector<Row> rows;
    for (;;) {
        auto step = st.step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            break;
        }
        Row r;
        r.id = st.columnInt64(0);
        r.spec.login = st.columnText(1);
        r.spec.displayName = st.columnText(2);
        const auto level = levelFromNumber(st.columnInt64(3));
        const std::string scope = st.columnText(5);
        auto cameras = listFromJson(scope);
        if (!level || !cameras) {
            return makeError("the database " + db.path() + " holds an unreadable account '" +
                             r.spec.login + "'");
        }
        r.spec.level = *level;
        r.passwordHash = st.columnText(4);
        r.spec.cameraScope = std::move(*cameras);
        r.spec.disabled = st.columnInt64(6) != 0;
        r.failedLogins = static_cast<int>(st.columnInt64(7));
        r.lockedUntilMs = st.columnInt64(8);
        r.createdMs = st.columnInt64(9);
        r.createdBy = st.columnText(10);
        r.passwordChangedMs = st.columnInt64(11);
        r.lastLoginMs = st.columnInt64(12);
        rows.push_back(std::move(r));
    }
    if (rows.empty()) {
        return rows;
    }
    std::map<std::int64_t, Row*> byId;
    for (Row& r : rows) {
        byId[r.id] = &r;
    }
    for (const bool groups : {true, false}) {
        auto links =
            db.prepare(groups ? "SELECT m.user_id, g.name FROM memberships m JOIN \"groups\" g "
                                "ON g.id = m.group_id ORDER BY g.name"
                              : "SELECT l.user_id, p.name FROM user_profiles l JOIN profiles p "
                                "ON p.id = l.profile_id ORDER BY p.name");
        if (!links) {
            return links.error();
        }
        for (;;) {
            auto step = links->step();
            if (!step) {
                return step.error();
            }
            if (*step == Statement::Step::Done) {
                break;
            }
            const auto it = byId.find(links->columnInt64(0));
            if (it != byId.end()) {
                (groups ? it->second->spec.groups : it->second->spec.profiles)
                    .push_back(links->columnText(1));
            }
        }
    }
    return rows;
}

}  // namespace

// --- construction ---------------------------------------------------------------------------

AccountStore::AccountStore(std::unique_ptr<Database> db, AuditSink* audit, AccountOptions options)
    : m_db(std::move(db)), m_audit(audit), m_options(std::move(options)) {}

AccountStore::~AccountStore() = default;

Result<std::unique_ptr<AccountStore>> AccountStore::open(const std::string& path,
                                                         const DatabaseKey& key, AuditSink* audit,
                                                         AccountOptions options) {
    auto db = Database::open(path, key, OpenMode::ReadWriteCreate);
    if (!db) {
        return db.error();
    }
    return create(std::move(*db), audit, std::move(options));
}

Result<std::unique_ptr<AccountStore>> AccountStore::create(std::unique_ptr<Database> db,
                                                           AuditSink* audit,
                                                           AccountOptions options) {
    if (!db) {
        return makeError("internal error: no database given to the account store");
    }
    if (sodium_init() < 0) {
        return makeError("cannot initialise libsodium for password hashing");
    }
    if (!costOf(options.hashing)) {
        return makeError("internal error: no password hashing cost chosen");
    }
    if (options.maxFailedLogins < 1 || options.lockoutMs < 1 || options.sessionIdleMs < 1 ||
        options.sessionAbsoluteMs < 1) {
        return makeError("internal error: lockout and session limits must be positive numbers");
    }
    if (auto s = applySchema(*db, "accounts", kSchemaSteps); !s) {
        return s.error();
    }
    return std::unique_ptr<AccountStore>(
        new AccountStore(std::move(db), audit, std::move(options)));
}

// --- helpers --------------------------------------------------------------------------------

std::int64_t AccountStore::now() const {
    if (m_options.clockMs) {
        return m_options.clockMs();
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void AccountStore::audit(std::int64_t timeMs, const std::string& actor, const std::string& action,
                         const std::string& target, const std::string& detailsJson) {
    if (m_audit == nullptr) {
        return;
    }
    if (!m_audit->record({timeMs, actor, action, target, detailsJson})) {
        logger("accounts")
            ->error("could not record '{}' by {} on {} in the audit log", action, actor, target);
    }
}

Status AccountStore::refuse(const Principal& actor, const std::string& operation,
                            const std::string& target, const Error& error) {
    audit(now(), actor.login.empty() ? std::string("anonymous") : actor.login, "access_denied",
          target, json{{"operation", operation}, {"reason", error.message}}.dump());
    return error;
}

bool AccountStore::isValidLogin(std::string_view login) {
    if (login.size() < 3 || login.size() > 64) {
        return false;
    }
    const auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (!alnum(login.front())) {
        return false;
    }
    return std::all_of(login.begin(), login.end(), [&](char c) {
        return alnum(c) || c == '.' || c == '_' || c == '-' || c == '@';
    });
}

Status AccountStore::checkPasswordPolicy(std::string_view login, std::string_view password) {
    if (password.size() > kMaxPasswordBytes) {
        return makeError("the password is too long (at most " + std::to_string(kMaxPasswordBytes) +
                         " bytes)");
    }
    std::vector<std::string> problems;
    if (utf8Chars(password) < kMinPasswordChars) {
        problems.push_back("have at least " + std::to_string(kMinPasswordChars) + " characters");
    }
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (const char c : password) {
        if (c >= 'a' && c <= 'z') {
            lower = true;
        } else if (c >= 'A' && c <= 'Z') {
            upper = true;
        } else if (c >= '0' && c <= '9') {
            digit = true;
        } else {
            other = true;
        }
    }
    if (int{lower} + int{upper} + int{digit} + int{other} < 3) {
        problems.push_back(
            "mix at least 3 of: lower-case letters, upper-case letters, digits, other "
            "characters");
    }
    if (!login.empty() && lowerAscii(password).find(lowerAscii(login)) != std::string::npos) {
        problems.push_back("not contain the login");
    }
    if (problems.empty()) {
        return okStatus();
    }
    std::string message = "the password must ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
        message += (i == 0 ? "" : i + 1 == problems.size() ? " and " : ", ") + problems[i];
    }
    return makeError(message);
}

Result<std::string> AccountStore::hashPassword(const std::string& password) const {
    const auto cost = costOf(m_options.hashing);
    std::array<char, crypto_pwhash_argon2id_STRBYTES> out{};
    if (!cost || crypto_pwhash_argon2id_str(out.data(), password.data(), password.size(),
                                            cost->opsLimit, cost->memLimit) != 0) {
        return makeError("cannot hash the password (out of memory?)");
    }
    return std::string(out.data());
}

const std::string& AccountStore::dummyHash() {
    if (m_dummyHash.empty()) {
        auto hash = hashPassword("vigie: no such account, same cost");
        m_dummyHash = hash ? *hash : std::string("-");
    }
    return m_dummyHash;
}

Result<std::optional<AccountStore::Row>> AccountStore::loadUser(std::string_view login) {
    auto st =
        prepareBound(*m_db, "SELECT " + std::string(kUserColumns) + " FROM users WHERE login = ?1",
                     {std::string(login)});
    if (!st) {
        return st.error();
    }
    auto rows = readUserRows<Row>(*m_db, *st);
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return std::optional<Row>();
    }
    return std::optional<Row>(std::move(rows->front()));
}

Result<std::vector<UserSpec>> AccountStore::loadAllUsers() {
    auto st = m_db->prepare("SELECT " + std::string(kUserColumns) + " FROM users ORDER BY login");
    if (!st) {
        return st.error();
    }
    auto rows = readUserRows<Row>(*m_db, *st);
    if (!rows) {
        return rows.error();
    }
    std::vector<UserSpec> specs;
    for (Row& r : *rows) {
        specs.push_back(std::move(r.spec));
    }
    return specs;
}

Result<AccessControl> AccountStore::loadCatalog() {
    std::vector<ProfileSpec> profiles;
    auto ps =
        m_db->prepare("SELECT name, description, grants, denials FROM profiles ORDER BY name");
    if (!ps) {
        return ps.error();
    }
    for (;;) {
        auto step = ps->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            break;
        }
        ProfileSpec p;
        p.name = ps->columnText(0);
        p.description = ps->columnText(1);
        const auto grants = permissionsFromJson(ps->columnText(2));
        const auto denials = permissionsFromJson(ps->columnText(3));
        if (!grants || !denials) {
            return makeError("the database " + m_db->path() + " holds an unreadable profile '" +
                             p.name + "' (a permission of a newer Vigie?)");
        }
        p.grants = *grants;
        p.denials = *denials;
        profiles.push_back(std::move(p));
    }
    std::vector<GroupSpec> groups;
    std::map<std::int64_t, std::size_t> groupIndex;
    auto gs =
        m_db->prepare("SELECT id, name, description, camera_scope FROM \"groups\" ORDER BY name");
    if (!gs) {
        return gs.error();
    }
    for (;;) {
        auto step = gs->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            break;
        }
        GroupSpec g;
        g.name = gs->columnText(1);
        g.description = gs->columnText(2);
        auto cameras = listFromJson(gs->columnText(3));
        if (!cameras) {
            return makeError("the database " + m_db->path() + " holds an unreadable group '" +
                             g.name + "'");
        }
        g.cameraScope = std::move(*cameras);
        groupIndex[gs->columnInt64(0)] = groups.size();
        groups.push_back(std::move(g));
    }
    auto links = m_db->prepare(
        "SELECT l.group_id, p.name FROM group_profiles l JOIN profiles p ON p.id = l.profile_id "
        "ORDER BY p.name");
    if (!links) {
        return links.error();
    }
    for (;;) {
        auto step = links->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            break;
        }
        if (const auto it = groupIndex.find(links->columnInt64(0)); it != groupIndex.end()) {
            groups[it->second].profiles.push_back(links->columnText(1));
        }
    }
    return AccessControl(std::move(profiles), std::move(groups));
}

Result<Principal> AccountStore::currentActor(const Principal& actor) {
    if (!actor.valid()) {
        return makeError("permission denied: nobody is logged in");
    }
    if (actor.kind == PrincipalKind::Operator) {
        if (actor.login.rfind("cli:", 0) != 0) {
            return makeError("permission denied: unknown operator '" + actor.login + "'");
        }
        return actor;
    }
    auto row = loadUser(actor.login);
    if (!row) {
        return row.error();
    }
    if (!*row || (*row)->spec.disabled) {
        return makeError("permission denied: the account '" + actor.login +
                         "' is disabled or no longer exists");
    }
    auto catalog = loadCatalog();
    if (!catalog) {
        return catalog.error();
    }
    auto fresh = catalog->resolve((*row)->spec);
    if (!fresh) {
        return fresh.error();
    }
    fresh->sessionToken = actor.sessionToken;
    return fresh;
}

Status AccountStore::validateSpec(const UserSpec& spec, const AccessControl& catalog) const {
    if (!isValidLogin(spec.login)) {
        return makeError("invalid login '" + auditLogin(spec.login) +
                         "': use 3 to 64 letters, digits, '.', '_', '-' or '@', starting with a "
                         "letter or a digit");
    }
    if (!levelFromNumber(static_cast<int>(spec.level))) {
        return makeError("account '" + spec.login + "' needs a level: 1, 2 or 3");
    }
    if (spec.displayName.size() > kMaxDisplayNameBytes) {
        return makeError("the display name of account '" + spec.login + "' is too long (at most " +
                         std::to_string(kMaxDisplayNameBytes) + " bytes)");
    }
    for (const auto& g : spec.groups) {
        if (catalog.findGroup(g) == nullptr) {
            return makeError("no group '" + g + "'");
        }
    }
    for (const auto& p : spec.profiles) {
        if (catalog.findProfile(p) == nullptr) {
            return makeError("no profile '" + p + "'");
        }
    }
    for (const auto& c : spec.cameraScope) {
        if (!JsonReader::isValidId(c)) {
            return makeError("invalid camera id '" + c + "' in the scope of account '" +
                             spec.login + "'");
        }
    }
    return okStatus();
}

Status AccountStore::writeUserLinks(std::int64_t userId, const UserSpec& spec) {
    if (auto s = execBound(*m_db, "DELETE FROM memberships WHERE user_id = ?1", {userId}); !s) {
        return s;
    }
    if (auto s = execBound(*m_db, "DELETE FROM user_profiles WHERE user_id = ?1", {userId}); !s) {
        return s;
    }
    for (const auto& g : spec.groups) {
        if (auto s = execBound(*m_db,
                               "INSERT INTO memberships (user_id, group_id) "
                               "SELECT ?1, id FROM \"groups\" WHERE name = ?2",
                               {userId, g});
            !s) {
            return s;
        }
    }
    for (const auto& p : spec.profiles) {
        if (auto s = execBound(*m_db,
                               "INSERT INTO user_profiles (user_id, profile_id) "
                               "SELECT ?1, id FROM profiles WHERE name = ?2",
                               {userId, p});
            !s) {
            return s;
        }
    }
    return okStatus();
}

Status AccountStore::ensureAnotherAdministrator(const std::string& login, const UserSpec& after) {
    if (after.level == Level::Administrator && !after.disabled) {
        return okStatus();
    }
    auto others = queryBound(*m_db,
                             "SELECT count(*) FROM users WHERE level = 3 AND disabled = 0 "
                             "AND login <> ?1",
                             {login});
    if (!others) {
        return others.error();
    }
    if (*others == 0) {
        return makeError("account '" + login +
                         "' is the last enabled L3 administrator: create or enable another "
                         "one first");
    }
    return okStatus();
}

// --- first administrator --------------------------------------------------------------------

Result<bool> AccountStore::hasAccounts() {
    auto count = m_db->queryInt64("SELECT count(*) FROM users");
    if (!count) {
        return count.error();
    }
    return *count > 0;
}

Status AccountStore::initialiseAdministrator(const std::string& login, const std::string& password,
                                             const std::string& auditActor) {
    UserSpec spec;
    spec.login = login;
    spec.displayName = login;
    spec.level = Level::Administrator;
    if (auto s = validateSpec(spec, AccessControl()); !s) {
        return s;
    }
    if (auto any = hasAccounts(); !any || *any) {
        return any ? makeError(
                         "the first administrator already exists: log in as an "
                         "administrator to create accounts")
                   : any.error();
    }
    if (auto s = checkPasswordPolicy(login, password); !s) {
        return s;
    }
    auto hash = hashPassword(password);
    if (!hash) {
        return hash.error();
    }
    const std::int64_t nowMs = now();
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    // Checked again under the write lock: two concurrent initialisations make one account.
    auto count = m_db->queryInt64("SELECT count(*) FROM users");
    if (!count) {
        return count.error();
    }
    if (*count > 0) {
        return makeError(
            "the first administrator already exists: log in as an administrator to create "
            "accounts");
    }
    if (auto s = execBound(*m_db,
                           "INSERT INTO users (login, display_name, level, password_hash, "
                           "camera_scope, created_ms, created_by, password_changed_ms) "
                           "VALUES (?1, ?2, 3, ?3, '[]', ?4, ?5, ?4)",
                           {login, login, *hash, nowMs, auditActor});
        !s) {
        return s;
    }
    if (auto s = tx->commit(); !s) {
        return s;
    }
    audit(nowMs, auditActor, "administrator_initialised", login,
          json{{"level", std::string(toName(Level::Administrator))}}.dump());
    return okStatus();
}

// --- accounts -------------------------------------------------------------------------------

Status AccountStore::createUser(const Principal& actor, const UserSpec& requested,
                                const std::string& password) {
    UserSpec spec = requested;
    sortUnique(spec.groups);
    sortUnique(spec.profiles);
    sortUnique(spec.cameraScope);
    bool denied = false;
    const auto authorise = [&]() -> Status {
        denied = true;
        auto current = currentActor(actor);
        if (!current) {
            return current.error();
        }
        auto catalog = loadCatalog();
        if (!catalog) {
            return catalog.error();
        }
        if (auto s = catalog->check(*current, Permission::ManageUsers); !s) {
            return s;
        }
        denied = false;
        if (auto s = validateSpec(spec, *catalog); !s) {
            return s;
        }
        denied = true;
        if (auto s = catalog->checkManageUser(*current, std::nullopt, spec); !s) {
            return s;
        }
        denied = false;
        return okStatus();
    };
    // Checked before the (slow) hash, and again under the write lock.
    if (auto s = authorise(); !s) {
        return denied ? refuse(actor, "create_user", spec.login, s.error()) : s;
    }
    if (auto s = checkPasswordPolicy(spec.login, password); !s) {
        return s;
    }
    auto hash = hashPassword(password);
    if (!hash) {
        return hash.error();
    }
    const std::int64_t nowMs = now();
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    if (auto s = authorise(); !s) {
        endTransaction(tx);
        return denied ? refuse(actor, "create_user", spec.login, s.error()) : s;
    }
    auto existing = loadUser(spec.login);
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return makeError("an account '" + (*existing)->spec.login + "' already exists");
    }
    if (auto s = execBound(*m_db,
                           "INSERT INTO users (login, display_name, level, password_hash, "
                           "camera_scope, disabled, created_ms, created_by, password_changed_ms) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7)",
                           {spec.login, spec.displayName, static_cast<std::int64_t>(spec.level),
                            *hash, listToJson(spec.cameraScope),
                            std::int64_t{spec.disabled ? 1 : 0}, nowMs, actor.login});
        !s) {
        return s;
    }
    if (auto s = writeUserLinks(m_db->lastInsertRowId(), spec); !s) {
        return s;
    }
    if (auto s = tx->commit(); !s) {
        return s;
    }
    audit(nowMs, actor.login, "user_created", spec.login, specToJson(spec).dump());
    return okStatus();
}

Result<AccountStore::Change> AccountStore::changeUser(const Principal& actor,
                                                      const std::string& login,
                                                      const std::string& action,
                                                      const std::function<void(UserSpec&)>& edit,
                                                      const WriteUser& write) {
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    auto current = currentActor(actor);
    if (!current) {
        endTransaction(tx);
        return refuse(actor, action, login, current.error()).error();
    }
    auto row = loadUser(login);
    if (!row) {
        return row.error();
    }
    auto catalog = loadCatalog();
    if (!catalog) {
        return catalog.error();
    }
    // The right to manage accounts at all comes before anything about the target.
    if (auto s = catalog->check(*current, Permission::ManageUsers); !s) {
        endTransaction(tx);
        return refuse(actor, action, login, s.error()).error();
    }
    if (!*row) {
        return makeError("no account '" + auditLogin(login) + "'");
    }
    Change change{(*row)->spec, (*row)->spec};
    edit(change.after);
    change.after.login = change.before.login;  // the login itself never changes
    sortUnique(change.after.groups);
    sortUnique(change.after.profiles);
    sortUnique(change.after.cameraScope);
    if (auto s = catalog->checkManageUser(*current, change.before, change.after); !s) {
        endTransaction(tx);
        return refuse(actor, action, change.before.login, s.error()).error();
    }
    if (auto s = validateSpec(change.after, *catalog); !s) {
        return s.error();
    }
    if (change.before.level == Level::Administrator && !change.before.disabled) {
        if (auto s = ensureAnotherAdministrator(change.before.login, change.after); !s) {
            return s.error();
        }
    }
    if (auto s = write((*row)->id, change.after); !s) {
        return s.error();
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    return change;
}

Status AccountStore::updateUser(const Principal& actor, const UserSpec& spec) {
    const auto edit = [&](UserSpec& target) {
        target = spec;
    };
    const auto write = [&](std::int64_t userId, const UserSpec& after) -> Status {
        if (auto s =
                execBound(*m_db,
                          "UPDATE users SET display_name = ?2, level = ?3, camera_scope = ?4, "
                          "disabled = ?5 WHERE id = ?1",
                          {userId, after.displayName, static_cast<std::int64_t>(after.level),
                           listToJson(after.cameraScope), std::int64_t{after.disabled ? 1 : 0}});
            !s) {
            return s;
        }
        if (after.disabled) {
            if (auto s = execBound(*m_db, "DELETE FROM sessions WHERE user_id = ?1", {userId});
                !s) {
                return s;
            }
        }
        return writeUserLinks(userId, after);
    };
    auto change = changeUser(actor, spec.login, "update_user", edit, write);
    if (!change) {
        return change.error();
    }
    audit(
        now(), actor.login, "user_changed", change->after.login,
        json{{"before", specToJson(change->before)}, {"after", specToJson(change->after)}}.dump());
    return okStatus();
}

Status AccountStore::setPassword(const Principal& actor, const std::string& login,
                                 const std::string& password) {
    const auto noEdit = [](UserSpec&) {
    };
    // Authorised before the (slow) hash, and again under the write lock.
    auto target = changeUser(actor, login, "set_password", noEdit,
                             [](std::int64_t, const UserSpec&) { return okStatus(); });
    if (!target) {
        return target.error();
    }
    const std::string realLogin = target->before.login;
    if (auto s = checkPasswordPolicy(realLogin, password); !s) {
        return s;
    }
    auto hash = hashPassword(password);
    if (!hash) {
        return hash.error();
    }
    const std::int64_t nowMs = now();
    const auto write = [&](std::int64_t userId, const UserSpec&) -> Status {
        if (auto s = execBound(*m_db,
                               "UPDATE users SET password_hash = ?2, password_changed_ms = ?3 "
                               "WHERE id = ?1",
                               {userId, *hash, nowMs});
            !s) {
            return s;
        }
        return execBound(*m_db, "DELETE FROM sessions WHERE user_id = ?1", {userId});
    };
    if (auto changed = changeUser(actor, login, "set_password", noEdit, write); !changed) {
        return changed.error();
    }
    audit(nowMs, actor.login, "password_set", realLogin, "{}");
    return okStatus();
}

Status AccountStore::disableUser(const Principal& actor, const std::string& login) {
    const auto edit = [](UserSpec& target) {
        target.disabled = true;
    };
    const auto write = [&](std::int64_t userId, const UserSpec&) -> Status {
        if (auto s = execBound(*m_db, "UPDATE users SET disabled = 1 WHERE id = ?1", {userId});
            !s) {
            return s;
        }
        return execBound(*m_db, "DELETE FROM sessions WHERE user_id = ?1", {userId});
    };
    auto change = changeUser(actor, login, "disable_user", edit, write);
    if (!change) {
        return change.error();
    }
    audit(now(), actor.login, "user_disabled", change->after.login, "{}");
    return okStatus();
}

Status AccountStore::enableUser(const Principal& actor, const std::string& login) {
    const auto edit = [](UserSpec& target) {
        target.disabled = false;
    };
    const auto write = [&](std::int64_t userId, const UserSpec&) {
        return execBound(*m_db, "UPDATE users SET disabled = 0 WHERE id = ?1", {userId});
    };
    auto change = changeUser(actor, login, "enable_user", edit, write);
    if (!change) {
        return change.error();
    }
    audit(now(), actor.login, "user_enabled", change->after.login, "{}");
    return okStatus();
}

Status AccountStore::unlockUser(const Principal& actor, const std::string& login) {
    const auto edit = [](UserSpec&) {
    };
    const auto write = [&](std::int64_t userId, const UserSpec&) {
        return execBound(*m_db,
                         "UPDATE users SET failed_logins = 0, locked_until_ms = 0 WHERE id = ?1",
                         {userId});
    };
    auto change = changeUser(actor, login, "unlock_user", edit, write);
    if (!change) {
        return change.error();
    }
    audit(now(), actor.login, "user_unlocked", change->after.login, "{}");
    return okStatus();
}

Result<std::vector<AccountInfo>> AccountStore::listUsers(const Principal& actor) {
    auto current = currentActor(actor);
    if (!current) {
        return refuse(actor, "list_users", "", current.error()).error();
    }
    auto catalog = loadCatalog();
    if (!catalog) {
        return catalog.error();
    }
    if (auto s = catalog->check(*current, Permission::ManageUsers); !s) {
        return refuse(actor, "list_users", "", s.error()).error();
    }
    auto st = m_db->prepare("SELECT " + std::string(kUserColumns) + " FROM users ORDER BY login");
    if (!st) {
        return st.error();
    }
    auto rows = readUserRows<Row>(*m_db, *st);
    if (!rows) {
        return rows.error();
    }
    std::vector<AccountInfo> out;
    for (Row& r : *rows) {
        AccountInfo info;
        info.spec = std::move(r.spec);
        info.createdMs = r.createdMs;
        info.createdBy = r.createdBy;
        info.passwordChangedMs = r.passwordChangedMs;
        info.lastLoginMs = r.lastLoginMs;
        info.failedLogins = r.failedLogins;
        info.lockedUntilMs = r.lockedUntilMs;
        out.push_back(std::move(info));
    }
    return out;
}

Status AccountStore::recordFailure(const Row& row, std::int64_t nowMs, const std::string& actor,
                                   const std::string& action, bool& lockedNow) {
    lockedNow = false;
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    // A lock that has run out starts the count again.
    if (auto s = execBound(*m_db,
                           "UPDATE users SET "
                           "failed_logins = CASE WHEN locked_until_ms <> 0 AND locked_until_ms "
                           "<= ?2 THEN 1 ELSE failed_logins + 1 END, "
                           "locked_until_ms = CASE WHEN locked_until_ms <= ?2 THEN 0 "
                           "ELSE locked_until_ms END WHERE id = ?1",
                           {row.id, nowMs});
        !s) {
        return s;
    }
    auto failures = queryBound(*m_db, "SELECT failed_logins FROM users WHERE id = ?1", {row.id});
    if (!failures) {
        return failures.error();
    }
    if (*failures >= m_options.maxFailedLogins) {
        if (auto s = execBound(*m_db, "UPDATE users SET locked_until_ms = ?2 WHERE id = ?1",
                               {row.id, nowMs + m_options.lockoutMs});
            !s) {
            return s;
        }
        lockedNow = true;
    }
    if (auto s = tx->commit(); !s) {
        return s;
    }
    audit(nowMs, actor, action, row.spec.login,
          json{{"reason", "wrong_password"}, {"consecutive_failures", *failures}}.dump());
    if (lockedNow) {
        audit(nowMs, "system", "lockout", row.spec.login,
              json{{"consecutive_failures", *failures},
                   {"locked_until_ms", nowMs + m_options.lockoutMs}}
                  .dump());
    }
    return okStatus();
}

Status AccountStore::changeOwnPassword(const Principal& self, const std::string& oldPassword,
                                       const std::string& newPassword, std::int64_t nowMs) {
    if (self.kind != PrincipalKind::User) {
        return makeError("only a logged-in account can change its own password");
    }
    auto row = loadUser(self.login);
    if (!row) {
        return row.error();
    }
    if (!*row || (*row)->spec.disabled) {
        return refuse(self, "change_own_password", self.login,
                      Error{"permission denied: the account '" + self.login +
                            "' is disabled or no longer exists"});
    }
    const Row& r = **row;
    if (r.lockedUntilMs > nowMs) {
        return makeError(std::string(kLocked));
    }
    if (!verifyPassword(r.passwordHash, oldPassword)) {
        bool lockedNow = false;
        if (auto s = recordFailure(r, nowMs, r.spec.login, "password_change_failed", lockedNow);
            !s) {
            return s;
        }
        return makeError(lockedNow ? std::string(kLocked)
                                   : std::string("the current password is wrong"));
    }
    if (oldPassword == newPassword) {
        return makeError("the new password must differ from the current one");
    }
    if (auto s = checkPasswordPolicy(r.spec.login, newPassword); !s) {
        return s;
    }
    auto hash = hashPassword(newPassword);
    if (!hash) {
        return hash.error();
    }
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    if (auto s = execBound(*m_db,
                           "UPDATE users SET password_hash = ?2, password_changed_ms = ?3, "
                           "failed_logins = 0 WHERE id = ?1",
                           {r.id, *hash, nowMs});
        !s) {
        return s;
    }
    // Other sessions end: whoever knew the old password is logged out.
    if (auto s = execBound(*m_db, "DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2",
                           {r.id, sha256Hex(self.sessionToken)});
        !s) {
        return s;
    }
    if (auto s = tx->commit(); !s) {
        return s;
    }
    audit(nowMs, r.spec.login, "password_changed", r.spec.login, "{}");
    return okStatus();
}

// --- groups and profiles --------------------------------------------------------------------

Status AccountStore::changeCatalog(
    const Principal& actor, const std::string& action, const std::string& target,
    const std::function<Result<AccessControl>(const AccessControl&)>& edit,
    const std::function<Status()>& write) {
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    auto current = currentActor(actor);
    if (!current) {
        endTransaction(tx);
        return refuse(actor, action, target, current.error());
    }
    auto catalog = loadCatalog();
    if (!catalog) {
        return catalog.error();
    }
    if (auto s = catalog->check(*current, Permission::ManageGroupsAndProfiles); !s) {
        endTransaction(tx);
        return refuse(actor, action, target, s.error());
    }
    auto after = edit(*catalog);
    if (!after) {
        return after.error();
    }
    auto users = loadAllUsers();
    if (!users) {
        return users.error();
    }
    if (auto s = catalog->checkManageCatalog(*current, *after, *users); !s) {
        endTransaction(tx);
        return refuse(actor, action, target, s.error());
    }
    if (auto s = write(); !s) {
        return s;
    }
    return tx->commit();
}

Status AccountStore::saveProfile(const Principal& actor, const ProfileSpec& profile) {
    bool created = false;
    const auto edit = [&](const AccessControl& catalog) -> Result<AccessControl> {
        if (!JsonReader::isValidId(profile.name)) {
            return makeError("invalid profile name '" + profile.name +
                             "': use 1 to 64 letters, digits, '_', '-' or '.'");
        }
        if (profile.description.size() > kMaxDescriptionBytes) {
            return makeError("the description of profile '" + profile.name + "' is too long");
        }
        std::vector<ProfileSpec> profiles = catalog.profiles();
        const auto it = std::find_if(profiles.begin(), profiles.end(),
                                     [&](const ProfileSpec& p) { return p.name == profile.name; });
        created = it == profiles.end();
        if (created) {
            profiles.push_back(profile);
        } else {
            *it = profile;
        }
        return AccessControl(std::move(profiles), catalog.groups());
    };
    const auto write = [&]() -> Status {
        const std::string grants = permissionsToJson(profile.grants);
        const std::string denials = permissionsToJson(profile.denials);
        if (created) {
            return execBound(*m_db,
                             "INSERT INTO profiles (name, description, grants, denials) "
                             "VALUES (?1, ?2, ?3, ?4)",
                             {profile.name, profile.description, grants, denials});
        }
        return execBound(*m_db,
                         "UPDATE profiles SET description = ?2, grants = ?3, denials = ?4 "
                         "WHERE name = ?1",
                         {profile.name, profile.description, grants, denials});
    };
    if (auto s = changeCatalog(actor, "save_profile", profile.name, edit, write); !s) {
        return s;
    }
    audit(now(), actor.login, "profile_saved", profile.name,
          json{{"created", created},
               {"grants", toNames(profile.grants)},
               {"denials", toNames(profile.denials)}}
              .dump());
    return okStatus();
}

Status AccountStore::deleteProfile(const Principal& actor, const std::string& name) {
    const auto edit = [&](const AccessControl& catalog) -> Result<AccessControl> {
        if (catalog.findProfile(name) == nullptr) {
            return makeError("no profile '" + name + "'");
        }
        auto users = queryBound(*m_db,
                                "SELECT count(*) FROM user_profiles l JOIN profiles p ON "
                                "p.id = l.profile_id WHERE p.name = ?1",
                                {name});
        auto groups = queryBound(*m_db,
                                 "SELECT count(*) FROM group_profiles l JOIN profiles p ON "
                                 "p.id = l.profile_id WHERE p.name = ?1",
                                 {name});
        if (!users || !groups) {
            return users ? groups.error() : users.error();
        }
        if (*users + *groups > 0) {
            return makeError("profile '" + name + "' is still given to " + std::to_string(*users) +
                             " account(s) and " + std::to_string(*groups) +
                             " group(s): take it from them first");
        }
        std::vector<ProfileSpec> profiles = catalog.profiles();
        std::erase_if(profiles, [&](const ProfileSpec& p) { return p.name == name; });
        return AccessControl(std::move(profiles), catalog.groups());
    };
    const auto write = [&]() {
        return execBound(*m_db, "DELETE FROM profiles WHERE name = ?1", {name});
    };
    if (auto s = changeCatalog(actor, "delete_profile", name, edit, write); !s) {
        return s;
    }
    audit(now(), actor.login, "profile_deleted", name, "{}");
    return okStatus();
}

Status AccountStore::saveGroup(const Principal& actor, const GroupSpec& requested) {
    GroupSpec group = requested;
    sortUnique(group.profiles);
    sortUnique(group.cameraScope);
    bool created = false;
    const auto edit = [&](const AccessControl& catalog) -> Result<AccessControl> {
        if (!JsonReader::isValidId(group.name)) {
            return makeError("invalid group name '" + group.name +
                             "': use 1 to 64 letters, digits, '_', '-' or '.'");
        }
        if (group.description.size() > kMaxDescriptionBytes) {
            return makeError("the description of group '" + group.name + "' is too long");
        }
        for (const auto& p : group.profiles) {
            if (catalog.findProfile(p) == nullptr) {
                return makeError("no profile '" + p + "'");
            }
        }
        for (const auto& c : group.cameraScope) {
            if (!JsonReader::isValidId(c)) {
                return makeError("invalid camera id '" + c + "' in the scope of group '" +
                                 group.name + "'");
            }
        }
        std::vector<GroupSpec> groups = catalog.groups();
        const auto it = std::find_if(groups.begin(), groups.end(),
                                     [&](const GroupSpec& g) { return g.name == group.name; });
        created = it == groups.end();
        if (created) {
            groups.push_back(group);
        } else {
            *it = group;
        }
        return AccessControl(catalog.profiles(), std::move(groups));
    };
    const auto write = [&]() -> Status {
        const std::string scope = listToJson(group.cameraScope);
        Status s = created ? execBound(*m_db,
                                       "INSERT INTO \"groups\" (name, description, camera_scope) "
                                       "VALUES (?1, ?2, ?3)",
                                       {group.name, group.description, scope})
                           : execBound(*m_db,
                                       "UPDATE \"groups\" SET description = ?2, camera_scope = ?3 "
                                       "WHERE name = ?1",
                                       {group.name, group.description, scope});
        if (!s) {
            return s;
        }
        s = execBound(*m_db,
                      "DELETE FROM group_profiles WHERE group_id = "
                      "(SELECT id FROM \"groups\" WHERE name = ?1)",
                      {group.name});
        for (const auto& p : group.profiles) {
            if (!s) {
                break;
            }
            s = execBound(*m_db,
                          "INSERT INTO group_profiles (group_id, profile_id) "
                          "SELECT g.id, p.id FROM \"groups\" g, profiles p "
                          "WHERE g.name = ?1 AND p.name = ?2",
                          {group.name, p});
        }
        return s;
    };
    if (auto s = changeCatalog(actor, "save_group", group.name, edit, write); !s) {
        return s;
    }
    audit(now(), actor.login, "group_saved", group.name,
          json{{"created", created}, {"profiles", group.profiles}, {"cameras", group.cameraScope}}
              .dump());
    return okStatus();
}

Status AccountStore::deleteGroup(const Principal& actor, const std::string& name) {
    const auto edit = [&](const AccessControl& catalog) -> Result<AccessControl> {
        if (catalog.findGroup(name) == nullptr) {
            return makeError("no group '" + name + "'");
        }
        auto members = queryBound(*m_db,
                                  "SELECT count(*) FROM memberships m JOIN \"groups\" g ON "
                                  "g.id = m.group_id WHERE g.name = ?1",
                                  {name});
        if (!members) {
            return members.error();
        }
        if (*members > 0) {
            return makeError("group '" + name + "' still has " + std::to_string(*members) +
                             " member(s): remove them first");
        }
        std::vector<GroupSpec> groups = catalog.groups();
        std::erase_if(groups, [&](const GroupSpec& g) { return g.name == name; });
        return AccessControl(catalog.profiles(), std::move(groups));
    };
    const auto write = [&]() {
        return execBound(*m_db, "DELETE FROM \"groups\" WHERE name = ?1", {name});
    };
    if (auto s = changeCatalog(actor, "delete_group", name, edit, write); !s) {
        return s;
    }
    audit(now(), actor.login, "group_deleted", name, "{}");
    return okStatus();
}

Result<std::vector<ProfileSpec>> AccountStore::listProfiles(const Principal& actor) {
    auto current = currentActor(actor);
    auto catalog = loadCatalog();
    if (!catalog) {
        return catalog.error();
    }
    if (!current || (!current->permissions.contains(Permission::ManageGroupsAndProfiles) &&
                     !current->permissions.contains(Permission::ManageUsers))) {
        const Error error =
            current ? catalog->check(*current, Permission::ManageGroupsAndProfiles).error()
                    : current.error();
        return refuse(actor, "list_profiles", "", error).error();
    }
    return catalog->profiles();
}

Result<std::vector<GroupSpec>> AccountStore::listGroups(const Principal& actor) {
    auto current = currentActor(actor);
    auto catalog = loadCatalog();
    if (!catalog) {
        return catalog.error();
    }
    if (!current || (!current->permissions.contains(Permission::ManageGroupsAndProfiles) &&
                     !current->permissions.contains(Permission::ManageUsers))) {
        const Error error =
            current ? catalog->check(*current, Permission::ManageGroupsAndProfiles).error()
                    : current.error();
        return refuse(actor, "list_groups", "", error).error();
    }
    return catalog->groups();
}

Result<AccessControl> AccountStore::accessControl() {
    return loadCatalog();
}

// --- logins and sessions --------------------------------------------------------------------

Result<Principal> AccountStore::authenticate(const std::string& login, const std::string& password,
                                             std::int64_t nowMs) {
    std::optional<Row> row;
    if (isValidLogin(login)) {
        auto loaded = loadUser(login);
        if (!loaded) {
            return loaded.error();
        }
        row = std::move(*loaded);
    }
    if (!row) {
        (void)verifyPassword(dummyHash(), password);  // same cost as a real check
        audit(nowMs, "anonymous", "login_failed", auditLogin(login),
              json{{"reason", "unknown_login"}}.dump());
        return makeError(std::string(kInvalidLogin));
    }
    if (row->lockedUntilMs > nowMs) {
        audit(nowMs, "anonymous", "login_failed", row->spec.login,
              json{{"reason", "locked"}}.dump());
        return makeError(std::string(kLocked));
    }
    if (!verifyPassword(row->passwordHash, password)) {
        bool lockedNow = false;
        if (auto s = recordFailure(*row, nowMs, "anonymous", "login_failed", lockedNow); !s) {
            return s.error();
        }
        return makeError(std::string(lockedNow ? kLocked : kInvalidLogin));
    }
    if (row->spec.disabled) {
        audit(nowMs, "anonymous", "login_failed", row->spec.login,
              json{{"reason", "disabled"}}.dump());
        return makeError(std::string(kInvalidLogin));
    }

    const auto cost = costOf(m_options.hashing);
    std::optional<std::string> rehashed;
    if (cost && crypto_pwhash_argon2id_str_needs_rehash(row->passwordHash.c_str(), cost->opsLimit,
                                                        cost->memLimit) != 0) {
        auto hash = hashPassword(password);
        if (hash) {
            rehashed = std::move(*hash);
        } else {
            logger("accounts")
                ->warn("could not re-hash the password of {}: {}", row->spec.login,
                       hash.error().message);
        }
    }
    auto catalog = loadCatalog();
    if (!catalog) {
        return catalog.error();
    }
    auto principal = catalog->resolve(row->spec);
    if (!principal) {
        return principal.error();
    }
    const std::string token = newToken();
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    if (auto s = execBound(*m_db,
                           "UPDATE users SET failed_logins = 0, locked_until_ms = 0, "
                           "last_login_ms = ?2 WHERE id = ?1",
                           {row->id, nowMs});
        !s) {
        return s.error();
    }
    if (rehashed) {
        if (auto s = execBound(*m_db, "UPDATE users SET password_hash = ?2 WHERE id = ?1",
                               {row->id, *rehashed});
            !s) {
            return s.error();
        }
    }
    if (auto s = execBound(*m_db,
                           "INSERT INTO sessions (token_hash, user_id, created_ms, last_used_ms) "
                           "VALUES (?1, ?2, ?3, ?3)",
                           {sha256Hex(token), row->id, nowMs});
        !s) {
        return s.error();
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    audit(nowMs, row->spec.login, "login", row->spec.login,
          json{{"level", std::string(toName(row->spec.level))}, {"rehashed", rehashed.has_value()}}
              .dump());
    principal->sessionToken = token;
    return principal;
}

Result<Principal> AccountStore::resume(const std::string& token, std::int64_t nowMs) {
    if (!isHexToken(token)) {
        return makeError(std::string(kSessionGone));
    }
    const std::string tokenHash = sha256Hex(token);
    auto st = prepareBound(*m_db,
                           "SELECT s.created_ms, s.last_used_ms, u.login, u.disabled "
                           "FROM sessions s JOIN users u ON u.id = s.user_id "
                           "WHERE s.token_hash = ?1",
                           {tokenHash});
    if (!st) {
        return st.error();
    }
    auto step = st->step();
    if (!step) {
        return step.error();
    }
    if (*step != Statement::Step::Row) {
        return makeError(std::string(kSessionGone));
    }
    const std::int64_t createdMs = st->columnInt64(0);
    const std::int64_t lastUsedMs = st->columnInt64(1);
    const std::string login = st->columnText(2);
    const bool disabled = st->columnInt64(3) != 0;
    st->reset();
    std::string reason;
    if (disabled) {
        reason = "disabled";
    } else if (nowMs - lastUsedMs >= m_options.sessionIdleMs) {
        reason = "idle";
    } else if (nowMs - createdMs >= m_options.sessionAbsoluteMs) {
        reason = "absolute";
    }
    if (!reason.empty()) {
        if (auto s = execBound(*m_db, "DELETE FROM sessions WHERE token_hash = ?1", {tokenHash});
            !s) {
            return s.error();
        }
        audit(nowMs, "system", "session_expired", login, json{{"reason", reason}}.dump());
        return makeError(std::string(kSessionGone));
    }
    if (auto s = execBound(*m_db, "UPDATE sessions SET last_used_ms = ?2 WHERE token_hash = ?1",
                           {tokenHash, nowMs});
        !s) {
        return s.error();
    }
    auto row = loadUser(login);
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return makeError(std::string(kSessionGone));
    }
    auto catalog = loadCatalog();
    if (!catalog) {
        return catalog.error();
    }
    auto principal = catalog->resolve((*row)->spec);
    if (!principal) {
        return principal.error();
    }
    principal->sessionToken = token;
    return principal;
}

Status AccountStore::logout(const std::string& token, std::int64_t nowMs) {
    if (!isHexToken(token)) {
        return makeError(std::string(kSessionGone));
    }
    const std::string tokenHash = sha256Hex(token);
    auto st = prepareBound(*m_db,
                           "SELECT u.login FROM sessions s JOIN users u ON u.id = s.user_id "
                           "WHERE s.token_hash = ?1",
                           {tokenHash});
    if (!st) {
        return st.error();
    }
    auto step = st->step();
    if (!step) {
        return step.error();
    }
    if (*step != Statement::Step::Row) {
        return makeError(std::string(kSessionGone));
    }
    const std::string login = st->columnText(0);
    st->reset();
    if (auto s = execBound(*m_db, "DELETE FROM sessions WHERE token_hash = ?1", {tokenHash}); !s) {
        return s;
    }
    audit(nowMs, login, "logout", login, "{}");
    return okStatus();
}

Result<int> AccountStore::purgeExpiredSessions(std::int64_t nowMs) {
    if (auto s = execBound(*m_db,
                           "DELETE FROM sessions WHERE ?1 - last_used_ms >= ?2 OR "
                           "?1 - created_ms >= ?3",
                           {nowMs, m_options.sessionIdleMs, m_options.sessionAbsoluteMs});
        !s) {
        return s.error();
    }
    return m_db->changes();
}

}  // namespace vigie::core
