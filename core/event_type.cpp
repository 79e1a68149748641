#include "core/event_type.h"

namespace vigie::core {

namespace {

struct EventName {
    EventType type;
    std::string_view name;
};

constexpr std::array kEventNames = {
    EventName{EventType::Intrusion, "intrusion"},
    EventName{EventType::LineCrossing, "line_crossing"},
    EventName{EventType::WrongWay, "wrong_way"},
    EventName{EventType::CrowdMovement, "crowd_movement"},
    EventName{EventType::Density, "density"},
    EventName{EventType::AbandonedObject, "abandoned_object"},
    EventName{EventType::Weapon, "weapon"},
    EventName{EventType::PersonOnGround, "person_on_ground"},
    EventName{EventType::Fire, "fire"},
};

}  // namespace

std::string_view toName(EventType type) {
    for (const auto& e : kEventNames) {
        if (e.type == type) {
            return e.name;
        }
    }
    return "invalid";
}

std::optional<EventType> eventTypeFromString(std::string_view name) {
    for (const auto& e : kEventNames) {
        if (e.name == name) {
            return e.type;
        }
    }
    return std::nullopt;
}

std::string_view toName(Severity severity) {
    switch (severity) {
        case Severity::Info:
            return "info";
        case Severity::Major:
            return "major";
        case Severity::Critical:
            return "critical";
        case Severity::Invalid:
            break;
    }
    return "invalid";
}

std::optional<Severity> severityFromString(std::string_view name) {
    for (Severity s : {Severity::Info, Severity::Major, Severity::Critical}) {
        if (toName(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

Severity defaultSeverity(EventType type) {
    switch (type) {
        case EventType::CrowdMovement:
        case EventType::PersonOnGround:
        case EventType::Fire:
        case EventType::Weapon:
            return Severity::Critical;
        case EventType::Intrusion:
        case EventType::LineCrossing:
        case EventType::WrongWay:
        case EventType::Density:
        case EventType::AbandonedObject:
            return Severity::Major;
        case EventType::Invalid:
            break;
    }
    return Severity::Info;
}

}  // namespace vigie::core
