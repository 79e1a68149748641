// `vigie analyze` as a user runs it: the alerts file on a real run, and a clear one-line
// reason with a non-zero exit code on bad input (missing file, corrupt file, invalid
// configuration, unknown option, unreachable stream).
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runVigie(const QStringList& args, int timeoutMs = 180000) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    p.setProcessEnvironment(env);
    p.start(vigie::test::binDir() + QStringLiteral("/vigie"), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
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

QString lastLine(const QString& text) {
    const auto lines = text.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last();
}

}  // namespace

class TestAnalyzeCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clip;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo::exists(vigie::test::binDir() + QStringLiteral("/vigie")));
        QString error;
        m_clip = vigie::test::makeGeneratedDemoClip(m_dir.path(), &error);
        QVERIFY2(!m_clip.isEmpty(), qPrintable(error));
    }

    void writesOneJsonLinePerAlert() {
        const QString out = m_dir.filePath(QStringLiteral("alerts.jsonl"));
        const Run r =
            runVigie({QStringLiteral("analyze"), m_clip, QStringLiteral("--site"),
                      vigie::test::sourcePath(QStringLiteral("resources/demo/site-generated.json")),
                      QStringLiteral("--events-out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("frames analysed")), qPrintable(r.err));  // progress
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const auto j = nlohmann::json::parse(lines[0].toStdString());
        QCOMPARE(QString::fromStdString(j.at("event")), QStringLiteral("intrusion"));
        QCOMPARE(QString::fromStdString(j.at("camera")), QStringLiteral("parvis"));
        QCOMPARE(QString::fromStdString(j.at("rule")), QStringLiteral("intrusion-armoire"));
        const double start = j.at("t_start_s");
        const double end = j.at("t_end_s");
        QVERIFY(start > 6.0 && start < 9.5);
        QVERIFY(end > start && end < 14.0);
        QVERIFY(j.at("score").get<double>() > 0.0);
        QCOMPARE(j.at("boxes").size(), std::size_t(1));
        for (const auto& v : j.at("boxes")[0]) {
            QVERIFY(v.get<double>() >= 0.0 && v.get<double>() <= 1.0);
        }
        QVERIFY(r.out.contains(QLatin1String("alert: intrusion")));
    }

    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString site =
            vigie::test::sourcePath(QStringLiteral("resources/demo/site-generated.json"));
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("analyze"), QStringLiteral("/nonexistent/clip.mp4"),
                           QStringLiteral("--site"), site}
            << 2 << QStringLiteral("video file not found: /nonexistent/clip.mp4");
        QTest::newRow("no site") << QStringList{QStringLiteral("analyze"), QStringLiteral("x.mp4")}
                                 << 2 << QStringLiteral("--site <site.json> is required");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("analyze"), QStringLiteral("--frobnicate")} << 2
            << QStringLiteral("unknown option --frobnicate");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("analyse-this")} << 2
                                         << QStringLiteral("unknown command");
        QTest::newRow("unreachable stream")
            << QStringList{QStringLiteral("analyze"), QStringLiteral("rtsp://127.0.0.1:9/none"),
                           QStringLiteral("--site"), site}
            << 2 << QStringLiteral("cannot open rtsp://127.0.0.1:9/none");
    }
    void badInput() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = runVigie(args, 60000);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void corruptFile() {
        const QString bad = m_dir.filePath(QStringLiteral("corrupt.mp4"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray junk(200000, '\0');
        for (int i = 0; i < junk.size(); ++i) {
            junk[i] = char((i * 7919 + 13) % 251);
        }
        f.write(junk);
        f.close();
        const Run r = runVigie(
            {QStringLiteral("analyze"), bad, QStringLiteral("--site"),
             vigie::test::sourcePath(QStringLiteral("resources/demo/site-generated.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(lastLine(r.err).startsWith(QLatin1String("vigie analyze: cannot open")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Invalid data")), qPrintable(r.err));
    }

    void invalidConfiguration() {
        QFile in(vigie::test::sourcePath(QStringLiteral("resources/demo/site-generated.json")));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.replace("\"analysis_fps\"", "\"analysis_fsp\"");
        const QString bad = m_dir.filePath(QStringLiteral("bad-site.json"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        const Run r = runVigie({QStringLiteral("analyze"), m_clip, QStringLiteral("--site"), bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("invalid site configuration")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("$.cameras[0].analysis_fsp: unknown key")),
                 qPrintable(r.err));
    }

    void truncatedFileStillAnalysesWhatItHas() {
        QFile in(m_clip);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray all = in.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("truncated.mp4"));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        // An MP4 cut in half keeps its header (moov at the start with +faststart is not
        // guaranteed): either it opens and analyses what is there, or it is refused clearly.
        out.write(all.left(all.size() / 2));
        out.close();
        const Run r = runVigie(
            {QStringLiteral("analyze"), cut, QStringLiteral("--site"),
             vigie::test::sourcePath(QStringLiteral("resources/demo/site-generated.json"))});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 2, qPrintable(r.err));
        if (r.exitCode == 2) {
            QVERIFY2(lastLine(r.err).startsWith(QLatin1String("vigie analyze: ")),
                     qPrintable(r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalyzeCli)
#include "tst_analyze_cli.moc"
