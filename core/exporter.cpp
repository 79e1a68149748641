#include "core/exporter.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <variant>

#include "core/alert_json.h"
#include "core/alert_store.h"
#include "core/count_store.h"
#include "core/iso_time.h"
#include "core/log.h"
#include "core/model_manifest.h"

namespace vigie::core {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::string_view kXlsxName = "vigie-export.xlsx";
constexpr std::string_view kManifestName = "manifest.json";
constexpr std::string_view kSealedSuffix = ".enc";
constexpr std::uint64_t kManifestReserveBytes = 1 << 20;  // manifest, directory entries
constexpr std::uint64_t kFat32MaxFileBytes = 0xFFFFFFFFULL;
constexpr std::size_t kXlsxMaxStringBytes = 32767;

struct TimeCell {
    std::int64_t ms = 0;
};
using Cell = std::variant<std::monostate, std::string, double, std::int64_t, TimeCell>;

struct Column {
    const char* name;
    double widthChars;
};

constexpr Column kAlertColumns[] = {
    {"uid", 34},
    {"site", 14},
    {"camera", 16},
    {"rule", 16},
    {"zone", 14},
    {"event", 16},
    {"severity", 10},
    {"start_utc", 24},
    {"end_utc", 24},
    {"stream_start_s", 14},
    {"stream_end_s", 14},
    {"open", 7},
    {"score", 8},
    {"qualification", 15},
    {"comment", 40},
    {"qualified_by", 14},
    {"qualified_at_utc", 24},
    {"boxes", 40},
    {"track_ids", 16},
    {"detail", 40},
};
constexpr Column kCountColumns[] = {
    {"time_utc", 24}, {"camera", 16}, {"zone", 14}, {"metric", 16}, {"value", 10},
};
constexpr Column kAuditColumns[] = {
    {"sequence", 10}, {"time_utc", 24}, {"actor", 18}, {"action", 18},
    {"target", 30},   {"details", 60},  {"hash", 66},
};

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string formatDouble(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string cellText(const Cell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) {
        return *s;
    }
    if (const auto* d = std::get_if<double>(&cell)) {
        return formatDouble(*d);
    }
    if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        return std::to_string(*i);
    }
    if (const auto* t = std::get_if<TimeCell>(&cell)) {
        return isoUtc(t->ms);
    }
    return {};
}

// The longest prefix of at most `max` bytes that does not cut a UTF-8 sequence.
std::string_view utf8Prefix(std::string_view s, std::size_t max) {
    if (s.size() <= max) {
        return s;
    }
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) {
        --n;
    }
    return s.substr(0, n);
}

std::string dumpJson(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// --- writers ------------------------------------------------------------------------------

class FileOut {
public:
    Status open(const std::string& path) {
        m_path = path;
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            return makeError(describeWriteError(errno, path));
        }
        m_file = ::fdopen(fd, "wb");
        if (m_file == nullptr) {
            ::close(fd);
            return makeError(describeWriteError(errno, path));
        }
        std::setvbuf(m_file, nullptr, _IOFBF, 1 << 16);
        return okStatus();
    }
    Status write(std::string_view text) {
        if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size()) {
            return makeError(describeWriteError(errno, m_path));
        }
        return okStatus();
    }
    Status close() {
        if (m_file == nullptr) {
            return okStatus();
        }
        const bool flushed = std::fflush(m_file) == 0 && ::fsync(::fileno(m_file)) == 0;
        const int err = errno;
        const bool closed = std::fclose(m_file) == 0;
        m_file = nullptr;
        if (!flushed || !closed) {
            return makeError(describeWriteError(flushed ? errno : err, m_path));
        }
        return okStatus();
    }
    ~FileOut() {
        if (m_file != nullptr) {
            std::fclose(m_file);
        }
    }

private:
    std::string m_path;
    std::FILE* m_file = nullptr;
};

class CsvWriter {
public:
    Status open(const std::string& path, std::span<const Column> columns, CsvBom bom) {
        if (auto s = m_out.open(path); !s) {
            return s;
        }
        std::string line = bom == CsvBom::With ? "\xEF\xBB\xBF" : "";
        for (std::size_t i = 0; i < columns.size(); ++i) {
            line += (i > 0 ? "," : "") + csvField(columns[i].name);
        }
        return m_out.write(line + "\r\n");
    }
    Status row(const std::vector<Cell>& cells) {
        m_line.clear();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) {
                m_line += ',';
            }
            m_line += csvField(cellText(cells[i]));
        }
        m_line += "\r\n";
        return m_out.write(m_line);
    }
    Status close() { return m_out.close(); }

