#pragma once
// A real RTSP/RTSPS server for end-to-end tests: vigie_rtsp_test_server in a child process,
// serving a generated H.264 clip (704×576, 25 fps, 30 s, key frame every second) in a loop.
// The clip and a self-signed certificate are made once per test process (shared by every
// fixture), in a temporary directory. The server can be killed (SIGKILL, like a camera
// losing power) and restarted on the same port, or frozen (SIGSTOP: connections stay open,
// no data flows, like a hung camera).
//
// Thread: the test's main thread only. Owns the server process; the destructor stops it.
//
//   vigie::test::RtspFixture rtsp;
//   QVERIFY2(rtsp.prepare(), qPrintable(rtsp.error()));
//   RtspServerOptions options;
//   options.auth = QStringLiteral("alice:secret");
//   QVERIFY2(rtsp.start(options), qPrintable(rtsp.error()));
//   auto src = VideoSource::open(rtsp.url().toStdString(), {...});
//   rtsp.kill();
//   QVERIFY2(rtsp.restart(), qPrintable(rtsp.error()));

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace vigie::test {

struct RtspServerOptions {
    QString path = QStringLiteral("/test");
    QString auth;            // "user:password": only that user may play; empty: anyone
    bool tls = false;        // rtsps:// with the fixture's self-signed certificate
    QString multicastRange;  // "239.255.42.1-239.255.42.10": multicast only (UDP_MCAST)
    QString bindAddress;     // empty: all addresses; the URL then says 127.0.0.1
    QString netns;           // run the server inside this network namespace (needs root)
};

class RtspFixture {
public:
    static constexpr int kWidth = 704;
    static constexpr int kHeight = 576;
    static constexpr int kFps = 25;

    RtspFixture();
    ~RtspFixture();
    RtspFixture(const RtspFixture&) = delete;
    RtspFixture& operator=(const RtspFixture&) = delete;

    // Generates the clip (ffmpeg) and the certificate (openssl) unless already done in this
    // process. False when a tool is missing or fails; error() says why.
    bool prepare();
    // Starts the server (stopping any previous one) and waits for its READY line.
    // port 0: the server picks a free port.
    bool start(const RtspServerOptions& options = {}, int port = 0);
    // The same options on the same port, after kill() or stop().
    bool restart();
    // SIGKILL: connections drop without a TEARDOWN, as when a camera loses power.
    void kill();
    // SIGSTOP / SIGCONT: the server keeps its sockets open but sends nothing meanwhile.
    void freeze();
    void thaw();
    // SIGTERM, then SIGKILL if the server has not exited within a few seconds.
    void stop();
    bool isRunning() const;

    QString url() const { return m_url; }  // from the READY line
    int port() const { return m_port; }
    static QString clipPath();
    static QString certPath();
    static QString keyPath();
    // A directory of this fixture, for the test's own files (site configurations…).
    QString workDir() const { return m_dir.path(); }
    QString error() const { return m_error; }
    // What the server wrote on stderr since the last start(), for failure messages.
    QString serverLog() const;

    // The server executable (built next to the tests).
    static QString serverPath();

private:
    QString logPath() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    RtspServerOptions m_options;
    QString m_url;
    int m_port = 0;
    QString m_error;
    bool m_frozen = false;
};

}  // namespace vigie::test
