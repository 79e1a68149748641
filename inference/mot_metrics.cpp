#include "inference/mot_metrics.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <string_view>

#include "inference/linear_assignment.h"

namespace vigie::inference {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den) {
    return den != 0.0 ? num / den : kNaN;
}

// The ratios of a summary from its counts; the same formulas serve one sequence and the
// overall row, as py-motmetrics' metric and *_m merge functions do.
void computeRatios(MotSummary& s) {
    const auto det = static_cast<double>(s.numDetections());
    const auto objects = static_cast<double>(s.numObjects);
    s.mota =
        s.numObjects != 0
            ? 1.0 - static_cast<double>(s.numMisses + s.numSwitches + s.numFalsePositives) / objects
            : kNaN;
    s.motp = ratio(s.distanceSum, det);
    s.recall = ratio(det, objects);
    s.precision = ratio(det, static_cast<double>(s.numFalsePositives) + det);
    const auto idtp = static_cast<double>(s.idTruePositives);
    s.idp = ratio(idtp, idtp + static_cast<double>(s.idFalsePositives));
    s.idr = ratio(idtp, idtp + static_cast<double>(s.idFalseNegatives));
    s.idf1 = ratio(2.0 * idtp, objects + static_cast<double>(s.numPredictions));
}

}  // namespace

MotAccumulator::MotAccumulator(double iouThreshold) : m_iouThreshold(iouThreshold) {}

void MotAccumulator::update(std::int64_t frameId, const std::vector<MotObject>& groundTruth,
                            const std::vector<MotObject>& hypotheses) {
    (void)frameId;  // only the order of the calls matters (no max_switch_time)
    const std::size_t no = groundTruth.size();
    const std::size_t nh = hypotheses.size();
    if (no == 0 && nh == 0) {
        return;  // py-motmetrics records no event at all for such a frame
    }
    ++m_frames;

    // Distances; a pair farther than 1 − threshold cannot match (iou_matrix's
    // `np.where(dist > max_iou, nan, dist)`: a distance equal to the limit is allowed).
    const double maxDistance = 1.0 - m_iouThreshold;
    CostMatrix dist(no, nh, kNaN);
    for (std::size_t i = 0; i < no; ++i) {
        for (std::size_t j = 0; j < nh; ++j) {
            const double d = 1.0 - core::iou(groundTruth[i].box, hypotheses[j].box);
            if (!(d > maxDistance)) {
                dist(i, j) = d;
            }
        }
    }

    // What the RAW events feed into the identity measures.
    std::set<std::int64_t> seen;
    for (const MotObject& o : groundTruth) {
        if (seen.insert(o.id).second) {
            ++m_objectFrames[o.id];
        }
    }
    seen.clear();
    for (const MotObject& h : hypotheses) {
        if (seen.insert(h.id).second) {
            ++m_hypFrames[h.id];
        }
    }
    for (std::size_t i = 0; i < no; ++i) {
        for (std::size_t j = 0; j < nh; ++j) {
            if (std::isfinite(dist(i, j))) {
                ++m_pairFrames[{groundTruth[i].id, hypotheses[j].id}];
            }
        }
    }

    std::vector<char> objectDone(no, 0);
    std::vector<char> hypDone(nh, 0);
    if (no > 0 && nh > 0) {
        // 1. Keep the correspondences of earlier frames that are still valid.
        for (std::size_t i = 0; i < no; ++i) {
            const std::int64_t o = groundTruth[i].id;
            const auto prev = m_objectToHyp.find(o);
            if (prev == m_objectToHyp.end()) {
                continue;
            }
            std::size_t j = 0;
            while (j < nh && (hypDone[j] || hypotheses[j].id != prev->second)) {
                ++j;
            }
            if (j == nh || !std::isfinite(dist(i, j))) {
                continue;
            }
            objectDone[i] = 1;
            hypDone[j] = 1;
            ++m_matches;
            m_distanceSum += dist(i, j);
            m_objectHistory[o].push_back(1);
            m_matchedObjects.insert(o);
            m_matchedHyps.insert(hypotheses[j].id);
        }

        // 2. Assign the rest: as many pairs as possible, then the cheapest.
        CostMatrix rest = dist;
        for (std::size_t i = 0; i < no; ++i) {
            for (std::size_t j = 0; j < nh; ++j) {
                if (objectDone[i] || hypDone[j]) {
                    rest(i, j) = kNaN;
                }
            }
        }
        const Assignment a = maxCardinalityAssignment(rest);
        for (const auto& [i, j] : a.matches) {
            const std::int64_t o = groundTruth[i].id;
            const std::int64_t h = hypotheses[j].id;
            const auto prevHyp = m_objectToHyp.find(o);
            const bool isSwitch = prevHyp != m_objectToHyp.end() && prevHyp->second != h;
            if (isSwitch && !m_matchedHyps.contains(h)) {
                ++m_ascend;
            }
            const auto prevObject = m_hypToObject.find(h);
            if (prevObject != m_hypToObject.end() && prevObject->second != o) {
                if (!m_matchedObjects.contains(o)) {
                    ++m_migrate;
                }
                ++m_transfer;
            }
            m_matchedHyps.insert(h);
            m_matchedObjects.insert(o);
            ++(isSwitch ? m_switches : m_matches);
            m_distanceSum += rest(i, j);
            m_objectHistory[o].push_back(1);
            objectDone[i] = 1;
            hypDone[j] = 1;
            m_objectToHyp[o] = h;
            m_hypToObject[h] = o;
        }
    }

    // 3. and 4. What is left: misses and false positives.
    for (std::size_t i = 0; i < no; ++i) {
        if (!objectDone[i]) {
            ++m_misses;
            m_objectHistory[groundTruth[i].id].push_back(0);
        }
    }
    for (std::size_t j = 0; j < nh; ++j) {
        if (!hypDone[j]) {
            ++m_falsePositives;
        }
    }
}

