// Linear assignment, the Kalman filter and ByteTracker: ids through crossings and gaps,
// low-score detections, classes, velocities at different analysis rates.
#include <QtTest>

#include <cmath>
#include <limits>

#include "inference/kalman_filter.h"
#include "inference/linear_assignment.h"
#include "inference/tracker.h"

using namespace vigie;
using namespace vigie::inference;

Q_DECLARE_METATYPE(vigie::inference::CostMatrix)

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kUsPerS = 1'000'000;
constexpr int kWidth = 1920;
constexpr int kHeight = 1080;

CostMatrix matrix(std::size_t rows, std::size_t cols, std::initializer_list<double> values) {
    CostMatrix m(rows, cols);
    auto it = values.begin();
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < cols; ++c) {
            m(r, c) = *it++;
        }
    }
    return m;
}

using Matches = std::vector<std::pair<std::size_t, std::size_t>>;
using Indices = std::vector<std::size_t>;

// A detection centred on (cx, cy) in normalised coordinates.
core::Detection det(double cx, double cy, double w, double h, float score = 0.9F, int cls = 0) {
    return {{cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0}, cls, score};
}

const core::TrackedObject* findById(const std::vector<core::TrackedObject>& tracks,
                                    core::TrackId id) {
    for (const core::TrackedObject& t : tracks) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

// The track whose box centre is nearest to (cx, cy), or nullptr if none.
const core::TrackedObject* nearest(const std::vector<core::TrackedObject>& tracks, double cx,
                                   double cy) {
    const core::TrackedObject* best = nullptr;
    double bestD = kInf;
    for (const core::TrackedObject& t : tracks) {
        const double d = core::distance(t.box.centre(), {cx, cy});
        if (d < bestD) {
            bestD = d;
            best = &t;
        }
    }
    return best;
}

// Runs a box moving at (vx, vy) normalised units per second for durationS at `fps` and
// returns the last output (one track expected).
core::TrackedObject runMovingBox(double fps, double vx, double vy, double durationS) {
    ByteTracker tracker;
    const auto frames = static_cast<int>(std::lround(durationS * fps));
    // Centred on the middle of the run, so that the box stays inside the image.
    const double x0 = 0.5 - vx * durationS / 2.0;
    const double y0 = 0.5 - vy * durationS / 2.0;
    std::vector<core::TrackedObject> out;
    for (int i = 0; i < frames; ++i) {
        const double t = i / fps;
        out = tracker.update({det(x0 + vx * t, y0 + vy * t, 0.05, 0.2)},
                             static_cast<std::int64_t>(std::llround(t * kUsPerS)), kWidth, kHeight);
    }
    return out.size() == 1 ? out[0] : core::TrackedObject{};
}

}  // namespace

