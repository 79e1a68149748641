#pragma once
// CountSampler: turns what the engine publishes for each analysed picture into the counting
// and density time series of the statistics screen (core::CountStore). For every area zone
// of the camera, the people counted are those whose box bottom-centre (ground-contact
// point, as the analysers place them) is inside the zone; the whole picture is counted too
// (zone id empty). Values are aggregated per interval of the site clock (default 10 s,
// aligned on multiples of the interval since 1970), one sample per (camera, zone, metric)
// and interval, dated at the interval's start:
//   - count: the mean number of people over the pictures of the interval;
//   - density (persons/m²), for zones of a camera with a drawn calibration: the peak number
//     of people of the interval over the zone's ground area (the peak is what matters for
//     crowd safety; ChartsView shows the maximum of density buckets).
// An interval ends when a picture of a later interval arrives, or when takeCompleted() is
// called after its end (a camera that stopped). Finished samples wait in a bounded buffer
// (kMaxBuffered; the oldest are dropped and counted) until the application takes them, on a
// timer, and hands them to its writer in one batch — never one write per picture.
//
// Thread: onFrame()/add() from the engine's analysis strands (any thread); the other
// functions from any thread. Everything is under one mutex held for a few zone tests.
// Ownership: owned by the workstation, registered as a frame sink of the engine.
//
//   CountSampler sampler(site);
//   frameSinks.add(&sampler);                       // engine strands
//   ... every 10 s on the GUI thread:
//   records.appendCounts(sampler.takeCompleted(nowMs));

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/count_store.h"
#include "core/frame_sink.h"
#include "core/site.h"

namespace vigie::app {

class CountSampler final : public core::FrameSink {
public:
    static constexpr std::size_t kMaxBuffered = 100'000;

    struct Options {
        std::int64_t intervalMs = 10'000;
        std::string countedLabel = "person";
        bool wholePicture = true;  // a sample with an empty zone id for the whole picture
        // Site clock (Unix ms) of onFrame(); empty: the system clock.
        std::function<std::int64_t()> clockMs;
    };

    explicit CountSampler(const core::Site& site);
    CountSampler(const core::Site& site, Options options);

    // Zones and calibrations of the cameras (after the site was edited).
    void setSite(const core::Site& site);

    // FrameSink: counts the picture at the current site time.
    void onFrame(const core::ImageFrame& frame, const core::FrameAnalysis& analysis) override;
    // Counts one analysed picture taken at `wallMs`; `aspect` (picture height / width) is used
    // for the ground area of reference-length calibrations.
    void add(const core::FrameAnalysis& analysis, std::int64_t wallMs, double aspect);

    // Samples of the intervals that ended at or before `nowMs`, oldest first.
    std::vector<core::CountSample> takeCompleted(std::int64_t nowMs);
    // Every sample, including those of the intervals still running (at shutdown).
    std::vector<core::CountSample> takeAll();

    std::int64_t picturesCounted() const { return m_pictures.load(); }
    std::int64_t samplesDropped() const { return m_dropped.load(); }

private:
    struct ZoneDef {
        std::string id;
        core::Polygon polygon;
    };
    struct CameraDef {
        std::vector<ZoneDef> zones;
        core::Calibration calibration;
        // Ground areas by zone id for the last picture aspect (drawn calibrations only).
        double areaAspect = 0.0;
        std::map<std::string, double> areasM2;
    };
    struct Accumulator {
        double sum = 0.0;
        int max = 0;
    };
    struct Interval {
        std::int64_t startMs = -1;
        int pictures = 0;
        std::map<std::string, Accumulator> zones;  // "" = whole picture
    };

    void finish(const std::string& cameraId, CameraDef* def, Interval& interval);
    void push(core::CountSample sample);
    std::int64_t nowMs() const;

    const Options m_options;
    std::mutex m_mutex;
    std::map<std::string, CameraDef> m_cameras;
    std::map<std::string, Interval> m_intervals;
    std::deque<core::CountSample> m_done;
    std::atomic<std::int64_t> m_pictures{0};
    std::atomic<std::int64_t> m_dropped{0};
};

}  // namespace vigie::app
