#include "core/audit_log.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/json_reader.h"
#include "core/log.h"
#include "core/schema.h"

namespace vigie::core {

namespace {

// Numbered schema steps, oldest first; never edit a released step, append a new one.
// The triggers make the table append-only in normal operation, including INSERT OR REPLACE
// (whose implicit delete fires no trigger): a new record must take the next seq.
constexpr std::array kSchemaSteps = {
    SchemaStep{1, "hash-chained audit log", R"sql(
        CREATE TABLE audit_chain (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            site_id      TEXT NOT NULL,
            genesis_hash TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            seq          INTEGER PRIMARY KEY,
            time_ms      INTEGER NOT NULL,
            actor        TEXT    NOT NULL,
            action       TEXT    NOT NULL,
            target       TEXT    NOT NULL,
            details_json TEXT    NOT NULL,
            prev_hash    TEXT    NOT NULL,
            hash         TEXT    NOT NULL
        );
        CREATE INDEX audit_log_by_time ON audit_log (time_ms);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only: a record cannot be changed');
        END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only: a record cannot be deleted');
        END;
        CREATE TRIGGER audit_log_in_order BEFORE INSERT ON audit_log
        WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log) BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only: a record must take the next seq');
        END;
        CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain BEGIN
            SELECT RAISE(ABORT, 'the audit chain header cannot be changed');
        END;
        CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain BEGIN
            SELECT RAISE(ABORT, 'the audit chain header cannot be deleted');
        END;
    )sql"},
};
static_assert(kSchemaSteps.back().version == AuditLog::kSchemaVersion);

constexpr std::string_view kRecordTag = "vigie-audit-record-v1";
constexpr std::string_view kAnchorMagic = "vigie-audit-anchor v1";
constexpr std::string_view kColumns =
    "seq, time_ms, actor, action, target, details_json, prev_hash, hash";

std::string toHex(const unsigned char* data, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.resize(size * 2);
    return hex;
}

class Sha256 {
public:
    Sha256() { crypto_hash_sha256_init(&m_state); }
    void add(std::string_view bytes) {
        crypto_hash_sha256_update(&m_state, reinterpret_cast<const unsigned char*>(bytes.data()),
                                  bytes.size());
    }
    void addUint64(std::uint64_t value) {
        std::array<unsigned char, 8> be{};
        for (int i = 7; i >= 0; --i) {
            be[static_cast<std::size_t>(i)] = static_cast<unsigned char>(value & 0xFF);
            value >>= 8;
        }
        crypto_hash_sha256_update(&m_state, be.data(), be.size());
    }
    // One length-prefixed field.
    void field(std::string_view bytes) {
        addUint64(bytes.size());
        add(bytes);
    }
    void field(std::int64_t value) {
        addUint64(8);
        addUint64(static_cast<std::uint64_t>(value));
    }
    std::string hex() {
        std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
        crypto_hash_sha256_final(&m_state, digest.data());
        return toHex(digest.data(), digest.size());
    }

private:
    crypto_hash_sha256_state m_state{};
};

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string errnoText(int err) {
    return std::strerror(err);
}

struct Anchor {
    std::string siteId;
    std::int64_t seq = 0;
    std::string hash;
};

// nullopt: no anchor file; an error: a file that cannot be read or parsed.
Result<std::optional<Anchor>> readAnchor(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return std::optional<Anchor>();
    }
    std::ifstream in(path);
    if (!in) {
        return makeError("cannot read the audit anchor file " + path);
    }
    std::string magic;
    std::string siteKey;
    std::string seqKey;
    std::string hashKey;
    Anchor a;
    std::getline(in, magic);
    in >> siteKey >> a.siteId >> seqKey >> a.seq >> hashKey >> a.hash;
    if (!in || magic != kAnchorMagic || siteKey != "site" || seqKey != "seq" || hashKey != "hash" ||
        a.seq < 0 || a.hash.size() != 64) {
        return makeError("the audit anchor file " + path + " is damaged");
    }
    return std::optional<Anchor>(std::move(a));
}

Result<std::optional<AuditRecord>> lastRecord(Database& db) {
    auto st =
        db.prepare("SELECT " + std::string(kColumns) + " FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!st) {
        return st.error();
    }
    auto step = st->step();
    if (!step) {
        return step.error();
    }
    if (*step != Statement::Step::Row) {
        return std::optional<AuditRecord>();
    }
    AuditRecord r;
    r.seq = st->columnInt64(0);
    r.hash = st->columnText(7);
    return std::optional<AuditRecord>(std::move(r));
}

AuditRecord readRecord(const Statement& st) {
    AuditRecord r;
    r.seq = st.columnInt64(0);
    r.timeMs = st.columnInt64(1);
    r.actor = st.columnText(2);
    r.action = st.columnText(3);
    r.target = st.columnText(4);
    r.detailsJson = st.columnText(5);
    r.prevHash = st.columnText(6);
    r.hash = st.columnText(7);
    return r;
}

}  // namespace

