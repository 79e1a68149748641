#include "core/snapshot_store.h"

#include <sys/stat.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <set>
#include <system_error>

#include "core/iso_time.h"
#include "core/log.h"
#include "core/schema.h"

namespace vigie::core {

namespace fs = std::filesystem;

namespace {

// Numbered schema steps, oldest first; never edit a released step, append a new one.
constexpr std::array kSchemaSteps = {
    SchemaStep{1, "alert snapshots", R"sql(
        CREATE TABLE snapshots (
            alert_uid     TEXT    PRIMARY KEY,
            rel_path      TEXT    NOT NULL,
            alert_time_ms INTEGER NOT NULL,
            size_bytes    INTEGER NOT NULL,
            created_ms    INTEGER NOT NULL
        );
        CREATE INDEX snapshots_by_alert_time ON snapshots (alert_time_ms);
    )sql"},
};
static_assert(kSchemaSteps.back().version == SnapshotStore::kSchemaVersion);

constexpr std::string_view kSuffix = ".jpg.enc";
constexpr std::string_view kTempMarker = ".tmp-";
constexpr std::string_view kColumns = "alert_uid, rel_path, alert_time_ms, size_bytes, created_ms";

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool isSafeRelativePath(const std::string& rel) {
    const fs::path p(rel);
    if (rel.empty() || p.is_absolute()) {
        return false;
    }
    for (const auto& part : p) {
        if (part == ".." || part == ".") {
            return false;
        }
    }
    return true;
}

Result<std::vector<SnapshotRecord>> readRecords(Statement& st) {
    std::vector<SnapshotRecord> records;
    for (;;) {
        auto step = st.step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            return records;
        }
        SnapshotRecord r;
        r.alertUid = st.columnText(0);
        r.relativePath = st.columnText(1);
        r.alertTimeMs = st.columnInt64(2);
        r.sizeBytes = st.columnInt64(3);
        r.createdMs = st.columnInt64(4);
        records.push_back(std::move(r));
    }
}

std::int64_t mtimeMs(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        return 0;
    }
    return std::int64_t(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
}

}  // namespace

