// Analysers of objects that stop: the abandoned bag and the person on the ground.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/log.h"
#include "inference/event_analysers.h"
#include "inference/zone_analysers.h"

namespace vigie::inference {

#ifndef VIGIE_HAVE_OPENCV
// Without OpenCV (engine-only builds) no background model is ever created — the abandoned
// object analyser then relies on tracks alone — but its owner still needs the destructor.
struct LongTermBackground::Impl {};
LongTermBackground::~LongTermBackground() = default;
#endif

using core::PointF;
using core::RuleObservation;

namespace {

constexpr int kPatchSize = 16;
// How long an owner out of sight (missed detections, a lost track) still counts where last seen.
constexpr double kOwnerReacquireS = 3.0;

std::string zoneIdAt(const std::vector<std::string>& ids, int index) {
    return index >= 0 && std::size_t(index) < ids.size() ? ids[std::size_t(index)] : "";
}

// Width / height in pixels.
double pixelAspect(const core::BoxF& box, double pictureAspect) {
    const double h = box.height() * pictureAspect;
    return h > 1e-9 ? box.width() / h : 0.0;
}

// The analysers' decisions, at debug and trace level (`vigie analyze --trace`). Looked up
// once: core::logger() takes the registry's lock, and these run on every analysed picture.
spdlog::logger* analysisLog() {
    static const std::shared_ptr<spdlog::logger> log = core::logger("analysis");
    return log.get();
}

// Fraction of `small` covered by `big`.
double coveredFraction(const core::BoxF& small, const core::BoxF& big) {
    const double a = small.area();
    return a > 0 ? core::intersectionArea(small, big) / a : 0.0;
}

// One picture into a long-term background (none without OpenCV), learning slowly under the
// `frozen` boxes; `lastUs` is the time of the previous picture learnt (−1: none yet).
void learnBackground(LongTermBackground* background, std::int64_t& lastUs,
                     const AnalysisInput& input, const std::vector<core::BoxF>& frozen) {
#ifdef VIGIE_HAVE_OPENCV
    if (background == nullptr || input.frame == nullptr || input.frame->empty()) {
        return;
    }
    const double dtS = lastUs < 0 ? 0.0 : double(input.ptsUs - lastUs) / 1e6;
    lastUs = input.ptsUs;
    (void)background->update(*input.frame, dtS, frozen);
#else
    (void)background;
    (void)lastUs;
    (void)input;
    (void)frozen;
#endif
}

}  // namespace

// --- abandoned object -------------------------------------------------------------------

AbandonedObjectAnalyser::AbandonedObjectAnalyser(core::AbandonedObjectParams params,
                                                 std::vector<core::Polygon> zones,
                                                 std::vector<std::string> zoneIds)
    : m_params(std::move(params)), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {
#ifdef VIGIE_HAVE_OPENCV
    m_background = std::make_unique<LongTermBackground>(
        std::max(kBackgroundTimeConstantS, 4.0 * m_params.staticForS));
#endif
}

AbandonedObjectAnalyser::~AbandonedObjectAnalyser() = default;

bool AbandonedObjectAnalyser::staticForeground(Candidate& c, const AnalysisInput& input) const {
#ifdef VIGIE_HAVE_OPENCV
    if (m_background == nullptr || !m_background->ready() || input.frame == nullptr ||
        input.frame->empty()) {
        return true;  // nothing to check against: the detections alone decide
    }
    const double differing = m_background->differingFraction(c.box);
    if (differing < kMinForegroundFraction) {
        analysisLog()->trace(
            "abandoned object: candidate {} [{:.3f} {:.3f} {:.3f} {:.3f}] differs from the "
            "background on {:.2f} of its box",
            c.trackId, c.box.x0, c.box.y0, c.box.x1, c.box.y1, differing);
        return false;  // part of the scene for minutes (furniture), or gone
    }
    auto patch = greyRegion(*input.frame, c.box, kPatchSize, kPatchSize);
    if (!patch) {
        return false;
    }
    if (c.patch.empty()) {
        c.patch = std::move(*patch);
        return true;
    }
    double change = 0.0;
    for (std::size_t i = 0; i < patch->pixels.size(); ++i) {
        change += std::abs(int(patch->pixels[i]) - int(c.patch.pixels[i]));
    }
    change /= double(patch->pixels.size());
    if (change > kMaxPatchChange) {
        analysisLog()->trace(
            "abandoned object: candidate {} changed by {:.1f} grey levels since it came "
            "to rest",
            c.trackId, change);
    }
    return change <= kMaxPatchChange;
#else
    (void)c;
    (void)input;
    return true;
#endif
}

void AbandonedObjectAnalyser::weakSightings(const AnalysisInput& input,
                                            std::vector<core::TrackedObject>& seen) {
    const bool usable = input.detections != nullptr && input.classNames != nullptr &&
                        m_background != nullptr && m_params.requireStaticForeground &&
                        input.frame != nullptr && !input.frame->empty();
    if (!usable) {
        m_weakHistory.clear();
        return;
    }
    // This picture's bag-class boxes, one per place (the best score where classes overlap).
    std::vector<core::Detection> bags;
    for (const auto& d : *input.detections) {
        if (d.classId < 0 || std::size_t(d.classId) >= input.classNames->size() ||
            d.score < kWeakScore ||
            !classAllowed(m_params.classes, (*input.classNames)[std::size_t(d.classId)])) {
            continue;
        }
        auto same = std::find_if(bags.begin(), bags.end(), [&](const core::Detection& b) {
            return core::iou(b.box, d.box) >= 0.5;
        });
        if (same == bags.end()) {
            bags.push_back(d);
        } else if (d.score > same->score) {
            *same = d;
        }
    }
    const std::size_t tracked = seen.size();
    for (const auto& d : bags) {
        const bool isTrack =
            std::any_of(seen.begin(), seen.begin() + std::ptrdiff_t(tracked),
                        [&](const auto& t) { return core::iou(t.box, d.box) >= 0.3; });
        if (isTrack) {
            continue;
        }
        core::TrackedObject o;
        o.box = d.box;
        o.classId = d.classId;
        o.label = (*input.classNames)[std::size_t(d.classId)];
        o.score = d.score;
        o.state = core::TrackState::Confirmed;
        o.firstSeenUs = input.ptsUs;
        o.lastSeenUs = input.ptsUs;
        // A candidate there already: the same object.
        const auto c =
            std::find_if(m_candidates.begin(), m_candidates.end(),
                         [&](const auto& cand) { return core::iou(cand.box, d.box) >= 0.3; });
        if (c != m_candidates.end()) {
            o.id = c->trackId;
            seen.push_back(std::move(o));
            continue;
        }
        int hits = 1;
        for (const auto& picture : m_weakHistory) {
            hits += std::any_of(picture.begin(), picture.end(),
                                [&](const core::BoxF& b) { return core::iou(b, d.box) >= 0.4; })
                        ? 1
                        : 0;
        }
        if (hits >= kWeakHits) {
            o.id = m_nextWeakId--;
            seen.push_back(std::move(o));
        }
    }
    std::vector<core::BoxF> boxes;
    for (const auto& d : bags) {
        boxes.push_back(d.box);
    }
    m_weakHistory.push_back(std::move(boxes));
    while (int(m_weakHistory.size()) > kWeakWindow) {
        m_weakHistory.pop_front();
    }
}

RuleObservation AbandonedObjectAnalyser::update(const AnalysisInput& input) {
    RuleObservation obs;
    const double aspect = input.aspect();
    const bool pixels = input.frame != nullptr && !input.frame->empty();

    std::vector<const core::TrackedObject*> people;
    for (const auto& t : *input.tracks) {
        if (t.label == "person") {
            people.push_back(&t);
        }
    }
    // Bags seen now: tracks, and weak detections that keep coming back at one place.
    std::vector<core::TrackedObject> seen;
    for (const auto& t : *input.tracks) {
        if (classAllowed(m_params.classes, t.label) && t.score >= m_params.minScore) {
            seen.push_back(t);
        }
    }
    const std::size_t tracked = seen.size();
    weakSightings(input, seen);
    // Matched to the candidates (same track, else the same place).
    std::vector<bool> matched(m_candidates.size(), false);
    for (std::size_t k = 0; k < seen.size(); ++k) {
        const auto& t = seen[k];
        if (!classAllowed(m_params.classes, t.label) ||
            (k < tracked && t.score < m_params.minScore) || t.lastSeenUs != input.ptsUs ||
            t.box.area() < m_params.minSizeFraction) {
            continue;
        }
        if (zoneIndexOf(m_zones, t.box.bottomCentre()) < 0) {
            continue;
        }
        // A "bag" mostly covered by a lying person is that person (a common confusion of
        // small detectors on people lying down).
        const bool onLyingPerson = std::any_of(people.begin(), people.end(), [&](const auto* p) {
            return pixelAspect(p->box, aspect) >= 1.0 && coveredFraction(t.box, p->box) >= 0.3;
        });
        if (onLyingPerson) {
            continue;
        }
        int best = -1;
        double bestIou = 0.3;
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            if (matched[i]) {
                continue;
            }
            const double o =
                m_candidates[i].trackId == t.id ? 1.0 : core::iou(m_candidates[i].box, t.box);
            if (o >= bestIou) {
                bestIou = o;
                best = int(i);
            }
        }
        if (best < 0) {
            Candidate c;
            c.trackId = t.id;
            c.box = t.box;
            c.score = t.score;
            c.label = t.label;
            c.firstSeenUs = input.ptsUs;
            c.staticSinceUs = input.ptsUs;
            c.lastDetectedUs = input.ptsUs;
            // The owner: the nearest person when the bag appeared (within reach).
            double nearest = 1e9;
            for (const auto* p : people) {
                const LocalMetric metric(input, *p);
                const double d = metric.valid()
                                     ? metric.distanceM(p->box.bottomCentre(), t.box.bottomCentre())
                                     : 1e9;
                if (d < nearest && d <= 2.0 * m_params.ownerDistanceM) {
                    nearest = d;
                    c.ownerId = p->id;
                    c.ownerLastPoint = p->box.bottomCentre();
                    c.ownerLastBox = p->box;
                    c.ownerLastSeenUs = input.ptsUs;
                }
            }
            analysisLog()->debug(
                "abandoned object: candidate {} {} {:.2f} at [{:.3f} {:.3f} {:.3f} {:.3f}], "
                "owner {}",
                c.trackId, c.label, c.score, c.box.x0, c.box.y0, c.box.x1, c.box.y1,
                c.ownerId ? std::to_string(*c.ownerId) : std::string("unknown"));
            m_candidates.push_back(std::move(c));
            matched.push_back(true);
            continue;
        }
        Candidate& c = m_candidates[std::size_t(best)];
        matched[std::size_t(best)] = true;
        c.trackId = t.id;
        c.lastDetectedUs = input.ptsUs;
        c.score = std::max(c.score * 0.9F, t.score);
        // Still: it stays where it came to rest (a fraction of its own size).
        const double moved = core::distance(c.box.centre(), t.box.centre());
        const double size = std::max(t.box.width(), t.box.height());
        if (moved > 0.3 * size || core::iou(c.box, t.box) < 0.5) {
            c.box = t.box;
            c.staticSinceUs = input.ptsUs;
            c.patch = {};
        }
    }
    // The owners' last positions. A person standing where the owner was last seen, the
    // owner's track lost meanwhile (a missed detection, an occlusion), is the owner under a
    // new track id: a stationary owner must not make the bag "abandoned".
    for (auto& c : m_candidates) {
        if (!c.ownerId) {
            continue;
        }
        const core::TrackedObject* owner = nullptr;
        for (const auto* p : people) {
            if (p->id == *c.ownerId) {
                owner = p;
            }
        }
        if (owner == nullptr && double(input.ptsUs - c.ownerLastSeenUs) / 1e6 <= kOwnerReacquireS) {
            for (const auto* p : people) {
                if (core::iou(p->box, c.ownerLastBox) >= 0.3) {
                    owner = p;
                    c.ownerId = p->id;
                }
            }
        }
        if (owner != nullptr) {
            c.ownerLastPoint = owner->box.bottomCentre();
            c.ownerLastBox = owner->box;
            c.ownerLastSeenUs = input.ptsUs;
        }
    }
    // The background learns everywhere but slowly under the watched bags.
    {
        std::vector<core::BoxF> frozen;
        for (const auto& c : m_candidates) {
            frozen.push_back(c.box);
        }
        learnBackground(m_background.get(), m_lastBackgroundUs, input, frozen);
    }
    double longestS = 0.0;
    nlohmann::json detail;
    for (std::size_t i = 0; i < m_candidates.size();) {
        Candidate& c = m_candidates[i];
        const bool detectedNow = i < matched.size() && matched[i];
        const bool foreground =
            !m_params.requireStaticForeground || !pixels || staticForeground(c, input);
        const double undetectedS = double(input.ptsUs - c.lastDetectedUs) / 1e6;
        // Not seen by the detector: kept while the picture says it is still there.
        const bool keep = detectedNow || (undetectedS <= 2.0) ||
                          (pixels && m_params.requireStaticForeground && foreground &&
                           undetectedS <= kMaxUndetectedS);
        if (!keep) {
            m_candidates.erase(m_candidates.begin() + std::ptrdiff_t(i));
            continue;
        }
        ++i;
        if (!foreground) {
            analysisLog()->trace("abandoned object: candidate {} not static foreground", c.trackId);
            c.staticSinceUs = input.ptsUs;  // no static object there for the picture
            continue;
        }
        const double staticS = double(input.ptsUs - c.staticSinceUs) / 1e6;
        if (staticS + 1e-9 < m_params.staticForS) {
            continue;
        }
        // Attended? The owner within R (while tracked), or, with no owner known, anybody.
        const LocalMetric metric(input, c.box, typicalHeightM(c.label));
        double ownerDistance = -1.0;
        bool attended = false;
        // The owner unseen for a moment (missed detection) stays where last seen.
        if (c.ownerId && double(input.ptsUs - c.ownerLastSeenUs) / 1e6 <= kOwnerReacquireS) {
            const double d = metric.distanceM(c.ownerLastPoint, c.box.bottomCentre());
            ownerDistance = d;
            attended = d <= m_params.ownerDistanceM;
        }
        // Strangers do not count while the owner is tracked. The owner's track lost (an
        // occlusion, an identity switch beside the bag), somebody within R is taken for the
        // owner — until the object has been reported abandoned: then only its owner ends it.
        const bool ownerTracked =
            c.ownerId && std::any_of(people.begin(), people.end(),
                                     [&](const auto* p) { return p->id == *c.ownerId; });
        for (const auto* p : people) {
            const bool isOwner = c.ownerId && p->id == *c.ownerId;
            if (c.ownerId && !isOwner && (ownerTracked || c.reported)) {
                continue;
            }
            const LocalMetric pm(input, *p);
            const double d =
                (pm.valid() ? pm : metric).distanceM(p->box.bottomCentre(), c.box.bottomCentre());
            if (isOwner) {
                ownerDistance = d;
            }
            if (d <= m_params.ownerDistanceM) {
                attended = true;
                if (!isOwner && c.ownerId) {
                    c.ownerId = p->id;  // the owner again, under another track
                    c.ownerLastPoint = p->box.bottomCentre();
                    c.ownerLastBox = p->box;
                    c.ownerLastSeenUs = input.ptsUs;
                    ownerDistance = d;
                }
            }
        }
        // Attended a moment ago: a missed detection of whoever stands by does not abandon it.
        if (attended) {
            c.lastAttendedUs = input.ptsUs;
        } else if (c.lastAttendedUs != INT64_MIN &&
                   double(input.ptsUs - c.lastAttendedUs) / 1e6 <= kOwnerReacquireS) {
            attended = true;
        }
        analysisLog()->trace("abandoned object: candidate {} static {:.1f} s, owner at {:.1f} m{}",
                             c.trackId, staticS, ownerDistance, attended ? " (attended)" : "");
        if (attended) {
            continue;
        }
        c.reported = true;
        obs.active = true;
        obs.score = std::max(obs.score, double(c.score));
        obs.boxes.push_back(c.box);
        obs.trackIds.push_back(c.trackId);
        if (obs.zoneId.empty()) {
            obs.zoneId = zoneIdAt(m_zoneIds, zoneIndexOf(m_zones, c.box.bottomCentre()));
        }
        const std::int64_t since = c.staticSinceUs;
        obs.sinceUs = obs.sinceUs ? std::min(*obs.sinceUs, since) : since;
        if (staticS > longestS) {
            longestS = staticS;
            detail =
                nlohmann::json{{"class", c.label},
                               {"static_s", staticS},
                               {"static_for_s", m_params.staticForS},
                               {"owner_known", c.ownerId.has_value()},
                               {"owner_distance_m", ownerDistance},
                               {"owner_distance_min_m", m_params.ownerDistanceM},
                               {"foreground_checked", pixels && m_params.requireStaticForeground}};
        }
    }
    if (obs.active) {
        obs.detail = detail.dump();
    }
    return obs;
}