// --- construction ---------------------------------------------------------------------------

AuditLog::AuditLog(std::unique_ptr<Database> db, std::string siteId, Options options)
    : m_db(std::move(db)), m_siteId(std::move(siteId)), m_options(std::move(options)) {}

AuditLog::~AuditLog() = default;

Result<std::unique_ptr<AuditLog>> AuditLog::open(const std::string& path, const DatabaseKey& key,
                                                 const std::string& siteId, OpenMode mode,
                                                 Options options) {
    auto db = Database::open(path, key, mode);
    if (!db) {
        return db.error();
    }
    return create(std::move(*db), siteId, std::move(options));
}

Result<std::unique_ptr<AuditLog>> AuditLog::create(std::unique_ptr<Database> db,
                                                   const std::string& siteId, Options options) {
    if (!db) {
        return makeError("internal error: no database given to the audit log");
    }
    if (sodium_init() < 0) {
        return makeError("cannot initialise libsodium for the audit log");
    }
    if (auto s = applySchema(*db, "audit", kSchemaSteps); !s) {
        return s.error();
    }
    auto st = db->prepare("SELECT site_id FROM audit_chain WHERE id = 1");
    if (!st) {
        return st.error();
    }
    auto step = st->step();
    if (!step) {
        return step.error();
    }
    std::string stored = *step == Statement::Step::Row ? st->columnText(0) : std::string();
    st->reset();
    if (!stored.empty()) {
        if (!siteId.empty() && siteId != stored) {
            return makeError("the audit log of " + db->path() + " belongs to site '" + stored +
                             "', not to site '" + siteId + "'");
        }
    } else {
        if (siteId.empty()) {
            return makeError("the audit log of " + db->path() +
                             " has not been started yet: a site id is needed to start its chain");
        }
        if (!JsonReader::isValidId(siteId)) {
            return makeError("invalid site id '" + siteId + "' for the audit log");
        }
        if (db->readOnly()) {
            return makeError("the audit log of " + db->path() +
                             " has not been started yet: open it once for writing");
        }
        auto insert =
            db->prepare("INSERT INTO audit_chain (id, site_id, genesis_hash) VALUES (1, ?1, ?2)");
        if (!insert) {
            return insert.error();
        }
        if (auto s = insert->bindText(1, siteId); !s) {
            return s.error();
        }
        if (auto s = insert->bindText(2, genesisHash(siteId)); !s) {
            return s.error();
        }
        if (auto s = insert->run(); !s) {
            return s.error();
        }
        stored = siteId;
    }
    return std::unique_ptr<AuditLog>(new AuditLog(std::move(db), stored, std::move(options)));
}

// --- hashing --------------------------------------------------------------------------------

std::string AuditLog::genesisHash(const std::string& siteId) {
    Sha256 h;
    h.add("vigie-audit:");
    h.add(siteId);
    return h.hex();
}

std::string AuditLog::computeHash(const AuditRecord& record) {
    Sha256 h;
    h.add(kRecordTag);
    h.field(record.seq);
    h.field(record.timeMs);
    h.field(std::string_view(record.actor));
    h.field(std::string_view(record.action));
    h.field(std::string_view(record.target));
    h.field(std::string_view(record.detailsJson));
    h.field(std::string_view(record.prevHash));
    return h.hex();
}

// --- append ---------------------------------------------------------------------------------

std::string AuditLog::anchorPath() const {
    return m_db->path() + ".audit-anchor";
}

Status AuditLog::writeAnchor(std::int64_t seq, const std::string& hash) {
    const std::string path = anchorPath();
    // Unique per process and per call: two connections of one process may write at once.
    static std::atomic<unsigned> counter{0};
    const std::string tmp =
        path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
    const std::string text = std::string(kAnchorMagic) + "\nsite " + m_siteId + "\nseq " +
                             std::to_string(seq) + "\nhash " + hash + "\n";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return makeError("cannot write the audit anchor " + tmp + ": " + errnoText(errno));
    }
    bool ok = ::fchmod(fd, 0600) == 0;
    const char* data = text.data();
    std::size_t left = text.size();
    while (ok && left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        ok = n > 0;
        if (ok) {
            data += n;
            left -= static_cast<std::size_t>(n);
        }
    }
    ok = ok && ::fsync(fd) == 0;
    const int err = errno;
    ok = (::close(fd) == 0) && ok;
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
        const int renameErr = errno;
        ::unlink(tmp.c_str());
        return makeError("cannot write the audit anchor " + path + ": " +
                         errnoText(ok ? renameErr : err));
    }
    // The new name must survive a power cut too.
    const std::string dir = std::filesystem::path(path).parent_path().string();
    const int dirFd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        (void)::fsync(dirFd);
        ::close(dirFd);
    }
    return okStatus();
}

