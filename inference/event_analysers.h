#pragma once
// The analysers of the events beyond presence: wrong way, density, crowd movement, abandoned
// object, person on the ground, fire start and weapon. Each takes its parameters from the
// validated rule (core/site.h) and the rule's zones from the camera; docs/analysers.md
// explains every parameter, its default and how each decision is made.
//
// Distances, areas and speeds are on the ground plane, through the camera's GroundModel
// (AnalysisInput::ground). Until one is known, distances near an object are measured with
// the object's own box as a ruler (a person is ~1.7 m tall), and areas are unknown (the
// density analyser waits for a calibration or the engine's estimate).
//
// Thread: the camera's analysis strand (see analyser.h).

#include <array>
#include <deque>
#include <map>
#include <optional>

#include "inference/analyser.h"
#include "inference/image_ops.h"

namespace vigie::inference {

// --- measuring on the ground ----------------------------------------------------------

// Typical height in metres of an object of a class, the ruler when no calibration exists.
double typicalHeightM(const std::string& label);

// Maps picture points near one object to metres: through the ground model when there is one,
// otherwise with the object's box as a local ruler (valid for short distances around it).
class LocalMetric {
public:
    LocalMetric(const AnalysisInput& input, const core::TrackedObject& scaleObject);
    LocalMetric(const AnalysisInput& input, const core::BoxF& scaleBox, double heightM);
    bool valid() const { return m_valid; }
    core::PointF toMetres(core::PointF image) const;
    double distanceM(core::PointF a, core::PointF b) const;
    // Ground velocity (m/s vector) of an image velocity (normalised units/s) at `at`.
    core::PointF velocityMps(core::PointF at, core::PointF imageVelocity) const;

private:
    const core::GroundModel* m_ground = nullptr;
    double m_aspect = 1.0;
    double m_metresPerUnit = 0.0;
    bool m_valid = false;
};

// Zones of the rule (areas only), or the whole picture when the rule names none.
std::vector<core::Polygon> ruleAreas(const core::Rule& rule, const core::Camera& camera);

// --- wrong way --------------------------------------------------------------------------

// A track moving on the ground against the zone's allowed direction: its direction over the
// last kDirectionWindowS within angleToleranceDeg of the opposite of the allowed direction,
// for at least minDurationS and minDistanceM (covered against the flow) in a row.
class WrongWayAnalyser final : public Analyser {
public:
    static constexpr double kDirectionWindowS = 0.6;
    static constexpr double kMinSpeedMps = 0.3;  // slower is standing, neither way
    static constexpr double kGraceS = 0.8;       // a short stop or wobble keeps the run

    WrongWayAnalyser(core::WrongWayParams params, std::vector<core::Polygon> zones,
                     std::vector<std::string> zoneIds);
    core::RuleObservation update(const AnalysisInput& input) override;

private:
    struct Sample {
        std::int64_t ptsUs;
        core::PointF point;
    };
    struct TrackState {
        std::deque<Sample> history;
        std::optional<std::int64_t> againstSinceUs;
        std::int64_t lastAgainstUs = 0;
        double distanceM = 0.0;  // covered against the flow in the current run
        core::PointF lastPoint;
        std::int64_t lastSeenUs = 0;
        std::vector<core::PointF> path;
    };
    core::WrongWayParams m_params;
    std::vector<core::Polygon> m_zones;
    std::vector<std::string> m_zoneIds;
    std::map<core::TrackId, TrackState> m_tracks;
};

// --- density ----------------------------------------------------------------------------

// People per m² in each zone: person tracks whose ground point is in the zone, divided by
// the zone's ground area; the density-map model's count instead (method DensityMap, or Auto
// above densityMapAbovePeople) when installed. Active once above the threshold for holdS.
class DensityAnalyser final : public Analyser {
public:
    static constexpr double kMinPersonScore = 0.3;

