// The encrypted alert store: every field round-trips, upserts update in place, the list
// filters and orders, qualifications stick, the file on disk is ciphertext, wrong keys and
// foreign files are clear errors that harm nothing, schemas migrate and newer ones are
// refused; the writer thread loses nothing from many threads or while the disk fails.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <csignal>
#include <limits>
#include <mutex>
#include <set>
#include <thread>

#include "core/alert_store.h"
#include "core/schema.h"
#include "core/store_writer.h"
#include "tests/support/core_printers.h"

using namespace vigie::core;
using namespace std::chrono_literals;

namespace QTest {
template <>
inline char* toString(const vigie::core::Qualification& q) {
    return qstrdup(std::string(vigie::core::toName(q)).c_str());
}
}  // namespace QTest

#define VERIFY_OK(result) \
    QVERIFY2((result).ok(), (result).ok() ? "" : (result).error().message.c_str())

namespace {

DatabaseKey makeKey(std::uint8_t seed) {
    DatabaseKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i) {
        key.bytes[i] = static_cast<std::uint8_t>(seed + i * 7);
    }
    return key;
}

std::string hexOf(const DatabaseKey& key) {
    return QByteArray(reinterpret_cast<const char*>(key.bytes.data()),
                      static_cast<qsizetype>(key.bytes.size()))
        .toHex()
        .toStdString();
}

Alert makeAlert(const std::string& uid, const std::string& camera, EventType event,
                std::int64_t wallStartMs) {
    Alert a;
    a.uid = uid;
    a.siteId = "site";
    a.cameraId = camera;
    a.ruleId = "rule-" + std::string(toName(event));
    a.event = event;
    a.severity = Severity::Major;
    a.startUs = wallStartMs * 1000;
    a.endUs = a.startUs + 2'000'000;
    a.wallStartMs = wallStartMs;
    a.wallEndMs = wallStartMs + 2000;
    a.score = 0.5;
    return a;
}

// Every field away from its default, with values that expose lossy storage.
Alert fullAlert(EventType event, Severity severity, Qualification qualification) {
    Alert a;
    a.uid = makeUid();
    a.siteId = "gare-nord";
    a.cameraId = "quai-3 \"est\"";
    a.ruleId = "r-42";
    a.zoneId = "zone voies ✓";
    a.event = event;
    a.severity = severity;
    a.startUs = -5;  // before the first frame, as an entry time may be
    a.endUs = std::numeric_limits<std::int64_t>::max() - 1;
    a.wallStartMs = 1'700'000'000'123;
    a.wallEndMs = 1'700'000'009'999;
    a.open = false;
    a.score = 1.0 / 3.0;
    a.boxes = {{0.1, 0.2, 0.30000000000000004, 0.4}, {1e-300, 0.5, 0.75, 1.0}};
    a.trackIds = {7, std::numeric_limits<std::int64_t>::max(), -3};
    a.detail = R"({"dwell_s": 12.5, "threshold_s": 10, "note": "l'intrus\nligne 2"})";
    a.trackPath = {{0.1, 0.9}, {0.15, 0.85}, {0.2, 0.8000000000000002}};
    a.measures = {{"density", 3.4, 3.0, "p/m2"}, {"dwell_s", 12.5, 10.0, "s"}};
    a.qualification = qualification;
    a.comment = "vérifié sur place; 'quotes' and \"doubles\"";
    a.qualifiedBy = "op.l2";
    a.qualifiedAtMs = 1'700'000'100'000;
    return a;
}

