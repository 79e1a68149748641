#include "core/backup.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>

#include "core/alert_json.h"
#include "core/iso_time.h"
#include "core/log.h"
#include "core/schema.h"

namespace vigie::core {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::array<std::uint8_t, 8> kMagic = {'V', 'I', 'G', 'I', 'E', 'B', 'K', '1'};
constexpr std::uint16_t kFormatVersion = 1;
constexpr std::size_t kClearHeaderBytes = 12;
constexpr std::uint64_t kMaxBackupBytes = 512ULL * 1024 * 1024;
constexpr std::string_view kSiteEntry = "site.json";
constexpr std::string_view kRetentionEntry = "retention.json";
constexpr std::string_view kFilePrefix = "vigie-backup-";
constexpr std::string_view kFileSuffix = ".vbk";
constexpr std::size_t kStampChars = 16;  // 20261130T140211Z

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool isIdentifier(std::string_view s) {
    if (s.empty() || s.size() > 64 || (s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
}

std::string sqlIdentifier(std::string_view identifier) {
    std::string out = "\"";
    for (const char c : identifier) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

// Every text value of one column of a query (column `column`), errors included.
Result<std::vector<std::string>> textColumn(Statement& st, int column) {
    std::vector<std::string> values;
    for (;;) {
        auto step = st.step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            return values;
        }
        values.push_back(st.columnText(column));
    }
}

std::string toHex(std::span<const std::uint8_t> bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.resize(bytes.size() * 2);
    return hex;
}

std::optional<std::vector<std::uint8_t>> fromHex(const std::string& hex) {
    if (hex.size() % 2 != 0) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(hex.size() / 2);
    std::size_t len = 0;
    if (sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &len,
                       nullptr) != 0 ||
        len != bytes.size()) {
        return std::nullopt;
    }
    return bytes;
}

json cellToJson(const BackupValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return *i;
    }
    if (const auto* d = std::get_if<double>(&v)) {
        if (std::isfinite(*d)) {
            return *d;
        }
        return json{{"real_text", std::isnan(*d) ? "nan" : (*d > 0 ? "inf" : "-inf")}};
    }
    if (const auto* s = std::get_if<std::string>(&v)) {
        try {
            (void)json(*s).dump();  // the strict UTF-8 check of the JSON writer
            return *s;
        } catch (const json::type_error&) {
            return json{{"text_hex", toHex(asBytes(*s))}};
        }
    }
    if (const auto* b = std::get_if<std::vector<std::uint8_t>>(&v)) {
        return json{{"blob_hex", toHex(*b)}};
    }
    return nullptr;
}

std::optional<BackupValue> cellFromJson(const json& j) {
    if (j.is_null()) {
        return BackupValue{};
    }
    if (j.is_number_integer()) {
        return BackupValue{j.get<std::int64_t>()};
    }
    if (j.is_number_float()) {
        return BackupValue{j.get<double>()};
    }
    if (j.is_string()) {
        return BackupValue{j.get<std::string>()};
    }
    if (j.is_object() && j.size() == 1) {
        const auto& [key, value] = *j.items().begin();
        if (!value.is_string()) {
            return std::nullopt;
        }
        const std::string text = value.get<std::string>();
        if (key == "real_text") {
            if (text == "inf") {
                return BackupValue{HUGE_VAL};
            }
            if (text == "-inf") {
                return BackupValue{-HUGE_VAL};
            }
            return std::nullopt;
        }
        auto bytes = fromHex(text);
        if (!bytes) {
            return std::nullopt;
        }
        if (key == "blob_hex") {
            return BackupValue{std::move(*bytes)};
        }
        if (key == "text_hex") {
            return BackupValue{std::string(bytes->begin(), bytes->end())};
        }
    }
    return std::nullopt;
}

// The table's structure and, unless schemaOnly, its rows; nullopt when it does not exist.
Result<std::optional<BackupTable>> readTable(Database& db, const std::string& name,
                                             bool schemaOnly) {
    BackupTable table;
    table.name = name;
    {
        auto st = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1");
        if (!st) {
            return st.error();
        }
        if (auto b = st->bindText(1, name); !b) {
            return b.error();
        }
        auto step = st->step();
        if (!step) {
            return step.error();
        }
        if (*step != Statement::Step::Row) {
            return std::optional<BackupTable>();
        }
        table.createSql = st->columnText(0);
    }
    {
        auto st = db.prepare(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT "
            "NULL ORDER BY name");
        if (!st) {
            return st.error();
        }
        if (auto b = st->bindText(1, name); !b) {
            return b.error();
        }
        auto sql = textColumn(*st, 0);
        if (!sql) {
            return sql.error();
        }
        table.indexSql = std::move(*sql);
    }
    {
        auto st = db.prepare("PRAGMA table_info(" + sqlIdentifier(name) + ")");
        if (!st) {
            return st.error();
        }
        auto columns = textColumn(*st, 1);
        if (!columns) {
            return columns.error();
        }
        table.columns = std::move(*columns);
    }
    if (table.columns.empty()) {
        return makeError("cannot read the columns of the table " + name);
    }
    if (schemaOnly) {
        return std::optional<BackupTable>(std::move(table));
    }
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        sql += (i > 0 ? ", typeof(" : "typeof(") + sqlIdentifier(table.columns[i]) + "), " +
               sqlIdentifier(table.columns[i]);
    }
    sql += " FROM " + sqlIdentifier(name);
    auto st = db.prepare(sql);
    if (!st) {
        return st.error();
    }
    for (;;) {
        auto step = st->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            break;
        }
        std::vector<BackupValue> row;
        row.reserve(table.columns.size());
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const int c = static_cast<int>(2 * i);
            const std::string type = st->columnText(c);
            if (type == "integer") {
                row.emplace_back(st->columnInt64(c + 1));
            } else if (type == "real") {
                row.emplace_back(st->columnDouble(c + 1));
            } else if (type == "text") {
                row.emplace_back(st->columnText(c + 1));
            } else if (type == "blob") {
                const std::string bytes = st->columnText(c + 1);
                row.emplace_back(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
            } else {
                row.emplace_back(std::monostate{});
            }
        }
        table.rows.push_back(std::move(row));
    }
    return std::optional<BackupTable>(std::move(table));
}

