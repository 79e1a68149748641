#include "tests/e2e/rtsp_fixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <signal.h>

namespace vigie::test {

namespace {

constexpr int kReadyTimeoutMs = 15000;
constexpr int kStopTimeoutMs = 5000;

// The clip and certificate, made once per process and removed at exit.
struct SharedMedia {
    QTemporaryDir dir;
    bool ready = false;
};

SharedMedia& sharedMedia() {
    static SharedMedia media;
    return media;
}

QString runTool(const QString& program, const QStringList& args, int timeoutMs) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(timeoutMs)) {
        return program + QStringLiteral(" could not be started: ") + p.errorString();
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return program + QStringLiteral(" did not finish within ") + QString::number(timeoutMs) +
               QStringLiteral(" ms");
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        return program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAll());
    }
    return QString();
}

}  // namespace

RtspFixture::RtspFixture() = default;

RtspFixture::~RtspFixture() {
    stop();
}

QString RtspFixture::serverPath() {
    return QStringLiteral(VIGIE_RTSP_TEST_SERVER);
}

QString RtspFixture::clipPath() {
    return sharedMedia().dir.filePath(QStringLiteral("rtsp-clip.mp4"));
}

QString RtspFixture::certPath() {
    return sharedMedia().dir.filePath(QStringLiteral("cert.pem"));
}

QString RtspFixture::keyPath() {
    return sharedMedia().dir.filePath(QStringLiteral("key.pem"));
}

QString RtspFixture::logPath() const {
    return m_dir.filePath(QStringLiteral("server-stderr.log"));
}

bool RtspFixture::prepare() {
    SharedMedia& media = sharedMedia();
    if (media.ready) {
        return true;
    }
    if (!media.dir.isValid() || !m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (!QFileInfo(serverPath()).isExecutable()) {
        m_error = QStringLiteral("the test server is not built: ") + serverPath();
        return false;
    }
    // Baseline profile, no B-frames, a key frame every second: what a camera sends.
    const QStringList clipArgs =
        QStringLiteral(
            "-loglevel error -y -f lavfi -i testsrc2=size=%1x%2:rate=%3 -t 30 "
            "-c:v libx264 -profile:v baseline -preset veryfast -pix_fmt yuv420p "
            "-g %3 -bf 0 -movflags +faststart")
            .arg(kWidth)
            .arg(kHeight)
            .arg(kFps)
            .split(QLatin1Char(' '))
        << clipPath();
    m_error = runTool(QStringLiteral("ffmpeg"), clipArgs, 120000);
    if (!m_error.isEmpty()) {
        return false;
    }
    const QStringList certArgs =
        QStringLiteral("req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=vigie-test")
            .split(QLatin1Char(' '))
        << QStringLiteral("-keyout") << keyPath() << QStringLiteral("-out") << certPath();
    m_error = runTool(QStringLiteral("openssl"), certArgs, 60000);
    if (!m_error.isEmpty()) {
        return false;
    }
    media.ready = true;
    return true;
}

bool RtspFixture::start(const RtspServerOptions& options, int port) {
    stop();
    if (!prepare()) {
        return false;
    }
    m_options = options;
    m_url.clear();
    QFile::remove(logPath());
    QStringList args = {clipPath(), QStringLiteral("--port"), QString::number(port),
                        QStringLiteral("--path"), options.path};
    if (!options.auth.isEmpty()) {
        args << QStringLiteral("--auth") << options.auth;
    }
    if (options.tls) {
        args << QStringLiteral("--tls") << certPath() << keyPath();
    }
    if (!options.multicastRange.isEmpty()) {
        args << QStringLiteral("--multicast") << options.multicastRange;
    }
    if (!options.bindAddress.isEmpty()) {
        args << QStringLiteral("--bind") << options.bindAddress;
    }
    QString program = serverPath();
    if (!options.netns.isEmpty()) {
        // `ip netns exec` execs the server: the process we hold is the server itself.
        args =
            QStringList{QStringLiteral("netns"), QStringLiteral("exec"), options.netns, program} +
            args;
        program = QStringLiteral("ip");
    }

    // A port just freed by a killed server can take a moment to be bindable again.
    const QDeadlineTimer deadline(kReadyTimeoutMs);
    while (true) {
        m_server = std::make_unique<QProcess>();
        // To a file: a pipe nobody reads could fill up and block the server.
        m_server->setStandardErrorFile(logPath(), QIODevice::Append);
        m_server->start(program, args);
        if (!m_server->waitForStarted(kStopTimeoutMs)) {
            m_error =
                QStringLiteral("cannot start the RTSP test server: ") + m_server->errorString();
            m_server.reset();
            return false;
        }
        QByteArray out;
        while (!out.contains('\n') && m_server->state() == QProcess::Running &&
               !deadline.hasExpired()) {
            m_server->waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 200)));
            out += m_server->readAllStandardOutput();
        }
        const QString line = QString::fromUtf8(out).section(QLatin1Char('\n'), 0, 0).trimmed();
        if (line.startsWith(QLatin1String("READY "))) {
            m_url = line.mid(6);
            m_port =
                port != 0
                    ? port
                    : m_url.section(QLatin1Char(':'), -1).section(QLatin1Char('/'), 0, 0).toInt();
            return true;
        }
        const bool exited = m_server->state() != QProcess::Running;
        if (!exited) {
            m_server->kill();
        }
        m_server->waitForFinished(kStopTimeoutMs);
        m_server.reset();
        const QString log = serverLog();
        if (!exited || port == 0 || !log.contains(QLatin1String("cannot listen")) ||
            deadline.hasExpired()) {
            m_error = QStringLiteral("the RTSP test server did not become ready: ") +
                      (exited ? log.trimmed() : QStringLiteral("no READY line in time"));
            return false;
        }
        QThread::msleep(100);
    }
}

bool RtspFixture::restart() {
    return start(m_options, m_port);
}

void RtspFixture::kill() {
    if (!m_server) {
        return;
    }
    m_server->kill();
    m_server->waitForFinished(kStopTimeoutMs);
    m_server.reset();
    m_frozen = false;
}

void RtspFixture::freeze() {
    if (isRunning() && ::kill(pid_t(m_server->processId()), SIGSTOP) == 0) {
        m_frozen = true;
    }
}

void RtspFixture::thaw() {
    if (m_frozen && isRunning()) {
        ::kill(pid_t(m_server->processId()), SIGCONT);
    }
    m_frozen = false;
}

void RtspFixture::stop() {
    if (!m_server) {
        return;
    }
    thaw();  // a stopped process would not act on SIGTERM
    if (m_server->state() == QProcess::Running) {
        m_server->terminate();
        if (!m_server->waitForFinished(kStopTimeoutMs)) {
            m_server->kill();
            m_server->waitForFinished(kStopTimeoutMs);
        }
    }
    m_server.reset();
}

bool RtspFixture::isRunning() const {
    return m_server && m_server->state() == QProcess::Running;
}

QString RtspFixture::serverLog() const {
    QFile f(logPath());
    return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll()) : QString();
}

}  // namespace vigie::test
