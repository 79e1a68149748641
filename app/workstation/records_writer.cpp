#include "app/workstation/records_writer.h"

#include <exception>

#include "core/log.h"

namespace vigie::app {

RecordsWriter::RecordsWriter(Options options)
    : m_options(std::move(options)), m_thread([this] { run(); }) {}

RecordsWriter::~RecordsWriter() {
    stop();
}

bool RecordsWriter::enqueue(Task task, bool bounded) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || (bounded && m_queue.size() >= m_options.maxPending)) {
            ++m_dropped;
            return false;
        }
        m_queue.push_back(std::move(task));
    }
    m_work.notify_one();
    return true;
}

bool RecordsWriter::storeSnapshot(std::string alertUid, std::int64_t alertTimeMs,
                                  std::vector<std::uint8_t> jpeg) {
    const std::string uid = alertUid;
    const bool queued = enqueue(
        [this, uid = std::move(alertUid), alertTimeMs, jpeg = std::move(jpeg)](
            Stores* stores, const std::string& openError) {
            if (stores == nullptr) {
                core::logger("store")->error("snapshot of alert {} not stored: {}", uid, openError);
                return false;
            }
            auto put = stores->snapshots->put(uid, alertTimeMs, jpeg);
            if (!put) {
                core::logger("store")->error("{}", put.error().message);
                return false;
            }
            ++m_snapshotsWritten;
            return true;
        },
        true);
    if (!queued) {
        core::logger("store")->warn("snapshot of alert {} not stored: the writer is busy", uid);
    }
    return queued;
}

bool RecordsWriter::appendCounts(std::vector<core::CountSample> samples) {
    if (samples.empty()) {
        return true;
    }
    const std::size_t n = samples.size();
    const bool queued = enqueue(
        [this, samples = std::move(samples)](Stores* stores, const std::string& openError) {
            if (stores == nullptr) {
                core::logger("store")->error("{} count sample(s) not stored: {}", samples.size(),
                                             openError);
                return false;
            }
            if (auto s = stores->counts->append(samples); !s) {
                core::logger("store")->error("{} count sample(s) not stored: {}", samples.size(),
                                             s.error().message);
                return false;
            }
            m_samplesWritten += std::int64_t(samples.size());
            return true;
        },
        true);
    if (!queued) {
        core::logger("store")->warn("{} count sample(s) not stored: the writer is busy", n);
    }
    return queued;
}

bool RecordsWriter::runRetention(const core::RetentionPolicy& policy, std::int64_t nowMs,
                                 core::AuditSink* audit, RetentionDone done,
                                 std::vector<core::LogFileSet> logs) {
    return enqueue(
        [this, policy, nowMs, audit, done = std::move(done), logs = std::move(logs)](
            Stores* stores, const std::string& openError) {
            core::Result<core::RetentionReport> report =
                core::makeError("retention: the database cannot be opened: " + openError);
            if (stores != nullptr) {
                core::RetentionTargets targets;
                targets.database = stores->db.get();
                targets.snapshots = stores->snapshots.get();
                targets.counts = stores->counts.get();
                targets.audit = audit;
                targets.actor = "system";
                targets.logFiles = logs;
                auto job = core::RetentionJob::create(policy, std::move(targets));
                report =
                    job ? (*job)->run(nowMs) : core::Result<core::RetentionReport>(job.error());
            }
            ++m_retentionRuns;
            if (done) {
                done(report);
            }
            return stores != nullptr && report.ok();
        },
        false);
}

bool RecordsWriter::readSnapshots(std::vector<std::string> alertUids, SnapshotRead each) {
    return enqueue(
        [uids = std::move(alertUids), each = std::move(each)](Stores* stores,
                                                              const std::string& openError) {
            for (const std::string& uid : uids) {
                if (stores == nullptr) {
                    each(uid, core::makeError(openError));
                } else {
                    each(uid, stores->snapshots->get(uid));
                }
            }
            return stores != nullptr;
        },
        true);
}

core::Status RecordsWriter::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    if (!m_idle.wait_for(lock, timeout, [this] { return m_queue.empty() && !m_busy; })) {
        return core::makeError("the records writer still has " + std::to_string(m_queue.size()) +
                               " task(s) queued");
    }
    return core::okStatus();
}

void RecordsWriter::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_work.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

RecordsWriter::Stores* RecordsWriter::openStores(std::string& error) {
    if (m_stores) {
        return m_stores.get();
    }
    auto stores = std::make_unique<Stores>();
    auto db = core::Database::open(m_options.databasePath, m_options.key,
                                   core::OpenMode::ReadWriteCreate);
    if (!db) {
        error = db.error().message;
        return nullptr;
    }
    stores->db = std::move(*db);
    auto snapshots =
        core::SnapshotStore::attach(*stores->db, m_options.key, m_options.snapshotDirectory);
    if (!snapshots) {
        error = snapshots.error().message;
        return nullptr;
    }
    stores->snapshots = std::move(*snapshots);
    auto counts = core::CountStore::attach(*stores->db);
    if (!counts) {
        error = counts.error().message;
        return nullptr;
    }
    stores->counts = std::move(*counts);
    m_stores = std::move(stores);
    return m_stores.get();
}

void RecordsWriter::run() {
    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            m_work.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) {
                break;  // stopping, everything done
            }
            task = std::move(m_queue.front());
            m_queue.pop_front();
            m_busy = true;
        }
        bool ok = false;
        try {
            std::string error;
            Stores* stores = openStores(error);
            if (stores == nullptr) {
                if (!m_openFailed) {
                    core::logger("store")->error("records: cannot open {}: {}",
                                                 m_options.databasePath, error);
                }
                m_openFailed = true;
            } else {
                m_openFailed = false;
            }
            ok = task(stores, error);
        } catch (const std::exception& e) {
            core::logger("store")->error("records: a task failed: {}", e.what());
        } catch (...) {
            core::logger("store")->error("records: a task failed");
        }
        if (!ok) {
            ++m_failures;
            m_stores.reset();  // reopened by the next task
        }
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
        }
        m_idle.notify_all();
    }
    m_stores.reset();
    m_idle.notify_all();
}

}  // namespace vigie::app