json tableToJson(const BackupTable& t) {
    json rows = json::array();
    for (const auto& row : t.rows) {
        json cells = json::array();
        for (const BackupValue& v : row) {
            cells.push_back(cellToJson(v));
        }
        rows.push_back(std::move(cells));
    }
    return {{"table", t.name},
            {"create_sql", t.createSql},
            {"index_sql", t.indexSql},
            {"columns", t.columns},
            {"rows", rows}};
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) {
            return false;
        }
    }
    return true;
}

// Checks the structure of a table entry; the message says what is wrong.
Result<BackupTable> tableFromJson(const json& j, const std::string& expectedName) {
    const auto bad = [&](const std::string& why) {
        return makeError("table entry '" + expectedName + "': " + why);
    };
    if (!j.is_object() || !j.contains("table") || !j.contains("create_sql") ||
        !j.contains("index_sql") || !j.contains("columns") || !j.contains("rows")) {
        return bad("missing fields");
    }
    BackupTable t;
    if (!j["table"].is_string() || j["table"].get<std::string>() != expectedName ||
        !isIdentifier(expectedName)) {
        return bad("wrong table name");
    }
    t.name = expectedName;
    if (!j["create_sql"].is_string()) {
        return bad("no CREATE statement");
    }
    t.createSql = j["create_sql"].get<std::string>();
    if (!startsWithNoCase(t.createSql, "create table") ||
        t.createSql.find(';') != std::string::npos) {
        return bad("unexpected CREATE statement");
    }
    if (!j["index_sql"].is_array()) {
        return bad("no index list");
    }
    for (const auto& s : j["index_sql"]) {
        if (!s.is_string()) {
            return bad("unexpected index statement");
        }
        const std::string sql = s.get<std::string>();
        if ((!startsWithNoCase(sql, "create index") &&
             !startsWithNoCase(sql, "create unique index")) ||
            sql.find(';') != std::string::npos) {
            return bad("unexpected index statement");
        }
        t.indexSql.push_back(sql);
    }
    if (!j["columns"].is_array() || j["columns"].empty()) {
        return bad("no columns");
    }
    for (const auto& c : j["columns"]) {
        if (!c.is_string() || c.get<std::string>().empty()) {
            return bad("unexpected column name");
        }
        t.columns.push_back(c.get<std::string>());
    }
    if (!j["rows"].is_array()) {
        return bad("no rows");
    }
    for (const auto& r : j["rows"]) {
        if (!r.is_array() || r.size() != t.columns.size()) {
            return bad("a row does not have one value per column");
        }
        std::vector<BackupValue> row;
        for (const auto& cell : r) {
            auto v = cellFromJson(cell);
            if (!v) {
                return bad("a value cannot be read");
            }
            row.push_back(std::move(*v));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

std::array<std::uint8_t, kClearHeaderBytes> clearHeader() {
    std::array<std::uint8_t, kClearHeaderBytes> h{};
    std::memcpy(h.data(), kMagic.data(), kMagic.size());
    h[8] = static_cast<std::uint8_t>(kFormatVersion & 0xFF);
    h[9] = static_cast<std::uint8_t>(kFormatVersion >> 8);
    return h;
}

std::string siteLabel(const std::string& siteId) {
    std::string label;
    for (const char c : siteId) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        label += ok ? c : '_';
    }
    return label.empty() ? "site" : label.substr(0, 64);
}

struct Entry {
    std::string name;
    std::string kind;
    std::string table;
    std::int64_t rows = 0;
    std::string bytes;
};

}  // namespace

// --- backup -------------------------------------------------------------------------------

Result<BackupReport> writeBackup(const std::string& path, Database* db,
                                 const BackupContent& content, std::string_view passphrase,
                                 const BackupOptions& options, AuditSink* audit) {
    const std::int64_t nowMs = options.nowMs != 0 ? options.nowMs : systemNowMs();
    const std::string failure = "cannot back up to " + path + ": ";
    const json site = json::parse(content.siteJson, nullptr, false);
    if (site.is_discarded() || !site.is_object()) {
        return makeError(failure + "the site configuration is not a JSON object");
    }
    BackupReport report;
    report.path = path;
    if (site.contains("site") && site["site"].is_object() && site["site"].contains("id") &&
        site["site"]["id"].is_string()) {
        report.siteId = site["site"]["id"].get<std::string>();
    }
    if (content.retention) {
        if (auto s = validateRetentionPolicy(*content.retention); !s) {
            return makeError(failure + "invalid retention settings:\n" + s.error().message);
        }
    }
    std::set<std::string> names;
    for (const auto* list : {&options.tables, &options.schemaOnlyTables}) {
        for (const std::string& t : *list) {
            if (!isIdentifier(t) || !names.insert(t).second) {
                return makeError(failure + "internal error: bad or repeated table name '" + t +
                                 "'");
            }
        }
    }

    std::vector<Entry> entries;
    entries.push_back({std::string(kSiteEntry), "site", "", 0, content.siteJson});
    if (content.retention) {
        entries.push_back(
            {std::string(kRetentionEntry), "retention", "", 0, toJson(*content.retention).dump(2)});
    }
    json components = json::object();
    if (db != nullptr) {
        for (const auto* list : {&options.tables, &options.schemaOnlyTables}) {
            const bool schemaOnly = list == &options.schemaOnlyTables;
            for (const std::string& name : *list) {
                auto table = readTable(*db, name, schemaOnly);
                if (!table) {
                    return makeError(failure + table.error().message);
                }
                if (!table->has_value()) {
                    report.absentTables.push_back(name);
                    continue;
                }
                const auto rows = static_cast<std::int64_t>((*table)->rows.size());
                entries.push_back(
                    {"tables/" + name + ".json", "table", name, rows, tableToJson(**table).dump()});
                report.tables.push_back(name);
                report.rows += rows;
            }
        }
        for (const std::string& component : options.components) {
            auto version = schemaVersion(*db, component);
            if (!version) {
                return makeError(failure + version.error().message);
            }
            if (*version > 0) {
                components[component] = *version;
            }
        }
    } else {
        report.absentTables = options.tables;
        report.absentTables.insert(report.absentTables.end(), options.schemaOnlyTables.begin(),
                                   options.schemaOnlyTables.end());
    }

    json entryList = json::array();
    for (const Entry& e : entries) {
        json j = {{"name", e.name},
                  {"kind", e.kind},
                  {"size", e.bytes.size()},
                  {"sha256", sha256Hex(asBytes(e.bytes))}};
        if (e.kind == "table") {
            j["table"] = e.table;
            j["rows"] = e.rows;
        }
        entryList.push_back(std::move(j));
    }
    const json manifest = {{"format", "vigie-backup"},
                           {"version", kFormatVersion},
                           {"created_at", isoUtc(nowMs)},
                           {"created_ms", nowMs},
                           {"site_id", report.siteId},
                           {"components", components},
                           {"absent_tables", report.absentTables},
                           {"entries", entryList}};
    const std::string manifestText = manifest.dump();
    std::vector<std::uint8_t> payload;
    appendU32(payload, static_cast<std::uint32_t>(manifestText.size()));
    payload.insert(payload.end(), manifestText.begin(), manifestText.end());
    for (const Entry& e : entries) {
        payload.insert(payload.end(), e.bytes.begin(), e.bytes.end());
    }
    if (payload.size() > kMaxBackupBytes) {
        return makeError(failure + "the configuration is larger than a backup may be (" +
                         std::to_string(kMaxBackupBytes) + " bytes)");
    }

    auto key = SealingKey::fromPassphrase(passphrase, options.kdf);
    if (!key) {
        return makeError(failure + key.error().message);
    }
    const auto header = clearHeader();
    const std::string_view ad(reinterpret_cast<const char*>(header.data()), header.size());
    auto sealed = sealBytes(payload, *key, ad);
    sodium_memzero(payload.data(), payload.size());
    if (!sealed) {
        return makeError(failure + sealed.error().message);
    }
    std::vector<std::uint8_t> file(header.begin(), header.end());
    file.insert(file.end(), sealed->begin(), sealed->end());
    if (auto s = writeFileAtomic(path, file, 0600); !s) {
        return makeError("cannot write the backup: " + s.error().message);
    }
    report.sizeBytes = file.size();

    if (audit != nullptr) {
        AuditEvent event;
        event.timeMs = nowMs;
        event.actor = options.actor;
        event.action = "backup";
        event.target = path;
        event.detailsJson = json{
            {"site_id", report.siteId},
            {"tables", report.tables},
            {"absent_tables", report.absentTables},
            {"rows", report.rows},
            {"retention", content.retention.has_value()},
            {"size",
             report.sizeBytes}}.dump();
        report.auditRecorded = audit->record(event);
        if (!report.auditRecorded) {
            logger("store")->error("backup {} written, but its audit event could not be recorded",
                                   path);
        }
    }
    return report;
}

// --- read ---------------------------------------------------------------------------------

Result<BackupArchive> readBackup(const std::string& path, std::string_view passphrase) {
    const std::string which = "the backup " + path;
    auto bytes = readFileBytes(path, kMaxBackupBytes + (1 << 20));
    if (!bytes) {
        return bytes.error();
    }
    const std::size_t size = bytes->size();
    const std::size_t prefix = std::min(size, kMagic.size());
    if (std::memcmp(bytes->data(), kMagic.data(), prefix) != 0) {
        return makeError("malformed backup: " + path + " is not a Vigie backup file");
    }
    if (size < kClearHeaderBytes) {
        return makeError(which + " is truncated (" + std::to_string(size) + " bytes)");
    }
    const auto header = clearHeader();
    const unsigned version = (*bytes)[8] | ((*bytes)[9] << 8);
    if (version != kFormatVersion) {
        return makeError(which + " has format version " + std::to_string(version) +
                         ", which this version of Vigie cannot read: upgrade Vigie");
    }
    if ((*bytes)[10] != 0 || (*bytes)[11] != 0) {
        return makeError("malformed backup: " + which + " has a damaged header");
    }
    UnsealingKey key = UnsealingKey::fromPassphrase(passphrase);
    const std::string_view ad(reinterpret_cast<const char*>(header.data()), header.size());
    auto payload = unsealBytes(std::span(*bytes).subspan(kClearHeaderBytes), key, ad, which);
    if (!payload) {
        return payload.error();
    }
    struct Wipe {
        std::vector<std::uint8_t>& bytes;
        ~Wipe() { sodium_memzero(bytes.data(), bytes.size()); }
    } wipe{*payload};

    const auto malformed = [&](const std::string& why) {
        return makeError("malformed backup: " + which + ": " + why);
    };
    const std::vector<std::uint8_t>& p = *payload;
    if (p.size() < 4) {
        return malformed("no manifest");
    }
    const std::uint32_t manifestSize = std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) |
                                       (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[3]) << 24);
    if (manifestSize > p.size() - 4) {
        return malformed("the manifest is larger than the backup");
    }
    const json manifest = json::parse(p.begin() + 4, p.begin() + 4 + manifestSize, nullptr, false);
    if (manifest.is_discarded() || !manifest.is_object()) {
        return malformed("the manifest is not JSON");
    }
    BackupArchive archive;
    archive.path = path;
    try {
        if (manifest.at("format").get<std::string>() != "vigie-backup" ||
            manifest.at("version").get<int>() != kFormatVersion) {
            return malformed("unexpected manifest format");
        }
        archive.createdMs = manifest.at("created_ms").get<std::int64_t>();
        archive.siteId = manifest.at("site_id").get<std::string>();
        for (const auto& [component, componentVersion] : manifest.at("components").items()) {
            archive.componentVersions[component] = componentVersion.get<int>();
        }
        std::size_t offset = 4 + manifestSize;
        bool hasSite = false;
        std::set<std::string> seen;
        for (const json& e : manifest.at("entries")) {
            const std::string name = e.at("name").get<std::string>();
            const std::string kind = e.at("kind").get<std::string>();
            const auto entrySize = e.at("size").get<std::uint64_t>();
            const std::string sha = e.at("sha256").get<std::string>();
            if (!seen.insert(name).second) {
                return malformed("entry " + name + " appears twice");
            }
            if (entrySize > p.size() - offset) {
                return malformed("entry " + name + " goes past the end of the backup");
            }
            const std::string data(reinterpret_cast<const char*>(p.data()) + offset,
                                   std::size_t(entrySize));
            offset += std::size_t(entrySize);
            if (sha256Hex(asBytes(data)) != sha) {
                return malformed("entry " + name + " does not match its SHA-256");
            }
            if (kind == "site") {
                archive.siteJson = data;
                hasSite = true;
            } else if (kind == "retention") {
                auto policy = parseRetentionPolicyText(data);
                if (!policy) {
                    return malformed("retention settings: " + policy.error().message);
                }
                archive.retention = *policy;
            } else if (kind == "table") {
                const std::string table = e.at("table").get<std::string>();
                const json j = json::parse(data, nullptr, false);
                auto t = tableFromJson(j, table);
                if (!t) {
                    return malformed(t.error().message);
                }
                if (static_cast<std::int64_t>(t->rows.size()) != e.at("rows").get<std::int64_t>()) {
                    return malformed("table " + table + " does not have the rows announced");
                }
                archive.tables.push_back(std::move(*t));
            } else {
                return malformed("unknown entry kind '" + kind + "'");
            }
        }
        if (offset != p.size()) {
            return malformed("unexpected data after the last entry");
        }
        if (!hasSite) {
            return malformed("no site configuration");
        }
    } catch (const json::exception& e) {
        return malformed(std::string("unexpected manifest content: ") + e.what());
    }
    return archive;
}

