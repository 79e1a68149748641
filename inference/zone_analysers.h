#pragma once
// Intrusion (presence in a forbidden area for a minimum dwell) and line crossing (a track's
// ground point crosses a line in the configured direction). A track is placed by its
// ground-contact point, the bottom centre of its box. For zones, with inertia: it must be
// seen on the same side for kInertiaFrames pictures in a row before it counts as in or
// out, so that jitter of a box on a zone edge does not flicker. Lines need no inertia: a
// crossing is the segment between two consecutive positions changing side, and the rule
// engine's hold merges repeated crossings of a jittering box into one alert.
// Thread: the camera's analysis strand.

#include <map>
#include <set>

#include "inference/analyser.h"

namespace vigie::inference {

inline constexpr int kInertiaFrames = 2;
// Per-track state is forgotten when a track has not been seen for this long.
inline constexpr std::int64_t kForgetTrackUs = 10'000'000;

class IntrusionAnalyser final : public Analyser {
public:
    IntrusionAnalyser(core::IntrusionParams params, std::vector<const core::Zone*> zones);
    core::RuleObservation update(const AnalysisInput& input) override;
    std::vector<std::string> occupiedZones() const override;

private:
    struct TrackState {
        bool inside = false;
        int streak = 0;  // consecutive pictures contradicting `inside`
        std::int64_t enteredUs = 0;
        std::int64_t lastSeenUs = 0;
        std::string zoneId;
    };
    const core::Zone* zoneOf(core::PointF p) const;

    core::IntrusionParams m_params;
    std::vector<const core::Zone*> m_zones;
    std::map<core::TrackId, TrackState> m_tracks;
    std::set<std::string> m_occupied;
};

class LineCrossingAnalyser final : public Analyser {
public:
    LineCrossingAnalyser(core::LineCrossingParams params, std::vector<const core::Line*> lines);
    core::RuleObservation update(const AnalysisInput& input) override;

private:
    struct TrackState {
        core::PointF lastPoint;
        std::int64_t lastSeenUs = 0;
    };
    core::LineCrossingParams m_params;
    std::vector<const core::Line*> m_lines;
    std::map<core::TrackId, TrackState> m_tracks;
};

bool classAllowed(const std::vector<std::string>& classes, const std::string& label);

}  // namespace vigie::inference
