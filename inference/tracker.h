#pragma once
// ByteTracker: multi-object tracking by detection, ByteTrack (Zhang et al., ECCV 2022) as a
// pure library: boxes in, tracks out, no I/O.
//
// Purpose: give each object a stable id across frames from the detector's boxes alone (no
// appearance features). Every detection box is kept, including low-score ones: these only
// extend existing tracks (an occluded person scores low but is still there) and never start
// one. Per update():
//   1. predict every track to ptsUs with its Kalman filter;
//   2. high-score detections vs confirmed and lost tracks, cost 1 − IoU·score (ByteTrack's
//      fuse_score), matchThreshold;
//   3. low-score detections vs the confirmed tracks still unmatched, cost 1 − IoU, 0.5;
//      confirmed tracks still unmatched become lost;
//   4. tentative tracks vs the remaining high-score detections, fused cost, 0.7; unmatched
//      tentative tracks are dropped at once;
//   5. new tentative tracks from the remaining high-score detections >= newTrackThreshold;
//   6. lost tracks unseen for more than lostTimeoutS are dropped, and a tracked/lost pair
//      overlapping by IoU > 0.85 keeps only the longer-lived one (ByteTrack's
//      remove_duplicate_stracks).
// Time: the motion model advances by the stream time between updates, measured in steps of
// kNominalFramePeriodS (the 30 fps of MOT17 that ByteTrack's noise weights were tuned on),
// and the lost-track buffer is in seconds: the analysis rate varies per camera (12.5 fps by
// default) and frames are dropped under load, so counting frames would not mean anything.
// Coordinates: boxes are normalised 0..1 in and out; internally the filter runs in pixels of
// the frame size given to update(), because the aspect ratio w/h is only meaningful there.
// Like ByteTrack, tracks born on the very first update are confirmed at once (there is no
// history to wait for); later ones need minHitsToConfirm matched detections.
// Thread: not thread-safe; one instance per camera, called from that camera's analysis
// thread. Ownership: owns its tracks by value (a vector of structs).
//
//   ByteTracker tracker;
//   for (const Frame& f : frames) {
//       for (const TrackedObject& t : tracker.update(detect(f), f.ptsUs, f.width, f.height)) {
//           use(t.id, t.box, t.velocity);
//       }
//   }

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/detection.h"
#include "inference/kalman_filter.h"

namespace vigie::inference {

struct TrackerParams {
    float highThreshold = 0.5F;      // detections scoring at least this are "high"
    float lowThreshold = 0.1F;       // (low, high) extends tracks only; below is ignored
    float newTrackThreshold = 0.6F;  // a high detection must score this to start a track
    float matchThreshold = 0.8F;     // max fused cost 1 − IoU·score of the first association
    double lostTimeoutS = 1.5;       // time-based track buffer, since analysis fps varies
    int minHitsToConfirm = 2;        // matched detections before a track is reported
    bool classAware = true;          // only match detections of the same class
};

class ByteTracker {
public:
    // The frame period the Kalman noise weights were tuned for (MOT17, 30 fps).
    static constexpr double kNominalFramePeriodS = 1.0 / 30.0;
    // Second and third association thresholds, fixed in ByteTrack.
    static constexpr double kLowScoreMatchThreshold = 0.5;
    static constexpr double kUnconfirmedMatchThreshold = 0.7;
    // A tracked and a lost track closer than this IoU distance are the same object.
    static constexpr double kDuplicateIouDistance = 0.15;

    explicit ByteTracker(TrackerParams params = {});

    // Associates this frame's detections (normalised boxes) with the tracks and returns the
    // confirmed tracks matched in this frame, by increasing id. ptsUs is the stream time of
    // the frame; it must not go backwards (if it does, or if the frame size changes, the
    // tracker starts afresh, keeping its id counter). frameWidth/frameHeight in pixels, > 0;
    // otherwise nothing happens and the result is empty.
    std::vector<core::TrackedObject> update(const std::vector<core::Detection>& detections,
                                            std::int64_t ptsUs, int frameWidth, int frameHeight);

    // A picture the detector skipped because nothing moved (motion gating): the tracks stay
    // where they are and do not age, as if they had been seen again at ptsUs. Returns the
    // confirmed tracks, like update().
    std::vector<core::TrackedObject> coast(std::int64_t ptsUs);

    // Confirmed tracks not matched recently but still kept for lostTimeoutS, with their
    // predicted box and state Lost, by increasing id.
    std::vector<core::TrackedObject> lostTracks() const;

    // Drops every track; ids keep increasing so they stay unique for this instance.
    void reset();

    const TrackerParams& params() const { return m_params; }

private:
    struct Track {
        core::TrackId id = 0;
        KalmanState kf;
        int classId = -1;
        float score = 0.0F;
        core::TrackState state = core::TrackState::Invalid;  // Tentative, Confirmed or Lost
        std::int64_t firstSeenUs = 0;
        std::int64_t lastSeenUs = 0;
        int hits = 0;
    };
    struct PixelDetection {
        core::BoxF box;  // pixels
        int classId = -1;
        float score = 0.0F;
    };
    // How a track/detection pair is scored: 1 − IoU, or ByteTrack's fuse_score 1 − IoU·score.
    enum class PairCost { Invalid = 0, Iou, IouTimesScore };
    struct Unmatched {
        std::vector<std::size_t> tracks;      // indices into m_tracks
        std::vector<std::size_t> detections;  // indices into the detection vector
    };

    void restart();
    // One ByteTrack association round between m_tracks[trackIdx] and dets[detIdx]; matched
    // tracks are updated with their detection.
    Unmatched associate(const std::vector<std::size_t>& trackIdx,
                        const std::vector<PixelDetection>& dets,
                        const std::vector<std::size_t>& detIdx, double threshold, PairCost pairCost,
                        std::int64_t ptsUs);
    void applyMatch(Track& track, const PixelDetection& det, std::int64_t ptsUs);
    void removeDuplicates();
    core::TrackedObject toObject(const Track& track) const;

    TrackerParams m_params;
    KalmanFilter m_kf;
    std::vector<Track> m_tracks;  // by increasing id
    core::TrackId m_nextId = 1;
    std::int64_t m_lastPtsUs = 0;
    int m_frameWidth = 0;
    int m_frameHeight = 0;
    std::int64_t m_updates = 0;  // since construction or the last restart
};

}  // namespace vigie::inference
