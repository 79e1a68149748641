// The whole engine (FFmpeg source → detector → tracker → analysers → rule engine) on the
// demo footage: exactly the expected alert, and no other.
//  - real: ABODA video 4 with YOLOX-nano; the person who brings the bag walks to the utility
//    box (~12 s), sets the bag down and leaves (~19 s): one intrusion alert in between; the
//    people who pass at 28–38 s stay out of the zone.
//  - generated: the no-data demo clip with the motion detector: one alert 7–13 s.
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <mutex>

#include "core/site_config.h"
#include "inference/engine.h"
#include "tests/support/core_printers.h"
#include "tests/support/test_support.h"

using namespace vigie;

namespace {

struct CollectingSink : core::AlertSink {
    std::mutex mutex;
    std::vector<core::Alert> opened;
    std::vector<core::Alert> closed;
    void onAlertOpened(const core::Alert& a) override {
        std::lock_guard lock(mutex);
        opened.push_back(a);
    }
    void onAlertClosed(const core::Alert& a) override {
        std::lock_guard lock(mutex);
        closed.push_back(a);
    }
};

struct PtsCollector : core::FrameSink {
    std::mutex mutex;
    std::vector<std::int64_t> pts;
    void onFrame(const core::ImageFrame& f, const core::FrameAnalysis& a) override {
        (void)a;
        std::lock_guard lock(mutex);
        pts.push_back(f.ptsUs);
    }
};

struct FrameCounter : core::FrameSink {
    std::atomic<int> frames{0};
    std::atomic<int> empty{0};
    std::atomic<int> withObjects{0};
    void onFrame(const core::ImageFrame& f, const core::FrameAnalysis& a) override {
        empty += f.empty() ? 1 : 0;
        ++frames;
        withObjects += a.objects.empty() ? 0 : 1;
    }
};

core::Site loadDemo(const char* file) {
    auto site = core::loadSite(vigie::test::sourcePath(QString::fromLatin1(file)).toStdString());
    if (!site) {
        qFatal("%s", site.error().message.c_str());
    }
    return *site;
}

}  // namespace

class TestPipelineDemo : public QObject {
    Q_OBJECT

    // The generated demo clip (motion detector, no model needed), made once.
    QTemporaryDir m_dir;
    QString m_clip;
    QString m_clipError;

    // Creates the engine, runs it offline to the end of its sources and stops it; the test
    // has failed when `out` stays empty.
    static void runToEnd(const core::Site& site, const inference::EngineOptions& opts,
                         std::unique_ptr<inference::Engine>& out) {
        auto engine = inference::Engine::create(site, opts);
        QVERIFY2(engine.ok(), engine.ok() ? "" : engine.error().message.c_str());
        (*engine)->start();
        QVERIFY((*engine)->waitFinished(120000));
        (*engine)->stop();
        out = std::move(*engine);
    }

private Q_SLOTS:
    void initTestCase() { m_clip = vigie::test::makeGeneratedDemoClip(m_dir.path(), &m_clipError); }

    void realClipRaisesOneIntrusion() {
        VIGIE_REQUIRE_DATA("video/aboda_video4_abandoned_bag.avi");
        VIGIE_REQUIRE_DATA("models/detector/yolox_nano_416.torchscript.pt");
        const core::Site site = loadDemo("resources/demo/site.json");
        CollectingSink sink;
        FrameCounter frames;
        inference::EngineOptions opts;
        opts.modelDir = vigie::test::dataPath("models").toStdString();
        opts.manifestPath = vigie::test::sourcePath("models/manifest.json").toStdString();
        opts.device = "cpu";
        opts.offline = true;
        opts.sourceOverrides["parvis"] =
            vigie::test::dataPath("video/aboda_video4_abandoned_bag.avi").toStdString();
        opts.alertSink = &sink;
        opts.frameSink = &frames;
        auto engine = inference::Engine::create(site, opts);
        QVERIFY2(engine.ok(), engine.ok() ? "" : engine.error().message.c_str());
        (*engine)->start();
        QVERIFY((*engine)->waitFinished(240000));
        (*engine)->stop();
        const auto health = (*engine)->health();
        QCOMPARE(health.cameras.at(0).state, core::CameraState::Finished);
        // 39 s at 12.5 analysed pictures per second, none dropped offline.
        QVERIFY2(health.cameras[0].framesAnalysed >= 480,
                 qPrintable(QString::number(health.cameras[0].framesAnalysed)));
        QCOMPARE(health.cameras[0].framesDropped, std::int64_t(0));
        QCOMPARE(frames.frames.load(), int(health.cameras[0].framesAnalysed));
        QCOMPARE(frames.empty.load(), 0);
        QVERIFY(frames.withObjects.load() > 100);

        QCOMPARE(sink.opened.size(), std::size_t(1));
        QCOMPARE(sink.closed.size(), std::size_t(1));
        const core::Alert& a = sink.closed[0];
        QCOMPARE(a.event, core::EventType::Intrusion);
        QCOMPARE(a.ruleId, std::string("intrusion-armoire"));
        QCOMPARE(a.zoneId, std::string("armoire"));
        const double start = double(a.startUs) / 1e6;
        const double end = double(a.endUs) / 1e6;
        qInfo("intrusion alert %.2f–%.2f s, score %.2f", start, end, a.score);
        QVERIFY2(start > 10.0 && start < 14.0, qPrintable(QString::number(start)));
        QVERIFY2(end > 16.0 && end < 23.0, qPrintable(QString::number(end)));
        QVERIFY(a.score >= 0.35);
        QVERIFY(!a.boxes.empty());
        // The evidence box is at the utility box, right of the frame centre.
        QVERIFY(a.boxes[0].centre().x > 0.5 && a.boxes[0].centre().x < 0.75);
    }