    DensityAnalyser(core::DensityParams params, std::vector<core::Polygon> zones,
                    std::vector<std::string> zoneIds);
    core::RuleObservation update(const AnalysisInput& input) override;
    std::vector<std::string> occupiedZones() const override { return m_occupied; }

private:
    core::DensityParams m_params;
    std::vector<core::Polygon> m_zones;
    std::vector<std::string> m_zoneIds;
    std::vector<std::optional<std::int64_t>> m_aboveSinceUs;
    std::vector<std::string> m_occupied;
};

// --- crowd movement ---------------------------------------------------------------------

// A sudden, collective change of movement in a zone, against what is usual there: the speeds
// of the people in the zone (tracks, on the ground) and the zone's dense optical flow, each
// compared with a running mean and variance learned over baselineWindowS. Three kinds:
//   running      at least minFraction of at least minPeople people faster than
//                runningSpeedMps;
//   acceleration the zone's mean speed (tracks) or flow energy far above its baseline
//                (z-score above 6 − 4·sensitivity) with at least minFraction of the people,
//                or minAreaFraction of the zone's pixels, moving;
//   dispersal    the people (or the flow) moving away from their centre: mean radial
//                alignment above 0.6 − 0.2·sensitivity while moving fast for the zone.
class CrowdMovementAnalyser final : public Analyser {
public:
    static constexpr int kFlowWidth = 160;        // columns of the flow picture of a zone
    static constexpr double kWarmUpS = 10.0;      // baseline learnt this long before use
    static constexpr double kMovingFlowPx = 0.4;  // per step, in flow-picture pixels

    CrowdMovementAnalyser(core::CrowdMovementParams params, std::vector<core::Polygon> zones,
                          std::vector<std::string> zoneIds);
    core::RuleObservation update(const AnalysisInput& input) override;

    // A running mean and variance with exponential forgetting.
    struct Baseline {
        double mean = 0.0;
        double var = 0.0;
        double learntS = 0.0;
        void add(double value, double dtS, double windowS);
        double zScore(double value, double floor) const;
    };

private:
    struct ZoneState {
        Baseline speed;  // mean ground speed of the people, m/s
        Baseline flow;   // mean flow magnitude, zone widths per second
        GreyImage previous;
        std::int64_t previousUs = 0;
        core::BoxF roi;
    };
    struct FlowStats {
        bool valid = false;
        double energy = 0.0;          // mean magnitude over the zone, zone widths / s
        double movingFraction = 0.0;  // of the zone's pixels
        double divergence = 0.0;      // mean radial alignment of the moving pixels, -1..1
    };
    FlowStats measureFlow(ZoneState& zone, const core::Polygon& polygon,
                          const AnalysisInput& input);

    core::CrowdMovementParams m_params;
    std::vector<core::Polygon> m_zones;
    std::vector<std::string> m_zoneIds;
    std::vector<ZoneState> m_state;
    std::int64_t m_lastUs = -1;
};

// --- abandoned object -------------------------------------------------------------------

// A bag (classes) that stays still for staticForS while its owner — the person nearest to it
// when it first appeared — is gone beyond ownerDistanceM (or lost); with no owner seen, while
// nobody is within that distance. Guards: a box overlapping a lying person is a person, not a
// bag; the static-foreground check (when requireStaticForeground and pixels are available)
// wants the bag's patch to differ from the long-term background (furniture that was always
// there does not) and to stay the same picture after picture; it also keeps a bag whose
// detections come and go.
class AbandonedObjectAnalyser final : public Analyser {
public:
    static constexpr double kBackgroundTimeConstantS = 120.0;
    static constexpr double kMinForegroundFraction = 0.15;
    static constexpr double kMaxPatchChange = 28.0;  // mean grey levels
    static constexpr double kMaxUndetectedS = 120.0;
    // Weak detections (a small bag the detector sees at 0.1–0.3, under another bag class
    // from one picture to the next, never a track) start a candidate when they come back at
    // one place in kWeakHits of the last kWeakWindow pictures — only with the picture's
    // static-foreground check, which then decides with the owner rule as for tracks.
    static constexpr float kWeakScore = 0.1F;
    static constexpr int kWeakWindow = 5;
    static constexpr int kWeakHits = 3;

