// `vigie audit verify|list`: check and read the hash-chained audit log from the command line
// (Ex. 119, 134: auditable by a third party). Both open the database read-only and change
// nothing. Like `vigie users`, the CLI acts as the OS-level operator who holds the key file.
//
//   vigie audit verify --db DB --key-file K
//       0: "audit chain intact: N records"; 1: the first broken record and why;
//       2: the database or key cannot be opened.
//   vigie audit list --db DB --key-file K [--since ISO] [--until ISO] [--actor A]
//       [--action X] [--limit N] [--json]
//       oldest first; --json writes one JSON object per record, hashes included (export).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"

#ifdef VIGIE_HAVE_SQLCIPHER
#include "core/alert_json.h"
#include "core/audit_log.h"
#include "core/key_file.h"
#endif

namespace vigie::app {

namespace {

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "vigie audit: %s\n", message.c_str());
    return code;
}

#ifdef VIGIE_HAVE_SQLCIPHER

bool readNumber(std::string_view text, std::size_t& pos, std::size_t digits, int& out) {
    if (pos + digits > text.size()) {
        return false;
    }
    out = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') {
            return false;
        }
        out = out * 10 + (c - '0');
    }
    pos += digits;
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

// "2026-11-30" (midnight UTC), "2026-11-30T14:02[:11]Z" or with an offset "+01:00"; a time
// without a zone is refused rather than guessed.
core::Result<std::int64_t> parseIsoMs(std::string_view text) {
    const auto bad = [&] {
        return core::makeError("'" + std::string(text) +
                               "' is not an ISO 8601 date or time (2026-11-30, "
                               "2026-11-30T14:02Z, 2026-11-30T14:02:11+01:00)");
    };
    std::size_t pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    if (!readNumber(text, pos, 4, year) || pos >= text.size() || text[pos++] != '-' ||
        !readNumber(text, pos, 2, month) || pos >= text.size() || text[pos++] != '-' ||
        !readNumber(text, pos, 2, day) || month < 1 || month > 12 || day < 1 || day > 31) {
        return bad();
    }
    std::int64_t ms = daysFromCivil(year, month, day) * 86'400'000;
    if (pos == text.size()) {
        return ms;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    if ((text[pos] != 'T' && text[pos] != ' ') || !readNumber(text, ++pos, 2, hour) ||
        pos >= text.size() || text[pos++] != ':' || !readNumber(text, pos, 2, minute) ||
        hour > 23 || minute > 59) {
        return bad();
    }
    if (pos < text.size() && text[pos] == ':') {
        if (!readNumber(text, ++pos, 2, second) || second > 60) {
            return bad();
        }
    }
    ms += (hour * 3600LL + minute * 60LL + second) * 1000;
    if (pos == text.size()) {
        return core::makeError("'" + std::string(text) +
                               "' has no time zone: add Z (UTC) or an offset such as +01:00");
    }
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
        return ms;
    }
    const char sign = text[pos++];
    int offH = 0;
    int offM = 0;
    if ((sign != '+' && sign != '-') || !readNumber(text, pos, 2, offH)) {
        return bad();
    }
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
    }
    if (pos < text.size() && !readNumber(text, pos, 2, offM)) {
        return bad();
    }
    if (pos != text.size() || offH > 14 || offM > 59) {
        return bad();
    }
    const std::int64_t offsetMs = (offH * 60LL + offM) * 60'000;
    return sign == '+' ? ms - offsetMs : ms + offsetMs;
}

core::Result<std::unique_ptr<core::AuditLog>> openLog(const Args& args) {
    const auto db = args.value("db");
    const auto keyFile = args.value("key-file");
    if (!db || !keyFile) {
        return core::makeError("--db <database> and --key-file <key file> are required");
    }
    std::error_code ec;
    if (!std::filesystem::exists(*db, ec)) {
        return core::makeError("database not found: " + *db);
    }
    if (!std::filesystem::exists(*keyFile, ec)) {
        return core::makeError("key file not found: " + *keyFile);
    }
    core::KeyFileProvider keys(*keyFile);
    auto key = keys.loadOrCreateKey();
    if (!key) {
        return key.error();
    }
    return core::AuditLog::open(*db, *key, "", core::OpenMode::ReadOnly);
}

int verify(core::AuditLog& log) {
    auto v = log.verify();
    if (!v) {
        return fail(kExitFailure, "cannot verify the audit log: " + v.error().message);
    }
    if (!v->intact) {
        std::printf("audit chain broken%s: %s\n",
                    v->brokenSeq > 0 ? (" at record " + std::to_string(v->brokenSeq)).c_str() : "",
                    v->problem.c_str());
        std::printf("%lld records checked before the break\n", static_cast<long long>(v->records));
        return kExitFailure;
    }
    std::printf("audit chain intact: %lld records\n", static_cast<long long>(v->records));
    if (!v->note.empty()) {
        std::printf("note: %s\n", v->note.c_str());
    }
    return kExitOk;
}

int list(core::AuditLog& log, const Args& args) {
    core::AuditFilter filter;
    for (const char* bound : {"since", "until"}) {
        if (const auto text = args.value(bound)) {
            auto ms = parseIsoMs(*text);
            if (!ms) {
                return fail(kExitBadInput, "--" + std::string(bound) + ": " + ms.error().message);
            }
            (std::string_view(bound) == "since" ? filter.fromMs : filter.toMs) = *ms;
        }
    }
    filter.actor = args.value("actor");
    filter.action = args.value("action");
    auto limit = args.number("limit", 1000);
    if (!limit || *limit < 1 || *limit > 1e9 || *limit != static_cast<int>(*limit)) {
        return fail(kExitBadInput, "--limit expects a whole number from 1");
    }
    filter.limit = static_cast<int>(*limit);
    auto records = log.list(filter);
    if (!records) {
        return fail(kExitFailure, records.error().message);
    }
    const bool asJson = args.flag("json");
    for (const auto& r : *records) {
        if (asJson) {
            const nlohmann::json j = {
                {"seq", r.seq},
                {"time", core::isoUtc(r.timeMs)},
                {"time_ms", r.timeMs},
                {"actor", r.actor},
                {"action", r.action},
                {"target", r.target},
                {"details", nlohmann::json::parse(r.detailsJson, nullptr, false)},
                {"prev_hash", r.prevHash},
                {"hash", r.hash}};
            std::printf("%s\n", j.dump().c_str());
        } else {
            std::printf("%6lld  %s  %-20s %-24s %-24s %s\n", static_cast<long long>(r.seq),
                        core::isoUtc(r.timeMs).c_str(), r.actor.c_str(), r.action.c_str(),
                        r.target.c_str(), r.detailsJson.c_str());
        }
    }
    return kExitOk;
}

#endif  // VIGIE_HAVE_SQLCIPHER

}  // namespace

int runAudit(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(
        argv, {"db", "key-file", "since", "until", "actor", "action", "limit"}, {"json"});
    if (!parsed) {
        return fail(kExitBadInput, parsed.error().message);
    }
    const Args& args = *parsed;
    if (args.positionals().size() != 1 ||
        (args.positionals()[0] != "verify" && args.positionals()[0] != "list")) {
        return fail(kExitBadInput, "expected one of: verify, list");
    }
#ifndef VIGIE_HAVE_SQLCIPHER
    return fail(kExitFailure, "this build of Vigie has no encrypted store (SQLCipher)");
#else
    auto log = openLog(args);
    if (!log) {
        return fail(kExitBadInput, log.error().message);
    }
    return args.positionals()[0] == "verify" ? verify(**log) : list(**log, args);
#endif
}

}  // namespace vigie::app
