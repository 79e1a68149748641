#pragma once
// Where the raw 256-bit key of the encrypted database comes from. The key never appears in
// the configuration, a log line, an error message or the repository (DESIGN.md, "Storage and
// security"): a desktop keeps it in the system keychain (QtKeychain provider, app/), a
// headless server in a root-only key file (KeyFileProvider, key_file.h).
//
// Thread: a provider is called once at start-up, from the thread that opens the store; it
// is not shared. DatabaseKey is a value type, copied as little as possible.
//
//   KeyFileProvider keys("/etc/vigie/db.key");
//   Result<DatabaseKey> key = keys.loadOrCreateKey();
//   if (!key) { log->error("{}: {}", keys.describe(), key.error().message); return 1; }
//   auto store = AlertStore::open(path, *key);

#include <array>
#include <cstdint>
#include <string>

#include "core/result.h"

namespace vigie::core {

// A raw 256-bit key. Every copy wipes its bytes when destroyed (sodium_memzero, which the
// optimiser may not remove), so the key does not linger in freed memory.
struct DatabaseKey {
    static constexpr std::size_t kSize = 32;

    std::array<std::uint8_t, kSize> bytes{};

    DatabaseKey() = default;
    DatabaseKey(const DatabaseKey&) = default;
    DatabaseKey& operator=(const DatabaseKey&) = default;
    ~DatabaseKey();  // defined in key_file.cpp, which already depends on libsodium
};

class KeyProvider {
public:
    virtual ~KeyProvider();
    // The key, created and stored on first use. Errors are user-facing and never hold the key.
    virtual Result<DatabaseKey> loadOrCreateKey() = 0;
    // Where the key lives, for messages ("key file /etc/vigie/db.key"); never the key itself.
    virtual std::string describe() const = 0;
};

}  // namespace vigie::core