private:
    FileOut m_out;
    std::string m_line;
};

class JsonArrayWriter {
public:
    Status open(const std::string& path) {
        if (auto s = m_out.open(path); !s) {
            return s;
        }
        return m_out.write("[");
    }
    Status element(const json& j) {
        const std::string text = (m_first ? "\n" : ",\n") + dumpJson(j);
        m_first = false;
        return m_out.write(text);
    }
    Status close() {
        if (auto s = m_out.write(m_first ? "]\n" : "\n]\n"); !s) {
            return s;
        }
        return m_out.close();
    }

private:
    FileOut m_out;
    bool m_first = true;
};

class XlsxBook {
public:
    Status open(const std::string& path, const std::string& tmpDir) {
        m_path = path;
        m_tmpDir = tmpDir;
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;  // rows stream to temp files: bounded memory
        options.tmpdir = m_tmpDir.data();
        options.use_zip64 = LXW_FALSE;
        m_book = workbook_new_opt(m_path.c_str(), &options);
        if (m_book == nullptr) {
            return makeError("cannot create the workbook " + path);
        }
        m_bold = workbook_add_format(m_book);
        format_set_bold(m_bold);
        m_date = workbook_add_format(m_book);
        format_set_num_format(m_date, "yyyy-mm-dd hh:mm:ss.000");
        return okStatus();
    }
    ~XlsxBook() {
        if (m_book != nullptr) {
            workbook_close(m_book);  // abandons it; the staging directory goes anyway
        }
    }
    Status close() {
        lxw_workbook* book = std::exchange(m_book, nullptr);
        const lxw_error err = workbook_close(book);
        if (err != LXW_NO_ERROR) {
            return makeError("cannot write the workbook " + m_path + ": " + lxw_strerror(err));
        }
        return okStatus();
    }

    lxw_workbook* book() { return m_book; }
    lxw_format* bold() { return m_bold; }
    lxw_format* date() { return m_date; }

private:
    std::string m_path;
    std::string m_tmpDir;
    lxw_workbook* m_book = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_date = nullptr;
};

// One kind on one or more sheets: a sheet is full at Excel's 1 048 576 rows, the next one is
// named "<kind> 2", "<kind> 3"…
class XlsxSheet {
public:
    XlsxSheet(XlsxBook& book, std::string name, std::span<const Column> columns)
        : m_book(book), m_name(std::move(name)), m_columns(columns) {}

    Status row(const std::vector<Cell>& cells) {
        if (m_sheet == nullptr || m_row >= LXW_ROW_MAX) {
            if (auto s = newSheet(); !s) {
                return s;
            }
        }
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (auto s = write(static_cast<lxw_col_t>(c), cells[c]); !s) {
                return s;
            }
        }
        ++m_row;
        return okStatus();
    }
    Status finish() { return m_sheet == nullptr ? newSheet() : okStatus(); }

private:
    Status check(lxw_error err) const {
        if (err != LXW_NO_ERROR) {
            return makeError("cannot write the " + m_name + " sheet: " + lxw_strerror(err));
        }
        return okStatus();
    }
    Status newSheet() {
        ++m_sheets;
        const std::string name = m_sheets == 1 ? m_name : m_name + " " + std::to_string(m_sheets);
        m_sheet = workbook_add_worksheet(m_book.book(), name.c_str());
        if (m_sheet == nullptr) {
            return makeError("cannot add the sheet '" + name + "' to the workbook");
        }
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            if (auto s = check(
                    worksheet_set_column(m_sheet, col, col, m_columns[c].widthChars, nullptr));
                !s) {
                return s;
            }
            if (auto s = check(
                    worksheet_write_string(m_sheet, 0, col, m_columns[c].name, m_book.bold()));
                !s) {
                return s;
            }
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        m_row = 1;
        return okStatus();
    }
    Status write(lxw_col_t col, const Cell& cell) {
        if (const auto* s = std::get_if<std::string>(&cell)) {
            if (s->empty()) {
                return okStatus();
            }
            const std::string text(utf8Prefix(*s, kXlsxMaxStringBytes));
            return check(worksheet_write_string(m_sheet, m_row, col, text.c_str(), nullptr));
        }
        if (const auto* d = std::get_if<double>(&cell)) {
            return check(worksheet_write_number(m_sheet, m_row, col, *d, nullptr));
        }
        if (const auto* i = std::get_if<std::int64_t>(&cell)) {
            return check(
                worksheet_write_number(m_sheet, m_row, col, static_cast<double>(*i), nullptr));
        }
        if (const auto* t = std::get_if<TimeCell>(&cell)) {
            return check(
                worksheet_write_number(m_sheet, m_row, col, excelSerialDate(t->ms), m_book.date()));
        }
        return okStatus();
    }

    XlsxBook& m_book;
    std::string m_name;
    std::span<const Column> m_columns;
    lxw_worksheet* m_sheet = nullptr;
    lxw_row_t m_row = 0;
    int m_sheets = 0;
};

