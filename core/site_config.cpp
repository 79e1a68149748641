#include "core/site_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/json_reader.h"

namespace vigie::core {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

std::optional<Transport> transportFromString(std::string_view s) {
    for (auto t : {Transport::Auto, Transport::Tcp, Transport::Udp, Transport::Multicast}) {
        if (toName(t) == s) {
            return t;
        }
    }
    return std::nullopt;
}

std::string_view toName(CrossingDirection d) {
    switch (d) {
        case CrossingDirection::Any:
            return "any";
        case CrossingDirection::ToLeft:
            return "to_left";
        case CrossingDirection::ToRight:
            return "to_right";
        case CrossingDirection::Invalid:
            break;
    }
    return "invalid";
}

std::string_view toName(ZoneKind k) {
    return k == ZoneKind::Mask ? "mask" : "area";
}

// "HH:MM" → minutes; "24:00" allowed only as an end.
std::optional<int> parseClock(const std::string& s, bool allowEndOfDay) {
    if (s.size() != 5 || s[2] != ':' || !std::isdigit(static_cast<unsigned char>(s[0])) ||
        !std::isdigit(static_cast<unsigned char>(s[1])) ||
        !std::isdigit(static_cast<unsigned char>(s[3])) ||
        !std::isdigit(static_cast<unsigned char>(s[4]))) {
        return std::nullopt;
    }
    const int h = (s[0] - '0') * 10 + (s[1] - '0');
    const int m = (s[3] - '0') * 10 + (s[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allowEndOfDay))) {
        return std::nullopt;
    }
    return h * 60 + m;
}

std::string formatClock(int minutes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

bool isLeap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::optional<CalendarDate> parseDate(const std::string& s) {
    int y = 0;
    int m = 0;
    int d = 0;
    char extra = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3) {
        return std::nullopt;
    }
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1970 || m < 1 || m > 12 || d < 1) {
        return std::nullopt;
    }
    const int maxDay = kDays[m - 1] + ((m == 2 && isLeap(y)) ? 1 : 0);
    if (d > maxDay) {
        return std::nullopt;
    }
    return CalendarDate{y, m, d};
}

class SiteParser {
public:
    explicit SiteParser(std::string baseDir) { m_site.baseDir = std::move(baseDir); }

    Result<Site> parse(const json& root) {
        const std::string p = "$";
        if (m_r.expectObject(root, p,
                             {"version", "site", "engine", "cameras", "schedules", "rules"})) {
            m_r.readInt(root, p, "version", m_site.version, true, 1, kSiteConfigVersion);
            parseSiteBlock(root, p);
            parseEngine(root, p);
            m_r.forEach(root, p, "cameras", true,
                        [this](const json& c, const std::string& cp) { parseCamera(c, cp); });
            m_r.forEach(root, p, "schedules", false,
                        [this](const json& s, const std::string& sp) { parseSchedule(s, sp); });
            m_r.forEach(root, p, "rules", false,
                        [this](const json& r, const std::string& rp) { parseRule(r, rp); });
            if (m_site.cameras.empty() && !m_r.hasErrors()) {
                m_r.error("$.cameras", "at least one camera is required");
            }
            crossCheck();
        }
        if (m_r.hasErrors()) {
            return makeError(formatIssues(m_r.issues()));
        }
        return std::move(m_site);
    }

private:
    void parseSiteBlock(const json& root, const std::string& p) {
        const auto it = root.find("site");
        const std::string sp = JsonReader::child(p, "site");
        if (it == root.end()) {
            m_r.error(sp, "required object is missing");
            return;
        }
        if (!m_r.expectObject(*it, sp, {"id", "name", "timezone"})) {
            return;
        }
        m_r.readId(*it, sp, "id", m_site.id);
        m_r.readString(*it, sp, "name", m_site.name, false);
        if (m_r.readString(*it, sp, "timezone", m_site.timezone, false)) {
            const bool plausible = !m_site.timezone.empty() &&
                                   m_site.timezone.find("..") == std::string::npos &&
                                   m_site.timezone.front() != '/';
            if (!plausible) {
                m_r.error(JsonReader::child(sp, "timezone"),
                          "'" + m_site.timezone + "' is not an IANA time zone name");
            }
        }
    }

