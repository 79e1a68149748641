#pragma once
// Encrypted files shared by exports, backups and alert snapshots (libsodium): keys derived
// from a passphrase (Argon2id) or from the database key (crypto_kdf subkeys), and one sealed
// file format, written and read in chunks with crypto_secretstream (XChaCha20-Poly1305), that
// tells a wrong key, a truncated file and an altered byte apart, each with its own message.
// Also the durable write every writer of these files uses (temp file, fsync, rename, fsync
// of the directory): a power cut leaves the old file or the new one, never half of one.
//
// Sealed file format "VIGIEENC" version 1 (integers little-endian):
//   offset size
//    0      8   magic "VIGIEENC"
//    8      1   format version (1)
//    9      1   key kind: 1 = passphrase (Argon2id v1.3), 2 = raw key
//   10      2   reserved, zero
//   12      4   Argon2id operations limit (0 for a raw key)
//   16      4   Argon2id memory limit in KiB (0 for a raw key)
//   20     16   salt (zero for a raw key)
//   36      8   plaintext size in bytes
//   44     16   key check: BLAKE2b-128 of "vigie key check v1", keyed by the file key
//   60     24   secretstream header
//   84    ...   ceil(size / 64 KiB) chunks (one when empty) of 64 KiB of plaintext + 17 bytes;
//               only the last one carries the FINAL tag
// Bytes 0..59 and the caller's associated data (e.g. an alert uid, so that two files cannot
// be swapped) are authenticated with the first chunk: no field changes unnoticed. The key
// check tells a wrong key from damage before anything is decrypted; the size field tells a
// truncated file from an altered one.
//
// Thread: SealingKey is immutable and may be shared between threads; an UnsealingKey caches
// the keys it derives and is used by one thread at a time. Every holder of key bytes wipes
// them when destroyed (sodium_memzero).
//
//   auto key = SealingKey::fromPassphrase(passphrase);        // new salt, Argon2id once
//   if (auto s = sealFile("alerts.csv", "/media/usb/alerts.csv.enc", *key); !s) { ... }
//   UnsealingKey reader = UnsealingKey::fromPassphrase(passphrase);
//   auto plain = unsealBytes(readFileBytes("…/alerts.csv.enc").value(), reader);

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/key_provider.h"
#include "core/result.h"

namespace vigie::core {

// A 256-bit symmetric key, wiped on destruction.
struct SecretKey {
    static constexpr std::size_t kSize = 32;
    std::array<std::uint8_t, kSize> bytes{};

    SecretKey() = default;
    SecretKey(const SecretKey&) = default;
    SecretKey& operator=(const SecretKey&) = default;
    ~SecretKey();
};

inline constexpr std::size_t kSaltBytes = 16;
using Salt = std::array<std::uint8_t, kSaltBytes>;

// Argon2id costs. The default is RFC 9106's second recommended option (t = 3, m = 64 MiB),
// about half a second on a server core; tests pass cheaper ones. Readers accept at most
// kMaxKdfMemKiB and kMaxKdfOps so that a crafted file cannot exhaust the machine.
struct KdfParams {
    std::uint32_t opsLimit = 3;
    std::uint32_t memLimitKiB = 64 * 1024;
};
inline constexpr KdfParams kDefaultKdf{};
inline constexpr std::uint32_t kMaxKdfMemKiB = 1024 * 1024;
inline constexpr std::uint32_t kMaxKdfOps = 16;
// New passphrases (exports, backups) must have at least this many bytes.
inline constexpr std::size_t kMinPassphraseBytes = 12;

inline constexpr std::size_t kSealedHeaderBytes = 84;
inline constexpr std::size_t kSealChunkBytes = 64 * 1024;

Salt randomSalt();
// Argon2id v1.3 of the passphrase with this salt and these costs.
Result<SecretKey> deriveKeyFromPassphrase(std::string_view passphrase, const Salt& salt,
                                          const KdfParams& params);
// crypto_kdf_derive_from_key: a subkey of the database key for one purpose. `context` is
// exactly 8 characters ("snapshot"); each purpose has its own context and id.
Result<SecretKey> deriveSubkey(const DatabaseKey& master, std::uint64_t subkeyId,
                               std::string_view context);

enum class KeyKind { Invalid = 0, Passphrase, RawKey };

// The key new files are sealed with.
class SealingKey {
public:
    // Derives a key from the passphrase with a fresh random salt (one Argon2id run; every
    // file sealed with this key can be opened with the passphrase alone). Refuses a
    // passphrase shorter than kMinPassphraseBytes.
    static Result<SealingKey> fromPassphrase(std::string_view passphrase,
                                             const KdfParams& params = kDefaultKdf);
    static SealingKey fromRawKey(const SecretKey& key);

