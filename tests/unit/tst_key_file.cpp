// The key file of a headless server: created private (0600 in a 0700 directory) with a random
// key, read back unchanged, refused when others may read it or when it is malformed, and
// never quoted in a message.
#include <sys/stat.h>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <array>
#include <cstdint>
#include <string>

#include "core/key_file.h"

using namespace vigie::core;

namespace {

std::string hexOf(const DatabaseKey& key) {
    return QByteArray(reinterpret_cast<const char*>(key.bytes.data()),
                      static_cast<qsizetype>(key.bytes.size()))
        .toHex()
        .toStdString();
}

mode_t modeOf(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return 0;
    }
    return st.st_mode & 07777;
}

bool writeFile(const QString& path, const QByteArray& content, mode_t mode) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size()) {
        return false;
    }
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

const QByteArray kValidHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

}  // namespace

class TestKeyFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createsPrivateFileWithRandomKey() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("db.key");
        KeyFileProvider provider(path.toStdString());
        auto key = provider.loadOrCreateKey();
        QVERIFY2(key.ok(), key ? "" : key.error().message.c_str());

        QCOMPARE(modeOf(path), mode_t(0600));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(
            QRegularExpression("^[0-9a-f]{64}\n$").match(QString::fromLatin1(content)).hasMatch(),
            content.constData());
        QCOMPARE(content.left(64).toStdString(), hexOf(*key));
        QVERIFY(hexOf(*key) != std::string(64, '0'));
    }

    void secondCallReturnsTheSameKey() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("db.key").toStdString();
        auto first = KeyFileProvider(path).loadOrCreateKey();
        QVERIFY(first.ok());
        KeyFileProvider again(path);
        auto second = again.loadOrCreateKey();
        QVERIFY2(second.ok(), second ? "" : second.error().message.c_str());
        QVERIFY(first->bytes == second->bytes);
        auto third = again.loadOrCreateKey();
        QVERIFY(third.ok());
        QVERIFY(first->bytes == third->bytes);
    }

    void twoFilesHoldDifferentKeys() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto a = KeyFileProvider(dir.filePath("a.key").toStdString()).loadOrCreateKey();
        auto b = KeyFileProvider(dir.filePath("b.key").toStdString()).loadOrCreateKey();
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->bytes != b->bytes);
    }

    void readsAnAdministratorsKeyFile_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("newline") << kValidHex + "\n";
        QTest::newRow("no newline") << kValidHex;
        QTest::newRow("crlf") << kValidHex + "\r\n";
        QTest::newRow("upper case") << kValidHex.toUpper() + "\n";
    }
    void readsAnAdministratorsKeyFile() {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("db.key");
        QVERIFY(writeFile(path, content, 0600));
        auto key = KeyFileProvider(path.toStdString()).loadOrCreateKey();
        QVERIFY2(key.ok(), key ? "" : key.error().message.c_str());
        QCOMPARE(hexOf(*key), kValidHex.toStdString());
        QCOMPARE(modeOf(path), mode_t(0600));  // an existing file is left as it is
    }

    void refusesFileOthersMayAccess_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("0640 group read") << 0640;
        QTest::newRow("0604 other read") << 0604;
        QTest::newRow("0644") << 0644;
        QTest::newRow("0620 group write") << 0620;
        QTest::newRow("0666") << 0666;
    }
    void refusesFileOthersMayAccess() {
        QFETCH(int, mode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("db.key");
        QVERIFY(writeFile(path, kValidHex + "\n", static_cast<mode_t>(mode)));
        KeyFileProvider provider(path.toStdString());
        auto key = provider.loadOrCreateKey();
        QVERIFY(!key.ok());
        const std::string& message = key.error().message;
        QVERIFY2(message.find("chmod 600") != std::string::npos, message.c_str());
        QVERIFY2(message.find(path.toStdString()) != std::string::npos, message.c_str());
        QVERIFY2(message.find(kValidHex.toStdString()) == std::string::npos, message.c_str());
        // Refused, not repaired behind the administrator's back.
        QCOMPARE(modeOf(path), static_cast<mode_t>(mode));
    }

    void refusesMalformedFile_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("63 chars") << kValidHex.left(63) + "\n";
        QTest::newRow("65 chars") << kValidHex + "0\n";
        QTest::newRow("not hex") << kValidHex.left(63) + "g\n";
        QTest::newRow("two lines") << kValidHex + "\n" + kValidHex + "\n";
        QTest::newRow("leading space") << " " + kValidHex.left(63) + "\n";
        QTest::newRow("passphrase") << QByteArray("correct horse battery staple\n");
        QTest::newRow("binary") << QByteArray(32, '\x01');
        QTest::newRow("large") << QByteArray(4096, 'a');
    }
    void refusesMalformedFile() {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("db.key");
        QVERIFY(writeFile(path, content, 0600));
        auto key = KeyFileProvider(path.toStdString()).loadOrCreateKey();
        QVERIFY(!key.ok());
        const std::string& message = key.error().message;
        QVERIFY2(message.find("malformed") != std::string::npos, message.c_str());
        QVERIFY2(message.find(path.toStdString()) != std::string::npos, message.c_str());
        QVERIFY2(
            content.size() < 8 || message.find(content.left(16).toStdString()) == std::string::npos,
            message.c_str());
        // The file is not replaced: it may be the only copy of a key in use.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }

    void createsMissingParentDirectoriesPrivate() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("etc/vigie/db.key");
        auto key = KeyFileProvider(path.toStdString()).loadOrCreateKey();
        QVERIFY2(key.ok(), key ? "" : key.error().message.c_str());
        QCOMPARE(modeOf(dir.filePath("etc")), mode_t(0700));
        QCOMPARE(modeOf(dir.filePath("etc/vigie")), mode_t(0700));
        QCOMPARE(modeOf(path), mode_t(0600));
    }

    void restrictiveUmaskStillGivesExactModes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("sub/db.key");
        const mode_t previous = ::umask(0377);  // would leave the directory and the file unusable
        auto key = KeyFileProvider(path.toStdString()).loadOrCreateKey();
        ::umask(previous);
        QVERIFY2(key.ok(), key ? "" : key.error().message.c_str());
        QCOMPARE(modeOf(dir.filePath("sub")), mode_t(0700));
        QCOMPARE(modeOf(path), mode_t(0600));
    }

    void parentPathThatIsAFileIsAClearError() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("plain"), "x", 0600));
        auto key = KeyFileProvider(dir.filePath("plain/db.key").toStdString()).loadOrCreateKey();
        QVERIFY(!key.ok());
        QVERIFY2(QString::fromStdString(key.error().message)
                     .contains("not a directory", Qt::CaseInsensitive),
                 key.error().message.c_str());
    }

    void directoryInsteadOfFileIsAClearError() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir("db.key"));
        ::chmod(QFile::encodeName(dir.filePath("db.key")).constData(), 0700);
        auto key = KeyFileProvider(dir.filePath("db.key").toStdString()).loadOrCreateKey();
        QVERIFY(!key.ok());
        QVERIFY2(key.error().message.find("not a regular file") != std::string::npos,
                 key.error().message.c_str());
    }

    void describeNamesThePathButNeverTheKey() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("db.key").toStdString();
        KeyFileProvider provider(path);
        auto key = provider.loadOrCreateKey();
        QVERIFY(key.ok());
        const std::string text = provider.describe();
        QVERIFY2(text.find(path) != std::string::npos, text.c_str());
        QVERIFY2(text.find(hexOf(*key)) == std::string::npos, text.c_str());
    }

    void parsesOnlyExactKeys_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("exact") << kValidHex << true;
        QTest::newRow("lf") << kValidHex + "\n" << true;
        QTest::newRow("two lf") << kValidHex + "\n\n" << false;
        QTest::newRow("trailing space") << kValidHex + " \n" << false;
        QTest::newRow("cr only") << kValidHex + "\r" << false;
    }
    void parsesOnlyExactKeys() {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        auto key = parseKeyText(std::string_view(text.constData(), text.size()));
        QCOMPARE(key.ok(), valid);
        if (valid) {
            QCOMPARE(hexOf(*key), kValidHex.toStdString());
        }
    }
};

QTEST_APPLESS_MAIN(TestKeyFile)
#include "tst_key_file.moc"
