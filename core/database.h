#pragma once
// Database: one connection to an encrypted SQLCipher database file, with the settings every
// Vigie store relies on — raw 256-bit key (no key derivation), WAL journal, synchronous=FULL
// (a committed alert survives a power cut), a busy timeout and foreign keys. Expected
// failures (wrong key, not a database, disk full, read-only, I/O) come back as Result/Status
// with a user-facing message naming the file; the key is never part of a message or a log.
//
// Thread: a Database and its Statements and Transactions are used by one thread at a time
// (the store writer owns one connection, a reader such as the UI opens its own; WAL lets
// readers run while the writer commits). Ownership: the Database owns the sqlite3
// connection; Statements and Transactions borrow it and must not outlive it.
//
//   auto db = Database::open(path, key, OpenMode::ReadWriteCreate);
//   if (!db) { show(db.error().message); return; }
//   Transaction tx = (*db)->begin().value();
//   auto st = (*db)->prepare("INSERT INTO t(x) VALUES (?1)");
//   st->bindInt64(1, 42); st->step();
//   tx.commit();

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/key_provider.h"
#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::core {

enum class OpenMode { Invalid = 0, ReadWriteCreate, ReadOnly };

class Database;

// A prepared statement. Parameter indexes start at 1, column indexes at 0 (as in SQLite).
class Statement {
public:
    enum class Step { Invalid = 0, Row, Done };

    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Status bindInt64(int index, std::int64_t value);
    Status bindDouble(int index, double value);
    Status bindText(int index, std::string_view value);
    Status bindNull(int index);

    // Row: a result row is available through the column getters; Done: finished.
    Result<Step> step();
    // Runs to completion, ignoring rows (INSERT, UPDATE, DDL).
    Status run();

    int columnCount() const;
    bool columnIsNull(int column) const;
    std::int64_t columnInt64(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;

    // Makes the statement ready to run again and clears its bindings.
    void reset();

private:
    friend class Database;
    Statement(Database* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Status bindResult(int rc, int index);

    Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// A transaction: BEGIN IMMEDIATE at the outermost level (the write lock is taken at once,
// so two writers never deadlock on a lock upgrade), a SAVEPOINT when nested. Rolled back on
// destruction unless committed.
class Transaction {
public:
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Status commit();
    Status rollback();
    bool active() const { return m_active; }

private:
    friend class Database;
    Transaction(Database* db, int depth) : m_db(db), m_depth(depth), m_active(true) {}

    Database* m_db = nullptr;
    int m_depth = 0;  // 0: BEGIN/COMMIT; n > 0: SAVEPOINT vigie_sp<n>
    bool m_active = false;
};

class Database {
public:
    // Opens (or, with ReadWriteCreate, creates) the database at `path` with `key`, checks
    // the key by reading the schema and applies the connection settings.
    static Result<std::unique_ptr<Database>> open(const std::string& path, const DatabaseKey& key,
                                                  OpenMode mode);

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more statements without results.
    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // The first column of the first row of a query, as an integer (PRAGMA user_version…).
    Result<std::int64_t> queryInt64(std::string_view sql);
    Result<Transaction> begin();

    std::int64_t lastInsertRowId() const;
    // Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    bool readOnly() const;
    const std::string& path() const { return m_path; }

    // A user-facing message for an SQLite result code, naming the file; `action` says what
    // was being done ("writing an alert"). Never contains the key.
    std::string describeError(int rc, std::string_view action) const;

private:
    friend class Statement;
    friend class Transaction;
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    Status check(int rc, std::string_view action) const;

    sqlite3* m_db = nullptr;
    std::string m_path;
    int m_transactionDepth = 0;
};

}  // namespace vigie::core
