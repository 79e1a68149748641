#pragma once
// The database key on a desktop: a raw 256-bit key held by the session keyring through
// QtKeychain (Secret Service on Linux), created on first use. Where no keyring is
// available (headless session, no D-Bus), the key falls back to a 0600 key file, with a
// warning — never to the configuration or the logs.
// Thread: GUI thread (QtKeychain jobs run a local event loop until they finish).

#include <QString>

#include <memory>

#include "core/key_provider.h"

namespace vigie::app {

class KeychainKeyProvider final : public core::KeyProvider {
public:
    // `entry` names the secret ("database-key/<site id>"); `fallbackKeyFile` is used when
    // the keyring cannot be reached.
    KeychainKeyProvider(QString entry, std::string fallbackKeyFile);

    core::Result<core::DatabaseKey> loadOrCreateKey() override;
    std::string describe() const override;
    bool usedFallback() const { return m_usedFallback; }

    static constexpr const char* kService = "Vigie";

private:
    QString m_entry;
    std::string m_fallbackKeyFile;
    bool m_usedFallback = false;
};

// Camera credentials ("user:password") kept in the session keyring under
// "camera-credentials/<reference>". Looked up on the GUI thread (QtKeychain needs an event
// loop); the engine receives the resolved values.
core::Result<std::string> readKeychainCredentials(const QString& reference);
core::Status writeKeychainCredentials(const QString& reference, const QString& userAndPassword);

}  // namespace vigie::app
