// The detector runner beyond the golden files, on real pictures:
//  - its own post-processing (decode, top-K, NMS in LibTorch) agrees with the reference
//    decoder on the golden raw output;
//  - a batch of pictures from several cameras returns each picture its own detections,
//    identical to detecting it alone;
//  - tiling finds small, distant people of MOT17-02 that the untiled pass misses;
//  - detection recall / precision and tracking (MOTA, IDF1) on MOT17-02, printed for
//    docs/performance.md.
#include <QImage>
#include <QtTest>

#include <cmath>
#include <fstream>

#include "core/model_manifest.h"
#include "inference/detector.h"
#include "inference/mot_metrics.h"
#include "inference/tracker.h"
#include "tests/support/test_support.h"

using namespace vigie;
using namespace vigie::inference;

namespace {

constexpr double kMatchIou = 0.5;

core::ImageFrame loadBgr(const QString& path) {
    QImage image(path);
    if (image.isNull()) {
        return {};
    }
    image = image.convertToFormat(QImage::Format_RGB888);
    const int w = image.width();
    const int h = image.height();
    auto pixels = std::shared_ptr<std::uint8_t>(new std::uint8_t[std::size_t(w) * h * 3],
                                                std::default_delete<std::uint8_t[]>());
    for (int y = 0; y < h; ++y) {
        const uchar* src = image.constScanLine(y);
        std::uint8_t* dst = pixels.get() + std::size_t(y) * w * 3;
        for (int x = 0; x < w; ++x) {
            dst[3 * x + 0] = src[3 * x + 2];
            dst[3 * x + 1] = src[3 * x + 1];
            dst[3 * x + 2] = src[3 * x + 0];
        }
    }
    core::ImageFrame frame;
    frame.width = w;
    frame.height = h;
    frame.strideBytes = w * 3;
    frame.format = core::PixelFormat::Bgr24;
    frame.pixels = std::move(pixels);
    return frame;
}

core::ImageFrame grey(int w, int h) {
    auto pixels = std::shared_ptr<std::uint8_t>(new std::uint8_t[std::size_t(w) * h * 3],
                                                std::default_delete<std::uint8_t[]>());
    std::fill_n(pixels.get(), std::size_t(w) * h * 3, std::uint8_t(114));
    core::ImageFrame frame;
    frame.width = w;
    frame.height = h;
    frame.strideBytes = w * 3;
    frame.format = core::PixelFormat::Bgr24;
    frame.pixels = std::move(pixels);
    return frame;
}

// Greedy matching by IoU, best pairs first: which ground-truth boxes are found.
std::vector<bool> matched(const std::vector<core::BoxF>& truth,
                          const std::vector<core::BoxF>& found) {
    struct Pair {
        double iou;
        std::size_t t;
        std::size_t f;
    };
    std::vector<Pair> pairs;
    for (std::size_t t = 0; t < truth.size(); ++t) {
        for (std::size_t f = 0; f < found.size(); ++f) {
            const double v = core::iou(truth[t], found[f]);
            if (v >= kMatchIou) {
                pairs.push_back({v, t, f});
            }
        }
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair& a, const Pair& b) { return a.iou > b.iou; });
    std::vector<bool> truthUsed(truth.size(), false);
    std::vector<bool> foundUsed(found.size(), false);
    for (const auto& p : pairs) {
        if (!truthUsed[p.t] && !foundUsed[p.f]) {
            truthUsed[p.t] = true;
            foundUsed[p.f] = true;
        }
    }
    return truthUsed;
}

struct Mot17 {
    std::map<std::int64_t, core::ImageFrame> frames;
    MotFrames truth;  // pixels
};

}  // namespace

class TestDetectorRunner : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Detector> m_detector;
    core::ModelSpec m_spec;
    int m_person = -1;
    Mot17 m_mot;
    std::map<std::int64_t, std::vector<core::Detection>> m_tiled;  // MOT17 frame → detections

    std::vector<core::BoxF> people(const std::vector<core::Detection>& dets, int w, int h) const {
        std::vector<core::BoxF> out;
        for (const auto& d : dets) {
            if (d.classId == m_person) {
                out.push_back({d.box.x0 * w, d.box.y0 * h, d.box.x1 * w, d.box.y1 * h});
            }
        }
        return out;
    }

    bool loadMot17() {
        if (!m_mot.frames.empty()) {
            return true;
        }
        auto gt = loadMotChallenge(test::dataPath("mot/MOT17-02/gt/gt.txt").toStdString(), 1.0);
        if (!gt.ok()) {
            return false;
        }
        m_mot.truth = toFrames(*gt);
        for (const auto& [frame, boxes] : m_mot.truth) {
            const QString path = test::dataPath(
                QStringLiteral("mot/MOT17-02/img1/%1.jpg").arg(frame, 6, 10, QLatin1Char('0')));
            auto image = loadBgr(path);
            if (image.empty()) {
                return false;
            }
            m_mot.frames[frame] = std::move(image);
        }
        return !m_mot.frames.empty();
    }

