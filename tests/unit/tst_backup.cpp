// Configuration backups: a round trip onto a fresh database restores every row exactly
// (integers, reals, UTF-8 and invalid text, blobs, NULLs), the indexes and the component
// version; a wrong passphrase, a truncated file, one flipped byte anywhere, a file that is
// not a backup are refused before anything is written; a non-empty target is refused unless
// forced; a restore that fails half-way changes nothing; scheduled rotation keeps the newest.
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "core/backup.h"
#include "core/schema.h"

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

constexpr KdfParams kTestKdf{1, 1024};
const std::string kPassphrase = "sauvegarde hors ligne 2026";
const std::string kSiteJson = R"({
  "version": 1,
  "site": {"id": "gare-nord", "name": "Gare du Nord", "timezone": "Europe/Paris"},
  "cameras": [{"id": "quai-3", "name": "Quai 3", "source": {"url": "rtsp://vms/quai3"}}]
}
)";

// The accounts component as a test stands it up (the real one is core/accounts.cpp).
constexpr std::array kAccountsSteps = {SchemaStep{1, "accounts (test)", R"sql(
    CREATE TABLE users (
        id       INTEGER PRIMARY KEY,
        login    TEXT NOT NULL UNIQUE,
        display  TEXT NOT NULL,
        level    INTEGER NOT NULL,
        weight   REAL,
        avatar   BLOB,
        note     TEXT
    );
    CREATE INDEX users_by_display ON users (display);
    CREATE TABLE profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL, grants TEXT NOT NULL);
    CREATE TABLE "groups" (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE memberships (
        user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        group_id INTEGER NOT NULL REFERENCES "groups" (id) ON DELETE RESTRICT,
        PRIMARY KEY (user_id, group_id)
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE
    );
)sql"}};

constexpr std::string_view kRows = R"sql(
    INSERT INTO users VALUES (1, 'op.l1', 'Opérateur été', 1, 1.5, X'00FF10', NULL);
    INSERT INTO users VALUES (2, 'admin', 'Admin "chef", l''autre', 3, 2.0, NULL, 'note
sur deux lignes');
    INSERT INTO users VALUES (3, 'odd', CAST(X'C328' AS TEXT), 2, 9e999, X'', -0.0);
    INSERT INTO profiles VALUES (1, 'superviseur', '["alerts.review"]');
    INSERT INTO "groups" VALUES (1, 'Équipe de nuit');
    INSERT INTO memberships VALUES (1, 1), (2, 1);
    INSERT INTO sessions VALUES ('deadbeef', 1);
)sql";

DatabaseKey makeKey(std::uint8_t seed) {
    DatabaseKey key;
    key.bytes.fill(seed);
    return key;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct RecordingAudit final : AuditSink {
    std::vector<AuditEvent> events;
    bool record(const AuditEvent& event) override {
        events.push_back(event);
        return true;
    }
};

// Every row of a table as "typeof:quote" cells, in key order: an exact, typed picture.
QStringList dumpTable(Database& db, const std::string& table) {
    QStringList out;
    auto columns = db.prepare("PRAGMA table_info(\"" + table + "\")");
    if (!columns) {
        return {"error"};
    }
    std::vector<std::string> names;
    for (auto s = columns->step(); s && *s == Statement::Step::Row; s = columns->step()) {
        names.push_back(columns->columnText(1));
    }
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < names.size(); ++i) {
        sql += (i > 0 ? " || '|' || " : "") + std::string("typeof(\"") + names[i] +
               "\") || ':' || quote(\"" + names[i] + "\")";
    }
    sql += " FROM \"" + table + "\" ORDER BY 1";
    auto rows = db.prepare(sql);
    if (!rows) {
        return {"error: " + QString::fromStdString(rows.error().message)};
    }
    for (auto s = rows->step(); s && *s == Statement::Step::Row; s = rows->step()) {
        out << QString::fromStdString(rows->columnText(0));
    }
    return out;
}

std::int64_t countOf(Database& db, const std::string& sql) {
    auto n = db.queryInt64(sql);
    if (!n) {
        qInfo("%s: %s", sql.c_str(), n.error().message.c_str());
    }
    return n ? *n : -1;
}

RetentionPolicy policy() {
    RetentionPolicy p;
    p.alertsDays = 90;
    p.snapshotsDays = 15;
    p.countsDays = 365;
    return p;
}

}  // namespace

