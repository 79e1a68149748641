// The event analysers driven with hand-built tracks and pictures: each event's positive case
// and the look-alikes it must reject (a steady lamp, a blinking sign and a pale reflection
// against a flame; a person lying against a bag; bending against falling; walking with the
// flow against walking against it), and masks.
#include <QtTest>

#include <cmath>
#include <functional>
#include <random>

#include "core/calibration.h"
#include "core/masks.h"
#include "inference/event_analysers.h"
#include "inference/zone_analysers.h"

using namespace vigie;
using namespace vigie::inference;

namespace {

constexpr double kFps = 12.5;
constexpr std::int64_t kStepUs = 80'000;  // 12.5 pictures a second
constexpr double kAspect = 0.75;          // height / width of the test pictures

core::TrackedObject track(core::TrackId id, const std::string& label, core::BoxF box,
                          std::int64_t ptsUs, float score = 0.9F, core::PointF velocity = {}) {
    core::TrackedObject t;
    t.id = id;
    t.label = label;
    t.box = box;
    t.score = score;
    t.state = core::TrackState::Confirmed;
    t.firstSeenUs = 0;
    t.lastSeenUs = ptsUs;
    t.hits = 10;
    t.velocity = velocity;
    return t;
}

// A person standing with feet at (x, y): 0.06 wide, 0.3 tall (upright in a 4:3 picture).
core::BoxF standing(double x, double y) {
    return {x - 0.03, y - 0.3, x + 0.03, y};
}

core::Polygon rect(double x0, double y0, double x1, double y1) {
    return core::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}};
}

// Ten metres per picture width everywhere (a camera looking straight down): 10 m × 7.5 m.
const core::GroundModel& flatGround() {
    static const core::GroundModel g = core::GroundModel::fromDepthScale(10.0, 0.0, kAspect);
    return g;
}

// A BGR picture filled by `pixel(x, y)` → {b, g, r}.
core::ImageFrame picture(int w, int h, std::int64_t ptsUs,
                         const std::function<std::array<int, 3>(int, int)>& pixel) {
    auto* data = new std::uint8_t[std::size_t(w) * std::size_t(h) * 3];
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const auto c = pixel(x, y);
            std::uint8_t* p = data + (std::size_t(y) * std::size_t(w) + std::size_t(x)) * 3;
            for (int k = 0; k < 3; ++k) {
                p[k] = std::uint8_t(std::clamp(c[std::size_t(k)], 0, 255));
            }
        }
    }
    core::ImageFrame f;
    f.width = w;
    f.height = h;
    f.strideBytes = w * 3;
    f.format = core::PixelFormat::Bgr24;
    f.pixels = std::shared_ptr<const std::uint8_t>(data, std::default_delete<std::uint8_t[]>());
    f.ptsUs = ptsUs;
    return f;
}

struct Run {
    bool everActive = false;
    std::optional<double> firstActiveS;
    core::RuleObservation last;
};

// Feeds `seconds` of pictures; `tracksAt(t)` gives the tracks, `frameAt(t)` the picture.
Run drive(Analyser& a, double seconds,
          const std::function<std::vector<core::TrackedObject>(double, std::int64_t)>& tracksAt,
          const core::GroundModel* ground = &flatGround(), FrameModels* models = nullptr,
          const std::function<core::ImageFrame(double, std::int64_t)>& frameAt = {}) {
    Run run;
    const int n = int(std::lround(seconds * kFps));
    for (int i = 0; i < n; ++i) {
        const std::int64_t pts = std::int64_t(i) * kStepUs;
        const double t = double(pts) / 1e6;
        const auto tracks = tracksAt(t, pts);
        core::ImageFrame frame;
        if (frameAt) {
            frame = frameAt(t, pts);
        }
        AnalysisInput in;
        in.ptsUs = pts;
        in.tracks = &tracks;
        in.frame = frameAt ? &frame : nullptr;
        in.ground = ground;
        in.models = models;
        in.pictureAspect = kAspect;
        run.last = a.update(in);
        if (run.last.active && !run.everActive) {
            run.everActive = true;
            run.firstActiveS = t;
        }
    }
    return run;
}

