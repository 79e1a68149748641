// Alert snapshots: stored encrypted under <dir>/<yyyy-mm>/<uid>.jpg.enc and read back
// exactly; another database key, a flipped byte, a truncated file, a file swapped with another
// alert's, a missing file each give a clear error naming the alert; nothing else is accepted.
#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

#include "core/snapshot_store.h"

using namespace vigie::core;
namespace fs = std::filesystem;

// Evaluates its argument once (it is often a call with side effects).
#define VERIFY_OK(expr)                                                              \
    do {                                                                             \
        const auto& verifiedResult = (expr);                                         \
        QVERIFY2(verifiedResult.ok(),                                                \
                 verifiedResult.ok() ? "" : verifiedResult.error().message.c_str()); \
    } while (false)

namespace {

DatabaseKey makeKey(std::uint8_t seed) {
    DatabaseKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i) {
        key.bytes[i] = static_cast<std::uint8_t>(seed * 5 + i);
    }
    return key;
}

// A fake JPEG: the SOI marker, then bytes that are easy to spot in a file.
std::vector<std::uint8_t> fakeJpeg(std::size_t size, std::uint8_t seed) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i) {
        bytes[i] = static_cast<std::uint8_t>('A' + (i + seed) % 26);
    }
    bytes[0] = 0xFF;
    bytes[1] = 0xD8;
    bytes[2] = 0xFF;
    return bytes;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

constexpr std::int64_t kNov2026Ms = 1'795'000'000'000;  // 2026-11-19 (UTC)
const std::string kUid = "0123456789abcdef0123456789abcdef";

}  // namespace

class TestSnapshotStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_next = 0;

    struct Fixture {
        std::unique_ptr<Database> db;
        std::unique_ptr<SnapshotStore> store;
        std::string dir;
    };
    Fixture open(const DatabaseKey& key) {
        Fixture f;
        const QString base = m_tmp.filePath(QString("case%1").arg(++m_next));
        QDir().mkpath(base);
        auto db =
            Database::open((base + "/vigie.db").toStdString(), key, OpenMode::ReadWriteCreate);
        if (!db) {
            qWarning("%s", db.error().message.c_str());
            return f;
        }
        f.db = std::move(*db);
        f.dir = (base + "/snapshots").toStdString();
        auto store = SnapshotStore::attach(*f.db, key, f.dir);
        if (!store) {
            qWarning("%s", store.error().message.c_str());
            return f;
        }
        f.store = std::move(*store);
        return f;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void roundTrip_data() {
        QTest::addColumn<int>("size");
        QTest::newRow("tiny") << 3;
        QTest::newRow("typical") << 80'000;
        QTest::newRow("several chunks") << 300'001;
    }
    void roundTrip() {
        QFETCH(int, size);
        Fixture f = open(makeKey(1));
        QVERIFY(f.store);
        const auto jpeg = fakeJpeg(std::size_t(size), 3);
        auto record = f.store->put(kUid, kNov2026Ms, jpeg);
        VERIFY_OK(record);
        QCOMPARE(record->relativePath, "2026-11/" + kUid + ".jpg.enc");
        const std::string path = f.dir + "/" + record->relativePath;
        QVERIFY(fs::is_regular_file(path));
        QCOMPARE(std::int64_t(fs::file_size(path)), record->sizeBytes);
        QCOMPARE(fs::status(path).permissions() & fs::perms::all,
                 fs::perms::owner_read | fs::perms::owner_write);

        // Ciphertext on disk: no run of the picture's bytes is to be found in the file.
        auto onDisk = readFileBytes(path);
        VERIFY_OK(onDisk);
        const std::string disk(onDisk->begin(), onDisk->end());
        if (size > 40) {
            const std::string probe(jpeg.begin() + 10, jpeg.begin() + 40);
            QVERIFY(!contains(disk, probe));
        }

        auto back = f.store->get(kUid);
        VERIFY_OK(back);
        QVERIFY(*back == jpeg);
        auto found = f.store->find(kUid);
        VERIFY_OK(found);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->alertTimeMs, kNov2026Ms);

        // No temp file is left next to it.
        int files = 0;
        for (QDirIterator it(QString::fromStdString(f.dir), QDir::Files,
                             QDirIterator::Subdirectories);
             it.hasNext(); it.next()) {
            ++files;
        }
        QCOMPARE(files, 1);
    }

    void anotherDatabaseKeyCannotRead() {
        Fixture f = open(makeKey(2));
        QVERIFY(f.store);
        VERIFY_OK(f.store->put(kUid, kNov2026Ms, fakeJpeg(5000, 1)));
        // Same database and directory, another master key (a restored database with a new
        // key, a copied snapshot directory).
        auto wrong = SnapshotStore::attach(*f.db, makeKey(3), f.dir);
        VERIFY_OK(wrong);
        auto r = (*wrong)->get(kUid);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, "wrong key") && contains(r.error().message, kUid),
                 r.error().message.c_str());
    }

    void tamperedFilesAreRefused_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("flipped byte in the picture") << "flip-body"
                                                     << "altered";
        QTest::newRow("flipped byte in the header") << "flip-check"
                                                    << "wrong key";
        QTest::newRow("truncated") << "truncate"
                                   << "truncated";
        QTest::newRow("extra bytes") << "append"
                                     << "unexpected data";
        QTest::newRow("swapped with another alert's") << "swap"
                                                      << "another record";
        QTest::newRow("deleted") << "delete"
                                 << "missing";
        QTest::newRow("replaced by a plain JPEG") << "plain"
                                                  << "not a Vigie encrypted file";
    }
    void tamperedFilesAreRefused() {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        Fixture f = open(makeKey(4));
        QVERIFY(f.store);
        const std::string other = "ffffffffffffffffffffffffffffffff";
        auto a = f.store->put(kUid, kNov2026Ms, fakeJpeg(20'000, 1));
        auto b = f.store->put(other, kNov2026Ms, fakeJpeg(20'000, 2));
        VERIFY_OK(a);
        VERIFY_OK(b);
        const std::string path = f.dir + "/" + a->relativePath;
        auto bytes = readFileBytes(path);
        VERIFY_OK(bytes);
        if (damage == "flip-body") {
            (*bytes)[bytes->size() / 2] ^= 0x20;
        } else if (damage == "flip-check") {
            (*bytes)[50] ^= 0x01;
        } else if (damage == "truncate") {
            bytes->resize(bytes->size() - 100);
        } else if (damage == "append") {
            bytes->push_back(0);
        } else if (damage == "swap") {
            auto otherBytes = readFileBytes(f.dir + "/" + b->relativePath);
            VERIFY_OK(otherBytes);
            *bytes = *otherBytes;
        } else if (damage == "plain") {
            *bytes = fakeJpeg(1000, 9);
        }
        if (damage == "delete") {
            fs::remove(path);
        } else {
            VERIFY_OK(writeFileAtomic(path, *bytes));
        }
        auto r = f.store->get(kUid);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, expected.toStdString()) &&
                     contains(r.error().message, kUid),
                 r.error().message.c_str());
        auto untouched = f.store->get(other);
        VERIFY_OK(untouched);
    }

    void badInputIsRefused_data() {
        QTest::addColumn<QString>("uid");
        QTest::addColumn<bool>("jpeg");
        QTest::newRow("not a JPEG") << QString::fromStdString(kUid) << false;
        QTest::newRow("path in the uid") << "../../etc/passwd" << true;
        QTest::newRow("empty uid") << "" << true;
    }
    void badInputIsRefused() {
        QFETCH(QString, uid);
        QFETCH(bool, jpeg);
        Fixture f = open(makeKey(5));
        QVERIFY(f.store);
        std::vector<std::uint8_t> bytes = fakeJpeg(100, 1);
        if (!jpeg) {
            bytes[0] = 0x89;  // PNG
        }
        QVERIFY(!f.store->put(uid.toStdString(), kNov2026Ms, bytes).ok());
        auto n = f.store->count();
        VERIFY_OK(n);
        QCOMPARE(*n, std::int64_t(0));
    }

    void replaceAndRemove() {
        Fixture f = open(makeKey(6));
        QVERIFY(f.store);
        auto first = f.store->put(kUid, kNov2026Ms, fakeJpeg(1000, 1));
        VERIFY_OK(first);
        const std::int64_t december = kNov2026Ms + 30LL * 86'400'000;
        auto second = f.store->put(kUid, december, fakeJpeg(2000, 2));
        VERIFY_OK(second);
        QCOMPARE(second->relativePath, "2026-12/" + kUid + ".jpg.enc");
        QVERIFY(!fs::exists(f.dir + "/" + first->relativePath));  // the old month's file went
        auto back = f.store->get(kUid);
        VERIFY_OK(back);
        QVERIFY(*back == fakeJpeg(2000, 2));
        VERIFY_OK(f.store->remove(kUid));
        QVERIFY(!fs::exists(f.dir + "/" + second->relativePath));
        auto gone = f.store->get(kUid);
        QVERIFY(!gone.ok());
        QVERIFY2(contains(gone.error().message, "has no snapshot"), gone.error().message.c_str());
        VERIFY_OK(f.store->remove(kUid));  // twice: no error
    }

    void orphanFilesAreFound() {
        Fixture f = open(makeKey(7));
        QVERIFY(f.store);
        VERIFY_OK(f.store->put(kUid, kNov2026Ms, fakeJpeg(100, 1)));
        fs::create_directories(f.dir + "/2026-10");
        const std::string orphan = f.dir + "/2026-10/aaaa.jpg.enc";
        const std::string foreign = f.dir + "/2026-10/notes.txt";
        VERIFY_OK(writeFileAtomic(orphan, asBytes("x")));
        VERIFY_OK(writeFileAtomic(foreign, asBytes("x")));
        const std::int64_t future = 4'000'000'000'000;
        auto orphans = f.store->orphanFiles(future);
        VERIFY_OK(orphans);
        QCOMPARE(orphans->size(), std::size_t(1));
        QCOMPARE(orphans->front(), std::string("2026-10/aaaa.jpg.enc"));
        auto none = f.store->orphanFiles(0);  // written just now: not older than 1970
        VERIFY_OK(none);
        QVERIFY(none->empty());
        auto removed = f.store->deleteOrphans(*orphans);
        VERIFY_OK(removed);
        QCOMPARE(*removed, std::int64_t(1));
        QVERIFY(!fs::exists(orphan));
        QVERIFY(fs::exists(foreign));  // never delete what the store did not write
    }
};

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshot_store.moc"