    void parseEngine(const json& root, const std::string& p) {
        const auto it = root.find("engine");
        if (it == root.end()) {
            return;
        }
        const std::string ep = JsonReader::child(p, "engine");
        if (!m_r.expectObject(*it, ep,
                              {"model_dir", "detector", "device", "max_batch", "batch_wait_ms"})) {
            return;
        }
        auto& e = m_site.engine;
        m_r.readString(*it, ep, "model_dir", e.modelDir, false);
        m_r.readString(*it, ep, "detector", e.detector, false);
        if (m_r.readString(*it, ep, "device", e.device, false) && e.device != "auto" &&
            e.device != "cpu" && e.device != "cuda" && e.device.rfind("cuda:", 0) != 0) {
            m_r.error(JsonReader::child(ep, "device"),
                      "'" + e.device + "' is not a device (auto, cpu, cuda, cuda:N)");
        }
        m_r.readInt(*it, ep, "max_batch", e.maxBatch, false, 1, 1024);
        m_r.readInt(*it, ep, "batch_wait_ms", e.batchWaitMs, false, 0, 1000);
    }

    std::optional<PointF> parsePoint(const json& v, const std::string& p) {
        if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) {
            m_r.error(p, "expected a point [x, y]");
            return std::nullopt;
        }
        const PointF pt{v[0].get<double>(), v[1].get<double>()};
        if (pt.x < 0.0 || pt.x > 1.0 || pt.y < 0.0 || pt.y > 1.0) {
            m_r.error(p, "coordinates must be normalised to [0, 1] (fractions of the image)");
            return std::nullopt;
        }
        return pt;
    }

    std::vector<PointF> parsePoints(const json& obj, const std::string& p, std::size_t minCount) {
        std::vector<PointF> pts;
        const std::size_t issuesBefore = m_r.issues().size();
        m_r.forEach(obj, p, "points", true, [&](const json& v, const std::string& vp) {
            if (auto pt = parsePoint(v, vp)) {
                pts.push_back(*pt);
            }
        });
        if (m_r.issues().size() == issuesBefore && pts.size() < minCount) {
            m_r.error(JsonReader::child(p, "points"),
                      "at least " + std::to_string(minCount) + " points are required");
        }
        return pts;
    }

    void parseSource(const json& cam, const std::string& cp, CameraSource& src) {
        const auto it = cam.find("source");
        const std::string sp = JsonReader::child(cp, "source");
        if (it == cam.end()) {
            m_r.error(sp, "required object is missing");
            return;
        }
        if (!m_r.expectObject(*it, sp, {"url", "transport", "credentials", "loop", "realtime"})) {
            return;
        }
        if (m_r.readString(*it, sp, "url", src.url, true)) {
            if (src.url.empty()) {
                m_r.error(JsonReader::child(sp, "url"), "must not be empty");
            }
            const auto scheme = src.url.find("://");
            const auto at = src.url.find('@');
            if (scheme != std::string::npos && at != std::string::npos && at > scheme &&
                src.url.find('/', scheme + 3) > at) {
                m_r.error(JsonReader::child(sp, "url"),
                          "credentials must not be written in the configuration; store them "
                          "in the keychain and name the entry in \"credentials\"");
            }
        }
        std::string transport;
        if (m_r.readString(*it, sp, "transport", transport, false) && !transport.empty()) {
            if (auto t = transportFromString(transport)) {
                src.transport = *t;
            } else {
                m_r.error(JsonReader::child(sp, "transport"),
                          "'" + transport + "' is not a transport (auto, tcp, udp, multicast)");
            }
        }
        m_r.readString(*it, sp, "credentials", src.credentialsRef, false);
        m_r.readBool(*it, sp, "loop", src.loop, false);
        m_r.readBool(*it, sp, "realtime", src.realtime, false);
    }

    void parseCamera(const json& c, const std::string& cp) {
        if (!m_r.expectObject(
                c, cp, {"id", "name", "source", "analysis_fps", "enabled", "zones", "lines"})) {
            return;
        }
        Camera cam;
        m_r.readId(c, cp, "id", cam.id);
        m_r.readString(c, cp, "name", cam.name, false);
        parseSource(c, cp, cam.source);
        m_r.readNumber(c, cp, "analysis_fps", cam.analysisFps, false, 0.1, 60.0);
        m_r.readBool(c, cp, "enabled", cam.enabled, false);
        std::set<std::string> ids;
        auto uniqueId = [&](const std::string& id, const std::string& path) {
            if (!id.empty() && !ids.insert(id).second) {
                m_r.error(JsonReader::child(path, "id"),
                          "'" + id + "' is already used by another zone or line of this camera");
            }
        };
        m_r.forEach(c, cp, "zones", false, [&](const json& z, const std::string& zp) {
            if (!m_r.expectObject(z, zp, {"id", "name", "kind", "points"})) {
                return;
            }
            Zone zone;
            m_r.readId(z, zp, "id", zone.id);
            uniqueId(zone.id, zp);
            m_r.readString(z, zp, "name", zone.name, false);
            std::string kind;
            if (m_r.readString(z, zp, "kind", kind, false) && !kind.empty()) {
                if (kind == "area") {
                    zone.kind = ZoneKind::Area;
                } else if (kind == "mask") {
                    zone.kind = ZoneKind::Mask;
                } else {
                    m_r.error(JsonReader::child(zp, "kind"),
                              "'" + kind + "' is not a zone kind (area, mask)");
                }
            }
            const std::size_t before = m_r.issues().size();
            zone.polygon.points = parsePoints(z, zp, 3);
            if (m_r.issues().size() == before) {
                if (!isSimple(zone.polygon)) {
                    m_r.error(JsonReader::child(zp, "points"),
                              "the polygon's edges cross each other");
                } else if (area(zone.polygon) < 1e-6) {
                    m_r.error(JsonReader::child(zp, "points"), "the polygon has no area");
                }
            }
            cam.zones.push_back(std::move(zone));
        });
        m_r.forEach(c, cp, "lines", false, [&](const json& l, const std::string& lp) {
            if (!m_r.expectObject(l, lp, {"id", "name", "points", "direction"})) {
                return;
            }
            Line line;
            m_r.readId(l, lp, "id", line.id);
            uniqueId(line.id, lp);
            m_r.readString(l, lp, "name", line.name, false);
            const std::size_t before = m_r.issues().size();
            line.points = parsePoints(l, lp, 2);
            if (m_r.issues().size() == before) {
                for (std::size_t i = 0; i + 1 < line.points.size(); ++i) {
                    if (distance(line.points[i], line.points[i + 1]) < 1e-4) {
                        m_r.error(JsonReader::index(JsonReader::child(lp, "points"), i + 1),
                                  "repeats the previous point");
                    }
                }
            }
            std::string dir;
            if (m_r.readString(l, lp, "direction", dir, false) && !dir.empty()) {
                bool found = false;
                for (auto d : {CrossingDirection::Any, CrossingDirection::ToLeft,
                               CrossingDirection::ToRight}) {
                    if (toName(d) == dir) {
                        line.direction = d;
                        found = true;
                    }
                }
                if (!found) {
                    m_r.error(JsonReader::child(lp, "direction"),
                              "'" + dir + "' is not a direction (any, to_left, to_right)");
                }
            }
            cam.lines.push_back(std::move(line));
        });
        m_site.cameras.push_back(std::move(cam));
    }

    std::optional<WeeklyWindow> parseWindow(const json& w, const std::string& wp, bool withDays) {
        if (withDays) {
            if (!m_r.expectObject(w, wp, {"days", "start", "end"})) {
                return std::nullopt;
            }
        } else if (!m_r.expectObject(w, wp, {"start", "end"})) {
            return std::nullopt;
        }
        WeeklyWindow win;
        bool ok = true;
        if (withDays) {
            std::vector<std::string> days;
            if (m_r.readStringList(w, wp, "days", days, true)) {
                for (std::size_t i = 0; i < days.size(); ++i) {
                    const auto& d = days[i];
                    if (d == "all") {
                        win.daysMask |= 0x7F;
                    } else if (d == "weekdays") {
                        win.daysMask |= 0x1F;
                    } else if (d == "weekend") {
                        win.daysMask |= 0x60;
                    } else {
                        const auto pos = std::find(kDayNames.begin(), kDayNames.end(), d);
                        if (pos == kDayNames.end()) {
                            m_r.error(
                                JsonReader::index(JsonReader::child(wp, "days"), i),
                                "'" + d + "' is not a day (mon … sun, weekdays, weekend, all)");
                            ok = false;
                        } else {
                            win.daysMask |= static_cast<std::uint8_t>(
                                1U << static_cast<unsigned>(pos - kDayNames.begin()));
                        }
                    }
                }
                if (days.empty()) {
                    m_r.error(JsonReader::child(wp, "days"), "at least one day is required");
                    ok = false;
                }
            } else {
                ok = false;
            }
        }
        std::string start;
        std::string end;
        if (m_r.readString(w, wp, "start", start, true)) {
            if (auto m = parseClock(start, false)) {
                win.startMin = *m;
            } else {
                m_r.error(JsonReader::child(wp, "start"), "'" + start + "' is not a time HH:MM");
                ok = false;
            }
        } else {
            ok = false;
        }
        if (m_r.readString(w, wp, "end", end, true)) {
            if (auto m = parseClock(end, true); m && *m > 0) {
                win.endMin = *m;
            } else {
                m_r.error(JsonReader::child(wp, "end"),
                          "'" + end + "' is not a time HH:MM (00:01 to 24:00)");
                ok = false;
            }
        } else {
            ok = false;
        }
        if (ok && win.startMin == win.endMin) {
            m_r.error(wp, "start and end are equal: the window is empty");
            ok = false;
        }
        return ok ? std::optional(win) : std::nullopt;
    }

    void parseSchedule(const json& s, const std::string& sp) {
        if (!m_r.expectObject(s, sp, {"id", "name", "weekly", "exceptions"})) {
            return;
        }
        Schedule sched;
        m_r.readId(s, sp, "id", sched.id);
        m_r.readString(s, sp, "name", sched.name, false);
        m_r.forEach(s, sp, "weekly", true, [&](const json& w, const std::string& wp) {
            if (auto win = parseWindow(w, wp, true)) {
                sched.weekly.push_back(*win);
            }
        });
        m_r.forEach(s, sp, "exceptions", false, [&](const json& e, const std::string& xp) {
            if (!m_r.expectObject(e, xp, {"date", "windows"})) {
                return;
            }
            ScheduleException ex;
            std::string date;
            if (m_r.readString(e, xp, "date", date, true)) {
                if (auto d = parseDate(date)) {
                    ex.date = *d;
                } else {
                    m_r.error(JsonReader::child(xp, "date"),
                              "'" + date + "' is not a date YYYY-MM-DD");
                }
            }
            m_r.forEach(e, xp, "windows", false, [&](const json& w, const std::string& wp) {
                if (auto win = parseWindow(w, wp, false)) {
                    ex.windows.push_back(*win);
                }
            });
            sched.exceptions.push_back(std::move(ex));
        });
        m_site.schedules.push_back(std::move(sched));
    }

    void parseClasses(const json& params, const std::string& pp, std::vector<std::string>& out) {
        if (m_r.readStringList(params, pp, "classes", out, false) && out.empty()) {
            m_r.error(JsonReader::child(pp, "classes"), "at least one class is required");
        }
    }

    void parseParams(const json& r, const std::string& rp, Rule& rule) {
        const json empty = json::object();
        const auto it = r.find("params");
        const json& params = it == r.end() ? empty : *it;
        const std::string pp = JsonReader::child(rp, "params");
        switch (rule.event) {
            case EventType::Intrusion: {
                IntrusionParams p;
                if (m_r.expectObject(params, pp, {"classes", "min_dwell_s", "min_score"})) {
                    parseClasses(params, pp, p.classes);
                    m_r.readNumber(params, pp, "min_dwell_s", p.minDwellS, false, 0.0, 3600.0);
                    m_r.readNumber(params, pp, "min_score", p.minScore, false, 0.0, 1.0);
                }
                rule.params = p;
                break;
            }
            case EventType::LineCrossing: {
                LineCrossingParams p;
                if (m_r.expectObject(params, pp, {"classes", "min_score"})) {
                    parseClasses(params, pp, p.classes);
                    m_r.readNumber(params, pp, "min_score", p.minScore, false, 0.0, 1.0);
                }
                rule.params = p;
                break;
            }
            default:
                m_r.error(JsonReader::child(rp, "event"),
                          "'" + std::string(toName(rule.event)) +
                              "' has no analyser in this version of Vigie");
                break;
        }
    }

    void parseRule(const json& r, const std::string& rp) {
        if (!m_r.expectObject(r, rp,
                              {"id", "name", "event", "camera", "zones", "schedule", "severity",
                               "cooldown_s", "hold_s", "enabled", "params"})) {
            return;
        }
        Rule rule;
        m_r.readId(r, rp, "id", rule.id);
        m_r.readString(r, rp, "name", rule.name, false);
        std::string event;
        if (m_r.readString(r, rp, "event", event, true)) {
            if (auto e = eventTypeFromString(event)) {
                rule.event = *e;
            } else {
                m_r.error(JsonReader::child(rp, "event"), "'" + event + "' is not an event");
            }
        }
        m_r.readString(r, rp, "camera", rule.cameraId, true);
        m_r.readStringList(r, rp, "zones", rule.zoneIds, false);
        m_r.readString(r, rp, "schedule", rule.scheduleId, false);
        std::string severity;
        if (m_r.readString(r, rp, "severity", severity, false) && !severity.empty()) {
            if (auto s = severityFromString(severity)) {
                rule.severity = *s;
            } else {
                m_r.error(JsonReader::child(rp, "severity"),
                          "'" + severity + "' is not a severity (info, major, critical)");
            }
        }
        if (rule.severity == Severity::Invalid && rule.event != EventType::Invalid) {
            rule.severity = defaultSeverity(rule.event);
        }
        m_r.readNumber(r, rp, "cooldown_s", rule.cooldownS, false, 0.0, 86400.0);
        m_r.readNumber(r, rp, "hold_s", rule.holdS, false, 0.0, 3600.0);
        m_r.readBool(r, rp, "enabled", rule.enabled, false);
        if (rule.event != EventType::Invalid) {
            parseParams(r, rp, rule);
        }
        m_rulePaths.push_back(rp);
        m_site.rules.push_back(std::move(rule));
    }

    // References between sections, once every section is read.
    void crossCheck() {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < m_site.cameras.size(); ++i) {
            const auto& id = m_site.cameras[i].id;
            if (!id.empty() && !ids.insert(id).second) {
                m_r.error("$.cameras[" + std::to_string(i) + "].id",
                          "'" + id + "' is already used by another camera");
            }
        }
        ids.clear();
        for (std::size_t i = 0; i < m_site.schedules.size(); ++i) {
            const auto& id = m_site.schedules[i].id;
            if (!id.empty() && !ids.insert(id).second) {
                m_r.error("$.schedules[" + std::to_string(i) + "].id",
                          "'" + id + "' is already used by another schedule");
            }
        }
        ids.clear();
        for (std::size_t i = 0; i < m_site.rules.size(); ++i) {
            const Rule& rule = m_site.rules[i];
            const std::string& rp = m_rulePaths[i];
            if (!rule.id.empty() && !ids.insert(rule.id).second) {
                m_r.error(rp + ".id", "'" + rule.id + "' is already used by another rule");
            }
            if (!rule.scheduleId.empty() && m_site.findSchedule(rule.scheduleId) == nullptr) {
                m_r.error(rp + ".schedule", "no schedule has the id '" + rule.scheduleId + "'");
            }
            const Camera* cam = m_site.findCamera(rule.cameraId);
            if (cam == nullptr) {
                if (!rule.cameraId.empty()) {
                    m_r.error(rp + ".camera", "no camera has the id '" + rule.cameraId + "'");
                }
                continue;
            }
            const bool needsLines = rule.event == EventType::LineCrossing;
            if (rule.zoneIds.empty() && needsLines) {
                m_r.error(rp + ".zones", "a line-crossing rule needs at least one line");
            }
            if (rule.zoneIds.empty() && rule.event == EventType::Intrusion) {
                m_r.error(rp + ".zones", "an intrusion rule needs at least one zone");
            }
            for (std::size_t z = 0; z < rule.zoneIds.size(); ++z) {
                const std::string& zid = rule.zoneIds[z];
                const std::string zp = rp + ".zones[" + std::to_string(z) + "]";
                const Zone* zone = cam->findZone(zid);
                const Line* line = cam->findLine(zid);
                if (zone == nullptr && line == nullptr) {
                    m_r.error(zp, "camera '" + cam->id + "' has no zone or line '" + zid + "'");
                } else if (needsLines && line == nullptr) {
                    m_r.error(zp, "'" + zid + "' is a zone; a line-crossing rule needs a line");
                } else if (!needsLines && line != nullptr) {
                    m_r.error(zp, "'" + zid + "' is a line; this rule needs a zone");
                } else if (zone != nullptr && zone->kind == ZoneKind::Mask) {
                    m_r.error(zp, "'" + zid + "' is a mask; rules apply to areas");
                }
            }
        }
    }

    JsonReader m_r;
    Site m_site;
    std::vector<std::string> m_rulePaths;
};

