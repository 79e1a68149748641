#pragma once
// Where traceable actions are recorded (Ex. 119, 121, 127, 128): logins, setting and rule
// changes, alert qualifications, exports, video access, purges, backups. Implemented by the
// hash-chained AuditLog; components that act take an AuditSink so they need not know it.
// Thread: implementations are thread-safe.

#include <cstdint>
#include <string>

namespace vigie::core {

struct AuditEvent {
    std::int64_t timeMs = 0;  // site clock; 0 = now
    std::string actor;        // login, "cli:<os user>", "engine", "system"
    std::string action;       // "login", "login_failed", "rule_change", "export", "purge"…
    std::string target;       // what it applies to: user, camera, alert uid, file…
    std::string detailsJson;  // JSON object, never a secret
};

class AuditSink {
public:
    virtual ~AuditSink() = default;
    // Returns false when the record could not be written (the caller reports it).
    virtual bool record(const AuditEvent& event) = 0;
};

}  // namespace vigie::core
