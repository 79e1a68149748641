#pragma once
// SnapshotStore: the picture of each alert (JPEG bytes made by the caller), kept as an
// encrypted file "<dir>/<yyyy-mm>/<alert uid>.jpg.enc" and referenced by a row of the table
// `snapshots` (component "snapshots": alert uid → relative path, alert time, size). Files are
// sealed (crypto_box.h: secretstream, XChaCha20-Poly1305) with a subkey of the database key
// (crypto_kdf, context "snapshot", id 1) and the alert uid as associated data, so a file
// cannot be read without the key, altered, or passed off as another alert's picture
// unnoticed. Writes are atomic (temp file, fsync, rename, fsync of the directory) and
// happen before the row, so a row never points to a half-written file; a crash between the
// two leaves an orphan file that the retention job sweeps (orphanFiles()).
//
// Thread: one thread at a time (the database writer). Ownership: borrows the Database, which
// must outlive the store; owns the subkey (wiped on destruction).
//
//   auto snaps = SnapshotStore::attach(db, key, "/var/lib/vigie/snapshots");
//   (*snaps)->put(alert.uid, alert.wallStartMs, jpegBytes);
//   Result<std::vector<std::uint8_t>> jpeg = (*snaps)->get(alert.uid);

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/crypto_box.h"
#include "core/database.h"

namespace vigie::core {

struct SnapshotRecord {
    std::string alertUid;
    std::string relativePath;      // "2026-11/<uid>.jpg.enc", below the store's directory
    std::int64_t alertTimeMs = 0;  // when the alert was raised (site clock); retention uses it
    std::int64_t sizeBytes = 0;    // of the encrypted file
    std::int64_t createdMs = 0;
};

class SnapshotStore {
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr std::uint64_t kSubkeyId = 1;
    static constexpr std::size_t kMaxJpegBytes = 32 * 1024 * 1024;

    // Brings the snapshots table to kSchemaVersion and creates `directory` (mode 0700) when
    // missing. `databaseKey` is the key the database was opened with.
    static Result<std::unique_ptr<SnapshotStore>> attach(Database& db,
                                                         const DatabaseKey& databaseKey,
                                                         std::string directory);

    SnapshotStore(const SnapshotStore&) = delete;
    SnapshotStore& operator=(const SnapshotStore&) = delete;
    ~SnapshotStore();

    // Stores (or replaces) the snapshot of an alert. `jpeg` must be a JPEG image (it starts
    // with FF D8 FF) of at most kMaxJpegBytes. `alertTimeMs` picks the month directory.
    Result<SnapshotRecord> put(const std::string& alertUid, std::int64_t alertTimeMs,
                               std::span<const std::uint8_t> jpeg);
    // The decrypted JPEG; a missing record, a missing file, a wrong key or an altered file
    // is an error naming the alert.
    Result<std::vector<std::uint8_t>> get(const std::string& alertUid);
    Result<std::optional<SnapshotRecord>> find(const std::string& alertUid);
    // Removes the record, then the file. Unknown uid: no error.
    Status remove(const std::string& alertUid);

    // For retention, inside the caller's transaction: the records of snapshots of alerts
    // raised before `cutoffMs` or of the listed alerts…
    Result<std::vector<SnapshotRecord>> expiredRecords(std::int64_t cutoffMs,
                                                       std::span<const std::string> alertUids);
    // …removing those records (returns how many)…
    Result<std::int64_t> deleteRecords(std::span<const SnapshotRecord> records);
    // …and, once committed, their files (a file already gone counts as removed). Returns
    // the number of files removed; empty month directories go too.
    Result<std::int64_t> deleteFiles(std::span<const SnapshotRecord> records);
    // Files below the directory that no record names and that were last written before
    // `olderThanMs` (relative paths), and temp files left by a crash.
    Result<std::vector<std::string>> orphanFiles(std::int64_t olderThanMs);
    Result<std::int64_t> deleteOrphans(std::span<const std::string> relativePaths);

    Result<std::int64_t> count();
    std::string absolutePath(const std::string& relativePath) const;
    const std::string& directory() const { return m_dir; }
    Database& database() { return *m_db; }

    static bool isValidUid(const std::string& alertUid);

private:
    SnapshotStore(Database& db, const SecretKey& key, std::string dir);

    Database* m_db = nullptr;
    SecretKey m_key;
    std::string m_dir;
};

}  // namespace vigie::core