bool SnapshotStore::isValidUid(const std::string& uid) {
    if (uid.empty() || uid.size() > 128) {
        return false;
    }
    for (const char c : uid) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                        (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

SnapshotStore::SnapshotStore(Database& db, const SecretKey& key, std::string dir)
    : m_db(&db), m_key(key), m_dir(std::move(dir)) {}

SnapshotStore::~SnapshotStore() = default;

Result<std::unique_ptr<SnapshotStore>> SnapshotStore::attach(Database& db,
                                                             const DatabaseKey& databaseKey,
                                                             std::string directory) {
    if (directory.empty()) {
        return makeError("no snapshot directory configured");
    }
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        fs::create_directories(directory, ec);
        if (ec) {
            return makeError("cannot create the snapshot directory " + directory + ": " +
                             ec.message());
        }
        fs::permissions(directory, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    if (auto s = applySchema(db, "snapshots", kSchemaSteps); !s) {
        return s.error();
    }
    auto key = deriveSubkey(databaseKey, kSubkeyId, "snapshot");
    if (!key) {
        return key.error();
    }
    return std::unique_ptr<SnapshotStore>(new SnapshotStore(db, *key, std::move(directory)));
}

std::string SnapshotStore::absolutePath(const std::string& relativePath) const {
    return (fs::path(m_dir) / relativePath).string();
}

Result<SnapshotRecord> SnapshotStore::put(const std::string& alertUid, std::int64_t alertTimeMs,
                                          std::span<const std::uint8_t> jpeg) {
    if (!isValidUid(alertUid)) {
        return makeError("cannot store a snapshot: '" + alertUid +
                         "' is not a valid alert uid (1 to 128 letters, digits, '_' or '-')");
    }
    const std::string which = "the snapshot of alert " + alertUid;
    if (jpeg.size() < 3 || jpeg[0] != 0xFF || jpeg[1] != 0xD8 || jpeg[2] != 0xFF) {
        return makeError("cannot store " + which + ": it is not a JPEG image");
    }
    if (jpeg.size() > kMaxJpegBytes) {
        return makeError("cannot store " + which + ": " + std::to_string(jpeg.size()) +
                         " bytes, more than the " + std::to_string(kMaxJpegBytes) + " allowed");
    }
    if (alertTimeMs < 0) {
        return makeError("cannot store " + which + ": negative alert time");
    }
    auto previous = find(alertUid);
    if (!previous) {
        return previous.error();
    }

    SnapshotRecord record;
    record.alertUid = alertUid;
    record.relativePath = yearMonthUtc(alertTimeMs) + "/" + alertUid + std::string(kSuffix);
    record.alertTimeMs = alertTimeMs;
    record.createdMs = nowMs();
    const std::string path = absolutePath(record.relativePath);
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec) {
        return makeError("cannot store " + which + ": cannot create " +
                         fs::path(path).parent_path().string() + ": " + ec.message());
    }
    auto sealed = sealBytes(jpeg, SealingKey::fromRawKey(m_key), alertUid);
    if (!sealed) {
        return sealed.error();
    }
    record.sizeBytes = static_cast<std::int64_t>(sealed->size());
    if (auto w = writeFileAtomic(path, *sealed); !w) {
        return makeError("cannot store " + which + ": " + w.error().message);
    }
    auto st = m_db->prepare("INSERT OR REPLACE INTO snapshots (" + std::string(kColumns) +
                            ") VALUES (?1, ?2, ?3, ?4, ?5)");
    Status s = st ? okStatus() : Status(st.error());
    if (s) {
        for (const Status& b :
             {st->bindText(1, record.alertUid), st->bindText(2, record.relativePath),
              st->bindInt64(3, record.alertTimeMs), st->bindInt64(4, record.sizeBytes),
              st->bindInt64(5, record.createdMs)}) {
            if (s && !b) {
                s = b;
            }
        }
    }
    if (s) {
        s = st->run();
    }
    if (!s) {
        // No row names the new file; the old one (if any) is still named and intact unless it
        // was the same path, which the new content replaced.
        if (!*previous || (*previous)->relativePath != record.relativePath) {
            fs::remove(path, ec);
        }
        return makeError("cannot store " + which + ": " + s.error().message);
    }
    if (*previous && (*previous)->relativePath != record.relativePath) {
        fs::remove(absolutePath((*previous)->relativePath), ec);
    }
    return record;
}

Result<std::optional<SnapshotRecord>> SnapshotStore::find(const std::string& alertUid) {
    auto st =
        m_db->prepare("SELECT " + std::string(kColumns) + " FROM snapshots WHERE alert_uid = ?1");
    if (!st) {
        return st.error();
    }
    if (auto b = st->bindText(1, alertUid); !b) {
        return b.error();
    }
    auto rows = readRecords(*st);
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return std::optional<SnapshotRecord>();
    }
    return std::optional<SnapshotRecord>(std::move(rows->front()));
}

Result<std::vector<std::uint8_t>> SnapshotStore::get(const std::string& alertUid) {
    auto record = find(alertUid);
    if (!record) {
        return record.error();
    }
    const std::string which = "the snapshot of alert " + alertUid;
    if (!record->has_value()) {
        return makeError("alert " + alertUid + " has no snapshot");
    }
    const SnapshotRecord& r = **record;
    if (!isSafeRelativePath(r.relativePath)) {
        return makeError(which + " has an invalid path in the database");
    }
    const std::string path = absolutePath(r.relativePath);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return makeError(which + " is missing: " + path +
                         " does not exist (deleted by hand, or the snapshot directory moved)");
    }
    auto sealed = readFileBytes(path, sealedSize(kMaxJpegBytes));
    if (!sealed) {
        return makeError("cannot read " + which + ": " + sealed.error().message);
    }
    UnsealingKey key = UnsealingKey::fromRawKey(m_key);
    return unsealBytes(*sealed, key, alertUid, which + " (" + path + ")");
}

Status SnapshotStore::remove(const std::string& alertUid) {
    auto record = find(alertUid);
    if (!record) {
        return record.error();
    }
    if (!record->has_value()) {
        return okStatus();
    }
    const std::vector<SnapshotRecord> records{**record};
    if (auto d = deleteRecords(records); !d) {
        return d.error();
    }
    if (auto f = deleteFiles(records); !f) {
        return f.error();
    }
    return okStatus();
}

