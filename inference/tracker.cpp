#include "inference/tracker.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "inference/linear_assignment.h"

namespace vigie::inference {

namespace {

using core::TrackState;

constexpr double kUsPerS = 1e6;

BoxMeasurement toMeasurement(const core::BoxF& pixels) {
    const double w = pixels.width();
    const double h = pixels.height();
    return {pixels.x0 + w / 2.0, pixels.y0 + h / 2.0, w / h, h};
}

core::BoxF pixelBox(const KalmanState& s) {
    const double h = s.mean(3, 0);
    const double w = s.mean(2, 0) * h;
    const double cx = s.mean(0, 0);
    const double cy = s.mean(1, 0);
    return {cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0};
}

bool isTracked(const TrackState s) {
    return s == TrackState::Confirmed || s == TrackState::Tentative;
}

}  // namespace

ByteTracker::ByteTracker(TrackerParams params) : m_params(params) {}

void ByteTracker::reset() {
    restart();
    m_lastPtsUs = 0;
    m_frameWidth = 0;
    m_frameHeight = 0;
}

void ByteTracker::restart() {
    m_tracks.clear();
    m_updates = 0;
}

std::vector<core::TrackedObject> ByteTracker::update(const std::vector<core::Detection>& detections,
                                                     std::int64_t ptsUs, int frameWidth,
                                                     int frameHeight) {
    if (frameWidth <= 0 || frameHeight <= 0) {
        return {};
    }
    // Pixel states of another frame size, or a stream that jumped back in time (reconnect,
    // file loop), cannot be continued: start afresh rather than match against nonsense.
    if (m_updates > 0 &&
        (ptsUs < m_lastPtsUs || frameWidth != m_frameWidth || frameHeight != m_frameHeight)) {
        restart();
    }
    const double dtSteps =
        m_updates > 0 ? static_cast<double>(ptsUs - m_lastPtsUs) / kUsPerS / kNominalFramePeriodS
                      : 0.0;
    m_lastPtsUs = ptsUs;
    m_frameWidth = frameWidth;
    m_frameHeight = frameHeight;
    ++m_updates;

    // Split the detections by score; the boundaries follow ByteTrack (strictly above the low
    // threshold), except that a score equal to the high threshold counts as high.
    const double w = frameWidth;
    const double h = frameHeight;
    std::vector<PixelDetection> high;
    std::vector<PixelDetection> low;
    for (const core::Detection& d : detections) {
        if (!d.box.isValid() || !std::isfinite(d.score)) {
            continue;
        }
        const PixelDetection p{
            {d.box.x0 * w, d.box.y0 * h, d.box.x1 * w, d.box.y1 * h}, d.classId, d.score};
        if (d.score >= m_params.highThreshold) {
            high.push_back(p);
        } else if (d.score > m_params.lowThreshold) {
            low.push_back(p);
        }
    }

    // 1. Predict. A lost track keeps its motion but not its height change, as in ByteTrack:
    //    a box growing or shrinking unseen for a second would end up absurd.
    for (Track& t : m_tracks) {
        if (t.state == TrackState::Lost) {
            t.kf.mean(7, 0) = 0.0;
        }
        m_kf.predict(t.kf, dtSteps);
    }

    // 2. High-score detections vs confirmed, then lost, tracks.
    std::vector<std::size_t> pool;
    std::vector<std::size_t> tentative;
    for (std::size_t i = 0; i < m_tracks.size(); ++i) {
        if (m_tracks[i].state == TrackState::Confirmed) {
            pool.push_back(i);
        } else if (m_tracks[i].state == TrackState::Tentative) {
            tentative.push_back(i);
        }
    }
    for (std::size_t i = 0; i < m_tracks.size(); ++i) {
        if (m_tracks[i].state == TrackState::Lost) {
            pool.push_back(i);
        }
    }
    std::vector<std::size_t> allHigh(high.size());
    for (std::size_t i = 0; i < high.size(); ++i) {
        allHigh[i] = i;
    }
    const Unmatched first =
        associate(pool, high, allHigh, m_params.matchThreshold, PairCost::IouTimesScore, ptsUs);

    // 3. Low-score detections vs the tracks that were being tracked until now. Lost tracks
    //    are left out: a low-score box alone is too weak to bring one back.
    std::vector<std::size_t> stillTracked;
    for (std::size_t i : first.tracks) {
        if (m_tracks[i].state == TrackState::Confirmed) {
            stillTracked.push_back(i);
        }
    }
    std::vector<std::size_t> allLow(low.size());
    for (std::size_t i = 0; i < low.size(); ++i) {
        allLow[i] = i;
    }
    const Unmatched second =
        associate(stillTracked, low, allLow, kLowScoreMatchThreshold, PairCost::Iou, ptsUs);
    for (std::size_t i : second.tracks) {
        m_tracks[i].state = TrackState::Lost;
    }

    // 4. Tentative tracks (usually seen once) vs the high-score detections left.
    const Unmatched third = associate(tentative, high, first.detections, kUnconfirmedMatchThreshold,
                                      PairCost::IouTimesScore, ptsUs);
    for (std::size_t i : third.tracks) {
        m_tracks[i].state = TrackState::Invalid;  // removed below
    }

    // 5. New tracks from confident unmatched detections.
    const bool confirmAtBirth = m_updates == 1 || m_params.minHitsToConfirm <= 1;
    for (std::size_t di : third.detections) {
        const PixelDetection& d = high[di];
        if (d.score < m_params.newTrackThreshold) {
            continue;
        }
        Track t;
        t.id = m_nextId++;
        t.kf = m_kf.initiate(toMeasurement(d.box));
        t.classId = d.classId;
        t.score = d.score;
        t.state = confirmAtBirth ? TrackState::Confirmed : TrackState::Tentative;
        t.firstSeenUs = ptsUs;
        t.lastSeenUs = ptsUs;
        t.hits = 1;
        m_tracks.push_back(t);
    }

    // 6. Forget tracks lost for too long, then duplicates.
    const auto timeoutUs = static_cast<std::int64_t>(std::llround(m_params.lostTimeoutS * kUsPerS));
    for (Track& t : m_tracks) {
        if (t.state == TrackState::Lost && ptsUs - t.lastSeenUs > timeoutUs) {
            t.state = TrackState::Invalid;
        }
    }
    removeDuplicates();
    std::erase_if(m_tracks, [](const Track& t) { return t.state == TrackState::Invalid; });

    std::vector<core::TrackedObject> out;
    for (const Track& t : m_tracks) {
        if (t.state == TrackState::Confirmed) {
            out.push_back(toObject(t));
        }
    }
    return out;
}

std::vector<core::TrackedObject> ByteTracker::coast(std::int64_t ptsUs) {
    std::vector<core::TrackedObject> out;
    if (m_updates == 0 || ptsUs < m_lastPtsUs) {
        return out;
    }
    // A still scene: time passes for nobody, so lost tracks keep the time they had left
    // and matched tracks stay matched.
    const std::int64_t elapsedUs = ptsUs - m_lastPtsUs;
    for (Track& t : m_tracks) {
        t.lastSeenUs += elapsedUs;
    }
    m_lastPtsUs = ptsUs;
    for (const Track& t : m_tracks) {
        if (t.state == core::TrackState::Confirmed) {
            out.push_back(toObject(t));
        }
    }
    return out;
}

ByteTracker::Unmatched ByteTracker::associate(const std::vector<std::size_t>& trackIdx,
                                              const std::vector<PixelDetection>& dets,
                                              const std::vector<std::size_t>& detIdx,
                                              double threshold, PairCost pairCost,
                                              std::int64_t ptsUs) {
    CostMatrix cost(trackIdx.size(), detIdx.size());
    for (std::size_t r = 0; r < trackIdx.size(); ++r) {
        const Track& t = m_tracks[trackIdx[r]];
        const core::BoxF box = pixelBox(t.kf);
        for (std::size_t c = 0; c < detIdx.size(); ++c) {
            const PixelDetection& d = dets[detIdx[c]];
            if (m_params.classAware && d.classId != t.classId) {
                cost(r, c) = std::numeric_limits<double>::infinity();
                continue;
            }
            const double overlap = core::iou(box, d.box);
            // fuse_score: a confident detection makes the same overlap a stronger match.
            cost(r, c) = pairCost == PairCost::IouTimesScore
                             ? 1.0 - overlap * static_cast<double>(d.score)
                             : 1.0 - overlap;
        }
    }
    const Assignment a = linearAssignment(cost, threshold);
    for (const auto& [r, c] : a.matches) {
        applyMatch(m_tracks[trackIdx[r]], dets[detIdx[c]], ptsUs);
    }
    Unmatched rest;
    for (std::size_t r : a.unmatchedRows) {
        rest.tracks.push_back(trackIdx[r]);
    }
    for (std::size_t c : a.unmatchedCols) {
        rest.detections.push_back(detIdx[c]);
    }
    return rest;
}

void ByteTracker::applyMatch(Track& track, const PixelDetection& det, std::int64_t ptsUs) {
    m_kf.update(track.kf, toMeasurement(det.box));
    track.score = det.score;
    track.lastSeenUs = ptsUs;
    ++track.hits;
    if (!m_params.classAware) {
        track.classId = det.classId;
    }
    // A lost track found again is confirmed at once; a tentative one once it has enough hits.
    if (track.state == TrackState::Lost || track.hits >= m_params.minHitsToConfirm) {
        track.state = TrackState::Confirmed;
    }
}

void ByteTracker::removeDuplicates() {
    // A lost track and a tracked one on the same spot are one object seen twice (typically a
    // track restarted next to its lost self): keep the one followed for longer.
    std::vector<char> drop(m_tracks.size(), 0);
    for (std::size_t p = 0; p < m_tracks.size(); ++p) {
        const Track& a = m_tracks[p];
        if (!isTracked(a.state)) {
            continue;
        }
        for (std::size_t q = 0; q < m_tracks.size(); ++q) {
            const Track& b = m_tracks[q];
            if (b.state != TrackState::Lost || (m_params.classAware && a.classId != b.classId)) {
                continue;
            }
            if (1.0 - core::iou(pixelBox(a.kf), pixelBox(b.kf)) >= kDuplicateIouDistance) {
                continue;
            }
            const std::int64_t ageA = a.lastSeenUs - a.firstSeenUs;
            const std::int64_t ageB = b.lastSeenUs - b.firstSeenUs;
            drop[ageA > ageB ? q : p] = 1;
        }
    }
    for (std::size_t i = 0; i < m_tracks.size(); ++i) {
        if (drop[i]) {
            m_tracks[i].state = TrackState::Invalid;
        }
    }
}

core::TrackedObject ByteTracker::toObject(const Track& track) const {
    const double w = m_frameWidth;
    const double h = m_frameHeight;
    const core::BoxF px = pixelBox(track.kf);
    core::TrackedObject o;
    o.id = track.id;
    o.box = core::clampToUnit({px.x0 / w, px.y0 / h, px.x1 / w, px.y1 / h});
    o.classId = track.classId;
    o.score = track.score;
    o.state = track.state;
    o.firstSeenUs = track.firstSeenUs;
    o.lastSeenUs = track.lastSeenUs;
    o.hits = track.hits;
    // Bottom centre (cx, cy + h/2): its rate is (vcx, vcy + vh/2), in pixels per step.
    const double vx = track.kf.mean(4, 0);
    const double vy = track.kf.mean(5, 0) + track.kf.mean(7, 0) / 2.0;
    o.velocity = {vx / w / kNominalFramePeriodS, vy / h / kNominalFramePeriodS};
    return o;
}

std::vector<core::TrackedObject> ByteTracker::lostTracks() const {
    std::vector<core::TrackedObject> out;
    for (const Track& t : m_tracks) {
        if (t.state == TrackState::Lost) {
            out.push_back(toObject(t));
        }
    }
    return out;
}

}  // namespace vigie::inference
