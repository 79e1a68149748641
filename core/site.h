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

struct Camera {
    std::string id;
    std::string name;
    CameraSource source;
    double analysisFps = 12.5;
    bool enabled = true;
    std::vector<Zone> zones;
    std::vector<Line> lines;

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

using RuleParams = std::variant<IntrusionParams, LineCrossingParams>;

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
    RuleParams params;
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
