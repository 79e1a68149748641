#pragma once
// Alerts as JSON: one object per alert with the fields every integration relies on
// (`event`, `camera`, `rule`, `t_start_s`, `t_end_s`, `score`, `boxes`…), and a sink that
// appends closed alerts to a JSON Lines file (`vigie analyze --events-out`).

#include <nlohmann/json.hpp>

#include <cstdio>
#include <mutex>
#include <string>

#include "core/alert.h"
#include "core/result.h"
#include "core/rule_engine.h"

namespace vigie::core {

nlohmann::json alertToJson(const Alert& alert);
Result<Alert> alertFromJson(const nlohmann::json& j);
// What caused an alert: {"track_path": [[x, y]…], "measures": [{name, value, threshold,
// unit}…]} — part of alertToJson, and the evidence column of the alert store.
nlohmann::json evidenceToJson(const Alert& alert);
// Appends the object's track path and measures to `alert` (absent keys: none); throws
// nlohmann::json::exception on a malformed value.
void evidenceFromJson(const nlohmann::json& j, Alert& alert);
// "2026-11-30T14:02:11.123Z"
std::string isoUtc(std::int64_t unixMs);

// Appends each closed alert as one line and flushes it, so that a crash loses nothing
// already reported. Thread-safe.
class JsonLinesAlertWriter final : public AlertSink {
public:
    static Result<std::unique_ptr<JsonLinesAlertWriter>> open(const std::string& path);
    ~JsonLinesAlertWriter() override;
    void onAlertOpened(const Alert& alert) override { (void)alert; }
    void onAlertClosed(const Alert& alert) override;
    int written() const;

private:
    explicit JsonLinesAlertWriter(std::FILE* file) : m_file(file) {}
    mutable std::mutex m_mutex;
    std::FILE* m_file = nullptr;
    int m_written = 0;
};

}  // namespace vigie::core
