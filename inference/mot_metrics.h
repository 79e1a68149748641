#pragma once
// Multi-object tracking metrics: CLEAR-MOT (Bernardin & Stiefelhagen 2008) and the identity
// measures IDF1/IDP/IDR (Ristani et al. 2016), computed exactly as py-motmetrics does
// (`mm.utils.compare_to_groundtruth(gt, ts, 'iou', distth=0.5)` then
// `mm.metrics.motchallenge_metrics`), so that our figures can be compared with published ones.
//
// Purpose: score a tracker against ground truth, one MotAccumulator per sequence:
//   - per frame, distance = 1 − IoU; a pair with IoU below the threshold cannot match;
//   - an object keeps the hypothesis it was last matched to while they still overlap enough;
//     the rest is solved by a min-cost assignment with the most pairs possible; a match whose
//     hypothesis differs from the object's previous one is an ID switch;
//   - unmatched objects are misses (FN), unmatched hypotheses false positives (FP);
//   - IDF1 comes from one global min-cost matching between object ids and hypothesis ids,
//     where a pair "agrees" in every frame in which the two overlap enough.
// MOTP is py-motmetrics' one: the mean distance 1 − IoU over the matches (0 is perfect), not
// the MOTChallenge "percentage overlap".
// Thread: an accumulator is a plain value, used by one thread at a time; the free functions
// are pure. Ownership: values only.
//
//   MotAccumulator acc;
//   for (frame...) acc.update(frame, gtObjects, hypObjects);
//   const MotSummary s = acc.summarize();          // s.mota, s.idf1, s.numSwitches, ...
//   const MotSummary all = combine({s1, s2});      // the "OVERALL" row

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/geometry.h"
#include "core/result.h"

namespace vigie::inference {

// One box of one frame: a ground-truth object or a tracker hypothesis. Any unit (pixels or
// normalised), as long as ground truth and hypotheses use the same.
struct MotObject {
    std::int64_t id = 0;
    core::BoxF box;
};

using MotFrames = std::map<std::int64_t, std::vector<MotObject>>;  // frame → boxes, file order

// The figures of py-motmetrics' summary (`motchallenge_metrics` plus the counts they come
// from). Ratios are NaN when their denominator is zero.
struct MotSummary {
    std::int64_t numFrames = 0;
    std::int64_t numObjects = 0;      // ground-truth boxes over all frames
    std::int64_t numPredictions = 0;  // hypothesis boxes over all frames
    std::int64_t numUniqueObjects = 0;
    std::int64_t numMatches = 0;
    std::int64_t numSwitches = 0;
    std::int64_t numFalsePositives = 0;
    std::int64_t numMisses = 0;
    std::int64_t numFragmentations = 0;
    std::int64_t numTransfer = 0;
    std::int64_t numAscend = 0;
    std::int64_t numMigrate = 0;
    std::int64_t mostlyTracked = 0;     // tracked >= 80 % of its appearances
    std::int64_t partiallyTracked = 0;  // 20 % .. 80 %
    std::int64_t mostlyLost = 0;        // < 20 %
    std::int64_t idTruePositives = 0;   // IDTP
    std::int64_t idFalsePositives = 0;  // IDFP
    std::int64_t idFalseNegatives = 0;  // IDFN
    double distanceSum = 0.0;           // sum of 1 − IoU over matches and switches

    double mota = 0.0;
    double motp = 0.0;
    double idf1 = 0.0;
    double idp = 0.0;
    double idr = 0.0;
    double recall = 0.0;
    double precision = 0.0;

    std::int64_t numDetections() const { return numMatches + numSwitches; }
};

class MotAccumulator {
public:
    // Pairs are allowed when IoU >= iouThreshold (py-motmetrics' distth: distance <= 1 − t).
    explicit MotAccumulator(double iouThreshold = 0.5);

    // Adds one frame. Frames are expected in increasing order; ids must be unique per frame.
    void update(std::int64_t frameId, const std::vector<MotObject>& groundTruth,
                const std::vector<MotObject>& hypotheses);

    MotSummary summarize() const;

    double iouThreshold() const { return m_iouThreshold; }

private:
    using Pair = std::pair<std::int64_t, std::int64_t>;  // (object id, hypothesis id)

    double m_iouThreshold;
    // Event counts.
    std::int64_t m_frames = 0;
    std::int64_t m_matches = 0;
    std::int64_t m_switches = 0;
    std::int64_t m_falsePositives = 0;
    std::int64_t m_misses = 0;
    std::int64_t m_transfer = 0;
    std::int64_t m_ascend = 0;
    std::int64_t m_migrate = 0;
    double m_distanceSum = 0.0;
    // Correspondence state, as in py-motmetrics' MOTAccumulator.
    std::map<std::int64_t, std::int64_t> m_objectToHyp;  // m: last hypothesis per object
    std::map<std::int64_t, std::int64_t> m_hypToObject;  // res_m: last object per hypothesis
    std::set<std::int64_t> m_matchedObjects;             // last_match keys
    std::set<std::int64_t> m_matchedHyps;                // hypHistory keys
    // Per object, in frame order: 1 when matched (MATCH or SWITCH), 0 when missed.
    std::map<std::int64_t, std::vector<char>> m_objectHistory;
    // For the identity measures: frames in which each id appears, and frames in which each
    // (object, hypothesis) pair overlaps enough to be matched.
    std::map<std::int64_t, std::int64_t> m_objectFrames;
    std::map<std::int64_t, std::int64_t> m_hypFrames;
    std::map<Pair, std::int64_t> m_pairFrames;
};

// Runs one accumulator over every frame present in either input, in increasing order (what
// compare_to_groundtruth does: a frame missing from the hypotheses yields misses, a frame
// missing from the ground truth false positives).
MotAccumulator compareToGroundTruth(const MotFrames& groundTruth, const MotFrames& hypotheses,
                                    double iouThreshold = 0.5);

// The "OVERALL" row over several sequences: counts add up, ratios are recomputed (the ids of
// different sequences never match each other, so the identity matching splits per sequence).
MotSummary combine(const std::vector<MotSummary>& summaries);

// One row of a MOTChallenge text file: frame, id, x, y, w, h, conf, class, visibility.
struct MotRecord {
    std::int64_t frame = 0;
    std::int64_t id = 0;
    core::BoxF box;            // pixels, 0-based (x and y already minus 1, see below)
    double confidence = 0.0;   // "considered" flag in ground truth, score in results
    double classId = -1.0;     // NaN when absent
    double visibility = -1.0;  // NaN when absent
};

// Loads a MOTChallenge file as py-motmetrics' loadtxt(fmt='mot15-2D') does: fields separated
// by commas and/or white space, x and y shifted by −1 (MATLAB's 1-based pixels, which does
// not change any IoU), and rows whose confidence is below minConfidence dropped. The default
// −1 keeps everything, as loadtxt does: for MOT15 ground truth (all rows have conf 1 and
// class −1) this is all of it; for MOT16/17 ground truth, whose conf 0 rows are boxes not to
// be evaluated (occluders, vehicles, distractors), pass 1 as eval_motchallenge.py does. The
// class column is never used to filter, again like loadtxt. A row with fewer than 7 fields
// is an error (pandas would give it a NaN confidence and silently drop it).
core::Result<std::vector<MotRecord>> loadMotChallenge(const std::string& path,
                                                      double minConfidence = -1.0);

// Groups records by frame, keeping the file order within each frame.
MotFrames toFrames(const std::vector<MotRecord>& records);

}  // namespace vigie::inference