json pointsToJson(const std::vector<PointF>& pts) {
    json arr = json::array();
    for (const auto& p : pts) {
        arr.push_back({p.x, p.y});
    }
    return arr;
}

json windowToJson(const WeeklyWindow& w, bool withDays) {
    json j = json::object();
    if (withDays) {
        json days = json::array();
        for (std::size_t d = 0; d < kDayNames.size(); ++d) {
            if ((w.daysMask & (1U << d)) != 0) {
                days.push_back(kDayNames[d]);
            }
        }
        j["days"] = days;
    }
    j["start"] = formatClock(w.startMin);
    j["end"] = formatClock(w.endMin);
    return j;
}

}  // namespace

std::string_view toName(Transport t) {
    switch (t) {
        case Transport::Auto:
            return "auto";
        case Transport::Tcp:
            return "tcp";
        case Transport::Udp:
            return "udp";
        case Transport::Multicast:
            return "multicast";
        case Transport::Invalid:
            break;
    }
    return "invalid";
}

Result<std::string> migrateSiteJson(const std::string& jsonText) {
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        return makeError(std::string("not valid JSON: ") + e.what());
    }
    if (!root.is_object() || !root.contains("version") || !root["version"].is_number_integer()) {
        return makeError("$.version: required integer is missing");
    }
    const int version = root["version"].get<int>();
    if (version > kSiteConfigVersion) {
        return makeError("$.version: this file was written by a newer Vigie (format " +
                         std::to_string(version) + ", this version reads up to " +
                         std::to_string(kSiteConfigVersion) + ")");
    }
    if (version < 1) {
        return makeError("$.version: format " + std::to_string(version) + " is not known");
    }
    // Numbered migrations go here, each taking the document from version N to N + 1.
    return root.dump(2);
}

