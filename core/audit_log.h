#pragma once
// AuditLog: the append-only, hash-chained record of traceable actions (DESIGN.md "Storage and
// security", Ex. 119, 121, 127, 128, 134), in the engine's encrypted database (component
// "audit", table audit_log; SQL triggers refuse every UPDATE and DELETE).
//
// Chain: record n holds prev_hash = hash of record n − 1 (record 1: the genesis hash,
// SHA-256("vigie-audit:" + site id)) and hash = SHA-256 of the canonical encoding below, in
// lower-case hex. verify() walks the chain and names the first broken record: an edited
// record no longer matches its hash; a deleted one leaves a gap in seq and a prev_hash that
// does not match; reordered records break prev_hash.
//
// Canonical encoding (so that a third party can re-check a log, Ex. 134): the ASCII tag
// "vigie-audit-record-v1", then for each field in this order — seq, time_ms, actor, action,
// target, details_json, prev_hash — its length in bytes as an 8-byte big-endian unsigned
// integer followed by its bytes; seq and time_ms are 8-byte big-endian two's complement
// integers, text fields are UTF-8 as stored, prev_hash is its 64 hex characters.
//
// Tail truncation leaves a valid shorter chain, so after every append the last seq and hash
// are written to an anchor file beside the database ("<db>.audit-anchor", mode 0600,
// replaced atomically by rename). verify() compares it with the end of the chain: a log
// shorter than the anchor, a different hash at the anchored seq, or a missing anchor beside
// a non-empty log is reported. The anchor is written after the commit, so a crash in between
// leaves it one record behind: reported as a note, not as a break, and repaired by the next
// append.
//
// Thread: record(), list() and verify() may be called from any thread; one mutex serialises
// them on the log's own connection. Ownership: owns its Database. Several processes may
// append to one file (the write transaction orders them).
//
//   auto log = AuditLog::open(path, key, "gare-nord");
//   (*log)->record({.actor = "admin", .action = "login", .target = "admin"});
//   Result<AuditVerification> v = (*log)->verify();
//   if (v && !v->intact) { alarm(v->problem); }

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/audit_sink.h"
#include "core/database.h"
#include "core/permissions.h"
#include "core/result.h"

namespace vigie::core {

struct AuditRecord {
    std::int64_t seq = 0;  // 1, 2, 3… without gaps
    std::int64_t timeMs = 0;
    std::string actor;
    std::string action;
    std::string target;
    std::string detailsJson;
    std::string prevHash;  // 64 hex characters
    std::string hash;      // 64 hex characters
};

struct AuditFilter {
    std::optional<std::int64_t> fromMs;  // timeMs >= fromMs
    std::optional<std::int64_t> toMs;    // timeMs < toMs (half-open period)
    std::optional<std::string> actor;
    std::optional<std::string> action;
    int limit = 1000;  // 1 or more; the newest records when the filter matches more
};

struct AuditVerification {
    bool intact = false;
    std::int64_t records = 0;
    std::int64_t lastSeq = 0;
    std::string lastHash;
    std::int64_t brokenSeq = 0;  // the first broken record; 0 when intact or none applies
    std::string problem;         // why the chain is broken, user-facing; empty when intact
    std::string note;            // something to know that is not a break (anchor behind)
};

class AuditLog final : public AuditSink {
public:
    static constexpr int kSchemaVersion = 1;

    struct Options {
        // Time of records given with timeMs = 0 (Unix ms). Empty: the system clock.
        std::function<std::int64_t()> clockMs;
    };

    // Opens the database and the log. `siteId` is required when the log is created and must
    // match the stored one afterwards; empty means "the stored one" (verification, export).
    static Result<std::unique_ptr<AuditLog>> open(const std::string& path, const DatabaseKey& key,
                                                  const std::string& siteId,
                                                  OpenMode mode = OpenMode::ReadWriteCreate,
                                                  Options options = {});
    static Result<std::unique_ptr<AuditLog>> create(std::unique_ptr<Database> db,
                                                    const std::string& siteId,
                                                    Options options = {});
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;
    ~AuditLog() override;

    // AuditSink: appends one record; false (and a log line) when it could not be written.
    bool record(const AuditEvent& event) override;
    // Same, with the reason of a failure and the record written.
    Result<AuditRecord> append(const AuditEvent& event);

    // Oldest first within the newest `limit` records matching the filter.
    Result<std::vector<AuditRecord>> list(const AuditFilter& filter);
    // The same for a person (the administrator's viewer, an export): needs ViewAuditLog, and
    // the reading is itself recorded ("audit_read", or "access_denied" when refused).
    Result<std::vector<AuditRecord>> listFor(const Principal& reader, const AccessControl& acl,
                                             const AuditFilter& filter);
    Result<AuditVerification> verify();

    const std::string& siteId() const { return m_siteId; }
    std::string anchorPath() const;

    // SHA-256("vigie-audit:" + siteId), hex.
    static std::string genesisHash(const std::string& siteId);
    // The hash of a record from its fields (its own `hash` is ignored).
    static std::string computeHash(const AuditRecord& record);

private:
    AuditLog(std::unique_ptr<Database> db, std::string siteId, Options options);
    Status writeAnchor(std::int64_t seq, const std::string& hash);

    std::mutex m_mutex;
    std::unique_ptr<Database> m_db;
    std::string m_siteId;
    Options m_options;
};

}  // namespace vigie::core
