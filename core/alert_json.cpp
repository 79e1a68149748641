#include "core/alert_json.h"

#include <cerrno>
#include <cstring>
#include <ctime>

namespace vigie::core {

using nlohmann::json;

std::string isoUtc(std::int64_t unixMs) {
    const std::time_t secs = static_cast<std::time_t>(unixMs / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(unixMs % 1000));
    return buf;
}

json alertToJson(const Alert& a) {
    json boxes = json::array();
    for (const auto& b : a.boxes) {
        boxes.push_back({b.x0, b.y0, b.x1, b.y1});
    }
    json detail = json::object();
    if (!a.detail.empty()) {
        detail = json::parse(a.detail, nullptr, /*allow_exceptions=*/false);
        if (detail.is_discarded()) {
            detail = a.detail;
        }
    }
    const json evidence = evidenceToJson(a);
    return json{{"uid", a.uid},
                {"event", toName(a.event)},
                {"severity", toName(a.severity)},
                {"site", a.siteId},
                {"camera", a.cameraId},
                {"rule", a.ruleId},
                {"zone", a.zoneId},
                {"t_start_s", double(a.startUs) / 1e6},
                {"t_end_s", double(a.endUs) / 1e6},
                {"wall_start", isoUtc(a.wallStartMs)},
                {"wall_end", isoUtc(a.wallEndMs)},
                {"score", a.score},
                {"boxes", boxes},
                {"track_ids", a.trackIds},
                {"detail", detail},
                {"track_path", evidence.at("track_path")},
                {"measures", evidence.at("measures")},
                {"qualification", toName(a.qualification)},
                {"comment", a.comment}};
}

json evidenceToJson(const Alert& a) {
    json path = json::array();
    for (const auto& p : a.trackPath) {
        path.push_back({p.x, p.y});
    }
    json measures = json::array();
    for (const auto& m : a.measures) {
        measures.push_back(
            {{"name", m.name}, {"value", m.value}, {"threshold", m.threshold}, {"unit", m.unit}});
    }
    return json{{"track_path", path}, {"measures", measures}};
}

void evidenceFromJson(const json& j, Alert& a) {
    if (const auto path = j.find("track_path"); path != j.end()) {
        for (const auto& p : *path) {
            a.trackPath.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
        }
    }
    if (const auto measures = j.find("measures"); measures != j.end()) {
        for (const auto& m : *measures) {
            const auto unit = m.find("unit");
            a.measures.push_back({m.at("name").get<std::string>(), m.at("value").get<double>(),
                                  m.at("threshold").get<double>(),
                                  unit != m.end() ? unit->get<std::string>() : std::string()});
        }
    }
}

Result<Alert> alertFromJson(const json& j) {
    try {
        Alert a;
        a.uid = j.at("uid").get<std::string>();
        const auto event = eventTypeFromString(j.at("event").get<std::string>());
        if (!event) {
            return makeError("unknown event '" + j.at("event").get<std::string>() + "'");
        }
        a.event = *event;
        a.severity = severityFromString(j.value("severity", "major")).value_or(Severity::Major);
        a.siteId = j.value("site", "");
        a.cameraId = j.at("camera").get<std::string>();
        a.ruleId = j.at("rule").get<std::string>();
        a.zoneId = j.value("zone", "");
        a.startUs = std::int64_t(j.at("t_start_s").get<double>() * 1e6 + 0.5);
        a.endUs = std::int64_t(j.at("t_end_s").get<double>() * 1e6 + 0.5);
        a.score = j.at("score").get<double>();
        for (const auto& b : j.at("boxes")) {
            a.boxes.push_back({b.at(0).get<double>(), b.at(1).get<double>(), b.at(2).get<double>(),
                               b.at(3).get<double>()});
        }
        if (j.contains("track_ids")) {
            a.trackIds = j.at("track_ids").get<std::vector<TrackId>>();
        }
        if (j.contains("detail")) {
            a.detail = j.at("detail").is_string() ? j.at("detail").get<std::string>()
                                                  : j.at("detail").dump();
        }
        evidenceFromJson(j, a);
        a.qualification = qualificationFromString(j.value("qualification", "unreviewed"))
                              .value_or(Qualification::Unreviewed);
        a.comment = j.value("comment", "");
        a.open = false;
        return a;
    } catch (const json::exception& e) {
        return makeError(std::string("not an alert: ") + e.what());
    }
}

Result<std::unique_ptr<JsonLinesAlertWriter>> JsonLinesAlertWriter::open(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) {
        return makeError("cannot write '" + path + "': " + std::strerror(errno));
    }
    return std::unique_ptr<JsonLinesAlertWriter>(new JsonLinesAlertWriter(f));
}

JsonLinesAlertWriter::~JsonLinesAlertWriter() {
    if (m_file != nullptr) {
        std::fclose(m_file);
    }
}

void JsonLinesAlertWriter::onAlertClosed(const Alert& alert) {
    const std::string line = alertToJson(alert).dump() + "\n";
    std::lock_guard lock(m_mutex);
    std::fwrite(line.data(), 1, line.size(), m_file);
    std::fflush(m_file);
    ++m_written;
}

int JsonLinesAlertWriter::written() const {
    std::lock_guard lock(m_mutex);
    return m_written;
}

}  // namespace vigie::core
