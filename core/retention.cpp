#include "core/retention.h"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <system_error>

#include "core/alert_json.h"
#include "core/alert_store.h"
#include "core/count_store.h"
#include "core/log.h"
#include "core/schema.h"
#include "core/snapshot_store.h"

namespace vigie::core {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

struct Field {
    const char* key;
    int RetentionPolicy::*member;
    int maxDays;
};

constexpr Field kFields[] = {
    {"alerts_days", &RetentionPolicy::alertsDays, kMaxRetentionDays},
    {"qualifications_days", &RetentionPolicy::qualificationsDays, kMaxRetentionDays},
    {"snapshots_days", &RetentionPolicy::snapshotsDays, kMaxSnapshotRetentionDays},
    {"counts_days", &RetentionPolicy::countsDays, kMaxRetentionDays},
    {"connection_logs_days", &RetentionPolicy::connectionLogDays, kMaxRetentionDays},
    {"usage_logs_days", &RetentionPolicy::usageLogDays, kMaxRetentionDays},
};

bool allDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1", "1.gz", "20261130", "20261130.gz"
bool isRotationSuffix(std::string_view s) {
    if (s.ends_with(".gz")) {
        s.remove_suffix(3);
    }
    return allDigits(s);
}

std::int64_t mtimeMs(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        return LLONG_MAX;
    }
    return std::int64_t(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
}

std::string_view toName(RetentionMode mode) {
    return mode == RetentionMode::DryRun ? "dry_run" : "apply";
}

}  // namespace

// --- policy -------------------------------------------------------------------------------

std::vector<ConfigIssue> retentionIssues(const RetentionPolicy& policy, const std::string& path) {
    std::vector<ConfigIssue> issues;
    for (const Field& f : kFields) {
        const int days = policy.*f.member;
        if (days < 1 || days > f.maxDays) {
            std::string why = "value " + std::to_string(days) + " is outside [1, " +
                              std::to_string(f.maxDays) + "] days";
            if (f.member == &RetentionPolicy::snapshotsDays && days > f.maxDays) {
                why += " (video-protection images are kept one month at most, CSI L252-5)";
            }
            issues.push_back({JsonReader::child(path, f.key), why});
        }
    }
    if (policy.snapshotsDays > policy.alertsDays) {
        issues.push_back({JsonReader::child(path, "snapshots_days"),
                          "snapshots cannot be kept longer than their alerts (alerts_days " +
                              std::to_string(policy.alertsDays) + ")"});
    }
    if (policy.qualificationsDays > policy.alertsDays) {
        issues.push_back({JsonReader::child(path, "qualifications_days"),
                          "qualifications cannot be kept longer than their alerts (alerts_days " +
                              std::to_string(policy.alertsDays) + ")"});
    }
    return issues;
}

Status validateRetentionPolicy(const RetentionPolicy& policy) {
    const auto issues = retentionIssues(policy);
    if (!issues.empty()) {
        return makeError(formatIssues(issues));
    }
    return okStatus();
}

Result<RetentionPolicy> parseRetentionPolicy(const json& value, const std::string& path) {
    JsonReader reader;
    RetentionPolicy policy;
    if (reader.expectObject(value, path,
                            {"alerts_days", "qualifications_days", "snapshots_days", "counts_days",
                             "connection_logs_days", "usage_logs_days"})) {
        for (const Field& f : kFields) {
            reader.readInt(value, path, f.key, policy.*f.member, false, INT_MIN, INT_MAX);
        }
    }
    if (reader.hasErrors()) {
        return makeError(formatIssues(reader.issues()));
    }
    if (const auto issues = retentionIssues(policy, path); !issues.empty()) {
        return makeError(formatIssues(issues));
    }
    return policy;
}

Result<RetentionPolicy> parseRetentionPolicyText(const std::string& jsonText) {
    const json value = json::parse(jsonText, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
        return makeError("the retention settings are not valid JSON");
    }
    return parseRetentionPolicy(value, "$");
}

json toJson(const RetentionPolicy& policy) {
    json j = json::object();
    for (const Field& f : kFields) {
        j[f.key] = policy.*f.member;
    }
    return j;
}