// --- person on the ground ---------------------------------------------------------------

PersonOnGroundAnalyser::PersonOnGroundAnalyser(core::PersonOnGroundParams params,
                                               std::vector<core::Polygon> zones,
                                               std::vector<std::string> zoneIds)
    : m_params(params), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {
#ifdef VIGIE_HAVE_OPENCV
    m_background = std::make_unique<LongTermBackground>(kFloorBackgroundS);
#endif
}

PersonOnGroundAnalyser::~PersonOnGroundAnalyser() = default;

double PersonOnGroundAnalyser::bodyOnFloor(const DownSpot& d, double pictureAspect) const {
#ifndef VIGIE_HAVE_OPENCV
    (void)d;
    (void)pictureAspect;
    return 0.0;  // no background model without OpenCV: the pose alone decides
#else
    if (m_background == nullptr || !m_background->ready() || pictureAspect <= 0) {
        return 0.0;
    }
    // A body lying across the picture: as long as the person was tall, a third as thick;
    // searched over the spot in steps of a quarter of its size.
    const double w = std::min(d.floor.width(), 0.8 * d.bodyHeight * pictureAspect);
    const double h = std::min(d.floor.height(), 0.35 * d.bodyHeight);
    if (w <= 0 || h <= 0) {
        return 0.0;
    }
    double best = 0.0;
    for (double y = d.floor.y0; y + h <= d.floor.y1 + 1e-9; y += h / 4) {
        for (double x = d.floor.x0; x + w <= d.floor.x1 + 1e-9; x += w / 4) {
            best = std::max(best, m_background->differingFraction({x, y, x + w, y + h}));
        }
    }
    return best;
#endif
}

