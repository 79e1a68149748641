#pragma once
// The validated site configuration: cameras, their zones and lines, schedules and rules.
// Built only by parseSite() (site_config.h), immutable afterwards, shared read-only
// between threads. All geometry is in normalised image coordinates (0..1).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/event_type.h"
#include "core/geometry.h"

namespace vigie::core {

inline constexpr int kSiteConfigVersion = 1;

enum class Transport { Invalid = 0, Auto, Tcp, Udp, Multicast };
std::string_view toName(Transport t);

struct CameraSource {
    std::string url;  // rtsp://, rtsps://, file path (relative paths: to the config file)
    Transport transport = Transport::Auto;
    std::string credentialsRef;  // keychain entry holding user:password, never the secret
    bool loop = false;           // files: start again at the end (demos)
    bool realtime = true;        // files: pace at the source rate, like a live stream
};

enum class ZoneKind { Invalid = 0, Area, Mask };

struct Zone {
    std::string id;
    std::string name;
    ZoneKind kind = ZoneKind::Area;
    Polygon polygon;
};

// Which crossings of a line count, relative to the direction in which it was drawn (first
// point to last): "to_left" is a crossing from its right side to its left side.
enum class CrossingDirection { Invalid = 0, Any, ToLeft, ToRight };

struct Line {
    std::string id;
    std::string name;
    std::vector<PointF> points;  // polyline, at least 2 points
    CrossingDirection direction = CrossingDirection::Any;
};

// A segment of known length on the ground plane, drawn on the picture.
struct ReferenceLength {
    PointF a;
    PointF b;
    double lengthM = 0.0;
};

// How the picture maps to the ground (calibration, « étalonnage »). Either a quadrilateral
// drawn over a rectangle of known size on the ground (its corners in order: near-left,
// near-right, far-right, far-left), or at least two reference lengths at different depths;
// with neither, the engine estimates the scale from the heights of tracked people.
struct Calibration {
    std::vector<PointF> groundQuad;  // 4 points, or empty
    double quadWidthM = 0.0;         // near-left → near-right
    double quadDepthM = 0.0;         // near-right → far-right
    std::vector<ReferenceLength> referenceLengths;
    double personHeightM = 1.7;  // for the automatic estimate
    bool isDrawn() const { return groundQuad.size() == 4 || referenceLengths.size() >= 2; }
};

// How detection runs for this camera (issue: small distant people, CPU-only sites).
struct DetectionSettings {
    int tileRows = 1;  // 2×2 tiles find people the whole picture is too coarse for
    int tileCols = 1;
    double tileOverlap = 0.2;
    bool motionGating = false;       // skip the detector while the scene is static
    double motionThreshold = 0.004;  // fraction of changed pixels that counts as motion
    double maxSkipS = 2.0;           // run the detector at least this often anyway
};

struct Camera {
    std::string id;
    std::string name;
    CameraSource source;
    double analysisFps = 12.5;
    bool enabled = true;
    std::vector<Zone> zones;  // areas and masks (kind Mask: exclusion areas for every rule)
    std::vector<Line> lines;
    Calibration calibration;
    DetectionSettings detection;

