// inference::VideoSource against a real RTSP server (vigie_rtsp_test_server, GStreamer):
// every transport a site's VMS may offer (TCP interleaved, UDP, RTSPS, multicast), basic
// authentication, and the failures a control room meets (wrong password, unreachable
// camera, refused connection, silent server, hung server, server killed mid-stream then
// back): each with a clear, timely error that never contains the password.
// Multicast runs between two network namespaces (root only; skipped otherwise) with the
// `vigie analyze` CLI as the client, since VideoSource runs in-process.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpServer>
#include <QtTest>

#include <csignal>
#include <memory>

#include "inference/video_source.h"
#include "tests/e2e/rtsp_fixture.h"
#include "tests/support/test_support.h"

using vigie::core::Transport;
using vigie::inference::ReadStatus;
using vigie::inference::SourceOptions;
using vigie::inference::VideoSource;
using vigie::test::RtspFixture;
using vigie::test::RtspServerOptions;

namespace {

constexpr int kOpenTimeoutMs = 5000;

SourceOptions options(Transport transport, const std::string& userInfo = {}) {
    SourceOptions o;
    o.transport = transport;
    o.openTimeoutMs = kOpenTimeoutMs;
    o.readTimeoutMs = 3000;
    o.userInfo = userInfo;
    return o;
}

struct ReadResult {
    int frames = 0;
    bool increasing = true;  // timestamps strictly increasing
    std::int64_t firstPtsUs = -1;
    std::int64_t lastPtsUs = -1;
    QString error;  // set when a read failed before `wanted` pictures
};

// Reads up to `wanted` pictures, converting each to BGR as the engine would.
ReadResult readFrames(VideoSource& src, int wanted) {
    ReadResult r;
    for (int i = 0; i < wanted; ++i) {
        const ReadStatus status = src.next();
        if (status != ReadStatus::Frame) {
            r.error = QStringLiteral("read %1 of %2 pictures, then %3: %4")
                          .arg(r.frames)
                          .arg(wanted)
                          .arg(status == ReadStatus::EndOfStream ? QStringLiteral("end of stream")
                                                                 : QStringLiteral("error"))
                          .arg(QString::fromStdString(src.lastError()));
            return r;
        }
        const std::int64_t pts = src.currentPtsUs();
        if (r.lastPtsUs >= 0 && pts <= r.lastPtsUs) {
            r.increasing = false;
        }
        if (r.firstPtsUs < 0) {
            r.firstPtsUs = pts;
        }
        r.lastPtsUs = pts;
        auto frame = src.convertCurrent();
        if (!frame || frame->width != RtspFixture::kWidth ||
            frame->height != RtspFixture::kHeight) {
            r.error = QStringLiteral("picture %1 did not convert to 704x576: %2")
                          .arg(r.frames)
                          .arg(frame ? QStringLiteral("%1x%2").arg(frame->width).arg(frame->height)
                                     : QString::fromStdString(frame.error().message));
            return r;
        }
        ++r.frames;
    }
    return r;
}

// What next() did once the server stopped sending: the pictures still in flight, then
// the first non-picture status, and how long after `clock` started.
struct Outcome {
    ReadStatus status = ReadStatus::Invalid;
    qint64 afterMs = 0;
    int late = 0;
    QString error;
    QString describe() const {
        const char* name = status == ReadStatus::Error         ? "Error"
                           : status == ReadStatus::EndOfStream ? "EndOfStream"
                           : status == ReadStatus::Frame       ? "Frame (no failure in 10 s)"
                                                               : "Invalid";
        return QStringLiteral("%1 after %2 ms and %3 late pictures, lastError \"%4\"")
            .arg(QLatin1String(name))
            .arg(afterMs)
            .arg(late)
            .arg(error);
    }
};

Outcome readUntilFailure(VideoSource& src) {
    Outcome out;
    QElapsedTimer clock;
    clock.start();
    out.status = ReadStatus::Frame;
    while (out.status == ReadStatus::Frame && clock.elapsed() < 10000) {
        out.status = src.next();
        out.late += out.status == ReadStatus::Frame ? 1 : 0;
    }
    out.afterMs = clock.elapsed();
    out.error = QString::fromStdString(src.lastError());
    return out;
}

QString message(const vigie::core::Result<std::unique_ptr<VideoSource>>& opened) {
    return opened ? QStringLiteral("(opened)") : QString::fromStdString(opened.error().message);
}

// A port on 127.0.0.1 that nothing listens on (free a moment ago).
quint16 closedPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

struct Command {
    int exitCode = -1;
    QString output;
};

Command run(const QString& program, const QStringList& args, int timeoutMs = 10000) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Command c;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        c.output = program + QStringLiteral(" timed out or did not start: ") + p.errorString();
        return c;
    }
    c.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    c.output = QString::fromLocal8Bit(p.readAll());
    return c;
}

