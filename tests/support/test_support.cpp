#include "tests/support/test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

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

QString makeGeneratedDemoClip(const QString& dir, QString* error) {
    const QString out = QDir(dir).filePath(QStringLiteral("demo-generated.mp4"));
    QProcess p;
    p.start(sourcePath(QStringLiteral("resources/demo/make-demo-clip.sh")), {out});
    if (!p.waitForFinished(120000) || p.exitCode() != 0 || !QFileInfo::exists(out)) {
        if (error != nullptr) {
            *error = QStringLiteral("could not generate the demo clip: ") +
                     QString::fromLocal8Bit(p.readAllStandardError()) + p.errorString();
        }
        return QString();
    }
    return out;
}

}  // namespace vigie::test