class TestTracker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- linear assignment ------------------------------------------------------------
    void minCostSquare() {
        // Greedy would take (1,1)=0 first; the optimum is 1 + 2 + 2 = 5.
        const CostMatrix m = matrix(3, 3, {4, 1, 3, 2, 0, 5, 3, 2, 2});
        QCOMPARE(solveMinCostAssignment(m), (std::vector<int>{1, 0, 2}));
    }

    void minCostRectangular() {
        const CostMatrix wide = matrix(2, 3, {5, 1, 9, 1, 8, 9});
        QCOMPARE(solveMinCostAssignment(wide), (std::vector<int>{1, 0}));
        const CostMatrix tall = matrix(3, 2, {5, 1, 1, 8, 9, 9});
        QCOMPARE(solveMinCostAssignment(tall), (std::vector<int>{1, 0, -1}));
    }

    void thresholdedAssignment_data() {
        QTest::addColumn<CostMatrix>("cost");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<Matches>("matches");
        QTest::addColumn<Indices>("rows");
        QTest::addColumn<Indices>("cols");
        QTest::newRow("all under") << matrix(2, 2, {0.1, 0.9, 0.9, 0.2}) << 0.8
                                   << Matches{{0, 0}, {1, 1}} << Indices{} << Indices{};
        QTest::newRow("one above") << matrix(2, 2, {0.1, 0.9, 0.9, 0.85}) << 0.8 << Matches{{0, 0}}
                                   << Indices{1} << Indices{1};
        // The full optimum pairs (0,1) and (1,0) at 0.7 each, both under the threshold, but
        // leaving row 1 and column 1 unmatched (0.8) beats it: 0.1 + 0.8 < 1.4. This is
        // lap.lapjv(extend_cost=True, cost_limit=0.8), not "solve, then drop".
        QTest::newRow("lapjv semantics") << matrix(2, 2, {0.1, 0.7, 0.7, 5.0}) << 0.8
                                         << Matches{{0, 0}} << Indices{1} << Indices{1};
        QTest::newRow("wide") << matrix(2, 3, {0.9, 0.3, 0.2, 0.4, 0.9, 0.1}) << 0.5
                              << Matches{{0, 1}, {1, 2}} << Indices{} << Indices{0};
        QTest::newRow("tall") << matrix(3, 2, {0.9, 0.3, 0.2, 0.9, 0.1, 0.9}) << 0.5
                              << Matches{{0, 1}, {2, 0}} << Indices{1} << Indices{};
        QTest::newRow("forbidden") << matrix(2, 2, {kInf, 0.1, 0.2, kNaN}) << 0.8
                                   << Matches{{0, 1}, {1, 0}} << Indices{} << Indices{};
        QTest::newRow("nothing allowed")
            << matrix(1, 2, {kInf, 0.95}) << 0.8 << Matches{} << Indices{0} << Indices{0, 1};
        QTest::newRow("empty") << CostMatrix() << 0.8 << Matches{} << Indices{} << Indices{};
        QTest::newRow("no columns")
            << CostMatrix(2, 0) << 0.8 << Matches{} << Indices{0, 1} << Indices{};
        QTest::newRow("no rows") << CostMatrix(0, 3) << 0.8 << Matches{} << Indices{}
                                 << Indices{0, 1, 2};
    }

    void thresholdedAssignment() {
        QFETCH(CostMatrix, cost);
        QFETCH(double, threshold);
        QFETCH(Matches, matches);
        QFETCH(Indices, rows);
        QFETCH(Indices, cols);
        const Assignment a = linearAssignment(cost, threshold);
        QCOMPARE(a.matches, matches);
        QCOMPARE(a.unmatchedRows, rows);
        QCOMPARE(a.unmatchedCols, cols);
    }

    void maxCardinalityPrefersMorePairs() {
        // (0,0) is the cheapest pair, but taking it leaves row 1 without any allowed column.
        const CostMatrix m = matrix(2, 2, {0.1, 0.4, 0.3, kNaN});
        const Assignment a = maxCardinalityAssignment(m);
        QCOMPARE(a.matches, (Matches{{0, 1}, {1, 0}}));
        const Assignment none = maxCardinalityAssignment(matrix(1, 1, {kNaN}));
        QVERIFY(none.matches.empty());
        QCOMPARE(none.unmatchedRows, Indices{0});
        QCOMPARE(none.unmatchedCols, Indices{0});
    }

    // --- Kalman filter ------------------------------------------------------------------
    void kalmanInitiate() {
        const KalmanFilter kf;
        const KalmanState s = kf.initiate({100, 200, 0.5, 80});
        QCOMPARE(s.mean(0, 0), 100.0);
        QCOMPARE(s.mean(3, 0), 80.0);
        for (std::size_t i = 4; i < 8; ++i) {
            QCOMPARE(s.mean(i, 0), 0.0);
        }
        // ByteTrack: position std 2·h/20, velocity std 10·h/160.
        QCOMPARE(s.covariance(0, 0), std::pow(2.0 * 80.0 / 20.0, 2));
        QCOMPARE(s.covariance(2, 2), 1e-4);
        QCOMPARE(s.covariance(4, 4), std::pow(10.0 * 80.0 / 160.0, 2));
        QCOMPARE(s.covariance(0, 1), 0.0);
    }

    void kalmanPredictAndUpdate() {
        const KalmanFilter kf;
        KalmanState s = kf.initiate({100, 200, 0.5, 80});
        s.mean(4, 0) = 3.0;  // 3 px per step to the right
        KalmanState once = s;
        kf.predict(once, 2.0);
        QCOMPARE(once.mean(0, 0), 106.0);
        QCOMPARE(once.mean(1, 0), 200.0);
        QVERIFY(once.covariance(0, 0) > s.covariance(0, 0));
        KalmanState twice = s;
        kf.predict(twice, 1.0);
        kf.predict(twice, 1.0);
        QCOMPARE(twice.mean(0, 0), once.mean(0, 0));
        QVERIFY(std::abs(twice.covariance(0, 0) - once.covariance(0, 0)) <
                0.05 * once.covariance(0, 0));
        KalmanState still = s;
        kf.predict(still, 0.0);
        QCOMPARE(still.mean(0, 0), s.mean(0, 0));

        // An update lands between prediction and measurement and reduces the uncertainty.
        const double before = once.covariance(0, 0);
        QVERIFY(kf.update(once, {116, 200, 0.5, 80}));
        QVERIFY(once.mean(0, 0) > 106.0 && once.mean(0, 0) < 116.0);
        QVERIFY(once.covariance(0, 0) < before);
        QVERIFY(once.mean(4, 0) > 3.0);  // it learns that the box moves faster
    }

    void kalmanLearnsConstantVelocity() {
        const KalmanFilter kf;
        KalmanState s = kf.initiate({100, 200, 0.5, 80});
        for (int i = 1; i <= 60; ++i) {
            kf.predict(s, 1.0);
            QVERIFY(kf.update(s, {100 + 4.0 * i, 200 - 1.0 * i, 0.5, 80}));
        }
        QVERIFY2(std::abs(s.mean(4, 0) - 4.0) < 0.1, qPrintable(QString::number(s.mean(4, 0))));
        QVERIFY2(std::abs(s.mean(5, 0) + 1.0) < 0.1, qPrintable(QString::number(s.mean(5, 0))));
        QVERIFY(std::abs(s.mean(0, 0) - 340.0) < 1.0);
    }

    // --- tracker --------------------------------------------------------------------------
    void confirmationAndIds() {
        ByteTracker tracker;
        // Born on the first update: confirmed at once, as in ByteTrack.
        auto out = tracker.update({det(0.2, 0.5, 0.05, 0.2)}, 0, kWidth, kHeight);
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].id, core::TrackId(1));
        QCOMPARE(out[0].state, core::TrackState::Confirmed);
        QCOMPARE(out[0].hits, 1);
        QCOMPARE(out[0].classId, 0);
        QVERIFY(out[0].label.empty());
        // Born later: reported from its second hit.
        out = tracker.update({det(0.2, 0.5, 0.05, 0.2), det(0.7, 0.5, 0.05, 0.2)}, 40'000, kWidth,
                             kHeight);
        QCOMPARE(out.size(), std::size_t(1));
        out = tracker.update({det(0.2, 0.5, 0.05, 0.2), det(0.7, 0.5, 0.05, 0.2)}, 80'000, kWidth,
                             kHeight);
        QCOMPARE(out.size(), std::size_t(2));
        QCOMPARE(out[1].id, core::TrackId(2));
        QCOMPARE(out[1].hits, 2);
        QCOMPARE(out[1].firstSeenUs, std::int64_t(40'000));
        QCOMPARE(out[1].lastSeenUs, std::int64_t(80'000));
        QCOMPARE(out[0].firstSeenUs, std::int64_t(0));
        // A fresh instance counts from 1 again.
        ByteTracker other;
        QCOMPARE(other.update({det(0.5, 0.5, 0.1, 0.1)}, 0, kWidth, kHeight)[0].id,
                 core::TrackId(1));
    }

    void boxesAreNormalisedAndClamped() {
        ByteTracker tracker;
        const auto out = tracker.update({det(0.99, 0.5, 0.1, 0.2)}, 0, kWidth, kHeight);
        QCOMPARE(out.size(), std::size_t(1));
        QVERIFY(std::abs(out[0].box.x0 - 0.94) < 1e-9);
        QCOMPARE(out[0].box.x1, 1.0);
        QVERIFY(std::abs(out[0].box.y0 - 0.4) < 1e-9);
        QVERIFY(std::abs(out[0].box.y1 - 0.6) < 1e-9);
        QVERIFY(tracker.update({det(0.5, 0.5, 0.1, 0.1)}, 40'000, 0, kHeight).empty());
    }

    void crossingPeopleKeepTheirIds_data() {
        QTest::addColumn<double>("hiddenWithin");
        QTest::newRow("both detected throughout") << 0.0;
        // B hidden behind A while their centres are closer than 0.15: 7 frames, 0.56 s.
        QTest::newRow("B occluded while crossing") << 0.15;
    }

    void crossingPeopleKeepTheirIds() {
        // A walks right, B walks left on nearly the same line, 0.25 image widths per second,
        // at the default analysis rate; they meet in the middle after 1.2 s.
        QFETCH(double, hiddenWithin);
        ByteTracker tracker;
        const double fps = 12.5;
        core::TrackId idA = 0;
        core::TrackId idB = 0;
        int hiddenFrames = 0;
        std::vector<core::TrackedObject> out;
        for (int i = 0; i <= 30; ++i) {
            const double t = i / fps;
            const double xa = 0.2 + 0.25 * t;
            const double xb = 0.8 - 0.25 * t;
            std::vector<core::Detection> dets{det(xa, 0.55, 0.05, 0.25, 0.9F)};
            const bool bVisible = std::abs(xa - xb) >= hiddenWithin;
            if (bVisible) {
                dets.push_back(det(xb, 0.53, 0.05, 0.24, 0.85F));
            } else {
                ++hiddenFrames;
            }
            out = tracker.update(dets, std::llround(t * kUsPerS), kWidth, kHeight);
            QCOMPARE(out.size(), bVisible ? std::size_t(2) : std::size_t(1));
            const core::TrackedObject* a = nearest(out, xa, 0.55);
            QVERIFY(a != nullptr);
            if (i == 0) {
                idA = a->id;
                idB = nearest(out, xb, 0.53)->id;
                QVERIFY(idA != idB);
            }
            QCOMPARE(a->id, idA);
            if (bVisible) {
                QCOMPARE(nearest(out, xb, 0.53)->id, idB);
            }
        }
        QCOMPARE(hiddenFrames, hiddenWithin > 0.0 ? 7 : 0);
        // Both end where they should, and no third id ever appeared.
        QVERIFY(std::abs(findById(out, idA)->box.centre().x - 0.8) < 0.01);
        QVERIFY(std::abs(findById(out, idB)->box.centre().x - 0.2) < 0.01);
        QCOMPARE(std::max(idA, idB), core::TrackId(2));
    }

    void survivesShortGapAndDropsAfterTimeout() {
        ByteTracker tracker;  // lostTimeoutS 1.5
        const double fps = 25.0;
        std::int64_t ptsUs = 0;
        auto step = [&](bool visible) {
            ptsUs += std::llround(kUsPerS / fps);
            return tracker.update(
                visible ? std::vector{det(0.4, 0.5, 0.05, 0.2)} : std::vector<core::Detection>{},
                ptsUs, kWidth, kHeight);
        };
        for (int i = 0; i < 10; ++i) {
            step(true);
        }
        // 1.0 s without detections: reported as lost, then found again with the same id.
        for (int i = 0; i < 25; ++i) {
            QVERIFY(step(false).empty());
        }
        QCOMPARE(tracker.lostTracks().size(), std::size_t(1));
        QCOMPARE(tracker.lostTracks()[0].state, core::TrackState::Lost);
        auto out = step(true);
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].id, core::TrackId(1));
        QVERIFY(tracker.lostTracks().empty());
        // 2.0 s without: forgotten once 1.5 s have passed; the object comes back as new.
        for (int i = 0; i < 37; ++i) {  // 1.48 s
            step(false);
        }
        QCOMPARE(tracker.lostTracks().size(), std::size_t(1));
        for (int i = 0; i < 13; ++i) {
            step(false);
        }
        QVERIFY(tracker.lostTracks().empty());
        QVERIFY(step(true).empty());  // tentative
        out = step(true);
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].id, core::TrackId(2));
    }

    void lowScoreDetectionsExtendButNeverCreate() {
        ByteTracker tracker;
        std::int64_t ptsUs = 0;
        // Frame 1 confirms at once; then a track fed only low-score boxes (0.3) stays alive.
        tracker.update({det(0.3, 0.5, 0.05, 0.2, 0.9F)}, ptsUs, kWidth, kHeight);
        for (int i = 0; i < 50; ++i) {
            ptsUs += 80'000;
            const auto out = tracker.update(
                {det(0.3, 0.5, 0.05, 0.2, 0.3F), det(0.7, 0.5, 0.05, 0.2, 0.3F),
                 det(0.5, 0.2, 0.05, 0.2, 0.55F)},  // high, but below newTrackThreshold
                ptsUs, kWidth, kHeight);
            QCOMPARE(out.size(), std::size_t(1));
            QCOMPARE(out[0].id, core::TrackId(1));
            QCOMPARE(out[0].score, 0.3F);
        }
        // Below lowThreshold a detection does not even extend a track.
        for (int i = 0; i < 3; ++i) {
            ptsUs += 80'000;
            QVERIFY(
                tracker.update({det(0.3, 0.5, 0.05, 0.2, 0.05F)}, ptsUs, kWidth, kHeight).empty());
        }
        QCOMPARE(tracker.lostTracks().size(), std::size_t(1));
        // A lost track is not brought back by a low-score box alone, only by a high one.
        ptsUs += 80'000;
        QVERIFY(tracker.update({det(0.3, 0.5, 0.05, 0.2, 0.3F)}, ptsUs, kWidth, kHeight).empty());
        ptsUs += 80'000;
        const auto back = tracker.update({det(0.3, 0.5, 0.05, 0.2, 0.7F)}, ptsUs, kWidth, kHeight);
        QCOMPARE(back.size(), std::size_t(1));
        QCOMPARE(back[0].id, core::TrackId(1));
    }

    void classAwareMatching_data() {
        QTest::addColumn<bool>("classAware");
        QTest::addColumn<bool>("sameId");
        QTest::newRow("class aware") << true << false;
        QTest::newRow("class agnostic") << false << true;
    }

    void classAwareMatching() {
        QFETCH(bool, classAware);
        QFETCH(bool, sameId);
        TrackerParams params;
        params.classAware = classAware;
        ByteTracker tracker(params);
        std::int64_t ptsUs = 0;
        for (int i = 0; i < 5; ++i, ptsUs += 80'000) {
            tracker.update({det(0.5, 0.5, 0.1, 0.2, 0.9F, /*cls=*/0)}, ptsUs, kWidth, kHeight);
        }
        // The detector now calls the same box class 1 (say a person becoming a bicycle).
        std::vector<core::TrackedObject> out;
        for (int i = 0; i < 2; ++i, ptsUs += 80'000) {
            out =
                tracker.update({det(0.5, 0.5, 0.1, 0.2, 0.9F, /*cls=*/1)}, ptsUs, kWidth, kHeight);
        }
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].id == 1, sameId);
        QCOMPARE(out[0].classId, 1);
        if (classAware) {
            QCOMPARE(tracker.lostTracks().size(), std::size_t(1));
            QCOMPARE(tracker.lostTracks()[0].classId, 0);
        }
    }

    void velocityOfAMovingBox() {
        // 0.1 image widths per second to the right, 0.05 heights per second down.
        const core::TrackedObject t = runMovingBox(25.0, 0.1, 0.05, 4.0);
        QCOMPARE(t.id, core::TrackId(1));
        QVERIFY2(std::abs(t.velocity.x - 0.1) < 0.005, qPrintable(QString::number(t.velocity.x)));
        QVERIFY2(std::abs(t.velocity.y - 0.05) < 0.005, qPrintable(QString::number(t.velocity.y)));
        const core::TrackedObject left = runMovingBox(25.0, -0.2, 0.0, 4.0);
        QVERIFY(left.velocity.x < -0.19 && left.velocity.x > -0.21);
        QVERIFY(std::abs(left.velocity.y) < 0.005);
    }

    void velocityDoesNotDependOnAnalysisRate() {
        const core::TrackedObject slow = runMovingBox(12.5, 0.15, -0.05, 4.0);
        const core::TrackedObject fast = runMovingBox(25.0, 0.15, -0.05, 4.0);
        QCOMPARE(slow.id, core::TrackId(1));
        QCOMPARE(fast.id, core::TrackId(1));
        QVERIFY2(std::abs(slow.velocity.x - fast.velocity.x) < 0.005,
                 qPrintable(QStringLiteral("%1 vs %2").arg(slow.velocity.x).arg(fast.velocity.x)));
        QVERIFY(std::abs(slow.velocity.y - fast.velocity.y) < 0.005);
        QVERIFY(std::abs(slow.velocity.x - 0.15) < 0.0075);
        // Also while the filter is still learning, after 1 s: the same time, not the same
        // number of frames, gives the same estimate.
        const core::TrackedObject slowEarly = runMovingBox(12.5, 0.15, -0.05, 1.0);
        const core::TrackedObject fastEarly = runMovingBox(25.0, 0.15, -0.05, 1.0);
        QVERIFY2(
            std::abs(slowEarly.velocity.x - fastEarly.velocity.x) < 0.005,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(slowEarly.velocity.x).arg(fastEarly.velocity.x)));
        QVERIFY(slowEarly.velocity.x > 0.1);
    }

    void restartsWhenTimeGoesBack() {
        ByteTracker tracker;
        tracker.update({det(0.5, 0.5, 0.1, 0.2)}, 5 * kUsPerS, kWidth, kHeight);
        const auto out = tracker.update({det(0.5, 0.5, 0.1, 0.2)}, 0, kWidth, kHeight);
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].id, core::TrackId(2));  // new track, ids stay unique
        QCOMPARE(out[0].firstSeenUs, std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestTracker)
#include "tst_tracker.moc"