Result<AuditRecord> AuditLog::append(const AuditEvent& event) {
    if (event.action.empty()) {
        return makeError("an audit record needs an action");
    }
    AuditRecord r;
    r.timeMs = event.timeMs != 0 ? event.timeMs
                                 : (m_options.clockMs ? m_options.clockMs() : systemNowMs());
    r.actor = event.actor;
    r.action = event.action;
    r.target = event.target;
    r.detailsJson = event.detailsJson.empty() ? std::string("{}") : event.detailsJson;
    const auto details = nlohmann::json::parse(r.detailsJson, nullptr, false);
    if (details.is_discarded() || !details.is_object()) {
        return makeError("audit record '" + r.action + "': its details are not a JSON object");
    }

    std::lock_guard lock(m_mutex);
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    // Read under the write lock: another process appending to the same file waits.
    auto last = lastRecord(*m_db);
    if (!last) {
        return last.error();
    }
    r.seq = *last ? (*last)->seq + 1 : 1;
    r.prevHash = *last ? (*last)->hash : genesisHash(m_siteId);
    r.hash = computeHash(r);
    auto st = m_db->prepare("INSERT INTO audit_log (" + std::string(kColumns) +
                            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!st) {
        return st.error();
    }
    for (const Status& s :
         {st->bindInt64(1, r.seq), st->bindInt64(2, r.timeMs), st->bindText(3, r.actor),
          st->bindText(4, r.action), st->bindText(5, r.target), st->bindText(6, r.detailsJson),
          st->bindText(7, r.prevHash), st->bindText(8, r.hash)}) {
        if (!s) {
            return s.error();
        }
    }
    if (auto s = st->run(); !s) {
        return s.error();
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    // After the commit: a crash here leaves the anchor one record behind, which verify()
    // tells apart from a truncation.
    if (auto s = writeAnchor(r.seq, r.hash); !s) {
        logger("audit")->error("{}; `vigie audit verify` will report it until the next append",
                               s.error().message);
    }
    return r;
}

bool AuditLog::record(const AuditEvent& event) {
    auto r = append(event);
    if (!r) {
        logger("audit")->error("audit record '{}' by '{}' on '{}' not written: {}", event.action,
                               event.actor, event.target, r.error().message);
        return false;
    }
    return true;
}

// --- reading --------------------------------------------------------------------------------

Result<std::vector<AuditRecord>> AuditLog::list(const AuditFilter& filter) {
    if (filter.limit < 1) {
        return makeError("the audit list limit must be 1 or more (got " +
                         std::to_string(filter.limit) + ")");
    }
    std::string sql = "SELECT " + std::string(kColumns) + " FROM audit_log WHERE 1 = 1";
    if (filter.fromMs) {
        sql += " AND time_ms >= ?";
    }
    if (filter.toMs) {
        sql += " AND time_ms < ?";
    }
    if (filter.actor) {
        sql += " AND actor = ?";
    }
    if (filter.action) {
        sql += " AND action = ?";
    }
    sql += " ORDER BY seq DESC LIMIT ?";

    std::lock_guard lock(m_mutex);
    auto st = m_db->prepare(sql);
    if (!st) {
        return st.error();
    }
    int index = 0;
    std::vector<Status> binds;
    if (filter.fromMs) {
        binds.push_back(st->bindInt64(++index, *filter.fromMs));
    }
    if (filter.toMs) {
        binds.push_back(st->bindInt64(++index, *filter.toMs));
    }
    if (filter.actor) {
        binds.push_back(st->bindText(++index, *filter.actor));
    }
    if (filter.action) {
        binds.push_back(st->bindText(++index, *filter.action));
    }
    binds.push_back(st->bindInt64(++index, filter.limit));
    for (const Status& s : binds) {
        if (!s) {
            return s.error();
        }
    }
    std::vector<AuditRecord> records;
    for (;;) {
        auto step = st->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            break;
        }
        records.push_back(readRecord(*st));
    }
    std::reverse(records.begin(), records.end());
    return records;
}

Result<std::vector<AuditRecord>> AuditLog::listFor(const Principal& reader,
                                                   const AccessControl& acl,
                                                   const AuditFilter& filter) {
    nlohmann::json query = {{"limit", filter.limit}};
    if (filter.fromMs) {
        query["from_ms"] = *filter.fromMs;
    }
    if (filter.toMs) {
        query["to_ms"] = *filter.toMs;
    }
    if (filter.actor) {
        query["actor"] = *filter.actor;
    }
    if (filter.action) {
        query["action"] = *filter.action;
    }
    const std::string who = reader.login.empty() ? std::string("anonymous") : reader.login;
    if (auto s = acl.check(reader, Permission::ViewAuditLog); !s) {
        (void)record({0, who, "access_denied", "audit_log",
                      nlohmann::json{{"operation", "read_audit_log"}, {"reason", s.error().message}}
                          .dump()});
        return s.error();
    }
    // Recorded before the records are handed out: a reading that cannot be traced does not
    // happen.
    if (auto r = append({0, who, "audit_read", "audit_log", query.dump()}); !r) {
        return r.error();
    }
    return list(filter);
}

