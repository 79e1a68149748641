// The NanoDet-Plus head (the detector runner's second output format) without a NanoDet
// model: the reference decoder on a hand-made output whose boxes are known, then the
// runner's LibTorch post-processing against that decoder on a TorchScript module built here
// that returns a fixed, pseudo-random NanoDet output (classes, then 4 distance
// distributions per anchor).
#include <QTemporaryDir>
#include <QtTest>

#include <torch/script.h>

#include <random>

#include "inference/detection_decode.h"
#include "inference/detector.h"
#include "tests/support/core_printers.h"

using namespace vigie;
using namespace vigie::inference;

namespace {

constexpr int kInput = 64;
constexpr int kClasses = 3;
constexpr int kRegMax = 7;
constexpr int kBins = kRegMax + 1;
constexpr int kRow = kClasses + 4 * kBins;
const std::vector<int> kStrides{8, 16};
constexpr int kAnchors = (kInput / 8) * (kInput / 8) + (kInput / 16) * (kInput / 16);

// Row index of the cell (gx, gy) of the first stride level.
int anchorOf(int gx, int gy) {
    return gy * (kInput / 8) + gx;
}

// Logits of one side: the whole mass on `bin`.
void peak(float* logits, int bin) {
    for (int k = 0; k < kBins; ++k) {
        logits[k] = k == bin ? 20.0F : 0.0F;
    }
}

core::ModelSpec nanodetSpec() {
    core::ModelSpec spec;
    spec.name = "nanodet_test";
    spec.task = core::ModelTask::Detector;
    spec.format = "torchscript";
    spec.inputWidth = kInput;
    spec.inputHeight = kInput;
    spec.colour = core::ColourOrder::Bgr;
    spec.mean = {103.53, 116.28, 123.675};
    spec.std = {57.375, 57.12, 58.395};
    spec.outputLayout = "nanodet";
    spec.strides = kStrides;
    spec.classes = {"person", "bicycle", "car"};
    return spec;
}

}  // namespace