class TestBackup : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_next = 0;
    RecordingAudit m_audit;

    std::string newPath(const char* name) {
        return m_tmp.filePath(QString("%1-%2").arg(++m_next).arg(name)).toStdString();
    }
    std::unique_ptr<Database> openDb(const std::string& path, std::uint8_t key = 1) {
        auto db = Database::open(path, makeKey(key), OpenMode::ReadWriteCreate);
        if (!db) {
            qWarning("%s", db.error().message.c_str());
            return nullptr;
        }
        return std::move(*db);
    }
    std::unique_ptr<Database> sourceDb() {
        auto db = openDb(newPath("source.db"));
        if (!db || !applySchema(*db, "accounts", kAccountsSteps) || !db->exec(kRows)) {
            return nullptr;
        }
        return db;
    }
    BackupOptions options() {
        BackupOptions o;
        o.kdf = kTestKdf;
        o.nowMs = 1'794'000'000'000;
        o.actor = "test";
        return o;
    }
    // A valid backup of the source database; returns its path.
    std::string makeBackup() {
        auto db = sourceDb();
        if (!db) {
            return {};
        }
        const std::string path = newPath("backup.vbk");
        auto r =
            writeBackup(path, db.get(), {kSiteJson, policy()}, kPassphrase, options(), &m_audit);
        if (!r) {
            qWarning("%s", r.error().message.c_str());
            return {};
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void roundTripOntoAFreshDatabase() {
        auto source = sourceDb();
        QVERIFY(source);
        m_audit.events.clear();
        const std::string path = newPath("backup.vbk");
        auto written = writeBackup(path, source.get(), {kSiteJson, policy()}, kPassphrase,
                                   options(), &m_audit);
        VERIFY_OK(written);
        QCOMPARE(written->siteId, std::string("gare-nord"));
        QCOMPARE(written->rows, std::int64_t(3 + 1 + 1 + 2));  // sessions: structure only
        QVERIFY(written->absentTables ==
                (std::vector<std::string>{"user_profiles", "group_profiles"}));
        QCOMPARE(fs::status(path).permissions() & fs::perms::all,
                 fs::perms::owner_read | fs::perms::owner_write);
        QVERIFY(fs::file_size(path) == written->sizeBytes);
        // Nothing readable in the file: not the site id, not a login.
        const auto raw = readFileBytes(path);
        VERIFY_OK(raw);
        const std::string text(raw->begin(), raw->end());
        QVERIFY(text.starts_with("VIGIEBK1"));
        QVERIFY(!contains(text, "gare-nord") && !contains(text, "op.l1"));

        auto archive = readBackup(path, kPassphrase);
        VERIFY_OK(archive);
        QCOMPARE(archive->siteJson, kSiteJson);
        QVERIFY(archive->retention.has_value());
        QCOMPARE(toJson(*archive->retention).dump(), toJson(policy()).dump());
        QCOMPARE(archive->componentVersions.at("accounts"), 1);

        const std::string targetPath = newPath("restored.db");
        auto target = openDb(targetPath, 2);  // a new database may have a new key
        QVERIFY(target);
        auto restored = restoreBackup(*archive, *target, RestoreMode::FreshOnly, &m_audit, "test");
        VERIFY_OK(restored);
        QCOMPARE(restored->rows, std::int64_t(7));
        for (const std::string table : {"users", "profiles", "groups", "memberships"}) {
            const QStringList expected = dumpTable(*source, table);
            QVERIFY(!expected.isEmpty());
            QCOMPARE(dumpTable(*target, table), expected);
        }
        QCOMPARE(countOf(*target, "SELECT count(*) FROM sessions"), std::int64_t(0));
        QCOMPARE(countOf(*target,
                         "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                         "name = 'users_by_display'"),
                 std::int64_t(1));
        auto version = schemaVersion(*target, "accounts");
        VERIFY_OK(version);
        QCOMPARE(*version, 1);
        // The restored component opens as is: no migration wants to run again.
        VERIFY_OK(applySchema(*target, "accounts", kAccountsSteps));
        auto violations = target->prepare("PRAGMA foreign_key_check");
        VERIFY_OK(violations);
        auto firstViolation = violations->step();
        VERIFY_OK(firstViolation);
        QVERIFY(*firstViolation == Statement::Step::Done);  // no dangling reference

        QCOMPARE(m_audit.events.size(), std::size_t(2));
        QCOMPARE(m_audit.events[0].action, std::string("backup"));
        QCOMPARE(m_audit.events[0].target, path);
        QCOMPARE(m_audit.events[1].action, std::string("restore"));
        QCOMPARE(m_audit.events[1].target, targetPath);
        QCOMPARE(json::parse(m_audit.events[1].detailsJson)["rows"].get<int>(), 7);
    }

    void absentTablesAndNoDatabaseAreTolerated() {
        auto empty = openDb(newPath("empty.db"));
        QVERIFY(empty);
        const std::string path = newPath("backup.vbk");
        auto written = writeBackup(path, empty.get(), {kSiteJson, std::nullopt}, kPassphrase,
                                   options(), nullptr);
        VERIFY_OK(written);
        QVERIFY(written->tables.empty());
        QCOMPARE(written->absentTables.size(), std::size_t(7));
        auto siteOnly = writeBackup(newPath("site-only.vbk"), nullptr, {kSiteJson, std::nullopt},
                                    kPassphrase, options(), nullptr);
        VERIFY_OK(siteOnly);

        auto archive = readBackup(path, kPassphrase);
        VERIFY_OK(archive);
        QVERIFY(!archive->retention.has_value());
        QVERIFY(archive->componentVersions.empty());
        auto target = openDb(newPath("target.db"));
        QVERIFY(target);
        VERIFY_OK(restoreBackup(*archive, *target, RestoreMode::FreshOnly, nullptr));
        QCOMPARE(countOf(*target, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"),
                 std::int64_t(0));
    }

    void badInputIsRefusedBeforeWriting_data() {
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<QString>("error");
        QTest::newRow("site is not JSON")
            << "{" << QString::fromStdString(kPassphrase) << "not a JSON object";
        QTest::newRow("site is an array")
            << "[]" << QString::fromStdString(kPassphrase) << "not a JSON object";
        QTest::newRow("short passphrase") << QString::fromStdString(kSiteJson) << "court"
                                          << "too short";
    }
    void badInputIsRefusedBeforeWriting() {
        QFETCH(QString, site);
        QFETCH(QString, passphrase);
        QFETCH(QString, error);
        const std::string path = newPath("never.vbk");
        auto r = writeBackup(path, nullptr, {site.toStdString(), std::nullopt},
                             passphrase.toStdString(), options(), nullptr);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, error.toStdString()), r.error().message.c_str());
        QVERIFY(!fs::exists(path));
    }

    void wrongPassphraseIsNamed() {
        const std::string path = makeBackup();
        QVERIFY(!path.empty());
        auto r = readBackup(path, kPassphrase + " ");
        QVERIFY(!r.ok());
        QVERIFY2(
            contains(r.error().message, "wrong passphrase") && contains(r.error().message, path),
            r.error().message.c_str());
    }

    void truncatedFileIsNamed_data() {
        QTest::addColumn<int>("keep");
        QTest::newRow("empty") << 0;
        QTest::newRow("part of the magic") << 5;
        QTest::newRow("clear header only") << 12;
        QTest::newRow("sealed header only") << 12 + 84;
        QTest::newRow("half") << -2;
        QTest::newRow("one byte short") << -1;
    }
    void truncatedFileIsNamed() {
        QFETCH(int, keep);
        const std::string path = makeBackup();
        QVERIFY(!path.empty());
        auto bytes = readFileBytes(path);
        VERIFY_OK(bytes);
        const std::size_t size = bytes->size();
        bytes->resize(keep == -1 ? size - 1 : keep == -2 ? size / 2 : std::size_t(keep));
        VERIFY_OK(writeFileAtomic(path, *bytes));
        auto r = readBackup(path, kPassphrase);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, "truncated"), r.error().message.c_str());
    }

    void oneFlippedByteIsCaught_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("error");
        QTest::newRow("magic") << 0 << "not a Vigie backup";
        QTest::newRow("format version") << 8 << "format version";
        QTest::newRow("reserved") << 11 << "damaged header";
        QTest::newRow("sealed magic") << 12 << "not a Vigie encrypted file";
        QTest::newRow("salt") << 12 + 30 << "wrong passphrase";
        QTest::newRow("key check") << 12 + 50 << "wrong passphrase";
        QTest::newRow("stream header") << 12 + 70 << "altered";
        QTest::newRow("manifest") << 12 + 84 + 10 << "altered";
        QTest::newRow("middle") << -2 << "altered";
        QTest::newRow("last byte") << -1 << "altered";
    }
    void oneFlippedByteIsCaught() {
        QFETCH(int, offset);
        QFETCH(QString, error);
        const std::string path = makeBackup();
        QVERIFY(!path.empty());
        auto bytes = readFileBytes(path);
        VERIFY_OK(bytes);
        const std::size_t at = offset == -1   ? bytes->size() - 1
                               : offset == -2 ? bytes->size() / 2
                                              : std::size_t(offset);
        (*bytes)[at] ^= 0x04;
        VERIFY_OK(writeFileAtomic(path, *bytes));
        auto r = readBackup(path, kPassphrase);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, error.toStdString()), r.error().message.c_str());
    }

    void notABackupIsNamed() {
        const std::string path = newPath("photo.jpg");
        VERIFY_OK(writeFileAtomic(path, asBytes("\xFF\xD8\xFF\xE0 not a backup at all")));
        auto r = readBackup(path, kPassphrase);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, "not a Vigie backup"), r.error().message.c_str());
        auto missing = readBackup(newPath("missing.vbk"), kPassphrase);
        QVERIFY(!missing.ok());
    }

    void nonEmptyTargetIsRefusedUnlessForced() {
        const std::string path = makeBackup();
        QVERIFY(!path.empty());
        auto archive = readBackup(path, kPassphrase);
        VERIFY_OK(archive);
        auto target = openDb(newPath("busy.db"));
        QVERIFY(target);
        VERIFY_OK(
            target->exec("CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT);"
                         "INSERT INTO users VALUES (9, 'someone');"
                         "CREATE TABLE alerts (uid TEXT); INSERT INTO alerts VALUES ('keep-me');"));
        auto refused = restoreBackup(*archive, *target, RestoreMode::FreshOnly, nullptr);
        QVERIFY(!refused.ok());
        QVERIFY2(contains(refused.error().message, "not empty") &&
                     contains(refused.error().message, "nothing was changed"),
                 refused.error().message.c_str());
        QCOMPARE(dumpTable(*target, "users"), QStringList({"integer:9|text:'someone'"}));

        auto forced = restoreBackup(*archive, *target, RestoreMode::Force, nullptr);
        VERIFY_OK(forced);
        QCOMPARE(countOf(*target, "SELECT count(*) FROM users"), std::int64_t(3));
        QCOMPARE(countOf(*target, "SELECT count(*) FROM users WHERE login = 'someone'"),
                 std::int64_t(0));
        QCOMPARE(countOf(*target, "SELECT count(*) FROM alerts"), std::int64_t(1));  // untouched
    }

    void aRestoreThatFailsHalfWayChangesNothing() {
        const std::string path = makeBackup();
        QVERIFY(!path.empty());
        auto archive = readBackup(path, kPassphrase);
        VERIFY_OK(archive);
        auto target = openDb(newPath("trap.db"));
        QVERIFY(target);
        // Empty tables (a fresh target), but an index already uses the name the backup's
        // users index needs: creating it fails after users was dropped and recreated.
        VERIFY_OK(
            target->exec("CREATE TABLE users (id INTEGER PRIMARY KEY, legacy TEXT);"
                         "CREATE TABLE other (x TEXT);"
                         "CREATE INDEX users_by_display ON other (x);"));
        auto r = restoreBackup(*archive, *target, RestoreMode::FreshOnly, nullptr);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, "nothing was changed"), r.error().message.c_str());
        QCOMPARE(countOf(*target,
                         "SELECT count(*) FROM sqlite_master WHERE name = 'users' AND "
                         "sql LIKE '%legacy%'"),
                 std::int64_t(1));
        QCOMPARE(countOf(*target,
                         "SELECT count(*) FROM sqlite_master WHERE name IN "
                         "('profiles', 'groups', 'memberships', 'sessions', "
                         "'schema_versions')"),
                 std::int64_t(0));
        // The connection is still usable afterwards.
        VERIFY_OK(target->exec("INSERT INTO other VALUES ('ok')"));
    }

    void rotationKeepsTheNewest() {
        const QString dir = m_tmp.filePath("rotation");
        QVERIFY(QDir().mkpath(dir));
        QCOMPARE(backupFileName("gare-nord", 1'794'000'000'000),
                 std::string("vigie-backup-gare-nord-20261106T212000Z.vbk"));
        std::vector<std::string> made;
        for (int day = 0; day < 5; ++day) {
            const std::string name =
                backupFileName("gare-nord", 1'794'000'000'000 + day * 86'400'000LL);
            VERIFY_OK(writeFileAtomic(dir.toStdString() + "/" + name, asBytes("x")));
            made.push_back(name);
        }
        const std::string otherSite = backupFileName("gare-est", 1'000'000'000'000);
        for (const std::string& name : {otherSite, std::string("notes.txt"),
                                        std::string("vigie-backup-gare-nord-manual.vbk")}) {
            VERIFY_OK(writeFileAtomic(dir.toStdString() + "/" + name, asBytes("x")));
        }
        QVERIFY(!pruneBackups(dir.toStdString(), "gare-nord", 0).ok());
        auto removed = pruneBackups(dir.toStdString(), "gare-nord", 2);
        VERIFY_OK(removed);
        QCOMPARE(removed->size(), std::size_t(3));
        QStringList expected = {QString::fromStdString(made[3]), QString::fromStdString(made[4]),
                                QString::fromStdString(otherSite), "notes.txt",
                                "vigie-backup-gare-nord-manual.vbk"};
        expected.sort();
        QCOMPARE(QDir(dir).entryList(QDir::Files, QDir::Name), expected);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
