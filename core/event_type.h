#pragma once
// The eight predetermined events of the tender (intrusion and line crossing are two faces of
// "franchissement"), with their stable machine names used in configs, alerts and exports.
// Pure values, any thread.

#include <array>
#include <optional>
#include <string_view>

namespace vigie::core {

enum class EventType {
    Invalid = 0,
    Intrusion,
    LineCrossing,
    WrongWay,
    CrowdMovement,
    Density,
    AbandonedObject,
    Weapon,
    PersonOnGround,
    Fire,
};

inline constexpr std::array kAllEventTypes = {
    EventType::Intrusion,     EventType::LineCrossing,   EventType::WrongWay,
    EventType::CrowdMovement, EventType::Density,        EventType::AbandonedObject,
    EventType::Weapon,        EventType::PersonOnGround, EventType::Fire,
};

// "intrusion", "line_crossing", "wrong_way", "crowd_movement", "density",
// "abandoned_object", "weapon", "person_on_ground", "fire".
std::string_view toName(EventType type);
std::optional<EventType> eventTypeFromString(std::string_view name);

// Three levels at most (alarm-management practice: sites inflate priorities otherwise).
enum class Severity { Invalid = 0, Info, Major, Critical };

std::string_view toName(Severity severity);
std::optional<Severity> severityFromString(std::string_view name);
// Defaults from the UI guide: crowd movement, person down, fire and weapons are critical.
Severity defaultSeverity(EventType type);

}  // namespace vigie::core