class TestNanoDetHead : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // One anchor, distances peaked on known bins: the box is exactly where GFL puts it.
    void referenceDecoderKnownBox() {
        std::vector<float> out(std::size_t(kAnchors) * kRow, 0.0F);
        for (int a = 0; a < kAnchors; ++a) {
            float* row = out.data() + std::size_t(a) * kRow;
            for (int side = 0; side < 4; ++side) {
                peak(row + kClasses + side * kBins, 1);
            }
        }
        float* row = out.data() + std::size_t(anchorOf(3, 4)) * kRow;
        row[1] = 0.9F;                        // bicycle
        peak(row + kClasses + 0 * kBins, 2);  // left 2 × 8 px
        peak(row + kClasses + 1 * kBins, 1);  // top 1 × 8
        peak(row + kClasses + 2 * kBins, 3);  // right 3 × 8
        peak(row + kClasses + 3 * kBins, 3);  // bottom 3 × 8
        // A 128 × 128 picture: the letterbox halves it, the box comes back normalised.
        const Letterbox lb = computeLetterbox(128, 128, kInput, kInput);
        DecodeOptions opts;
        opts.scoreThreshold = 0.5F;
        const auto dets =
            decodeNanoDet(out.data(), kAnchors, kClasses, kRegMax, kStrides, lb, opts);
        QCOMPARE(dets.size(), std::size_t(1));
        QCOMPARE(dets[0].classId, 1);
        QCOMPARE(dets[0].score, 0.9F);
        // Corner (24, 32) in input pixels; box (8, 24)–(48, 56) of 64 → /64.
        QVERIFY(std::abs(dets[0].box.x0 - 8.0 / 64) < 1e-3);
        QVERIFY(std::abs(dets[0].box.y0 - 24.0 / 64) < 1e-3);
        QVERIFY(std::abs(dets[0].box.x1 - 48.0 / 64) < 1e-3);
        QVERIFY(std::abs(dets[0].box.y1 - 56.0 / 64) < 1e-3);
        // Filtered class, and a per-class threshold above its score: nothing.
        opts.keepClass = {true, false, true};
        QVERIFY(decodeNanoDet(out.data(), kAnchors, kClasses, kRegMax, kStrides, lb, opts).empty());
        opts.keepClass.clear();
        opts.classThreshold = {0.5F, 0.95F, 0.5F};
        QVERIFY(decodeNanoDet(out.data(), kAnchors, kClasses, kRegMax, kStrides, lb, opts).empty());
    }

    // The runner's post-processing (softmax expectation, corners, top-k, NMS on the device)
    // against the reference decoder, on a module whose output is fixed: same detections.
    void runnerMatchesReferenceDecoder() {
        std::mt19937 rng(7);
        std::uniform_real_distribution<float> uni(0.0F, 1.0F);
        std::normal_distribution<float> logit(0.0F, 2.0F);
        std::vector<float> out(std::size_t(kAnchors) * kRow);
        int anchor = 0;
        for (int stride : kStrides) {
            for (int gy = 0; gy < kInput / stride; ++gy) {
                for (int gx = 0; gx < kInput / stride; ++gx, ++anchor) {
                    float* row = out.data() + std::size_t(anchor) * kRow;
                    // Distances of one to three strides mostly, as a real head gives.
                    double dist[4];
                    for (int side = 0; side < 4; ++side) {
                        float* logits = row + kClasses + side * kBins;
                        double sum = 0.0;
                        double weighted = 0.0;
                        for (int k = 0; k < kBins; ++k) {
                            logits[k] = logit(rng) - 1.5F * float(std::abs(k - 2));
                            sum += std::exp(double(logits[k]));
                            weighted += std::exp(double(logits[k])) * k;
                        }
                        dist[side] = weighted / sum * stride;
                    }
                    // Confident only where the box stays inside the picture (as real
                    // objects do; outside it, clamping before or after NMS differs).
                    const bool inside = gx * stride - dist[0] >= 0 && gy * stride - dist[1] >= 0 &&
                                        gx * stride + dist[2] <= kInput &&
                                        gy * stride + dist[3] <= kInput;
                    for (int c = 0; c < kClasses; ++c) {
                        row[c] =
                            inside && uni(rng) < 0.15F ? 0.4F + 0.6F * uni(rng) : 0.3F * uni(rng);
                    }
                }
            }
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("nanodet_fixed.pt")).toStdString();
        {
            torch::jit::Module m("NanoDetFixed");
            m.register_buffer(
                "out", torch::from_blob(out.data(), {1, kAnchors, kRow}, torch::kFloat32).clone());
            m.define(
                "def forward(self, x):\n"
                "    return self.out.expand([x.size(0), -1, -1]).clone()\n");
            m.save(path);
        }
        DetectorOptions options;
        options.modelPath = path;
        options.spec = nanodetSpec();
        options.device = "cpu";
        options.decode.scoreThreshold = 0.35F;
        options.decode.nmsIouThreshold = 0.5F;
        options.maxCandidates = kAnchors;
        auto detector = createDetector(options);
        QVERIFY2(detector, detector ? "" : detector.error().message.c_str());
        for (const auto& [w, h] : std::vector<std::pair<int, int>>{{64, 64}, {128, 128}}) {
            const Letterbox lb = computeLetterbox(w, h, kInput, kInput);
            auto reference = decodeNanoDet(out.data(), kAnchors, kClasses, kRegMax, kStrides, lb,
                                           options.decode);
            auto device = (*detector)->postprocessRaw(out, lb);
            QVERIFY2(device, device ? "" : device.error().message.c_str());
            auto byScore = [](const core::Detection& a, const core::Detection& b) {
                return a.score > b.score;
            };
            std::sort(reference.begin(), reference.end(), byScore);
            std::sort(device->begin(), device->end(), byScore);
            QVERIFY(!reference.empty());
            QCOMPARE(device->size(), reference.size());
            for (std::size_t i = 0; i < reference.size(); ++i) {
                QCOMPARE((*device)[i].classId, reference[i].classId);
                QVERIFY(std::abs((*device)[i].score - reference[i].score) < 1e-5F);
                QVERIFY2(core::iou((*device)[i].box, reference[i].box) > 0.999,
                         qPrintable(QStringLiteral("box %1 differs").arg(i)));
            }
        }
        // A model whose output does not fit the layout is refused with a clear message.
        {
            torch::jit::Module m("NotNanoDet");
            m.register_buffer("out", torch::zeros({1, kAnchors, kClasses + 5}));
            m.define(
                "def forward(self, x):\n"
                "    return self.out.expand([x.size(0), -1, -1]).clone()\n");
            m.save(path);
        }
        auto refused = createDetector(options);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.find("distance distributions") != std::string::npos,
                 refused.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestNanoDetHead)
#include "tst_nanodet_head.moc"