    AbandonedObjectAnalyser(core::AbandonedObjectParams params, std::vector<core::Polygon> zones,
                            std::vector<std::string> zoneIds);
    ~AbandonedObjectAnalyser() override;
    core::RuleObservation update(const AnalysisInput& input) override;

private:
    struct Candidate {
        core::TrackId trackId = 0;
        core::BoxF box;  // where it stands still
        float score = 0.0F;
        std::string label;
        std::int64_t firstSeenUs = 0;
        std::int64_t staticSinceUs = 0;
        std::int64_t lastDetectedUs = 0;
        std::optional<core::TrackId> ownerId;
        core::PointF ownerLastPoint;
        core::BoxF ownerLastBox;
        std::int64_t ownerLastSeenUs = 0;
        GreyImage patch;        // the bag's picture when it came to rest
        bool reported = false;  // found abandoned once: strangers no longer attend it
        std::int64_t lastAttendedUs = INT64_MIN;
    };
    bool staticForeground(Candidate& c, const AnalysisInput& input) const;
    // Appends to `seen` the weak detections worth following (ids: a candidate's, or new
    // negative ones, never a tracker's).
    void weakSightings(const AnalysisInput& input, std::vector<core::TrackedObject>& seen);

    core::AbandonedObjectParams m_params;
    std::vector<core::Polygon> m_zones;
    std::vector<std::string> m_zoneIds;
    std::vector<Candidate> m_candidates;
    std::unique_ptr<LongTermBackground> m_background;
    std::int64_t m_lastBackgroundUs = -1;
    std::deque<std::vector<core::BoxF>> m_weakHistory;  // bag boxes of the last pictures
    core::TrackId m_nextWeakId = -1;
};

// --- person on the ground ---------------------------------------------------------------

// A person lying (pose: torso far from vertical, when the pose model is installed and its
// points are confident; box: wider than tall) for minDurationS, after a fall: the same track,
// or an upright person at the same place, was upright within kFallWindowS before lying.
// Small detectors often lose a person the moment they are on the floor: a tracked person
// whose box collapsed (its top came down by kCollapseFraction of its upright height, its
// feet did not rise) and who then vanished leaves a "went down" spot on the floor around it,
// watched (so is the spot of a person lost while lying after a fall) with the pose model — a
// confident lying pose keeps it, an upright one with a torso score of kSureUprightScore ends it —
// and, where the pose is unsure (a body seen from the feet, half out of the picture), with the
// scene's background: a body-sized patch of the floor that differs from it keeps it. Somebody
// tracked there (got up), or no sign of the body for kGraceS, ends it.
class PersonOnGroundAnalyser final : public Analyser {
public:
    static constexpr double kCollapseFraction = 0.15;
    static constexpr double kFallWindowS = 3.0;
    static constexpr double kLyingAspect = 1.0;      // box width / height (pixels), no pose
    static constexpr double kUprightAspect = 0.75;   // taller than this is upright
    static constexpr double kPoseAspectFloor = 0.6;  // a confident lying pose needs at least
    static constexpr double kBoxOverridesAspect = 1.4;
    static constexpr double kLyingTorsoDeg = 55.0;  // torso angle from vertical
    static constexpr double kGraceS = 1.0;          // upright moments that do not end a lie

    static constexpr double kFloorBackgroundS = 60.0;
    static constexpr double kBodyForegroundFraction = 0.5;
    static constexpr double kSureUprightScore = 0.5;  // torso score to end a spot as upright

    PersonOnGroundAnalyser(core::PersonOnGroundParams params, std::vector<core::Polygon> zones,
                           std::vector<std::string> zoneIds);
    ~PersonOnGroundAnalyser() override;
    core::RuleObservation update(const AnalysisInput& input) override;

