#include "core/database.h"

#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <utility>

namespace vigie::core {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// Why a database that exists may not be writable: SQLite reports a read-only file or
// directory as SQLITE_CANTOPEN (it cannot create "-wal"/"-shm") or SQLITE_READONLY.
std::string writeAccessProblem(const std::string& path) {
    if (::access(path.c_str(), F_OK) == 0 && ::access(path.c_str(), W_OK) != 0) {
        return "the file is not writable";
    }
    const std::string dir = std::filesystem::path(path).parent_path().string();
    if (::access(dir.empty() ? "." : dir.c_str(), W_OK) != 0) {
        return "its directory is not writable (SQLite creates the -wal and -shm files next to it)";
    }
    return {};
}

std::string withAction(std::string message, std::string_view action) {
    if (!action.empty()) {
        message += " (";
        message += action;
        message += ")";
    }
    return message;
}

}  // namespace

// --- Database -----------------------------------------------------------------------------

Result<std::unique_ptr<Database>> Database::open(const std::string& path, const DatabaseKey& key,
                                                 OpenMode mode) {
    if (mode == OpenMode::Invalid) {
        return makeError("cannot open the database " + path + ": no open mode given");
    }
    const int flags = mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY
                                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    const int openRc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    // Owned from here on, even when opening failed: SQLite may still allocate a handle.
    std::unique_ptr<Database> db(new Database(raw, path));
    if (openRc != SQLITE_OK) {
        return makeError(db->describeError(openRc, "opening"));
    }

    // SQLCipher reads "x'<64 hex>'" as the raw key itself and skips PBKDF2 (64 000 rounds,
    // ~27 ms per open); sqlite3_key keeps the key out of any SQL text.
    std::array<char, 2 + 64 + 1 + 1> keyText{};
    keyText[0] = 'x';
    keyText[1] = '\'';
    sodium_bin2hex(keyText.data() + 2, 65, key.bytes.data(), key.bytes.size());
    keyText[66] = '\'';
    const int keyRc = sqlite3_key(raw, keyText.data(), 67);
    sodium_memzero(keyText.data(), keyText.size());
    if (keyRc != SQLITE_OK) {
        return makeError("cannot apply the encryption key to the database " + path);
    }

    // The key is only checked when the first page is read: a wrong key and a file that is
    // not an SQLCipher database both give SQLITE_NOTADB here.
    if (const int probeRc =
            sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        probeRc != SQLITE_OK) {
        return makeError(db->describeError(probeRc, "opening"));
    }
    if (mode == OpenMode::ReadWriteCreate && sqlite3_db_readonly(raw, "main") == 1) {
        // SQLite silently falls back to read-only when the file is not writable.
        return makeError(db->describeError(SQLITE_READONLY, "opening for writing"));
    }

    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    if (mode == OpenMode::ReadWriteCreate) {
        auto journal = db->prepare("PRAGMA journal_mode=WAL");
        if (!journal) {
            return journal.error();
        }
        auto step = journal->step();
        if (!step) {
            return step.error();
        }
        if (*step != Statement::Step::Row || journal->columnText(0) != "wal") {
            return makeError("cannot switch the database " + path + " to WAL journal mode");
        }
    }
    if (auto s = db->exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON"); !s) {
        return s.error();
    }
    return db;
}

Database::~Database() {
    // close_v2 waits for any statement still alive instead of failing with SQLITE_BUSY.
    sqlite3_close_v2(m_db);
}

Status Database::check(int rc, std::string_view action) const {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) {
        return okStatus();
    }
    return makeError(describeError(rc, action));
}

std::string Database::describeError(int rc, std::string_view action) const {
    const int sysErrno = m_db ? sqlite3_system_errno(m_db) : 0;
    const std::string sysText = sysErrno != 0 ? std::string(std::strerror(sysErrno)) : "";
    switch (rc & 0xff) {
        case SQLITE_NOTADB:
            return "wrong key, or the file is not a Vigie database: " + m_path;
        case SQLITE_FULL:
            return withAction("the disk holding the database " + m_path + " is full", action);
        case SQLITE_READONLY:
            return withAction("the database " + m_path +
                                  " is read-only: check the permissions of the file and of its "
                                  "directory, and that the disk is mounted read-write",
                              action);
        case SQLITE_IOERR:
            if (sysErrno == ENOSPC) {
                return withAction("the disk holding the database " + m_path + " is full", action);
            }
            if (sysErrno == EROFS) {
                return withAction("the database " + m_path + " is on a read-only file system",
                                  action);
            }
            return withAction("I/O error on the database " + m_path +
                                  (sysText.empty() ? std::string() : ": " + sysText),
                              action);
        case SQLITE_CANTOPEN:
            if (const std::string problem = writeAccessProblem(m_path); !problem.empty()) {
                return withAction("the database " + m_path + " is read-only for Vigie: " + problem +
                                      "; check the permissions",
                                  action);
            }
            return withAction("cannot open the database " + m_path +
                                  (sysText.empty() ? std::string() : ": " + sysText),
                              action);
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return withAction("permission denied on the database " + m_path, action);
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return withAction("the database " + m_path + " is locked by another process", action);
        case SQLITE_CORRUPT:
            return withAction("the database " + m_path + " is damaged; restore it from a backup",
                              action);
        case SQLITE_NOMEM:
            return withAction("out of memory while using the database " + m_path, action);
        default:
            break;
    }
    const char* message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    return withAction(
        "database error on " + m_path + ": " + message + " (code " + std::to_string(rc) + ")",
        action);
}

