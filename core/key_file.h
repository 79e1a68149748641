#pragma once
// KeyFileProvider: the database key of a headless server, in a file only its owner may read
// (64 hexadecimal characters and a newline, the output of `openssl rand -hex 32`).
//
// - Missing file: 32 bytes from libsodium's randombytes_buf, written with
//   open(O_CREAT | O_EXCL, 0600) and fsync'ed (losing the key loses the database); missing
//   parent directories are created with mode 0700. When another process creates the file at
//   the same moment, its key is read instead.
// - Existing file: refused when group or others have any permission on it (the message tells
//   the administrator to `chmod 600`), or when its content is not exactly one key.
// - The key never reaches a log line or an error message.
//
// Thread: one provider per start-up, used from one thread. Owns nothing but the path.
//
//   KeyFileProvider keys("/var/lib/vigie/db.key");
//   Result<DatabaseKey> key = keys.loadOrCreateKey();

#include <string>
#include <string_view>

#include "core/key_provider.h"

namespace vigie::core {

class KeyFileProvider final : public KeyProvider {
public:
    explicit KeyFileProvider(std::string path);

    Result<DatabaseKey> loadOrCreateKey() override;
    std::string describe() const override;

    const std::string& path() const { return m_path; }

private:
    Result<DatabaseKey> readExisting(int fd) const;
    Result<DatabaseKey> create();

    std::string m_path;
};

// Parses the content of a key file: 64 hexadecimal characters, optionally followed by one
// line break ("\n" or "\r\n"). Errors never quote the content.
Result<DatabaseKey> parseKeyText(std::string_view text);
// 32 bytes from libsodium's CSPRNG.
DatabaseKey randomDatabaseKey();
// 64 lower-case hex characters, for key stores that hold text (the desktop keychain).
// The caller must not log it.
std::string databaseKeyToHex(const DatabaseKey& key);

}  // namespace vigie::core
