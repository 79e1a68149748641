// The hash-chained audit log on a real SQLCipher file: records follow the documented
// canonical encoding (re-computed here independently), the triggers refuse UPDATE and DELETE
// in normal operation, and verify() finds every kind of tampering done behind the triggers'
// back (edited field, deleted middle record, swapped or renumbered records, truncated tail
// with or without its anchor, a tail rewritten with valid hashes) and names the first
// broken record. Concurrent appends keep the chain whole. `vigie audit verify` and
// `vigie users` are run as a user would, through the built binary.
#include <sys/stat.h>

#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

#include <nlohmann/json.hpp>

#include "core/audit_log.h"
#include "core/key_file.h"
#include "tests/support/test_support.h"

using namespace vigie::core;

// Evaluates its argument once: the calls under test have side effects.
#define VERIFY_OK(expr)                                               \
    do {                                                              \
        const auto& r_ = (expr);                                      \
        QVERIFY2(r_.ok(), r_.ok() ? "" : r_.error().message.c_str()); \
    } while (false)

namespace {

constexpr std::int64_t kT0 = 1'800'000'000'000;

DatabaseKey makeKey(std::uint8_t seed = 7) {
    DatabaseKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i) {
        key.bytes[i] = static_cast<std::uint8_t>(seed + i * 11);
    }
    return key;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The canonical encoding of audit_log.h, written again from its description.
QByteArray be64(quint64 v) {
    QByteArray out(8, '\0');
    for (int i = 7; i >= 0; --i) {
        out[i] = static_cast<char>(v & 0xFF);
        v >>= 8;
    }
    return out;
}
QByteArray field(const QByteArray& bytes) {
    return be64(static_cast<quint64>(bytes.size())) + bytes;
}
std::string referenceHash(const AuditRecord& r) {
    QByteArray data = "vigie-audit-record-v1";
    data += be64(8) + be64(static_cast<quint64>(r.seq));
    data += be64(8) + be64(static_cast<quint64>(r.timeMs));
    for (const std::string* s : {&r.actor, &r.action, &r.target, &r.detailsJson, &r.prevHash}) {
        data += field(QByteArray::fromStdString(*s));
    }
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex().toStdString();
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runVigie(const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(vigie::test::binDir() + QStringLiteral("/vigie"), args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString();
        return r;
    }
    if (!input.isEmpty()) {
        p.write(input);
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

}  // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    std::string newPath() {
        return m_dir.filePath(QString("audit%1.vigie").arg(++m_next)).toStdString();
    }

    std::unique_ptr<AuditLog> openLog(const std::string& path,
                                      const std::string& site = "gare-nord",
                                      const DatabaseKey& key = makeKey()) {
        AuditLog::Options options;
        options.clockMs = [] {
            return kT0;
        };
        auto db = Database::open(path, key, OpenMode::ReadWriteCreate);
        if (!db) {
            qWarning("%s", db.error().message.c_str());
            return nullptr;
        }
        auto log = AuditLog::create(std::move(*db), site, options);
        if (!log) {
            qWarning("%s", log.error().message.c_str());
            return nullptr;
        }
        return std::move(*log);
    }

    // A log of `count` records with varied content.
    std::unique_ptr<AuditLog> filledLog(const std::string& path, int count,
                                        const DatabaseKey& key = makeKey()) {
        auto log = openLog(path, "gare-nord", key);
        if (!log) {
            return nullptr;
        }
        const char* actors[] = {"admin", "op1", "cli:root", "anonymous"};
        const char* actions[] = {"login", "rule_change", "export", "login_failed"};
        for (int i = 1; i <= count; ++i) {
            AuditEvent e;
            e.timeMs = kT0 + i * 1000;
            e.actor = actors[i % 4];
            e.action = actions[i % 4];
            e.target = "cible-" + std::to_string(i);
            e.detailsJson = R"({"n":)" + std::to_string(i) + R"(,"note":"é"})";
            if (!log->record(e)) {
                return nullptr;
            }
        }
        return log;
    }

    // A second connection with the append-only triggers dropped: what someone with the key
    // and a SQL shell could do.
    std::unique_ptr<Database> tamperer(const std::string& path,
                                       const DatabaseKey& key = makeKey()) {
        auto db = Database::open(path, key, OpenMode::ReadWriteCreate);
        if (!db) {
            qWarning("%s", db.error().message.c_str());
            return nullptr;
        }
        auto dropped = (*db)->exec(
            "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
            "DROP TRIGGER audit_log_in_order; DROP TRIGGER audit_chain_no_update");
        if (!dropped) {
            qWarning("%s", dropped.error().message.c_str());
            return nullptr;
        }
        return std::move(*db);
    }

    static Status writeRecord(Database& db, std::int64_t seq, const AuditRecord& r) {
        auto st = db.prepare(
            "UPDATE audit_log SET time_ms = ?2, actor = ?3, action = ?4, target = ?5, "
            "details_json = ?6, prev_hash = ?7, hash = ?8 WHERE seq = ?1");
        if (!st) {
            return st.error();
        }
        for (const Status& s :
             {st->bindInt64(1, seq), st->bindInt64(2, r.timeMs), st->bindText(3, r.actor),
              st->bindText(4, r.action), st->bindText(5, r.target), st->bindText(6, r.detailsJson),
              st->bindText(7, r.prevHash), st->bindText(8, r.hash)}) {
            if (!s) {
                return s;
            }
        }
        return st->run();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- append and read ----------------------------------------------------------------

    void appendsAChainThatVerifies() {
        const std::string path = newPath();
        auto log = filledLog(path, 20);
        QVERIFY(log);
        auto v = log->verify();
        VERIFY_OK(v);
        QVERIFY2(v->intact, v->problem.c_str());
        QCOMPARE(v->records, std::int64_t(20));
        QCOMPARE(v->lastSeq, std::int64_t(20));
        QVERIFY(v->note.empty());

        auto all = log->list({});
        VERIFY_OK(all);
        QCOMPARE(all->size(), std::size_t(20));
        QCOMPARE(all->front().prevHash, AuditLog::genesisHash("gare-nord"));
        for (std::size_t i = 0; i < all->size(); ++i) {
            const AuditRecord& r = (*all)[i];
            QCOMPARE(r.seq, std::int64_t(i + 1));
            QCOMPARE(r.hash, referenceHash(r));  // the documented encoding, independently
            QCOMPARE(AuditLog::computeHash(r), r.hash);
            if (i > 0) {
                QCOMPARE(r.prevHash, (*all)[i - 1].hash);
            }
        }
        QCOMPARE(v->lastHash, all->back().hash);
        const QByteArray genesis =
            QCryptographicHash::hash("vigie-audit:gare-nord", QCryptographicHash::Sha256).toHex();
        QCOMPARE(AuditLog::genesisHash("gare-nord"), genesis.toStdString());
    }

    void emptyLogIsIntact() {
        auto log = openLog(newPath());
        QVERIFY(log);
        auto v = log->verify();
        VERIFY_OK(v);
        QVERIFY(v->intact);
        QCOMPARE(v->records, std::int64_t(0));
    }

    void recordsDefaultTheirTimeAndDetails() {
        auto log = openLog(newPath());
        QVERIFY(log);
        auto r = log->append({0, "admin", "login", "admin", ""});
        VERIFY_OK(r);
        QCOMPARE(r->timeMs, kT0);
        QCOMPARE(r->detailsJson, std::string("{}"));
        QVERIFY(!log->append({0, "admin", "", "x", "{}"}).ok());
        QVERIFY(!log->append({0, "admin", "login", "x", "not json"}).ok());
        QVERIFY(!log->record({0, "admin", "login", "x", "[1, 2]"}));
        QCOMPARE(log->list({})->size(), std::size_t(1));
    }

    void listFilters_data() {
        QTest::addColumn<qint64>("fromMs");  // -1: none
        QTest::addColumn<qint64>("toMs");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QList<qint64>>("seqs");
        QTest::newRow("all") << qint64(-1) << qint64(-1) << ""
                             << "" << 1000 << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8};
        QTest::newRow("limit keeps the newest, oldest first") << qint64(-1) << qint64(-1) << ""
                                                              << "" << 3 << QList<qint64>{6, 7, 8};
        QTest::newRow("period, half-open") << qint64(kT0 + 3000) << qint64(kT0 + 6000) << ""
                                           << "" << 1000 << QList<qint64>{3, 4, 5};
        QTest::newRow("actor") << qint64(-1) << qint64(-1) << "op1"
                               << "" << 1000 << QList<qint64>{1, 5};
        QTest::newRow("action") << qint64(-1) << qint64(-1) << ""
                                << "export" << 1000 << QList<qint64>{2, 6};
        QTest::newRow("actor and action, none") << qint64(-1) << qint64(-1) << "op1"
                                                << "export" << 1000 << QList<qint64>{};
    }
    void listFilters() {
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        QFETCH(QString, actor);
        QFETCH(QString, action);
        QFETCH(int, limit);
        QFETCH(QList<qint64>, seqs);
        auto log = filledLog(newPath(), 8);
        QVERIFY(log);
        AuditFilter f;
        if (fromMs >= 0) {
            f.fromMs = fromMs;
        }
        if (toMs >= 0) {
            f.toMs = toMs;
        }
        if (!actor.isEmpty()) {
            f.actor = actor.toStdString();
        }
        if (!action.isEmpty()) {
            f.action = action.toStdString();
        }
        f.limit = limit;
        auto records = log->list(f);
        VERIFY_OK(records);
        QList<qint64> got;
        for (const auto& r : *records) {
            got << r.seq;
        }
        QCOMPARE(got, seqs);
    }

    void readingNeedsTheRightAndIsRecorded() {
        auto log = filledLog(newPath(), 3);
        QVERIFY(log);
        const AccessControl acl;
        auto admin = acl.resolve({"chef", "", Level::Administrator, {}, {}, {}, false});
        auto advanced = acl.resolve({"bruno", "", Level::AdvancedUser, {}, {}, {}, false});
        QVERIFY(admin.ok() && advanced.ok());

        auto refused = log->listFor(*advanced, acl, {});
        QVERIFY(!refused.ok());
        QVERIFY2(contains(refused.error().message,
                          "permission denied: bruno (L2 advanced user) may not view the audit log"),
                 refused.error().message.c_str());
        auto read = log->listFor(*admin, acl, {});
        VERIFY_OK(read);
        QCOMPARE(read->size(), std::size_t(5));  // 3, the refusal, and this reading
        QCOMPARE(read->at(3).action, std::string("access_denied"));
        QCOMPARE(read->at(3).actor, std::string("bruno"));
        QCOMPARE(read->back().action, std::string("audit_read"));
        QCOMPARE(read->back().actor, std::string("chef"));
        QVERIFY(log->verify()->intact);
    }

    void siteIdIsFixedAtCreation() {
        const std::string path = newPath();
        QVERIFY(filledLog(path, 2));
        auto other = AuditLog::open(path, makeKey(), "autre-site");
        QVERIFY(!other.ok());
        QVERIFY2(contains(other.error().message, "belongs to site 'gare-nord'"),
                 other.error().message.c_str());
        auto stored = AuditLog::open(path, makeKey(), "", OpenMode::ReadOnly);
        VERIFY_OK(stored);
        QCOMPARE((*stored)->siteId(), std::string("gare-nord"));
        VERIFY_OK((*stored)->verify());
        QVERIFY((*stored)->verify()->intact);
        auto unstarted = AuditLog::open(newPath(), makeKey(), "");
        QVERIFY(!unstarted.ok());
        QVERIFY2(contains(unstarted.error().message, "a site id is needed"),
                 unstarted.error().message.c_str());
    }

    void anchorIsPrivateAndCurrent() {
        const std::string path = newPath();
        auto log = filledLog(path, 3);
        QVERIFY(log);
        struct stat st {};
        QCOMPARE(::stat(log->anchorPath().c_str(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QFile anchor(QString::fromStdString(log->anchorPath()));
        QVERIFY(anchor.open(QIODevice::ReadOnly));
        const QByteArray text = anchor.readAll();
        QVERIFY2(text.contains("seq 3\n"), text.constData());
        QVERIFY(text.contains(QByteArray::fromStdString("hash " + log->list({})->back().hash)));
        // No temporary file left behind.
        QCOMPARE(QDir(m_dir.path()).entryList({"*.tmp.*"}, QDir::Files).size(), 0);
    }

    // --- append-only in normal operation ------------------------------------------------

    void triggersRefuseChanges_data() {
        QTest::addColumn<QString>("sql");
        QTest::newRow("update a field") << "UPDATE audit_log SET actor = 'x' WHERE seq = 2";
        QTest::newRow("update every row") << "UPDATE audit_log SET details_json = '{}'";
        QTest::newRow("delete a record") << "DELETE FROM audit_log WHERE seq = 2";
        QTest::newRow("delete the tail") << "DELETE FROM audit_log WHERE seq > 3";
        QTest::newRow("replace a record")
            << "INSERT OR REPLACE INTO audit_log VALUES (2, 0, 'x', 'x', 'x', '{}', 'x', 'x')";
        QTest::newRow("insert out of order")
            << "INSERT INTO audit_log VALUES (9, 0, 'x', 'x', 'x', '{}', 'x', 'x')";
        QTest::newRow("change the site") << "UPDATE audit_chain SET site_id = 'autre'";
        QTest::newRow("delete the header") << "DELETE FROM audit_chain";
    }
    void triggersRefuseChanges() {
        QFETCH(QString, sql);
        const std::string path = newPath();
        auto log = filledLog(path, 4);
        QVERIFY(log);
        auto db = Database::open(path, makeKey(), OpenMode::ReadWriteCreate);
        VERIFY_OK(db);
        const Status s = (*db)->exec(sql.toStdString());
        QVERIFY(!s.ok());
        QVERIFY2(
            contains(s.error().message, "append-only") || contains(s.error().message, "cannot be"),
            s.error().message.c_str());
        auto v = log->verify();
        VERIFY_OK(v);
        QVERIFY2(v->intact, v->problem.c_str());
        QCOMPARE(v->records, std::int64_t(4));
    }

    // --- tampering behind the triggers' back --------------------------------------------

    void tamperingIsDetected_data() {
        QTest::addColumn<QString>("tampering");
        QTest::addColumn<qint64>("brokenSeq");
        QTest::addColumn<QString>("problem");
        QTest::newRow("edit a field")
            << "edit actor 3" << qint64(3) << "record 3 was changed after it was written";
        QTest::newRow("edit details") << "edit details 5" << qint64(5) << "record 5 was changed";
        QTest::newRow("edit the time") << "edit time 1" << qint64(1) << "record 1 was changed";
        QTest::newRow("edit the last record")
            << "edit actor 8" << qint64(8) << "record 8 was changed";
        QTest::newRow("delete a middle record")
            << "delete 4" << qint64(4)
            << "record 4 is missing: the log jumps from record 3 to "
               "record 5";
        QTest::newRow("delete two middle records")
            << "delete 4 5" << qint64(4) << "records 4 to 5 are missing";
        QTest::newRow("delete the first record")
            << "delete 1" << qint64(1) << "record 1 is missing";
        QTest::newRow("swap two records")
            << "swap all 3 4" << qint64(3) << "record 3 does not follow record 2";
        QTest::newRow("swap two records' payloads")
            << "swap payload 3 4" << qint64(3) << "record 3 was changed";
        QTest::newRow("renumber two records")
            << "renumber 3 4" << qint64(3) << "record 3 does not follow record 2";
        QTest::newRow("delete the tail") << "delete 7 8" << qint64(7)
                                         << "the log ends at record 6 but the anchor file says "
                                            "it reached record 8";
        QTest::newRow("delete the tail and the anchor")
            << "delete 7 8 anchor" << qint64(0) << "anchor file";
        QTest::newRow("delete the anchor only") << "anchor" << qint64(0) << "is missing";
        QTest::newRow("rewrite the tail with valid hashes")
            << "rehash from 6" << qint64(8) << "record 8 is not the one the anchor file recorded";
        QTest::newRow("change the site") << "site" << qint64(0) << "audit chain header";
    }
    void tamperingIsDetected() {
        QFETCH(QString, tampering);
        QFETCH(qint64, brokenSeq);
        QFETCH(QString, problem);
        const std::string path = newPath();
        auto log = filledLog(path, 8);
        QVERIFY(log);
        VERIFY_OK(log->verify());
        QVERIFY(log->verify()->intact);
        const auto records = *log->list({});
        log.reset();

        auto db = tamperer(path);
        QVERIFY(db);
        const QStringList words = tampering.split(' ');
        const auto rec = [&](int seq) {
            return records[static_cast<std::size_t>(seq - 1)];
        };
        if (words[0] == "edit") {
            const int seq = words[2].toInt();
            AuditRecord r = rec(seq);
            if (words[1] == "actor") {
                r.actor = "quelqu'un d'autre";
            } else if (words[1] == "details") {
                r.detailsJson = R"({"n":0})";
            } else {
                r.timeMs += 1;
            }
            VERIFY_OK(writeRecord(*db, seq, r));
        } else if (words[0] == "delete") {
            for (const QString& w : words.mid(1)) {
                if (w == "anchor") {
                    QVERIFY(QFile::remove(QString::fromStdString(path + ".audit-anchor")));
                } else {
                    VERIFY_OK(db->exec("DELETE FROM audit_log WHERE seq = " + w.toStdString()));
                }
            }
        } else if (words[0] == "anchor") {
            QVERIFY(QFile::remove(QString::fromStdString(path + ".audit-anchor")));
        } else if (words[0] == "swap") {
            AuditRecord a = rec(words[2].toInt());
            AuditRecord b = rec(words[3].toInt());
            if (words[1] == "payload") {
                std::swap(a.actor, b.actor);
                std::swap(a.action, b.action);
                std::swap(a.target, b.target);
                std::swap(a.detailsJson, b.detailsJson);
                VERIFY_OK(writeRecord(*db, a.seq, a));
                VERIFY_OK(writeRecord(*db, b.seq, b));
            } else {
                VERIFY_OK(writeRecord(*db, a.seq, b));
                VERIFY_OK(writeRecord(*db, b.seq, a));
            }
        } else if (words[0] == "renumber") {
            VERIFY_OK(
                db->exec("UPDATE audit_log SET seq = -1 WHERE seq = 3; "
                         "UPDATE audit_log SET seq = 3 WHERE seq = 4; "
                         "UPDATE audit_log SET seq = 4 WHERE seq = -1"));
        } else if (words[0] == "rehash") {
            // Someone with the key rewrites records 6.. and re-computes every hash: only the
            // anchor, outside the database, tells.
            std::string prev = rec(5).hash;
            for (int seq = 6; seq <= 8; ++seq) {
                AuditRecord r = rec(seq);
                r.actor = "faussaire";
                r.prevHash = prev;
                r.hash = AuditLog::computeHash(r);
                prev = r.hash;
                VERIFY_OK(writeRecord(*db, seq, r));
            }
        } else if (words[0] == "site") {
            VERIFY_OK(db->exec("UPDATE audit_chain SET site_id = 'autre-site'"));
        } else {
            QFAIL("unknown tampering");
        }
        db.reset();

        auto reopened = AuditLog::open(path, makeKey(), "", OpenMode::ReadOnly);
        VERIFY_OK(reopened);
        auto v = (*reopened)->verify();
        VERIFY_OK(v);
        QVERIFY2(!v->intact, "tampering not detected");
        QCOMPARE(qint64(v->brokenSeq), brokenSeq);
        QVERIFY2(contains(v->problem, problem.toStdString()), v->problem.c_str());
    }

    void anchorOneRecordBehindIsOnlyANote() {
        const std::string path = newPath();
        auto log = filledLog(path, 5);
        QVERIFY(log);
        const auto records = *log->list({});
        // As if the process died between the commit of record 5 and the anchor's rename.
        {
            QFile anchor(QString::fromStdString(log->anchorPath()));
            QVERIFY(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
            anchor.write(QByteArray("vigie-audit-anchor v1\nsite gare-nord\nseq 4\nhash ") +
                         QByteArray::fromStdString(records[3].hash) + "\n");
        }
        auto v = log->verify();
        VERIFY_OK(v);
        QVERIFY2(v->intact, v->problem.c_str());
        QVERIFY2(contains(v->note, "1 record(s) behind"), v->note.c_str());
        QVERIFY(log->record({0, "admin", "login", "admin", "{}"}));
        v = log->verify();
        QVERIFY(v->intact);
        QVERIFY(v->note.empty());

        // A damaged anchor is not trusted.
        {
            QFile anchor(QString::fromStdString(log->anchorPath()));
            QVERIFY(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
            anchor.write("garbage\n");
        }
        v = log->verify();
        QVERIFY(!v->intact);
        QVERIFY2(contains(v->problem, "damaged"), v->problem.c_str());
    }

    void concurrentAppendsKeepTheChain() {
        const std::string path = newPath();
        auto log = openLog(path);
        QVERIFY(log);
        constexpr int kThreads = 4;
        constexpr int kEach = 40;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    if (!log->record(
                            {0, "t" + std::to_string(t), "tick", std::to_string(i), "{}"})) {
                        ++failures;
                    }
                }
            });
        }
        // A second connection appends at the same time, as another process would.
        auto second = openLog(path);
        QVERIFY(second);
        for (int i = 0; i < kEach; ++i) {
            QVERIFY(second->record({0, "other", "tick", std::to_string(i), "{}"}));
        }
        for (auto& t : threads) {
            t.join();
        }
        QCOMPARE(failures.load(), 0);
        auto v = log->verify();
        VERIFY_OK(v);
        QVERIFY2(v->intact, v->problem.c_str());
        QCOMPARE(v->records, std::int64_t(kThreads * kEach + kEach));
    }

    // --- the command line ---------------------------------------------------------------

    void commandLineVerifies() {
        if (!QFileInfo::exists(vigie::test::binDir() + QStringLiteral("/vigie"))) {
            QSKIP("the vigie command-line tool is not built (needs Torch and FFmpeg)");
        }
        const QString keyFile = m_dir.filePath("cli.key");
        const QString db = m_dir.filePath("cli.vigie");
        auto key = KeyFileProvider(keyFile.toStdString()).loadOrCreateKey();
        VERIFY_OK(key);
        QVERIFY(filledLog(db.toStdString(), 6, *key));
        const QStringList base = {"--db", db, "--key-file", keyFile};

        Run r = runVigie(QStringList{"audit", "verify"} + base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("audit chain intact: 6 records"), qPrintable(r.out));

        // One run for period, limit and JSON: each run of `vigie` loads LibTorch (seconds on
        // a busy machine), so the cases are grouped. Records 3 and 4 lie in the period
        // (kT0 + 3 s, + 4 s; the end is exclusive); the limit keeps the newest.
        r = runVigie(QStringList{"audit", "list", "--since", "2027-01-15T09:00:03+01:00", "--until",
                                 "2027-01-15T08:00:05Z", "--limit", "1", "--json"} +
                     base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const auto json = nlohmann::json::parse(lines[0].toStdString(), nullptr, false);
        QVERIFY2(json.is_object(), qPrintable(lines[0]));
        QCOMPARE(json.value("seq", 0), 4);
        QCOMPARE(json.value("time", ""), std::string("2027-01-15T08:00:04.000Z"));
        QCOMPARE(json.value("hash", "").size(), std::size_t(64));

        // Tampered: exit 1 with the record and the reason.
        {
            auto t = tamperer(db.toStdString(), *key);
            QVERIFY(t);
            VERIFY_OK(t->exec("DELETE FROM audit_log WHERE seq = 3"));
        }
        r = runVigie(QStringList{"audit", "verify"} + base);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("audit chain broken at record 3: record 3 is missing"),
                 qPrintable(r.out));

        // Cannot open: exit 2 with a one-line reason.
        const QString otherKey = m_dir.filePath("other.key");
        QVERIFY(KeyFileProvider(otherKey.toStdString()).loadOrCreateKey().ok());
        r = runVigie({"audit", "verify", "--db", db, "--key-file", otherKey});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("wrong key"), qPrintable(r.err));
    }

    void commandLineManagesUsersAndRecordsIt() {
        if (!QFileInfo::exists(vigie::test::binDir() + QStringLiteral("/vigie"))) {
            QSKIP("the vigie command-line tool is not built (needs Torch and FFmpeg)");
        }
        const QString keyFile = m_dir.filePath("users.key");
        const QString db = m_dir.filePath("users.vigie");
        const QStringList base = {"--db", db, "--key-file", keyFile};

        Run r = runVigie(
            QStringList{"users", "init-admin", "--login", "admin", "--site-id", "gare-nord"} + base,
            "Poste-Central-2024!\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString pwFile = m_dir.filePath("pw.txt");
        {
            QFile f(pwFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Operat0r-Strong-Pw\n");
        }
        r = runVigie(QStringList{"users", "add", "--login", "op1", "--level", "1", "--cameras",
                                 "cam-a,cam-b", "--password-file", pwFile} +
                     base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runVigie(QStringList{"users", "disable", "--login", "op1"} + base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runVigie(QStringList{"users", "list"} + base);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression("op1 +L1 +disabled +- +- +cam-a,cam-b")),
                 qPrintable(r.out));
        r = runVigie(QStringList{"audit", "list"} + base);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("administrator_initialised") && r.out.contains("user_created") &&
                     r.out.contains("user_disabled") && r.out.contains("cli:"),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains("Operat0r-Strong-Pw"));

        // An export from the command line is recorded in the same chain, which still verifies.
        const QString out = m_dir.filePath("export-out");
        QVERIFY(QDir().mkpath(out));
        r = runVigie(QStringList{"export", "--out", out, "--format", "csv"} + base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runVigie(QStringList{"audit", "list", "--json"} + base);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\"action\":\"export\""), qPrintable(r.out));
        r = runVigie(QStringList{"audit", "verify"} + base);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"
