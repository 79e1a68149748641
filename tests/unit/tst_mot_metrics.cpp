// MOT metrics: hand-computed synthetic cases, parity with py-motmetrics on the TUD
// sequences (reference values from ../shared/data/README.md and py-motmetrics'
// test_metrics.py::test_motchallenge_files), the MOTChallenge loader, and ByteTracker on
// MOT17-02's public detections.
#include <QtTest>

#include <QSettings>
#include <QTemporaryDir>

#include <cmath>

#include "inference/mot_metrics.h"
#include "inference/tracker.h"
#include "tests/support/test_support.h"

using namespace vigie;
using namespace vigie::inference;

namespace {

// A w×h box with its top-left corner at (x, y).
MotObject obj(std::int64_t id, double x, double y, double w = 10.0, double h = 20.0) {
    return {id, {x, y, x + w, y + h}};
}

// py-motmetrics' motchallenge_metrics row (MOTP as mean distance 1 − IoU).
struct Reference {
    double idf1 = 0.0;
    double idp = 0.0;
    double idr = 0.0;
    double recall = 0.0;
    double precision = 0.0;
    std::int64_t gt = 0;
    std::int64_t mt = 0;
    std::int64_t pt = 0;
    std::int64_t ml = 0;
    std::int64_t fp = 0;
    std::int64_t fn = 0;
    std::int64_t ids = 0;
    std::int64_t fm = 0;
    double mota = 0.0;
    double motp = 0.0;
};

// py-motmetrics' test_motchallenge_files, rows TUD-Campus, TUD-Stadtmitte, OVERALL.
const Reference kTudCampus{0.557659, 0.729730, 0.451253, 0.582173, 0.941441, 8,        1,       6,
                           1,        13,       150,      7,        7,        0.526462, 0.277201};
const Reference kTudStadtmitte{0.644619, 0.819760, 0.531142, 0.608997, 0.939920, 10,      5, 4, 1,
                               45,       452,      7,        6,        0.564014, 0.345904};
const Reference kTudOverall{0.624296, 0.799176, 0.512211, 0.602640, 0.940268, 18,       6,       10,
                            2,        58,       602,      14,       13,       0.555116, 0.330177};

// Values printed with 6 decimals agree to rounding.
constexpr double kPrinted = 1e-6;

QString describe(const MotSummary& s) {
    return QStringLiteral(
               "MOTA %1 IDF1 %2 IDP %3 IDR %4 Rcll %5 Prcn %6 GT %7 MT %8 PT %9 ML %10 FP %11 "
               "FN %12 IDs %13 FM %14 MOTP %15")
        .arg(s.mota, 0, 'f', 6)
        .arg(s.idf1, 0, 'f', 6)
        .arg(s.idp, 0, 'f', 6)
        .arg(s.idr, 0, 'f', 6)
        .arg(s.recall, 0, 'f', 6)
        .arg(s.precision, 0, 'f', 6)
        .arg(s.numUniqueObjects)
        .arg(s.mostlyTracked)
        .arg(s.partiallyTracked)
        .arg(s.mostlyLost)
        .arg(s.numFalsePositives)
        .arg(s.numMisses)
        .arg(s.numSwitches)
        .arg(s.numFragmentations)
        .arg(s.motp, 0, 'f', 6);
}

void expectClose(double actual, double expected, const char* what) {
    QVERIFY2(std::abs(actual - expected) <= kPrinted,
             qPrintable(QStringLiteral("%1: %2, expected %3")
                            .arg(QLatin1String(what))
                            .arg(actual, 0, 'f', 9)
                            .arg(expected, 0, 'f', 6)));
}

void expectReference(const MotSummary& s, const Reference& r) {
    expectClose(s.mota, r.mota, "MOTA");
    expectClose(s.idf1, r.idf1, "IDF1");
    expectClose(s.idp, r.idp, "IDP");
    expectClose(s.idr, r.idr, "IDR");
    expectClose(s.recall, r.recall, "recall");
    expectClose(s.precision, r.precision, "precision");
    expectClose(s.motp, r.motp, "MOTP");
    QCOMPARE(s.numFalsePositives, r.fp);
    QCOMPARE(s.numMisses, r.fn);
    QCOMPARE(s.numSwitches, r.ids);
    QCOMPARE(s.numUniqueObjects, r.gt);
    QCOMPARE(s.mostlyTracked, r.mt);
    QCOMPARE(s.partiallyTracked, r.pt);
    QCOMPARE(s.mostlyLost, r.ml);
    QCOMPARE(s.numFragmentations, r.fm);
}

core::Result<MotSummary> evaluateTud(const QString& sequence) {
    const QString dir = QStringLiteral("mot/TUD/") + sequence;
    auto gt = loadMotChallenge(test::dataPath(dir + "/gt.txt").toStdString());
    if (!gt) {
        return gt.error();
    }
    auto ts = loadMotChallenge(test::dataPath(dir + "/test.txt").toStdString());
    if (!ts) {
        return ts.error();
    }
    return compareToGroundTruth(toFrames(*gt), toFrames(*ts), 0.5).summarize();
}

}  // namespace