PersonOnGroundAnalyser::Posture PersonOnGroundAnalyser::posture(const core::BoxF& box,
                                                                double pictureAspect,
                                                                const Pose* pose,
                                                                double minConfidence,
                                                                double* confidence) {
    const double a = pixelAspect(box, pictureAspect);
    if (pose != nullptr) {
        const auto& k = pose->keypoints;
        const double torsoScore = (k[kLeftShoulder].score + k[kRightShoulder].score +
                                   k[kLeftHip].score + k[kRightHip].score) /
                                  4.0;
        if (torsoScore >= minConfidence) {
            if (confidence != nullptr) {
                *confidence = torsoScore;
            }
            const PointF shoulders = (k[kLeftShoulder].point + k[kRightShoulder].point) * 0.5;
            const PointF hips = (k[kLeftHip].point + k[kRightHip].point) * 0.5;
            // In pixels: y scaled by the picture's aspect.
            const double dx = shoulders.x - hips.x;
            const double dy = (shoulders.y - hips.y) * pictureAspect;
            const double fromVerticalDeg =
                std::atan2(std::abs(dx), std::abs(dy)) * 180.0 / std::numbers::pi;
            if (a >= kBoxOverridesAspect) {
                return Posture::Lying;
            }
            if (fromVerticalDeg >= kLyingTorsoDeg && a >= kPoseAspectFloor) {
                return Posture::Lying;
            }
            if (fromVerticalDeg <= 30.0 && a <= kLyingAspect) {
                return Posture::Upright;
            }
            return Posture::Unknown;
        }
    }
    if (confidence != nullptr) {
        *confidence = 0.5;
    }
    if (a >= kLyingAspect) {
        return Posture::Lying;
    }
    if (a > 0.0 && a <= kUprightAspect) {
        return Posture::Upright;
    }
    return Posture::Unknown;
}

