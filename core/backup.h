#pragma once
// Backups of the configuration (Ex. 30, 31, 133): the site file, the accounts, groups and
// profiles (rows of the tables named in BackupOptions::tables, with their CREATE statements
// and the component versions from schema_versions; absent tables are skipped and named) and
// the retention settings, in one file encrypted with a passphrase. Alerts, counts and audit
// records are data, not configuration: they leave through exports (exporter.h).
//
// File format (".vbk"):
//   "VIGIEBK1" | u16 format version (1) | u16 reserved (0)       — 12 bytes in clear
//   sealed (crypto_box.h: Argon2id + XChaCha20-Poly1305 secretstream; the 12 clear bytes
//   are authenticated with it) payload:
//     u32 manifest size | manifest (JSON) | entries, back to back in manifest order
//   manifest: {"format": "vigie-backup", "version": 1, "created_at", "site_id",
//              "components": {"accounts": 1},  "absent_tables": [...],
//              "entries": [{"name", "kind": "site"|"retention"|"table", "size", "sha256",
//                           "table", "rows"}]}
//   a table entry: {"table", "create_sql", "index_sql": [...], "columns": [...],
//                   "rows": [[null | integer | real | "text" | {"blob_hex"} | …]]}
//
// Restore reads and checks everything first — magic, version, passphrase, every chunk, the
// manifest, every entry's size and SHA-256, every table — and only then writes, in one
// transaction, onto a database that holds no rows (or, forced, replacing the backed-up tables
// only). Anything wrong: a clear error ("not a Vigie backup", "wrong passphrase",
// "truncated", "altered") and nothing changed.
//
// Thread: any thread that may block (Argon2id takes about a second); one call at a time per
// Database. Ownership: borrows the database and the audit sink.
//
//   auto r = writeBackup("/var/backups/vigie/x.vbk", db.get(), {siteText, policy}, pass, {}, &log);
//   auto archive = readBackup("x.vbk", pass);              // verified, nothing written
//   auto done = restoreBackup(*archive, *freshDb, RestoreMode::FreshOnly, &log, "cli:root");

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/audit_sink.h"
#include "core/crypto_box.h"
#include "core/database.h"
#include "core/result.h"
#include "core/retention.h"

namespace vigie::core {

// The configuration tables of the accounts component (core/accounts.h), parents first.
// Sessions are not configuration: only their table's structure is kept, so that a restored
// component is complete at the version recorded in schema_versions. These lists must name
// every table of each component listed in `components`.
inline const std::vector<std::string> kDefaultBackupTables = {
    "users", "profiles", "groups", "memberships", "user_profiles", "group_profiles"};
inline const std::vector<std::string> kDefaultSchemaOnlyTables = {"sessions"};
inline const std::vector<std::string> kDefaultBackupComponents = {"accounts"};

struct BackupContent {
    std::string siteJson;                      // the site configuration file, as text
    std::optional<RetentionPolicy> retention;  // until it is part of the site file
};

struct BackupOptions {
    std::vector<std::string> tables = kDefaultBackupTables;                // rows and structure
    std::vector<std::string> schemaOnlyTables = kDefaultSchemaOnlyTables;  // structure only
    std::vector<std::string> components = kDefaultBackupComponents;  // schema versions to keep
    KdfParams kdf = kDefaultKdf;
    std::int64_t nowMs = 0;  // 0: the system clock
    std::string actor = "system";
};

struct BackupReport {
    std::string path;
    std::string siteId;
    std::vector<std::string> tables;        // backed up
    std::vector<std::string> absentTables;  // not in the database
    std::int64_t rows = 0;
    std::uint64_t sizeBytes = 0;
    bool auditRecorded = false;
};

// Writes the backup to `path` atomically (mode 0600). `db` may be null (site file only).
// The site text must be a JSON object; the passphrase at least kMinPassphraseBytes.
Result<BackupReport> writeBackup(const std::string& path, Database* db,
                                 const BackupContent& content, std::string_view passphrase,
                                 const BackupOptions& options, AuditSink* audit);

// A cell of a backed-up row: NULL, INTEGER, REAL, TEXT, BLOB.
using BackupValue =
    std::variant<std::monostate, std::int64_t, double, std::string, std::vector<std::uint8_t>>;

struct BackupTable {
    std::string name;
    std::string createSql;
    std::vector<std::string> indexSql;
    std::vector<std::string> columns;
    std::vector<std::vector<BackupValue>> rows;
};

// A backup read and verified in memory.
struct BackupArchive {
    std::string path;
    std::int64_t createdMs = 0;
    std::string siteId;
    std::string siteJson;
    std::optional<RetentionPolicy> retention;
    std::vector<BackupTable> tables;
    std::map<std::string, int> componentVersions;
};

Result<BackupArchive> readBackup(const std::string& path, std::string_view passphrase);

enum class RestoreMode { Invalid = 0, FreshOnly, Force };

struct RestoreReport {
    std::vector<std::string> tables;
    std::int64_t rows = 0;
    bool auditRecorded = false;
};

// Writes the archive's tables into `target` in one transaction. FreshOnly refuses a database
// in which any table holds a row; Force drops and recreates the archive's tables (other
// tables are left alone). The site file and retention settings are in the archive for the
// caller to write.
Result<RestoreReport> restoreBackup(const BackupArchive& archive, Database& target,
                                    RestoreMode mode, AuditSink* audit,
                                    const std::string& actor = "system", std::int64_t nowMs = 0);

// Scheduled backups: "vigie-backup-<site>-<yyyymmddThhmmssZ>.vbk".
std::string backupFileName(const std::string& siteId, std::int64_t nowMs);
// Deletes the oldest backups of this site in `dir` beyond the `keep` newest (keep >= 1);
// other files are never touched. Returns the paths deleted.
Result<std::vector<std::string>> pruneBackups(const std::string& dir, const std::string& siteId,
                                              int keep);

}  // namespace vigie::core