// --- restore ------------------------------------------------------------------------------

Result<RestoreReport> restoreBackup(const BackupArchive& archive, Database& target,
                                    RestoreMode mode, AuditSink* audit, const std::string& actor,
                                    std::int64_t nowMs) {
    if (mode != RestoreMode::FreshOnly && mode != RestoreMode::Force) {
        return makeError("internal error: no restore mode given");
    }
    const std::string failure = "cannot restore " + archive.path + " into " + target.path() + ": ";
    const std::string unchanged = "; nothing was changed";

    // Which tables exist, and whether any holds a row.
    std::vector<std::string> existing;
    {
        auto st = target.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name");
        if (!st) {
            return makeError(failure + st.error().message);
        }
        auto names = textColumn(*st, 0);
        if (!names) {
            return makeError(failure + names.error().message);
        }
        existing = std::move(*names);
    }
    if (mode == RestoreMode::FreshOnly) {
        for (const std::string& table : existing) {
            if (table == "schema_versions") {
                continue;
            }
            auto rows =
                target.queryInt64("SELECT EXISTS (SELECT 1 FROM " + sqlIdentifier(table) + ")");
            if (!rows) {
                return makeError(failure + rows.error().message);
            }
            if (*rows != 0) {
                return makeError(failure + "the target database is not empty (table " + table +
                                 " holds rows): restore onto a new database, or force it to "
                                 "replace the backed-up tables" +
                                 unchanged);
            }
        }
    }

    auto tx = target.begin();
    if (!tx) {
        return makeError(failure + tx.error().message + unchanged);
    }
    const auto fail = [&](const std::string& why) {
        (void)tx->rollback();
        return makeError(failure + why + unchanged);
    };
    // Parents and children are dropped and created in one transaction: check references at
    // the commit, not row by row.
    if (auto s = target.exec("PRAGMA defer_foreign_keys = ON"); !s) {
        return fail(s.error().message);
    }
    for (auto it = archive.tables.rbegin(); it != archive.tables.rend(); ++it) {
        if (std::find(existing.begin(), existing.end(), it->name) != existing.end()) {
            if (auto s = target.exec("DROP TABLE " + sqlIdentifier(it->name)); !s) {
                return fail(s.error().message);
            }
        }
    }
    RestoreReport report;
    for (const BackupTable& t : archive.tables) {
        if (auto s = target.exec(t.createSql); !s) {
            return fail("table " + t.name + ": " + s.error().message);
        }
        for (const std::string& sql : t.indexSql) {
            if (auto s = target.exec(sql); !s) {
                return fail("table " + t.name + ": " + s.error().message);
            }
        }
        std::string columns;
        std::string params;
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            columns += (i > 0 ? ", " : "") + sqlIdentifier(t.columns[i]);
            params += (i > 0 ? ", ?" : "?") + std::to_string(i + 1);
        }
        const std::string insertSql =
            "INSERT INTO " + sqlIdentifier(t.name) + " (" + columns + ") VALUES (" + params + ")";
        auto insert = target.prepare(insertSql);
        if (!insert) {
            return fail("table " + t.name + ": " + insert.error().message);
        }
        for (const auto& row : t.rows) {
            // Statement has no blob binding: a row with a blob gets its own statement with
            // the blob as a literal (hex from the verified archive, digits and letters only).
            const bool hasBlob = std::any_of(row.begin(), row.end(), [](const BackupValue& v) {
                return std::holds_alternative<std::vector<std::uint8_t>>(v);
            });
            std::optional<Statement> own;
            Statement* st = &*insert;
            if (hasBlob) {
                std::string values;
                for (std::size_t i = 0; i < row.size(); ++i) {
                    values += i > 0 ? ", " : "";
                    const auto* blob = std::get_if<std::vector<std::uint8_t>>(&row[i]);
                    values += blob ? "X'" + toHex(*blob) + "'" : "?" + std::to_string(i + 1);
                }
                auto prepared = target.prepare("INSERT INTO " + sqlIdentifier(t.name) + " (" +
                                               columns + ") VALUES (" + values + ")");
                if (!prepared) {
                    return fail("table " + t.name + ": " + prepared.error().message);
                }
                own.emplace(std::move(*prepared));
                st = &*own;
            } else {
                st->reset();
            }
            for (std::size_t i = 0; i < row.size(); ++i) {
                const int index = static_cast<int>(i) + 1;
                Status b;
                if (const auto* n = std::get_if<std::int64_t>(&row[i])) {
                    b = st->bindInt64(index, *n);
                } else if (const auto* d = std::get_if<double>(&row[i])) {
                    b = st->bindDouble(index, *d);
                } else if (const auto* s = std::get_if<std::string>(&row[i])) {
                    b = st->bindText(index, *s);
                } else if (std::holds_alternative<std::monostate>(row[i])) {
                    b = st->bindNull(index);
                }
                if (!b) {
                    return fail("table " + t.name + ": " + b.error().message);
                }
            }
            if (auto s = st->run(); !s) {
                return fail("table " + t.name + ": " + s.error().message);
            }
            ++report.rows;
        }
        report.tables.push_back(t.name);
    }
    if (!archive.componentVersions.empty()) {
        if (auto s = target.exec("CREATE TABLE IF NOT EXISTS schema_versions ("
                                 " component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
            !s) {
            return fail(s.error().message);
        }
        auto st = target.prepare(
            "INSERT OR REPLACE INTO schema_versions (component, version) VALUES (?1, ?2)");
        if (!st) {
            return fail(st.error().message);
        }
        for (const auto& [component, version] : archive.componentVersions) {
            st->reset();
            Status s = st->bindText(1, component);
            if (s) {
                s = st->bindInt64(2, version);
            }
            if (s) {
                s = st->run();
            }
            if (!s) {
                return fail(s.error().message);
            }
        }
    }
    if (auto s = tx->commit(); !s) {
        return fail(s.error().message);
    }

    if (audit != nullptr) {
        AuditEvent event;
        event.timeMs = nowMs != 0 ? nowMs : systemNowMs();
        event.actor = actor;
        event.action = "restore";
        event.target = target.path();
        event.detailsJson =
            json{{"backup", archive.path},    {"backup_created_at", isoUtc(archive.createdMs)},
                 {"site_id", archive.siteId}, {"tables", report.tables},
                 {"rows", report.rows},       {"forced", mode == RestoreMode::Force}}
                .dump();
        report.auditRecorded = audit->record(event);
    }
    return report;
}

