#include "core/crypto_box.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

namespace vigie::core {

namespace {

constexpr std::array<std::uint8_t, 8> kMagic = {'V', 'I', 'G', 'I', 'E', 'E', 'N', 'C'};
constexpr std::uint8_t kFormatVersion = 1;
constexpr std::uint8_t kKindPassphrase = 1;
constexpr std::uint8_t kKindRawKey = 2;
constexpr std::size_t kAuthenticatedHeaderBytes = 60;  // magic … key check
constexpr std::size_t kKeyCheckOffset = 44;
constexpr std::size_t kKeyCheckBytes = 16;
constexpr std::size_t kStreamHeaderOffset = 60;
constexpr std::size_t kChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::string_view kKeyCheckLabel = "vigie key check v1";

static_assert(kStreamHeaderOffset + crypto_secretstream_xchacha20poly1305_HEADERBYTES ==
              kSealedHeaderBytes);
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == SecretKey::kSize);
static_assert(crypto_pwhash_SALTBYTES == kSaltBytes);
static_assert(crypto_kdf_KEYBYTES == DatabaseKey::kSize);

void ensureSodium() {
    if (sodium_init() < 0) {
        std::abort();  // no entropy source: nothing encrypted here could be trusted
    }
}

void putU32(std::uint8_t* out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        out[i] = static_cast<std::uint8_t>(v >> (8 * i));
    }
}
void putU64(std::uint8_t* out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<std::uint8_t>(v >> (8 * i));
    }
}
std::uint32_t getU32(const std::uint8_t* in) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) {
        v = (v << 8) | in[i];
    }
    return v;
}
std::uint64_t getU64(const std::uint8_t* in) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) {
        v = (v << 8) | in[i];
    }
    return v;
}

std::array<std::uint8_t, kKeyCheckBytes> keyCheck(const SecretKey& key) {
    std::array<std::uint8_t, kKeyCheckBytes> out{};
    crypto_generichash(out.data(), out.size(),
                       reinterpret_cast<const unsigned char*>(kKeyCheckLabel.data()),
                       kKeyCheckLabel.size(), key.bytes.data(), key.bytes.size());
    return out;
}

std::uint64_t chunkCount(std::uint64_t plainBytes) {
    return plainBytes == 0 ? 1 : (plainBytes + kSealChunkBytes - 1) / kSealChunkBytes;
}

