// The YOLOX-nano TorchScript model through our LibTorch runner reproduces the golden files
// of ../shared/data/golden/yolox_nano: the raw output computed independently by OpenCV DNN
// on the ONNX file, and the decoded detections (bus 0.90, persons 0.86 / 0.81 / 0.70).
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "core/model_manifest.h"
#include "inference/detector.h"
#include "tests/support/test_support.h"

using namespace vigie;

namespace {

std::vector<char> readAll(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Minimal .npy reader for little-endian float32 C-order arrays.
std::vector<float> readNpyF32(const QString& path, std::vector<int>& shape) {
    const auto bytes = readAll(path);
    if (bytes.size() < 10 || std::string(bytes.data() + 1, 5) != "NUMPY") {
        return {};
    }
    const int major = bytes[6];
    std::size_t headerLen = 0;
    std::size_t offset = 0;
    if (major == 1) {
        headerLen = std::uint8_t(bytes[8]) | (std::size_t(std::uint8_t(bytes[9])) << 8);
        offset = 10;
    } else {
        headerLen = std::uint8_t(bytes[8]) | (std::size_t(std::uint8_t(bytes[9])) << 8) |
                    (std::size_t(std::uint8_t(bytes[10])) << 16) |
                    (std::size_t(std::uint8_t(bytes[11])) << 24);
        offset = 12;
    }
    const std::string header(bytes.data() + offset, headerLen);
    if (header.find("'<f4'") == std::string::npos ||
        header.find("'fortran_order': False") == std::string::npos) {
        return {};
    }
    const auto open = header.find('(', header.find("'shape'"));
    const auto close = header.find(')', open);
    std::stringstream dims(header.substr(open + 1, close - open - 1));
    std::string item;
    std::size_t count = 1;
    while (std::getline(dims, item, ',')) {
        if (item.find_first_not_of(' ') != std::string::npos) {
            shape.push_back(std::stoi(item));
            count *= std::size_t(shape.back());
        }
    }
    std::vector<float> values(count);
    std::memcpy(values.data(), bytes.data() + offset + headerLen, count * sizeof(float));
    return values;
}

}  // namespace

class TestDetectorGolden : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<inference::Detector> m_detector;
    core::ModelSpec m_spec;

private Q_SLOTS:
    void initTestCase() {
        VIGIE_REQUIRE_DATA("models/detector/yolox_nano_416.torchscript.pt");
        VIGIE_REQUIRE_DATA("golden/yolox_nano/yolox_nano_reference.json");
        auto manifest =
            core::loadModelManifest(vigie::test::sourcePath("models/manifest.json").toStdString());
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : manifest.error().message.c_str());
        const auto* spec = manifest->find("yolox_nano_416");
        QVERIFY(spec != nullptr);
        m_spec = *spec;
        auto path = core::verifyModelFile(vigie::test::dataPath("models").toStdString(), spec->file,
                                          spec->sha256);
        QVERIFY2(path.ok(), path.ok() ? "" : path.error().message.c_str());
        inference::DetectorOptions opts;
        opts.modelPath = *path;
        opts.spec = *spec;
        opts.device = "cpu";
        opts.decode.scoreThreshold = 0.3F;
        opts.decode.nmsIouThreshold = 0.45F;
        auto det = inference::createDetector(opts);
        QVERIFY2(det.ok(), det.ok() ? "" : det.error().message.c_str());
        m_detector = std::move(*det);
    }

    void rawOutputMatchesOpenCvDnn() {
        const auto raw =
            readAll(vigie::test::dataPath("golden/yolox_nano/bus_input_1x3x416x416_f32.raw"));
        QCOMPARE(raw.size(), std::size_t(3 * 416 * 416 * 4));
        std::vector<float> input(raw.size() / 4);
        std::memcpy(input.data(), raw.data(), raw.size());
        auto out = m_detector->forwardRaw(input, 1);
        QVERIFY2(out.ok(), out.ok() ? "" : out.error().message.c_str());
        std::vector<int> shape;
        const auto ref = readNpyF32(
            vigie::test::dataPath("golden/yolox_nano/bus_yolox_nano_opencvdnn_output.npy"), shape);
        QCOMPARE(shape, (std::vector<int>{1, 3549, 85}));
        QCOMPARE(out->size(), ref.size());
        double maxDiff = 0.0;
        double sum = 0.0;
        for (std::size_t i = 0; i < ref.size(); ++i) {
            maxDiff = std::max(maxDiff, double(std::abs((*out)[i] - ref[i])));
            sum += (*out)[i];
        }
        qInfo(
            "max |LibTorch - OpenCV DNN| = %.3g over %zu values, sum %.3f (reference "
            "16011.453)",
            maxDiff, ref.size(), sum);
        QVERIFY2(maxDiff < 1e-3, qPrintable(QString::number(maxDiff)));
        QVERIFY(std::abs(sum - 16011.453125) < 0.5);
    }

    void decodedDetectionsMatchReference() {
        const auto raw =
            readAll(vigie::test::dataPath("golden/yolox_nano/bus_input_1x3x416x416_f32.raw"));
        std::vector<float> input(raw.size() / 4);
        std::memcpy(input.data(), raw.data(), raw.size());
        auto out = m_detector->forwardRaw(input, 1);
        QVERIFY(out.ok());
        std::ifstream in(
            vigie::test::dataPath("golden/yolox_nano/yolox_nano_reference.json").toStdString());
        const auto ref = nlohmann::json::parse(in)["bus"];
        const double r = ref["scale_r"].get<double>();
        // The source picture was 810×1080 (416 / 1080 = scale_r).
        const int width = 810;
        const int height = 1080;
        QVERIFY(std::abs(416.0 / height - r) < 1e-9);
        inference::Letterbox lb = inference::computeLetterbox(width, height, 416, 416);
        inference::DecodeOptions opts;
        opts.scoreThreshold = 0.3F;
        opts.nmsIouThreshold = 0.45F;
        const auto dets = inference::decodeYolox(out->data(), 3549, 80, m_spec.strides, lb, opts);
        const auto& expected = ref["detections_conf0.3_nms0.45"];
        QCOMPARE(dets.size(), expected.size());
        for (std::size_t i = 0; i < dets.size(); ++i) {
            const auto& e = expected[i];
            const auto& d = dets[i];
            const std::string cls = m_spec.classes.at(std::size_t(d.classId));
            QCOMPARE(QString::fromStdString(cls), QString::fromStdString(e["class"]));
            QVERIFY2(std::abs(d.score - e["score"].get<double>()) < 0.005,
                     qPrintable(QString::number(d.score)));
            const double px[4] = {d.box.x0 * width, d.box.y0 * height, d.box.x1 * width,
                                  d.box.y1 * height};
            for (int k = 0; k < 4; ++k) {
                // The reference boxes are truncated to whole pixels.
                QVERIFY2(std::abs(px[k] - e["xyxy"][std::size_t(k)].get<double>()) <= 2.0,
                         qPrintable(QStringLiteral("%1 coordinate %2: %3 vs %4")
                                        .arg(QString::fromStdString(cls))
                                        .arg(k)
                                        .arg(px[k])
                                        .arg(e["xyxy"][std::size_t(k)].get<double>())));
            }
        }
    }

    void detectOnPictureFindsPeople() {
        // The letterboxed PNG itself as a 416×416 picture: the runner's own letterbox is then
        // the identity, so the same four objects must come back through detect().
        VIGIE_REQUIRE_DATA("golden/yolox_nano/bus_input_1x3x416x416_f32.raw");
        const auto raw =
            readAll(vigie::test::dataPath("golden/yolox_nano/bus_input_1x3x416x416_f32.raw"));
        const float* planar = reinterpret_cast<const float*>(raw.data());
        auto pixels = std::shared_ptr<std::uint8_t>(new std::uint8_t[416 * 416 * 3],
                                                    std::default_delete<std::uint8_t[]>());
        for (int y = 0; y < 416; ++y) {
            for (int x = 0; x < 416; ++x) {
                for (int c = 0; c < 3; ++c) {
                    pixels.get()[(y * 416 + x) * 3 + c] =
                        std::uint8_t(std::lround(planar[c * 416 * 416 + y * 416 + x]));
                }
            }
        }
        core::ImageFrame frame;
        frame.width = 416;
        frame.height = 416;
        frame.strideBytes = 416 * 3;
        frame.format = core::PixelFormat::Bgr24;
        frame.pixels = pixels;
        auto out = m_detector->detect({frame, frame});
        QVERIFY2(out.ok(), out.ok() ? "" : out.error().message.c_str());
        QCOMPARE(out->size(), std::size_t(2));
        for (const auto& dets : *out) {
            int persons = 0;
            int buses = 0;
            for (const auto& d : dets) {
                persons += m_spec.classes[std::size_t(d.classId)] == "person" ? 1 : 0;
                buses += m_spec.classes[std::size_t(d.classId)] == "bus" ? 1 : 0;
            }
            QCOMPARE(persons, 3);
            QCOMPARE(buses, 1);
        }
    }

    void wrongModelFileIsRefused() {
        auto path = core::verifyModelFile(vigie::test::dataPath("models").toStdString(),
                                          m_spec.file, std::string(64, '0'));
        QVERIFY(!path.ok());
        QVERIFY(
            QString::fromStdString(path.error().message).contains(QLatin1String("does not match")));
        auto missing = core::verifyModelFile(vigie::test::dataPath("models").toStdString(),
                                             "detector/absent.pt", m_spec.sha256);
        QVERIFY(!missing.ok());
        QVERIFY(
            QString::fromStdString(missing.error().message).contains(QLatin1String("not found")));
    }
};

QTEST_APPLESS_MAIN(TestDetectorGolden)
#include "tst_detector_golden.moc"
