// Exports: CSV escapes commas, quotes, newlines and keeps UTF-8 ("Caméra"), JSON reads back
// through alertFromJson, XLSX is a real zip with one sheet per kind, the bundle's manifest
// matches its files, an encrypted bundle opens with the passphrase and refuses another one, a
// full target is refused (or cleaned up when it fills mid-way) with nothing left behind, the
// filters select what they say, and the export is audited.
#include <sys/resource.h>

#include <QCryptographicHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>

#include "core/alert_json.h"
#include "core/alert_store.h"
#include "core/count_store.h"
#include "core/exporter.h"
#include "tests/support/core_printers.h"

using namespace vigie::core;
namespace fs = std::filesystem;
using nlohmann::json;

// Evaluates its argument once (it is often a call with side effects).
#define VERIFY_OK(expr)                                                              \
    do {                                                                             \
        const auto& verifiedResult = (expr);                                         \
        QVERIFY2(verifiedResult.ok(),                                                \
                 verifiedResult.ok() ? "" : verifiedResult.error().message.c_str()); \
    } while (false)

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr std::int64_t kT0 = 1'793'613'600'000;          // 2026-11-02T10:00:00Z
constexpr std::int64_t kExportTime = 1'794'000'000'000;  // 2026-11-06T21:20:00Z
constexpr KdfParams kTestKdf{1, 1024};
const std::string kPassphrase = "un long secret pour la clé USB";
const std::string kTrickyComment = "vu, \"homme\" en veste\nligne 2, fin";

Alert makeAlert(const std::string& uid, const std::string& camera, EventType event,
                std::int64_t wallStartMs) {
    Alert a;
    a.uid = uid;
    a.siteId = "site-a";
    a.cameraId = camera;
    a.ruleId = "rule-" + std::string(toName(event));
    a.zoneId = "quai, nord";
    a.event = event;
    a.severity = Severity::Major;
    a.startUs = 12'500'000;
    a.endUs = 15'000'000;
    a.wallStartMs = wallStartMs;
    a.wallEndMs = wallStartMs + 2500;
    a.open = false;
    a.score = 0.8125;
    a.boxes = {{0.1, 0.2, 0.3, 0.4}};
    a.trackIds = {7};
    a.detail = R"({"dwell_s":2.5})";
    return a;
}

std::vector<Alert> alerts() {
    Alert a1 = makeAlert("u1", "Caméra 1", EventType::Intrusion, kT0);
    a1.qualification = Qualification::Confirmed;
    a1.comment = kTrickyComment;
    a1.qualifiedBy = "op.l1";
    a1.qualifiedAtMs = kT0 + 60'000;
    Alert a2 = makeAlert("u2", "cam2", EventType::LineCrossing, kT0 + kHourMs);
    Alert a3 = makeAlert("u3", "cam2", EventType::Intrusion, kT0 + 2 * kDayMs);
    return {a1, a2, a3};
}

std::vector<CountSample> samples() {
    return {{"Caméra 1", "z1", CountMetric::Count, 3, kT0},
            {"Caméra 1", "z1", CountMetric::DensityPerM2, 0.75, kT0 + kHourMs},
            {"cam2", "l1", CountMetric::Crossings, 1, kT0 + 2 * kHourMs},
            {"cam2", "l1", CountMetric::Crossings, 2, kT0 + 3 * kDayMs}};
}

std::vector<AuditExportRecord> auditRecords() {
    return {{1, kT0 - kHourMs, "cli:root", "login", "op.l1", R"({"ok":true})", "aa"},
            {2, kT0 + kHourMs, "op.l1", "qualify", "u1", R"({"verdict":"confirmed"})", "bb"},
            {3, kT0 + 3 * kDayMs, "system", "purge", "db", "{}", "cc"}};
}