namespace {

// A confident pose whose torso lies far from vertical; its confidence is the torso's score.
bool lyingPose(const Pose& pose, double pictureAspect, double minConfidence, double* confidence) {
    const auto& k = pose.keypoints;
    const double torsoScore = (k[kLeftShoulder].score + k[kRightShoulder].score +
                               k[kLeftHip].score + k[kRightHip].score) /
                              4.0;
    *confidence = torsoScore;
    if (torsoScore < minConfidence) {
        return false;
    }
    const PointF shoulders = (k[kLeftShoulder].point + k[kRightShoulder].point) * 0.5;
    const PointF hips = (k[kLeftHip].point + k[kRightHip].point) * 0.5;
    const double dx = shoulders.x - hips.x;
    const double dy = (shoulders.y - hips.y) * pictureAspect;
    return std::atan2(std::abs(dx), std::abs(dy)) * 180.0 / std::numbers::pi >=
           PersonOnGroundAnalyser::kLyingTorsoDeg;
}

}  // namespace

std::optional<PersonOnGroundAnalyser::DownSpot> PersonOnGroundAnalyser::wentDown(
    core::TrackId id, const TrackState& st, double pictureAspect) {
    if (st.recent.empty() || pictureAspect <= 0) {
        return std::nullopt;
    }
    if (st.lyingSinceUs && st.fell) {
        // Lost while lying after a fall: the spot is where it lay.
        const core::BoxF& last = st.recent.back().second;
        DownSpot d;
        d.trackId = id;
        d.lastBox = last;
        d.floor = {std::max(0.0, last.x0 - 0.25 * last.width()),
                   std::max(0.0, last.y0 - 0.25 * last.height()),
                   std::min(1.0, last.x1 + 0.25 * last.width()),
                   std::min(1.0, last.y1 + 0.25 * last.height())};
        d.sinceUs = *st.lyingSinceUs;
        d.lastLyingUs = st.lastLyingUs;
        d.confidence = st.confidence;
        d.bodyHeight = last.width() / pictureAspect;  // its length, in picture heights
        return d;
    }
    if (st.recent.size() < 2) {
        return std::nullopt;
    }
    // The tallest box of the last seconds stands for the person upright.
    const auto tallest = std::max_element(
        st.recent.begin(), st.recent.end(),
        [](const auto& a, const auto& b) { return a.second.height() < b.second.height(); });
    const core::BoxF& up = tallest->second;
    const core::BoxF& last = st.recent.back().second;
    const double h = up.height();
    if (tallest == std::prev(st.recent.end()) || h <= 0 ||
        last.y0 - up.y0 < kCollapseFraction * h || last.y1 < up.y1 - 0.1 * h) {
        return std::nullopt;  // not lower than upright, or walked away (feet went up)
    }
    // The floor around the feet, as long as the person is tall, either way.
    const double halfW = std::max(last.width(), 0.6 * h * pictureAspect);
    const double cx = last.centre().x;
    DownSpot d;
    d.trackId = id;
    d.lastBox = last;
    d.floor = {std::max(0.0, cx - halfW), std::max(0.0, up.y1 - 0.8 * h), std::min(1.0, cx + halfW),
               std::min(1.0, up.y1 + 0.5 * h)};
    d.sinceUs = st.recent.back().first;
    d.lastLyingUs = d.sinceUs;
    d.bodyHeight = h;
    return d;
}