void compareAlerts(const Alert& actual, const Alert& expected) {
    QCOMPARE(actual.uid, expected.uid);
    QCOMPARE(actual.siteId, expected.siteId);
    QCOMPARE(actual.cameraId, expected.cameraId);
    QCOMPARE(actual.ruleId, expected.ruleId);
    QCOMPARE(actual.zoneId, expected.zoneId);
    QCOMPARE(actual.event, expected.event);
    QCOMPARE(actual.severity, expected.severity);
    QCOMPARE(actual.startUs, expected.startUs);
    QCOMPARE(actual.endUs, expected.endUs);
    QCOMPARE(actual.wallStartMs, expected.wallStartMs);
    QCOMPARE(actual.wallEndMs, expected.wallEndMs);
    QCOMPARE(actual.open, expected.open);
    QCOMPARE(actual.score, expected.score);  // exact: REAL keeps every bit
    QCOMPARE(actual.boxes.size(), expected.boxes.size());
    for (std::size_t i = 0; i < expected.boxes.size(); ++i) {
        QCOMPARE(actual.boxes[i], expected.boxes[i]);
    }
    QCOMPARE(actual.trackIds, expected.trackIds);
    QCOMPARE(actual.detail, expected.detail);
    QCOMPARE(actual.trackPath.size(), expected.trackPath.size());
    for (std::size_t i = 0; i < expected.trackPath.size(); ++i) {
        QCOMPARE(actual.trackPath[i].x, expected.trackPath[i].x);
        QCOMPARE(actual.trackPath[i].y, expected.trackPath[i].y);
    }
    QVERIFY(actual.measures == expected.measures);
    QCOMPARE(actual.qualification, expected.qualification);
    QCOMPARE(actual.comment, expected.comment);
    QCOMPARE(actual.qualifiedBy, expected.qualifiedBy);
    QCOMPARE(actual.qualifiedAtMs, expected.qualifiedAtMs);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Collects the messages of the writer's error callback (called on the writer thread).
struct ErrorLog {
    mutable std::mutex mutex;
    std::vector<std::string> messages;

    StoreWriter::ErrorCallback callback() {
        return [this](const std::string& m) {
            std::lock_guard lock(mutex);
            messages.push_back(m);
        };
    }
    std::size_t size() const {
        std::lock_guard lock(mutex);
        return messages.size();
    }
    std::string at(std::size_t i) const {
        std::lock_guard lock(mutex);
        return i < messages.size() ? messages[i] : std::string();
    }
};

constexpr StoreWriter::Options kFastRetry{10ms, 50ms};

StoreWriter::StoreOpener openerFor(const std::string& path, const DatabaseKey& key) {
    return [path, key] {
        return AlertStore::open(path, key);
    };
}

// Creates a plain, unencrypted SQLite database (what another application would leave).
bool createPlainSqlite(const QString& path) {
    sqlite3* db = nullptr;
    const bool ok =
        sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK &&
        sqlite3_exec(db, "CREATE TABLE notes (text); INSERT INTO notes VALUES ('hello')", nullptr,
                     nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

}  // namespace

class TestAlertStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    // A fresh database path per test.
    std::string newPath() {
        return m_dir.filePath(QString("db%1.vigie").arg(++m_next)).toStdString();
    }

    std::unique_ptr<AlertStore> openStore(const std::string& path, const DatabaseKey& key) {
        auto store = AlertStore::open(path, key);
        if (!store) {
            qWarning("%s", store.error().message.c_str());
            return nullptr;
        }
        return std::move(*store);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- AlertStore -------------------------------------------------------------------

    void roundTripsEveryField_data() {
        QTest::addColumn<int>("event");
        QTest::addColumn<int>("severity");
        QTest::addColumn<int>("qualification");
        const Severity severities[] = {Severity::Info, Severity::Major, Severity::Critical};
        const Qualification verdicts[] = {Qualification::Unreviewed, Qualification::Confirmed,
                                          Qualification::FalsePositive};
        int i = 0;
        for (const EventType event : kAllEventTypes) {
            QTest::newRow(std::string(toName(event)).c_str())
                << static_cast<int>(event) << static_cast<int>(severities[i % 3])
                << static_cast<int>(verdicts[i % 3]);
            ++i;
        }
    }
    void roundTripsEveryField() {
        QFETCH(int, event);
        QFETCH(int, severity);
        QFETCH(int, qualification);
        const Alert alert =
            fullAlert(static_cast<EventType>(event), static_cast<Severity>(severity),
                      static_cast<Qualification>(qualification));
        auto store = openStore(newPath(), makeKey(1));
        QVERIFY(store);
        auto id = store->upsert(alert);
        VERIFY_OK(id);
        QVERIFY(*id > 0);

        auto found = store->find(alert.uid);
        VERIFY_OK(found);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, *id);
        compareAlerts(**found, alert);
        if (QTest::currentTestFailed()) {
            return;
        }
        auto listed = store->list({});
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), std::size_t(1));
        compareAlerts(listed->front(), alert);
    }

    void findUnknownUidGivesNothing() {
        auto store = openStore(newPath(), makeKey(1));
        QVERIFY(store);
        auto found = store->find("no-such-uid");
        VERIFY_OK(found);
        QVERIFY(!found->has_value());
    }

    void upsertUpdatesInPlace() {
        auto store = openStore(newPath(), makeKey(1));
        QVERIFY(store);
        Alert alert = fullAlert(EventType::Intrusion, Severity::Major, Qualification::Unreviewed);
        alert.open = true;
        auto first = store->upsert(alert);
        VERIFY_OK(first);
        QVERIFY(store->upsert(makeAlert(makeUid(), "other", EventType::Fire, 1)).ok());

        alert.open = false;
        alert.endUs += 5'000'000;
        alert.wallEndMs += 5000;
        alert.score = 0.97;
        alert.boxes = {{0.5, 0.5, 0.6, 0.7}};
        alert.trackIds = {9};
        alert.detail = R"({"dwell_s": 30})";
        auto second = store->upsert(alert);
        VERIFY_OK(second);
        QCOMPARE(*second, *first);
        QCOMPARE(*store->count(), std::int64_t(2));
        auto found = store->find(alert.uid);
        VERIFY_OK(found);
        QVERIFY(found->has_value());
        compareAlerts(**found, alert);
    }

    void engineUpdateKeepsTheOperatorsQualification() {
        auto store = openStore(newPath(), makeKey(1));
        QVERIFY(store);
        Alert alert = makeAlert(makeUid(), "cam1", EventType::Intrusion, 1000);
        QVERIFY(store->upsert(alert).ok());
        VERIFY_OK(store->qualify(alert.uid, Qualification::Confirmed, "intrus vu", "op1", 5));
        alert.open = false;  // the engine closes it, knowing nothing of the verdict
        alert.endUs += 1;
        QVERIFY(store->upsert(alert).ok());
        auto found = store->find(alert.uid);
        VERIFY_OK(found);
        QCOMPARE((*found)->qualification, Qualification::Confirmed);
        QCOMPARE((*found)->comment, std::string("intrus vu"));
        QCOMPARE((*found)->qualifiedBy, std::string("op1"));
        QCOMPARE((*found)->qualifiedAtMs, std::int64_t(5));
        QCOMPARE((*found)->open, false);
    }

    void listFiltersAndOrders_data() {
        QTest::addColumn<QString>("camera");
        QTest::addColumn<QString>("event");
        QTest::addColumn<qint64>("fromMs");  // -1: no bound
        QTest::addColumn<qint64>("toMs");
        QTest::addColumn<bool>("unreviewedOnly");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("expected");
        // Fixture (see seedFixture): a6 and a5 start at the same time; a6 was stored later.
        QTest::newRow("all, newest first") << ""
                                           << "" << qint64(-1) << qint64(-1) << false << 1000
                                           << QStringList{"a6", "a5", "a4", "a3", "a2", "a1"};
        QTest::newRow("camera") << "cam1"
                                << "" << qint64(-1) << qint64(-1) << false << 1000
                                << QStringList{"a6", "a4", "a3", "a1"};
        QTest::newRow("event") << ""
                               << "intrusion" << qint64(-1) << qint64(-1) << false << 1000
                               << QStringList{"a6", "a4", "a2", "a1"};
        QTest::newRow("camera and event")
            << "cam2"
            << "intrusion" << qint64(-1) << qint64(-1) << false << 1000 << QStringList{"a2"};
        QTest::newRow("from, inclusive") << ""
                                         << "" << qint64(3000) << qint64(-1) << false << 1000
                                         << QStringList{"a6", "a5", "a4", "a3"};
        QTest::newRow("to, exclusive")
            << ""
            << "" << qint64(-1) << qint64(3000) << false << 1000 << QStringList{"a2", "a1"};
        QTest::newRow("period") << ""
                                << "" << qint64(2000) << qint64(5000) << false << 1000
                                << QStringList{"a4", "a3", "a2"};
        QTest::newRow("unreviewed") << ""
                                    << "" << qint64(-1) << qint64(-1) << true << 1000
                                    << QStringList{"a6", "a5", "a3", "a1"};
        QTest::newRow("limit keeps the newest")
            << ""
            << "" << qint64(-1) << qint64(-1) << false << 2 << QStringList{"a6", "a5"};
        QTest::newRow("unknown camera")
            << "cam9"
            << "" << qint64(-1) << qint64(-1) << false << 1000 << QStringList{};
        QTest::newRow("all filters")
            << "cam1"
            << "intrusion" << qint64(1000) << qint64(4001) << true << 1000 << QStringList{"a1"};
    }
    void listFiltersAndOrders() {
        QFETCH(QString, camera);
        QFETCH(QString, event);
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        QFETCH(bool, unreviewedOnly);
        QFETCH(int, limit);
        QFETCH(QStringList, expected);

        auto store = openStore(newPath(), makeKey(1));
        QVERIFY(store);
        struct Seed {
            const char* uid;
            const char* camera;
            EventType event;
            std::int64_t wallMs;
            Qualification verdict;
        };
        const Seed seeds[] = {
            {"a1", "cam1", EventType::Intrusion, 1000, Qualification::Unreviewed},
            {"a2", "cam2", EventType::Intrusion, 2000, Qualification::Confirmed},
            {"a3", "cam1", EventType::Fire, 3000, Qualification::Unreviewed},
            {"a4", "cam1", EventType::Intrusion, 4000, Qualification::FalsePositive},
            {"a5", "cam2", EventType::Weapon, 5000, Qualification::Unreviewed},
            {"a6", "cam1", EventType::Intrusion, 5000, Qualification::Unreviewed},
        };
        // Stored out of time order, so that the order comes from the query.
        for (const int i : {2, 0, 4, 1, 3, 5}) {
            Alert a = makeAlert(seeds[i].uid, seeds[i].camera, seeds[i].event, seeds[i].wallMs);
            a.qualification = seeds[i].verdict;
            QVERIFY(store->upsert(a).ok());
        }

        AlertFilter filter;
        if (!camera.isEmpty()) {
            filter.cameraId = camera.toStdString();
        }
        if (!event.isEmpty()) {
            filter.event = eventTypeFromString(event.toStdString());
            QVERIFY(filter.event.has_value());
        }
        if (fromMs >= 0) {
            filter.fromMs = fromMs;
        }
        if (toMs >= 0) {
            filter.toMs = toMs;
        }
        filter.unreviewedOnly = unreviewedOnly;
        filter.limit = limit;
        auto listed = store->list(filter);
        VERIFY_OK(listed);
        QStringList uids;
        for (const Alert& a : *listed) {
            uids << QString::fromStdString(a.uid);
        }
        QCOMPARE(uids, expected);
    }

    void listRefusesANonPositiveLimit() {
        auto store = openStore(newPath(), makeKey(1));
        QVERIFY(store);
        AlertFilter filter;
        filter.limit = 0;
        auto listed = store->list(filter);
        QVERIFY(!listed.ok());
        QVERIFY2(contains(listed.error().message, "limit"), listed.error().message.c_str());
    }

    void qualifyRecordsTheVerdict() {
        auto store = openStore(newPath(), makeKey(1));
        QVERIFY(store);
        const Alert alert = makeAlert(makeUid(), "cam1", EventType::Weapon, 1000);
        QVERIFY(store->upsert(alert).ok());

        VERIFY_OK(store->qualify(alert.uid, Qualification::FalsePositive, "reflet", "op1", 10));
        VERIFY_OK(store->qualify(alert.uid, Qualification::Confirmed, "arme confirmée", "l2", 20));
        auto found = store->find(alert.uid);
        VERIFY_OK(found);
        QCOMPARE((*found)->qualification, Qualification::Confirmed);
        QCOMPARE((*found)->comment, std::string("arme confirmée"));
        QCOMPARE((*found)->qualifiedBy, std::string("l2"));
        QCOMPARE((*found)->qualifiedAtMs, std::int64_t(20));
        AlertFilter unreviewed;
        unreviewed.unreviewedOnly = true;
        QVERIFY(store->list(unreviewed)->empty());

        auto unknown = store->qualify("no-such-uid", Qualification::Confirmed, "", "op1", 30);
        QVERIFY(!unknown.ok());
        QVERIFY2(contains(unknown.error().message, "no-such-uid"), unknown.error().message.c_str());
        auto invalid = store->qualify(alert.uid, Qualification::Invalid, "", "op1", 40);
        QVERIFY(!invalid.ok());
        QCOMPARE((*store->find(alert.uid))->qualification, Qualification::Confirmed);
    }

    void refusesInvalidAlerts_data() {
        QTest::addColumn<int>("defect");
        QTest::newRow("no uid") << 0;
        QTest::newRow("no event") << 1;
        QTest::newRow("no severity") << 2;
        QTest::newRow("no qualification") << 3;
        QTest::newRow("NaN score") << 4;
        QTest::newRow("infinite box") << 5;
    }
    void refusesInvalidAlerts() {
        QFETCH(int, defect);
        Alert alert = makeAlert(makeUid(), "cam1", EventType::Intrusion, 1000);
        switch (defect) {
            case 0:
                alert.uid.clear();
                break;
            case 1:
                alert.event = EventType::Invalid;
                break;
            case 2:
                alert.severity = Severity::Invalid;
                break;
            case 3:
                alert.qualification = Qualification::Invalid;
                break;
            case 4:
                alert.score = std::nan("");
                break;
            default:
                alert.boxes = {{0.0, 0.0, std::numeric_limits<double>::infinity(), 1.0}};
                break;
        }
        auto store = openStore(newPath(), makeKey(1));
        QVERIFY(store);
        QVERIFY(!AlertStore::validate(alert).ok());
        auto id = store->upsert(alert);
        QVERIFY(!id.ok());
        QCOMPARE(*store->count(), std::int64_t(0));
    }

    void persistsAcrossCloseAndReopen() {
        const std::string path = newPath();
        std::vector<Alert> alerts;
        {
            auto store = openStore(path, makeKey(3));
            QVERIFY(store);
            for (int i = 0; i < 3; ++i) {
                alerts.push_back(fullAlert(kAllEventTypes[static_cast<std::size_t>(i)],
                                           Severity::Critical, Qualification::Unreviewed));
                alerts.back().wallStartMs += i;
                QVERIFY(store->upsert(alerts.back()).ok());
            }
            QVERIFY(store->qualify(alerts[1].uid, Qualification::Confirmed, "ok", "op", 1).ok());
            alerts[1].qualification = Qualification::Confirmed;
            alerts[1].comment = "ok";
            alerts[1].qualifiedBy = "op";
            alerts[1].qualifiedAtMs = 1;
        }
        auto store = openStore(path, makeKey(3));
        QVERIFY(store);
        QCOMPARE(*store->count(), std::int64_t(3));
        for (const Alert& expected : alerts) {
            auto found = store->find(expected.uid);
            VERIFY_OK(found);
            QVERIFY(found->has_value());
            compareAlerts(**found, expected);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
    }

    void fileOnDiskIsEncrypted() {
        const std::string path = newPath();
        const QString qpath = QString::fromStdString(path);
        const std::string marker = "camera-plaintext-7f3a9c";
        auto check = [&](const QByteArray& bytes, const char* what) {
            QVERIFY2(bytes.size() >= 16, what);
            QVERIFY2(bytes.left(16) != QByteArray("SQLite format 3\0", 16), what);
            QVERIFY2(!bytes.contains(QByteArray::fromStdString(marker)), what);
            QVERIFY2(!bytes.contains("CREATE TABLE"), what);
        };
        {
            auto store = openStore(path, makeKey(4));
            QVERIFY(store);
            for (int i = 0; i < 20; ++i) {
                Alert a = makeAlert(makeUid(), marker, EventType::Intrusion, i);
                a.detail = R"({"marker": "camera-plaintext-7f3a9c"})";
                QVERIFY(store->upsert(a).ok());
            }
            // While open, recent pages sit in the write-ahead log: it must be ciphertext too.
            const QByteArray wal = readAll(qpath + "-wal");
            QVERIFY(!wal.isEmpty());
            QVERIFY(!wal.contains(QByteArray::fromStdString(marker)));
            QVERIFY(!wal.contains("CREATE TABLE"));
        }
        check(readAll(qpath), "database file after close");
        if (QTest::currentTestFailed()) {
            return;
        }
        auto store = openStore(path, makeKey(4));
        QVERIFY(store);
        QCOMPARE(*store->count(), std::int64_t(20));  // and it is the data, readable with the key
    }

    void wrongKeyIsAClearErrorAndHarmsNothing() {
        const std::string path = newPath();
        const DatabaseKey right = makeKey(5);
        const DatabaseKey wrong = makeKey(6);
        {
            auto store = openStore(path, right);
            QVERIFY(store);
            for (int i = 0; i < 5; ++i) {
                QVERIFY(store->upsert(makeAlert(makeUid(), "cam1", EventType::Fire, i)).ok());
            }
        }
        const QByteArray before = readAll(QString::fromStdString(path));

        for (const OpenMode mode : {OpenMode::ReadWriteCreate, OpenMode::ReadOnly}) {
            auto store = AlertStore::open(path, wrong, mode);
            QVERIFY(!store.ok());
            const std::string& message = store.error().message;
            QVERIFY2(contains(message, "wrong key, or the file is not a Vigie database: " + path),
                     message.c_str());
            QVERIFY2(!contains(message, hexOf(wrong)) && !contains(message, hexOf(right)),
                     message.c_str());
        }
        QCOMPARE(readAll(QString::fromStdString(path)), before);

        auto store = openStore(path, right);
        QVERIFY(store);
        QCOMPARE(*store->count(), std::int64_t(5));
    }

    void foreignFileIsAClearError_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("random bytes") << 0;
        QTest::newRow("text") << 1;
        QTest::newRow("plain sqlite database") << 2;
    }
    void foreignFileIsAClearError() {
        QFETCH(int, kind);
        const std::string path = newPath();
        const QString qpath = QString::fromStdString(path);
        if (kind == 2) {
            QVERIFY(createPlainSqlite(qpath));
        } else {
            QFile file(qpath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray content;
            for (int i = 0; i < 4096; ++i) {
                content.append(kind == 0 ? static_cast<char>((i * 7919 + 13) % 251)
                                         : "Alerts, not really.\n"[i % 20]);
            }
            file.write(content);
        }
        const QByteArray before = readAll(qpath);
        auto store = AlertStore::open(path, makeKey(7));
        QVERIFY(!store.ok());
        QVERIFY2(contains(store.error().message,
                          "wrong key, or the file is not a Vigie database: " + path),
                 store.error().message.c_str());
        QCOMPARE(readAll(qpath), before);  // never "repaired" or overwritten
    }

    void readOnlyModeReadsButNeverWrites() {
        const std::string path = newPath();
        const Alert alert = makeAlert(makeUid(), "cam1", EventType::Density, 1);
        {
            auto store = openStore(path, makeKey(8));
            QVERIFY(store);
            QVERIFY(store->upsert(alert).ok());
        }
        auto reader = AlertStore::open(path, makeKey(8), OpenMode::ReadOnly);
        VERIFY_OK(reader);
        auto listed = (*reader)->list({});
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), std::size_t(1));
        auto write = (*reader)->upsert(makeAlert(makeUid(), "cam1", EventType::Density, 2));
        QVERIFY(!write.ok());
        QVERIFY2(contains(write.error().message, "read-only"), write.error().message.c_str());
        QVERIFY2(contains(write.error().message, path), write.error().message.c_str());

        auto missing = AlertStore::open(newPath(), makeKey(8), OpenMode::ReadOnly);
        QVERIFY(!missing.ok());
        QVERIFY2(contains(missing.error().message, "cannot open"), missing.error().message.c_str());
    }

    void readOnlyModeNeedsAnUpToDateSchema() {
        const std::string path = newPath();
        {
            auto db = Database::open(path, makeKey(9), OpenMode::ReadWriteCreate);
            VERIFY_OK(db);
            QVERIFY((*db)->exec("CREATE TABLE placeholder (x)").ok());  // version 0
        }
        auto store = AlertStore::open(path, makeKey(9), OpenMode::ReadOnly);
        QVERIFY(!store.ok());
        QVERIFY2(contains(store.error().message, "open it once for writing"),
                 store.error().message.c_str());
    }

    void newerSchemaIsRefused() {
        const std::string path = newPath();
        {
            auto store = openStore(path, makeKey(10));
            QVERIFY(store);
            QVERIFY(store->upsert(makeAlert(makeUid(), "cam1", EventType::Fire, 1)).ok());
            QVERIFY(store->database()
                        .exec("UPDATE schema_versions SET version = 3 WHERE component = 'alerts'")
                        .ok());
        }
        auto store = AlertStore::open(path, makeKey(10));
        QVERIFY(!store.ok());
        const std::string& message = store.error().message;
        QVERIFY2(contains(message, "version 3") && contains(message, "upgrade Vigie") &&
                     contains(message, path),
                 message.c_str());
        auto db = Database::open(path, makeKey(10), OpenMode::ReadOnly);
        VERIFY_OK(db);
        QCOMPARE(*schemaVersion(**db, "alerts"), 3);  // left alone
    }

    // A database written by the first schema (no evidence column) opens, is upgraded, keeps
    // its alerts (with empty evidence) and stores evidence from then on.
    void firstSchemaVersionUpgrades() {
        const std::string path = newPath();
        {
            auto db = Database::open(path, makeKey(14), OpenMode::ReadWriteCreate);
            VERIFY_OK(db);
            const SchemaStep v1[] = {{1, "alerts table",
                                      "CREATE TABLE alerts (id INTEGER PRIMARY KEY, uid TEXT NOT "
                                      "NULL UNIQUE, site TEXT NOT NULL, camera TEXT NOT NULL, "
                                      "rule TEXT NOT NULL, zone TEXT NOT NULL, event TEXT NOT "
                                      "NULL, severity TEXT NOT NULL, start_us INTEGER NOT NULL, "
                                      "end_us INTEGER NOT NULL, wall_start_ms INTEGER NOT NULL, "
                                      "wall_end_ms INTEGER NOT NULL, open INTEGER NOT NULL, score "
                                      "REAL NOT NULL, boxes TEXT NOT NULL, track_ids TEXT NOT "
                                      "NULL, detail TEXT NOT NULL, qualification TEXT NOT NULL, "
                                      "comment TEXT NOT NULL, qualified_by TEXT NOT NULL, "
                                      "qualified_at_ms INTEGER NOT NULL)"}};
            VERIFY_OK(applySchema(**db, "alerts", v1));
            QVERIFY((*db)
                        ->exec("INSERT INTO alerts VALUES (1, 'old', 'site', 'cam1', 'r1', 'z1', "
                               "'intrusion', 'major', 0, 1000000, 1700000000000, 1700000001000, "
                               "0, 0.8, '[[0.1,0.2,0.3,0.4]]', '[5]', '', 'confirmed', 'vu', "
                               "'op', 1700000002000)")
                        .ok());
        }
        auto store = openStore(path, makeKey(14));
        QVERIFY(store);
        auto db = Database::open(path, makeKey(14), OpenMode::ReadOnly);
        VERIFY_OK(db);
        QCOMPARE(*schemaVersion(**db, "alerts"), AlertStore::kSchemaVersion);
        auto old = store->find("old");
        VERIFY_OK(old);
        QVERIFY(old->has_value());
        QCOMPARE((*old)->qualification, Qualification::Confirmed);
        QCOMPARE((*old)->boxes.size(), std::size_t(1));
        QVERIFY((*old)->trackPath.empty() && (*old)->measures.empty());
        const Alert fresh =
            fullAlert(EventType::Density, Severity::Major, Qualification::Unreviewed);
        VERIFY_OK(store->upsert(fresh));
        auto back = store->find(fresh.uid);
        VERIFY_OK(back);
        QVERIFY(back->has_value());
        compareAlerts(**back, fresh);
    }

    void migrationsRunInOrderAndFailedStepsRollBack() {
        auto opened = Database::open(newPath(), makeKey(11), OpenMode::ReadWriteCreate);
        VERIFY_OK(opened);
        Database& db = **opened;
        const SchemaStep two[] = {
            {1, "first", "CREATE TABLE t1 (x)"},
            {2, "second", "CREATE TABLE t2 (x); INSERT INTO t2 SELECT count(*) FROM t1"},
        };
        VERIFY_OK(applySchema(db, "test", two));
        QCOMPARE(*schemaVersion(db, "test"), 2);
        QCOMPARE(*db.queryInt64("SELECT count(*) FROM t2"), std::int64_t(1));
        VERIFY_OK(applySchema(db, "test", two));  // nothing left to do: no error, no rerun
        QCOMPARE(*db.queryInt64("SELECT count(*) FROM t2"), std::int64_t(1));

        const SchemaStep broken[] = {
            two[0],
            two[1],
            {3, "broken", "CREATE TABLE t3 (x); INSERT INTO missing VALUES (1)"},
        };
        auto failed = applySchema(db, "test", broken);
        QVERIFY(!failed.ok());
        QVERIFY2(contains(failed.error().message, "to version 3"), failed.error().message.c_str());
        QCOMPARE(*schemaVersion(db, "test"), 2);
        QCOMPARE(*db.queryInt64("SELECT count(*) FROM sqlite_master WHERE name = 't3'"),
                 std::int64_t(0));

        const SchemaStep unordered[] = {two[1], two[0]};
        auto refused = applySchema(db, "test", unordered);
        QVERIFY(!refused.ok());
        QVERIFY2(contains(refused.error().message, "in order"), refused.error().message.c_str());
    }

    void upgradeKeepsABackupOfThePreviousVersion() {
        const std::string path = newPath();
        auto opened = Database::open(path, makeKey(13), OpenMode::ReadWriteCreate);
        VERIFY_OK(opened);
        Database& db = **opened;
        const SchemaStep one[] = {{1, "first", "CREATE TABLE t1 (x); INSERT INTO t1 VALUES (7)"}};
        VERIFY_OK(applySchema(db, "test", one));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(path + ".pre-test-v1.bak")));
        const SchemaStep two[] = {one[0], {2, "second", "DROP TABLE t1"}};
        VERIFY_OK(applySchema(db, "test", two));
        const std::string backup = path + ".pre-test-v1.bak";
        QVERIFY(QFileInfo::exists(QString::fromStdString(backup)));
        // The backup is the previous version, encrypted with the same key.
        auto old = Database::open(backup, makeKey(13), OpenMode::ReadOnly);
        VERIFY_OK(old);
        QCOMPARE(*(*old)->queryInt64("SELECT x FROM t1"), std::int64_t(7));
        QCOMPARE(*schemaVersion(**old, "test"), 1);
    }

    void nestedTransactionsRollBackIndependently() {
        auto opened = Database::open(newPath(), makeKey(12), OpenMode::ReadWriteCreate);
        VERIFY_OK(opened);
        Database& db = **opened;
        QVERIFY(db.exec("CREATE TABLE t (x)").ok());
        {
            auto outer = db.begin();
            VERIFY_OK(outer);
            QVERIFY(db.exec("INSERT INTO t VALUES (1)").ok());
            {
                auto inner = db.begin();
                VERIFY_OK(inner);
                QVERIFY(db.exec("INSERT INTO t VALUES (2)").ok());
            }  // inner rolled back
            VERIFY_OK(outer->commit());
        }
        QCOMPARE(*db.queryInt64("SELECT sum(x) FROM t"), std::int64_t(1));
        {
            auto tx = db.begin();
            VERIFY_OK(tx);
            QVERIFY(db.exec("INSERT INTO t VALUES (10)").ok());
        }  // rolled back on destruction
        QCOMPARE(*db.queryInt64("SELECT sum(x) FROM t"), std::int64_t(1));
    }

    // --- StoreWriter ------------------------------------------------------------------

    void writerStoresEverythingFromManyThreads() {
        const std::string path = newPath();
        const DatabaseKey key = makeKey(20);
        ErrorLog errors;
        StoreWriter writer(openerFor(path, key), errors.callback());
        constexpr int kThreads = 4;
        constexpr int kPerThread = 125;
        std::vector<std::thread> threads;
        std::vector<std::vector<std::string>> uids(kThreads);
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&writer, &uids, t] {
                for (int i = 0; i < kPerThread; ++i) {
                    Alert a = makeAlert(makeUid(), "cam" + std::to_string(t), EventType::Intrusion,
                                        t * 1000 + i);
                    uids[static_cast<std::size_t>(t)].push_back(a.uid);
                    writer.onAlertOpened(a);
                    a.open = false;
                    a.score = 0.9;
                    writer.onAlertClosed(a);
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        VERIFY_OK(writer.flush(60s));
        QCOMPARE(writer.pending(), std::int64_t(0));
        QCOMPARE(writer.written(), std::int64_t(2 * kThreads * kPerThread));
        QCOMPARE(writer.failures(), std::int64_t(0));
        QCOMPARE(errors.size(), std::size_t(0));

        auto store = openStore(path, key);  // a second connection, as the UI would open
        QVERIFY(store);
        QCOMPARE(*store->count(), std::int64_t(kThreads * kPerThread));
        AlertFilter all;
        all.limit = 10000;
        auto listed = store->list(all);
        VERIFY_OK(listed);
        std::set<std::string> stored;
        for (const Alert& a : *listed) {
            QVERIFY(!a.open);
            QCOMPARE(a.score, 0.9);
            stored.insert(a.uid);
        }
        for (const auto& perThread : uids) {
            for (const auto& uid : perThread) {
                QVERIFY2(stored.count(uid) == 1, uid.c_str());
            }
        }
    }

    void writerPassesQualificationsThrough() {
        const std::string path = newPath();
        const DatabaseKey key = makeKey(21);
        ErrorLog errors;
        StoreWriter writer(openerFor(path, key), errors.callback());
        Alert alert = makeAlert(makeUid(), "cam1", EventType::AbandonedObject, 1);
        writer.onAlertOpened(alert);
        writer.qualify(alert.uid, Qualification::Confirmed, "colis suspect", "op1", 77);
        alert.open = false;
        writer.onAlertClosed(alert);
        writer.qualify("no-such-uid", Qualification::Confirmed, "", "op1", 78);
        VERIFY_OK(writer.flush(10s));
        QCOMPARE(writer.written(), std::int64_t(3));
        QCOMPARE(writer.rejected(), std::int64_t(1));
        QCOMPARE(errors.size(), std::size_t(1));
        QVERIFY2(contains(errors.at(0), "no-such-uid"), errors.at(0).c_str());

        auto store = openStore(path, key);
        QVERIFY(store);
        auto found = store->find(alert.uid);
        VERIFY_OK(found);
        QCOMPARE((*found)->qualification, Qualification::Confirmed);
        QCOMPARE((*found)->comment, std::string("colis suspect"));
        QCOMPARE((*found)->open, false);
    }

    void writerStopDrainsTheQueue() {
        const std::string path = newPath();
        const DatabaseKey key = makeKey(22);
        std::vector<std::string> uids;
        {
            StoreWriter writer(openerFor(path, key));
            for (int i = 0; i < 50; ++i) {
                uids.push_back(makeUid());
                writer.onAlertOpened(makeAlert(uids.back(), "cam1", EventType::Density, i));
            }
            VERIFY_OK(writer.stop());
            QCOMPARE(writer.written(), std::int64_t(50));
            writer.onAlertOpened(makeAlert(makeUid(), "cam1", EventType::Density, 99));
            QCOMPARE(writer.rejected(), std::int64_t(1));  // after stop: refused, and counted
        }
        auto store = openStore(path, key);
        QVERIFY(store);
        QCOMPARE(*store->count(), std::int64_t(50));
    }

    void writerKeepsAlertsUntilTheStoreOpens() {
        const std::string path = newPath();
        const DatabaseKey key = makeKey(23);
        std::atomic<bool> available{false};
        std::atomic<int> attempts{0};
        ErrorLog errors;
        StoreWriter writer(
            [&]() -> Result<std::unique_ptr<AlertStore>> {
                ++attempts;
                if (!available) {
                    return makeError("the disk holding the database is not mounted");
                }
                return AlertStore::open(path, key);
            },
            errors.callback(), kFastRetry);
        for (int i = 0; i < 10; ++i) {
            writer.onAlertOpened(makeAlert(makeUid(), "cam1", EventType::Fire, i));
        }
        QTRY_VERIFY_WITH_TIMEOUT(attempts >= 4, 5000);  // several retries…
        QCOMPARE(errors.size(), std::size_t(1));        // …reported once
        QVERIFY2(contains(errors.at(0), "not mounted"), errors.at(0).c_str());
        QCOMPARE(writer.pending(), std::int64_t(10));
        QCOMPARE(writer.written(), std::int64_t(0));
        QVERIFY(writer.failures() >= 3);
        auto early = writer.flush(50ms);
        QVERIFY(!early.ok());
        QVERIFY2(contains(early.error().message, "10 alert updates") &&
                     contains(early.error().message, "not mounted"),
                 early.error().message.c_str());

        available = true;
        VERIFY_OK(writer.flush(10s));
        QCOMPARE(writer.written(), std::int64_t(10));
        QCOMPARE(errors.size(), std::size_t(1));
        auto store = openStore(path, key);
        QVERIFY(store);
        QCOMPARE(*store->count(), std::int64_t(10));
    }

    void writerStopGivesUpAfterItsTimeout() {
        ErrorLog errors;
        StoreWriter writer(
            []() -> Result<std::unique_ptr<AlertStore>> { return makeError("store unavailable"); },
            errors.callback(), kFastRetry);
        for (int i = 0; i < 3; ++i) {
            writer.onAlertOpened(makeAlert(makeUid(), "cam1", EventType::Fire, i));
        }
        QElapsedTimer timer;
        timer.start();
        auto stopped = writer.stop(200ms);
        QVERIFY(timer.elapsed() < 5000);  // shutdown is never held hostage by a dead disk
        QVERIFY(!stopped.ok());
        QVERIFY2(contains(stopped.error().message, "3 alert updates not written"),
                 stopped.error().message.c_str());
        QCOMPARE(writer.written(), std::int64_t(0));
    }

    void writerSurvivesAReadOnlyDatabase() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("alerts.vigie").toStdString();
        const QByteArray dirPath = QFile::encodeName(dir.path());
        const DatabaseKey key = makeKey(24);
        {
            auto store = openStore(path, key);
            QVERIFY(store);
            QVERIFY(store->upsert(makeAlert(makeUid(), "cam1", EventType::Fire, 0)).ok());
        }
        QCOMPARE(::chmod(path.c_str(), 0400), 0);
        QCOMPARE(::chmod(dirPath.constData(), 0500), 0);
        struct Restore {
            std::string file;
            QByteArray dir;
            ~Restore() {
                ::chmod(dir.constData(), 0700);
                ::chmod(file.c_str(), 0600);
            }
        } restore{path, dirPath};

        const std::string probe = dir.filePath("probe").toStdString();
        const int fd = ::open(probe.c_str(), O_CREAT | O_WRONLY, 0600);
        if (fd >= 0) {
            ::close(fd);
            ::unlink(probe.c_str());
            QSKIP(
                "running with CAP_DAC_OVERRIDE (root?): chmod does not stop this process from "
                "writing; writerSurvivesAFullDisk covers real write failures");
        }

        ErrorLog errors;
        StoreWriter writer(openerFor(path, key), errors.callback(), kFastRetry);
        for (int i = 1; i <= 20; ++i) {
            writer.onAlertOpened(makeAlert(makeUid(), "cam1", EventType::Fire, i));
        }
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 1 && writer.failures() >= 3, 5000);
        QCOMPARE(errors.size(), std::size_t(1));
        QVERIFY2(contains(errors.at(0), "read-only") && contains(errors.at(0), path),
                 errors.at(0).c_str());
        QCOMPARE(writer.pending(), std::int64_t(20));

        QCOMPARE(::chmod(dirPath.constData(), 0700), 0);
        QCOMPARE(::chmod(path.c_str(), 0600), 0);
        VERIFY_OK(writer.flush(10s));
        QCOMPARE(writer.written(), std::int64_t(20));
        auto store = openStore(path, key);
        QVERIFY(store);
        QCOMPARE(*store->count(), std::int64_t(21));
    }

    // A full disk made real for any user, root included: RLIMIT_FSIZE makes the kernel
    // refuse to grow files (EFBIG), exactly where SQLite's writes would hit ENOSPC.
    void writerSurvivesAFullDisk() {
        const std::string path = newPath();
        const DatabaseKey key = makeKey(25);
        ErrorLog errors;
        StoreWriter writer(openerFor(path, key), errors.callback(), kFastRetry);
        writer.onAlertOpened(makeAlert(makeUid(), "cam1", EventType::Fire, 0));
        VERIFY_OK(writer.flush(10s));  // database, schema and log exist before the disk fills

        struct rlimit original {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &original), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);  // EFBIG, not a kill
        struct Restore {
            struct rlimit limit;
            void (*handler)(int);
            ~Restore() {
                ::setrlimit(RLIMIT_FSIZE, &limit);
                std::signal(SIGXFSZ, handler);
            }
        } restore{original, previousHandler};
        // No file of this process may grow past its first byte while the disk is "full".
        struct rlimit full = original;
        full.rlim_cur = 1;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &full), 0);

        for (int i = 1; i <= 30; ++i) {
            writer.onAlertOpened(makeAlert(makeUid(), "cam1", EventType::Fire, i));
        }
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 1 && writer.failures() >= 3, 5000);
        const std::int64_t pendingWhileFull = writer.pending();
        const std::int64_t writtenWhileFull = writer.written();

        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &original), 0);
        QCOMPARE(pendingWhileFull, std::int64_t(30));
        QCOMPARE(writtenWhileFull, std::int64_t(1));
        QCOMPARE(errors.size(), std::size_t(1));
        QVERIFY2(contains(errors.at(0), path), errors.at(0).c_str());

        VERIFY_OK(writer.flush(10s));
        QCOMPARE(writer.written(), std::int64_t(31));
        QCOMPARE(errors.size(), std::size_t(1));
        auto store = openStore(path, key);
        QVERIFY(store);
        QCOMPARE(*store->count(), std::int64_t(31));
    }
};

QTEST_GUILESS_MAIN(TestAlertStore)
#include "tst_alert_store.moc"