private Q_SLOTS:
    void initTestCase() {
        VIGIE_REQUIRE_DATA("models/detector/yolox_nano_416.torchscript.pt");
        auto manifest =
            core::loadModelManifest(test::sourcePath("models/manifest.json").toStdString());
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : manifest.error().message.c_str());
        const auto* spec = manifest->find("yolox_nano_416");
        QVERIFY(spec != nullptr);
        m_spec = *spec;
        for (std::size_t i = 0; i < m_spec.classes.size(); ++i) {
            if (m_spec.classes[i] == "person") {
                m_person = int(i);
            }
        }
        QVERIFY(m_person >= 0);
        auto path =
            core::verifyModelFile(test::dataPath("models").toStdString(), spec->file, spec->sha256);
        QVERIFY2(path.ok(), path.ok() ? "" : path.error().message.c_str());
        DetectorOptions opts;
        opts.modelPath = *path;
        opts.spec = *spec;
        opts.device = "cpu";
        opts.decode.scoreThreshold = 0.3F;
        opts.decode.nmsIouThreshold = 0.45F;
        auto det = createDetector(opts);
        QVERIFY2(det.ok(), det.ok() ? "" : det.error().message.c_str());
        m_detector = std::move(*det);
    }

    // The runner's LibTorch post-processing against the reference C++ decoder, on the
    // golden raw output: same objects, same scores, same boxes.
    void postprocessMatchesReferenceDecoder() {
        VIGIE_REQUIRE_DATA("golden/yolox_nano/bus_input_1x3x416x416_f32.raw");
        std::ifstream in(
            test::dataPath("golden/yolox_nano/bus_input_1x3x416x416_f32.raw").toStdString(),
            std::ios::binary);
        std::vector<char> raw{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        QCOMPARE(raw.size(), std::size_t(3 * 416 * 416 * 4));
        std::vector<float> input(raw.size() / 4);
        std::memcpy(input.data(), raw.data(), raw.size());
        auto out = m_detector->forwardRaw(input, 1);
        QVERIFY2(out.ok(), out.ok() ? "" : out.error().message.c_str());
        // The picture was 810×1080; also an odd-sized and a wide letterbox.
        for (const auto& [w, h] : std::vector<std::pair<int, int>>{{810, 1080}, {1920, 1080}}) {
            const Letterbox lb = computeLetterbox(w, h, 416, 416);
            DecodeOptions opts;
            opts.scoreThreshold = 0.3F;
            opts.nmsIouThreshold = 0.45F;
            const int anchors = int(out->size() / std::size_t(5 + m_spec.classes.size()));
            auto reference = decodeYolox(out->data(), anchors, int(m_spec.classes.size()),
                                         m_spec.strides, lb, opts);
            auto device = m_detector->postprocessRaw(*out, lb);
            QVERIFY2(device.ok(), device.ok() ? "" : device.error().message.c_str());
            auto byScore = [](const core::Detection& a, const core::Detection& b) {
                return a.score > b.score;
            };
            std::sort(reference.begin(), reference.end(), byScore);
            std::sort(device->begin(), device->end(), byScore);
            QCOMPARE(device->size(), reference.size());
            QVERIFY(!reference.empty());
            for (std::size_t i = 0; i < reference.size(); ++i) {
                QCOMPARE((*device)[i].classId, reference[i].classId);
                QVERIFY(std::abs((*device)[i].score - reference[i].score) < 1e-4F);
                QVERIFY2(core::iou((*device)[i].box, reference[i].box) > 0.999,
                         qPrintable(QStringLiteral("box %1 differs").arg(i)));
            }
        }
    }

    // Pictures of different cameras in one call: each gets its own detections, exactly those
    // of a call with that picture alone (no mixing, no order change).
    void batchReturnsEachCameraItsOwnResults() {
        VIGIE_REQUIRE_DATA("mot/MOT17-02/gt/gt.txt");
        VIGIE_REQUIRE_DATA("golden/yolox_nano/bus_letterbox416.png");
        QVERIFY(loadMot17());
        const auto bus = loadBgr(test::dataPath("golden/yolox_nano/bus_letterbox416.png"));
        QVERIFY(!bus.empty());
        const auto empty = grey(704, 576);
        const auto street = m_mot.frames.begin()->second;
        const std::vector<core::ImageFrame> batch{bus, empty, street, bus, street};
        auto together = m_detector->detect(batch);
        QVERIFY2(together.ok(), together.ok() ? "" : together.error().message.c_str());
        QCOMPARE(together->size(), batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            auto alone = m_detector->detect({batch[i]});
            QVERIFY(alone.ok());
            const auto& a = (*alone)[0];
            const auto& b = (*together)[i];
            QCOMPARE(b.size(), a.size());
            for (std::size_t k = 0; k < a.size(); ++k) {
                QCOMPARE(b[k].classId, a[k].classId);
                QVERIFY(std::abs(b[k].score - a[k].score) < 1e-3F);
                QVERIFY(core::iou(b[k].box, a[k].box) > 0.99);
            }
        }
        QVERIFY((*together)[1].empty());                         // grey picture: nothing
        QVERIFY((*together)[2].size() > (*together)[0].size());  // the street is busier
        // Tiling requests are per picture: a grid for the street only.
        TileGrid grid{2, 2, 0.2, true};
        auto mixed = m_detector->detect({bus, street}, {TileGrid{}, grid});
        QVERIFY(mixed.ok());
        QCOMPARE((*mixed)[0].size(), (*together)[0].size());
        auto wrong = m_detector->detect({bus, street}, {grid});
        QVERIFY(!wrong.ok());
    }

    // MOT17-02 at 1920×1080: YOLOX-nano at 416 sees a person 100 px tall as 22 px. A 2×2 grid
    // with overlap looks at each quarter at twice the scale: people the whole-picture pass
    // misses are found, and recall rises, without losing precision.
    void tilingRecoversSmallPeople() {
        VIGIE_REQUIRE_DATA("mot/MOT17-02/gt/gt.txt");
        VIGIE_REQUIRE_DATA("mot/MOT17-02/img1/000001.jpg");
        QVERIFY(loadMot17());
        const TileGrid grid{2, 2, 0.2, true};
        const auto rects = tileRects(1920, 1080, grid);
        QCOMPARE(rects.size(), std::size_t(5));  // four tiles and the whole picture
        int truthTotal = 0;
        int foundPlain = 0;
        int foundTiled = 0;
        int recoveredSmall = 0;
        int lostByTiling = 0;
        int hypPlain = 0;
        int hypTiled = 0;
        for (const auto& [frame, image] : m_mot.frames) {
            std::vector<core::BoxF> truth;
            for (const auto& o : m_mot.truth.at(frame)) {
                truth.push_back(o.box);
            }
            auto plain = m_detector->detect({image});
            auto tiled = m_detector->detect({image}, {grid});
            QVERIFY(plain.ok() && tiled.ok());
            m_tiled[frame] = (*tiled)[0];
            const auto p = people((*plain)[0], image.width, image.height);
            const auto t = people((*tiled)[0], image.width, image.height);
            const auto mp = matched(truth, p);
            const auto mt = matched(truth, t);
            truthTotal += int(truth.size());
            hypPlain += int(p.size());
            hypTiled += int(t.size());
            for (std::size_t i = 0; i < truth.size(); ++i) {
                foundPlain += mp[i] ? 1 : 0;
                foundTiled += mt[i] ? 1 : 0;
                if (mt[i] && !mp[i] && truth[i].y1 - truth[i].y0 < 120) {
                    ++recoveredSmall;
                }
                lostByTiling += (mp[i] && !mt[i]) ? 1 : 0;
            }
        }
        qInfo(
            "MOT17-02, %zu frames, %d people: untiled recall %.3f precision %.3f; 2x2 tiles + "
            "full recall %.3f precision %.3f; %d people under 120 px found only with tiles, "
            "%d lost",
            m_mot.frames.size(), truthTotal, double(foundPlain) / truthTotal,
            hypPlain ? double(foundPlain) / hypPlain : 0.0, double(foundTiled) / truthTotal,
            hypTiled ? double(foundTiled) / hypTiled : 0.0, recoveredSmall, lostByTiling);
        QVERIFY2(recoveredSmall > 0, "tiling found no small person the whole picture missed");
        QVERIFY(foundTiled > foundPlain);
        QVERIFY(lostByTiling <= recoveredSmall / 4);
    }

    // The tracker on the detector's own output (tiled), scored with the MOT metrics.
    void trackingOnMot17() {
        VIGIE_REQUIRE_DATA("mot/MOT17-02/gt/gt.txt");
        QVERIFY(loadMot17());
        if (m_tiled.size() != m_mot.frames.size()) {
            QSKIP("needs the detections of tilingRecoversSmallPeople");
        }
        ByteTracker tracker;
        MotFrames hyp;
        for (const auto& [frame, image] : m_mot.frames) {
            std::vector<core::Detection> persons;
            for (const auto& d : m_tiled[frame]) {
                if (d.classId == m_person) {
                    persons.push_back(d);
                }
            }
            const auto ptsUs = std::int64_t(std::llround((frame - 1) / 30.0 * 1e6));
            for (const auto& t : tracker.update(persons, ptsUs, image.width, image.height)) {
                hyp[frame].push_back({t.id,
                                      {t.box.x0 * image.width, t.box.y0 * image.height,
                                       t.box.x1 * image.width, t.box.y1 * image.height}});
            }
        }
        const auto s = compareToGroundTruth(m_mot.truth, hyp, 0.5).summarize();
        qInfo(
            "MOT17-02 tracking on YOLOX-nano 2x2 tiles: MOTA %.3f IDF1 %.3f recall %.3f "
            "precision %.3f ID switches %lld",
            s.mota, s.idf1, s.recall, s.precision, static_cast<long long>(s.numSwitches));
        // MOT17's ground truth leaves out people it does not evaluate (static, reflections,
        // partly hidden): found, they count here as false positives, so precision is low.
        QVERIFY(s.recall > 0.15);
        QVERIFY(s.precision > 0.3);
        QVERIFY(s.numSwitches <= 2);
    }
};

QTEST_GUILESS_MAIN(TestDetectorRunner)
#include "tst_detector_runner.moc"