Status Database::exec(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    return check(rc, "");
}

Result<Statement> Database::prepare(std::string_view sql) {
    if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
        return makeError("statement too long for the database " + m_path);
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return makeError(describeError(rc, "preparing a statement"));
    }
    return Statement(this, stmt);
}

Result<std::int64_t> Database::queryInt64(std::string_view sql) {
    auto statement = prepare(sql);
    if (!statement) {
        return statement.error();
    }
    auto step = statement->step();
    if (!step) {
        return step.error();
    }
    if (*step != Statement::Step::Row) {
        return makeError("database " + m_path + ": the query returned no row");
    }
    return statement->columnInt64(0);
}

Result<Transaction> Database::begin() {
    const int depth = m_transactionDepth;
    const std::string sql =
        depth == 0 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT vigie_sp" + std::to_string(depth);
    if (auto s = check(sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr),
                       "starting a transaction");
        !s) {
        return s.error();
    }
    ++m_transactionDepth;
    return Transaction(this, depth);
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

bool Database::readOnly() const {
    return sqlite3_db_readonly(m_db, "main") == 1;
}

// --- Statement ----------------------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Status Statement::bindResult(int rc, int index) {
    if (rc == SQLITE_OK) {
        return okStatus();
    }
    return makeError(m_db->describeError(rc, "binding parameter " + std::to_string(index)));
}

Status Statement::bindInt64(int index, std::int64_t value) {
    return bindResult(sqlite3_bind_int64(m_stmt, index, value), index);
}

Status Statement::bindDouble(int index, double value) {
    return bindResult(sqlite3_bind_double(m_stmt, index, value), index);
}

Status Statement::bindText(int index, std::string_view value) {
    if (value.size() > static_cast<std::size_t>(INT_MAX)) {
        return bindResult(SQLITE_TOOBIG, index);
    }
    return bindResult(sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                                        SQLITE_TRANSIENT),
                      index);
}

Status Statement::bindNull(int index) {
    return bindResult(sqlite3_bind_null(m_stmt, index), index);
}

Result<Statement::Step> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return Step::Row;
    }
    if (rc == SQLITE_DONE) {
        return Step::Done;
    }
    return makeError(m_db->describeError(rc, ""));
}

Status Statement::run() {
    for (;;) {
        auto s = step();
        if (!s) {
            return s.error();
        }
        if (*s == Step::Done) {
            return okStatus();
        }
    }
}

int Statement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}

bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    if (text == nullptr) {
        return {};
    }
    const int size = sqlite3_column_bytes(m_stmt, column);
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

// --- Transaction --------------------------------------------------------------------------

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_depth(other.m_depth),
      m_active(std::exchange(other.m_active, false)) {}

Transaction::~Transaction() {
    if (m_active) {
        (void)rollback();
    }
}

Status Transaction::commit() {
    if (!m_active) {
        return makeError("database " + (m_db ? m_db->path() : std::string()) +
                         ": no transaction to commit");
    }
    const std::string sql =
        m_depth == 0 ? std::string("COMMIT") : "RELEASE vigie_sp" + std::to_string(m_depth);
    const int rc = sqlite3_exec(m_db->m_db, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        // Still open (or already rolled back by SQLite): rollback() or the destructor ends it.
        return makeError(m_db->describeError(rc, "committing"));
    }
    m_active = false;
    --m_db->m_transactionDepth;
    return okStatus();
}

Status Transaction::rollback() {
    if (!m_active) {
        return okStatus();
    }
    m_active = false;
    --m_db->m_transactionDepth;
    // After SQLITE_FULL or an I/O error SQLite may already have rolled everything back.
    if (sqlite3_get_autocommit(m_db->m_db) != 0) {
        return okStatus();
    }
    const std::string sql = m_depth == 0 ? std::string("ROLLBACK")
                                         : "ROLLBACK TO vigie_sp" + std::to_string(m_depth) +
                                               "; RELEASE vigie_sp" + std::to_string(m_depth);
    return m_db->check(sqlite3_exec(m_db->m_db, sql.c_str(), nullptr, nullptr, nullptr),
                       "rolling back");
}

}  // namespace vigie::core
