#pragma once
// AlertStore: the alerts of one engine in its encrypted database — one row per alert, keyed
// by its uid, with the operator's qualification. The schema is versioned with
// schema_versions ("alerts", see schema.h) and upgraded on open by numbered steps, each in its own
// transaction; a database from a newer Vigie is refused rather than guessed at.
//
// Ownership of the columns: upsert() writes the life-cycle fields raised by the rule engine
// (times, open, score, evidence, detail); on an existing row it keeps the qualification,
// comment, qualifiedBy and qualifiedAtMs, which belong to the operator and change only
// through qualify(). So an alert qualified while still open keeps its qualification when
// the engine closes it.
//
// Thread: one thread at a time (the StoreWriter thread for writes; a reader such as the UI
// opens its own AlertStore on the same file). Ownership: owns its Database.
//
//   auto store = AlertStore::open(path, key);
//   if (!store) { show(store.error().message); return; }
//   (*store)->upsert(alert);
//   auto latest = (*store)->list({.cameraId = "cam1", .limit = 50});

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/alert.h"
#include "core/database.h"

namespace vigie::core {

struct AlertFilter {
    std::optional<std::string> cameraId;
    std::optional<EventType> event;
    std::optional<std::int64_t> fromMs;  // wallStartMs >= fromMs
    std::optional<std::int64_t> toMs;    // wallStartMs < toMs (half-open period)
    bool unreviewedOnly = false;
    int limit = 1000;  // 1 or more
};

class AlertStore {
public:
    static constexpr int kSchemaVersion = 2;

    // Opens the database and brings its schema to kSchemaVersion (ReadWriteCreate), or checks
    // that it is already there (ReadOnly).
    static Result<std::unique_ptr<AlertStore>> open(const std::string& path, const DatabaseKey& key,
                                                    OpenMode mode = OpenMode::ReadWriteCreate);
    // Same, over a database opened by the caller.
    static Result<std::unique_ptr<AlertStore>> create(std::unique_ptr<Database> db);

    AlertStore(const AlertStore&) = delete;
    AlertStore& operator=(const AlertStore&) = delete;
    ~AlertStore();

    // Inserts the alert, or updates the row with the same uid; returns the row id.
    Result<std::int64_t> upsert(const Alert& alert);
    // Records the operator's verdict on a stored alert; an unknown uid is an error.
    Status qualify(const std::string& uid, Qualification qualification, const std::string& comment,
                   const std::string& by, std::int64_t atMs);
    // Newest first (wallStartMs, then row id), at most filter.limit alerts.
    Result<std::vector<Alert>> list(const AlertFilter& filter);
    Result<std::optional<Alert>> find(const std::string& uid);
    Result<std::int64_t> count();

    // Checks what upsert() would refuse before touching the database (the writer thread
    // uses it to tell a bad alert, which no retry will fix, from a storage failure).
    static Status validate(const Alert& alert);

    Database& database() { return *m_db; }

private:
    explicit AlertStore(std::unique_ptr<Database> db);
    Result<std::vector<Alert>> readRows(Statement& statement);

    std::unique_ptr<Database> m_db;
};

}  // namespace vigie::core
