#pragma once
// RecordsWriter: what the workstation records besides the alerts themselves — the snapshot
// of each alert (core::SnapshotStore: an encrypted file referenced by the database), the
// count samples of the statistics (core::CountStore) — and the retention purge
// (core::RetentionJob), all on one thread of its own with its own connection to the engine's
// database, so that neither the GUI nor the video ever waits on encryption or the disk.
//
// Not lossless, but bounded (STYLE.md, "three traps"): at most maxPending tasks are queued;
// a snapshot or a batch of samples beyond that is refused, counted in dropped() and logged
// (the snapshot stays in the session's memory cache). A task that fails is logged and
// counted in failures(); the connection is then dropped and reopened by the next task (disk
// full, database replaced by a restore).
//
// Threads: every public function from any thread except the writer's own; the callbacks
// given to runRetention() and readSnapshots() run on the writer thread (post to the GUI with
// a queued invocation). Ownership: owns its thread and its connection; the audit sink given
// to runRetention() is borrowed and must outlive the writer (it is thread-safe).
//
//   RecordsWriter records({.databasePath = path, .key = key, .snapshotDirectory = dir});
//   records.storeSnapshot(alert.uid, alert.wallStartMs, jpegBytes);
//   records.appendCounts(std::move(samples));
//   records.runRetention(policy, nowMs, &auditLog, [](const auto& report) { ... });

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/audit_sink.h"
#include "core/count_store.h"
#include "core/database.h"
#include "core/result.h"
#include "core/retention.h"
#include "core/snapshot_store.h"

namespace vigie::app {

class RecordsWriter {
public:
    struct Options {
        std::string databasePath;
        core::DatabaseKey key;
        std::string snapshotDirectory;
        std::size_t maxPending = 256;
    };
    using RetentionDone = std::function<void(const core::Result<core::RetentionReport>& report)>;
    using SnapshotRead = std::function<void(const std::string& alertUid,
                                            const core::Result<std::vector<std::uint8_t>>& jpeg)>;

    explicit RecordsWriter(Options options);
    RecordsWriter(const RecordsWriter&) = delete;
    RecordsWriter& operator=(const RecordsWriter&) = delete;
    ~RecordsWriter();

    // Queues the JPEG of an alert's picture; false when refused (queue full, stopped).
    bool storeSnapshot(std::string alertUid, std::int64_t alertTimeMs,
                       std::vector<std::uint8_t> jpeg);
    // Queues a batch of samples, appended in one transaction.
    bool appendCounts(std::vector<core::CountSample> samples);
    // Runs the retention job with `policy` at `nowMs` (it records its own "purge" audit event
    // through `audit`) on the database and the rotated copies of `logs`, then calls `done`
    // with its report. Never refused for a full queue.
    bool runRetention(const core::RetentionPolicy& policy, std::int64_t nowMs,
                      core::AuditSink* audit, RetentionDone done,
                      std::vector<core::LogFileSet> logs = {});
    // Reads the stored snapshots of these alerts, calling `each` once per uid.
    bool readSnapshots(std::vector<std::string> alertUids, SnapshotRead each);

    // Waits until everything queued so far is done; an error when `timeout` passes first.
    core::Status flush(std::chrono::milliseconds timeout);
    // Runs what is queued, then joins the thread; later tasks are refused.
    void stop();

    std::int64_t snapshotsWritten() const { return m_snapshotsWritten.load(); }
    std::int64_t samplesWritten() const { return m_samplesWritten.load(); }
    std::int64_t retentionRuns() const { return m_retentionRuns.load(); }
    std::int64_t failures() const { return m_failures.load(); }
    std::int64_t dropped() const { return m_dropped.load(); }
    const std::string& snapshotDirectory() const { return m_options.snapshotDirectory; }

private:
    struct Stores {
        std::unique_ptr<core::Database> db;
        std::unique_ptr<core::SnapshotStore> snapshots;
        std::unique_ptr<core::CountStore> counts;
    };
    // Runs on the writer thread with the open stores, or null when they cannot be opened
    // (the message says why); returns false on a failure (the connection is then dropped).
    using Task = std::function<bool(Stores* stores, const std::string& openError)>;

    bool enqueue(Task task, bool bounded);
    void run();
    Stores* openStores(std::string& error);

    const Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_idle;
    std::deque<Task> m_queue;
    bool m_busy = false;
    bool m_stopping = false;
    bool m_openFailed = false;         // reported once per outage
    std::unique_ptr<Stores> m_stores;  // writer thread only

    std::atomic<std::int64_t> m_snapshotsWritten{0};
    std::atomic<std::int64_t> m_samplesWritten{0};
    std::atomic<std::int64_t> m_retentionRuns{0};
    std::atomic<std::int64_t> m_failures{0};
    std::atomic<std::int64_t> m_dropped{0};

    std::thread m_thread;  // last: started once everything above exists
};

}  // namespace vigie::app
