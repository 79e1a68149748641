// Motion gating: the gate tells a static picture (sensor noise, same scene) from one where
// something moved, however small, and the tracker coasts over skipped pictures without
// losing or renumbering its tracks.
#include <QtTest>

#include <random>

#include "inference/motion_gate.h"
#include "inference/tracker.h"

using namespace vigie;
using namespace vigie::inference;

namespace {

constexpr int kWidth = 704;
constexpr int kHeight = 576;

// A textured scene (gradients), optionally with sensor noise and a dark block at (bx, by).
core::ImageFrame scene(int noise, unsigned seed, int bx = -1, int by = 0, int bw = 24,
                       int bh = 60) {
    auto pixels = std::shared_ptr<std::uint8_t>(new std::uint8_t[std::size_t(kWidth) * kHeight * 3],
                                                std::default_delete<std::uint8_t[]>());
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> jitter(-noise, noise);
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            std::uint8_t* p = pixels.get() + (std::size_t(y) * kWidth + x) * 3;
            const bool block = bx >= 0 && x >= bx && x < bx + bw && y >= by && y < by + bh;
            for (int c = 0; c < 3; ++c) {
                const int base = block ? 20 : 60 + (x * 120) / kWidth + (y * 50) / kHeight + c * 10;
                p[c] = std::uint8_t(std::clamp(base + (noise > 0 ? jitter(rng) : 0), 0, 255));
            }
        }
    }
    core::ImageFrame f;
    f.width = kWidth;
    f.height = kHeight;
    f.strideBytes = kWidth * 3;
    f.format = core::PixelFormat::Bgr24;
    f.pixels = std::move(pixels);
    return f;
}

core::Detection person(float x0, float y0) {
    core::Detection d;
    d.box = {x0, y0, x0 + 0.05F, y0 + 0.2F};
    d.classId = 0;
    d.score = 0.9F;
    return d;
}

}  // namespace

class TestMotionGate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstPictureAlwaysMoves() {
        MotionGate gate(0.004);
        QCOMPARE(gate.changedFraction(scene(0, 1)), 1.0);
        QVERIFY(gate.moved(scene(0, 1)));
    }

    void sensorNoiseIsStatic() {
        MotionGate gate(0.004);
        gate.setReference(scene(6, 1));
        for (unsigned seed = 2; seed < 8; ++seed) {
            const double f = gate.changedFraction(scene(6, seed));
            QVERIFY2(!gate.moved(scene(6, seed)), qPrintable(QString::number(f)));
        }
    }

    // A person far away: 24×60 pixels of a 704×576 picture (0.35 % of it) is motion.
    void smallObjectMoves() {
        MotionGate gate(0.004);
        gate.setReference(scene(4, 1, 100, 200));
        QVERIFY(!gate.moved(scene(4, 2, 100, 200)));  // same place: static
        QVERIFY(gate.moved(scene(4, 3, 400, 200)));   // moved away
        QVERIFY(gate.changedFraction(scene(4, 3, 400, 200)) > 0.004);
    }

    // The reference is the picture the detector last saw: slow drift accumulates until it
    // counts as motion (it is not compared picture to picture).
    void slowDriftIsCaughtAgainstTheReference() {
        MotionGate gate(0.004);
        gate.setReference(scene(0, 1, 100, 200));
        bool moved = false;
        for (int step = 1; step <= 40 && !moved; ++step) {
            moved = gate.moved(scene(0, 1, 100 + step * 2, 200));
        }
        QVERIFY(moved);
    }

    void emptyPictureCountsAsMotion() {
        MotionGate gate(0.004);
        gate.setReference(scene(0, 1));
        QVERIFY(gate.moved(core::ImageFrame{}));
    }

    // Coasting keeps tracks, their ids and their boxes; detections afterwards continue
    // the same tracks, even after longer than the lost timeout of pure coasting time.
    void trackerCoastsOverSkippedPictures() {
        ByteTracker tracker;
        std::int64_t pts = 0;
        const std::int64_t step = 80'000;  // 12.5 fps
        std::vector<core::TrackedObject> tracks;
        for (int i = 0; i < 5; ++i, pts += step) {
            tracks = tracker.update({person(0.2F, 0.3F), person(0.6F, 0.4F)}, pts, kWidth, kHeight);
        }
        QCOMPARE(tracks.size(), std::size_t(2));
        const auto idA = tracks[0].id;
        const auto idB = tracks[1].id;
        // 10 s with nothing moving: far beyond the tracker's lost timeout.
        for (int i = 0; i < 125; ++i, pts += step) {
            tracks = tracker.coast(pts);
            QCOMPARE(tracks.size(), std::size_t(2));
        }
        QCOMPARE(tracks[0].id, idA);
        QVERIFY(std::abs(tracks[0].box.x0 - 0.2F) < 0.01F);
        tracks = tracker.update({person(0.2F, 0.3F), person(0.6F, 0.4F)}, pts, kWidth, kHeight);
        QCOMPARE(tracks.size(), std::size_t(2));
        QCOMPARE(tracks[0].id, idA);
        QCOMPARE(tracks[1].id, idB);
        // Coasting never goes back in time and needs a first update.
        QVERIFY(tracker.coast(pts - step).empty());
        ByteTracker fresh;
        QVERIFY(fresh.coast(0).empty());
    }
};

QTEST_GUILESS_MAIN(TestMotionGate)
#include "tst_motion_gate.moc"