class FdGuard {
public:
    explicit FdGuard(int fd) : m_fd(fd) {}
    FdGuard(const FdGuard&) = delete;
    FdGuard& operator=(const FdGuard&) = delete;
    ~FdGuard() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    int get() const { return m_fd; }
    int release() {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

bool writeAll(int fd, const std::uint8_t* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

// Reads up to `size` bytes; fewer only at the end of the file. -1 on error.
ssize_t readFull(int fd, std::uint8_t* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, data + done, size - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        if (n == 0) {
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(done);
}

// A temp file next to `path`, renamed over it by commit(); removed otherwise.
class AtomicFile {
public:
    static Result<AtomicFile> create(const std::string& path, mode_t mode) {
        std::string temp = path + ".tmp-XXXXXX";
        const int fd = ::mkstemp(temp.data());
        if (fd < 0) {
            return makeError(describeWriteError(errno, path));
        }
        AtomicFile file(path, std::move(temp), fd);
        if (::fchmod(fd, mode) != 0) {
            return makeError(describeWriteError(errno, path));
        }
        return file;
    }
    AtomicFile(AtomicFile&& other) noexcept
        : m_path(std::move(other.m_path)),
          m_temp(std::move(other.m_temp)),
          m_fd(std::exchange(other.m_fd, -1)) {}
    AtomicFile& operator=(AtomicFile&&) = delete;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        if (!m_temp.empty()) {
            ::unlink(m_temp.c_str());
        }
    }

    int fd() const { return m_fd; }

    Status write(const std::uint8_t* data, std::size_t size) {
        if (!writeAll(m_fd, data, size)) {
            return makeError(describeWriteError(errno, m_path));
        }
        return okStatus();
    }

    Status commit() {
        if (::fsync(m_fd) != 0) {
            return makeError(describeWriteError(errno, m_path));
        }
        const int fd = std::exchange(m_fd, -1);
        if (::close(fd) != 0) {
            return makeError(describeWriteError(errno, m_path));
        }
        if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
            return makeError(describeWriteError(errno, m_path));
        }
        m_temp.clear();
        const auto dir = std::filesystem::path(m_path).parent_path();
        return syncDirectory(dir.empty() ? "." : dir.string());
    }

private:
    AtomicFile(std::string path, std::string temp, int fd)
        : m_path(std::move(path)), m_temp(std::move(temp)), m_fd(fd) {}

    std::string m_path;
    std::string m_temp;
    int m_fd = -1;
};

}  // namespace

// --- keys ---------------------------------------------------------------------------------

SecretKey::~SecretKey() {
    sodium_memzero(bytes.data(), bytes.size());
}

Salt randomSalt() {
    ensureSodium();
    Salt salt{};
    randombytes_buf(salt.data(), salt.size());
    return salt;
}

Result<SecretKey> deriveKeyFromPassphrase(std::string_view passphrase, const Salt& salt,
                                          const KdfParams& params) {
    ensureSodium();
    if (params.opsLimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || params.opsLimit > kMaxKdfOps ||
        std::uint64_t(params.memLimitKiB) * 1024 < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
        params.memLimitKiB > kMaxKdfMemKiB) {
        return makeError("unsupported Argon2id costs (operations " +
                         std::to_string(params.opsLimit) + ", memory " +
                         std::to_string(params.memLimitKiB) + " KiB)");
    }
    SecretKey key;
    if (crypto_pwhash(key.bytes.data(), key.bytes.size(), passphrase.data(), passphrase.size(),
                      salt.data(), params.opsLimit, std::size_t(params.memLimitKiB) * 1024,
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return makeError(
            "not enough memory to derive the key from the passphrase (Argon2id needs " +
            std::to_string(params.memLimitKiB / 1024) + " MiB)");
    }
    return key;
}

Result<SecretKey> deriveSubkey(const DatabaseKey& master, std::uint64_t subkeyId,
                               std::string_view context) {
    ensureSodium();
    if (context.size() != crypto_kdf_CONTEXTBYTES) {
        return makeError("internal error: a key derivation context has exactly 8 characters");
    }
    char ctx[crypto_kdf_CONTEXTBYTES + 1] = {};
    std::memcpy(ctx, context.data(), context.size());
    SecretKey key;
    if (crypto_kdf_derive_from_key(key.bytes.data(), key.bytes.size(), subkeyId, ctx,
                                   master.bytes.data()) != 0) {
        return makeError("cannot derive a subkey of the database key");
    }
    return key;
}

Result<SealingKey> SealingKey::fromPassphrase(std::string_view passphrase,
                                              const KdfParams& params) {
    if (passphrase.size() < kMinPassphraseBytes) {
        return makeError("the passphrase is too short: use at least " +
                         std::to_string(kMinPassphraseBytes) +
                         " characters (a few random words are easy to type and hard to guess)");
    }
    SealingKey sealing;
    sealing.m_kind = KeyKind::Passphrase;
    sealing.m_params = params;
    sealing.m_salt = randomSalt();
    auto key = deriveKeyFromPassphrase(passphrase, sealing.m_salt, params);
    if (!key) {
        return key.error();
    }
    sealing.m_key = *key;
    return sealing;
}

SealingKey SealingKey::fromRawKey(const SecretKey& key) {
    SealingKey sealing;
    sealing.m_kind = KeyKind::RawKey;
    sealing.m_key = key;
    return sealing;
}

UnsealingKey UnsealingKey::fromPassphrase(std::string_view passphrase) {
    UnsealingKey k;
    k.m_kind = KeyKind::Passphrase;
    k.m_passphrase = std::string(passphrase);
    return k;
}

UnsealingKey UnsealingKey::fromRawKey(const SecretKey& key) {
    UnsealingKey k;
    k.m_kind = KeyKind::RawKey;
    k.m_rawKey = key;
    return k;
}

UnsealingKey::~UnsealingKey() {
    sodium_memzero(m_passphrase.data(), m_passphrase.size());
}

Result<const SecretKey*> UnsealingKey::keyFor(const Salt& salt, const KdfParams& params) {
    if (m_kind == KeyKind::RawKey) {
        return &m_rawKey;
    }
    for (const Derived& d : m_cache) {
        if (d.salt == salt && d.params.opsLimit == params.opsLimit &&
            d.params.memLimitKiB == params.memLimitKiB) {
            return &d.key;
        }
    }
    auto key = deriveKeyFromPassphrase(m_passphrase, salt, params);
    if (!key) {
        return key.error();
    }
    m_cache.push_back({salt, params, *key});
    return &m_cache.back().key;
}

// --- sealing ------------------------------------------------------------------------------

// Encrypts a stream of known length chunk by chunk.
class SealWriter {
public:
    SealWriter(const SealingKey& key, std::uint64_t plainBytes, std::string_view ad)
        : m_key(key), m_plainBytes(plainBytes), m_chunksLeft(chunkCount(plainBytes)), m_ad(ad) {}

    std::array<std::uint8_t, kSealedHeaderBytes> header() {
        ensureSodium();
        std::array<std::uint8_t, kSealedHeaderBytes> h{};
        std::memcpy(h.data(), kMagic.data(), kMagic.size());
        h[8] = kFormatVersion;
        h[9] = m_key.m_kind == KeyKind::Passphrase ? kKindPassphrase : kKindRawKey;
        if (m_key.m_kind == KeyKind::Passphrase) {
            putU32(h.data() + 12, m_key.m_params.opsLimit);
            putU32(h.data() + 16, m_key.m_params.memLimitKiB);
            std::memcpy(h.data() + 20, m_key.m_salt.data(), kSaltBytes);
        }
        putU64(h.data() + 36, m_plainBytes);
        const auto check = keyCheck(m_key.m_key);
        std::memcpy(h.data() + kKeyCheckOffset, check.data(), check.size());
        crypto_secretstream_xchacha20poly1305_init_push(&m_state, h.data() + kStreamHeaderOffset,
                                                        m_key.m_key.bytes.data());
        m_firstAd.assign(h.begin(), h.begin() + kAuthenticatedHeaderBytes);
        m_firstAd.insert(m_firstAd.end(), m_ad.begin(), m_ad.end());
        return h;
    }

    // Appends the sealed chunk to `out`; chunks are kSealChunkBytes except the last.
    void push(const std::uint8_t* plain, std::size_t size, std::vector<std::uint8_t>& out) {
        const bool last = --m_chunksLeft == 0;
        const std::size_t at = out.size();
        out.resize(at + size + kChunkOverhead);
        const bool first = !m_firstAd.empty();
        crypto_secretstream_xchacha20poly1305_push(
            &m_state, out.data() + at, nullptr, plain, size, first ? m_firstAd.data() : nullptr,
            first ? m_firstAd.size() : 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        m_firstAd.clear();
    }

    ~SealWriter() { sodium_memzero(&m_state, sizeof m_state); }

private:
    const SealingKey& m_key;
    std::uint64_t m_plainBytes;
    std::uint64_t m_chunksLeft;
    std::string_view m_ad;
    std::vector<std::uint8_t> m_firstAd;
    crypto_secretstream_xchacha20poly1305_state m_state{};
};

// Checks a header and decrypts chunk by chunk.
class SealReader {
public:
    SealReader(UnsealingKey& key, std::string_view ad, std::string_view what)
        : m_key(key), m_ad(ad), m_what(what) {}
    ~SealReader() { sodium_memzero(&m_state, sizeof m_state); }

    // `available`: bytes of the header read; `totalBytes`: size of the whole sealed data.
    Status open(const std::uint8_t* h, std::size_t available, std::uint64_t totalBytes) {
        ensureSodium();
        if (available < kMagic.size() || std::memcmp(h, kMagic.data(), kMagic.size()) != 0) {
            if (available < kMagic.size() && std::memcmp(h, kMagic.data(), available) == 0) {
                return fail("is truncated (" + std::to_string(totalBytes) +
                            " bytes, not even a header)");
            }
            return fail("is not a Vigie encrypted file");
        }
        if (available < kSealedHeaderBytes) {
            return fail("is truncated (" + std::to_string(totalBytes) +
                        " bytes, not even a header)");
        }
        if (h[8] != kFormatVersion) {
            return fail("has format version " + std::to_string(h[8]) +
                        ", which this version of Vigie cannot read: upgrade Vigie");
        }
        if ((h[9] != kKindPassphrase && h[9] != kKindRawKey) || h[10] != 0 || h[11] != 0) {
            return fail("has a damaged header");
        }
        const bool passphrase = h[9] == kKindPassphrase;
        if (passphrase && m_key.kind() != KeyKind::Passphrase) {
            return fail("is protected by a passphrase, not by a key");
        }
        if (!passphrase && m_key.kind() != KeyKind::RawKey) {
            return fail("is protected by a key, not by a passphrase");
        }
        m_plainBytes = getU64(h + 36);
        if (m_plainBytes > (std::uint64_t(1) << 50)) {
            return fail("has a damaged header");
        }
        m_chunksLeft = chunkCount(m_plainBytes);
        const std::uint64_t expected = sealedSize(m_plainBytes);
        if (totalBytes < expected) {
            return fail("is truncated or damaged: it has " + std::to_string(totalBytes) +
                        " bytes, its header announces " + std::to_string(expected));
        }
        if (totalBytes > expected) {
            return fail("has unexpected data after its end (" +
                        std::to_string(totalBytes - expected) + " bytes): it was altered");
        }
        Salt salt{};
        KdfParams params{0, 0};
        if (passphrase) {
            params = {getU32(h + 12), getU32(h + 16)};
            std::memcpy(salt.data(), h + 20, kSaltBytes);
            if (params.opsLimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
                params.opsLimit > kMaxKdfOps ||
                std::uint64_t(params.memLimitKiB) * 1024 < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
                params.memLimitKiB > kMaxKdfMemKiB) {
                return fail("has a damaged header (unsupported Argon2id costs)");
            }
        }
        auto key = m_key.keyFor(salt, params);
        if (!key) {
            return fail("cannot be opened: " + key.error().message);
        }
        const auto check = keyCheck(**key);
        if (sodium_memcmp(check.data(), h + kKeyCheckOffset, kKeyCheckBytes) != 0) {
            return fail(passphrase ? "cannot be opened: wrong passphrase (if the passphrase is "
                                     "right, the file's header is damaged)"
                                   : "cannot be opened: wrong key (it was encrypted with another "
                                     "key, or its header is damaged)");
        }
        if (crypto_secretstream_xchacha20poly1305_init_pull(&m_state, h + kStreamHeaderOffset,
                                                            (*key)->bytes.data()) != 0) {
            return fail("has a damaged header");
        }
        m_firstAd.assign(h, h + kAuthenticatedHeaderBytes);
        m_firstAd.insert(m_firstAd.end(), m_ad.begin(), m_ad.end());
        return okStatus();
    }

    std::uint64_t plainBytes() const { return m_plainBytes; }
    std::uint64_t chunksLeft() const { return m_chunksLeft; }
    // Size of the next sealed chunk.
    std::size_t nextChunkBytes() const {
        const std::uint64_t done = (chunkCount(m_plainBytes) - m_chunksLeft) * kSealChunkBytes;
        const std::uint64_t left = m_plainBytes - done;
        return std::size_t(std::min<std::uint64_t>(left, kSealChunkBytes)) + kChunkOverhead;
    }

    // Decrypts the next chunk, appending to `out`.
    Status pull(const std::uint8_t* sealed, std::size_t size, std::vector<std::uint8_t>& out) {
        const std::size_t at = out.size();
        out.resize(at + size - kChunkOverhead);
        unsigned char tag = 0;
        const bool first = !m_firstAd.empty();
        const std::uint64_t index = chunkCount(m_plainBytes) - m_chunksLeft;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &m_state, out.data() + at, nullptr, &tag, sealed, size,
                first ? m_firstAd.data() : nullptr, first ? m_firstAd.size() : 0) != 0) {
            out.resize(at);
            return fail(
                "was altered or damaged: authentication failed at byte " +
                std::to_string(kSealedHeaderBytes + index * (kSealChunkBytes + kChunkOverhead)) +
                (first && !m_ad.empty() ? " (or it belongs to another record)" : ""));
        }
        m_firstAd.clear();
        const bool last = --m_chunksLeft == 0;
        if (last != (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)) {
            return fail("was altered: its chunks are out of order");
        }
        return okStatus();
    }

private:
    Error fail(const std::string& why) const { return makeError(std::string(m_what) + " " + why); }

    UnsealingKey& m_key;
    std::string_view m_ad;
    std::string_view m_what;
    std::uint64_t m_plainBytes = 0;
    std::uint64_t m_chunksLeft = 0;
    std::vector<std::uint8_t> m_firstAd;
    crypto_secretstream_xchacha20poly1305_state m_state{};
};

std::uint64_t sealedSize(std::uint64_t plainBytes) {
    return kSealedHeaderBytes + plainBytes + chunkCount(plainBytes) * kChunkOverhead;
}

bool looksSealed(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= kMagic.size() &&
           std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) == 0;
}

