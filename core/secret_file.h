#pragma once
// Camera credentials on a headless server: a JSON object {"<reference>": "user:password"}
// in a file readable by the service account only (mode 0600, like the database key file).
// Site configurations name the reference (source.credentials), never the secret; desktop
// workstations keep the same references in the session keyring instead.
// Thread: load/save from one thread; the loaded map is a plain value.

#include <map>
#include <string>

#include "core/result.h"

namespace vigie::core {

class SecretFile {
public:
    // Reads the file; refuses one that group or others may read. A missing file is empty.
    static Result<SecretFile> load(const std::string& path);

    Result<std::string> get(const std::string& reference) const;
    void set(const std::string& reference, const std::string& secret);
    bool remove(const std::string& reference);
    std::size_t size() const { return m_secrets.size(); }
    // Writes atomically (temporary file, fsync, rename) with mode 0600.
    Status save() const;

private:
    std::string m_path;
    std::map<std::string, std::string> m_secrets;
};

}  // namespace vigie::core