struct RecordingAudit final : AuditSink {
    std::vector<AuditEvent> events;
    bool record(const AuditEvent& event) override {
        events.push_back(event);
        return true;
    }
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// RFC 4180 with CRLF records; `ok` turns false on a bare LF outside quotes.
std::vector<std::vector<std::string>> parseCsv(const std::string& text, bool& ok) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool inQuotes = false;
    ok = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                inQuotes = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            inQuotes = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            ++i;
        } else if (c == '\n') {
            ok = false;
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        ok = false;  // the last record must end with CRLF
    }
    return rows;
}

// Names in a zip's central directory, read from the end-of-central-directory record.
QStringList zipEntries(const QByteArray& zip) {
    QStringList names;
    const auto u16 = [&](qsizetype at) {
        return int(quint8(zip[at])) | (int(quint8(zip[at + 1])) << 8);
    };
    const auto u32 = [&](qsizetype at) {
        return qint64(u16(at)) | (qint64(u16(at + 2)) << 16);
    };
    const qsizetype eocd = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0 || eocd + 22 > zip.size()) {
        return names;
    }
    const int count = u16(eocd + 10);
    qsizetype pos = qsizetype(u32(eocd + 16));
    for (int i = 0; i < count; ++i) {
        if (pos + 46 > zip.size() || zip.mid(pos, 4) != QByteArray("PK\x01\x02", 4)) {
            return {};
        }
        const int nameLen = u16(pos + 28);
        names << QString::fromUtf8(zip.mid(pos + 46, nameLen));
        pos += 46 + nameLen + u16(pos + 30) + u16(pos + 32);
    }
    return names;
}

QStringList entriesOf(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

}  // namespace

class TestExporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_next = 0;
    std::unique_ptr<AlertStore> m_alerts;
    std::unique_ptr<CountStore> m_counts;
    RecordingAudit m_audit;

    QString newDir() {
        const QString dir = m_tmp.filePath(QString("out%1").arg(++m_next));
        QDir().mkpath(dir);
        return dir;
    }
    Exporter exporter() {
        return Exporter({m_alerts.get(), m_counts.get(),
                         [](const ExportFilter&) -> Result<std::vector<AuditExportRecord>> {
                             return auditRecords();
                         }},
                        &m_audit);
    }
    ExportOptions options(ExportLayout layout = ExportLayout::Files) {
        ExportOptions o;
        o.layout = layout;
        o.siteId = "site-a";
        o.actor = "test";
        o.nowMs = kExportTime;
        o.stagingDir = m_tmp.filePath("staging").toStdString();
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        QVERIFY(QDir().mkpath(m_tmp.filePath("staging")));
        DatabaseKey key;
        key.bytes.fill(9);
        auto store = AlertStore::open(m_tmp.filePath("vigie.db").toStdString(), key);
        VERIFY_OK(store);
        m_alerts = std::move(*store);
        for (const Alert& a : alerts()) {
            VERIFY_OK(m_alerts->upsert(a));
            if (a.qualification != Qualification::Unreviewed) {
                VERIFY_OK(m_alerts->qualify(a.uid, a.qualification, a.comment, a.qualifiedBy,
                                            a.qualifiedAtMs));
            }
        }
        auto counts = CountStore::attach(m_alerts->database());
        VERIFY_OK(counts);
        m_counts = std::move(*counts);
        VERIFY_OK(m_counts->append(samples()));
    }

    void csvFieldFollowsRfc4180_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << "cam1"
                               << "cam1";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("carriage return") << "a\rb"
                                         << "\"a\rb\"";
        QTest::newRow("UTF-8 untouched") << "Caméra été"
                                         << "Caméra été";
        QTest::newRow("leading space kept") << " x "
                                            << " x ";
    }
    void csvFieldFollowsRfc4180() {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(QString::fromStdString(csvField(value.toStdString())), field);
    }

    void formatListsParse() {
        auto ok = parseExportFormats("csv,xlsx");
        VERIFY_OK(ok);
        QCOMPARE(ok->size(), std::size_t(2));
        QVERIFY(!parseExportFormats("csv,parquet").ok());
        QVERIFY(!parseExportFormats("csv,csv").ok());
        QVERIFY(!parseExportFormats("").ok());
        QCOMPARE(excelSerialDate(0), 25569.0);
        QCOMPARE(excelSerialDate(kDayMs / 2), 25569.5);
    }

    void csvEscapesAndKeepsUtf8() {
        const QString dir = newDir();
        ExportOptions o = options();
        o.formats = {ExportFormat::Csv};
        o.csvBom = CsvBom::With;
        auto report = exporter().exportTo(dir.toStdString(), o);
        VERIFY_OK(report);
        QCOMPARE(entriesOf(dir), QStringList({"alerts.csv", "audit.csv", "counts.csv"}));
        const QByteArray bytes = readAll(dir + "/alerts.csv");
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        bool ok = false;
        const auto rows = parseCsv(bytes.mid(3).toStdString(), ok);
        QVERIFY2(ok, "not CRLF-terminated RFC 4180 records");
        QCOMPARE(rows.size(), std::size_t(4));  // header + 3 alerts
        const auto& header = rows[0];
        const auto col = [&](const std::string& name) {
            return std::size_t(std::find(header.begin(), header.end(), name) - header.begin());
        };
        QCOMPARE(header.front(), std::string("uid"));
        const auto& u1 = rows[1];
        QCOMPARE(u1.size(), header.size());
        QCOMPARE(u1[col("uid")], std::string("u1"));  // oldest first
        QCOMPARE(u1[col("camera")], std::string("Caméra 1"));
        QCOMPARE(u1[col("zone")], std::string("quai, nord"));
        QCOMPARE(u1[col("comment")], kTrickyComment);
        QCOMPARE(u1[col("start_utc")], std::string("2026-11-02T10:00:00.000Z"));
        QCOMPARE(u1[col("qualification")], std::string("confirmed"));
        QCOMPARE(u1[col("qualified_by")], std::string("op.l1"));
        QCOMPARE(u1[col("score")], std::string("0.8125"));
        QCOMPARE(u1[col("detail")], std::string(R"({"dwell_s":2.5})"));
        QCOMPARE(rows[2][col("qualified_at_utc")], std::string());  // never qualified

        const QByteArray counts = readAll(dir + "/counts.csv");
        QVERIFY(counts.startsWith("\xEF\xBB\xBFtime_utc,camera,zone,metric,value\r\n"));
        QVERIFY(counts.contains("2026-11-02T11:00:00.000Z,Caméra 1,z1,density_per_m2,0.75\r\n"));
    }

    void noBomByDefault() {
        const QString dir = newDir();
        ExportOptions o = options();
        o.formats = {ExportFormat::Csv};
        VERIFY_OK(exporter().exportTo(dir.toStdString(), o));
        QVERIFY(readAll(dir + "/alerts.csv").startsWith("uid,site,camera,"));
    }

    void jsonRoundTripsThroughAlertFromJson() {
        const QString dir = newDir();
        ExportOptions o = options();
        o.formats = {ExportFormat::Json};
        VERIFY_OK(exporter().exportTo(dir.toStdString(), o));
        QCOMPARE(entriesOf(dir), QStringList({"alerts.json", "audit.json", "counts.json"}));
        const json array = json::parse(readAll(dir + "/alerts.json").toStdString());
        QVERIFY(array.is_array());
        const auto originals = alerts();
        QCOMPARE(array.size(), originals.size());
        for (std::size_t i = 0; i < originals.size(); ++i) {
            auto back = alertFromJson(array[i]);
            VERIFY_OK(back);
            const Alert& a = originals[i];
            QCOMPARE(back->uid, a.uid);
            QCOMPARE(back->event, a.event);
            QCOMPARE(back->cameraId, a.cameraId);
            QCOMPARE(back->ruleId, a.ruleId);
            QCOMPARE(back->zoneId, a.zoneId);
            QCOMPARE(back->severity, a.severity);
            QCOMPARE(back->startUs, a.startUs);
            QCOMPARE(back->endUs, a.endUs);
            QCOMPARE(back->score, a.score);
            QCOMPARE(back->boxes.size(), a.boxes.size());
            QCOMPARE(back->boxes[0], a.boxes[0]);
            QCOMPARE(back->trackIds, a.trackIds);
            QCOMPARE(back->qualification, a.qualification);
            QCOMPARE(back->comment, a.comment);
            QCOMPARE(array[i]["qualified_by"].get<std::string>(), a.qualifiedBy);
            QCOMPARE(array[i]["wall_start"].get<std::string>(), isoUtc(a.wallStartMs));
        }
        const json audit = json::parse(readAll(dir + "/audit.json").toStdString());
        QCOMPARE(audit.size(), std::size_t(3));
        QCOMPARE(audit[1]["details"]["verdict"].get<std::string>(), std::string("confirmed"));
        const json counts = json::parse(readAll(dir + "/counts.json").toStdString());
        QCOMPARE(counts.size(), std::size_t(4));
        QCOMPARE(counts[0]["camera"].get<std::string>(), std::string("Caméra 1"));
    }

    void xlsxIsAZipWithOneSheetPerKind() {
        const QString dir = newDir();
        ExportOptions o = options();
        o.formats = {ExportFormat::Xlsx};
        VERIFY_OK(exporter().exportTo(dir.toStdString(), o));
        QCOMPARE(entriesOf(dir), QStringList({"vigie-export.xlsx"}));
        const QString path = dir + "/vigie-export.xlsx";
        const QByteArray zip = readAll(path);
        QVERIFY(zip.startsWith(QByteArray("PK\x03\x04", 4)));
        const QStringList entries = zipEntries(zip);
        for (const char* name :
             {"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
              "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/styles.xml"}) {
            QVERIFY2(entries.contains(name), name);
        }
        QVERIFY(!entries.contains("xl/worksheets/sheet4.xml"));

        const QString unzip = QStandardPaths::findExecutable("unzip");
        if (unzip.isEmpty()) {
            qInfo("unzip not installed: checked the central directory only");
            return;
        }
        QProcess list;
        list.start(unzip, {"-l", path});
        QVERIFY(list.waitForFinished(30000));
        QCOMPARE(list.exitCode(), 0);
        QVERIFY(list.readAllStandardOutput().contains("xl/worksheets/sheet3.xml"));
        const auto member = [&](const QString& name) {
            QProcess p;
            p.start(unzip, {"-p", path, name});
            p.waitForFinished(30000);
            return p.readAllStandardOutput();
        };
        const QByteArray workbook = member("xl/workbook.xml");
        QVERIFY(workbook.contains("name=\"alerts\""));
        QVERIFY(workbook.contains("name=\"counts\""));
        QVERIFY(workbook.contains("name=\"audit\""));
        const QByteArray sheet1 = member("xl/worksheets/sheet1.xml");
        QVERIFY(sheet1.contains("Caméra 1"));
        QVERIFY(sheet1.contains("ySplit=\"1\""));           // header row frozen
        QVERIFY(sheet1.contains("<col "));                  // column widths
        QVERIFY(member("xl/styles.xml").contains("<b/>"));  // bold header
        QVERIFY(member("xl/styles.xml").contains("yyyy-mm-dd hh:mm:ss.000"));
        // The start time of u1 as an Excel date (2026-11-02 10:00 = 46328.41666…).
        QVERIFY(sheet1.contains("<v>46328.41666"));
    }

    void bundleManifestMatchesItsFiles() {
        const QString dir = newDir();
        auto report = exporter().exportTo(dir.toStdString(), options(ExportLayout::Bundle));
        VERIFY_OK(report);
        const QString bundle = QString::fromStdString(report->directory);
        QCOMPARE(entriesOf(dir), QStringList({"vigie-export-site-a-20261106T212000Z"}));
        QCOMPARE(entriesOf(bundle),
                 QStringList({"alerts.csv", "alerts.json", "audit.csv", "audit.json", "counts.csv",
                              "counts.json", "manifest.json", "vigie-export.xlsx"}));
        const json manifest = json::parse(readAll(bundle + "/manifest.json").toStdString());
        QCOMPARE(manifest["site_id"].get<std::string>(), std::string("site-a"));
        QCOMPARE(manifest["exported_at"].get<std::string>(), isoUtc(kExportTime));
        QVERIFY(manifest["period"]["from"].is_null());
        QCOMPARE(manifest["encrypted"].get<bool>(), false);
        QCOMPARE(manifest["records"]["alerts"].get<int>(), 3);
        QCOMPARE(manifest["files"].size(), std::size_t(7));
        for (const json& f : manifest["files"]) {
            const QString path =
                bundle + "/" + QString::fromStdString(f["name"].get<std::string>());
            const QByteArray bytes = readAll(path);
            QCOMPARE(qint64(bytes.size()), f["size"].get<qint64>());
            QCOMPARE(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString(),
                f["sha256"].get<std::string>());
        }
        QCOMPARE(report->alerts, std::int64_t(3));
        QCOMPARE(report->countSamples, std::int64_t(4));
        QCOMPARE(report->auditRecords, std::int64_t(3));
        QVERIFY(entriesOf(m_tmp.filePath("staging")).isEmpty());  // plaintext staging removed
    }

    void encryptedBundleOpensOnlyWithThePassphrase() {
        auto key = SealingKey::fromPassphrase(kPassphrase, kTestKdf);
        VERIFY_OK(key);
        const QString clearDir = newDir();
        const QString sealedDir = newDir();
        auto clear = exporter().exportTo(clearDir.toStdString(), options(ExportLayout::Bundle));
        VERIFY_OK(clear);
        ExportOptions o = options(ExportLayout::Bundle);
        o.encryption = &*key;
        auto sealed = exporter().exportTo(sealedDir.toStdString(), o);
        VERIFY_OK(sealed);
        QVERIFY(sealed->encrypted);
        const QString bundle = QString::fromStdString(sealed->directory);
        const json manifest = json::parse(readAll(bundle + "/manifest.json").toStdString());
        QCOMPARE(manifest["encrypted"].get<bool>(), true);
        UnsealingKey reader = UnsealingKey::fromPassphrase(kPassphrase);
        UnsealingKey wrong = UnsealingKey::fromPassphrase("un long secret pour la clé USB!");
        for (const json& f : manifest["files"]) {
            const std::string name = f["name"].get<std::string>();
            QVERIFY2(name.ends_with(".enc"), name.c_str());
            const std::string path = (bundle + "/").toStdString() + name;
            QCOMPARE(QCryptographicHash::hash(readAll(QString::fromStdString(path)),
                                              QCryptographicHash::Sha256)
                         .toHex()
                         .toStdString(),
                     f["sha256"].get<std::string>());
            const std::string plainName = name.substr(0, name.size() - 4);
            const std::string out =
                m_tmp.filePath("dec-" + QString::fromStdString(plainName)).toStdString();
            VERIFY_OK(unsealFile(path, out, reader));
            if (!plainName.ends_with(".xlsx")) {  // a workbook records its creation time
                QCOMPARE(readAll(QString::fromStdString(out)),
                         readAll(QString::fromStdString(clear->directory + "/" + plainName)));
            } else {
                QVERIFY(readAll(QString::fromStdString(out)).startsWith("PK"));
            }
            auto refused = unsealFile(path, out + ".wrong", wrong);
            QVERIFY(!refused.ok());
            QVERIFY2(contains(refused.error().message, "wrong passphrase"),
                     refused.error().message.c_str());
            QVERIFY(!fs::exists(out + ".wrong"));
        }
    }

    void notEnoughSpaceWritesNothing() {
        const QString dir = newDir();
        ExportOptions o = options(ExportLayout::Bundle);
        o.freeBytes = [](const std::string&) -> Result<std::uint64_t> {
            return 4096;
        };
        auto r = exporter().exportTo(dir.toStdString(), o);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, "not enough space") &&
                     contains(r.error().message, dir.toStdString()),
                 r.error().message.c_str());
        QVERIFY(entriesOf(dir).isEmpty());
        QVERIFY(entriesOf(m_tmp.filePath("staging")).isEmpty());
    }

    // The disk fills while the files are being written (RLIMIT_FSIZE makes the kernel refuse
    // to grow a file past the limit, as a full drive would): the error names the target and
    // every file already written by this export is removed.
    void diskFullMidWayLeavesNothing() {
        const QString probeDir = newDir();
        ExportOptions probe = options();
        probe.formats = {ExportFormat::Csv, ExportFormat::Json};
        VERIFY_OK(exporter().exportTo(probeDir.toStdString(), probe));
        const auto largest = fs::file_size((probeDir + "/alerts.json").toStdString());
        QVERIFY(largest > fs::file_size((probeDir + "/alerts.csv").toStdString()));

        auto key = SealingKey::fromPassphrase(kPassphrase, kTestKdf);
        VERIFY_OK(key);
        const QString dir = newDir();
        ExportOptions o = probe;
        o.encryption = &*key;

        struct rlimit original {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &original), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct Restore {
            struct rlimit limit;
            void (*handler)(int);
            ~Restore() {
                ::setrlimit(RLIMIT_FSIZE, &limit);
                std::signal(SIGXFSZ, handler);
            }
        } restore{original, previousHandler};
        // Every plaintext fits, the sealed alerts.json (84 + 17 bytes more) does not.
        struct rlimit full = original;
        full.rlim_cur = largest + 40;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &full), 0);
        auto r = exporter().exportTo(dir.toStdString(), o);
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &original), 0);

        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, dir.toStdString()) &&
                     contains(r.error().message, "removed"),
                 r.error().message.c_str());
        QVERIFY2(entriesOf(dir).isEmpty(), qPrintable(entriesOf(dir).join(", ")));
        QVERIFY(entriesOf(m_tmp.filePath("staging")).isEmpty());
    }

    void badTargetsAreRefused() {
        const QString file = m_tmp.filePath("a-file");
        QVERIFY(QFile(file).open(QIODevice::WriteOnly));
        auto notDir = exporter().exportTo(file.toStdString(), options());
        QVERIFY(!notDir.ok());
        QVERIFY(contains(notDir.error().message, "not a directory"));
        auto missing = exporter().exportTo(m_tmp.filePath("no-such-usb").toStdString(), options());
        QVERIFY(!missing.ok());
        QVERIFY2(contains(missing.error().message, "does not exist"),
                 missing.error().message.c_str());
        ExportOptions empty = options();
        empty.filter.fromMs = kT0;
        empty.filter.toMs = kT0;
        QVERIFY(!exporter().exportTo(newDir().toStdString(), empty).ok());
    }

    void filtersSelectRecords_data() {
        QTest::addColumn<qint64>("fromMs");
        QTest::addColumn<qint64>("toMs");
        QTest::addColumn<QString>("camera");
        QTest::addColumn<int>("event");
        QTest::addColumn<int>("alerts");
        QTest::addColumn<int>("counts");
        QTest::addColumn<int>("audit");
        QTest::newRow("everything") << -1LL << -1LL << "" << 0 << 3 << 4 << 3;
        QTest::newRow("first day") << qint64(kT0) << qint64(kT0 + kDayMs) << "" << 0 << 2 << 3 << 1;
        QTest::newRow("from the second hour")
            << qint64(kT0 + kHourMs) << -1LL << "" << 0 << 2 << 3 << 2;
        QTest::newRow("camera with an accent") << -1LL << -1LL << "Caméra 1" << 0 << 1 << 2 << 3;
        QTest::newRow("event") << -1LL << -1LL << "" << int(EventType::Intrusion) << 2 << 4 << 3;
        QTest::newRow("camera and event")
            << -1LL << -1LL << "cam2" << int(EventType::Intrusion) << 1 << 2 << 3;
        QTest::newRow("nothing in the period")
            << qint64(kT0 + 10 * kDayMs) << qint64(kT0 + 11 * kDayMs) << "" << 0 << 0 << 0 << 0;
    }
    void filtersSelectRecords() {
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        QFETCH(QString, camera);
        QFETCH(int, event);
        QFETCH(int, alerts);
        QFETCH(int, counts);
        QFETCH(int, audit);
        ExportOptions o = options();
        o.formats = {ExportFormat::Csv};
        if (fromMs >= 0) {
            o.filter.fromMs = fromMs;
        }
        if (toMs >= 0) {
            o.filter.toMs = toMs;
        }
        if (!camera.isEmpty()) {
            o.filter.cameraId = camera.toStdString();
        }
        if (event != 0) {
            o.filter.event = static_cast<EventType>(event);
        }
        const QString dir = newDir();
        auto report = exporter().exportTo(dir.toStdString(), o);
        VERIFY_OK(report);
        QCOMPARE(report->alerts, std::int64_t(alerts));
        QCOMPARE(report->countSamples, std::int64_t(counts));
        QCOMPARE(report->auditRecords, std::int64_t(audit));
        bool ok = false;
        QCOMPARE(parseCsv(readAll(dir + "/alerts.csv").toStdString(), ok).size(),
                 std::size_t(alerts + 1));
        QCOMPARE(parseCsv(readAll(dir + "/counts.csv").toStdString(), ok).size(),
                 std::size_t(counts + 1));
        QCOMPARE(parseCsv(readAll(dir + "/audit.csv").toStdString(), ok).size(),
                 std::size_t(audit + 1));
    }

    void exportIsAudited() {
        m_audit.events.clear();
        const QString dir = newDir();
        ExportOptions o = options(ExportLayout::Bundle);
        o.filter.cameraId = "cam2";
        auto report = exporter().exportTo(dir.toStdString(), o);
        VERIFY_OK(report);
        QVERIFY(report->auditRecorded);
        QCOMPARE(m_audit.events.size(), std::size_t(1));
        const AuditEvent& e = m_audit.events.front();
        QCOMPARE(e.action, std::string("export"));
        QCOMPARE(e.actor, std::string("test"));
        QCOMPARE(e.target, report->directory);
        const json details = json::parse(e.detailsJson);
        QCOMPARE(details["camera"].get<std::string>(), std::string("cam2"));
        QCOMPARE(details["layout"].get<std::string>(), std::string("bundle"));
        QCOMPARE(details["records"]["alerts"].get<int>(), 2);
    }

    void missingSourcesAreNamed() {
        Exporter onlyAlerts({m_alerts.get(), nullptr, {}}, nullptr);
        const QString dir = newDir();
        auto report = onlyAlerts.exportTo(dir.toStdString(), options(ExportLayout::Bundle));
        VERIFY_OK(report);
        const json manifest = json::parse(
            readAll(QString::fromStdString(report->directory) + "/manifest.json").toStdString());
        QVERIFY(manifest["kinds"] == json::array({"alerts"}));
        QCOMPARE(manifest["notes"].size(), std::size_t(2));
        QCOMPARE(manifest["files"].size(), std::size_t(3));  // csv, json, xlsx
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
