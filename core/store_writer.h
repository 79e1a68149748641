#pragma once
// StoreWriter: the single database writer of an engine (STYLE.md, "Threads"). It receives
// alert life-cycle events and operator qualifications, queues them and writes them one by
// one, each in its own transaction, on its own thread.
//
// Lossless by design: alerts are few (one open alert per camera and rule, updates
// rate-limited by the rule engine), and an alert lost is worse than memory used while the
// disk is full. On a write failure (disk full, read-only file, I/O error, database gone)
// the item stays at the head of the queue, the failure is reported once per outage through
// the error callback and the "store" logger, the connection is dropped, and the writer
// retries — reopening the database — with a backoff of 100 ms doubling to 5 s. Only an
// item that no retry can fix (an invalid alert, a qualification of an unknown alert) is
// dropped, counted in rejected() and reported.
//
// Threads:
// - onAlertOpened/Updated/Closed and qualify(): any thread (analysis strands, GUI); they
//   copy the item into the queue under a mutex and return at once.
// - flush(), stop(), the counters: any thread except the writer's own (the error callback
//   must not call flush() or stop()).
// - the opener and the error callback run on the writer thread; the callback must not block
//   (post to the UI through a queued invocation).
// Ownership: the writer owns its thread and the AlertStore its opener returns; the
// destructor calls stop().
//
//   StoreWriter writer([path, key] { return AlertStore::open(path, key); },
//                      [](const std::string& message) { ui.showStoreError(message); });
//   fanOut.add(&writer);
//   ... shutdown: sources stopped, rule engines finished, then
//   writer.flush(std::chrono::seconds(10)); writer.stop();

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
#include <variant>

#include "core/alert_store.h"
#include "core/rule_engine.h"

namespace vigie::core {

class StoreWriter final : public AlertSink {
public:
    using StoreOpener = std::function<Result<std::unique_ptr<AlertStore>>()>;
    using ErrorCallback = std::function<void(const std::string& message)>;

    static constexpr std::chrono::milliseconds kInitialBackoff{100};
    static constexpr std::chrono::milliseconds kMaxBackoff{5000};
    static constexpr std::chrono::milliseconds kDefaultStopTimeout{30000};

    struct Options {
        std::chrono::milliseconds initialBackoff = kInitialBackoff;
        std::chrono::milliseconds maxBackoff = kMaxBackoff;
    };

    // Starts the writer thread; the store is opened there, on first need.
    explicit StoreWriter(StoreOpener opener, ErrorCallback onError = {});
    StoreWriter(StoreOpener opener, ErrorCallback onError, Options options);
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;
    ~StoreWriter() override;

    void onAlertOpened(const Alert& alert) override;
    void onAlertUpdated(const Alert& alert) override;
    void onAlertClosed(const Alert& alert) override;
    // Queued after the alert events already received, so it applies to a stored alert.
    void qualify(const std::string& uid, Qualification qualification, const std::string& comment,
                 const std::string& by, std::int64_t atMs);

    // Waits until everything queued so far is written; an error (with the last storage
    // error) when `timeout` passes first. Nothing is dropped on timeout.
    Status flush(std::chrono::milliseconds timeout);
    // Writes what is queued (waiting at most `drainTimeout` while the store fails), then
    // joins the thread. Items still unwritten then are logged with their uids and counted
    // in the returned error. Later events are refused (logged, counted in rejected()).
    Status stop(std::chrono::milliseconds drainTimeout = kDefaultStopTimeout);

    std::int64_t written() const { return m_written.load(); }
    std::int64_t pending() const { return m_pending.load(); }
    std::int64_t failures() const { return m_failures.load(); }  // failed write attempts
    std::int64_t rejected() const { return m_rejected.load(); }

private:
    struct QualifyRequest {
        std::string uid;
        Qualification qualification = Qualification::Invalid;
        std::string comment;
        std::string by;
        std::int64_t atMs = 0;
    };
    using Item = std::variant<Alert, QualifyRequest>;
    enum class Outcome { Invalid = 0, Written, Rejected, Failed };

    void enqueue(Item item);
    void run();
    Outcome write(const Item& item, std::string& message);
    void report(const std::string& message);

    const StoreOpener m_opener;
    const ErrorCallback m_onError;
    const Options m_options;

    std::mutex m_stopMutex;  // one stop() at a time (explicit call, then the destructor)
    std::mutex m_mutex;
    std::condition_variable m_work;  // writer waits: items, stop, abandon
    std::condition_variable m_idle;  // flush()/stop() wait: queue empty
    std::deque<Item> m_queue;        // the head stays queued until it is written
    bool m_stopping = false;         // no more items accepted; drain then exit
    bool m_abandon = false;          // stop() gave up draining: exit now
    std::string m_lastError;

    std::unique_ptr<AlertStore> m_store;  // writer thread only

    std::atomic<std::int64_t> m_written{0};
    std::atomic<std::int64_t> m_pending{0};
    std::atomic<std::int64_t> m_failures{0};
    std::atomic<std::int64_t> m_rejected{0};

    std::thread m_thread;  // last: started once everything above exists
};

}  // namespace vigie::core
