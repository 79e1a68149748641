#pragma once
// Minimal command-line parsing for `vigie <command> [options]`: `--name value`,
// `--name=value`, boolean `--flag`, positionals. Unknown options are errors.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"

namespace vigie::app {

class Args {
public:
    // `valued` options take a value; `flags` do not.
    static core::Result<Args> parse(const std::vector<std::string>& argv,
                                    const std::set<std::string>& valued,
                                    const std::set<std::string>& flags);

    std::optional<std::string> value(const std::string& name) const;
    std::string valueOr(const std::string& name, const std::string& fallback) const;
    bool flag(const std::string& name) const { return m_flags.count(name) > 0; }
    const std::vector<std::string>& positionals() const { return m_positionals; }
    core::Result<double> number(const std::string& name, double fallback) const;

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positionals;
};

}  // namespace vigie::app