qint64 framesAnalysed(const QString& progress) {
    static const QRegularExpression re(QStringLiteral("(\\d+) frames analysed"));
    qint64 most = 0;
    for (auto it = re.globalMatch(progress); it.hasNext();) {
        most = std::max(most, it.next().captured(1).toLongLong());
    }
    return most;
}

}  // namespace

class TestRtspSource : public QObject {
    Q_OBJECT

private:
    RtspFixture m_rtsp;  // a plain server (TCP and UDP), shared by the simple cases

    std::unique_ptr<VideoSource> openOrFail(const QString& url, const SourceOptions& o,
                                            QString* why) {
        auto opened = VideoSource::open(url.toStdString(), o);
        if (!opened) {
            *why = QString::fromStdString(opened.error().message);
            return nullptr;
        }
        return std::move(*opened);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_rtsp.prepare(), qPrintable(m_rtsp.error()));
        QVERIFY2(m_rtsp.start(), qPrintable(m_rtsp.error()));
        QVERIFY(m_rtsp.url().startsWith(QLatin1String("rtsp://127.0.0.1:")));
    }

    void tcpInterleaved() {
        QString why;
        auto src = openOrFail(m_rtsp.url(), options(Transport::Tcp), &why);
        QVERIFY2(src, qPrintable(why));
        QCOMPARE(src->info().width, RtspFixture::kWidth);
        QCOMPARE(src->info().height, RtspFixture::kHeight);
        QCOMPARE(QString::fromStdString(src->info().codec), QStringLiteral("h264"));
        QVERIFY(!src->info().isFile);
        const ReadResult r = readFrames(*src, 50);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.frames, 50);
        QVERIFY2(r.increasing, "timestamps must increase strictly");
        // 25 fps: 49 intervals of about 40 ms. (Not checked against the wall clock: the
        // pictures FFmpeg read while probing the stream at open come out at once.)
        const double meanStepMs = double(r.lastPtsUs - r.firstPtsUs) / 49.0 / 1000.0;
        QVERIFY2(meanStepMs > 35.0 && meanStepMs < 45.0, qPrintable(QString::number(meanStepMs)));
        QCOMPARE(src->counters().decodeErrors.load(), std::int64_t(0));
    }

    void udp() {
        QString why;
        auto src = openOrFail(m_rtsp.url(), options(Transport::Udp), &why);
        QVERIFY2(src, qPrintable(why));
        // UDP may lose packets; a lost picture leaves a gap in the timeline. Of the pictures
        // the stream carried over the span read, at least half must arrive.
        int frames = 0;
        std::int64_t first = -1;
        std::int64_t last = -1;
        for (int attempt = 0; attempt < 50; ++attempt) {
            const ReadStatus status = src->next();
            QVERIFY2(status == ReadStatus::Frame,
                     qPrintable(QStringLiteral("attempt %1: %2")
                                    .arg(attempt)
                                    .arg(QString::fromStdString(src->lastError()))));
            QVERIFY(src->currentPtsUs() > last);
            last = src->currentPtsUs();
            first = first < 0 ? last : first;
            ++frames;
        }
        const double carried = double(last - first) / (1e6 / RtspFixture::kFps) + 1.0;
        QVERIFY2(
            frames >= 25 && frames >= carried / 2.0,
            qPrintable(QStringLiteral("%1 pictures received of %2 sent").arg(frames).arg(carried)));
        QVERIFY(src->counters().packets.load() > 0);
    }

    // FFmpeg 5.1 does not verify the server's certificate for rtsps:// (no tls_verify
    // option on that path): a self-signed certificate is accepted, and so would be any
    // other. The stream is encrypted, the camera is not authenticated.
    void rtspsSelfSigned() {
        RtspFixture tls;
        RtspServerOptions so;
        so.tls = true;
        QVERIFY2(tls.start(so), qPrintable(tls.error()));
        QVERIFY(tls.url().startsWith(QLatin1String("rtsps://127.0.0.1:")));
        QString why;
        auto src = openOrFail(tls.url(), options(Transport::Tcp), &why);
        QVERIFY2(src, qPrintable(why + QLatin1Char('\n') + tls.serverLog()));
        const ReadResult r = readFrames(*src, 25);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.increasing);
    }

    void basicAuth_data() {
        QTest::addColumn<QString>("password");
        QTest::newRow("plain") << QStringLiteral("s3cr3t");
        // Reserved characters must be percent-encoded in the URL's userinfo.
        QTest::newRow("reserved characters") << QStringLiteral("p@ss:w/rd#?%1");
    }
    void basicAuth() {
        QFETCH(QString, password);
        RtspFixture server;
        RtspServerOptions so;
        so.auth = QStringLiteral("alice:") + password;
        QVERIFY2(server.start(so), qPrintable(server.error()));
        QString why;
        auto src = openOrFail(server.url(),
                              options(Transport::Tcp, "alice:" + password.toStdString()), &why);
        QVERIFY2(src, qPrintable(why));
        QVERIFY(!QString::fromStdString(src->displayUrl()).contains(password));
        const ReadResult r = readFrames(*src, 25);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    }

    void wrongCredentials_data() {
        QTest::addColumn<QString>("userInfo");
        QTest::newRow("wrong password") << QStringLiteral("alice:Wr0ng-Pa55word");
        QTest::newRow("unknown user") << QStringLiteral("mallory:Wr0ng-Pa55word");
        QTest::newRow("no credentials") << QString();
    }
    void wrongCredentials() {
        QFETCH(QString, userInfo);
        RtspFixture server;
        RtspServerOptions so;
        so.auth = QStringLiteral("alice:s3cr3t");
        QVERIFY2(server.start(so), qPrintable(server.error()));
        auto opened = VideoSource::open(server.url().toStdString(),
                                        options(Transport::Tcp, userInfo.toStdString()));
        QVERIFY2(!opened, "the server must refuse these credentials");
        const QString why = message(opened);
        QVERIFY2(why.startsWith(QStringLiteral("cannot open ") + server.url()), qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("401")) && why.contains(QLatin1String("credentials")),
                 qPrintable(why));
        QVERIFY2(!why.contains(QLatin1String("Wr0ng-Pa55word")), qPrintable(why));
        QVERIFY2(!why.contains(QLatin1String("s3cr3t")), qPrintable(why));
    }

    // 192.0.2.1 (TEST-NET-1) answers nowhere on a normal network: the open gives up at
    // openTimeoutMs. (Where it is the gateway, as on some sandboxes, it may refuse at once;
    // either way the answer comes quickly and says which camera.)
    void unreachableHost() {
        SourceOptions o = options(Transport::Tcp);
        o.openTimeoutMs = 2000;
        QElapsedTimer clock;
        clock.start();
        auto opened = VideoSource::open("rtsp://192.0.2.1:554/cam1", o);
        const qint64 elapsedMs = clock.elapsed();
        QVERIFY2(!opened, "192.0.2.1 must not serve RTSP");
        const QString why = message(opened);
        QVERIFY2(elapsedMs < 3000, qPrintable(QString::number(elapsedMs) + " ms: " + why));
        QVERIFY2(why.startsWith(QLatin1String("cannot open rtsp://192.0.2.1:554/cam1: ")),
                 qPrintable(why));
        QVERIFY2(why.size() > int(qstrlen("cannot open rtsp://192.0.2.1:554/cam1: ")),
                 qPrintable(why));
    }

    // A server that accepts the connection and never answers (a hung camera): the open
    // deadline, not the socket, ends the wait.
    void silentServer() {
        QTcpServer silent;  // the kernel completes the handshake; nothing ever replies
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        SourceOptions o = options(Transport::Tcp);
        o.openTimeoutMs = 2000;
        const std::string url = "rtsp://127.0.0.1:" + std::to_string(silent.serverPort()) + "/x";
        QElapsedTimer clock;
        clock.start();
        auto opened = VideoSource::open(url, o);
        const qint64 elapsedMs = clock.elapsed();
        QVERIFY(!opened);
        const QString why = message(opened);
        QVERIFY2(elapsedMs >= 1900 && elapsedMs < 3000,
                 qPrintable(QString::number(elapsedMs) + " ms: " + why));
        // FFmpeg 5.1 turns the interrupted OPTIONS request into AVERROR_INVALIDDATA;
        // VideoSource::open must still report the timeout.
        QCOMPARE(why, QString::fromStdString("cannot open " + url + ": no answer within 2000 ms"));
    }

    void connectionRefused() {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        const std::string url = "rtsp://127.0.0.1:" + std::to_string(port) + "/test";
        QElapsedTimer clock;
        clock.start();
        auto opened = VideoSource::open(url, options(Transport::Tcp));
        QVERIFY(!opened);
        const QString why = message(opened);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(why));
        QCOMPARE(why, QString::fromStdString("cannot open " + url + ": Connection refused"));
    }

    // A hung camera: the connection stays open and nothing arrives.
    void serverFrozen_data() {
        QTest::addColumn<bool>("overTcp");
        QTest::newRow("tcp") << true;
        QTest::newRow("udp") << false;
    }
    void serverFrozen() {
        QFETCH(bool, overTcp);
        RtspFixture server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        SourceOptions o = options(overTcp ? Transport::Tcp : Transport::Udp);
        o.readTimeoutMs = 2000;
        QString why;
        auto src = openOrFail(server.url(), o, &why);
        QVERIFY2(src, qPrintable(why));
        ReadResult r = readFrames(*src, 25);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));

        server.freeze();
        const Outcome out = readUntilFailure(*src);
        QVERIFY2(
            out.status == ReadStatus::Error && (out.error.contains(QLatin1String("stalled")) ||
                                                out.error.contains(QLatin1String("read failed"))),
            qPrintable(out.describe()));
        QVERIFY2(out.late < 75, qPrintable(out.describe()));
        QVERIFY2(out.afterMs >= o.readTimeoutMs - 100 && out.afterMs <= 2 * o.readTimeoutMs + 1500,
                 qPrintable(out.describe()));
        // When the deadline fires, FFmpeg's H.264 parser hands out the picture it held back
        // and av_read_frame succeeds: that must not count as the stream being alive.
        QVERIFY2(out.afterMs <= o.readTimeoutMs + 1500, qPrintable(out.describe()));
        src.reset();

        server.thaw();
        auto again = openOrFail(server.url(), o, &why);
        QVERIFY2(again, qPrintable(why));
        r = readFrames(*again, 25);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    }

    // A camera losing power: the connection drops (no TEARDOWN, no RTCP BYE).
    void serverKilledThenBack_data() {
        QTest::addColumn<bool>("overTcp");
        QTest::newRow("tcp") << true;
        QTest::newRow("udp") << false;
    }
    void serverKilledThenBack() {
        QFETCH(bool, overTcp);
        RtspFixture server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        SourceOptions o = options(overTcp ? Transport::Tcp : Transport::Udp);
        o.readTimeoutMs = 2000;
        QString why;
        auto src = openOrFail(server.url(), o, &why);
        QVERIFY2(src, qPrintable(why));
        ReadResult r = readFrames(*src, 25);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));

        server.kill();
        const Outcome out = readUntilFailure(*src);
        QVERIFY2(out.afterMs <= o.readTimeoutMs + 1500 && out.late < 75,
                 qPrintable(out.describe()));
        // FFmpeg sees the RTSP connection close as AVERROR_EOF: on a live stream that is an
        // error with a reason, never an end of stream.
        QVERIFY2(out.status == ReadStatus::Error &&
                     (out.error.contains(QLatin1String("stalled")) ||
                      out.error.contains(QLatin1String("closed the connection")) ||
                      out.error.contains(QLatin1String("read failed"))),
                 qPrintable(out.describe()));
        src.reset();

        // The camera comes back on the same address: a new source reads again.
        QVERIFY2(server.restart(), qPrintable(server.error()));
        auto again = openOrFail(server.url(), o, &why);
        QVERIFY2(again, qPrintable(why));
        r = readFrames(*again, 25);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.increasing);
    }

    // The server in namespace A multicasts to 239.255.42.x over a veth pair; `vigie analyze`
    // in namespace B joins the group. The server allows only UDP multicast, so pictures
    // analysed prove the multicast path; a TCP request to it is refused (the control case).
    void multicastBetweenNamespaces() {
        const QString vigie = vigie::test::binDir() + QStringLiteral("/vigie");
        if (!QFileInfo(vigie).isExecutable()) {
            QSKIP("the vigie CLI is not built (it runs the multicast client)");
        }
        const QString pid = QString::number(QCoreApplication::applicationPid());
        const QString nsA = QStringLiteral("vigie-a-") + pid;
        const QString nsB = QStringLiteral("vigie-b-") + pid;
        const QString vethA = QStringLiteral("vga") + pid;  // interface names: 15 chars at most
        const QString vethB = QStringLiteral("vgb") + pid;
        const QString ip = QStringLiteral("ip");
        auto removeNamespaces = [&] {
            run(ip, {QStringLiteral("netns"), QStringLiteral("del"), nsA});
            run(ip, {QStringLiteral("netns"), QStringLiteral("del"), nsB});
            run(ip, {QStringLiteral("link"), QStringLiteral("del"), vethA});
        };
        removeNamespaces();  // left over by a crashed run with the same PID
        const Command add = run(ip, {QStringLiteral("netns"), QStringLiteral("add"), nsA});
        if (add.exitCode != 0) {
            QSKIP(qPrintable(QStringLiteral("multicast needs two network namespaces, which needs "
                                            "root or CAP_NET_ADMIN (`ip netns add` failed: ") +
                             add.output.trimmed() + QLatin1Char(')')));
        }
        RtspFixture server;
        // Runs before the fixture's destructor: the server stops, then the namespaces go.
        auto cleanup = qScopeGuard([&] {
            server.stop();
            removeNamespaces();
        });
        // Two namespaces joined by a veth pair, each with a multicast route on its end.
        const QStringList setup = {
            QStringLiteral("netns add {B}"),
            QStringLiteral("link add {vA} type veth peer name {vB}"),
            QStringLiteral("link set {vA} netns {A}"),
            QStringLiteral("link set {vB} netns {B}"),
            QStringLiteral("-n {A} addr add 192.0.2.1/24 dev {vA}"),
            QStringLiteral("-n {B} addr add 192.0.2.2/24 dev {vB}"),
            QStringLiteral("-n {A} link set lo up"),
            QStringLiteral("-n {B} link set lo up"),
            QStringLiteral("-n {A} link set {vA} up"),
            QStringLiteral("-n {B} link set {vB} up"),
            QStringLiteral("-n {A} route add 224.0.0.0/4 dev {vA}"),
            QStringLiteral("-n {B} route add 224.0.0.0/4 dev {vB}"),
        };
        for (const QString& line : setup) {
            const QStringList args = QString(line)
                                         .replace(QLatin1String("{A}"), nsA)
                                         .replace(QLatin1String("{B}"), nsB)
                                         .replace(QLatin1String("{vA}"), vethA)
                                         .replace(QLatin1String("{vB}"), vethB)
                                         .split(QLatin1Char(' '));
            const Command c = run(ip, args);
            QVERIFY2(c.exitCode == 0, qPrintable(QStringLiteral("ip ") +
                                                 args.join(QLatin1Char(' ')) + ": " + c.output));
        }

        RtspServerOptions so;
        so.multicastRange = QStringLiteral("239.255.42.1-239.255.42.10");
        so.bindAddress = QStringLiteral("192.0.2.1");
        so.netns = nsA;
        QVERIFY2(server.start(so), qPrintable(server.error()));
        QVERIFY(server.url().startsWith(QLatin1String("rtsp://192.0.2.1:")));

        auto writeSite = [&](const QString& name, const QString& transport) {
            const QString path = QDir(server.workDir()).filePath(name);
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly)) {
                return QString();
            }
            f.write(QStringLiteral(
                        R"({"version": 1,
 "site": {"id": "rtsp-e2e", "name": "RTSP e2e", "timezone": "Europe/Paris"},
 "engine": {"detector": "motion", "device": "cpu"},
 "cameras": [{"id": "mcast", "name": "Multicast", "analysis_fps": 5,
              "source": {"url": "%1", "transport": "%2"}}]}
)")
                        .arg(server.url(), transport)
                        .toUtf8());
            return path;
        };
        const QString multicastSite =
            writeSite(QStringLiteral("site-multicast.json"), QStringLiteral("multicast"));
        const QString tcpSite = writeSite(QStringLiteral("site-tcp.json"), QStringLiteral("tcp"));
        QVERIFY(!multicastSite.isEmpty() && !tcpSite.isEmpty());

        // Control: TCP to a multicast-only server is refused, so the run below is multicast.
        const Command tcp =
            run(ip,
                {QStringLiteral("netns"), QStringLiteral("exec"), nsB, vigie,
                 QStringLiteral("analyze"), server.url(), QStringLiteral("--site"), tcpSite},
                60000);
        QVERIFY2(tcp.exitCode == 2 && tcp.output.contains(QLatin1String("cannot open")),
                 qPrintable(tcp.output));

        QProcess client;
        client.start(
            ip, {QStringLiteral("netns"), QStringLiteral("exec"), nsB, vigie,
                 QStringLiteral("analyze"), server.url(), QStringLiteral("--site"), multicastSite});
        QVERIFY2(client.waitForStarted(5000), qPrintable(client.errorString()));
        auto killClient = qScopeGuard([&] {
            if (client.state() != QProcess::NotRunning) {
                client.kill();
                client.waitForFinished(5000);
            }
        });
        QString err;
        auto progressed = [&] {
            err += QString::fromLocal8Bit(client.readAllStandardError());
            return framesAnalysed(err) > 0 || client.state() == QProcess::NotRunning;
        };
        // A live stream never ends: `vigie analyze` prints its progress every 5 s.
        QTRY_VERIFY_WITH_TIMEOUT(progressed(), 30000);
        QVERIFY2(client.state() == QProcess::Running, qPrintable(err));
        QVERIFY2(framesAnalysed(err) > 0, qPrintable(err));

        // Ctrl-C: analyze stops cleanly and exits with 128 + SIGINT.
        // `ip netns exec` execs the command, so the process we hold is vigie itself.
        QCOMPARE(::kill(pid_t(client.processId()), SIGINT), 0);
        QVERIFY2(client.waitForFinished(20000), qPrintable(err));
        err += QString::fromLocal8Bit(client.readAllStandardError());
        QCOMPARE(client.exitStatus(), QProcess::NormalExit);
        QCOMPARE(client.exitCode(), 128 + SIGINT);
        QVERIFY2(err.contains(QLatin1String("interrupted")), qPrintable(err));
        QVERIFY2(server.isRunning(), qPrintable(server.serverLog()));
    }

    void cleanupTestCase() { m_rtsp.stop(); }
};

QTEST_GUILESS_MAIN(TestRtspSource)
#include "tst_rtsp_source.moc"
