#pragma once
// Retention (Ex. 17, 43, 44): how long each kind of data is kept, and the job that removes
// what has expired — alerts with their snapshot files, the operator's comment on older
// alerts, count samples, rotated application log files — and records one "purge" audit
// event saying what it removed.
//
// Policy, as set by the site (part of the site settings; JSON shape below):
// - Every duration is in days, default 30, from 1 to 3650. Snapshots (pictures from the
//   cameras) follow the video-protection rule (Code de la sécurité intérieure, L252-5): at
//   most 30 days, and never longer than the alerts they illustrate. Qualification data are
//   never kept longer than their alert either.
// - Qualification data: the operator's free-text comment and login (personal data) are
//   blanked after qualificationsDays; the verdict (confirmed / false positive) and its time
//   stay with the alert, because the true/false-positive statistics the tender asks to export
//   (Ex. 16) are computed from them and resetting them would falsify the record.
// - The audit log is NOT purged: it is append-only and hash-chained (each record holds the
//   hash of the previous one), so deleting old records would break `vigie audit verify`.
//   Its retention is handled by export and archive (`vigie export --bundle`, then the
//   archived media is kept or destroyed under the site's procedure), never by deletion.
// - Application logs: rotated files (vigie.1.log, vigie.log.1, vigie.log.2.gz,
//   vigie.log-20261130…) of the connection log and of the usage log whose last write is older
//   than connectionLogDays / usageLogDays are deleted; the active file never is.
//
// JSON (object "retention" of the site settings; unknown keys are errors, missing keys take
// the default):
//   {"alerts_days": 30, "qualifications_days": 30, "snapshots_days": 30, "counts_days": 30,
//    "connection_logs_days": 30, "usage_logs_days": 30}
//
// The job: database rows go in one transaction (all or nothing); files go after the commit
// (a crash in between leaves orphan snapshot files, which the next run removes). Running it
// twice removes nothing the second time. DryRun counts what would go and changes nothing
// (and records no audit event).
//
// Thread: the job uses its stores' connection, so it runs on the thread that owns that
// database connection (the database writer). Ownership: borrows the database, the stores and
// the audit sink, which must outlive it.
//
//   auto job = RetentionJob::create(policy, {.database = &db, .snapshots = snaps.get(),
//                                            .counts = counts.get(), .audit = &auditLog});
//   Result<RetentionReport> report = (*job)->run(nowMs);

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/audit_sink.h"
#include "core/database.h"
#include "core/json_reader.h"
#include "core/result.h"

namespace vigie::core {

class CountStore;
class SnapshotStore;
struct SnapshotRecord;

inline constexpr int kDefaultRetentionDays = 30;
inline constexpr int kMaxRetentionDays = 3650;
// Video-protection images: one month at most (CSI L252-5).
inline constexpr int kMaxSnapshotRetentionDays = 30;

struct RetentionPolicy {
    int alertsDays = kDefaultRetentionDays;
    int qualificationsDays = kDefaultRetentionDays;  // comment and operator; <= alertsDays
    int snapshotsDays = kDefaultRetentionDays;       // <= alertsDays, <= 30
    int countsDays = kDefaultRetentionDays;
    int connectionLogDays = kDefaultRetentionDays;
    int usageLogDays = kDefaultRetentionDays;
};

// Every problem of the policy, with the JSON path of the field under `path`.
std::vector<ConfigIssue> retentionIssues(const RetentionPolicy& policy,
                                         const std::string& path = "$.retention");
Status validateRetentionPolicy(const RetentionPolicy& policy);
// Parses the "retention" object (path: where it sits in the document, for messages).
Result<RetentionPolicy> parseRetentionPolicy(const nlohmann::json& value,
                                             const std::string& path = "$.retention");
Result<RetentionPolicy> parseRetentionPolicyText(const std::string& jsonText);
nlohmann::json toJson(const RetentionPolicy& policy);

enum class LogKind { Invalid = 0, Connection, Usage };

// A log written to `directory/activeFileName` and rotated next to it.
struct LogFileSet {
    LogKind kind = LogKind::Invalid;
    std::string directory;
    std::string activeFileName;  // "vigie.log"; a bare name, no '/'
};
// Whether `name` is a rotated copy of `activeFileName` (never the active file itself).
bool isRotatedLogName(const std::string& name, const std::string& activeFileName);

enum class RetentionMode { Invalid = 0, Apply, DryRun };

struct RetentionTargets {
    Database* database = nullptr;        // required: holds the alerts (component "alerts")
    SnapshotStore* snapshots = nullptr;  // optional; attached to `database`
    CountStore* counts = nullptr;        // optional; attached to `database`
    std::vector<LogFileSet> logFiles;
    AuditSink* audit = nullptr;  // optional (tests); the product always passes its audit log
    std::string actor = "system";
};

// What a run removed (Apply) or would remove (DryRun).
struct RetentionReport {
    RetentionMode mode = RetentionMode::Invalid;
    std::int64_t alertsRemoved = 0;
    std::int64_t qualificationsBlanked = 0;
    std::int64_t snapshotRecordsRemoved = 0;
    std::int64_t snapshotFilesRemoved = 0;
    std::int64_t orphanSnapshotFilesRemoved = 0;
    std::int64_t countSamplesRemoved = 0;
    std::int64_t logFilesRemoved = 0;
    std::vector<std::string> logFilesRemovedPaths;
    bool auditRecorded = false;
    // Problems that did not stop the purge (a log file that could not be deleted, the audit
    // event that could not be written); each is also logged.
    std::vector<std::string> warnings;
};

class RetentionJob {
public:
    // Refuses an invalid policy and targets that do not fit together.
    static Result<std::unique_ptr<RetentionJob>> create(const RetentionPolicy& policy,
                                                        RetentionTargets targets);

    // Removes (Apply) or counts (DryRun) everything older than its duration before nowMs
    // (site clock, Unix ms).
    Result<RetentionReport> run(std::int64_t nowMs, RetentionMode mode = RetentionMode::Apply);

    const RetentionPolicy& policy() const { return m_policy; }

private:
    RetentionJob(const RetentionPolicy& policy, RetentionTargets targets);
    Status purgeDatabase(std::int64_t nowMs, RetentionMode mode, RetentionReport& report,
                         std::vector<SnapshotRecord>& expiredSnapshots);
    void purgeLogs(std::int64_t nowMs, RetentionMode mode, RetentionReport& report);
    void recordAudit(std::int64_t nowMs, RetentionReport& report);

    RetentionPolicy m_policy;
    RetentionTargets m_targets;
};

}  // namespace vigie::core