Result<std::vector<SnapshotRecord>> SnapshotStore::expiredRecords(
    std::int64_t cutoffMs, std::span<const std::string> alertUids) {
    auto st = m_db->prepare("SELECT " + std::string(kColumns) +
                            " FROM snapshots WHERE alert_time_ms < ?1 ORDER BY alert_time_ms");
    if (!st) {
        return st.error();
    }
    if (auto b = st->bindInt64(1, cutoffMs); !b) {
        return b.error();
    }
    auto records = readRecords(*st);
    if (!records) {
        return records.error();
    }
    std::set<std::string> seen;
    for (const auto& r : *records) {
        seen.insert(r.alertUid);
    }
    for (const std::string& uid : alertUids) {
        if (seen.count(uid) > 0) {
            continue;
        }
        auto r = find(uid);
        if (!r) {
            return r.error();
        }
        if (r->has_value()) {
            seen.insert(uid);
            records->push_back(std::move(**r));
        }
    }
    return records;
}

Result<std::int64_t> SnapshotStore::deleteRecords(std::span<const SnapshotRecord> records) {
    auto st = m_db->prepare("DELETE FROM snapshots WHERE alert_uid = ?1");
    if (!st) {
        return st.error();
    }
    std::int64_t removed = 0;
    for (const SnapshotRecord& r : records) {
        st->reset();
        if (auto b = st->bindText(1, r.alertUid); !b) {
            return b.error();
        }
        if (auto s = st->run(); !s) {
            return s.error();
        }
        removed += m_db->changes();
    }
    return removed;
}

Result<std::int64_t> SnapshotStore::deleteFiles(std::span<const SnapshotRecord> records) {
    std::int64_t removed = 0;
    std::set<std::string> dirs;
    for (const SnapshotRecord& r : records) {
        if (!isSafeRelativePath(r.relativePath)) {
            logger("store")->warn("snapshot of alert {}: invalid path '{}' left alone", r.alertUid,
                                  r.relativePath);
            continue;
        }
        const fs::path path = absolutePath(r.relativePath);
        std::error_code ec;
        fs::remove(path, ec);
        if (ec) {
            return makeError("cannot delete the snapshot file " + path.string() + ": " +
                             ec.message());
        }
        ++removed;
        dirs.insert(path.parent_path().string());
    }
    for (const std::string& dir : dirs) {
        std::error_code ec;
        if (fs::is_empty(dir, ec) && !ec && dir != m_dir) {
            fs::remove(dir, ec);
        }
    }
    return removed;
}

Result<std::vector<std::string>> SnapshotStore::orphanFiles(std::int64_t olderThanMs) {
    auto st = m_db->prepare("SELECT rel_path FROM snapshots");
    if (!st) {
        return st.error();
    }
    std::set<std::string> known;
    for (;;) {
        auto step = st->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            break;
        }
        known.insert(st->columnText(0));
    }
    std::vector<std::string> orphans;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(m_dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it.depth() > 1) {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || it->is_symlink(ec)) {
            continue;
        }
        const std::string name = it->path().filename().string();
        const bool sealedFile = name.ends_with(kSuffix);
        const bool tempFile =
            name.find(std::string(kSuffix) + std::string(kTempMarker)) != std::string::npos;
        if (!sealedFile && !tempFile) {
            continue;  // not ours: never delete what the store did not write
        }
        const std::string rel = fs::relative(it->path(), m_dir, ec).string();
        if (ec || (sealedFile && known.count(rel) > 0)) {
            continue;
        }
        if (mtimeMs(it->path().string()) < olderThanMs) {
            orphans.push_back(rel);
        }
    }
    if (ec) {
        return makeError("cannot list the snapshot directory " + m_dir + ": " + ec.message());
    }
    return orphans;
}

Result<std::int64_t> SnapshotStore::deleteOrphans(std::span<const std::string> relativePaths) {
    std::vector<SnapshotRecord> records;
    records.reserve(relativePaths.size());
    for (const std::string& rel : relativePaths) {
        SnapshotRecord r;
        r.relativePath = rel;
        records.push_back(std::move(r));
    }
    return deleteFiles(records);
}

Result<std::int64_t> SnapshotStore::count() {
    return m_db->queryInt64("SELECT count(*) FROM snapshots");
}

}  // namespace vigie::core
