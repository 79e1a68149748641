#pragma once
// Strict reading of JSON documents into typed values: every error is recorded with its
// JSON path ("$.cameras[0].zones[1].points"), unknown keys are rejected, and reading goes on
// after an error so that one pass reports everything. Used by every config parser in core.
// Thread: one reader per parse, not shared.

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::core {

struct ConfigIssue {
    std::string path;
    std::string message;
};

std::string formatIssues(const std::vector<ConfigIssue>& issues);

class JsonReader {
public:
    void error(const std::string& path, std::string message);
    bool hasErrors() const { return !m_issues.empty(); }
    const std::vector<ConfigIssue>& issues() const { return m_issues; }

    // Checks that `value` is an object whose keys are all in `allowed`.
    bool expectObject(const nlohmann::json& value, const std::string& path,
                      std::initializer_list<std::string_view> allowed);
    bool expectArray(const nlohmann::json& value, const std::string& path);

    // Field readers: a missing optional field leaves `out` untouched; a missing required
    // field or a wrong type records an error.
    bool readString(const nlohmann::json& obj, const std::string& path, const char* key,
                    std::string& out, bool required);
    bool readNumber(const nlohmann::json& obj, const std::string& path, const char* key,
                    double& out, bool required, double min, double max);
    bool readInt(const nlohmann::json& obj, const std::string& path, const char* key, int& out,
                 bool required, int min, int max);
    bool readBool(const nlohmann::json& obj, const std::string& path, const char* key, bool& out,
                  bool required);
    bool readStringList(const nlohmann::json& obj, const std::string& path, const char* key,
                        std::vector<std::string>& out, bool required);
    // Identifiers: 1..64 characters among letters, digits, '_', '-', '.'.
    bool readId(const nlohmann::json& obj, const std::string& path, const char* key,
                std::string& out);

    // Iterates an array field, calling fn(element, elementPath) for each element.
    void forEach(const nlohmann::json& obj, const std::string& path, const char* key, bool required,
                 const std::function<void(const nlohmann::json&, const std::string&)>& fn);

    static std::string child(const std::string& path, std::string_view key);
    static std::string index(const std::string& path, std::size_t i);
    static bool isValidId(std::string_view id);

private:
    std::vector<ConfigIssue> m_issues;
};

}  // namespace vigie::core
