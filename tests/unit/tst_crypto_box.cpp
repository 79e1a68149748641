// The sealed-file format shared by exports, backups and snapshots: round trips at every chunk
// boundary, and a wrong passphrase or key, a truncated file, a flipped byte anywhere, extra
// bytes, another record's associated data are each refused with their own clear message.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

#include "core/crypto_box.h"

using namespace vigie::core;

// Evaluates its argument once (it is often a call with side effects).
#define VERIFY_OK(expr)                                                              \
    do {                                                                             \
        const auto& verifiedResult = (expr);                                         \
        QVERIFY2(verifiedResult.ok(),                                                \
                 verifiedResult.ok() ? "" : verifiedResult.error().message.c_str()); \
    } while (false)

namespace {

// Cheap Argon2id costs: the tests check the format, not the cost.
constexpr KdfParams kTestKdf{1, 1024};
const std::string kPassphrase = "correct horse battery staple";

std::vector<std::uint8_t> pattern(std::size_t size) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i < size; ++i) {
        bytes[i] = static_cast<std::uint8_t>((i * 131 + 7) ^ (i >> 8));
    }
    return bytes;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

SecretKey rawKey(std::uint8_t seed) {
    SecretKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i) {
        key.bytes[i] = static_cast<std::uint8_t>(seed + i);
    }
    return key;
}

}  // namespace