    enum class Posture { Unknown, Upright, Lying };
    // The posture of one person from its box (pixel aspect width / height) and, when
    // given, its pose; confidence is the pose's torso score (or 0.5 from the box alone).
    static Posture posture(const core::BoxF& box, double pictureAspect, const Pose* pose,
                           double minConfidence, double* confidence = nullptr);

private:
    struct TrackState {
        std::int64_t lastUprightUs = INT64_MIN;
        std::optional<std::int64_t> lyingSinceUs;
        std::int64_t lastLyingUs = 0;
        bool fell = false;
        double confidence = 0.0;
        std::int64_t lastSeenUs = 0;
        std::deque<std::pair<std::int64_t, core::BoxF>> recent;  // its boxes, kFallWindowS
        bool vanishChecked = false;
    };
    // Where a person went down and the detector lost them.
    struct DownSpot {
        core::TrackId trackId = 0;
        core::BoxF lastBox;  // the person's last box, mid-fall
        core::BoxF floor;    // where they can lie: searched with the pose model
        std::int64_t sinceUs = 0;
        std::int64_t lastLyingUs = 0;
        double confidence = 0.0;
        double bodyHeight = 0.0;  // the upright person's box height (normalised)
    };
    // The largest fraction of a lying-body-sized box inside the spot that differs from the
    // background (0 without a background).
    double bodyOnFloor(const DownSpot& d, double pictureAspect) const;
    // The spot a track leaves when it vanishes: lying after a fall, or its box collapsed
    // (none otherwise).
    static std::optional<DownSpot> wentDown(core::TrackId id, const TrackState& st,
                                            double pictureAspect);
    struct Upright {
        std::int64_t ptsUs;
        core::BoxF box;
    };
    core::PersonOnGroundParams m_params;
    std::vector<core::Polygon> m_zones;
    std::vector<std::string> m_zoneIds;
    std::map<core::TrackId, TrackState> m_tracks;
    std::deque<Upright> m_recentUpright;
    std::vector<DownSpot> m_down;
    std::unique_ptr<LongTermBackground> m_background;
    std::int64_t m_lastBackgroundUs = -1;
};

// --- fire -------------------------------------------------------------------------------

// Flames starting. With a fire model (a detector whose classes include "fire" or "smoke"),
// its tracks held for holdS. Without one, from the pixels, over a sliding window of the last
// kWindow pictures (nothing is judged before the window is full: a camera that just
// started or came back): regions of new flame colour — not part of the scene, which learns
// what is flame-coloured with a time constant of kSceneTimeConstantS (wooden floors, brown
// tiles, red paint, also when passers-by hide and uncover them), except where a fire
// qualifies — (red-yellow hue, saturated — pale reflections
// fail here — and bright) present in most of the last kPresenceWindow pictures, at least
// minAreaFraction of the picture, that
//   are not worn: less than half of the region inside a tracked person's box (an orange
//     coat walking by flickers and "grows" like a flame);
//   give light: the bright part of the region at least 1.45 − 0.3 × sensitivity times the
//     median brightness around it (brown floor tiles, wooden tables and warm-toned crowds
//     are flame-coloured but no brighter than their surroundings);
//   are yellow enough: their median hue is at least kMinFlameHueDeg (flames run orange to
//     yellow-white; red paint — an extinguisher, a pump, a sign — sits below);
//   flicker: their brightness changes from picture to picture (a steady lamp does not, and
//     the edges of a red object on a shaking camera flicker less than flames);
//   are not periodic: a blinking sign's brightness repeats at a fixed period
//     (autocorrelation of the detrended series back above kPeriodicAutocorr after a dip);
//   grow: their area rose by kMinGrowth within the window (a region that was not there at
//     the start of the window grew from nothing), or part of them grew within the last
//     kGrowthMemoryS (a fire that has stopped spreading is still a fire);
// continuously for holdS.
class FireAnalyser final : public Analyser {
public:
    static constexpr int kWindow = 24;
    static constexpr int kPresenceWindow = 10;
    static constexpr int kFlameWidth = 160;
    static constexpr double kPresence = 0.5;  // of the last kPresenceWindow pictures
    static constexpr double kPeriodicAutocorr = 0.6;
    static constexpr double kMinGrowth = 1.15;
    static constexpr double kGrowthMemoryS = 10.0;
    static constexpr double kMinFlameHueDeg = 12.0;
    static constexpr double kSceneTimeConstantS = 60.0;
    static constexpr float kEstablishedLevel = 0.3F;  // of the pictures: part of the scene