// --- rotation -----------------------------------------------------------------------------

std::string backupFileName(const std::string& siteId, std::int64_t nowMs) {
    return std::string(kFilePrefix) + siteLabel(siteId) + "-" + compactUtc(nowMs) +
           std::string(kFileSuffix);
}

Result<std::vector<std::string>> pruneBackups(const std::string& dir, const std::string& siteId,
                                              int keep) {
    if (keep < 1) {
        return makeError("--keep must be 1 or more (the newest backup is always kept)");
    }
    const std::string prefix = std::string(kFilePrefix) + siteLabel(siteId) + "-";
    std::vector<std::pair<std::string, fs::path>> backups;  // (stamp, path)
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with(prefix) || !name.ends_with(kFileSuffix) ||
            name.size() != prefix.size() + kStampChars + kFileSuffix.size()) {
            continue;
        }
        std::error_code fileEc;
        if (it->is_symlink(fileEc) || !it->is_regular_file(fileEc)) {
            continue;
        }
        backups.emplace_back(name.substr(prefix.size(), kStampChars), it->path());
    }
    if (ec) {
        return makeError("cannot list the backup directory " + dir + ": " + ec.message());
    }
    std::sort(backups.begin(), backups.end(), [](const auto& a, const auto& b) {
        return a.first > b.first;  // newest first: the stamp sorts as time
    });
    std::vector<std::string> removed;
    for (std::size_t i = static_cast<std::size_t>(keep); i < backups.size(); ++i) {
        std::error_code rmEc;
        if (!fs::remove(backups[i].second, rmEc) || rmEc) {
            return makeError("cannot delete the old backup " + backups[i].second.string() + ": " +
                             rmEc.message());
        }
        removed.push_back(backups[i].second.string());
    }
    return removed;
}

}  // namespace vigie::core