MotSummary MotAccumulator::summarize() const {
    MotSummary s;
    s.numFrames = m_frames;
    s.numMatches = m_matches;
    s.numSwitches = m_switches;
    s.numFalsePositives = m_falsePositives;
    s.numMisses = m_misses;
    s.numTransfer = m_transfer;
    s.numAscend = m_ascend;
    s.numMigrate = m_migrate;
    s.distanceSum = m_distanceSum;
    s.numObjects = m_matches + m_switches + m_misses;
    s.numPredictions = m_matches + m_switches + m_falsePositives;
    s.numUniqueObjects = static_cast<std::int64_t>(m_objectHistory.size());

    for (const auto& [id, history] : m_objectHistory) {
        std::size_t tracked = 0;
        std::size_t first = history.size();
        std::size_t last = 0;
        for (std::size_t k = 0; k < history.size(); ++k) {
            if (history[k]) {
                ++tracked;
                first = std::min(first, k);
                last = k;
            }
        }
        const double trackRatio =
            static_cast<double>(tracked) / static_cast<double>(history.size());
        if (trackRatio >= 0.8) {
            ++s.mostlyTracked;
        } else if (trackRatio >= 0.2) {
            ++s.partiallyTracked;
        } else {
            ++s.mostlyLost;
        }
        // A fragmentation is a tracked → missed transition inside the tracked span.
        for (std::size_t k = first + 1; k <= last && tracked > 0; ++k) {
            if (history[k - 1] && !history[k]) {
                ++s.numFragmentations;
            }
        }
    }

    // Identity measures. py-motmetrics solves a square (objects + hypotheses) problem where
    // each id may also stay unmatched; its cost is Σ frames(o) + Σ frames(h) − 2·Σ agreeing
    // frames of the matched pairs, so the optimum is the object ↔ hypothesis matching with
    // the most agreeing frames, which this smaller rectangular problem finds.
    std::int64_t objectFrames = 0;
    std::int64_t hypFrames = 0;
    for (const auto& [id, n] : m_objectFrames) {
        objectFrames += n;
    }
    for (const auto& [id, n] : m_hypFrames) {
        hypFrames += n;
    }
    std::map<std::int64_t, std::size_t> rowOf;
    std::map<std::int64_t, std::size_t> colOf;
    for (const auto& [pair, n] : m_pairFrames) {
        rowOf.emplace(pair.first, rowOf.size());
        colOf.emplace(pair.second, colOf.size());
    }
    std::int64_t agreeing = 0;
    if (!m_pairFrames.empty()) {
        CostMatrix cost(rowOf.size(), colOf.size(), 0.0);
        for (const auto& [pair, n] : m_pairFrames) {
            cost(rowOf[pair.first], colOf[pair.second]) = -static_cast<double>(n);
        }
        const std::vector<int> rowToCol = solveMinCostAssignment(cost);
        for (std::size_t r = 0; r < rowToCol.size(); ++r) {
            if (rowToCol[r] >= 0) {
                agreeing -= std::llround(cost(r, static_cast<std::size_t>(rowToCol[r])));
            }
        }
    }
    s.idFalseNegatives = objectFrames - agreeing;
    s.idFalsePositives = hypFrames - agreeing;
    s.idTruePositives = s.numObjects - s.idFalseNegatives;  // py-motmetrics' idtp

    computeRatios(s);
    return s;
}

