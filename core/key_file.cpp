#include "core/key_file.h"

#include <fcntl.h>
#include <sodium.h>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/log.h"

namespace vigie::core {

DatabaseKey::~DatabaseKey() {
    sodium_memzero(bytes.data(), bytes.size());
}

KeyProvider::~KeyProvider() = default;

namespace {

constexpr std::size_t kHexChars = DatabaseKey::kSize * 2;
// Longer than any well-formed key file: anything bigger is refused without reading it all.
constexpr std::size_t kMaxFileBytes = 256;
constexpr mode_t kFileMode = 0600;
constexpr mode_t kDirMode = 0700;

std::string errnoText(int err) {
    return std::strerror(err);
}

std::string octalMode(mode_t mode) {
    std::array<char, 8> text{};
    std::snprintf(text.data(), text.size(), "%04o", static_cast<unsigned>(mode & 07777));
    return text.data();
}

// Wipes a buffer that held key material when it goes out of scope, whatever the return path.
template <std::size_t N>
struct WipedBuffer {
    std::array<char, N> data{};
    ~WipedBuffer() { sodium_memzero(data.data(), data.size()); }
};

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
    // Closes now and reports the error that close() may carry (deferred write errors).
    int close() {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }

private:
    int m_fd;
};

// Creates every missing directory of `dir` with mode 0700 (exactly: the umask is undone).
Status createDirectories(const std::filesystem::path& dir) {
    if (dir.empty()) {
        return okStatus();
    }
    std::filesystem::path current;
    for (const auto& part : dir) {
        current /= part;
        if (::mkdir(current.c_str(), kDirMode) == 0) {
            if (::chmod(current.c_str(), kDirMode) != 0) {
                return makeError("cannot set mode 0700 on the directory " + current.string() +
                                 ": " + errnoText(errno));
            }
            continue;
        }
        const int err = errno;
        struct stat st {};
        if (err == EEXIST && ::stat(current.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
            continue;
        }
        if (err == EEXIST) {
            return makeError("cannot create the key file directory " + dir.string() + ": " +
                             current.string() + " exists and is not a directory");
        }
        return makeError("cannot create the key file directory " + current.string() + ": " +
                         errnoText(err));
    }
    return okStatus();
}

bool writeAll(int fd, const char* data, std::size_t size) {
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

}  // namespace

Result<DatabaseKey> parseKeyText(std::string_view text) {
    if (text.ends_with("\r\n")) {
        text.remove_suffix(2);
    } else if (text.ends_with('\n')) {
        text.remove_suffix(1);
    }
    if (text.size() != kHexChars) {
        return makeError("expected 64 hexadecimal characters followed by a newline, found " +
                         std::to_string(text.size()) + " characters");
    }
    for (const char c : text) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) {
            // The offending character is not quoted: it sits among key material.
            return makeError("expected 64 hexadecimal characters, found another character");
        }
    }
    DatabaseKey key;
    std::size_t binLen = 0;
    if (sodium_hex2bin(key.bytes.data(), key.bytes.size(), text.data(), text.size(), nullptr,
                       &binLen, nullptr) != 0 ||
        binLen != key.bytes.size()) {
        return makeError("expected 64 hexadecimal characters");
    }
    return key;
}

KeyFileProvider::KeyFileProvider(std::string path) : m_path(std::move(path)) {}

std::string KeyFileProvider::describe() const {
    return "key file " + m_path;
}

