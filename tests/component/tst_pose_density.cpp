// The pose and density runners on the real models and real footage: MoveNet places the
// keypoints of the standing person of the UR Fall clip on its crop (not lying); MCNN counts
// a dense station crowd in the tens and an empty picture near zero. Skipped without the data.
#include <QtTest>

#include "core/model_manifest.h"
#include "inference/density_runner.h"
#include "inference/detector.h"
#include "inference/event_analysers.h"
#include "inference/pose_runner.h"
#include "inference/video_source.h"
#include "tests/support/test_support.h"

using namespace vigie;
using namespace vigie::inference;

namespace {

std::string manifestPath() {
    return vigie::test::sourcePath("models/manifest.json").toStdString();
}

std::string modelDir() {
    return vigie::test::dataPath("models").toStdString();
}

// The picture of frame `index` (0-based) of a clip.
core::Result<core::ImageFrame> frameAt(const QString& clip, int index) {
    auto src = VideoSource::open(vigie::test::dataPath(clip).toStdString(), SourceOptions{});
    if (!src) {
        return src.error();
    }
    for (int i = 0; i <= index; ++i) {
        if ((*src)->next() != ReadStatus::Frame) {
            return core::makeError("the clip ended before frame " + std::to_string(index));
        }
    }
    auto frame = (*src)->convertCurrent();
    if (!frame) {
        return frame.error();
    }
    // The pool buffer goes back with the source: keep a copy of the pixels.
    const std::size_t bytes = std::size_t(frame->strideBytes) * std::size_t(frame->height);
    auto* copy = new std::uint8_t[bytes];
    std::copy(frame->pixels.get(), frame->pixels.get() + bytes, copy);
    core::ImageFrame out = *frame;
    out.pixels = std::shared_ptr<const std::uint8_t>(copy, std::default_delete<std::uint8_t[]>());
    return out;
}

}  // namespace

class TestPoseDensity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void posePlacesKeypointsOnTheCrop() {
        VIGIE_REQUIRE_DATA("models/pose/movenet_mbv3_192.torchscript.pt");
        VIGIE_REQUIRE_DATA("models/detector/yolox_nano_416.torchscript.pt");
        VIGIE_REQUIRE_DATA("video/urfd_fall-01-cam0_WITH_POSE_OVERLAYS.mp4");
        auto pose = loadPoseEstimator(modelDir(), manifestPath(), "cpu");
        QVERIFY2(pose.ok(), pose.ok() ? "" : pose.error().message.c_str());
        auto manifest = core::loadModelManifest(manifestPath());
        QVERIFY(manifest.ok());
        const auto* spec = manifest->find("yolox_nano_416");
        QVERIFY(spec != nullptr);
        auto path = core::verifyModelFile(modelDir(), spec->file, spec->sha256);
        QVERIFY(path.ok());
        DetectorOptions opts;
        opts.modelPath = *path;
        opts.spec = *spec;
        opts.device = "cpu";
        opts.decode.scoreThreshold = 0.15F;
        auto detector = createDetector(opts);
        QVERIFY2(detector.ok(), detector.ok() ? "" : detector.error().message.c_str());

        // UR Fall fall-01, frame 30 (standing; the right half of the picture is the colour
        // camera). The pose runner must place the keypoints on the person's crop, with
        // scores in 0..1, in the picture's normalised coordinates.
        auto frame = frameAt("video/urfd_fall-01-cam0_WITH_POSE_OVERLAYS.mp4", 30);
        QVERIFY2(frame.ok(), frame.ok() ? "" : frame.error().message.c_str());
        auto dets = (*detector)->detect({*frame});
        QVERIFY(dets.ok());
        const core::Detection* person = nullptr;
        for (const auto& d : (*dets)[0]) {
            if (d.classId == 0 && d.box.centre().x >= 0.5 &&
                (person == nullptr || d.score > person->score)) {
                person = &d;
            }
        }
        QVERIFY2(person != nullptr, "no person found in frame 30");
        auto poses = (*pose)->estimate(*frame, {person->box, core::BoxF{}});
        QVERIFY2(poses.ok(), poses.ok() ? "" : poses.error().message.c_str());
        QCOMPARE(poses->size(), std::size_t(2));
        int seen = 0;
        for (const auto& k : poses->front().keypoints) {
            QVERIFY(k.score >= 0.0F && k.score <= 1.0F);
            if (k.score > 0.0F) {
                ++seen;
                QVERIFY(k.point.x >= person->box.x0 - 0.05 && k.point.x <= person->box.x1 + 0.05);
                QVERIFY(k.point.y >= person->box.y0 - 0.1 && k.point.y <= person->box.y1 + 0.1);
            }
        }
        double confidence = 0.0;
        const auto posture = PersonOnGroundAnalyser::posture(
            person->box, double(frame->height) / frame->width, &poses->front(), 0.3, &confidence);
        qInfo("frame 30: person %.2f, %d keypoints seen, torso confidence %.2f, posture %d",
              double(person->score), seen, confidence, int(posture));
        QVERIFY(seen > 0);
        QVERIFY(posture != PersonOnGroundAnalyser::Posture::Lying);
        // An empty box gives a pose with every score 0.
        for (const auto& k : poses->back().keypoints) {
            QCOMPARE(k.score, 0.0F);
        }
    }

    void densityCountsACrowd() {
        VIGIE_REQUIRE_DATA("models/crowd/mcnn_shtechA_660.torchscript.pt");
        VIGIE_REQUIRE_DATA("video/ucf_9-19_dense_crowd_grand_central_booth.mp4");
        auto density = loadDensityEstimator(modelDir(), manifestPath(), "cpu");
        QVERIFY2(density.ok(), density.ok() ? "" : density.error().message.c_str());
        auto frame = frameAt("video/ucf_9-19_dense_crowd_grand_central_booth.mp4", 10);
        QVERIFY2(frame.ok(), frame.ok() ? "" : frame.error().message.c_str());
        QElapsedTimer timer;
        timer.start();
        auto map = (*density)->estimate(*frame);
        const auto ms = timer.elapsed();
        QVERIFY2(map.ok(), map.ok() ? "" : map.error().message.c_str());
        const double total = map->total();
        qInfo("MCNN on %dx%d: %.1f people, map %dx%d, %lld ms", frame->width, frame->height, total,
              map->width, map->height, static_cast<long long>(ms));
        QVERIFY(total > 15.0);  // a dense crowd: tens of people (MCNN part A)
        // The zones split the count.
        const core::Polygon left{{{0, 0}, {0.5, 0}, {0.5, 1}, {0, 1}}};
        const core::Polygon right{{{0.5, 0}, {1, 0}, {1, 1}, {0.5, 1}}};
        QVERIFY(std::abs(map->countIn(left) + map->countIn(right) - total) < 1e-3 * total + 1e-3);

        // An empty, flat picture holds nobody.
        core::ImageFrame empty = *frame;
        const std::size_t bytes = std::size_t(empty.strideBytes) * std::size_t(empty.height);
        auto* grey = new std::uint8_t[bytes];
        std::fill(grey, grey + bytes, std::uint8_t(128));
        empty.pixels =
            std::shared_ptr<const std::uint8_t>(grey, std::default_delete<std::uint8_t[]>());
        auto none = (*density)->estimate(empty);
        QVERIFY(none.ok());
        qInfo("MCNN on a flat picture: %.2f people", none->total());
        QVERIFY(none->total() < 0.1 * total);
    }
};

QTEST_APPLESS_MAIN(TestPoseDensity)
#include "tst_pose_density.moc"