// Pose and density results chosen by the test.
class FakeModels final : public FrameModels {
public:
    std::function<Pose(const core::BoxF&)> pose;
    std::optional<double> density;
    int poseCalls = 0;
    bool hasPose() const override { return bool(pose); }
    std::vector<std::optional<Pose>> poses(const std::vector<core::BoxF>& boxes) override {
        ++poseCalls;
        std::vector<std::optional<Pose>> out;
        for (const auto& b : boxes) {
            out.emplace_back(pose(b));
        }
        return out;
    }
    bool hasDensity() const override { return density.has_value(); }
    std::optional<double> densityCount(const core::Polygon&) override { return density; }
};

// A pose whose torso runs from the hips to the shoulders along (dx, dy) (picture units).
Pose torsoPose(const core::BoxF& box, double dx, double dy, float score = 0.8F) {
    Pose p;
    const core::PointF c = box.centre();
    for (auto& k : p.keypoints) {
        k.point = c;
        k.score = score;
    }
    p.keypoints[kLeftHip].point = {c.x - dx / 2, c.y - dy / 2};
    p.keypoints[kRightHip].point = {c.x - dx / 2, c.y - dy / 2};
    p.keypoints[kLeftShoulder].point = {c.x + dx / 2, c.y + dy / 2};
    p.keypoints[kRightShoulder].point = {c.x + dx / 2, c.y + dy / 2};
    return p;
}

}  // namespace