// Every requested output of one kind, fed record by record.
class KindOutput {
public:
    KindOutput(ExportKind kind, std::span<const Column> columns)
        : m_kind(kind), m_columns(columns) {}

    Status open(const std::string& stagingDir, const std::vector<ExportFormat>& formats, CsvBom bom,
                XlsxBook* book) {
        const std::string base = (fs::path(stagingDir) / toName(m_kind)).string();
        for (const ExportFormat f : formats) {
            if (f == ExportFormat::Csv) {
                m_csv = std::make_unique<CsvWriter>();
                if (auto s = m_csv->open(base + ".csv", m_columns, bom); !s) {
                    return s;
                }
            } else if (f == ExportFormat::Json) {
                m_json = std::make_unique<JsonArrayWriter>();
                if (auto s = m_json->open(base + ".json"); !s) {
                    return s;
                }
            } else if (f == ExportFormat::Xlsx && book != nullptr) {
                m_sheet =
                    std::make_unique<XlsxSheet>(*book, std::string(toName(m_kind)), m_columns);
            }
        }
        return okStatus();
    }
    bool wantsJson() const { return m_json != nullptr; }

    Status add(const std::vector<Cell>& cells, const json* object) {
        ++m_records;
        if (m_csv) {
            if (auto s = m_csv->row(cells); !s) {
                return s;
            }
        }
        if (m_json && object != nullptr) {
            if (auto s = m_json->element(*object); !s) {
                return s;
            }
        }
        if (m_sheet) {
            return m_sheet->row(cells);
        }
        return okStatus();
    }
    Status close() {
        if (m_csv) {
            if (auto s = m_csv->close(); !s) {
                return s;
            }
        }
        if (m_json) {
            if (auto s = m_json->close(); !s) {
                return s;
            }
        }
        if (m_sheet) {
            return m_sheet->finish();
        }
        return okStatus();
    }
    std::int64_t records() const { return m_records; }

private:
    ExportKind m_kind;
    std::span<const Column> m_columns;
    std::unique_ptr<CsvWriter> m_csv;
    std::unique_ptr<JsonArrayWriter> m_json;
    std::unique_ptr<XlsxSheet> m_sheet;
    std::int64_t m_records = 0;
};

// --- records ------------------------------------------------------------------------------

json alertExportJson(const Alert& a) {
    json j = alertToJson(a);
    j["open"] = a.open;
    j["qualified_by"] = a.qualifiedBy;
    j["qualified_at"] = a.qualifiedAtMs > 0 ? json(isoUtc(a.qualifiedAtMs)) : json(nullptr);
    return j;
}

std::vector<Cell> alertCells(const Alert& a, const json& j) {
    return {a.uid,
            a.siteId,
            a.cameraId,
            a.ruleId,
            a.zoneId,
            std::string(toName(a.event)),
            std::string(toName(a.severity)),
            TimeCell{a.wallStartMs},
            TimeCell{a.wallEndMs},
            double(a.startUs) / 1e6,
            double(a.endUs) / 1e6,
            std::string(a.open ? "true" : "false"),
            a.score,
            std::string(toName(a.qualification)),
            a.comment,
            a.qualifiedBy,
            a.qualifiedAtMs > 0 ? Cell(TimeCell{a.qualifiedAtMs}) : Cell(std::monostate{}),
            dumpJson(j.at("boxes")),
            dumpJson(j.at("track_ids")),
            a.detail};
}

std::vector<Cell> countCells(const CountSample& s) {
    return {TimeCell{s.tMs}, s.cameraId, s.zoneId, std::string(toName(s.metric)), s.value};
}

json countJson(const CountSample& s) {
    return {{"time", isoUtc(s.tMs)},
            {"camera", s.cameraId},
            {"zone", s.zoneId},
            {"metric", toName(s.metric)},
            {"value", s.value}};
}

