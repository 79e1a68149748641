// The dependency rules of DESIGN.md, checked on the include graph of the source tree:
// core has no Qt/OpenCV/FFmpeg/Torch, inference has no Qt, widgets never reach into
// inference, Torch or FFmpeg, and Torch headers never leak into headers.
#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>

#include "tests/support/test_support.h"

namespace {

struct Violation {
    QString file;
    int line;
    QString include;
};

QList<Violation> scan(const QString& folder, const QRegularExpression& forbidden,
                      const QStringList& suffixes) {
    QList<Violation> out;
    QDirIterator it(vigie::test::sourcePath(folder), QDir::Files, QDirIterator::Subdirectories);
    const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
    while (it.hasNext()) {
        const QString path = it.next();
        if (!std::any_of(suffixes.begin(), suffixes.end(),
                         [&](const QString& s) { return path.endsWith(s); })) {
            continue;
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
            continue;
        }
        int lineNo = 0;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine());
            ++lineNo;
            const auto m = include.match(line);
            if (m.hasMatch() && forbidden.match(m.captured(1)).hasMatch()) {
                out.push_back({path, lineNo, m.captured(1)});
            }
        }
    }
    return out;
}

QString describe(const QList<Violation>& v) {
    QStringList lines;
    for (const auto& x : v) {
        lines << QStringLiteral("%1:%2 includes %3").arg(x.file).arg(x.line).arg(x.include);
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

class TestModuleBoundaries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rules_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("forbidden");
        QTest::addColumn<QStringList>("suffixes");
        const QStringList all{QStringLiteral(".h"), QStringLiteral(".cpp")};
        QTest::newRow("core: no Qt, OpenCV, FFmpeg, Torch")
            << "core"
            << "^(Q[A-Z]|Qt|torch/|ATen/|c10/|opencv2/|libav|libsw|inference/|widgets/|app/)"
            << all;
        QTest::newRow("inference: no Qt, widgets or app") << "inference"
                                                          << "^(Q[A-Z]|Qt|widgets/|app/)" << all;
        QTest::newRow("widgets: no inference, Torch, FFmpeg, OpenCV")
            << "widgets"
            << "^(inference/|torch/|ATen/|c10/|libav|libsw|opencv2/|app/)" << all;
        QTest::newRow("headers: no Torch")
            << "inference"
            << "^(torch/|ATen/|c10/)" << QStringList{QStringLiteral(".h")};
        QTest::newRow("headers: no FFmpeg")
            << "inference"
            << "^(libav|libsw)" << QStringList{QStringLiteral(".h")};
    }
    void rules() {
        QFETCH(QString, folder);
        QFETCH(QString, forbidden);
        QFETCH(QStringList, suffixes);
        QVERIFY(QFileInfo(vigie::test::sourcePath(folder)).isDir());
        const auto violations = scan(folder, QRegularExpression(forbidden), suffixes);
        QVERIFY2(violations.isEmpty(), qPrintable(describe(violations)));
    }

    // The scanner itself must see a forbidden include when there is one.
    void scannerFindsViolations() {
        const auto v = scan(QStringLiteral("widgets"), QRegularExpression(QStringLiteral("^Q")),
                            {QStringLiteral(".cpp")});
        QVERIFY(!v.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestModuleBoundaries)
#include "tst_module_boundaries.moc"