Result<DatabaseKey> KeyFileProvider::loadOrCreateKey() {
    if (sodium_init() < 0) {
        return makeError("cannot initialise libsodium (no entropy source?) to load " + describe());
    }
    if (m_path.empty()) {
        return makeError("no key file path configured");
    }
    FdGuard fd(::open(m_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() >= 0) {
        return readExisting(fd.get());
    }
    if (errno != ENOENT) {
        return makeError("cannot read the key file " + m_path + ": " + errnoText(errno));
    }
    return create();
}

Result<DatabaseKey> KeyFileProvider::readExisting(int fd) const {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return makeError("cannot read the key file " + m_path + ": " + errnoText(errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return makeError("the key file " + m_path + " is not a regular file");
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return makeError("the key file " + m_path + " is accessible by group or others (mode " +
                         octalMode(st.st_mode) + "); only its owner may read it: run `chmod 600 " +
                         m_path + "` and check its owner, then start Vigie again");
    }
    const std::string malformed =
        "the key file " + m_path +
        " is malformed (expected 64 hexadecimal characters and a newline): ";
    if (static_cast<std::size_t>(st.st_size) > kMaxFileBytes) {
        return makeError(malformed + "the file holds " + std::to_string(st.st_size) + " bytes");
    }
    WipedBuffer<kMaxFileBytes + 1> buffer;
    std::size_t size = 0;
    while (size < buffer.data.size()) {
        const ssize_t n = ::read(fd, buffer.data.data() + size, buffer.data.size() - size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return makeError("cannot read the key file " + m_path + ": " + errnoText(errno));
        }
        if (n == 0) {
            break;
        }
        size += static_cast<std::size_t>(n);
    }
    auto key = parseKeyText(std::string_view(buffer.data.data(), size));
    if (!key) {
        return makeError(malformed + key.error().message +
                         ". If no database was encrypted with it yet, delete it and a new key is "
                         "created; otherwise restore it from the backup");
    }
    return key;
}

DatabaseKey randomDatabaseKey() {
    if (sodium_init() < 0) {
        std::abort();  // no entropy source: no key can be trusted
    }
    DatabaseKey key;
    randombytes_buf(key.bytes.data(), key.bytes.size());
    return key;
}

std::string databaseKeyToHex(const DatabaseKey& key) {
    std::string hex(DatabaseKey::kSize * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), key.bytes.data(), key.bytes.size());
    hex.resize(DatabaseKey::kSize * 2);
    return hex;
}

Result<DatabaseKey> KeyFileProvider::create() {
    const std::filesystem::path path(m_path);
    if (auto dirs = createDirectories(path.parent_path()); !dirs) {
        return dirs.error();
    }
    FdGuard fd(
        ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, kFileMode));
    if (fd.get() < 0) {
        if (errno == EEXIST) {
            // Another process created it between our two calls: use its key.
            FdGuard existing(::open(m_path.c_str(), O_RDONLY | O_CLOEXEC));
            if (existing.get() < 0) {
                return makeError("cannot read the key file " + m_path + ": " + errnoText(errno));
            }
            return readExisting(existing.get());
        }
        return makeError("cannot create the key file " + m_path + ": " + errnoText(errno));
    }

    const DatabaseKey key = randomDatabaseKey();
    WipedBuffer<kHexChars + 2> text;  // hex, '\n', and the terminator sodium_bin2hex writes
    sodium_bin2hex(text.data.data(), kHexChars + 1, key.bytes.data(), key.bytes.size());
    text.data[kHexChars] = '\n';

    // The umask may have taken bits from 0600; the owner must be able to read it back.
    const bool written = ::fchmod(fd.get(), kFileMode) == 0 &&
                         writeAll(fd.get(), text.data.data(), kHexChars + 1) &&
                         ::fsync(fd.get()) == 0;
    const int writeErr = errno;
    const bool closed = fd.close() == 0;
    if (!written || !closed) {
        ::unlink(m_path.c_str());
        return makeError("cannot write the key file " + m_path + ": " +
                         errnoText(written ? errno : writeErr));
    }

    // The new name must survive a power cut too, or the database outlives its key.
    const std::string dir = path.parent_path().empty() ? "." : path.parent_path().string();
    FdGuard dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dirFd.get() < 0 || ::fsync(dirFd.get()) != 0) {
        logger("store")->warn("could not sync the directory of the new key file {}: {}", m_path,
                              errnoText(errno));
    }
    logger("store")->info(
        "created a new database key in {} (mode 0600); back it up: without it "
        "the database cannot be read",
        m_path);
    return key;
}

}  // namespace vigie::core