    void generatedClipRaisesOneIntrusion() {
        if (m_clip.isEmpty()) {
            QSKIP(qPrintable(m_clipError));
        }
        CollectingSink sink;
        inference::EngineOptions opts;
        opts.offline = true;
        opts.sourceOverrides["parvis"] = m_clip.toStdString();
        opts.alertSink = &sink;
        std::unique_ptr<inference::Engine> engine;
        runToEnd(loadDemo("resources/demo/site-generated.json"), opts, engine);
        if (!engine) {
            return;
        }
        QCOMPARE(sink.closed.size(), std::size_t(1));
        const double start = double(sink.closed[0].startUs) / 1e6;
        const double end = double(sink.closed[0].endUs) / 1e6;
        qInfo("generated clip: intrusion alert %.2f–%.2f s", start, end);
        QVERIFY2(start > 6.0 && start < 9.5, qPrintable(QString::number(start)));
        QVERIFY2(end > 11.0 && end < 14.0, qPrintable(QString::number(end)));
    }

    // EngineOptions::sourceStartS (benchmarks stagger copies of one clip with it): the
    // pictures before the start are decoded, not analysed.
    void fileStartsFurtherIn() {
        if (m_clip.isEmpty()) {
            QSKIP(qPrintable(m_clipError));
        }
        CollectingSink sink;
        PtsCollector frames;
        inference::EngineOptions opts;
        opts.offline = true;
        opts.sourceOverrides["parvis"] = m_clip.toStdString();
        opts.sourceStartS["parvis"] = 10.0;
        opts.alertSink = &sink;
        opts.frameSink = &frames;
        std::unique_ptr<inference::Engine> engine;
        runToEnd(loadDemo("resources/demo/site-generated.json"), opts, engine);
        if (!engine) {
            return;
        }
        QVERIFY(!frames.pts.empty());
        const auto first = *std::min_element(frames.pts.begin(), frames.pts.end());
        qInfo("first analysed picture at %.2f s, %d analysed", double(first) / 1e6,
              int(frames.pts.size()));
        QVERIFY2(first >= 10'000'000 && first < 10'200'000, qPrintable(QString::number(first)));
        // 24 s clip from 10 s at 12.5 pictures/s: 14 s of pictures, not 24.
        QVERIFY2(frames.pts.size() >= 170 && frames.pts.size() <= 180,
                 qPrintable(QString::number(frames.pts.size())));
        QCOMPARE(engine->health().cameras.at(0).state, core::CameraState::Finished);
    }

    void oneBrokenCameraNeverStopsTheOthers() {
        QTemporaryDir dir;
        QString error;
        const QString clip = vigie::test::makeGeneratedDemoClip(dir.path(), &error);
        if (clip.isEmpty()) {
            QSKIP(qPrintable(error));
        }
        const QString corrupt = dir.filePath(QStringLiteral("corrupt.mp4"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100000, 'x'));
        f.close();
        core::Site site = loadDemo("resources/demo/site-generated.json");
        core::Camera broken = site.cameras[0];
        broken.id = "broken";
        broken.name = "Caméra en panne";
        site.cameras.push_back(broken);
        core::Rule rule = site.rules[0];
        rule.id = "intrusion-broken";
        rule.cameraId = "broken";
        site.rules.push_back(rule);
        CollectingSink sink;
        inference::EngineOptions opts;
        opts.offline = true;
        opts.sourceOverrides["parvis"] = clip.toStdString();
        opts.sourceOverrides["broken"] = corrupt.toStdString();
        opts.alertSink = &sink;
        auto engine = inference::Engine::create(site, opts);
        QVERIFY2(engine.ok(), engine.ok() ? "" : engine.error().message.c_str());
        (*engine)->start();
        QVERIFY((*engine)->waitFinished(120000));
        (*engine)->stop();
        const auto h = (*engine)->health();
        QCOMPARE(h.cameras.size(), std::size_t(2));
        QCOMPARE(h.cameras[0].state, core::CameraState::Finished);
        QVERIFY(h.cameras[0].framesAnalysed > 250);
        QCOMPARE(h.cameras[1].state, core::CameraState::Failed);
        QVERIFY2(
            QString::fromStdString(h.cameras[1].lastError).contains(QLatin1String("cannot open")),
            h.cameras[1].lastError.c_str());
        QCOMPARE(sink.closed.size(), std::size_t(1));
        QCOMPARE(sink.closed[0].cameraId, std::string("parvis"));
    }

    void missingModelIsAClearError() {
        const core::Site site = loadDemo("resources/demo/site.json");
        CollectingSink sink;
        inference::EngineOptions opts;
        opts.modelDir = "/nonexistent/models";
        opts.manifestPath = vigie::test::sourcePath("models/manifest.json").toStdString();
        opts.alertSink = &sink;
        auto engine = inference::Engine::create(site, opts);
        QVERIFY(!engine.ok());
        QVERIFY2(QString::fromStdString(engine.error().message)
                     .contains(QLatin1String("model file not found")),
                 engine.error().message.c_str());
    }

    void unknownClassIsRejected() {
        core::Site site = loadDemo("resources/demo/site-generated.json");
        std::get<core::IntrusionParams>(site.rules[0].params).classes = {"person"};
        CollectingSink sink;
        inference::EngineOptions opts;
        opts.alertSink = &sink;
        auto engine = inference::Engine::create(site, opts);
        QVERIFY(!engine.ok());
        QVERIFY2(QString::fromStdString(engine.error().message)
                     .contains(QLatin1String("class 'person'")),
                 engine.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestPipelineDemo)
#include "tst_pipeline_demo.moc"
