// The whole engine against a real RTSP server on loopback: the server is killed in the
// middle of the stream (a camera losing power) and restarted on the same port. The engine
// notices (the camera leaves Live), reconnects by itself, reports the gap, and analysis
// resumes — while a second camera, unaffected, keeps being analysed throughout. A camera
// whose server never answers is Failed/Reconnecting with an error, and does not stop the
// others either.
#include <QElapsedTimer>
#include <QtTest>

#include "core/rule_engine.h"
#include "core/site.h"
#include "inference/engine.h"
#include "inference/motion_detector.h"
#include "tests/e2e/rtsp_fixture.h"
#include "tests/support/test_support.h"

using namespace vigie;

namespace {

class NullSink final : public core::AlertSink {
public:
    void onAlertOpened(const core::Alert&) override {}
    void onAlertUpdated(const core::Alert&) override {}
    void onAlertClosed(const core::Alert&) override {}
};

const core::CameraHealth* find(const core::EngineHealth& h, const std::string& id) {
    for (const auto& c : h.cameras) {
        if (c.cameraId == id) {
            return &c;
        }
    }
    return nullptr;
}

// Polls health until `pred` holds or `timeoutMs` passes.
template <typename Pred>
bool waitFor(inference::Engine& engine, int timeoutMs, Pred pred) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (pred(engine.health())) {
            return true;
        }
        QTest::qWait(100);
    }
    return pred(engine.health());
}

}  // namespace

class TestEngineRecovery : public QObject {
    Q_OBJECT

private:
    test::RtspFixture m_rtsp;

private Q_SLOTS:
    void initTestCase() {
        if (!m_rtsp.prepare()) {
            QSKIP(qPrintable(QStringLiteral("RTSP fixture unavailable: %1").arg(m_rtsp.error())));
        }
    }

    void serverKilledAndRestarted() {
        QVERIFY2(m_rtsp.start(), qPrintable(m_rtsp.error()));
        core::Site site;
        site.id = "recovery";
        site.timezone = "UTC";
        site.engine.detector = inference::kMotionDetectorName;
        site.engine.device = "cpu";
        core::Camera live;
        live.id = "live";
        live.source.url = m_rtsp.url().toStdString();
        live.source.transport = core::Transport::Tcp;
        live.analysisFps = 5.0;
        core::Camera other;
        other.id = "other";
        other.source.url = test::RtspFixture::clipPath().toStdString();
        other.source.loop = true;
        other.source.realtime = true;
        other.analysisFps = 5.0;
        core::Camera dead;
        dead.id = "dead";
        dead.source.url = "rtsp://127.0.0.1:9/none";  // discard port: refused at once
        dead.analysisFps = 5.0;
        site.cameras = {live, other, dead};

        NullSink sink;
        inference::EngineOptions options;
        options.alertSink = &sink;
        options.stallTimeoutS = 2.0;
        options.maxBackoffS = 2.0;
        options.statusIntervalMs = 200;
        auto engine = inference::Engine::create(site, std::move(options));
        QVERIFY2(engine.ok(), engine.ok() ? "" : engine.error().message.c_str());
        auto& e = **engine;
        e.start();
        auto stopEngine = qScopeGuard([&] { e.stop(); });

        QVERIFY2(waitFor(e, 20000,
                         [](const core::EngineHealth& h) {
                             const auto* c = find(h, "live");
                             return c && c->state == core::CameraState::Live &&
                                    c->framesAnalysed >= 10;
                         }),
                 "the RTSP camera never went live");

        m_rtsp.kill();
        const auto atKill = e.health();
        const auto otherAtKill = find(atKill, "other")->framesAnalysed;
        QVERIFY2(waitFor(e, 15000,
                         [](const core::EngineHealth& h) {
                             const auto s = find(h, "live")->state;
                             return s == core::CameraState::Stalled ||
                                    s == core::CameraState::Reconnecting ||
                                    s == core::CameraState::Connecting;
                         }),
                 "the engine did not notice that the server died");
        const auto liveDuringOutage = find(e.health(), "live")->framesAnalysed;
        QTest::qWait(2000);  // the outage lasts a little

        QVERIFY2(m_rtsp.restart(), qPrintable(m_rtsp.error()));
        QVERIFY2(waitFor(e, 40000,
                         [&](const core::EngineHealth& h) {
                             const auto* c = find(h, "live");
                             return c->state == core::CameraState::Live &&
                                    c->framesAnalysed >= liveDuringOutage + 10;
                         }),
                 "analysis did not resume after the server came back");
        const auto after = e.health();
        const auto* c = find(after, "live");
        qInfo("live camera: %lld reconnects, %lld gaps, last gap %.1f s, last error '%s'",
              static_cast<long long>(c->reconnects), static_cast<long long>(c->gaps), c->lastGapS,
              c->lastError.c_str());
        QVERIFY(c->reconnects >= 1);
        QVERIFY(c->gaps >= 1);
        QVERIFY(c->lastGapS >= 2.0);
        // The file camera went on during the outage (5 fps over several seconds).
        QVERIFY(find(after, "other")->framesAnalysed >= otherAtKill + 10);
        QCOMPARE(find(after, "other")->state, core::CameraState::Live);
        // The camera nobody answers for: an error, never Live, no analysis.
        const auto* d = find(after, "dead");
        QVERIFY(d->state != core::CameraState::Live);
        QVERIFY(!d->lastError.empty());
        QCOMPARE(d->framesAnalysed, std::int64_t(0));
        // Credentials and URLs with secrets never appear in errors (none here), and the
        // error names the cause.
        QVERIFY2(QString::fromStdString(d->lastError)
                         .contains(QLatin1String("refused"), Qt::CaseInsensitive) ||
                     QString::fromStdString(d->lastError)
                         .contains(QLatin1String("connect"), Qt::CaseInsensitive),
                 d->lastError.c_str());
    }

    void cleanupTestCase() { m_rtsp.stop(); }
};

QTEST_GUILESS_MAIN(TestEngineRecovery)
#include "tst_engine_recovery.moc"