Result<AuditVerification> AuditLog::verify() {
    std::lock_guard lock(m_mutex);
    AuditVerification v;
    const auto broken = [&](std::int64_t seq, std::string problem) {
        v.intact = false;
        v.brokenSeq = seq;
        v.problem = std::move(problem);
        return v;
    };

    auto header = m_db->prepare("SELECT site_id, genesis_hash FROM audit_chain WHERE id = 1");
    if (!header) {
        return header.error();
    }
    auto headerStep = header->step();
    if (!headerStep) {
        return headerStep.error();
    }
    if (*headerStep != Statement::Step::Row) {
        return broken(0, "the audit chain header is missing (deleted?)");
    }
    const std::string storedSite = header->columnText(0);
    const std::string storedGenesis = header->columnText(1);
    header->reset();
    if (storedSite != m_siteId || storedGenesis != genesisHash(storedSite)) {
        return broken(0,
                      "the audit chain header was changed: its genesis hash does not match "
                      "site '" +
                          m_siteId + "'");
    }

    auto anchor = readAnchor(anchorPath());
    if (!anchor) {
        return broken(0, anchor.error().message);
    }

    auto st = m_db->prepare("SELECT " + std::string(kColumns) + " FROM audit_log ORDER BY seq");
    if (!st) {
        return st.error();
    }
    std::string prevHash = storedGenesis;
    std::int64_t expectedSeq = 1;
    std::optional<std::string> hashAtAnchor;
    for (;;) {
        auto step = st->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            break;
        }
        const AuditRecord r = readRecord(*st);
        const std::string n = std::to_string(expectedSeq);
        if (r.seq != expectedSeq) {
            if (r.seq > expectedSeq) {
                const std::string range =
                    r.seq == expectedSeq + 1
                        ? "record " + n + " is missing"
                        : "records " + n + " to " + std::to_string(r.seq - 1) + " are missing";
                return broken(expectedSeq, range + ": the log jumps from record " +
                                               std::to_string(expectedSeq - 1) + " to record " +
                                               std::to_string(r.seq) + " (deleted?)");
            }
            return broken(expectedSeq, "record " + n + " has an invalid sequence number " +
                                           std::to_string(r.seq));
        }
        if (r.prevHash != prevHash) {
            return broken(r.seq, "record " + n + " does not follow record " +
                                     std::to_string(r.seq - 1) +
                                     ": its previous-record hash does not match (records "
                                     "deleted, inserted or reordered?)");
        }
        if (computeHash(r) != r.hash) {
            return broken(r.seq, "record " + n +
                                     " was changed after it was written: its content does not "
                                     "match its hash");
        }
        if (*anchor && (**anchor).seq == r.seq) {
            hashAtAnchor = r.hash;
        }
        prevHash = r.hash;
        ++v.records;
        v.lastSeq = r.seq;
        v.lastHash = r.hash;
        ++expectedSeq;
    }

    if (!*anchor) {
        if (v.records > 0) {
            return broken(0, "the anchor file " + anchorPath() +
                                 " is missing: records may have been deleted from the end of the "
                                 "log");
        }
    } else {
        const Anchor& a = **anchor;
        if (a.siteId != m_siteId) {
            return broken(0, "the anchor file " + anchorPath() + " belongs to site '" + a.siteId +
                                 "', not '" + m_siteId + "'");
        }
        if (a.seq > v.lastSeq) {
            return broken(v.lastSeq + 1, "the log ends at record " + std::to_string(v.lastSeq) +
                                             " but the anchor file says it reached record " +
                                             std::to_string(a.seq) + ": records " +
                                             std::to_string(v.lastSeq + 1) + " to " +
                                             std::to_string(a.seq) +
                                             " were deleted from the end of the log");
        }
        if (a.seq > 0 && (!hashAtAnchor || *hashAtAnchor != a.hash)) {
            return broken(a.seq, "record " + std::to_string(a.seq) +
                                     " is not the one the anchor file recorded: the log was "
                                     "rewritten from there on");
        }
        if (a.seq < v.lastSeq) {
            v.note = "the anchor file is " + std::to_string(v.lastSeq - a.seq) +
                     " record(s) behind the log (interrupted append?); the next append "
                     "refreshes it";
        }
    }
    v.intact = true;
    return v;
}

}  // namespace vigie::core
