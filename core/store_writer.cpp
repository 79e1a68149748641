#include "core/store_writer.h"

#include <algorithm>
#include <exception>
#include <vector>

#include "core/log.h"

namespace vigie::core {

StoreWriter::StoreWriter(StoreOpener opener, ErrorCallback onError)
    : StoreWriter(std::move(opener), std::move(onError), Options{}) {}

StoreWriter::StoreWriter(StoreOpener opener, ErrorCallback onError, Options options)
    : m_opener(std::move(opener)),
      m_onError(std::move(onError)),
      m_options(options),
      m_thread([this] { run(); }) {}

StoreWriter::~StoreWriter() {
    (void)stop();
}

void StoreWriter::onAlertOpened(const Alert& alert) {
    enqueue(alert);
}

void StoreWriter::onAlertUpdated(const Alert& alert) {
    enqueue(alert);
}

void StoreWriter::onAlertClosed(const Alert& alert) {
    enqueue(alert);
}

void StoreWriter::qualify(const std::string& uid, Qualification qualification,
                          const std::string& comment, const std::string& by, std::int64_t atMs) {
    enqueue(QualifyRequest{uid, qualification, comment, by, atMs});
}

void StoreWriter::enqueue(Item item) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.push_back(std::move(item));
            m_pending.store(static_cast<std::int64_t>(m_queue.size()));
            m_work.notify_one();
            return;
        }
    }
    ++m_rejected;
    const std::string uid = std::holds_alternative<Alert>(item)
                                ? std::get<Alert>(item).uid
                                : std::get<QualifyRequest>(item).uid;
    logger("store")->error("alert {} received after the store writer stopped: not stored", uid);
}

Status StoreWriter::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    if (m_idle.wait_for(lock, timeout, [this] { return m_queue.empty(); })) {
        return okStatus();
    }
    return makeError("the alert store still has " + std::to_string(m_queue.size()) +
                     " alert updates to write after " + std::to_string(timeout.count()) + " ms" +
                     (m_lastError.empty() ? std::string() : ": " + m_lastError));
}

Status StoreWriter::stop(std::chrono::milliseconds drainTimeout) {
    std::lock_guard stopLock(m_stopMutex);
    if (!m_thread.joinable()) {
        return okStatus();
    }
    std::vector<std::string> lost;
    std::string lastError;
    {
        std::unique_lock lock(m_mutex);
        m_stopping = true;
        m_work.notify_all();
        if (!m_idle.wait_for(lock, drainTimeout, [this] { return m_queue.empty(); })) {
            m_abandon = true;
            m_work.notify_all();
            for (const Item& item : m_queue) {
                lost.push_back(std::holds_alternative<Alert>(item)
                                   ? std::get<Alert>(item).uid
                                   : "qualification of " + std::get<QualifyRequest>(item).uid);
            }
            lastError = m_lastError;
        }
    }
    m_thread.join();
    if (lost.empty()) {
        return okStatus();
    }
    std::string uids;
    for (const auto& uid : lost) {
        uids += (uids.empty() ? "" : ", ") + uid;
    }
    logger("store")->error("store writer stopped with {} alert updates not written ({}): {}",
                           lost.size(), lastError, uids);
    return makeError("the alert store stopped with " + std::to_string(lost.size()) +
                     " alert updates not written: " + lastError);
}

void StoreWriter::report(const std::string& message) {
    if (!m_onError) {
        return;
    }
    try {
        m_onError(message);
    } catch (const std::exception& e) {
        logger("store")->error("the store error callback threw: {}", e.what());
    } catch (...) {
        logger("store")->error("the store error callback threw");
    }
}

StoreWriter::Outcome StoreWriter::write(const Item& item, std::string& message) {
    if (const auto* alert = std::get_if<Alert>(&item)) {
        if (auto valid = AlertStore::validate(*alert); !valid) {
            message = valid.error().message;
            return Outcome::Rejected;
        }
    }
    if (!m_store) {
        if (!m_opener) {
            message = "the alert store has no database to write to";
            return Outcome::Failed;
        }
        auto opened = m_opener();
        if (!opened || !*opened) {
            message = opened ? "the alert store could not be opened" : opened.error().message;
            return Outcome::Failed;
        }
        m_store = std::move(*opened);
    }
    if (const auto* alert = std::get_if<Alert>(&item)) {
        auto id = m_store->upsert(*alert);
        if (!id) {
            message = id.error().message;
            return Outcome::Failed;
        }
        return Outcome::Written;
    }
    const auto& request = std::get<QualifyRequest>(item);
    if (!qualificationFromString(toName(request.qualification))) {
        message = "qualification of alert '" + request.uid + "' dropped: no qualification given";
        return Outcome::Rejected;
    }
    auto found = m_store->find(request.uid);
    if (!found) {
        message = found.error().message;
        return Outcome::Failed;
    }
    if (!*found) {
        message = "qualification of alert '" + request.uid + "' dropped: no such alert";
        return Outcome::Rejected;
    }
    if (auto s = m_store->qualify(request.uid, request.qualification, request.comment, request.by,
                                  request.atMs);
        !s) {
        message = s.error().message;
        return Outcome::Failed;
    }
    return Outcome::Written;
}

void StoreWriter::run() {
    auto log = logger("store");
    auto backoff = m_options.initialBackoff;
    std::int64_t outageFailures = 0;
    for (;;) {
        Item item;
        {
            std::unique_lock lock(m_mutex);
            m_work.wait(lock, [this] { return m_abandon || m_stopping || !m_queue.empty(); });
            if (m_abandon || m_queue.empty()) {
                break;  // an empty queue here means stop() was called and all is written
            }
            item = m_queue.front();
        }

        std::string message;
        Outcome outcome = Outcome::Failed;
        // Thread entry point: nothing escapes; an unexpected exception is one more failure
        // of this attempt, retried like the others.
        try {
            outcome = write(item, message);
        } catch (const std::exception& e) {
            message = std::string("unexpected error while writing an alert: ") + e.what();
        } catch (...) {
            message = "unexpected error while writing an alert";
        }

        if (outcome == Outcome::Failed) {
            ++m_failures;
            // Reopen on the next attempt: a replaced, remounted or repaired file is only
            // seen through a new connection.
            m_store.reset();
            if (outageFailures++ == 0) {
                log->error("{}; alerts are kept in memory and retried ({} pending)", message,
                           m_pending.load());
                report(message);
            } else {
                log->debug("store still failing (attempt {}): {}", outageFailures, message);
            }
            std::unique_lock lock(m_mutex);
            m_lastError = message;
            m_work.wait_for(lock, backoff, [this] { return m_abandon; });
            backoff = std::min(backoff * 2, m_options.maxBackoff);
            continue;
        }

        if (outageFailures > 0) {
            log->info("alert store writable again after {} failed attempts", outageFailures);
            outageFailures = 0;
            backoff = m_options.initialBackoff;
        }
        if (outcome == Outcome::Rejected) {
            ++m_rejected;
            log->error("{}", message);
            report(message);
        } else {
            ++m_written;
        }
        {
            std::lock_guard lock(m_mutex);
            m_queue.pop_front();
            m_pending.store(static_cast<std::int64_t>(m_queue.size()));
            m_lastError.clear();
        }
        m_idle.notify_all();
    }
    m_store.reset();  // the connection is closed by the thread that used it
    m_idle.notify_all();
}

}  // namespace vigie::core
