#include "tests/support/test_support.h"

#include <QDir>
#include <QFileInfo>

namespace vigie::test {

QString dataDir() {
    const QByteArray env = qgetenv("VIGIE_DATA_DIR");
    const QString dir =
        env.isEmpty() ? QStringLiteral(VIGIE_DEFAULT_DATA_DIR) : QString::fromLocal8Bit(env);
    return QFileInfo(dir).isDir() ? QDir(dir).absolutePath() : QString();
}

bool hasData(const QString& relativePath) {
    const QString dir = dataDir();
    return !dir.isEmpty() && QFileInfo::exists(QDir(dir).filePath(relativePath));
}

QString dataPath(const QString& relativePath) {
    return QDir(dataDir()).filePath(relativePath);
}

QString sourcePath(const QString& relativePath) {
    return QDir(QStringLiteral(VIGIE_SOURCE_DIR)).filePath(relativePath);
}

QString binDir() {
    return QString::fromLocal8Bit(qgetenv("VIGIE_TEST_BIN_DIR"));
}

}  // namespace vigie::test
