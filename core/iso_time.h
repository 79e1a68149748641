#pragma once
// ISO 8601 instants for command lines, licences and exports: parse "2026-11-30",
// "2026-11-30T14:02", "2026-11-30T14:02:11.123Z", "2026-11-30T16:02:11+02:00" into Unix
// milliseconds, and format compact UTC stamps for file names. Formatting for records is
// isoUtc() (alert_json.h). Pure functions, any thread.
//
//   Result<std::int64_t> fromMs = parseIsoTimeMs("2026-11-01T00:00:00+01:00");

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace vigie::core {

// A date alone means midnight UTC of that day. A date and time must carry its zone: "Z" or
// an offset (+01:00, +0100, -05); a local time without a zone is refused rather than
// guessed. Seconds and milliseconds are optional; 'T' may be a space.
Result<std::int64_t> parseIsoTimeMs(std::string_view text);

// "20261130T140211Z": sortable, safe in file names on every file system (FAT32 included).
std::string compactUtc(std::int64_t unixMs);
// "2026-11" (UTC), for directories that group files by month.
std::string yearMonthUtc(std::int64_t unixMs);

}  // namespace vigie::core
