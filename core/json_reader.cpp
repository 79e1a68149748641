#include "core/json_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vigie::core {

using nlohmann::json;

std::string formatIssues(const std::vector<ConfigIssue>& issues) {
    std::ostringstream out;
    for (std::size_t i = 0; i < issues.size(); ++i) {
        if (i > 0) {
            out << '\n';
        }
        out << issues[i].path << ": " << issues[i].message;
    }
    return out.str();
}

void JsonReader::error(const std::string& path, std::string message) {
    m_issues.push_back({path, std::move(message)});
}

std::string JsonReader::child(const std::string& path, std::string_view key) {
    return path + "." + std::string(key);
}

std::string JsonReader::index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

bool JsonReader::isValidId(std::string_view id) {
    if (id.empty() || id.size() > 64) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == '.';
    });
}

namespace {

const char* typeName(const json& v) {
    return v.type_name();
}

}  // namespace

bool JsonReader::expectObject(const json& value, const std::string& path,
                              std::initializer_list<std::string_view> allowed) {
    if (!value.is_object()) {
        error(path, std::string("expected an object, found ") + typeName(value));
        return false;
    }
    bool ok = true;
    for (const auto& [key, unused] : value.items()) {
        (void)unused;
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string known;
            for (auto a : allowed) {
                known += known.empty() ? "" : ", ";
                known += a;
            }
            error(child(path, key), "unknown key (known keys: " + known + ")");
            ok = false;
        }
    }
    return ok;
}

bool JsonReader::expectArray(const json& value, const std::string& path) {
    if (!value.is_array()) {
        error(path, std::string("expected an array, found ") + typeName(value));
        return false;
    }
    return true;
}

bool JsonReader::readString(const json& obj, const std::string& path, const char* key,
                            std::string& out, bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            error(child(path, key), "required string is missing");
        }
        return !required;
    }
    if (!it->is_string()) {
        error(child(path, key), std::string("expected a string, found ") + typeName(*it));
        return false;
    }
    out = it->get<std::string>();
    return true;
}

bool JsonReader::readNumber(const json& obj, const std::string& path, const char* key, double& out,
                            bool required, double min, double max) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            error(child(path, key), "required number is missing");
        }
        return !required;
    }
    if (!it->is_number()) {
        error(child(path, key), std::string("expected a number, found ") + typeName(*it));
        return false;
    }
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < min || v > max) {
        std::ostringstream msg;
        msg << "value " << v << " is outside [" << min << ", " << max << "]";
        error(child(path, key), msg.str());
        return false;
    }
    out = v;
    return true;
}

bool JsonReader::readInt(const json& obj, const std::string& path, const char* key, int& out,
                         bool required, int min, int max) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            error(child(path, key), "required integer is missing");
        }
        return !required;
    }
    if (!it->is_number_integer()) {
        error(child(path, key), std::string("expected an integer, found ") + typeName(*it));
        return false;
    }
    const auto v = it->get<long long>();
    if (v < min || v > max) {
        error(child(path, key), "value " + std::to_string(v) + " is outside [" +
                                    std::to_string(min) + ", " + std::to_string(max) + "]");
        return false;
    }
    out = static_cast<int>(v);
    return true;
}

bool JsonReader::readBool(const json& obj, const std::string& path, const char* key, bool& out,
                          bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            error(child(path, key), "required boolean is missing");
        }
        return !required;
    }
    if (!it->is_boolean()) {
        error(child(path, key), std::string("expected true or false, found ") + typeName(*it));
        return false;
    }
    out = it->get<bool>();
    return true;
}

bool JsonReader::readStringList(const json& obj, const std::string& path, const char* key,
                                std::vector<std::string>& out, bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            error(child(path, key), "required list is missing");
        }
        return !required;
    }
    const std::string p = child(path, key);
    if (!expectArray(*it, p)) {
        return false;
    }
    std::vector<std::string> values;
    bool ok = true;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& e = (*it)[i];
        if (!e.is_string()) {
            error(index(p, i), std::string("expected a string, found ") + typeName(e));
            ok = false;
            continue;
        }
        values.push_back(e.get<std::string>());
    }
    if (ok) {
        out = std::move(values);
    }
    return ok;
}

bool JsonReader::readId(const json& obj, const std::string& path, const char* key,
                        std::string& out) {
    std::string id;
    if (!readString(obj, path, key, id, true)) {
        return false;
    }
    if (!isValidId(id)) {
        error(child(path, key), "'" + id +
                                    "' is not a valid identifier (1 to 64 letters, digits, "
                                    "'_', '-' or '.')");
        return false;
    }
    out = id;
    return true;
}

void JsonReader::forEach(const json& obj, const std::string& path, const char* key, bool required,
                         const std::function<void(const json&, const std::string&)>& fn) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            error(child(path, key), "required list is missing");
        }
        return;
    }
    const std::string p = child(path, key);
    if (!expectArray(*it, p)) {
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        fn((*it)[i], index(p, i));
    }
}

}  // namespace vigie::core