bool isRotatedLogName(const std::string& name, const std::string& active) {
    if (name == active || active.empty()) {
        return false;
    }
    // logrotate: "vigie.log.1", "vigie.log.2.gz", "vigie.log-20261130(.gz)"
    if (name.size() > active.size() + 1 && name.starts_with(active) &&
        (name[active.size()] == '.' || name[active.size()] == '-')) {
        return isRotationSuffix(std::string_view(name).substr(active.size() + 1));
    }
    // spdlog's rotating sink: "vigie.log" → "vigie.1.log"
    const auto dot = active.rfind('.');
    if (dot == std::string::npos || dot == 0) {
        return false;
    }
    const std::string stem = active.substr(0, dot);
    const std::string ext = active.substr(dot);
    if (name.size() > stem.size() + 1 + ext.size() && name.starts_with(stem + ".") &&
        name.ends_with(ext)) {
        return allDigits(std::string_view(name).substr(stem.size() + 1,
                                                       name.size() - stem.size() - 1 - ext.size()));
    }
    return false;
}

// --- job ----------------------------------------------------------------------------------

RetentionJob::RetentionJob(const RetentionPolicy& policy, RetentionTargets targets)
    : m_policy(policy), m_targets(std::move(targets)) {}

Result<std::unique_ptr<RetentionJob>> RetentionJob::create(const RetentionPolicy& policy,
                                                           RetentionTargets targets) {
    if (auto s = validateRetentionPolicy(policy); !s) {
        return makeError("invalid retention settings:\n" + s.error().message);
    }
    if (targets.database == nullptr) {
        return makeError("internal error: the retention job needs the database");
    }
    if (targets.snapshots && &targets.snapshots->database() != targets.database) {
        return makeError("internal error: the snapshot store must use the retention database");
    }
    if (targets.counts && &targets.counts->database() != targets.database) {
        return makeError("internal error: the count store must use the retention database");
    }
    for (const LogFileSet& set : targets.logFiles) {
        if (set.kind != LogKind::Connection && set.kind != LogKind::Usage) {
            return makeError("internal error: a log file set has no kind");
        }
        if (set.directory.empty() || set.activeFileName.empty() ||
            set.activeFileName.find('/') != std::string::npos) {
            return makeError("internal error: a log file set needs a directory and a file name");
        }
    }
    return std::unique_ptr<RetentionJob>(new RetentionJob(policy, std::move(targets)));
}

Result<RetentionReport> RetentionJob::run(std::int64_t nowMs, RetentionMode mode) {
    if (mode != RetentionMode::Apply && mode != RetentionMode::DryRun) {
        return makeError("internal error: no retention mode given");
    }
    RetentionReport report;
    report.mode = mode;
    std::vector<SnapshotRecord> expiredSnapshots;
    if (auto s = purgeDatabase(nowMs, mode, report, expiredSnapshots); !s) {
        return makeError("retention: nothing was removed: " + s.error().message);
    }

    if (m_targets.snapshots != nullptr) {
        const std::int64_t cutoff = nowMs - m_policy.snapshotsDays * kMsPerDay;
        if (mode == RetentionMode::Apply) {
            auto files = m_targets.snapshots->deleteFiles(expiredSnapshots);
            if (files) {
                report.snapshotFilesRemoved = *files;
            } else {
                report.warnings.push_back(files.error().message);
            }
        } else {
            report.snapshotFilesRemoved = static_cast<std::int64_t>(expiredSnapshots.size());
        }
        // After the rows: a file whose row was just removed is no orphan any more, it is gone.
        auto orphans = m_targets.snapshots->orphanFiles(cutoff);
        if (!orphans) {
            report.warnings.push_back(orphans.error().message);
        } else if (mode == RetentionMode::Apply) {
            auto removed = m_targets.snapshots->deleteOrphans(*orphans);
            if (removed) {
                report.orphanSnapshotFilesRemoved = *removed;
            } else {
                report.warnings.push_back(removed.error().message);
            }
        } else {
            report.orphanSnapshotFilesRemoved = static_cast<std::int64_t>(orphans->size());
        }
    }

    purgeLogs(nowMs, mode, report);
    if (mode == RetentionMode::Apply) {
        recordAudit(nowMs, report);
    }
    for (const std::string& w : report.warnings) {
        logger("store")->warn("retention: {}", w);
    }
    return report;
}

