#pragma once
// Exporter (Ex. 15, 16, 122): alerts with their qualification, count samples and audit
// records, filtered by period, camera and event, to CSV (RFC 4180, UTF-8, CRLF, optional BOM
// for Excel, ISO 8601 UTC times), JSON (one array per kind; alerts as alertToJson plus
// qualified_by / qualified_at / open, so alertFromJson reads them back) and XLSX (one sheet
// per kind, bold frozen header row, column widths, times as Excel dates in UTC).
//
// Two layouts:
// - Files: the chosen formats, written into the target directory as alerts.csv,
//   counts.json, vigie-export.xlsx… (replacing files of the same name): the automated access
//   of Ex. 15.
// - Bundle: the end-of-deployment export to removable media (Ex. 16): every kind in every
//   format in a new directory "vigie-export-<site>-<yyyymmddThhmmssZ>" with a manifest.json
//   listing each file with its size and SHA-256 (of the file as written on the media), the
//   site id, the period, the filters and the export time.
// Either may be encrypted with a passphrase: each file is sealed (crypto_box.h: Argon2id,
// XChaCha20-Poly1305 secretstream) and gets the suffix ".enc"; the manifest stays readable
// (names, sizes, hashes, period) so that anyone can check the media is complete without the
// secret.
//
// Nothing half-written is ever left on the target: everything is first produced in a
// private staging directory (mode 0700, on the server's encrypted disk, removed afterwards),
// then the target is checked (exists, writable, not read-only, enough free space — statvfs —
// and files under 4 GiB on FAT32), then files are copied or sealed under temporary names,
// fsync'ed, read back for their hashes and renamed into place; on any failure the temporary
// files are removed and the target is as it was. One "export" audit event records what was
// exported, where and for which filters.
//
// Audit records are read through AuditRecordProvider (a plain function) so that the
// exporter does not depend on the audit log's storage. The event filter applies to alerts,
// the camera filter to alerts and counts, the period to all three.
//
// Thread: one export at a time per Exporter, on a thread that may block (minutes for a
// large bundle): never the GUI thread. Ownership: borrows the stores and the audit sink.
//
//   Exporter exporter({.alerts = alerts.get(), .counts = counts.get(), .audit = provider},
//                     &auditLog);
//   auto report = exporter.exportTo("/media/usb", {.layout = ExportLayout::Bundle,
//                                                  .encryption = &key, .siteId = site.id});

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_sink.h"
#include "core/crypto_box.h"
#include "core/event_type.h"
#include "core/result.h"

namespace vigie::core {

class AlertStore;
class CountStore;

enum class ExportFormat { Invalid = 0, Csv, Json, Xlsx };
enum class ExportKind { Invalid = 0, Alerts, Counts, Audit };
enum class ExportLayout { Invalid = 0, Files, Bundle };
enum class CsvBom { Invalid = 0, Without, With };

inline constexpr ExportFormat kAllExportFormats[] = {ExportFormat::Csv, ExportFormat::Json,
                                                     ExportFormat::Xlsx};

// "csv", "json", "xlsx" / "alerts", "counts", "audit".
std::string_view toName(ExportFormat format);
std::string_view toName(ExportKind kind);
std::optional<ExportFormat> exportFormatFromString(std::string_view name);
// "csv,json" → {Csv, Json}; an unknown or repeated name is an error.
Result<std::vector<ExportFormat>> parseExportFormats(std::string_view list);

struct ExportFilter {
    std::optional<std::int64_t> fromMs;   // record time >= fromMs (Unix ms)
    std::optional<std::int64_t> toMs;     // record time < toMs (half-open period)
    std::optional<std::string> cameraId;  // alerts and counts
    std::optional<EventType> event;       // alerts
};

// An audit record as exported: a plain copy of what the audit log holds.
struct AuditExportRecord {
    std::int64_t sequence = 0;
    std::int64_t timeMs = 0;
    std::string actor;
    std::string action;
    std::string target;
    std::string detailsJson;
    std::string hash;  // hex hash of the record in the chain, empty when unknown
};
// The audit records of the filter's period, oldest first.
using AuditRecordProvider =
    std::function<Result<std::vector<AuditExportRecord>>(const ExportFilter& filter)>;

// What to read; a kind whose source is missing is not exported (and is named as such in the
// manifest).
struct ExportSources {
    AlertStore* alerts = nullptr;
    CountStore* counts = nullptr;
    AuditRecordProvider audit;
};

struct ExportOptions {
    ExportLayout layout = ExportLayout::Files;
    std::vector<ExportFormat> formats{kAllExportFormats[0], kAllExportFormats[1],
                                      kAllExportFormats[2]};  // Bundle: always all of them
    ExportFilter filter;
    CsvBom csvBom = CsvBom::Without;
    const SealingKey* encryption = nullptr;  // null: files in clear
    std::string siteId;                      // for the manifest and the bundle's name
    std::string actor = "system";            // for the audit event
    std::int64_t nowMs = 0;                  // export time; 0: the system clock
    std::string stagingDir;                  // empty: the system temp directory ($TMPDIR)
    // Free bytes for an unprivileged user on the file system of a directory; empty: statvfs.
    std::function<Result<std::uint64_t>(const std::string& dir)> freeBytes;
};

struct ExportedFile {
    std::string name;                       // relative to ExportReport::directory
    ExportKind kind = ExportKind::Invalid;  // Invalid for the XLSX workbook (every kind)
    ExportFormat format = ExportFormat::Invalid;
    std::uint64_t sizeBytes = 0;
    std::string sha256;
};

struct ExportReport {
    std::string directory;  // where the files are (the bundle directory for a bundle)
    std::vector<ExportedFile> files;
    std::int64_t alerts = 0;
    std::int64_t countSamples = 0;
    std::int64_t auditRecords = 0;
    bool encrypted = false;
    bool auditRecorded = false;
};

class Exporter {
public:
    Exporter(ExportSources sources, AuditSink* audit);

    Result<ExportReport> exportTo(const std::string& targetDir, const ExportOptions& options);

private:
    ExportSources m_sources;
    AuditSink* m_audit = nullptr;
};

// One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF, with quotes
// doubled; otherwise unchanged.
std::string csvField(std::string_view value);
// Excel's serial date (days since 1899-12-30, fractional) of a Unix time in UTC.
double excelSerialDate(std::int64_t unixMs);

}  // namespace vigie::core
