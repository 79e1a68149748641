#pragma once
// Synthetic scenarios with exact ground truth, for measuring detection quality event by
// event: a scene rendered picture by picture (people, bags, a knife, flames, lights on a
// textured floor), the site that watches it (one camera, the rules under test, a drawn
// ground calibration), the true event intervals, and per picture the boxes a detector would
// return (jittered, with misses), which the scripted detector (scripted_detector.h) replays.
//
// On disk (`vigie eval --generate DIR`), one directory per scenario:
//   clip.y4m          the pictures (YUV4MPEG2, read by FFmpeg like any file)
//   site.json         the site configuration
//   truth.json        {"clip", "duration_s", "events": [{event, start_s, end_s, note}], …}
//   detections.jsonl  one line per picture: {"frame", "pts_us", "detections": [{class, box,
//                     score}]}; absent for real clips (the real detector runs)
//
// Thread: pure functions and values, any thread.
//
//   for (const auto& s : buildScenarios()) { writeScenario(s, dir / s.name); }

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event_eval.h"
#include "core/model_manifest.h"
#include "core/result.h"
#include "core/site.h"

namespace vigie::eval {

// The 80 COCO classes in the order of the product's YOLOX detector.
using core::cocoClassNames;

struct ScriptedDetection {
    std::string cls;
    core::BoxF box;  // normalised
    float score = 0.0F;
};

// One drawable of a picture, in pixels.
struct Shape {
    enum class Kind { Invalid = 0, Rect, Ellipse };
    Kind kind = Kind::Rect;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::uint8_t b = 0, g = 0, r = 0;
    int stripes = 0;  // 0: flat; n: horizontal stripes every n pixels (texture for flow)
};

struct Scenario {
    std::string name;  // also the directory name
    std::string description;
    core::EventType event = core::EventType::Invalid;  // the event it exercises
    bool positive = true;                              // false: nothing should be raised
    int width = 320;
    int height = 240;
    double fps = 10.0;
    core::Site site;  // one camera "cam" reading clip.y4m, the rules under test
    std::vector<core::TruthInterval> truth;
    std::vector<std::vector<Shape>> shapes;                  // per picture
    std::vector<std::vector<ScriptedDetection>> detections;  // per picture

    int frameCount() const { return int(shapes.size()); }
    double durationS() const { return frameCount() / fps; }
    std::int64_t ptsUs(int frame) const { return std::int64_t(double(frame) * 1e6 / fps + 0.5); }
    // BGR24 pixels of one picture, stride width × 3.
    std::vector<std::uint8_t> render(int frame) const;
};

// Every generated scenario: for each event, positives and negatives.
std::vector<Scenario> buildScenarios();
// The generated scenarios of one event.
std::vector<Scenario> buildScenarios(core::EventType event);

// Writes the pictures as a YUV4MPEG2 clip (lossless enough for colour and flicker checks).
core::Status writeY4m(const Scenario& scenario, const std::string& path);
// Writes the four files of a scenario into `dir` (created).
core::Status writeScenario(const Scenario& scenario, const std::string& dir);

// A scenario directory as read back: generated, or a real clip with its truth.
struct ScenarioFiles {
    std::string name;
    std::string dir;
    std::string clipPath;  // resolved
    core::Site site;
    std::vector<core::TruthInterval> truth;
    std::vector<core::EventType> events;  // evaluated even when the truth has none of them
    double durationS = 0.0;
    double fps = 0.0;  // of the detections (0 when none)
    // Per picture, by stream time; empty: run the real detector.
    std::vector<std::pair<std::int64_t, std::vector<ScriptedDetection>>> detections;
};

// Reads a scenario directory. A clip path starting with "data:" is taken from `dataDir` (the
// real footage set); other relative paths from the scenario directory.
core::Result<ScenarioFiles> loadScenarioDir(const std::string& dir, const std::string& dataDir);
// The same, straight from a generated scenario whose clip was written to `clipPath`.
ScenarioFiles toFiles(const Scenario& scenario, const std::string& clipPath);

}  // namespace vigie::eval
