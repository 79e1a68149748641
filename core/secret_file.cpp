#include "core/secret_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigie::core {

Result<SecretFile> SecretFile::load(const std::string& path) {
    SecretFile f;
    f.m_path = path;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) {
            return f;
        }
        return makeError("cannot read the credentials file " + path + ": " + std::strerror(errno));
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return makeError("the credentials file " + path +
                         " may be read by other accounts; restrict it with chmod 600");
    }
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const auto j = nlohmann::json::parse(text.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return makeError("the credentials file " + path +
                         " is not a JSON object of \"reference\": \"user:password\"");
    }
    for (const auto& [ref, value] : j.items()) {
        if (!value.is_string()) {
            return makeError("the credentials file " + path + ": entry '" + ref +
                             "' is not a string");
        }
        f.m_secrets[ref] = value.get<std::string>();
    }
    return f;
}

Result<std::string> SecretFile::get(const std::string& reference) const {
    const auto it = m_secrets.find(reference);
    if (it == m_secrets.end()) {
        return makeError("no credentials named '" + reference + "' in " + m_path);
    }
    return it->second;
}

void SecretFile::set(const std::string& reference, const std::string& secret) {
    m_secrets[reference] = secret;
}

bool SecretFile::remove(const std::string& reference) {
    return m_secrets.erase(reference) > 0;
}

Status SecretFile::save() const {
    const std::filesystem::path path(m_path);
    std::error_code ec;
    if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path(), ec);
    }
    const std::string tmp = m_path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return makeError("cannot write the credentials file " + tmp + ": " + std::strerror(errno));
    }
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [ref, secret] : m_secrets) {
        j[ref] = secret;
    }
    const std::string text = j.dump(2) + "\n";
    const bool ok = ::fchmod(fd, 0600) == 0 &&
                    ::write(fd, text.data(), text.size()) == ssize_t(text.size()) &&
                    ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), m_path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return makeError("cannot write the credentials file " + m_path + ": " +
                         std::strerror(ok ? errno : err));
    }
    return okStatus();
}

}  // namespace vigie::core
