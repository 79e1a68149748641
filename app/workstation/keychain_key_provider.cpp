#include "app/workstation/keychain_key_provider.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

#include "core/key_file.h"
#include "core/log.h"

namespace vigie::app {

namespace {

constexpr int kKeychainTimeoutMs = 10000;

// Runs a QtKeychain job to completion (bounded: a wedged keyring daemon must not hang the
// workstation's start).
bool runJob(QKeychain::Job& job) {
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!finished) {
        loop.exec();
    }
    return finished;
}

}  // namespace

KeychainKeyProvider::KeychainKeyProvider(QString entry, std::string fallbackKeyFile)
    : m_entry(std::move(entry)), m_fallbackKeyFile(std::move(fallbackKeyFile)) {}

std::string KeychainKeyProvider::describe() const {
    return m_usedFallback ? "key file " + m_fallbackKeyFile
                          : "session keyring entry " + m_entry.toStdString();
}

core::Result<core::DatabaseKey> KeychainKeyProvider::loadOrCreateKey() {
    auto log = core::logger("store");
    QKeychain::ReadPasswordJob read(QString::fromLatin1(kService));
    read.setKey(m_entry);
    const bool readDone = runJob(read);
    if (readDone && read.error() == QKeychain::NoError) {
        auto key = core::parseKeyText(read.textData().toStdString());
        if (!key) {
            return core::makeError("the keyring entry " + m_entry.toStdString() +
                                   " does not hold a Vigie database key");
        }
        m_usedFallback = false;
        return key;
    }
    if (readDone && read.error() == QKeychain::EntryNotFound) {
        const core::DatabaseKey key = core::randomDatabaseKey();
        QKeychain::WritePasswordJob write(QString::fromLatin1(kService));
        write.setKey(m_entry);
        write.setTextData(QString::fromStdString(core::databaseKeyToHex(key)));
        if (runJob(write) && write.error() == QKeychain::NoError) {
            log->info("created a new database key in the session keyring ({})",
                      m_entry.toStdString());
            m_usedFallback = false;
            return key;
        }
        log->warn("cannot store the database key in the keyring ({}); using a key file",
                  write.errorString().toStdString());
    } else {
        log->warn("no session keyring ({}); the database key is kept in the key file {}",
                  readDone ? read.errorString().toStdString() : std::string("timed out"),
                  m_fallbackKeyFile);
    }
    m_usedFallback = true;
    core::KeyFileProvider file(m_fallbackKeyFile);
    return file.loadOrCreateKey();
}

core::Result<std::string> readKeychainCredentials(const QString& reference) {
    QKeychain::ReadPasswordJob read(QString::fromLatin1(KeychainKeyProvider::kService));
    read.setKey(QStringLiteral("camera-credentials/") + reference);
    if (!runJob(read)) {
        return core::makeError("the session keyring did not answer");
    }
    if (read.error() != QKeychain::NoError) {
        return core::makeError("no credentials '" + reference.toStdString() +
                               "' in the session keyring (" + read.errorString().toStdString() +
                               ")");
    }
    return read.textData().toStdString();
}

core::Status writeKeychainCredentials(const QString& reference, const QString& userAndPassword) {
    QKeychain::WritePasswordJob write(QString::fromLatin1(KeychainKeyProvider::kService));
    write.setKey(QStringLiteral("camera-credentials/") + reference);
    write.setTextData(userAndPassword);
    if (!runJob(write) || write.error() != QKeychain::NoError) {
        return core::makeError("cannot store credentials '" + reference.toStdString() +
                               "' in the session keyring: " + write.errorString().toStdString());
    }
    return {};
}

}  // namespace vigie::app