class TestCryptoBox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void derivationDependsOnPassphraseAndSalt() {
        const Salt salt = randomSalt();
        Salt other = salt;
        other[0] ^= 1;
        auto a = deriveKeyFromPassphrase(kPassphrase, salt, kTestKdf);
        auto b = deriveKeyFromPassphrase(kPassphrase, salt, kTestKdf);
        auto c = deriveKeyFromPassphrase(kPassphrase, other, kTestKdf);
        auto d = deriveKeyFromPassphrase(kPassphrase + "!", salt, kTestKdf);
        VERIFY_OK(a);
        VERIFY_OK(b);
        VERIFY_OK(c);
        VERIFY_OK(d);
        QVERIFY(a->bytes == b->bytes);
        QVERIFY(a->bytes != c->bytes);
        QVERIFY(a->bytes != d->bytes);
        QVERIFY(!deriveKeyFromPassphrase(kPassphrase, salt, {1, 1u << 30}).ok());
    }

    void subkeysDependOnContextAndId() {
        DatabaseKey master;
        master.bytes.fill(7);
        auto a = deriveSubkey(master, 1, "snapshot");
        auto b = deriveSubkey(master, 2, "snapshot");
        auto c = deriveSubkey(master, 1, "exportsX");
        VERIFY_OK(a);
        VERIFY_OK(b);
        VERIFY_OK(c);
        QVERIFY(a->bytes != b->bytes);
        QVERIFY(a->bytes != c->bytes);
        QVERIFY(!deriveSubkey(master, 1, "short").ok());
    }

    void shortPassphraseRefused() {
        auto key = SealingKey::fromPassphrase("too short", kTestKdf);
        QVERIFY(!key.ok());
        QVERIFY2(contains(key.error().message, "too short"), key.error().message.c_str());
    }

    void roundTrip_data() {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("one byte") << 1;
        QTest::newRow("chunk - 1") << int(kSealChunkBytes - 1);
        QTest::newRow("one chunk") << int(kSealChunkBytes);
        QTest::newRow("chunk + 1") << int(kSealChunkBytes + 1);
        QTest::newRow("three chunks and a bit") << int(3 * kSealChunkBytes + 12345);
    }
    void roundTrip() {
        QFETCH(int, size);
        const auto plain = pattern(std::size_t(size));
        auto key = SealingKey::fromPassphrase(kPassphrase, kTestKdf);
        VERIFY_OK(key);
        auto sealed = sealBytes(plain, *key, "uid-1");
        VERIFY_OK(sealed);
        QCOMPARE(sealed->size(), std::size_t(sealedSize(plain.size())));
        QVERIFY(looksSealed(*sealed));
        UnsealingKey reader = UnsealingKey::fromPassphrase(kPassphrase);
        auto back = unsealBytes(*sealed, reader, "uid-1");
        VERIFY_OK(back);
        QVERIFY(*back == plain);

        const SealingKey raw = SealingKey::fromRawKey(rawKey(3));
        auto sealedRaw = sealBytes(plain, raw);
        VERIFY_OK(sealedRaw);
        UnsealingKey rawReader = UnsealingKey::fromRawKey(rawKey(3));
        auto backRaw = unsealBytes(*sealedRaw, rawReader);
        VERIFY_OK(backRaw);
        QVERIFY(*backRaw == plain);
    }

    void wrongPassphraseOrKeyIsNamed() {
        const auto plain = pattern(1000);
        auto key = SealingKey::fromPassphrase(kPassphrase, kTestKdf);
        VERIFY_OK(key);
        auto sealed = sealBytes(plain, *key);
        VERIFY_OK(sealed);
        UnsealingKey wrong = UnsealingKey::fromPassphrase("Correct horse battery staple");
        auto r = unsealBytes(*sealed, wrong, {}, "the test file");
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, "wrong passphrase") &&
                     contains(r.error().message, "the test file"),
                 r.error().message.c_str());

        auto sealedRaw = sealBytes(plain, SealingKey::fromRawKey(rawKey(1)));
        VERIFY_OK(sealedRaw);
        UnsealingKey wrongRaw = UnsealingKey::fromRawKey(rawKey(2));
        auto r2 = unsealBytes(*sealedRaw, wrongRaw);
        QVERIFY(!r2.ok());
        QVERIFY2(contains(r2.error().message, "wrong key"), r2.error().message.c_str());
        // A passphrase file opened with a key (and back) says so rather than "wrong".
        auto r3 = unsealBytes(*sealed, wrongRaw);
        QVERIFY(!r3.ok());
        QVERIFY2(contains(r3.error().message, "passphrase"), r3.error().message.c_str());
    }

    void truncatedIsNamed_data() {
        QTest::addColumn<int>("keep");
        QTest::newRow("nothing") << 0;
        QTest::newRow("half the magic") << 4;
        QTest::newRow("header only") << int(kSealedHeaderBytes);
        QTest::newRow("mid first chunk") << int(kSealedHeaderBytes + 100);
        QTest::newRow("at a chunk boundary") << int(kSealedHeaderBytes + kSealChunkBytes + 17);
        QTest::newRow("one byte short") << -1;
    }
    void truncatedIsNamed() {
        QFETCH(int, keep);
        auto key = SealingKey::fromPassphrase(kPassphrase, kTestKdf);
        VERIFY_OK(key);
        auto sealed = sealBytes(pattern(2 * kSealChunkBytes + 10), *key);
        VERIFY_OK(sealed);
        sealed->resize(keep < 0 ? sealed->size() - 1 : std::size_t(keep));
        UnsealingKey reader = UnsealingKey::fromPassphrase(kPassphrase);
        auto r = unsealBytes(*sealed, reader);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, "truncated") ||
                     (keep == 0 && contains(r.error().message, "not a Vigie encrypted file")),
                 r.error().message.c_str());
    }

    void everyAlteredByteIsCaught_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("expected");
        QTest::newRow("magic") << 0 << "not a Vigie encrypted file";
        QTest::newRow("version") << 8 << "format version";
        QTest::newRow("key kind") << 9 << "header";
        QTest::newRow("reserved") << 10 << "damaged header";
        QTest::newRow("ops limit") << 12 << "header";
        QTest::newRow("salt") << 25 << "wrong passphrase";
        QTest::newRow("size") << 36 << "truncated or damaged";
        QTest::newRow("key check") << 50 << "wrong passphrase";
        QTest::newRow("stream header") << 70 << "altered";
        QTest::newRow("first chunk") << int(kSealedHeaderBytes + 5) << "altered";
        QTest::newRow("second chunk")
            << int(kSealedHeaderBytes + kSealChunkBytes + 40) << "altered";
        QTest::newRow("last byte") << -1 << "altered";
    }
    void everyAlteredByteIsCaught() {
        QFETCH(int, offset);
        QFETCH(QString, expected);
        auto key = SealingKey::fromPassphrase(kPassphrase, kTestKdf);
        VERIFY_OK(key);
        auto sealed = sealBytes(pattern(kSealChunkBytes + 500), *key);
        VERIFY_OK(sealed);
        const std::size_t at = offset < 0 ? sealed->size() - 1 : std::size_t(offset);
        (*sealed)[at] ^= 0x01;
        UnsealingKey reader = UnsealingKey::fromPassphrase(kPassphrase);
        auto r = unsealBytes(*sealed, reader);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, expected.toStdString()), r.error().message.c_str());
    }

    void extraBytesAndOtherRecordsAreCaught() {
        const SealingKey key = SealingKey::fromRawKey(rawKey(9));
        auto sealed = sealBytes(pattern(300), key, "alert-a");
        VERIFY_OK(sealed);
        UnsealingKey reader = UnsealingKey::fromRawKey(rawKey(9));
        auto other = unsealBytes(*sealed, reader, "alert-b");
        QVERIFY(!other.ok());
        QVERIFY2(contains(other.error().message, "another record"), other.error().message.c_str());
        sealed->push_back(0);
        auto longer = unsealBytes(*sealed, reader, "alert-a");
        QVERIFY(!longer.ok());
        QVERIFY2(contains(longer.error().message, "unexpected data"),
                 longer.error().message.c_str());
    }

    void fileRoundTripAndNoPartialOutput() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string plainPath = dir.filePath("plain.bin").toStdString();
        const std::string sealedPath = dir.filePath("plain.bin.enc").toStdString();
        const std::string backPath = dir.filePath("back.bin").toStdString();
        const auto plain = pattern(3 * kSealChunkBytes + 77);
        VERIFY_OK(writeFileAtomic(plainPath, plain));
        auto key = SealingKey::fromPassphrase(kPassphrase, kTestKdf);
        VERIFY_OK(key);
        VERIFY_OK(sealFile(plainPath, sealedPath, *key));
        QCOMPARE(std::filesystem::file_size(sealedPath), sealedSize(plain.size()));
        UnsealingKey reader = UnsealingKey::fromPassphrase(kPassphrase);
        VERIFY_OK(unsealFile(sealedPath, backPath, reader));
        auto back = readFileBytes(backPath);
        VERIFY_OK(back);
        QVERIFY(*back == plain);

        // Damage in the last chunk: nothing may be written, not even the first chunks.
        auto sealed = readFileBytes(sealedPath);
        VERIFY_OK(sealed);
        sealed->back() ^= 0x80;
        VERIFY_OK(writeFileAtomic(sealedPath, *sealed));
        const std::string damagedOut = dir.filePath("damaged.bin").toStdString();
        auto r = unsealFile(sealedPath, damagedOut, reader);
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, "altered"), r.error().message.c_str());
        QVERIFY(!std::filesystem::exists(damagedOut));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);  // no temp file left
    }

    void atomicWriteReplacesAndReportsErrors() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("f.txt").toStdString();
        VERIFY_OK(writeFileAtomic(path, asBytes("first")));
        VERIFY_OK(writeFileAtomic(path, asBytes("second")));
        auto bytes = readFileBytes(path);
        VERIFY_OK(bytes);
        QCOMPARE(std::string(bytes->begin(), bytes->end()), std::string("second"));
        QCOMPARE(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        auto missing = writeFileAtomic(dir.filePath("no/such/dir/f").toStdString(), asBytes("x"));
        QVERIFY(!missing.ok());
        QVERIFY2(contains(missing.error().message, "does not exist"),
                 missing.error().message.c_str());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
        QCOMPARE(sha256Hex(asBytes("abc")),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_GUILESS_MAIN(TestCryptoBox)
#include "tst_crypto_box.moc"
