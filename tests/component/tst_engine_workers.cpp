// The engine's inference workers (EngineOptions::inferenceWorkers): several detector passes
// at once, as a CPU detector runs them. Checked with a detector that takes a random time per
// call, so that passes finish out of order:
//  - passes really overlap, and never hold two pictures of one camera at once;
//  - each camera's pictures reach its analysis in order, with its own detections;
//  - with several workers a pass takes one picture;
//  - a detector that is not reentrant gets one worker, whatever was asked.
#include <QtTest>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "core/site.h"
#include "inference/detector.h"
#include "inference/engine.h"

using namespace vigie;

namespace {

class NullSink final : public core::AlertSink {
public:
    void onAlertOpened(const core::Alert&) override {}
    void onAlertClosed(const core::Alert&) override {}
};

// What the detector saw; shared with the test, which outlives the engine.
struct DetectorLog {
    std::mutex mutex;
    std::set<int> busyCameras;  // cameras with a picture in a pass now
    int overlapping = 0;        // passes running now
    int maxOverlapping = 0;
    int sameCameraTwice = 0;  // a camera's picture entered while another was in a pass
    int largestPass = 0;
    int calls = 0;
};

// One "person" per picture, at a place that names the camera: x = 0.1 + 0.2 × camera.
class SlowDetector final : public inference::Detector {
public:
    SlowDetector(DetectorLog& log, bool reentrant) : m_log(log), m_reentrant(reentrant) {}

    core::Result<std::vector<std::vector<core::Detection>>> detect(
        const std::vector<core::ImageFrame>& frames,
        const std::vector<inference::TileGrid>& tiles) override {
        (void)tiles;
        {
            std::lock_guard lock(m_log.mutex);
            ++m_log.calls;
            m_log.largestPass = std::max(m_log.largestPass, int(frames.size()));
            m_log.maxOverlapping = std::max(m_log.maxOverlapping, ++m_log.overlapping);
            for (const auto& f : frames) {
                if (!m_log.busyCameras.insert(f.streamId).second) {
                    ++m_log.sameCameraTwice;
                }
            }
        }
        thread_local std::mt19937 rng(std::random_device{}());
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution<int>(1, 12)(rng)));
        std::vector<std::vector<core::Detection>> out;
        for (const auto& f : frames) {
            core::Detection d;
            d.classId = 0;
            d.score = 0.9F;
            const double x = 0.1 + 0.2 * f.streamId;
            d.box = {x, 0.4, x + 0.1, 0.8};
            out.push_back({d});
        }
        std::lock_guard lock(m_log.mutex);
        --m_log.overlapping;
        for (const auto& f : frames) {
            m_log.busyCameras.erase(f.streamId);
        }
        return out;
    }
    core::Result<std::vector<float>> forwardRaw(const std::vector<float>&, int) override {
        return core::makeError("not a network");
    }
    const std::vector<std::string>& classNames() const override { return m_names; }
    std::string description() const override { return "slow test detector"; }
    int preferredBatch() const override { return 8; }
    bool reentrant() const override { return m_reentrant; }

private:
    DetectorLog& m_log;
    bool m_reentrant;
    std::vector<std::string> m_names{"person"};
};

// Per camera: the timestamps analysed, in arrival order, and the objects' places.
struct OrderSink final : core::FrameSink {
    std::mutex mutex;
    std::map<std::string, std::vector<std::int64_t>> pts;
    std::map<std::string, std::vector<double>> objectX;
    void onFrame(const core::ImageFrame& f, const core::FrameAnalysis& a) override {
        (void)f;
        std::lock_guard lock(mutex);
        pts[a.cameraId].push_back(a.ptsUs);
        for (const auto& o : a.objects) {
            objectX[a.cameraId].push_back(o.box.x0);
        }
    }
};

core::Site fourCameras() {
    core::Site site;
    site.id = "workers";
    site.timezone = "UTC";
    for (int i = 0; i < 4; ++i) {
        core::Camera cam;
        cam.id = "cam" + std::to_string(i);
        // 6 s of pictures as fast as the engine takes them (offline: nothing dropped).
        cam.source.url = "synthetic://160x120?fps=12.5&people=0&seconds=6&realtime=0";
        cam.analysisFps = 12.5;
        site.cameras.push_back(cam);
    }
    return site;
}

// Four cameras through the engine with 3 workers asked for, offline, to the end; returns the
// workers the engine chose (0 when it could not run).
int runFourCameras(DetectorLog& log, bool reentrant, core::FrameSink* frames) {
    NullSink alerts;
    inference::EngineOptions opts;
    opts.offline = true;
    opts.inferenceWorkers = 3;
    opts.alertSink = &alerts;
    opts.frameSink = frames;
    opts.detectorFactory = [&log,
                            reentrant]() -> core::Result<std::unique_ptr<inference::Detector>> {
        return std::unique_ptr<inference::Detector>(new SlowDetector(log, reentrant));
    };
    auto engine = inference::Engine::create(fourCameras(), opts);
    if (!engine) {
        qWarning("%s", engine.error().message.c_str());
        return 0;
    }
    (*engine)->start();
    const bool finished = (*engine)->waitFinished(60000);
    (*engine)->stop();
    return finished ? (*engine)->inferenceWorkers() : 0;
}

}  // namespace

class TestEngineWorkers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void workersOverlapAndKeepEachCameraInOrder() {
        DetectorLog log;
        OrderSink frames;
        QCOMPARE(runFourCameras(log, true, &frames), 3);

        qInfo("%d passes, at most %d at once", log.calls, log.maxOverlapping);
        QVERIFY2(log.maxOverlapping >= 2, "the workers never ran a pass at the same time");
        QCOMPARE(log.sameCameraTwice, 0);
        QCOMPARE(log.largestPass, 1);
        QCOMPARE(frames.pts.size(), std::size_t(4));
        for (int i = 0; i < 4; ++i) {
            const std::string id = "cam" + std::to_string(i);
            const auto& seq = frames.pts[id];
            // 6 s at 12.5 pictures/s, none dropped offline.
            QVERIFY2(seq.size() >= 70, qPrintable(QString::number(seq.size())));
            for (std::size_t k = 1; k < seq.size(); ++k) {
                QVERIFY2(seq[k] > seq[k - 1],
                         qPrintable(QStringLiteral("%1: picture %2 at %3 us after %4 us")
                                        .arg(QString::fromStdString(id))
                                        .arg(k)
                                        .arg(seq[k])
                                        .arg(seq[k - 1])));
            }
            // Tracked objects stand where this camera's detector output put them.
            const auto& xs = frames.objectX[id];
            QVERIFY2(!xs.empty(), qPrintable(QString::fromStdString(id) + ": no object"));
            for (double x : xs) {
                QVERIFY2(std::abs(x - (0.1 + 0.2 * i)) < 0.02,
                         qPrintable(QString::fromStdString(id) + ": object at " +
                                    QString::number(double(x))));
            }
        }
    }

    void aDetectorThatIsNotReentrantGetsOneWorker() {
        DetectorLog log;
        QCOMPARE(runFourCameras(log, false, nullptr), 1);
        QCOMPARE(log.maxOverlapping, 1);
        // One worker gathers the cameras' pictures into passes again.
        QVERIFY2(log.largestPass > 1, qPrintable(QString::number(log.largestPass)));
    }
};

QTEST_GUILESS_MAIN(TestEngineWorkers)
#include "tst_engine_workers.moc"
