// Real footage with ground truth (../shared/data, truth in its README), through the whole
// engine with the real detector on the CPU: one abandoned-object alert on ABODA after the
// owner leaves, a person-on-the-ground alert after the UR Fall fall, a fire alert within a
// few seconds of ignition — and nothing before. The sites are resources/eval/*, the same
// ones `vigie eval resources/eval` runs.
#include <QtTest>

#include "app/eval/scenario.h"
#include "app/eval/scenario_runner.h"
#include "inference/analyser.h"
#include "tests/support/core_printers.h"
#include "tests/support/test_support.h"

using namespace vigie;
using core::EventType;

class TestRealClips : public QObject {
    Q_OBJECT

    struct Outcome {
        eval::ScenarioFiles files;
        eval::RunResult run;
        core::EventScore score;
        std::string text;
    };

    // Loads resources/eval/<name>, runs it; QSKIPs without data or without the analyser.
    std::optional<Outcome> runClip(const QString& name, EventType event) {
        auto files = eval::loadScenarioDir(
            vigie::test::sourcePath(QStringLiteral("resources/eval/") + name).toStdString(),
            vigie::test::dataDir().toStdString());
        if (!files) {
            qWarning("%s", files.error().message.c_str());
            return std::nullopt;
        }
        for (const auto& rule : files->site.rules) {
            auto analyser = inference::createAnalyser(rule, *files->site.findCamera(rule.cameraId));
            if (!analyser) {
                qWarning("analyser not available: %s", analyser.error().message.c_str());
                m_skip = QString::fromStdString(analyser.error().message);
                return std::nullopt;
            }
        }
        eval::RunOptions options;
        options.modelDir = vigie::test::dataPath(QStringLiteral("models")).toStdString();
        options.manifestPath =
            vigie::test::sourcePath(QStringLiteral("models/manifest.json")).toStdString();
        options.cpuThreads = 2;
        options.device = "cpu";
        options.timeoutS = 300;
        auto run = eval::runScenario(*files, options);
        if (!run) {
            qWarning("%s", run.error().message.c_str());
            return std::nullopt;
        }
        Outcome out{*files, *run, eval::scoreRun(*files, *run).at(event), {}};
        out.text = files->name + ": " + std::to_string(run->framesAnalysed) + " pictures in " +
                   std::to_string(run->wallS) + " s; alerts:";
        for (const auto& a : run->alerts) {
            out.text += " " + std::string(core::toName(a.event)) + "@" +
                        std::to_string(double(run->raisedAt(a)) / 1e6) + " (since " +
                        std::to_string(double(a.startUs) / 1e6) + ")-" +
                        std::to_string(double(a.endUs) / 1e6) + " (" + a.detail + ")";
        }
        qInfo("%s", out.text.c_str());
        return out;
    }

    QString m_skip;

#define VIGIE_RUN_CLIP(var, name, event)                                        \
    m_skip.clear();                                                             \
    const auto var = runClip(name, event);                                      \
    if (!var && !m_skip.isEmpty()) {                                            \
        QSKIP(qPrintable(QStringLiteral("analyser not available: ") + m_skip)); \
    }                                                                           \
    QVERIFY(var.has_value())

private Q_SLOTS:
    void initTestCase() {
        VIGIE_REQUIRE_DATA("models/detector/yolox_nano_416.torchscript.pt");
    }

    // Each real event found once, within the given delay of its truth, and no alert before.
    void eventIsRaisedOnceInTime_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("clip");
        QTest::addColumn<int>("event");
        QTest::addColumn<double>("maxDelayS");
        // The owner leaves the bag (unattended from ~22 s). YOLOX-nano sees the bag only at
        // 0.1-0.3, under three classes: the weak detections and the static-foreground
        // check make the candidate.
        QTest::newRow("ABODA bag")
            << "aboda_abandoned_bag"
            << "video/aboda_video4_abandoned_bag.avi" << int(EventType::AbandonedObject) << 8.0;
        // The fall begins at frame 83 (2.77 s), nothing while walking before it. The detector
        // loses the person on the floor: the "went down" spot carries it.
        QTest::newRow("UR Fall") << "urfall_fall01"
                                 << "video/urfd_fall-01-cam0_WITH_POSE_OVERLAYS.mp4"
                                 << int(EventType::PersonOnGround) << 2.5;
        // Falls forward onto a mattress at 2.7-3.3 s, lies still to 7.9 s; 2 s down required.
        QTest::newRow("UP-Fall") << "upfall_fall_forward"
                                 << "video/upfall_act1_fall_fwd_hands_subj1_trial1_cam2.mp4"
                                 << int(EventType::PersonOnGround) << 4.0;
        // Ignition at 16-18 s; the red extinguisher on this hand-held recording sways from
        // the first picture on.
        QTest::newRow("petrol station fire")
            << "petrol_station_fire"
            << "video/fire_petrol_station_cctv_UNKNOWN_LICENSE.mp4" << int(EventType::Fire) << 6.0;
    }
    void eventIsRaisedOnceInTime() {
        QFETCH(QString, scenario);
        QFETCH(QString, clip);
        QFETCH(int, event);
        QFETCH(double, maxDelayS);
        if (!vigie::test::hasData(clip)) {
            QSKIP(qPrintable(QStringLiteral("real data not found: ") + clip));
        }
        VIGIE_RUN_CLIP(out, scenario, EventType(event));
        QVERIFY2(out->score.alerts == 1, out->text.c_str());
        QVERIFY2(out->score.detected == 1, out->text.c_str());
        QVERIFY2(out->score.falseAlarms == 0, out->text.c_str());
        QVERIFY2(out->score.maxDelayS >= 0.0 && out->score.maxDelayS <= maxDelayS,
                 out->text.c_str());
    }

    // Look-alikes: a wooden floor and people at a table (fire colours that a passer-by
    // uncovers), a parking aisle; fire, person on the ground and abandoned object all silent.
    void lookalikesStaySilent_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("clip");
        QTest::newRow("table visits") << "lookalikes_table_visits"
                                      << "video/intel_one-by-one-person-detection.mp4";
        QTest::newRow("campus road") << "lookalikes_campus_road"
                                     << "video/pets2001_campus_road_pedestrians_van_8fps.avi";
    }
    void lookalikesStaySilent() {
        QFETCH(QString, scenario);
        QFETCH(QString, clip);
        if (!vigie::test::hasData(clip)) {
            QSKIP(qPrintable(QStringLiteral("real data not found: ") + clip));
        }
        VIGIE_RUN_CLIP(out, scenario, EventType::Fire);
        QVERIFY2(out->run.alerts.empty(), out->text.c_str());  // of any of the three rules
        QVERIFY2(out->run.framesAnalysed > 0, out->text.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRealClips)
#include "tst_real_clips.moc"