Status RetentionJob::purgeDatabase(std::int64_t nowMs, RetentionMode mode, RetentionReport& report,
                                   std::vector<SnapshotRecord>& expiredSnapshots) {
    Database& db = *m_targets.database;
    const std::int64_t alertsCutoff = nowMs - m_policy.alertsDays * kMsPerDay;
    const std::int64_t qualificationsCutoff = nowMs - m_policy.qualificationsDays * kMsPerDay;
    const std::int64_t snapshotsCutoff = nowMs - m_policy.snapshotsDays * kMsPerDay;
    const std::int64_t countsCutoff = nowMs - m_policy.countsDays * kMsPerDay;
    const bool apply = mode == RetentionMode::Apply;

    auto alertsVersion = schemaVersion(db, "alerts");
    if (!alertsVersion) {
        return alertsVersion.error();
    }
    if (*alertsVersion > AlertStore::kSchemaVersion) {
        return makeError("the database " + db.path() + " has alerts tables of version " +
                         std::to_string(*alertsVersion) +
                         ", newer than this version of Vigie knows: upgrade Vigie");
    }
    const bool hasAlerts = *alertsVersion > 0;

    // Read-only in a dry run; one write transaction otherwise (BEGIN IMMEDIATE: the writer
    // lock is taken at once, so the engine's writer waits rather than deadlocks).
    std::optional<Transaction> tx;
    if (apply) {
        auto begun = db.begin();
        if (!begun) {
            return begun.error();
        }
        tx.emplace(std::move(*begun));
    }

    std::vector<std::string> expiredUids;
    if (hasAlerts) {
        auto st = db.prepare("SELECT uid FROM alerts WHERE wall_start_ms < ?1");
        if (!st) {
            return st.error();
        }
        if (auto b = st->bindInt64(1, alertsCutoff); !b) {
            return b;
        }
        for (;;) {
            auto step = st->step();
            if (!step) {
                return step.error();
            }
            if (*step == Statement::Step::Done) {
                break;
            }
            expiredUids.push_back(st->columnText(0));
        }
    }

    if (m_targets.snapshots != nullptr) {
        auto records = m_targets.snapshots->expiredRecords(snapshotsCutoff, expiredUids);
        if (!records) {
            return records.error();
        }
        expiredSnapshots = std::move(*records);
        if (apply) {
            auto removed = m_targets.snapshots->deleteRecords(expiredSnapshots);
            if (!removed) {
                return removed.error();
            }
            report.snapshotRecordsRemoved = *removed;
        } else {
            report.snapshotRecordsRemoved = static_cast<std::int64_t>(expiredSnapshots.size());
        }
    }

    if (hasAlerts) {
        report.alertsRemoved = static_cast<std::int64_t>(expiredUids.size());
        if (apply) {
            auto del = db.prepare("DELETE FROM alerts WHERE wall_start_ms < ?1");
            if (!del) {
                return del.error();
            }
            if (auto b = del->bindInt64(1, alertsCutoff); !b) {
                return b;
            }
            if (auto r = del->run(); !r) {
                return r;
            }
            report.alertsRemoved = db.changes();
        }
        // The comment and the operator's login are personal data; the verdict stays (see the
        // header). Alerts removed above are no longer there to be counted.
        const std::string blankWhere =
            " WHERE wall_start_ms < ?1 AND (comment <> '' OR qualified_by <> '')";
        auto st = apply
                      ? db.prepare("UPDATE alerts SET comment = '', qualified_by = ''" + blankWhere)
                      : db.prepare("SELECT count(*) FROM alerts" + blankWhere +
                                   " AND wall_start_ms >= ?2");
        if (!st) {
            return st.error();
        }
        if (auto b = st->bindInt64(1, qualificationsCutoff); !b) {
            return b;
        }
        if (!apply) {
            if (auto b = st->bindInt64(2, alertsCutoff); !b) {
                return b;
            }
            auto step = st->step();
            if (!step) {
                return step.error();
            }
            report.qualificationsBlanked = st->columnInt64(0);
        } else {
            if (auto r = st->run(); !r) {
                return r;
            }
            report.qualificationsBlanked = db.changes();
        }
    }

    if (m_targets.counts != nullptr) {
        auto removed = apply ? m_targets.counts->deleteBefore(countsCutoff)
                             : m_targets.counts->countBefore(countsCutoff);
        if (!removed) {
            return removed.error();
        }
        report.countSamplesRemoved = *removed;
    }

    if (tx) {
        return tx->commit();
    }
    return okStatus();
}