    FireAnalyser(core::FireParams params, std::vector<core::Polygon> zones,
                 std::vector<std::string> zoneIds);
    core::RuleObservation update(const AnalysisInput& input) override;

    struct RegionMeasure {
        core::BoxF box;
        double areaFraction = 0.0;   // of the picture
        double hueDeg = 0.0;         // median hue of its flame-coloured cells
        double contrast = 0.0;       // its bright part against its surroundings
        double flicker = 0.0;        // mean |Δ brightness| / 255 per picture
        double periodicity = 0.0;    // best autocorrelation after its first dip
        double growth = 0.0;         // area, last quarter of the window / first quarter
        bool grewRecently = false;   // part of it grew within kGrowthMemoryS
        std::array<int, 4> cells{};  // x0, y0, x1, y1 in analysis cells (x1, y1 exclusive)
    };
    // The last picture's measured regions (for tests and the alert detail).
    const std::vector<RegionMeasure>& regions() const { return m_regions; }

private:
    core::RuleObservation fromModel(const AnalysisInput& input);
    void learnScene(const std::vector<std::uint8_t>& mask, std::int64_t ptsUs);

    core::FireParams m_params;
    std::vector<core::Polygon> m_zones;
    std::vector<std::string> m_zoneIds;
    int m_width = 0;
    int m_height = 0;
    std::deque<std::vector<std::uint8_t>> m_masks;   // flame colour per picture
    std::deque<std::vector<std::uint8_t>> m_values;  // brightness per picture
    std::vector<std::uint8_t> m_hue;                 // the last picture's flame hue
    std::vector<std::uint8_t> m_allowed;             // in a zone, outside the masks
    std::vector<std::int64_t> m_grewUs;              // per cell: last time its region grew
    std::vector<float> m_established;                // per cell: how often flame-coloured
    std::vector<std::uint8_t> m_establishedNow;      // part of the scene (widened)
    std::vector<std::uint8_t> m_frozen;              // in a fire: not learnt
    std::int64_t m_lastSceneUs = 0;
    std::optional<std::int64_t> m_qualifiedSinceUs;
    std::int64_t m_lastQualifiedUs = 0;
    std::vector<RegionMeasure> m_regions;
};

// --- weapon -----------------------------------------------------------------------------

// A weapon class (the installed detector's; COCO gives "knife") with score ≥ minScore, near
// a person (its box centre inside the person's box widened by half), in at least holdFrames
// of the last holdFrames + 2 analysed pictures.
class WeaponAnalyser final : public Analyser {
public:
    WeaponAnalyser(core::WeaponParams params, std::vector<core::Polygon> zones,
                   std::vector<std::string> zoneIds);
    core::RuleObservation update(const AnalysisInput& input) override;

private:
    struct TrackState {
        std::deque<bool> seen;  // per analysed picture since the track appeared
        std::int64_t firstUs = 0;
        std::int64_t lastSeenUs = 0;
    };
    core::WeaponParams m_params;
    std::vector<core::Polygon> m_zones;
    std::vector<std::string> m_zoneIds;
    std::map<core::TrackId, TrackState> m_tracks;
};

// Index of the zone containing p, or -1. An empty zone list is the whole picture (0).
int zoneIndexOf(const std::vector<core::Polygon>& zones, core::PointF p);

}  // namespace vigie::inference
