#pragma once
// An attention signal raised by a rule, as stored, shown and exported. Pure value.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/detection.h"
#include "core/event_type.h"
#include "core/geometry.h"

namespace vigie::core {

enum class Qualification { Invalid = 0, Unreviewed, Confirmed, FalsePositive };

std::string_view toName(Qualification q);
std::optional<Qualification> qualificationFromString(std::string_view name);

// A value the analyser measured against the threshold that decided (for the operator and the
// VMS: "3.4 persons/m² ≥ 3.0").
struct AlertMeasure {
    std::string name;  // "density", "distance_m", "speed_mps"…
    double value = 0.0;
    double threshold = 0.0;
    std::string unit;  // "p/m2", "m", "m/s", "s", "" for a ratio
    friend bool operator==(const AlertMeasure&, const AlertMeasure&) = default;
};

struct Alert {
    std::string uid;      // 32 hex chars, unique across engines (VMS, exports)
    std::int64_t id = 0;  // row id in the store, 0 until stored
    std::string siteId;
    std::string cameraId;
    std::string ruleId;
    std::string zoneId;  // zone or line that caused it, empty when none applies
    EventType event = EventType::Invalid;
    Severity severity = Severity::Invalid;
    std::int64_t startUs = 0;      // stream time, microseconds from the start of the source
    std::int64_t endUs = 0;        // last time the condition held
    std::int64_t wallStartMs = 0;  // site clock (Unix ms) when raised
    std::int64_t wallEndMs = 0;
    bool open = true;         // still being extended by the rule
    double score = 0.0;       // best score while open
    std::vector<BoxF> boxes;  // evidence at the best moment
    std::vector<TrackId> trackIds;
    std::string detail;  // JSON: values against thresholds, for the operator
    // What caused it, for the overlay and the VMS: the ground-contact path of the main track
    // (normalised, oldest first) and the measured values against their thresholds. For a
    // composite rule: the union of what its active conditions saw.
    std::vector<PointF> trackPath;
    std::vector<AlertMeasure> measures;
    Qualification qualification = Qualification::Unreviewed;
    std::string comment;
    std::string qualifiedBy;
    std::int64_t qualifiedAtMs = 0;
};

// A random 128-bit identifier as 32 lower-case hex characters.
std::string makeUid();

}  // namespace vigie::core
