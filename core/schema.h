#pragma once
// Schema versioning of the engine database. Several components share one SQLCipher file
// (alerts, accounts, audit, counts…); each owns its tables and its numbered steps, and its
// version is kept in the table `schema_versions` (component, version). Before a component
// at version N > 0 is upgraded, the database is copied to "<path>.pre-<component>-v<N>.bak"
// (after a WAL checkpoint), so an upgrade can always be undone.
// Thread: the thread that owns the Database.
//
//   constexpr SchemaStep kSteps[] = {{1, "alerts table", "CREATE TABLE …"}};
//   if (auto s = applySchema(db, "alerts", kSteps); !s) { … }

#include <span>
#include <string>
#include <string_view>

#include "core/database.h"
#include "core/result.h"

namespace vigie::core {

// `sql` takes the component from version - 1 to `version`.
struct SchemaStep {
    int version = 0;
    std::string_view description;
    std::string_view sql;
};

// Applies the steps newer than the component's version, each in its own transaction with
// the new version number. Refuses a component newer than the last step (a database from a
// newer Vigie) and steps not numbered 1, 2, 3… in order. Read-only databases are only
// checked: they must already be at the last step.
Status applySchema(Database& db, std::string_view component, std::span<const SchemaStep> steps);

// The component's version, 0 when it has never been created.
Result<int> schemaVersion(Database& db, std::string_view component);

}  // namespace vigie::core