std::vector<Cell> auditCells(const AuditExportRecord& r) {
    return {r.sequence, TimeCell{r.timeMs}, r.actor, r.action, r.target, r.detailsJson, r.hash};
}

json auditJson(const AuditExportRecord& r) {
    json details = json::parse(r.detailsJson, nullptr, false);
    if (details.is_discarded()) {
        details = r.detailsJson;
    }
    return {{"sequence", r.sequence}, {"time", isoUtc(r.timeMs)}, {"actor", r.actor},
            {"action", r.action},     {"target", r.target},       {"details", details},
            {"hash", r.hash}};
}

// Alerts oldest first, one day of alerts in memory at a time.
Status forEachAlert(AlertStore& store, const ExportFilter& filter,
                    const std::function<Status(const Alert&)>& visit) {
    Database& db = store.database();
    auto count = db.queryInt64("SELECT count(*) FROM alerts");
    if (!count) {
        return count.error();
    }
    if (*count == 0) {
        return okStatus();
    }
    auto first = db.queryInt64("SELECT min(wall_start_ms) FROM alerts");
    auto last = db.queryInt64("SELECT max(wall_start_ms) FROM alerts");
    if (!first) {
        return first.error();
    }
    if (!last) {
        return last.error();
    }
    const std::int64_t from = std::max(filter.fromMs.value_or(*first), *first);
    const std::int64_t to = std::min(filter.toMs.value_or(*last + 1), *last + 1);
    for (std::int64_t window = from; window < to; window += kMsPerDay) {
        AlertFilter f;
        f.cameraId = filter.cameraId;
        f.event = filter.event;
        f.fromMs = window;
        f.toMs = std::min(window + kMsPerDay, to);
        f.limit = INT_MAX;
        auto alerts = store.list(f);
        if (!alerts) {
            return alerts.error();
        }
        for (auto it = alerts->rbegin(); it != alerts->rend(); ++it) {
            if (auto s = visit(*it); !s) {
                return s;
            }
        }
    }
    return okStatus();
}

// --- target -------------------------------------------------------------------------------

Status checkTarget(const std::string& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
        return makeError("the export target " + dir +
                         " does not exist (is the removable drive mounted?)");
    }
    if (!S_ISDIR(st.st_mode)) {
        return makeError("the export target " + dir + " is not a directory");
    }
    struct statvfs vfs {};
    if (::statvfs(dir.c_str(), &vfs) == 0 && (vfs.f_flag & ST_RDONLY) != 0) {
        return makeError("the export target " + dir +
                         " is on a read-only file system (is the drive write-protected?)");
    }
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
        return makeError("the export target " + dir + " is not writable by this user");
    }
    return okStatus();
}

Result<std::uint64_t> statvfsFreeBytes(const std::string& dir) {
    struct statvfs vfs {};
    if (::statvfs(dir.c_str(), &vfs) != 0) {
        return makeError("cannot read the free space of " + dir + ": " + std::strerror(errno));
    }
    return std::uint64_t(vfs.f_bavail) * std::uint64_t(vfs.f_frsize);
}

bool isFat(const std::string& dir) {
    struct statfs fs {};
    return ::statfs(dir.c_str(), &fs) == 0 && fs.f_type == MSDOS_SUPER_MAGIC;
}

std::string mib(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", double(bytes) / (1024.0 * 1024.0));
    return buf;
}

Status copyDurable(const std::string& from, const std::string& to) {
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        return makeError("cannot read " + from + ": " + std::strerror(errno));
    }
    const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        const int err = errno;
        ::close(in);
        return makeError(describeWriteError(err, to));
    }
    std::vector<char> buf(1 << 16);
    Status status;
    for (;;) {
        const ssize_t n = ::read(in, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            status = makeError("cannot read " + from + ": " + std::strerror(errno));
            break;
        }
        if (n == 0) {
            break;
        }
        const char* p = buf.data();
        std::size_t left = static_cast<std::size_t>(n);
        while (left > 0 && status) {
            const ssize_t w = ::write(out, p, left);
            if (w < 0 && errno == EINTR) {
                continue;
            }
            if (w < 0) {
                status = makeError(describeWriteError(errno, to));
                break;
            }
            p += w;
            left -= static_cast<std::size_t>(w);
        }
        if (!status) {
            break;
        }
    }
    if (status && ::fsync(out) != 0) {
        status = makeError(describeWriteError(errno, to));
    }
    if (::close(out) != 0 && status) {
        status = makeError(describeWriteError(errno, to));
    }
    ::close(in);
    return status;
}

