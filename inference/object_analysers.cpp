// Analysers of objects that stop: the abandoned bag and the person on the ground.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

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

// Fraction of `small` covered by `big`.
double coveredFraction(const core::BoxF& small, const core::BoxF& big) {
    const double a = small.area();
    return a > 0 ? core::intersectionArea(small, big) / a : 0.0;
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
    if (m_background->differingFraction(c.box) < kMinForegroundFraction) {
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
    return change <= kMaxPatchChange;
#else
    (void)c;
    (void)input;
    return true;
#endif
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
    // Bags seen now, matched to the candidates (same track, else the same place).
    std::vector<bool> matched(m_candidates.size(), false);
    for (const auto& t : *input.tracks) {
        if (!classAllowed(m_params.classes, t.label) || t.score < m_params.minScore ||
            t.lastSeenUs != input.ptsUs || t.box.area() < m_params.minSizeFraction) {
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
#ifdef VIGIE_HAVE_OPENCV
    if (pixels && m_background != nullptr) {
        std::vector<core::BoxF> frozen;
        for (const auto& c : m_candidates) {
            frozen.push_back(c.box);
        }
        const double dtS =
            m_lastBackgroundUs < 0 ? 0.0 : double(input.ptsUs - m_lastBackgroundUs) / 1e6;
        m_lastBackgroundUs = input.ptsUs;
        (void)m_background->update(*input.frame, dtS, frozen);
    }
#endif
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
        for (const auto* p : people) {
            const bool isOwner = c.ownerId && p->id == *c.ownerId;
            if (c.ownerId && !isOwner) {
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
            }
        }
        if (attended) {
            continue;
        }
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
    : m_params(params), m_zones(std::move(zones)), m_zoneIds(std::move(zoneIds)) {}

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
    std::vector<std::optional<Pose>> poses(people.size());
    if (input.models != nullptr && input.models->hasPose() && input.frame != nullptr &&
        !input.frame->empty()) {
        std::vector<core::BoxF> boxes;
        std::vector<std::size_t> owners;
        for (std::size_t i = 0; i < people.size(); ++i) {
            if (pixelAspect(people[i]->box, aspect) > kUprightAspect * 0.8) {
                boxes.push_back(people[i]->box);
                owners.push_back(i);
            }
        }
        if (!boxes.empty()) {
            auto found = input.models->poses(boxes);
            for (std::size_t k = 0; k < owners.size() && k < found.size(); ++k) {
                poses[owners[k]] = std::move(found[k]);
            }
        }
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