    const Zone* findZone(const std::string& zoneId) const;
    const Line* findLine(const std::string& lineId) const;
};

// A weekly window in site local time; endMin may be below startMin to span midnight.
struct WeeklyWindow {
    std::uint8_t daysMask = 0;  // bit 0 = Monday … bit 6 = Sunday
    int startMin = 0;           // minutes after local midnight, 0..1439
    int endMin = 1440;          // exclusive, 1..1440
};

struct CalendarDate {
    int year = 0;
    int month = 0;
    int day = 0;
    friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

// A day that does not follow the weekly pattern: off entirely, or these windows instead.
struct ScheduleException {
    CalendarDate date;
    std::vector<WeeklyWindow> windows;  // daysMask ignored; empty = inactive all day
};

struct Schedule {
    std::string id;
    std::string name;
    std::vector<WeeklyWindow> weekly;
    std::vector<ScheduleException> exceptions;
};

struct IntrusionParams {
    std::vector<std::string> classes{"person"};
    double minDwellS = 1.0;  // presence in the zone before the signal rises
    double minScore = 0.35;
};

struct LineCrossingParams {
    std::vector<std::string> classes{"person"};
    double minScore = 0.35;
};

// A track moving against the zone's allowed direction, on the ground plane.
struct WrongWayParams {
    std::vector<std::string> classes{"person"};
    PointF allowedDirection{0.0, 1.0};  // image-plane vector of the allowed flow (here: down)
    double angleToleranceDeg = 60.0;    // deviation from the opposite of allowed that counts
    double minDistanceM = 2.0;          // ground distance covered against the flow
    double minDurationS = 1.0;
    double minScore = 0.35;
};

// Persons per m² in the zone above a threshold, for long enough. Counting boxes until the
// zone is too crowded for boxes, then the density-map model (when installed).
enum class DensityMethod { Invalid = 0, Auto, Count, DensityMap };
struct DensityParams {
    double thresholdPerM2 = 2.0;
    double holdS = 5.0;
    DensityMethod method = DensityMethod::Auto;
    int densityMapAbovePeople = 25;  // Auto: switch to the density map above this count
};

// A sudden, collective change of movement against the zone's learned baseline.
struct CrowdMovementParams {
    double sensitivity = 0.5;  // 0..1; higher raises more signals
    double minFraction = 0.3;  // of the people in the zone taking part
    int minPeople = 5;
    double runningSpeedMps = 2.5;    // a person faster than this on the ground is running
    double baselineWindowS = 300.0;  // the zone's usual motion is learned over this window
    double minAreaFraction = 0.05;   // of the zone moving (optical flow), when people are few
};

// A bag left static with its owner gone, confirmed by a static-foreground check.
struct AbandonedObjectParams {
    std::vector<std::string> classes{"backpack", "handbag", "suitcase"};
    double staticForS = 30.0;         // T: the object has not moved for this long
    double ownerDistanceM = 3.0;      // R: nobody within this ground distance
    double minSizeFraction = 0.0005;  // of the picture area; smaller objects are ignored
    bool requireStaticForeground = true;
    double minScore = 0.25;
};

// A person whose pose and box say lying, staying down after a fall.
struct PersonOnGroundParams {
    double minDurationS = 5.0;  // T: down for this long
    double minConfidence = 0.3;
    bool requireFall = true;  // a fall transition (standing → lying) must precede
};

// Flames or smoke starting: the fire model when installed, otherwise colour + flicker +
// growth over time, rejecting steady lights and reflections.
struct FireParams {
    double sensitivity = 0.5;
    double minAreaFraction = 0.002;
    double holdS = 3.0;
};

struct WeaponParams {
    std::vector<std::string> classes{"knife"};
    double minScore = 0.5;
    int holdFrames = 3;  // detected in this many analysed pictures in a row
};

using RuleParams = std::variant<IntrusionParams, LineCrossingParams, WrongWayParams, DensityParams,
                                CrowdMovementParams, AbandonedObjectParams, PersonOnGroundParams,
                                FireParams, WeaponParams>;

// Composition of rules (Ex. 32, 38): a boolean expression over other rules of the same
// camera, with durations. Leaves name rules; a rule used only as a condition is "silent".
struct Condition {
    enum class Op { Invalid = 0, Rule, And, Or, Not, ForAtLeast, Within, Count };
    Op op = Op::Invalid;
    std::string ruleId;               // Op::Rule, Op::Count
    std::vector<Condition> operands;  // And, Or: 2+; Not, ForAtLeast: 1; Within: 2 (a then b)
    double seconds = 0.0;             // ForAtLeast: held this long; Within: b within s of a;
                                      // Count: over this window
    int atLeast = 0;                  // Count: this many signals of ruleId in the window
};

struct Rule {
    std::string id;
    std::string name;
    EventType event = EventType::Invalid;
    std::string cameraId;
    std::vector<std::string> zoneIds;  // areas or lines of that camera, by id
    std::string scheduleId;            // empty: always active
    Severity severity = Severity::Invalid;
    double cooldownS = 30.0;  // no new alert of this rule on this camera for this long
    double holdS = 2.0;       // the condition must be absent this long before the alert closes
    bool enabled = true;
    bool silent = false;  // a condition for other rules only: raises no alert itself
    RuleParams params;
    std::optional<Condition> condition;  // composite rule: params unused
};

struct EngineSettings {
    std::string modelDir;  // empty: the product default; relative: to the config file
    std::string detector = "yolox_nano_416";
    std::string device = "auto";  // auto, cpu, cuda
    int maxBatch = 8;
    int batchWaitMs = 5;
};

struct Site {
    int version = kSiteConfigVersion;
    std::string id;
    std::string name;
    std::string timezone = "Europe/Paris";
    EngineSettings engine;
    std::vector<Camera> cameras;
    std::vector<Schedule> schedules;
    std::vector<Rule> rules;
    std::string baseDir;  // directory of the config file, for relative paths

    const Camera* findCamera(const std::string& cameraId) const;
    const Schedule* findSchedule(const std::string& scheduleId) const;
    std::vector<const Rule*> rulesForCamera(const std::string& cameraId) const;
    // Resolves a path of the config (source file, model dir): ${NAME} is replaced by the
    // environment variable NAME (empty when unset), then relative paths are taken from
    // baseDir. URLs are returned with only the variables expanded.
    std::string resolvePath(const std::string& rawPath) const;
};

// Replaces each ${NAME} by the value of the environment variable NAME (empty when unset).
std::string expandVariables(const std::string& text);

}  // namespace vigie::core