Q_DECLARE_METATYPE(Reference)

class TestMotMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- synthetic cases, computed by hand ------------------------------------------------
    void perfectTracker() {
        MotAccumulator acc;
        for (int f = 1; f <= 3; ++f) {
            acc.update(f, {obj(1, 10.0 * f, 0), obj(2, 100, 5.0 * f)},
                       {obj(8, 100, 5.0 * f), obj(7, 10.0 * f, 0)});
        }
        const MotSummary s = acc.summarize();
        QCOMPARE(s.numFrames, std::int64_t(3));
        QCOMPARE(s.numObjects, std::int64_t(6));
        QCOMPARE(s.numMatches, std::int64_t(6));
        QCOMPARE(s.numFalsePositives, std::int64_t(0));
        QCOMPARE(s.numMisses, std::int64_t(0));
        QCOMPARE(s.numSwitches, std::int64_t(0));
        QCOMPARE(s.mota, 1.0);
        QCOMPARE(s.motp, 0.0);
        QCOMPARE(s.idf1, 1.0);
        QCOMPARE(s.recall, 1.0);
        QCOMPARE(s.precision, 1.0);
        QCOMPARE(s.mostlyTracked, std::int64_t(2));
        QCOMPARE(s.numFragmentations, std::int64_t(0));
    }

    void oneIdSwitch() {
        // One person over 4 frames, followed by hypothesis 10 then by hypothesis 11.
        MotAccumulator acc;
        for (int f = 1; f <= 4; ++f) {
            acc.update(f, {obj(1, 10.0 * f, 0)}, {obj(f <= 2 ? 10 : 11, 10.0 * f, 0)});
        }
        const MotSummary s = acc.summarize();
        QCOMPARE(s.numSwitches, std::int64_t(1));
        QCOMPARE(s.numMatches, std::int64_t(3));
        QCOMPARE(s.numAscend, std::int64_t(1));  // 11 had never been matched before
        QCOMPARE(s.numTransfer, std::int64_t(0));
        QCOMPARE(s.mota, 0.75);  // 1 − 1/4
        QCOMPARE(s.recall, 1.0);
        // The best id pairing keeps 2 of the 4 frames: IDTP 2, IDFN 2, IDFP 2.
        QCOMPARE(s.idTruePositives, std::int64_t(2));
        QCOMPARE(s.idf1, 0.5);
        QCOMPARE(s.idp, 0.5);
        QCOMPARE(s.idr, 0.5);
    }

    void oneFalsePositive() {
        MotAccumulator acc;
        acc.update(1, {obj(1, 0, 0), obj(2, 50, 0)}, {obj(1, 0, 0), obj(2, 50, 0)});
        acc.update(2, {obj(1, 0, 0), obj(2, 50, 0)},
                   {obj(1, 0, 0), obj(2, 50, 0), obj(99, 200, 200)});
        const MotSummary s = acc.summarize();
        QCOMPARE(s.numFalsePositives, std::int64_t(1));
        QCOMPARE(s.numMisses, std::int64_t(0));
        QCOMPARE(s.numPredictions, std::int64_t(5));
        QCOMPARE(s.mota, 0.75);
        QCOMPARE(s.precision, 0.8);
        QCOMPARE(s.recall, 1.0);
        QCOMPARE(s.idf1, 8.0 / 9.0);  // 2·4 / (4 + 5)
        QCOMPARE(s.idp, 0.8);
        QCOMPARE(s.idr, 1.0);
    }

    void oneMiss() {
        // Hypothesis missing in frame 3 of 5: one FN and one fragmentation.
        MotAccumulator acc;
        for (int f = 1; f <= 5; ++f) {
            acc.update(f, {obj(1, 10.0 * f, 0)},
                       f == 3 ? std::vector<MotObject>{} : std::vector{obj(5, 10.0 * f, 0)});
        }
        const MotSummary s = acc.summarize();
        QCOMPARE(s.numMisses, std::int64_t(1));
        QCOMPARE(s.numFalsePositives, std::int64_t(0));
        QCOMPARE(s.numSwitches, std::int64_t(0));
        QCOMPARE(s.numFragmentations, std::int64_t(1));
        QCOMPARE(s.mota, 0.8);
        QCOMPARE(s.recall, 0.8);
        QCOMPARE(s.precision, 1.0);
        QCOMPARE(s.idf1, 8.0 / 9.0);
        QCOMPARE(s.mostlyTracked, std::int64_t(1));  // 4/5 = 0.8 counts as mostly tracked
    }

    void iouThresholdIsInclusive() {
        MotAccumulator acc;
        // IoU exactly 0.5: allowed (py-motmetrics drops distances > 0.5 only).
        acc.update(1, {{1, {0, 0, 2, 1}}}, {{1, {0, 0, 1, 1}}});
        // IoU 0.495: a miss and a false positive.
        acc.update(2, {{1, {0, 0, 2, 1}}}, {{1, {0, 0, 0.99, 1}}});
        const MotSummary s = acc.summarize();
        QCOMPARE(s.numMatches, std::int64_t(1));
        QCOMPARE(s.numMisses, std::int64_t(1));
        QCOMPARE(s.numFalsePositives, std::int64_t(1));
        QCOMPARE(s.motp, 0.5);
    }

    void keepsPreviousCorrespondence() {
        // Frame 2 has a perfect box from hypothesis 2, but hypothesis 1 still overlaps
        // enough (IoU 2/3): the established pair is kept and hypothesis 2 is a FP.
        MotAccumulator acc;
        acc.update(1, {obj(1, 0, 0, 10, 10)}, {obj(1, 0, 0, 10, 10)});
        acc.update(2, {obj(1, 0, 0, 10, 10)}, {obj(2, 0, 0, 10, 10), obj(1, 2, 0, 10, 10)});
        // Frame 3: hypothesis 1 drifts away (IoU 1/3): now 2 takes over, a switch.
        acc.update(3, {obj(1, 0, 0, 10, 10)}, {obj(2, 0, 0, 10, 10), obj(1, 5, 0, 10, 10)});
        const MotSummary s = acc.summarize();
        QCOMPARE(s.numMatches, std::int64_t(2));
        QCOMPARE(s.numSwitches, std::int64_t(1));
        QCOMPARE(s.numFalsePositives, std::int64_t(2));
        QCOMPARE(s.numAscend, std::int64_t(1));
        QVERIFY(std::abs(s.motp - (1.0 / 3.0) / 3.0) < 1e-12);
    }

    void framesOnOneSideOnly() {
        MotFrames gt{{1, {obj(1, 0, 0)}}, {2, {obj(1, 0, 0)}}};
        MotFrames hyp{{1, {obj(3, 0, 0)}}, {3, {obj(3, 0, 0)}}};
        const MotSummary s = compareToGroundTruth(gt, hyp).summarize();
        QCOMPARE(s.numFrames, std::int64_t(3));
        QCOMPARE(s.numMatches, std::int64_t(1));
        QCOMPARE(s.numMisses, std::int64_t(1));
        QCOMPARE(s.numFalsePositives, std::int64_t(1));
        const MotSummary empty = MotAccumulator().summarize();
        QCOMPARE(empty.numObjects, std::int64_t(0));
        QVERIFY(std::isnan(empty.mota));
    }

    void combineAddsCountsAndRecomputesRatios() {
        MotAccumulator a;
        a.update(1, {obj(1, 0, 0)}, {obj(1, 0, 0)});
        MotAccumulator b;
        b.update(1, {obj(1, 0, 0), obj(2, 50, 0)}, {obj(1, 0, 0)});
        const MotSummary all = combine({a.summarize(), b.summarize()});
        QCOMPARE(all.numObjects, std::int64_t(3));
        QCOMPARE(all.numMisses, std::int64_t(1));
        QCOMPARE(all.numUniqueObjects, std::int64_t(3));
        QCOMPARE(all.mota, 1.0 - 1.0 / 3.0);
        QCOMPARE(all.idf1, 2.0 * 2.0 / 5.0);
    }

    // --- loader ------------------------------------------------------------------------------
    void loaderMirrorsLoadtxt() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("gt.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "1,1,11,21,10,20,1,-1,-1,-1\n"
            "1,2,31,21,10,20,0,7,0.5\n"
            "\n"
            "2, 1, 12.5, 21, 10, 20, 1\n"
            "3 1 13 21 10 20 1 1 1\n");
        file.close();

        const auto all = loadMotChallenge(path.toStdString());
        QVERIFY2(all.ok(), all.ok() ? "" : all.error().message.c_str());
        QCOMPARE(all->size(), std::size_t(4));
        const MotRecord& r = (*all)[0];
        QCOMPARE(r.frame, std::int64_t(1));
        QCOMPARE(r.id, std::int64_t(1));
        QCOMPARE(r.box, (core::BoxF{10, 20, 20, 40}));  // MATLAB 1-based → 0-based
        QCOMPARE((*all)[1].classId, 7.0);
        QCOMPARE((*all)[1].visibility, 0.5);
        QVERIFY(std::isnan((*all)[2].classId));
        QCOMPARE((*all)[2].box.x0, 11.5);
        QCOMPARE((*all)[3].frame, std::int64_t(3));

        // conf 0 rows ("not considered" in MOT16/17 ground truth) go with min confidence 1.
        const auto considered = loadMotChallenge(path.toStdString(), 1.0);
        QVERIFY(considered.ok());
        QCOMPARE(considered->size(), std::size_t(3));

        const MotFrames frames = toFrames(*all);
        QCOMPARE(frames.size(), std::size_t(3));
        QCOMPARE(frames.at(1).size(), std::size_t(2));
        QCOMPARE(frames.at(1)[1].id, std::int64_t(2));
    }

    void loaderReportsErrors() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("1,1,10,20,10,20,1\n1,2,10,20\n");
        file.close();
        const auto bad = loadMotChallenge(path.toStdString());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.find("bad.txt:2:") != std::string::npos,
                 bad.error().message.c_str());
        const auto missing =
            loadMotChallenge(dir.filePath(QStringLiteral("none.txt")).toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("cannot open") != std::string::npos);
    }

    // --- parity with py-motmetrics ------------------------------------------------------
    void tudSequences_data() {
        QTest::addColumn<QString>("sequence");
        QTest::addColumn<Reference>("reference");
        QTest::newRow("TUD-Campus") << QStringLiteral("TUD-Campus") << kTudCampus;
        QTest::newRow("TUD-Stadtmitte") << QStringLiteral("TUD-Stadtmitte") << kTudStadtmitte;
    }

    void tudSequences() {
        QFETCH(QString, sequence);
        QFETCH(Reference, reference);
        VIGIE_REQUIRE_DATA("mot/TUD/TUD-Campus/gt.txt");
        VIGIE_REQUIRE_DATA("mot/TUD/TUD-Stadtmitte/test.txt");
        const auto s = evaluateTud(sequence);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        qInfo().noquote() << sequence << describe(*s);
        expectReference(*s, reference);
    }

    void tudOverall() {
        VIGIE_REQUIRE_DATA("mot/TUD/TUD-Campus/gt.txt");
        VIGIE_REQUIRE_DATA("mot/TUD/TUD-Stadtmitte/test.txt");
        const auto campus = evaluateTud(QStringLiteral("TUD-Campus"));
        const auto stadtmitte = evaluateTud(QStringLiteral("TUD-Stadtmitte"));
        QVERIFY(campus.ok() && stadtmitte.ok());
        const MotSummary all = combine({*campus, *stadtmitte});
        qInfo().noquote() << "OVERALL" << describe(all);
        expectReference(all, kTudOverall);
    }

    // --- ByteTracker on real detections ------------------------------------------------
    void byteTrackerOnMot17PublicDetections() {
        VIGIE_REQUIRE_DATA("mot/MOT17-02/det/det.txt");
        VIGIE_REQUIRE_DATA("mot/MOT17-02/gt/gt.txt");
        VIGIE_REQUIRE_DATA("mot/MOT17-02/seqinfo.ini");
        QSettings info(test::dataPath(QStringLiteral("mot/MOT17-02/seqinfo.ini")),
                       QSettings::IniFormat);
        const int width = info.value(QStringLiteral("Sequence/imWidth")).toInt();
        const int height = info.value(QStringLiteral("Sequence/imHeight")).toInt();
        const double fps = info.value(QStringLiteral("Sequence/frameRate")).toDouble();
        QCOMPARE(width, 1920);
        QCOMPARE(height, 1080);
        QVERIFY(fps > 0.0);

        const auto dets =
            loadMotChallenge(test::dataPath("mot/MOT17-02/det/det.txt").toStdString());
        // conf 0 rows of MOT17 ground truth are not to be evaluated (eval_motchallenge.py).
        const auto gt =
            loadMotChallenge(test::dataPath("mot/MOT17-02/gt/gt.txt").toStdString(), 1.0);
        QVERIFY(dets.ok() && gt.ok());
        const MotFrames gtFrames = toFrames(*gt);
        QVERIFY(!gtFrames.empty());

        // Only the frames with ground truth are on disk (4 of the 600 of seqinfo.ini).
        ByteTracker tracker;
        MotFrames hypFrames;
        for (const auto& [frame, boxes] : gtFrames) {
            std::vector<core::Detection> detections;
            for (const MotRecord& r : *dets) {
                if (r.frame == frame) {
                    detections.push_back(
                        {{r.box.x0 / width, r.box.y0 / height, r.box.x1 / width, r.box.y1 / height},
                         0,
                         static_cast<float>(r.confidence)});
                }
            }
            const auto ptsUs = static_cast<std::int64_t>(std::llround((frame - 1) / fps * 1e6));
            for (const core::TrackedObject& t : tracker.update(detections, ptsUs, width, height)) {
                hypFrames[frame].push_back(
                    {t.id,
                     {t.box.x0 * width, t.box.y0 * height, t.box.x1 * width, t.box.y1 * height}});
            }
        }
        const MotSummary s = compareToGroundTruth(gtFrames, hypFrames, 0.5).summarize();
        qInfo().noquote() << "MOT17-02 (frames" << gtFrames.begin()->first << "to"
                          << gtFrames.rbegin()->first
                          << ", public FRCNN detections):" << describe(s);
        for (const double v : {s.mota, s.idf1, s.recall, s.precision}) {
            QVERIFY(std::isfinite(v));
            QVERIFY(v >= 0.0 && v <= 1.0);
        }
        QVERIFY(s.recall > 0.0);
    }
};

QTEST_GUILESS_MAIN(TestMotMetrics)
#include "tst_mot_metrics.moc"