    KeyKind kind() const { return m_kind; }

private:
    friend class SealWriter;
    SealingKey() = default;

    SecretKey m_key;
    KeyKind m_kind = KeyKind::Invalid;
    KdfParams m_params{0, 0};
    Salt m_salt{};
};

// What a reader opens sealed files with: the passphrase (the key is derived again from the
// salt and costs in each file, and cached per salt) or a raw key.
class UnsealingKey {
public:
    static UnsealingKey fromPassphrase(std::string_view passphrase);
    static UnsealingKey fromRawKey(const SecretKey& key);

    UnsealingKey(UnsealingKey&& other) noexcept = default;
    UnsealingKey& operator=(UnsealingKey&& other) noexcept = default;
    UnsealingKey(const UnsealingKey&) = delete;
    UnsealingKey& operator=(const UnsealingKey&) = delete;
    ~UnsealingKey();

    KeyKind kind() const { return m_kind; }

private:
    friend class SealReader;
    UnsealingKey() = default;
    Result<const SecretKey*> keyFor(const Salt& salt, const KdfParams& params);

    struct Derived {
        Salt salt{};
        KdfParams params{};
        SecretKey key;
    };
    KeyKind m_kind = KeyKind::Invalid;
    std::string m_passphrase;
    SecretKey m_rawKey;
    std::vector<Derived> m_cache;
};

// Size of the sealed form of `plainBytes` bytes.
std::uint64_t sealedSize(std::uint64_t plainBytes);
// Whether the bytes start with the sealed-file magic.
bool looksSealed(std::span<const std::uint8_t> bytes);

// `what` names the data in error messages ("the snapshot of alert 3f…", a file path).
Result<std::vector<std::uint8_t>> sealBytes(std::span<const std::uint8_t> plain,
                                            const SealingKey& key,
                                            std::string_view associatedData = {});
Result<std::vector<std::uint8_t>> unsealBytes(std::span<const std::uint8_t> sealed,
                                              UnsealingKey& key,
                                              std::string_view associatedData = {},
                                              std::string_view what = "the encrypted data");

// Streams a file through the sealer into `sealedPath` (durably, 0600). The output appears
// only when complete; on failure nothing is left at `sealedPath`.
Status sealFile(const std::string& plainPath, const std::string& sealedPath, const SealingKey& key,
                std::string_view associatedData = {});
// Decrypts a sealed file into `plainPath` (0600); the output appears only once every chunk
// has been authenticated, so a damaged file never yields a partial plaintext.
Status unsealFile(const std::string& sealedPath, const std::string& plainPath, UnsealingKey& key,
                  std::string_view associatedData = {});

// Overwrites a secret held in a string (sodium_memzero, which the optimiser keeps) and
// empties it.
void wipeString(std::string& secret);

// Lower-case hex SHA-256 (files: sha256File in model_manifest.h).
std::string sha256Hex(std::span<const std::uint8_t> bytes);
std::span<const std::uint8_t> asBytes(std::string_view text);

// Reads a whole file, refusing one larger than `maxBytes`.
Result<std::vector<std::uint8_t>> readFileBytes(const std::string& path,
                                                std::uint64_t maxBytes = 1ULL << 30);
// Writes `bytes` to `path` durably: temp file in the same directory, fsync, rename, fsync of
// the directory. An existing file is replaced atomically; on failure it is left as it was
// and the temp file is removed. Messages name the path and say when the disk is full.
Status writeFileAtomic(const std::string& path, std::span<const std::uint8_t> bytes,
                       mode_t mode = 0600);
// fsync of a directory, so that names created or renamed in it survive a power cut.
Status syncDirectory(const std::string& dir);
// A user-facing description of an errno from writing `path` (disk full, file too large for
// the file system, read-only, permission).
std::string describeWriteError(int err, const std::string& path);

}  // namespace vigie::core
