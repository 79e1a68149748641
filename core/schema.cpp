#include "core/schema.h"

#include <filesystem>
#include <system_error>

#include "core/log.h"

namespace vigie::core {

namespace {

constexpr std::string_view kVersionsTable =
    "CREATE TABLE IF NOT EXISTS schema_versions ("
    " component TEXT PRIMARY KEY, version INTEGER NOT NULL)";

Status backupBeforeUpgrade(Database& db, std::string_view component, int fromVersion) {
    // Fold the WAL into the main file so that the copy is complete on its own.
    if (auto s = db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); !s) {
        return s;
    }
    const std::string backup =
        db.path() + ".pre-" + std::string(component) + "-v" + std::to_string(fromVersion) + ".bak";
    std::error_code ec;
    std::filesystem::copy_file(db.path(), backup, std::filesystem::copy_options::overwrite_existing,
                               ec);
    if (ec) {
        return makeError("cannot back up " + db.path() + " before upgrading its " +
                         std::string(component) + " tables: " + ec.message());
    }
    std::filesystem::permissions(
        backup, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
        std::filesystem::perm_options::replace, ec);
    logger("store")->info("database {}: backup before upgrading {} from version {}: {}", db.path(),
                          component, fromVersion, backup);
    return okStatus();
}

}  // namespace

Result<int> schemaVersion(Database& db, std::string_view component) {
    auto exists = db.queryInt64(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions'");
    if (!exists) {
        return exists.error();
    }
    if (*exists == 0) {
        return 0;
    }
    auto st = db.prepare("SELECT version FROM schema_versions WHERE component = ?1");
    if (!st) {
        return st.error();
    }
    if (auto b = st->bindText(1, std::string(component)); !b) {
        return b.error();
    }
    auto step = st->step();
    if (!step) {
        return step.error();
    }
    return *step == Statement::Step::Row ? static_cast<int>(st->columnInt64(0)) : 0;
}

Status applySchema(Database& db, std::string_view component, std::span<const SchemaStep> steps) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].version != static_cast<int>(i) + 1) {
            return makeError("internal error: the " + std::string(component) +
                             " schema steps are not numbered 1, 2, 3… in order (step " +
                             std::to_string(i) + " has version " +
                             std::to_string(steps[i].version) + ")");
        }
    }
    auto current = schemaVersion(db, component);
    if (!current) {
        return current.error();
    }
    const int latest = static_cast<int>(steps.size());
    if (*current > latest || *current < 0) {
        return makeError(
            "the database " + db.path() + " has " + std::string(component) + " tables of version " +
            std::to_string(*current) + ", but this version of Vigie knows versions up to " +
            std::to_string(latest) + ": upgrade Vigie, or restore a backup made with this version");
    }
    if (*current == latest) {
        return okStatus();
    }
    if (db.readOnly()) {
        return makeError("the database " + db.path() + " has " + std::string(component) +
                         " tables of version " + std::to_string(*current) +
                         " and this version of Vigie needs " + std::to_string(latest) +
                         ": open it once for writing to upgrade it");
    }
    if (*current > 0) {
        if (auto b = backupBeforeUpgrade(db, component, *current); !b) {
            return b;
        }
    }
    if (auto s = db.exec(kVersionsTable); !s) {
        return s;
    }
    for (const SchemaStep& step : steps.subspan(static_cast<std::size_t>(*current))) {
        const std::string failure = "cannot upgrade the " + std::string(component) + " tables of " +
                                    db.path() + " to version " + std::to_string(step.version) +
                                    " (" + std::string(step.description) + "): ";
        auto tx = db.begin();
        if (!tx) {
            return makeError(failure + tx.error().message);
        }
        Status s = db.exec(step.sql);
        if (s) {
            auto st = db.prepare(
                "INSERT OR REPLACE INTO schema_versions (component, version) VALUES (?1, ?2)");
            s = st ? st->bindText(1, std::string(component)) : Status(st.error());
            if (s) {
                s = st->bindInt64(2, step.version);
            }
            if (s) {
                s = st->run();
            }
        }
        if (s) {
            s = tx->commit();
        }
        if (!s) {
            return makeError(failure + s.error().message);
        }
        logger("store")->info("database {}: {} tables at version {} ({})", db.path(), component,
                              step.version, step.description);
    }
    return okStatus();
}

}  // namespace vigie::core