// Files written on the target under temporary names, renamed into place by commit(), removed
// otherwise.
class TargetWrite {
public:
    TargetWrite(std::string targetDir, ExportLayout layout, std::string bundleName)
        : m_target(std::move(targetDir)), m_layout(layout), m_bundleName(std::move(bundleName)) {}
    TargetWrite(const TargetWrite&) = delete;
    TargetWrite& operator=(const TargetWrite&) = delete;

    Status begin() {
        if (m_layout != ExportLayout::Bundle) {
            return okStatus();
        }
        const std::string final = finalDirectory();
        std::error_code ec;
        if (fs::exists(final, ec)) {
            return makeError("the export directory " + final + " already exists");
        }
        std::string partial = (fs::path(m_target) / ("." + m_bundleName + ".partial-XXXXXX"));
        if (::mkdtemp(partial.data()) == nullptr) {
            return makeError(describeWriteError(errno, partial));
        }
        m_partialDir = partial;
        return okStatus();
    }

    // Where to write the file that will be called `name`.
    std::string pathFor(const std::string& name) {
        if (m_layout == ExportLayout::Bundle) {
            return (fs::path(m_partialDir) / name).string();
        }
        const std::string temp = (fs::path(m_target) / ("." + name + ".partial")).string();
        m_temps.emplace_back(temp, (fs::path(m_target) / name).string());
        std::error_code ec;
        fs::remove(temp, ec);  // left by an export killed before it could clean up
        return temp;
    }

    Status commit() {
        if (m_layout == ExportLayout::Bundle) {
            if (auto s = syncDirectory(m_partialDir); !s) {
                return s;
            }
            if (::rename(m_partialDir.c_str(), finalDirectory().c_str()) != 0) {
                return makeError(describeWriteError(errno, finalDirectory()));
            }
            m_partialDir.clear();
        } else {
            for (const auto& [temp, final] : m_temps) {
                if (::rename(temp.c_str(), final.c_str()) != 0) {
                    return makeError(describeWriteError(errno, final));
                }
            }
            m_temps.clear();
        }
        return syncDirectory(m_target);
    }

    std::string finalDirectory() const {
        return m_layout == ExportLayout::Bundle ? (fs::path(m_target) / m_bundleName).string()
                                                : m_target;
    }

    ~TargetWrite() {
        std::error_code ec;
        if (!m_partialDir.empty()) {
            fs::remove_all(m_partialDir, ec);
        }
        // (A file being sealed or written atomically removes its own temp file on failure.)
        for (const auto& entry : m_temps) {
            fs::remove(entry.first, ec);
        }
    }

private:
    std::string m_target;
    ExportLayout m_layout;
    std::string m_bundleName;
    std::string m_partialDir;
    std::vector<std::pair<std::string, std::string>> m_temps;
};

// A private directory for the plaintext, removed with everything in it.
class Staging {
public:
    Status create(const std::string& base) {
        std::error_code ec;
        const std::string root = base.empty() ? fs::temp_directory_path(ec).string() : base;
        if (ec) {
            return makeError("no temporary directory for the export: " + ec.message());
        }
        std::string dir = (fs::path(root) / "vigie-export-XXXXXX").string();
        if (::mkdtemp(dir.data()) == nullptr) {  // mode 0700
            return makeError("cannot create a staging directory in " + root + ": " +
                             std::strerror(errno));
        }
        m_dir = dir;
        return okStatus();
    }
    ~Staging() {
        std::error_code ec;
        if (!m_dir.empty()) {
            fs::remove_all(m_dir, ec);
        }
    }
    const std::string& dir() const { return m_dir; }

private:
    std::string m_dir;
};

struct StagedFile {
    std::string name;  // without ".enc"
    ExportKind kind = ExportKind::Invalid;
    ExportFormat format = ExportFormat::Invalid;
    std::string path;
    std::uint64_t sizeBytes = 0;
};

std::string siteLabel(const std::string& siteId) {
    std::string label;
    for (const char c : siteId) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        label += ok ? c : '_';
    }
    return label.empty() ? "site" : label.substr(0, 64);
}

}  // namespace

// --- public helpers -----------------------------------------------------------------------