Result<Site> parseSite(const std::string& jsonText, const std::string& baseDir) {
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        return makeError(std::string("$: not valid JSON (") + e.what() + ")");
    }
    if (root.is_object() && root.contains("version") && root["version"].is_number_integer() &&
        root["version"].get<int>() > kSiteConfigVersion) {
        return makeError("$.version: this file was written by a newer Vigie (format " +
                         std::to_string(root["version"].get<int>()) +
                         ", this version reads up to " + std::to_string(kSiteConfigVersion) + ")");
    }
    return SiteParser(baseDir).parse(root);
}

Result<Site> loadSite(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError("cannot read the site configuration '" + path + "'");
    }
    std::ostringstream text;
    text << in.rdbuf();
    const auto base = std::filesystem::absolute(std::filesystem::path(path)).parent_path();
    auto site = parseSite(text.str(), base.string());
    if (!site) {
        return makeError(path + ":\n" + site.error().message);
    }
    return site;
}

std::string toJson(const Site& site) {
    json root = json::object();
    root["version"] = kSiteConfigVersion;
    root["site"] = {{"id", site.id}, {"name", site.name}, {"timezone", site.timezone}};
    root["engine"] = {{"model_dir", site.engine.modelDir},
                      {"detector", site.engine.detector},
                      {"device", site.engine.device},
                      {"max_batch", site.engine.maxBatch},
                      {"batch_wait_ms", site.engine.batchWaitMs}};
    json cams = json::array();
    for (const auto& c : site.cameras) {
        json zones = json::array();
        for (const auto& z : c.zones) {
            zones.push_back({{"id", z.id},
                             {"name", z.name},
                             {"kind", toName(z.kind)},
                             {"points", pointsToJson(z.polygon.points)}});
        }
        json lines = json::array();
        for (const auto& l : c.lines) {
            lines.push_back({{"id", l.id},
                             {"name", l.name},
                             {"points", pointsToJson(l.points)},
                             {"direction", toName(l.direction)}});
        }
        json source = {{"url", c.source.url},
                       {"transport", toName(c.source.transport)},
                       {"loop", c.source.loop},
                       {"realtime", c.source.realtime}};
        if (!c.source.credentialsRef.empty()) {
            source["credentials"] = c.source.credentialsRef;
        }
        cams.push_back({{"id", c.id},
                        {"name", c.name},
                        {"source", source},
                        {"analysis_fps", c.analysisFps},
                        {"enabled", c.enabled},
                        {"zones", zones},
                        {"lines", lines}});
    }
    root["cameras"] = cams;
    json schedules = json::array();
    for (const auto& s : site.schedules) {
        json weekly = json::array();
        for (const auto& w : s.weekly) {
            weekly.push_back(windowToJson(w, true));
        }
        json exceptions = json::array();
        for (const auto& e : s.exceptions) {
            char date[32];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", e.date.year, e.date.month,
                          e.date.day);
            json windows = json::array();
            for (const auto& w : e.windows) {
                windows.push_back(windowToJson(w, false));
            }
            exceptions.push_back({{"date", date}, {"windows", windows}});
        }
        schedules.push_back(
            {{"id", s.id}, {"name", s.name}, {"weekly", weekly}, {"exceptions", exceptions}});
    }
    root["schedules"] = schedules;
    json rules = json::array();
    for (const auto& r : site.rules) {
        json params = json::object();
        if (const auto* p = std::get_if<IntrusionParams>(&r.params)) {
            params = {
                {"classes", p->classes}, {"min_dwell_s", p->minDwellS}, {"min_score", p->minScore}};
        } else if (const auto* l = std::get_if<LineCrossingParams>(&r.params)) {
            params = {{"classes", l->classes}, {"min_score", l->minScore}};
        }
        json rule = {{"id", r.id},
                     {"name", r.name},
                     {"event", toName(r.event)},
                     {"camera", r.cameraId},
                     {"zones", r.zoneIds},
                     {"severity", toName(r.severity)},
                     {"cooldown_s", r.cooldownS},
                     {"hold_s", r.holdS},
                     {"enabled", r.enabled},
                     {"params", params}};
        if (!r.scheduleId.empty()) {
            rule["schedule"] = r.scheduleId;
        }
        rules.push_back(rule);
    }
    root["rules"] = rules;
    return root.dump(2) + "\n";
}

}  // namespace vigie::core