void RetentionJob::purgeLogs(std::int64_t nowMs, RetentionMode mode, RetentionReport& report) {
    for (const LogFileSet& set : m_targets.logFiles) {
        const int days =
            set.kind == LogKind::Connection ? m_policy.connectionLogDays : m_policy.usageLogDays;
        const std::int64_t cutoff = nowMs - days * kMsPerDay;
        std::error_code ec;
        std::vector<fs::path> expired;
        for (fs::directory_iterator it(set.directory, ec), end; !ec && it != end;
             it.increment(ec)) {
            std::error_code fileEc;
            if (it->is_symlink(fileEc) || !it->is_regular_file(fileEc)) {
                continue;
            }
            if (isRotatedLogName(it->path().filename().string(), set.activeFileName) &&
                mtimeMs(it->path()) < cutoff) {
                expired.push_back(it->path());
            }
        }
        if (ec && ec != std::errc::no_such_file_or_directory) {
            report.warnings.push_back("cannot list the log directory " + set.directory + ": " +
                                      ec.message());
        }
        std::sort(expired.begin(), expired.end());
        for (const fs::path& path : expired) {
            std::error_code rmEc;
            if (mode == RetentionMode::Apply && !fs::remove(path, rmEc) && rmEc) {
                report.warnings.push_back("cannot delete the log file " + path.string() + ": " +
                                          rmEc.message());
                continue;
            }
            ++report.logFilesRemoved;
            report.logFilesRemovedPaths.push_back(path.string());
        }
    }
}

void RetentionJob::recordAudit(std::int64_t nowMs, RetentionReport& report) {
    if (m_targets.audit == nullptr) {
        return;
    }
    const auto cutoff = [nowMs](int days) {
        return isoUtc(nowMs - days * kMsPerDay);
    };
    json details = {
        {"mode", toName(report.mode)},
        {"removed",
         {{"alerts", report.alertsRemoved},
          {"qualifications_blanked", report.qualificationsBlanked},
          {"snapshot_records", report.snapshotRecordsRemoved},
          {"snapshot_files", report.snapshotFilesRemoved},
          {"orphan_snapshot_files", report.orphanSnapshotFilesRemoved},
          {"count_samples", report.countSamplesRemoved},
          {"log_files", report.logFilesRemoved}}},
        {"cutoffs",
         {{"alerts", cutoff(m_policy.alertsDays)},
          {"qualifications", cutoff(m_policy.qualificationsDays)},
          {"snapshots", cutoff(m_policy.snapshotsDays)},
          {"counts", cutoff(m_policy.countsDays)},
          {"connection_logs", cutoff(m_policy.connectionLogDays)},
          {"usage_logs", cutoff(m_policy.usageLogDays)}}},
        {"policy", toJson(m_policy)},
        {"warnings", report.warnings},
    };
    AuditEvent event;
    event.timeMs = nowMs;
    event.actor = m_targets.actor;
    event.action = "purge";
    event.target = m_targets.database->path();
    event.detailsJson = details.dump();
    report.auditRecorded = m_targets.audit->record(event);
    if (!report.auditRecorded) {
        report.warnings.push_back("the purge was done but its audit event could not be recorded");
    }
}

}  // namespace vigie::core