RuleObservation PersonOnGroundAnalyser::update(const AnalysisInput& input) {
    RuleObservation obs;
    const double aspect = input.aspect();
    const auto windowUs = std::int64_t(kFallWindowS * 1e6);
    while (!m_recentUpright.empty() && input.ptsUs - m_recentUpright.front().ptsUs > windowUs) {
        m_recentUpright.pop_front();
    }
    std::vector<const core::TrackedObject*> people;
    for (const auto& t : *input.tracks) {
        if (t.label == "person" && t.score >= m_params.minConfidence * 0.5 &&
            zoneIndexOf(m_zones, t.box.centre()) >= 0) {
            people.push_back(&t);
        }
    }
    // Pose only where the box leaves a doubt (not plainly tall and narrow).
    // People who vanished right after their box collapsed: a spot to watch.
    for (auto& [id, st] : m_tracks) {
        const bool seen = std::any_of(people.begin(), people.end(),
                                      [id = id](const auto* p) { return p->id == id; });
        if (seen) {
            st.vanishChecked = false;
            continue;
        }
        if (st.vanishChecked) {
            continue;
        }
        st.vanishChecked = true;
        const auto spot = wentDown(id, st, aspect);
        if (spot) {
            analysisLog()->debug(
                "person on the ground: track #{} lost on the way down or lying, watching "
                "the floor [{:.3f} {:.3f} {:.3f} {:.3f}]",
                id, spot->floor.x0, spot->floor.y0, spot->floor.x1, spot->floor.y1);
            m_down.push_back(*spot);
        }
    }
    // Somebody tracked at a spot: got up, or found again by the detector (then the track
    // itself is judged).
    std::erase_if(m_down, [&](const DownSpot& d) {
        return std::any_of(people.begin(), people.end(), [&](const auto* p) {
            return coveredFraction(p->box, d.floor) >= 0.5 || p->id == d.trackId;
        });
    });
    const bool posesAvailable = input.models != nullptr && input.models->hasPose() &&
                                input.frame != nullptr && !input.frame->empty();
    if (!posesAvailable) {
        m_down.clear();  // nothing to look with
    }
    std::vector<std::optional<Pose>> poses(people.size());
    std::vector<std::optional<Pose>> floorPoses(m_down.size());
    if (posesAvailable) {
        std::vector<core::BoxF> boxes;
        std::vector<std::size_t> owners;
        for (std::size_t i = 0; i < people.size(); ++i) {
            if (pixelAspect(people[i]->box, aspect) > kUprightAspect * 0.8) {
                boxes.push_back(people[i]->box);
                owners.push_back(i);
            }
        }
        const std::size_t firstFloor = boxes.size();
        for (const auto& d : m_down) {
            boxes.push_back(d.floor);
        }
        if (!boxes.empty()) {
            auto found = input.models->poses(boxes);
            for (std::size_t k = 0; k < owners.size() && k < found.size(); ++k) {
                poses[owners[k]] = std::move(found[k]);
            }
            for (std::size_t k = 0; k < m_down.size() && firstFloor + k < found.size(); ++k) {
                floorPoses[k] = std::move(found[firstFloor + k]);
            }
        }
    }
    // The floor's background learns everywhere but under the spots being watched.
    {
        std::vector<core::BoxF> frozen;
        for (const auto& d : m_down) {
            frozen.push_back(d.floor);
        }
        learnBackground(m_background.get(), m_lastBackgroundUs, input, frozen);
    }
    std::vector<Upright> uprightNow;
    nlohmann::json detail;
    double longestS = 0.0;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto& t = *people[i];
        double confidence = 0.0;
        const Posture now = PersonOnGroundAnalyser::posture(
            t.box, aspect, poses[i] ? &*poses[i] : nullptr, m_params.minConfidence, &confidence);
        TrackState& st = m_tracks[t.id];
        st.lastSeenUs = input.ptsUs;
        st.recent.emplace_back(input.ptsUs, t.box);
        while (input.ptsUs - st.recent.front().first > windowUs) {
            st.recent.pop_front();
        }
        if (now == Posture::Upright) {
            st.lastUprightUs = input.ptsUs;
            uprightNow.push_back({input.ptsUs, t.box});
            if (st.lyingSinceUs && double(input.ptsUs - st.lastLyingUs) / 1e6 > kGraceS) {
                st.lyingSinceUs.reset();  // got up
                st.fell = false;
            }
            continue;
        }
        if (now != Posture::Lying) {
            if (st.lyingSinceUs && double(input.ptsUs - st.lastLyingUs) / 1e6 > kGraceS) {
                st.lyingSinceUs.reset();
                st.fell = false;
            }
            continue;
        }
        st.lastLyingUs = input.ptsUs;
        st.confidence = confidence;
        if (!st.lyingSinceUs) {
            st.lyingSinceUs = input.ptsUs;
            // A fall: upright shortly before — this track, or an upright person here (the
            // tracker often starts a new track when the box changes shape in a fall).
            st.fell = st.lastUprightUs != INT64_MIN && input.ptsUs - st.lastUprightUs <= windowUs;
            if (!st.fell) {
                for (const auto& u : m_recentUpright) {
                    const PointF foot = u.box.bottomCentre();
                    const core::BoxF reach{
                        t.box.x0 - t.box.width() * 0.25, t.box.y0 - t.box.height(),
                        t.box.x1 + t.box.width() * 0.25, t.box.y1 + t.box.height() * 0.5};
                    if (foot.x >= reach.x0 && foot.x <= reach.x1 && foot.y >= reach.y0 &&
                        foot.y <= reach.y1) {
                        st.fell = true;
                        break;
                    }
                }
            }
        }
        if (m_params.requireFall && !st.fell) {
            continue;
        }
        const double downS = double(input.ptsUs - *st.lyingSinceUs) / 1e6;
        if (downS + 1e-9 < m_params.minDurationS || confidence < m_params.minConfidence) {
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, std::min(1.0, 0.5 * (double(t.score) + confidence)));
        obs.boxes.push_back(t.box);
        obs.trackIds.push_back(t.id);
        if (obs.zoneId.empty()) {
            obs.zoneId = zoneIdAt(m_zoneIds, zoneIndexOf(m_zones, t.box.centre()));
        }
        obs.sinceUs = obs.sinceUs ? std::min(*obs.sinceUs, *st.lyingSinceUs) : *st.lyingSinceUs;
        if (downS > longestS) {
            longestS = downS;
            detail = nlohmann::json{
                {"down_s", downS},          {"min_duration_s", m_params.minDurationS},
                {"fall_seen", st.fell},     {"pose_used", poses[i].has_value()},
                {"confidence", confidence}, {"box_aspect", pixelAspect(t.box, aspect)}};
        }
    }
    // The spots where somebody went down: lying there (pose), for long enough.
    for (std::size_t k = 0; k < m_down.size();) {
        DownSpot& d = m_down[k];
        double confidence = 0.0;
        const bool lying =
            floorPoses[k] && lyingPose(*floorPoses[k], aspect, m_params.minConfidence, &confidence);
        // Upright only when sure: a body lying along the line of sight also looks upright.
        const bool upright =
            !lying && confidence >= std::max(m_params.minConfidence, kSureUprightScore);
        // The pose unsure: a body-sized patch of the floor unlike the scene.
        const double body = lying || upright ? 0.0 : bodyOnFloor(d, aspect);
        analysisLog()->trace(
            "person on the ground: spot of track #{} at t={:.3f} s: pose {}, torso "
            "score {:.2f}, body-sized foreground {:.2f}",
            d.trackId, double(input.ptsUs) / 1e6,
            !floorPoses[k] ? "none" : (lying ? "lying" : (upright ? "upright" : "unsure")),
            confidence, body);
        if (upright) {
            d.lastLyingUs = INT64_MIN / 2;  // sat or stood up where the detector lost them
        } else if (lying) {
            d.lastLyingUs = input.ptsUs;
            d.confidence = confidence;
        } else if (body >= kBodyForegroundFraction) {
            d.lastLyingUs = input.ptsUs;
            d.confidence = std::max(d.confidence, 0.5);
        }
        if (double(input.ptsUs - d.lastLyingUs) / 1e6 > kGraceS) {
            floorPoses.erase(floorPoses.begin() + std::ptrdiff_t(k));
            m_down.erase(m_down.begin() + std::ptrdiff_t(k));
            continue;
        }
        ++k;
        const double downS = double(input.ptsUs - d.sinceUs) / 1e6;
        if (d.lastLyingUs != input.ptsUs || downS + 1e-9 < m_params.minDurationS) {
            continue;
        }
        obs.active = true;
        obs.score = std::max(obs.score, std::min(1.0, d.confidence));
        obs.boxes.push_back(d.floor);
        obs.trackIds.push_back(d.trackId);
        if (obs.zoneId.empty()) {
            obs.zoneId = zoneIdAt(m_zoneIds, zoneIndexOf(m_zones, d.lastBox.centre()));
        }
        obs.sinceUs = obs.sinceUs ? std::min(*obs.sinceUs, d.sinceUs) : d.sinceUs;
        if (downS > longestS) {
            longestS = downS;
            detail = nlohmann::json{{"down_s", downS},
                                    {"min_duration_s", m_params.minDurationS},
                                    {"fall_seen", true},
                                    {"pose_used", true},
                                    {"confidence", d.confidence},
                                    {"lost_by_detector", true}};
        }
    }
    for (auto& u : uprightNow) {
        m_recentUpright.push_back(u);
    }
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        it = input.ptsUs - it->second.lastSeenUs > kForgetTrackUs ? m_tracks.erase(it)
                                                                  : std::next(it);
    }
    if (obs.active) {
        obs.detail = detail.dump();
    }
    return obs;
}

}  // namespace vigie::inference
