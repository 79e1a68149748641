#include "app/cli/args.h"

#include <cstdlib>

namespace vigie::app {

core::Result<Args> Args::parse(const std::vector<std::string>& argv,
                               const std::set<std::string>& valued,
                               const std::set<std::string>& flags) {
    Args a;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            a.m_positionals.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (valued.count(name) > 0) {
            if (inlineValue) {
                a.m_values[name] = *inlineValue;
            } else if (i + 1 < argv.size()) {
                a.m_values[name] = argv[++i];
            } else {
                return core::makeError("option --" + name + " needs a value");
            }
        } else if (flags.count(name) > 0 && !inlineValue) {
            a.m_flags.insert(name);
        } else {
            return core::makeError("unknown option --" + name);
        }
    }
    return a;
}

std::optional<std::string> Args::value(const std::string& name) const {
    const auto it = m_values.find(name);
    return it == m_values.end() ? std::nullopt : std::optional(it->second);
}

std::string Args::valueOr(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

core::Result<double> Args::number(const std::string& name, double fallback) const {
    const auto v = value(name);
    if (!v) {
        return fallback;
    }
    char* end = nullptr;
    const double d = std::strtod(v->c_str(), &end);
    if (end == v->c_str() || *end != '\0') {
        return core::makeError("--" + name + " expects a number, not '" + *v + "'");
    }
    return d;
}

}  // namespace vigie::app