std::string_view toName(ExportFormat format) {
    switch (format) {
        case ExportFormat::Csv:
            return "csv";
        case ExportFormat::Json:
            return "json";
        case ExportFormat::Xlsx:
            return "xlsx";
        case ExportFormat::Invalid:
            break;
    }
    return "invalid";
}

std::string_view toName(ExportKind kind) {
    switch (kind) {
        case ExportKind::Alerts:
            return "alerts";
        case ExportKind::Counts:
            return "counts";
        case ExportKind::Audit:
            return "audit";
        case ExportKind::Invalid:
            break;
    }
    return "invalid";
}

std::optional<ExportFormat> exportFormatFromString(std::string_view name) {
    for (const ExportFormat f : kAllExportFormats) {
        if (toName(f) == name) {
            return f;
        }
    }
    return std::nullopt;
}

Result<std::vector<ExportFormat>> parseExportFormats(std::string_view list) {
    std::vector<ExportFormat> formats;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string_view name = list.substr(start, comma - start);
        const auto f = exportFormatFromString(name);
        if (!f) {
            return makeError("unknown export format '" + std::string(name) +
                             "' (known: csv, json, xlsx)");
        }
        if (std::find(formats.begin(), formats.end(), *f) != formats.end()) {
            return makeError("export format '" + std::string(name) + "' given twice");
        }
        formats.push_back(*f);
        start = comma + 1;
    }
    return formats;
}

std::string csvField(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(value);
    }
    std::string out = "\"";
    for (const char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    return out;
}

double excelSerialDate(std::int64_t unixMs) {
    return double(unixMs) / double(kMsPerDay) + 25569.0;
}

// --- Exporter -----------------------------------------------------------------------------

Exporter::Exporter(ExportSources sources, AuditSink* audit)
    : m_sources(std::move(sources)), m_audit(audit) {}

