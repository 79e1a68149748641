// Detector post-processing without a model: letterbox geometry, YOLOX decoding, NMS.
#include <QtTest>

#include "inference/detection_decode.h"
#include "tests/support/core_printers.h"

using namespace vigie;
using namespace vigie::inference;

namespace {

core::Detection det(double x0, double y0, double x1, double y1, float score, int cls = 0) {
    return {{x0, y0, x1, y1}, cls, score};
}

}  // namespace

class TestDetectionDecode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void letterbox_data() {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("rw");
        QTest::addColumn<int>("rh");
        QTest::newRow("4CIF landscape") << 704 << 576 << 416.0 / 704 << 416 << 340;
        QTest::newRow("1080p") << 1920 << 1080 << 416.0 / 1920 << 416 << 234;
        QTest::newRow("portrait bus image") << 810 << 1080 << 416.0 / 1080 << 312 << 416;
        QTest::newRow("already square") << 416 << 416 << 1.0 << 416 << 416;
        QTest::newRow("tiny upscaled") << 32 << 16 << 13.0 << 416 << 208;
        QTest::newRow("extreme strip") << 4000 << 2 << 416.0 / 4000 << 416 << 1;
    }
    void letterbox() {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(double, scale);
        QFETCH(int, rw);
        QFETCH(int, rh);
        const Letterbox lb = computeLetterbox(w, h, 416, 416);
        QVERIFY(qFuzzyCompare(lb.scale, scale));
        QCOMPARE(lb.resizedWidth, rw);
        QCOMPARE(lb.resizedHeight, rh);
        QVERIFY(lb.resizedWidth <= 416 && lb.resizedHeight <= 416);
    }

    void nmsEmpty() { QVERIFY(nonMaximumSuppression({}, 0.45F).empty()); }

    void nmsKeepsBestOfOverlapping() {
        const std::vector<core::Detection> d = {det(0.1, 0.1, 0.3, 0.5, 0.6),
                                                det(0.11, 0.1, 0.31, 0.5, 0.9),
                                                det(0.6, 0.6, 0.8, 0.9, 0.5)};
        const auto kept = nonMaximumSuppression(d, 0.45F);
        QCOMPARE(kept, (std::vector<std::size_t>{1, 2}));
    }

    void nmsIsClassAware() {
        const std::vector<core::Detection> d = {det(0.1, 0.1, 0.3, 0.5, 0.9, 0),
                                                det(0.1, 0.1, 0.3, 0.5, 0.8, 24)};
        QCOMPARE(nonMaximumSuppression(d, 0.45F, true).size(), std::size_t(2));
        QCOMPARE(nonMaximumSuppression(d, 0.45F, false).size(), std::size_t(1));
    }

    void nmsThresholdIsStrict() {
        // IoU exactly 0.5 with threshold 0.5: both kept (suppression needs IoU > threshold).
        // Binary fractions, so that the IoU is exactly 0.5 in floating point.
        const std::vector<core::Detection> d = {det(0.0, 0.0, 1.0, 0.75, 0.9),
                                                det(0.0, 0.25, 1.0, 1.0, 0.8)};
        QCOMPARE(core::iou(d[0].box, d[1].box), 0.5);
        QCOMPARE(nonMaximumSuppression(d, 0.5F).size(), std::size_t(2));
        QCOMPARE(nonMaximumSuppression(d, 0.49F).size(), std::size_t(1));
    }

    void decodeOneAnchor() {
        // A 64×64 input with stride 32 has a 2×2 grid: 4 anchors; 2 classes.
        const int anchors = 4;
        const int classes = 2;
        std::vector<float> out(std::size_t(anchors) * (5 + classes), 0.0F);
        // Anchor (gx=1, gy=0): centre (1 + 0.5) * 32 = 48, y = 0.5 * 32 = 16,
        // w = exp(0) * 32 = 32, h = exp(ln 2) * 32 = 64.
        float* row = out.data() + 1 * (5 + classes);
        row[0] = 0.5F;
        row[1] = 0.5F;
        row[2] = 0.0F;
        row[3] = std::log(2.0F);
        row[4] = 0.9F;  // objectness
        row[5] = 0.2F;
        row[6] = 0.8F;  // class 1 wins
        // A second anchor below the score threshold.
        out[2 * (5 + classes) + 4] = 0.05F;
        // The picture is 128×64, letterboxed into 64×64 at scale 0.5.
        const Letterbox lb = computeLetterbox(128, 64, 64, 64);
        DecodeOptions opts;
        opts.scoreThreshold = 0.3F;
        const auto dets = decodeYolox(out.data(), anchors, classes, {32}, lb, opts);
        QCOMPARE(dets.size(), std::size_t(1));
        QCOMPARE(dets[0].classId, 1);
        QVERIFY(qFuzzyCompare(dets[0].score, 0.72F));
        // In picture pixels: centre (96, 32), 64 × 128 → clamped to the picture's height.
        QCOMPARE(dets[0].box, (core::BoxF{64.0 / 128, 0.0, 128.0 / 128, 1.0}));

        opts.keepClass = {true, false};
        QVERIFY(decodeYolox(out.data(), anchors, classes, {32}, lb, opts).empty());
        opts.keepClass.clear();
        opts.classThreshold = {0.3F, 0.75F};
        QVERIFY(decodeYolox(out.data(), anchors, classes, {32}, lb, opts).empty());
    }
};

QTEST_APPLESS_MAIN(TestDetectionDecode)
#include "tst_detection_decode.moc"