Result<std::vector<std::uint8_t>> sealBytes(std::span<const std::uint8_t> plain,
                                            const SealingKey& key,
                                            std::string_view associatedData) {
    if (key.kind() == KeyKind::Invalid) {
        return makeError("internal error: no sealing key");
    }
    SealWriter writer(key, plain.size(), associatedData);
    const auto header = writer.header();
    std::vector<std::uint8_t> out(header.begin(), header.end());
    out.reserve(sealedSize(plain.size()));
    std::size_t at = 0;
    do {
        const std::size_t n = std::min(kSealChunkBytes, plain.size() - at);
        writer.push(plain.data() + at, n, out);
        at += n;
    } while (at < plain.size());
    return out;
}

Result<std::vector<std::uint8_t>> unsealBytes(std::span<const std::uint8_t> sealed,
                                              UnsealingKey& key, std::string_view associatedData,
                                              std::string_view what) {
    SealReader reader(key, associatedData, what);
    if (auto s = reader.open(sealed.data(), sealed.size(), sealed.size()); !s) {
        return s.error();
    }
    std::vector<std::uint8_t> out;
    out.reserve(reader.plainBytes());
    std::size_t at = kSealedHeaderBytes;
    while (reader.chunksLeft() > 0) {
        const std::size_t n = reader.nextChunkBytes();
        if (auto s = reader.pull(sealed.data() + at, n, out); !s) {
            sodium_memzero(out.data(), out.size());
            return s.error();
        }
        at += n;
    }
    return out;
}