Result<ExportReport> Exporter::exportTo(const std::string& targetDir,
                                        const ExportOptions& options) {
    // --- what to do
    if (options.layout != ExportLayout::Files && options.layout != ExportLayout::Bundle) {
        return makeError("internal error: no export layout given");
    }
    if (options.csvBom != CsvBom::With && options.csvBom != CsvBom::Without) {
        return makeError("internal error: no CSV byte-order-mark choice given");
    }
    std::vector<ExportFormat> formats =
        options.layout == ExportLayout::Bundle
            ? std::vector<ExportFormat>(std::begin(kAllExportFormats), std::end(kAllExportFormats))
            : options.formats;
    if (formats.empty()) {
        return makeError("no export format chosen (csv, json, xlsx)");
    }
    for (const ExportFormat f : formats) {
        if (!exportFormatFromString(toName(f))) {
            return makeError("internal error: invalid export format");
        }
    }
    const ExportFilter& filter = options.filter;
    if (filter.fromMs && filter.toMs && *filter.fromMs >= *filter.toMs) {
        return makeError("the export period is empty: its start is not before its end");
    }
    if (filter.event && !eventTypeFromString(toName(*filter.event))) {
        return makeError("internal error: invalid event filter");
    }
    if (options.encryption != nullptr && options.encryption->kind() == KeyKind::Invalid) {
        return makeError("internal error: invalid encryption key");
    }
    if (!m_sources.alerts && !m_sources.counts && !m_sources.audit) {
        return makeError("nothing to export: no alerts, counts or audit source");
    }
    const std::int64_t nowMs = options.nowMs != 0 ? options.nowMs : systemNowMs();
    const bool encrypt = options.encryption != nullptr;

    // --- quick checks of the target before any work
    if (auto s = checkTarget(targetDir); !s) {
        return s.error();
    }

    // --- plaintext in the staging directory
    Staging staging;
    if (auto s = staging.create(options.stagingDir); !s) {
        return s.error();
    }
    const bool wantsXlsx =
        std::find(formats.begin(), formats.end(), ExportFormat::Xlsx) != formats.end();
    XlsxBook book;
    if (wantsXlsx) {
        if (auto s = book.open((fs::path(staging.dir()) / kXlsxName).string(), staging.dir()); !s) {
            return s.error();
        }
    }
    ExportReport report;
    std::vector<StagedFile> staged;
    std::vector<std::string> notes;
    std::vector<ExportKind> kinds;
    const auto stage = [&](ExportKind kind, std::span<const Column> columns,
                           const std::function<Status(KindOutput&)>& feed) -> Result<std::int64_t> {
        KindOutput out(kind, columns);
        if (auto s = out.open(staging.dir(), formats, options.csvBom, wantsXlsx ? &book : nullptr);
            !s) {
            return s.error();
        }
        if (auto s = feed(out); !s) {
            return s.error();
        }
        if (auto s = out.close(); !s) {
            return s.error();
        }
        for (const ExportFormat f : formats) {
            if (f != ExportFormat::Xlsx) {
                const std::string name = std::string(toName(kind)) + "." + std::string(toName(f));
                staged.push_back({name, kind, f, (fs::path(staging.dir()) / name).string(), 0});
            }
        }
        kinds.push_back(kind);
        return out.records();
    };

    if (m_sources.alerts != nullptr) {
        auto n = stage(ExportKind::Alerts, kAlertColumns, [&](KindOutput& out) {
            return forEachAlert(*m_sources.alerts, filter, [&](const Alert& a) {
                const json j = alertExportJson(a);
                return out.add(alertCells(a, j), &j);
            });
        });
        if (!n) {
            return makeError("cannot export the alerts: " + n.error().message);
        }
        report.alerts = *n;
    } else {
        notes.push_back("alerts: no alert store was given, not exported");
    }
    if (m_sources.counts != nullptr) {
        auto n = stage(ExportKind::Counts, kCountColumns, [&](KindOutput& out) {
            CountQuery q;
            q.cameraId = filter.cameraId;
            q.fromMs = filter.fromMs;
            q.toMs = filter.toMs;
            return m_sources.counts->forEach(q, [&](const CountSample& s) {
                if (!out.wantsJson()) {
                    return out.add(countCells(s), nullptr);
                }
                const json j = countJson(s);
                return out.add(countCells(s), &j);
            });
        });
        if (!n) {
            return makeError("cannot export the count samples: " + n.error().message);
        }
        report.countSamples = *n;
    } else {
        notes.push_back("counts: no count store was given, not exported");
    }
    if (m_sources.audit) {
        auto records = m_sources.audit(filter);
        if (!records) {
            return makeError("cannot read the audit records: " + records.error().message);
        }
        auto n = stage(ExportKind::Audit, kAuditColumns, [&](KindOutput& out) {
            for (const AuditExportRecord& r : *records) {
                if ((filter.fromMs && r.timeMs < *filter.fromMs) ||
                    (filter.toMs && r.timeMs >= *filter.toMs)) {
                    continue;
                }
                const json j = auditJson(r);
                if (auto s = out.add(auditCells(r), &j); !s) {
                    return s;
                }
            }
            return okStatus();
        });
        if (!n) {
            return makeError("cannot export the audit records: " + n.error().message);
        }
        report.auditRecords = *n;
    } else {
        notes.push_back("audit: no audit log was given, not exported");
    }
    if (wantsXlsx) {
        if (auto s = book.close(); !s) {
            return s.error();
        }
        staged.push_back({std::string(kXlsxName), ExportKind::Invalid, ExportFormat::Xlsx,
                          (fs::path(staging.dir()) / kXlsxName).string(), 0});
    }

    // --- room on the target
    std::uint64_t needed = kManifestReserveBytes;
    std::uint64_t largest = 0;
    for (StagedFile& f : staged) {
        std::error_code ec;
        f.sizeBytes = fs::file_size(f.path, ec);
        if (ec) {
            return makeError("cannot read the staged file " + f.path + ": " + ec.message());
        }
        const std::uint64_t onTarget = encrypt ? sealedSize(f.sizeBytes) : f.sizeBytes;
        needed += onTarget;
        largest = std::max(largest, onTarget);
    }
    auto freeBytes = options.freeBytes ? options.freeBytes(targetDir) : statvfsFreeBytes(targetDir);
    if (!freeBytes) {
        return freeBytes.error();
    }
    if (needed > *freeBytes) {
        return makeError("not enough space on " + targetDir + ": the export needs " + mib(needed) +
                         ", " + mib(*freeBytes) + " are free; nothing was written");
    }
    if (largest > kFat32MaxFileBytes && isFat(targetDir)) {
        return makeError("the export target " + targetDir +
                         " is FAT32, which cannot hold files over 4 GiB (this export has one of " +
                         mib(largest) +
                         "): format the drive as exFAT or ext4, or narrow the "
                         "period; nothing was written");
    }

    // --- onto the target
    const std::string bundleName =
        "vigie-export-" + siteLabel(options.siteId) + "-" + compactUtc(nowMs);
    TargetWrite target(targetDir, options.layout, bundleName);
    if (auto s = target.begin(); !s) {
        return s.error();
    }
    for (const StagedFile& f : staged) {
        const std::string name = encrypt ? f.name + std::string(kSealedSuffix) : f.name;
        const std::string path = target.pathFor(name);
        const Status written =
            encrypt ? sealFile(f.path, path, *options.encryption) : copyDurable(f.path, path);
        if (!written) {
            return makeError(written.error().message +
                             "; the export was abandoned and its "
                             "partial files removed from " +
                             targetDir);
        }
        // Read back from the media: the hash is that of what was really written.
        auto hash = sha256File(path);
        std::error_code ec;
        const std::uint64_t size = fs::file_size(path, ec);
        if (!hash || ec) {
            return makeError("cannot read back " + path +
                             " after writing it; the export was "
                             "abandoned and its partial files removed");
        }
        report.files.push_back({name, f.kind, f.format, size, *hash});
    }
    if (options.layout == ExportLayout::Bundle) {
        json files = json::array();
        for (const ExportedFile& f : report.files) {
            files.push_back(
                {{"name", f.name},
                 {"kind", f.kind == ExportKind::Invalid ? json("all") : json(toName(f.kind))},
                 {"format", toName(f.format)},
                 {"size", f.sizeBytes},
                 {"sha256", f.sha256}});
        }
        json kindNames = json::array();
        for (const ExportKind k : kinds) {
            kindNames.push_back(toName(k));
        }
        const json manifest = {
            {"format", "vigie-export"},
            {"version", 1},
            {"site_id", options.siteId.empty() ? json(nullptr) : json(options.siteId)},
            {"exported_at", isoUtc(nowMs)},
            {"period",
             {{"from", filter.fromMs ? json(isoUtc(*filter.fromMs)) : json(nullptr)},
              {"to", filter.toMs ? json(isoUtc(*filter.toMs)) : json(nullptr)}}},
            {"filters",
             {{"camera", filter.cameraId ? json(*filter.cameraId) : json(nullptr)},
              {"event", filter.event ? json(toName(*filter.event)) : json(nullptr)}}},
            {"kinds", kindNames},
            {"records",
             {{"alerts", report.alerts},
              {"counts", report.countSamples},
              {"audit", report.auditRecords}}},
            {"encrypted", encrypt},
            {"encryption", encrypt ? json("VIGIEENC v1: Argon2id, XChaCha20-Poly1305 "
                                          "secretstream; open with `vigie export --decrypt`")
                                   : json(nullptr)},
            {"files", files},
            {"notes", notes},
        };
        const std::string text = manifest.dump(2) + "\n";
        if (auto s = writeFileAtomic(target.pathFor(std::string(kManifestName)), asBytes(text));
            !s) {
            return makeError(s.error().message +
                             "; the export was abandoned and its partial "
                             "files removed from " +
                             targetDir);
        }
    }
    if (auto s = target.commit(); !s) {
        return s.error();
    }
    report.directory = target.finalDirectory();
    report.encrypted = encrypt;

    if (m_audit != nullptr) {
        json formatNames = json::array();
        for (const ExportFormat f : formats) {
            formatNames.push_back(toName(f));
        }
        json kindNames = json::array();
        for (const ExportKind k : kinds) {
            kindNames.push_back(toName(k));
        }
        const json details = {
            {"layout", options.layout == ExportLayout::Bundle ? "bundle" : "files"},
            {"formats", formatNames},
            {"kinds", kindNames},
            {"records",
             {{"alerts", report.alerts},
              {"counts", report.countSamples},
              {"audit", report.auditRecords}}},
            {"files", report.files.size()},
            {"encrypted", encrypt},
            {"from", filter.fromMs ? json(isoUtc(*filter.fromMs)) : json(nullptr)},
            {"to", filter.toMs ? json(isoUtc(*filter.toMs)) : json(nullptr)},
            {"camera", filter.cameraId ? json(*filter.cameraId) : json(nullptr)},
            {"event", filter.event ? json(toName(*filter.event)) : json(nullptr)},
        };
        AuditEvent event;
        event.timeMs = nowMs;
        event.actor = options.actor;
        event.action = "export";
        event.target = report.directory;
        event.detailsJson = details.dump();
        report.auditRecorded = m_audit->record(event);
        if (!report.auditRecorded) {
            logger("store")->error("export to {} done, but its audit event could not be recorded",
                                   report.directory);
        }
    }
    return report;
}

}  // namespace vigie::core