MotAccumulator compareToGroundTruth(const MotFrames& groundTruth, const MotFrames& hypotheses,
                                    double iouThreshold) {
    static const std::vector<MotObject> kNone;
    MotAccumulator acc(iouThreshold);
    auto g = groundTruth.begin();
    auto h = hypotheses.begin();
    while (g != groundTruth.end() || h != hypotheses.end()) {
        const bool takeG =
            g != groundTruth.end() && (h == hypotheses.end() || g->first <= h->first);
        const bool takeH =
            h != hypotheses.end() && (g == groundTruth.end() || h->first <= g->first);
        const std::int64_t frame = takeG ? g->first : h->first;
        acc.update(frame, takeG ? g->second : kNone, takeH ? h->second : kNone);
        if (takeG) {
            ++g;
        }
        if (takeH) {
            ++h;
        }
    }
    return acc;
}

MotSummary combine(const std::vector<MotSummary>& summaries) {
    MotSummary s;
    for (const MotSummary& p : summaries) {
        s.numFrames += p.numFrames;
        s.numObjects += p.numObjects;
        s.numPredictions += p.numPredictions;
        s.numUniqueObjects += p.numUniqueObjects;
        s.numMatches += p.numMatches;
        s.numSwitches += p.numSwitches;
        s.numFalsePositives += p.numFalsePositives;
        s.numMisses += p.numMisses;
        s.numFragmentations += p.numFragmentations;
        s.numTransfer += p.numTransfer;
        s.numAscend += p.numAscend;
        s.numMigrate += p.numMigrate;
        s.mostlyTracked += p.mostlyTracked;
        s.partiallyTracked += p.partiallyTracked;
        s.mostlyLost += p.mostlyLost;
        s.idTruePositives += p.idTruePositives;
        s.idFalsePositives += p.idFalsePositives;
        s.idFalseNegatives += p.idFalseNegatives;
        s.distanceSum += p.distanceSum;
    }
    computeRatios(s);
    return s;
}

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && isSpace(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// Fields separated by commas and/or runs of white space (loadtxt's `\s+|\t+|,` with
// skipinitialspace); an empty field between two commas stays empty.
std::vector<std::string_view> splitFields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (start <= line.size()) {
        const std::size_t comma = std::min(line.find(',', start), line.size());
        std::string_view piece = trim(line.substr(start, comma - start));
        if (piece.empty()) {
            fields.push_back(piece);
        }
        while (!piece.empty()) {
            std::size_t end = 0;
            while (end < piece.size() && !isSpace(piece[end])) {
                ++end;
            }
            fields.push_back(piece.substr(0, end));
            piece = trim(piece.substr(end));
        }
        start = comma + 1;
    }
    return fields;
}

bool parseDouble(std::string_view s, double& out) {
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
    }
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
}

bool parseInteger(std::string_view s, std::int64_t& out) {
    double d = 0.0;
    if (!parseDouble(s, d) || !std::isfinite(d) || d != std::floor(d)) {
        return false;
    }
    out = static_cast<std::int64_t>(d);
    return true;
}

}  // namespace

core::Result<std::vector<MotRecord>> loadMotChallenge(const std::string& path,
                                                      double minConfidence) {
    std::ifstream in(path);
    if (!in) {
        return core::makeError("cannot open MOTChallenge file " + path);
    }
    std::vector<MotRecord> records;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (trim(line).empty()) {
            continue;
        }
        const std::vector<std::string_view> f = splitFields(trim(line));
        const std::string where = path + ":" + std::to_string(lineNo) + ": ";
        if (f.size() < 7) {
            return core::makeError(where +
                                   "expected at least 7 fields (frame, id, x, y, w, h, "
                                   "conf), found " +
                                   std::to_string(f.size()));
        }
        MotRecord r;
        double x = 0.0;
        double y = 0.0;
        double w = 0.0;
        double h = 0.0;
        if (!parseInteger(f[0], r.frame) || !parseInteger(f[1], r.id)) {
            return core::makeError(where + "frame and id must be integers");
        }
        if (!parseDouble(f[2], x) || !parseDouble(f[3], y) || !parseDouble(f[4], w) ||
            !parseDouble(f[5], h) || !parseDouble(f[6], r.confidence)) {
            return core::makeError(where + "x, y, w, h and conf must be numbers");
        }
        r.classId = (f.size() > 7 && parseDouble(f[7], r.classId)) ? r.classId : kNaN;
        r.visibility = (f.size() > 8 && parseDouble(f[8], r.visibility)) ? r.visibility : kNaN;
        // MATLAB's 1-based pixels, as loadtxt does; then corners the way boxiou computes them.
        x -= 1.0;
        y -= 1.0;
        r.box = {x, y, x + w, y + h};
        if (r.confidence >= minConfidence) {
            records.push_back(r);
        }
    }
    return records;
}

MotFrames toFrames(const std::vector<MotRecord>& records) {
    MotFrames frames;
    for (const MotRecord& r : records) {
        frames[r.frame].push_back({r.id, r.box});
    }
    return frames;
}

}  // namespace vigie::inference