Status sealFile(const std::string& plainPath, const std::string& sealedPath, const SealingKey& key,
                std::string_view associatedData) {
    if (key.kind() == KeyKind::Invalid) {
        return makeError("internal error: no sealing key");
    }
    FdGuard in(::open(plainPath.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (in.get() < 0 || ::fstat(in.get(), &st) != 0) {
        return makeError("cannot read " + plainPath + ": " + std::strerror(errno));
    }
    const auto plainBytes = static_cast<std::uint64_t>(st.st_size);
    auto out = AtomicFile::create(sealedPath, 0600);
    if (!out) {
        return out.error();
    }
    SealWriter writer(key, plainBytes, associatedData);
    const auto header = writer.header();
    if (auto s = out->write(header.data(), header.size()); !s) {
        return s;
    }
    std::vector<std::uint8_t> plain(kSealChunkBytes);
    std::vector<std::uint8_t> sealed;
    std::uint64_t done = 0;
    do {
        const std::size_t want =
            std::size_t(std::min<std::uint64_t>(kSealChunkBytes, plainBytes - done));
        const ssize_t n = readFull(in.get(), plain.data(), want);
        if (n < 0) {
            return makeError("cannot read " + plainPath + ": " + std::strerror(errno));
        }
        if (std::size_t(n) != want) {
            return makeError(plainPath + " changed while it was being encrypted");
        }
        sealed.clear();
        writer.push(plain.data(), want, sealed);
        if (auto s = out->write(sealed.data(), sealed.size()); !s) {
            return s;
        }
        done += want;
    } while (done < plainBytes);
    sodium_memzero(plain.data(), plain.size());
    return out->commit();
}

Status unsealFile(const std::string& sealedPath, const std::string& plainPath, UnsealingKey& key,
                  std::string_view associatedData) {
    FdGuard in(::open(sealedPath.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (in.get() < 0 || ::fstat(in.get(), &st) != 0) {
        return makeError("cannot read " + sealedPath + ": " + std::strerror(errno));
    }
    std::array<std::uint8_t, kSealedHeaderBytes> header{};
    const ssize_t got = readFull(in.get(), header.data(), header.size());
    if (got < 0) {
        return makeError("cannot read " + sealedPath + ": " + std::strerror(errno));
    }
    SealReader reader(key, associatedData, sealedPath);
    if (auto s = reader.open(header.data(), std::size_t(got), std::uint64_t(st.st_size)); !s) {
        return s;
    }
    auto out = AtomicFile::create(plainPath, 0600);
    if (!out) {
        return out.error();
    }
    std::vector<std::uint8_t> sealed(kSealChunkBytes + kChunkOverhead);
    std::vector<std::uint8_t> plain;
    while (reader.chunksLeft() > 0) {
        const std::size_t n = reader.nextChunkBytes();
        const ssize_t r = readFull(in.get(), sealed.data(), n);
        if (r < 0) {
            return makeError("cannot read " + sealedPath + ": " + std::strerror(errno));
        }
        if (std::size_t(r) != n) {
            return makeError(sealedPath + " is truncated (it shrank while being read)");
        }
        plain.clear();
        if (auto s = reader.pull(sealed.data(), n, plain); !s) {
            return s;
        }
        if (auto s = out->write(plain.data(), plain.size()); !s) {
            return s;
        }
    }
    sodium_memzero(plain.data(), plain.size());
    return out->commit();
}

// --- hashing and files --------------------------------------------------------------------

std::string sha256Hex(std::span<const std::uint8_t> bytes) {
    ensureSodium();
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.resize(digest.size() * 2);
    return hex;
}

void wipeString(std::string& secret) {
    sodium_memzero(secret.data(), secret.size());
    secret.clear();
}

std::span<const std::uint8_t> asBytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

Result<std::vector<std::uint8_t>> readFileBytes(const std::string& path, std::uint64_t maxBytes) {
    FdGuard fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0) {
        return makeError("cannot read " + path + ": " + std::strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return makeError("cannot read " + path + ": not a regular file");
    }
    if (static_cast<std::uint64_t>(st.st_size) > maxBytes) {
        return makeError(path + " is too large (" + std::to_string(st.st_size) +
                         " bytes, at most " + std::to_string(maxBytes) + ")");
    }
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(st.st_size));
    const ssize_t n = readFull(fd.get(), bytes.data(), bytes.size());
    if (n < 0) {
        return makeError("cannot read " + path + ": " + std::strerror(errno));
    }
    bytes.resize(static_cast<std::size_t>(n));
    return bytes;
}

Status writeFileAtomic(const std::string& path, std::span<const std::uint8_t> bytes, mode_t mode) {
    auto file = AtomicFile::create(path, mode);
    if (!file) {
        return file.error();
    }
    if (auto s = file->write(bytes.data(), bytes.size()); !s) {
        return s;
    }
    return file->commit();
}

Status syncDirectory(const std::string& dir) {
    FdGuard fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
        // Some file systems (FAT on removable media) refuse fsync on a directory: not fatal.
        if (errno == EINVAL || errno == ENOTSUP) {
            return okStatus();
        }
        return makeError(describeWriteError(errno, dir));
    }
    return okStatus();
}

std::string describeWriteError(int err, const std::string& path) {
    switch (err) {
        case ENOSPC:
        case EDQUOT:
            return "no space left on the device holding " + path;
        case EFBIG:
            return "cannot write " + path +
                   ": file too large for the file system (FAT32 stops at 4 GiB: use exFAT or "
                   "ext4) or above the size limit";
        case EROFS:
            return "cannot write " + path + ": the file system is read-only";
        case EACCES:
        case EPERM:
            return "cannot write " + path + ": permission denied";
        case ENOENT:
            return "cannot write " + path + ": its directory does not exist";
        default:
            return "cannot write " + path + ": " + std::strerror(err);
    }
}

}  // namespace vigie::core