class TestEventAnalysers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- wrong way -----------------------------------------------------------------------
    void wrongWay_data() {
        QTest::addColumn<double>("vy");  // picture heights per second (down = allowed)
        QTest::addColumn<double>("seconds");
        QTest::addColumn<bool>("calibrated");
        QTest::addColumn<bool>("expected");
        // 0.2 heights/s = 1.5 m/s on the flat ground.
        QTest::newRow("against the flow") << -0.2 << 3.0 << true << true;
        QTest::newRow("with the flow") << 0.2 << 3.0 << true << false;
        QTest::newRow("against, too short a distance") << -0.2 << 1.2 << true << false;
        QTest::newRow("against, uncalibrated (person ruler)") << -0.2 << 3.0 << false << true;
    }
    void wrongWay() {
        QFETCH(double, vy);
        QFETCH(double, seconds);
        QFETCH(bool, calibrated);
        QFETCH(bool, expected);
        core::WrongWayParams p;  // allowed: down; 60°; 2 m; 1 s
        WrongWayAnalyser a(p, {}, {});
        const double y0 = vy < 0 ? 0.95 : 0.35;
        const auto run = drive(
            a, seconds,
            [&](double t, std::int64_t pts) {
                return std::vector{track(1, "person", standing(0.5, y0 + vy * t), pts)};
            },
            calibrated ? &flatGround() : nullptr);
        QCOMPARE(run.everActive, expected);
        if (expected) {
            // 2 m at 1.5 m/s: about 1.3 s plus the direction window.
            QVERIFY(*run.firstActiveS >= 1.2 && *run.firstActiveS <= 2.2);
            QVERIFY(run.last.detail.find("distance_m") != std::string::npos);
        }
    }

    void wrongWayCrossingIsNotAgainst() {
        WrongWayAnalyser a(core::WrongWayParams{}, {}, {});
        // Walking across the allowed direction (left to right), 1.5 m/s.
        const auto run = drive(a, 4.0, [](double t, std::int64_t pts) {
            return std::vector{track(1, "person", standing(0.1 + 0.15 * t, 0.6), pts)};
        });
        QVERIFY(!run.everActive);
    }

    // --- density -------------------------------------------------------------------------
    void density_data() {
        QTest::addColumn<int>("people");
        QTest::addColumn<bool>("calibrated");
        QTest::addColumn<bool>("expected");
        // Zone 0.2–0.6 × 0.2–0.6 = 4 m × 3 m = 12 m²; threshold 0.5 /m² = 6 people.
        QTest::newRow("8 people in 12 m2") << 8 << true << true;
        QTest::newRow("3 people in 12 m2") << 3 << true << false;
        QTest::newRow("8 people, no scale known") << 8 << false << false;
    }
    void density() {
        QFETCH(int, people);
        QFETCH(bool, calibrated);
        QFETCH(bool, expected);
        core::DensityParams p;
        p.thresholdPerM2 = 0.5;
        p.holdS = 2.0;
        p.method = core::DensityMethod::Count;
        DensityAnalyser a(p, {rect(0.2, 0.2, 0.6, 0.6)}, {"hall"});
        const auto run = drive(
            a, 4.0,
            [&](double, std::int64_t pts) {
                std::vector<core::TrackedObject> ts;
                for (int i = 0; i < people; ++i) {
                    ts.push_back(track(i + 1, "person",
                                       standing(0.25 + 0.04 * i, 0.3 + 0.03 * (i % 3)), pts));
                }
                // Outside the zone: never counted.
                ts.push_back(track(100, "person", standing(0.8, 0.9), pts));
                return ts;
            },
            calibrated ? &flatGround() : nullptr);
        QCOMPARE(run.everActive, expected);
        if (expected) {
            QVERIFY(*run.firstActiveS >= 1.9 && *run.firstActiveS <= 2.2);  // the hold
            QCOMPARE(run.last.zoneId, std::string("hall"));
            QVERIFY(std::abs(flatGround().areaM2(rect(0.2, 0.2, 0.6, 0.6)) - 12.0) < 0.2);
        }
    }

    void densityMapForCrowds() {
        core::DensityParams p;
        p.thresholdPerM2 = 1.0;
        p.holdS = 0.0;
        p.method = core::DensityMethod::Auto;
        p.densityMapAbovePeople = 4;
        FakeModels models;
        models.density = 30.0;  // the map sees 30 people where the boxes show 5
        DensityAnalyser a(p, {rect(0.2, 0.2, 0.6, 0.6)}, {"hall"});
        auto people = [](double, std::int64_t pts) {
            std::vector<core::TrackedObject> ts;
            for (int i = 0; i < 5; ++i) {
                ts.push_back(track(i + 1, "person", standing(0.25 + 0.06 * i, 0.4), pts));
            }
            return ts;
        };
        const auto withMap = drive(a, 1.0, people, &flatGround(), &models);
        QVERIFY(withMap.everActive);
        QVERIFY(withMap.last.detail.find("density_map") != std::string::npos);
        DensityAnalyser b(p, {rect(0.2, 0.2, 0.6, 0.6)}, {"hall"});
        const auto boxesOnly = drive(b, 1.0, people, &flatGround(), nullptr);
        QVERIFY(!boxesOnly.everActive);  // 5 / 12 m² < 1
    }

    // --- crowd movement ------------------------------------------------------------------
    void crowdRunning() {
        core::CrowdMovementParams p;  // 5 people, 30 %, running 2.5 m/s
        CrowdMovementAnalyser a(p, {}, {});
        // 8 people walking right at 1.2 m/s for 15 s, then (run) at 4 m/s.
        auto crowd = [](double speedMps, double t0) {
            return [speedMps, t0](double t, std::int64_t pts) {
                std::vector<core::TrackedObject> ts;
                const double v = speedMps / 10.0;
                for (int i = 0; i < 8; ++i) {
                    const double x = 0.1 + 0.02 * i + v * (t - t0) * 0.2;
                    ts.push_back(
                        track(i + 1, "person", standing(x, 0.5 + 0.04 * i), pts, 0.9F, {v, 0.0}));
                }
                return ts;
            };
        };
        const auto calm = drive(a, 15.0, crowd(1.2, 0.0));
        QVERIFY(!calm.everActive);
        const auto running = drive(a, 1.0, crowd(4.0, 0.0));
        QVERIFY(running.everActive);
        QVERIFY(running.last.detail.find("running") != std::string::npos);
    }

    void crowdDispersal() {
        core::CrowdMovementParams p;
        CrowdMovementAnalyser a(p, {}, {});
        const core::PointF centre{0.5, 0.6};
        auto people = [&](double speedMps, bool outwards) {
            return [=](double, std::int64_t pts) {
                std::vector<core::TrackedObject> ts;
                for (int i = 0; i < 8; ++i) {
                    const double angle = 2.0 * M_PI * i / 8.0;
                    const core::PointF dir{std::cos(angle), std::sin(angle) / kAspect};
                    const core::PointF at =
                        centre + core::PointF{std::cos(angle), std::sin(angle)} * 0.1;
                    const double unitsPerS = speedMps / 10.0;
                    core::PointF v =
                        outwards ? dir * (unitsPerS / core::length({dir.x, dir.y * kAspect}))
                                 : core::PointF{unitsPerS, 0.0};
                    ts.push_back(track(i + 1, "person", standing(at.x, at.y), pts, 0.9F, v));
                }
                return ts;
            };
        };
        // Walking together for 15 s (the baseline), then scattering from the centre at
        // 2.4 m/s (not running, but far above the usual 1 m/s).
        CrowdMovementAnalyser c(p, {}, {});
        auto phased = [&](double t, std::int64_t pts) {
            return t < 15.0 ? people(1.0, false)(t, pts) : people(2.4, true)(t, pts);
        };
        const auto burst = drive(c, 16.0, phased);
        QVERIFY(burst.everActive);
        QVERIFY(*burst.firstActiveS >= 15.0);
        QVERIFY2(burst.last.detail.find("dispersal") != std::string::npos,
                 burst.last.detail.c_str());
    }

    // --- abandoned object ----------------------------------------------------------------
    void abandoned_data() {
        QTest::addColumn<bool>("ownerLeaves");
        QTest::addColumn<bool>("expected");
        QTest::newRow("owner walks away") << true << true;
        QTest::newRow("owner stays by the bag") << false << false;
    }
    void abandoned() {
        QFETCH(bool, ownerLeaves);
        QFETCH(bool, expected);
        core::AbandonedObjectParams p;
        p.staticForS = 5.0;
        p.ownerDistanceM = 3.0;
        AbandonedObjectAnalyser a(p, {}, {});
        const core::BoxF bag{0.45, 0.62, 0.5, 0.7};
        const auto run = drive(a, 10.0, [&](double t, std::int64_t pts) {
            std::vector<core::TrackedObject> ts;
            // The owner brings the bag, stands 2 s, then walks right at 1 m/s.
            const double x = ownerLeaves && t > 2.0 ? 0.52 + 0.1 * (t - 2.0) : 0.52;
            ts.push_back(track(1, "person", standing(x, 0.7), pts));
            if (t >= 0.5) {
                ts.push_back(track(2, "suitcase", bag, pts, 0.6F));
            }
            return ts;
        });
        QCOMPARE(run.everActive, expected);
        if (expected) {
            // Static 5 s from 0.5 s; the owner is 3 m away at ~5 s.
            QVERIFY(*run.firstActiveS >= 5.5 && *run.firstActiveS <= 6.0);
            QCOMPARE(run.last.trackIds.front(), core::TrackId(2));
        }
    }

    void abandonedLyingPersonIsNotABag() {
        core::AbandonedObjectParams p;
        p.staticForS = 3.0;
        AbandonedObjectAnalyser a(p, {}, {});
        // A person lying on a bench, also detected as a "suitcase" (a small model's mistake).
        const core::BoxF lying{0.3, 0.6, 0.6, 0.7};
        const auto run = drive(a, 8.0, [&](double, std::int64_t pts) {
            return std::vector{track(1, "person", lying, pts, 0.5F),
                               track(2, "suitcase", {0.32, 0.6, 0.5, 0.7}, pts, 0.5F)};
        });
        QVERIFY(!run.everActive);
    }

    void abandonedStaticForeground_data() {
        QTest::addColumn<double>("appearsS");
        QTest::addColumn<bool>("expected");
        QTest::newRow("bag left after the scene was learnt") << 2.0 << true;
        QTest::newRow("furniture there from the start") << 0.0 << false;
    }
    void abandonedStaticForeground() {
        QFETCH(double, appearsS);
        QFETCH(bool, expected);
        core::AbandonedObjectParams p;
        p.staticForS = 3.0;
        AbandonedObjectAnalyser a(p, {}, {});
        const core::BoxF bag{0.25, 0.35, 0.4, 0.6};
        std::mt19937 rng(7);
        auto frameAt = [&](double t, std::int64_t pts) {
            std::normal_distribution<double> noise(0.0, 3.0);
            return picture(160, 120, pts, [&](int x, int y) -> std::array<int, 3> {
                const bool inBag = t >= appearsS && x >= 40 && x < 64 && y >= 42 && y < 72;
                const int v = inBag ? 40 : 120 + (x + y) % 16;
                const int n = int(noise(rng));
                return {v + n, v + n, inBag ? 90 + n : v + n};
            });
        };
        const auto run = drive(
            a, 8.0,
            [&](double t, std::int64_t pts) {
                std::vector<core::TrackedObject> ts;
                if (t >= std::max(0.5, appearsS)) {
                    ts.push_back(track(2, "suitcase", bag, pts, 0.6F));
                }
                return ts;
            },
            &flatGround(), nullptr, frameAt);
        QCOMPARE(run.everActive, expected);
    }

    // --- person on the ground ------------------------------------------------------------
    void personOnGround_data() {
        QTest::addColumn<QString>("story");
        QTest::addColumn<bool>("expected");
        QTest::newRow("falls and stays down") << "fall" << true;
        QTest::newRow("falls, new track while lying") << "fall-new-id" << true;
        QTest::newRow("falls and gets up at once") << "fall-up" << false;
        QTest::newRow("lying from the start (no fall)") << "lying" << false;
        QTest::newRow("bending") << "bend" << false;
    }
    void personOnGround() {
        QFETCH(QString, story);
        QFETCH(bool, expected);
        core::PersonOnGroundParams p;
        p.minDurationS = 4.0;
        PersonOnGroundAnalyser a(p, {}, {});
        const core::BoxF upright = standing(0.5, 0.8);
        const core::BoxF down{0.38, 0.72, 0.66, 0.8};    // 0.28 × 0.06 (×0.75): 6 times wider
        const core::BoxF bending{0.45, 0.6, 0.57, 0.8};  // 0.12 × 0.15: width/height 0.8
        const auto run = drive(a, 9.0, [&](double t, std::int64_t pts) {
            core::BoxF box = upright;
            core::TrackId id = 1;
            if (story == "lying") {
                box = down;
            } else if (story == "bend") {
                box = t < 2.0 ? upright : bending;
            } else if (t >= 2.0 && !(story == "fall-up" && t >= 4.0)) {
                box = down;
                id = story == "fall-new-id" && t >= 2.3 ? 2 : 1;
            }
            return std::vector{track(id, "person", box, pts, 0.8F)};
        });
        QCOMPARE(run.everActive, expected);
        if (expected) {
            QVERIFY(*run.firstActiveS >= 5.9 && *run.firstActiveS <= 6.6);
        }
    }

    void postureFromPose() {
        using P = PersonOnGroundAnalyser;
        // Foreshortened: box taller than wide, but the torso lies across the picture.
        const core::BoxF tallish{0.4, 0.5, 0.5, 0.6};  // w/h = 0.1 / 0.075 = 1.33
        const core::BoxF narrow{0.4, 0.4, 0.46, 0.6};  // 0.06 / 0.15 = 0.4
        const core::BoxF wide{0.4, 0.5, 0.52, 0.6};    // 0.12 / 0.075 = 1.6
        const Pose across = torsoPose(tallish, 0.08, 0.0);
        const Pose vertical = torsoPose(narrow, 0.0, -0.1);
        QCOMPARE(P::posture(tallish, kAspect, &across, 0.3), P::Posture::Lying);
        QCOMPARE(P::posture(narrow, kAspect, &vertical, 0.3), P::Posture::Upright);
        // Box alone says lying (1.33 ≥ 1), a confident vertical torso says otherwise.
        const Pose verticalTallish = torsoPose(tallish, 0.0, -0.06);
        QVERIFY(P::posture(tallish, kAspect, &verticalTallish, 0.3) != P::Posture::Lying);
        QCOMPARE(P::posture(tallish, kAspect, nullptr, 0.3), P::Posture::Lying);
        // A very wide box is lying whatever the pose.
        QCOMPARE(P::posture(wide, kAspect, &verticalTallish, 0.3), P::Posture::Lying);
        // Unconfident points: the box decides.
        const Pose weak = torsoPose(narrow, 0.1, 0.0, 0.05F);
        QCOMPARE(P::posture(narrow, kAspect, &weak, 0.3), P::Posture::Upright);
    }

    void personOnGroundAsksPoseOnlyWhenInDoubt() {
        core::PersonOnGroundParams p;
        p.minDurationS = 1.0;
        PersonOnGroundAnalyser a(p, {}, {});
        FakeModels models;
        models.pose = [](const core::BoxF& b) {
            return torsoPose(b, 0.08, 0.0);
        };
        // Upright (narrow) for 2 s: no pose asked; then a foreshortened fall.
        const auto run = drive(
            a, 5.0,
            [&](double t, std::int64_t pts) {
                const core::BoxF box =
                    t < 2.0 ? standing(0.5, 0.7) : core::BoxF{0.4, 0.6, 0.48, 0.7};
                return std::vector{track(1, "person", box, pts, 0.8F)};
            },
            &flatGround(), &models,
            [](double, std::int64_t pts) {
                return picture(8, 6, pts, [](int, int) { return std::array<int, 3>{0, 0, 0}; });
            });
        QVERIFY(run.everActive);
        QVERIFY(models.poseCalls > 0);
        QVERIFY(models.poseCalls <= int(3.0 * kFps) + 1);
        QVERIFY(run.last.detail.find("\"pose_used\":true") != std::string::npos);
    }

    // --- fire ----------------------------------------------------------------------------
    void fire_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("expected");
        QTest::newRow("growing flickering flame") << "flame" << true;
        QTest::newRow("steady orange lamp") << "lamp" << false;
        QTest::newRow("blinking orange sign") << "blink" << false;
        QTest::newRow("pale flickering reflection") << "reflection" << false;
        QTest::newRow("red extinguisher, swaying camera") << "red" << false;
        QTest::newRow("lamp lit from the start (scene)") << "scene" << false;
    }
    void fire() {
        QFETCH(QString, kind);
        QFETCH(bool, expected);
        core::FireParams p;
        p.holdS = 2.0;
        FireAnalyser a(p, {}, {});
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> flick(0.55, 1.0);
        int frameNo = 0;
        auto frameAt = [&](double t, std::int64_t pts) {
            const int k = frameNo++;
            // The blob: 12×14 px growing to 36×44 px over 6 s (flame, reflection, red
            // paint on a swaying camera); fixed 30×40 for the lamps and the sign. All but
            // the "scene" lamp appear after 1 s: what is there from the start is scenery.
            const double g = std::min(1.0, t / 6.0);
            const bool grows = kind == "flame" || kind == "reflection" || kind == "red";
            // Flames also leap: the height jumps by a few pixels from picture to picture.
            const int leap = grows ? int(rng() % 9) - 4 : 0;
            const int bw = grows ? int(12 + 24 * g) : 30;
            const int bh = grows ? int(14 + 30 * g) + leap : 40;
            const int x0 = 80 - bw / 2 + (kind == "red" ? k % 4 - 2 : 0);  // the camera sways
            const int y1 = 100;
            const bool on = (kind == "scene" || t >= 1.0) && (kind != "blink" || k % 8 < 5);
            return picture(160, 120, pts, [&](int x, int y) -> std::array<int, 3> {
                const bool in = on && x >= x0 && x < x0 + bw && y >= y1 - bh && y < y1;
                if (!in) {
                    return {25, 25, 30};
                }
                const double f = grows ? flick(rng) : 1.0;
                if (kind == "red") {
                    return {int(40 * f), int(55 * f), 245};  // hue ~4°: paint, not flame
                }
                if (kind == "reflection") {
                    return {int(190 * f), int(205 * f), int(235 * f)};  // pale: low saturation
                }
                return {int(30 * f), int(140 * f), int(250 * f)};
            });
        };
        const auto run = drive(
            a, 8.0, [](double, std::int64_t) { return std::vector<core::TrackedObject>{}; },
            nullptr, nullptr, frameAt);
        QCOMPARE(run.everActive, expected);
        if (expected) {
            QVERIFY(run.last.detail.find("flicker") != std::string::npos);
            QVERIFY(!run.last.boxes.empty());
        }
        if (kind == "blink") {
            QVERIFY(!a.regions().empty());  // a flame-coloured region that flickers…
            QVERIFY(a.regions().front().periodicity >= FireAnalyser::kPeriodicAutocorr);
        }
        if (kind == "lamp") {
            QVERIFY(!a.regions().empty());
            QVERIFY(a.regions().front().flicker < 0.01);
        }
        if (kind == "red") {
            QVERIFY(!a.regions().empty());  // flame-coloured, flickering, growing…
            QVERIFY(a.regions().front().hueDeg < FireAnalyser::kMinFlameHueDeg);  // …but red
        }
        if (kind == "scene") {
            QVERIFY(a.regions().empty());  // learnt as part of the scene
        }
    }

    void fireFromModel() {
        core::FireParams p;
        p.holdS = 1.0;
        FireAnalyser a(p, {}, {});
        const auto run = drive(a, 2.0, [](double, std::int64_t pts) {
            return std::vector{track(5, "fire", {0.2, 0.2, 0.3, 0.3}, pts, 0.7F)};
        });
        QVERIFY(run.everActive);
        QVERIFY(*run.firstActiveS >= 0.99);
    }

    // --- weapon --------------------------------------------------------------------------
    void weapon_data() {
        QTest::addColumn<QString>("story");
        QTest::addColumn<bool>("expected");
        QTest::newRow("knife held for several pictures") << "held" << true;
        QTest::newRow("knife on a table, nobody near") << "alone" << false;
        QTest::newRow("one picture in three (flicker)") << "flicker" << false;
        QTest::newRow("below the score") << "weak" << false;
    }
    void weapon() {
        QFETCH(QString, story);
        QFETCH(bool, expected);
        WeaponAnalyser a(core::WeaponParams{}, {}, {});  // knife, 0.5, 3 pictures
        int k = 0;
        const auto run = drive(a, 2.0, [&](double, std::int64_t pts) {
            std::vector<core::TrackedObject> ts;
            const int i = k++;
            if (story != "alone") {
                ts.push_back(track(1, "person", standing(0.5, 0.8), pts));
            }
            const bool visible = story != "flicker" || i % 3 == 0;
            if (visible) {
                const core::BoxF knife = story == "alone" ? core::BoxF{0.1, 0.1, 0.13, 0.12}
                                                          : core::BoxF{0.53, 0.6, 0.56, 0.62};
                ts.push_back(track(2, "knife", knife, pts, story == "weak" ? 0.3F : 0.7F));
            }
            return ts;
        });
        QCOMPARE(run.everActive, expected);
        if (expected) {
            QVERIFY(*run.firstActiveS < 0.25);                // the third picture
            QCOMPARE(run.last.boxes.size(), std::size_t(2));  // the knife and who holds it
        }
    }

    // --- masks and the factory -----------------------------------------------------------
    void masksSuppress() {
        core::Camera cam;
        cam.id = "cam";
        cam.zones.push_back({"area", "Area", core::ZoneKind::Area, rect(0, 0, 1, 1)});
        cam.zones.push_back({"sign", "Sign", core::ZoneKind::Mask, rect(0.0, 0.0, 0.5, 1.0)});
        core::Rule intrusion;
        intrusion.id = "r1";
        intrusion.event = core::EventType::Intrusion;
        intrusion.zoneIds = {"area"};
        intrusion.params = core::IntrusionParams{{"person"}, 0.0, 0.35};
        auto a = createAnalyser(intrusion, cam);
        QVERIFY(a.ok());
        const auto masked = drive(**a, 1.0, [](double, std::int64_t pts) {
            return std::vector{track(1, "person", standing(0.25, 0.8), pts)};
        });
        QVERIFY(!masked.everActive);
        const auto seen = drive(**a, 1.0, [](double, std::int64_t pts) {
            return std::vector{track(2, "person", standing(0.75, 0.8), pts)};
        });
        QVERIFY(seen.everActive);

        QVERIFY(core::isMasked({rect(0, 0, 0.5, 1)}, {0.1, 0.1, 0.3, 0.3}));
        QVERIFY(!core::isMasked({rect(0, 0, 0.5, 1)}, {0.6, 0.1, 0.8, 0.3}));
        QVERIFY(core::isMasked({rect(0, 0, 0.5, 1)}, {0.3, 0.1, 0.55, 0.3}));  // mostly inside
    }

    void factoryBuildsEveryEvent() {
        core::Camera cam;
        cam.id = "cam";
        cam.zones.push_back({"area", "Area", core::ZoneKind::Area, rect(0, 0, 1, 1)});
        const std::vector<std::pair<core::EventType, core::RuleParams>> cases = {
            {core::EventType::WrongWay, core::WrongWayParams{}},
            {core::EventType::Density, core::DensityParams{}},
            {core::EventType::CrowdMovement, core::CrowdMovementParams{}},
            {core::EventType::AbandonedObject, core::AbandonedObjectParams{}},
            {core::EventType::PersonOnGround, core::PersonOnGroundParams{}},
            {core::EventType::Fire, core::FireParams{}},
            {core::EventType::Weapon, core::WeaponParams{}},
        };
        for (const auto& [event, params] : cases) {
            core::Rule r;
            r.id = "r";
            r.event = event;
            r.zoneIds = {"area"};
            r.params = params;
            auto a = createAnalyser(r, cam);
            QVERIFY2(a.ok(), core::toName(event).data());
            const std::vector<core::TrackedObject> none;
            AnalysisInput in;
            in.tracks = &none;
            QVERIFY(!(*a)->update(in).active);
        }
        // Parameters of another event are refused, not misread.
        core::Rule wrong;
        wrong.id = "bad";
        wrong.event = core::EventType::Fire;
        wrong.params = core::WeaponParams{};
        QVERIFY(!createAnalyser(wrong, cam).ok());
    }
};

QTEST_APPLESS_MAIN(TestEventAnalysers)
#include "tst_event_analysers.moc"
