#pragma once
// Site configuration file (JSON): parse → migrate → validate → immutable Site, and back.
// Every problem is reported with its JSON path; unknown keys are errors, never ignored.
// Pure functions, any thread.
//
//   auto site = loadSite("site.json");
//   if (!site) { std::cerr << site.error().message << '\n'; }  // one issue per line

#include <string>

#include "core/result.h"
#include "core/site.h"

namespace vigie::core {

// Parses a configuration text. `baseDir` is where relative paths are resolved from.
Result<Site> parseSite(const std::string& jsonText, const std::string& baseDir);
// Reads and parses a file; relative paths in it are resolved against its directory.
Result<Site> loadSite(const std::string& path);
// Serialises a site to the current format version (stable key order, 2-space indent).
std::string toJson(const Site& site);
// Brings an older document up to kSiteConfigVersion; errors on a newer one.
Result<std::string> migrateSiteJson(const std::string& jsonText);

}  // namespace vigie::core
