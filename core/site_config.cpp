#include "core/site_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "core/calibration.h"
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

// Composition: how deep one condition may nest, through the rules it names included.
constexpr int kMaxConditionDepth = 8;
// Upper bound of every duration in seconds (a day).
constexpr double kMaxDurationS = 86400.0;
// Tiles per side: 4×4 already runs the detector 16 times per picture.
constexpr int kMaxTiles = 4;

constexpr std::array<std::string_view, 7> kConditionOperators = {
    "rule", "and", "or", "not", "for_at_least_s", "within_s", "count"};

std::string_view toName(DensityMethod m) {
    switch (m) {
        case DensityMethod::Auto:
            return "auto";
        case DensityMethod::Count:
            return "count";
        case DensityMethod::DensityMap:
            return "density_map";
        case DensityMethod::Invalid:
            break;
    }
    return "invalid";
}

// The parameters of an event with every documented default.
RuleParams defaultParams(EventType event) {
    switch (event) {
        case EventType::LineCrossing:
            return LineCrossingParams{};
        case EventType::WrongWay:
            return WrongWayParams{};
        case EventType::Density:
            return DensityParams{};
        case EventType::CrowdMovement:
            return CrowdMovementParams{};
        case EventType::AbandonedObject:
            return AbandonedObjectParams{};
        case EventType::PersonOnGround:
            return PersonOnGroundParams{};
        case EventType::Fire:
            return FireParams{};
        case EventType::Weapon:
            return WeaponParams{};
        case EventType::Intrusion:
        case EventType::Invalid:
            break;
    }
    return IntrusionParams{};
}

// Which zones an event works in.
enum class ZoneNeed { Invalid = 0, Lines, Areas, OptionalAreas };

ZoneNeed zoneNeed(EventType event) {
    switch (event) {
        case EventType::LineCrossing:
            return ZoneNeed::Lines;
        case EventType::Intrusion:  // the zone is the event
        case EventType::Density:    // persons per m² of the zone
            return ZoneNeed::Areas;
        case EventType::WrongWay:  // without a zone: the whole picture
        case EventType::CrowdMovement:
        case EventType::AbandonedObject:
        case EventType::PersonOnGround:
        case EventType::Fire:
        case EventType::Weapon:
            return ZoneNeed::OptionalAreas;
        case EventType::Invalid:
            break;
    }
    return ZoneNeed::Invalid;
}

std::string_view toName(Condition::Op op) {
    switch (op) {
        case Condition::Op::Rule:
            return "rule";
        case Condition::Op::And:
            return "and";
        case Condition::Op::Or:
            return "or";
        case Condition::Op::Not:
            return "not";
        case Condition::Op::ForAtLeast:
            return "for_at_least_s";
        case Condition::Op::Within:
            return "within_s";
        case Condition::Op::Count:
            return "count";
        case Condition::Op::Invalid:
            break;
    }
    return "invalid";
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

    std::optional<PointF> readPoint(const json& obj, const std::string& p, const char* key) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            m_r.error(JsonReader::child(p, key), "required point is missing");
            return std::nullopt;
        }
        return parsePoint(*it, JsonReader::child(p, key));
    }

    // A number that must be above zero (a threshold, a speed, a duration to wait for).
    bool readPositive(const json& obj, const std::string& p, const char* key, double& out,
                      bool required, double max) {
        double v = out;
        if (!m_r.readNumber(obj, p, key, v, required, 0.0, max)) {
            return false;
        }
        if (obj.contains(key) && v <= 0.0) {
            m_r.error(JsonReader::child(p, key), "must be greater than 0");
            return false;
        }
        out = v;
        return true;
    }

    void parseGroundQuad(const json& q, const std::string& qp, Calibration& cal) {
        if (!m_r.expectObject(q, qp, {"points", "width_m", "depth_m"})) {
            return;
        }
        const std::size_t before = m_r.issues().size();
        std::vector<PointF> pts = parsePoints(q, qp, 1);
        if (m_r.issues().size() == before && pts.size() != 4) {
            m_r.error(JsonReader::child(qp, "points"),
                      "a ground quadrilateral has exactly 4 corners (near-left, near-right, "
                      "far-right, far-left)");
        }
        double widthM = 0.0;
        double depthM = 0.0;
        readPositive(q, qp, "width_m", widthM, true, 10000.0);
        readPositive(q, qp, "depth_m", depthM, true, 10000.0);
        if (m_r.issues().size() != before) {
            return;
        }
        cal.groundQuad = std::move(pts);
        cal.quadWidthM = widthM;
        cal.quadDepthM = depthM;
        Calibration quadOnly = cal;
        quadOnly.referenceLengths.clear();
        if (auto model = GroundModel::fromCalibration(quadOnly); !model) {
            m_r.error(JsonReader::child(qp, "points"), model.error().message);
        }
    }

    void parseCalibration(const json& c, const std::string& cp, Calibration& cal) {
        const auto it = c.find("calibration");
        if (it == c.end()) {
            return;
        }
        const std::string kp = JsonReader::child(cp, "calibration");
        if (!m_r.expectObject(*it, kp, {"ground_quad", "reference_lengths", "person_height_m"})) {
            return;
        }
        m_r.readNumber(*it, kp, "person_height_m", cal.personHeightM, false, 1.0, 2.5);
        if (const auto q = it->find("ground_quad"); q != it->end()) {
            parseGroundQuad(*q, JsonReader::child(kp, "ground_quad"), cal);
        }
        const std::size_t before = m_r.issues().size();
        std::vector<ReferenceLength> lengths;
        m_r.forEach(*it, kp, "reference_lengths", false, [&](const json& r, const std::string& rp) {
            if (!m_r.expectObject(r, rp, {"a", "b", "length_m"})) {
                return;
            }
            ReferenceLength ref;
            const auto a = readPoint(r, rp, "a");
            const auto b = readPoint(r, rp, "b");
            readPositive(r, rp, "length_m", ref.lengthM, true, 10000.0);
            if (a && b) {
                ref.a = *a;
                ref.b = *b;
                if (distance(*a, *b) < 0.005) {
                    m_r.error(JsonReader::child(rp, "b"),
                              "too close to \"a\" to measure a length (draw a longer segment)");
                }
            }
            lengths.push_back(ref);
        });
        const std::string lp = JsonReader::child(kp, "reference_lengths");
        if (m_r.issues().size() == before && !lengths.empty()) {
            Calibration lengthsOnly;
            lengthsOnly.referenceLengths = lengths;
            if (auto model = GroundModel::fromCalibration(lengthsOnly); !model) {
                m_r.error(lp, model.error().message);
            }
        }
        cal.referenceLengths = std::move(lengths);
        if (!cal.groundQuad.empty() && !cal.referenceLengths.empty()) {
            m_r.error(kp, "draw either a ground quadrilateral or reference lengths, not both");
        }
    }

    void parseDetection(const json& c, const std::string& cp, DetectionSettings& det) {
        const auto it = c.find("detection");
        if (it == c.end()) {
            return;
        }
        const std::string dp = JsonReader::child(cp, "detection");
        if (!m_r.expectObject(
                *it, dp,
                {"tiles", "tile_overlap", "motion_gating", "motion_threshold", "max_skip_s"})) {
            return;
        }
        if (const auto t = it->find("tiles"); t != it->end()) {
            const std::string tp = JsonReader::child(dp, "tiles");
            if (!t->is_array() || t->size() != 2) {
                m_r.error(tp, "expected [rows, columns]");
            } else {
                std::array<int, 2> rc{1, 1};
                bool ok = true;
                for (std::size_t i = 0; i < 2; ++i) {
                    const json& v = (*t)[i];
                    if (!v.is_number_integer() || v.get<long long>() < 1 ||
                        v.get<long long>() > kMaxTiles) {
                        m_r.error(JsonReader::index(tp, i),
                                  "expected an integer from 1 to " + std::to_string(kMaxTiles));
                        ok = false;
                    } else {
                        rc[i] = v.get<int>();
                    }
                }
                if (ok) {
                    det.tileRows = rc[0];
                    det.tileCols = rc[1];
                }
            }
        }
        m_r.readNumber(*it, dp, "tile_overlap", det.tileOverlap, false, 0.0, 0.5);
        m_r.readBool(*it, dp, "motion_gating", det.motionGating, false);
        m_r.readNumber(*it, dp, "motion_threshold", det.motionThreshold, false, 0.0, 1.0);
        m_r.readNumber(*it, dp, "max_skip_s", det.maxSkipS, false, 0.0, 60.0);
    }

    void parseCamera(const json& c, const std::string& cp) {
        if (!m_r.expectObject(c, cp,
                              {"id", "name", "source", "analysis_fps", "enabled", "zones", "lines",
                               "calibration", "detection"})) {
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
        parseCalibration(c, cp, cam.calibration);
        parseDetection(c, cp, cam.detection);
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

    // An image-plane direction [dx, dy]; its length does not matter but must not be zero.
    void parseDirection(const json& params, const std::string& pp, const char* key, PointF& out) {
        const auto it = params.find(key);
        if (it == params.end()) {
            return;
        }
        const std::string dp = JsonReader::child(pp, key);
        if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number()) {
            m_r.error(dp, "expected a direction [dx, dy]");
            return;
        }
        const PointF d{(*it)[0].get<double>(), (*it)[1].get<double>()};
        if (!std::isfinite(d.x) || !std::isfinite(d.y) || length(d) < 1e-6) {
            m_r.error(dp, "the direction must not be zero");
            return;
        }
        out = d;
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
            case EventType::WrongWay: {
                WrongWayParams p;
                if (m_r.expectObject(params, pp,
                                     {"classes", "allowed_direction", "angle_tolerance_deg",
                                      "min_distance_m", "min_duration_s", "min_score"})) {
                    parseClasses(params, pp, p.classes);
                    parseDirection(params, pp, "allowed_direction", p.allowedDirection);
                    m_r.readNumber(params, pp, "angle_tolerance_deg", p.angleToleranceDeg, false,
                                   1.0, 180.0);
                    m_r.readNumber(params, pp, "min_distance_m", p.minDistanceM, false, 0.0,
                                   1000.0);
                    m_r.readNumber(params, pp, "min_duration_s", p.minDurationS, false, 0.0,
                                   kMaxDurationS);
                    m_r.readNumber(params, pp, "min_score", p.minScore, false, 0.0, 1.0);
                }
                rule.params = p;
                break;
            }
            case EventType::Density: {
                DensityParams p;
                if (m_r.expectObject(
                        params, pp,
                        {"threshold_per_m2", "hold_s", "method", "density_map_above_people"})) {
                    // Beyond ~10 persons/m² people cannot stand; a higher threshold never fires.
                    readPositive(params, pp, "threshold_per_m2", p.thresholdPerM2, false, 10.0);
                    m_r.readNumber(params, pp, "hold_s", p.holdS, false, 0.0, kMaxDurationS);
                    std::string method;
                    if (m_r.readString(params, pp, "method", method, false) && !method.empty()) {
                        bool found = false;
                        for (auto m : {DensityMethod::Auto, DensityMethod::Count,
                                       DensityMethod::DensityMap}) {
                            if (toName(m) == method) {
                                p.method = m;
                                found = true;
                            }
                        }
                        if (!found) {
                            m_r.error(
                                JsonReader::child(pp, "method"),
                                "'" + method + "' is not a method (auto, count, density_map)");
                        }
                    }
                    m_r.readInt(params, pp, "density_map_above_people", p.densityMapAbovePeople,
                                false, 1, 100000);
                }
                rule.params = p;
                break;
            }
            case EventType::CrowdMovement: {
                CrowdMovementParams p;
                if (m_r.expectObject(
                        params, pp,
                        {"sensitivity", "min_fraction", "min_people", "running_speed_mps",
                         "baseline_window_s", "min_area_fraction"})) {
                    m_r.readNumber(params, pp, "sensitivity", p.sensitivity, false, 0.0, 1.0);
                    m_r.readNumber(params, pp, "min_fraction", p.minFraction, false, 0.0, 1.0);
                    m_r.readInt(params, pp, "min_people", p.minPeople, false, 1, 100000);
                    readPositive(params, pp, "running_speed_mps", p.runningSpeedMps, false, 15.0);
                    // The baseline must span several analysis windows to be a baseline at all.
                    m_r.readNumber(params, pp, "baseline_window_s", p.baselineWindowS, false, 10.0,
                                   kMaxDurationS);
                    m_r.readNumber(params, pp, "min_area_fraction", p.minAreaFraction, false, 0.0,
                                   1.0);
                }
                rule.params = p;
                break;
            }
            case EventType::AbandonedObject: {
                AbandonedObjectParams p;
                if (m_r.expectObject(
                        params, pp,
                        {"classes", "static_for_s", "owner_distance_m", "min_size_fraction",
                         "require_static_foreground", "min_score"})) {
                    parseClasses(params, pp, p.classes);
                    readPositive(params, pp, "static_for_s", p.staticForS, false, kMaxDurationS);
                    m_r.readNumber(params, pp, "owner_distance_m", p.ownerDistanceM, false, 0.0,
                                   100.0);
                    m_r.readNumber(params, pp, "min_size_fraction", p.minSizeFraction, false, 0.0,
                                   1.0);
                    m_r.readBool(params, pp, "require_static_foreground", p.requireStaticForeground,
                                 false);
                    m_r.readNumber(params, pp, "min_score", p.minScore, false, 0.0, 1.0);
                }
                rule.params = p;
                break;
            }
            case EventType::PersonOnGround: {
                PersonOnGroundParams p;
                if (m_r.expectObject(params, pp,
                                     {"min_duration_s", "min_confidence", "require_fall"})) {
                    m_r.readNumber(params, pp, "min_duration_s", p.minDurationS, false, 0.0,
                                   kMaxDurationS);
                    m_r.readNumber(params, pp, "min_confidence", p.minConfidence, false, 0.0, 1.0);
                    m_r.readBool(params, pp, "require_fall", p.requireFall, false);
                }
                rule.params = p;
                break;
            }
            case EventType::Fire: {
                FireParams p;
                if (m_r.expectObject(params, pp, {"sensitivity", "min_area_fraction", "hold_s"})) {
                    m_r.readNumber(params, pp, "sensitivity", p.sensitivity, false, 0.0, 1.0);
                    m_r.readNumber(params, pp, "min_area_fraction", p.minAreaFraction, false, 0.0,
                                   1.0);
                    m_r.readNumber(params, pp, "hold_s", p.holdS, false, 0.0, kMaxDurationS);
                }
                rule.params = p;
                break;
            }
            case EventType::Weapon: {
                WeaponParams p;
                if (m_r.expectObject(params, pp, {"classes", "min_score", "hold_frames"})) {
                    parseClasses(params, pp, p.classes);
                    m_r.readNumber(params, pp, "min_score", p.minScore, false, 0.0, 1.0);
                    m_r.readInt(params, pp, "hold_frames", p.holdFrames, false, 1, 1000);
                }
                rule.params = p;
                break;
            }
            case EventType::Invalid:
                break;
        }
    }

    // One node of a composition. A node is an object with exactly one operator key:
    //   {"rule": "id"}                      the signal of another rule of the camera
    //   {"and": [c, c…]}, {"or": [c, c…]}   2 operands or more
    //   {"not": c}
    //   {"for_at_least_s": N, "of": c}      c has held for N s without a break
    //   {"within_s": N, "first": a, "then": b}   b holds and a held within the last N s
    //   {"count": "id", "at_least": K, "window_s": W}   K rises of rule id within W s
    // A plain string "id" is short for {"rule": "id"}.
    Condition parseCondition(const json& c, const std::string& p, int depth) {
        Condition cond;
        if (depth > kMaxConditionDepth) {
            m_r.error(
                p, "nested too deeply (at most " + std::to_string(kMaxConditionDepth) + " levels)");
            return cond;
        }
        if (c.is_string()) {
            cond.op = Condition::Op::Rule;
            cond.ruleId = c.get<std::string>();
            checkRuleRef(cond.ruleId, p);
            m_currentRefs.push_back({cond.ruleId, p});
            return cond;
        }
        if (!c.is_object()) {
            m_r.error(p, std::string("expected a condition object, found ") + c.type_name());
            return cond;
        }
        std::vector<std::string_view> ops;
        for (auto name : kConditionOperators) {
            if (c.contains(std::string(name))) {
                ops.push_back(name);
            }
        }
        if (ops.size() != 1) {
            std::string known;
            for (auto name : kConditionOperators) {
                known += (known.empty() ? "" : ", ") + std::string(name);
            }
            m_r.error(p, ops.empty() ? "a condition needs one operator (" + known + ")"
                                     : "a condition has exactly one operator; found " +
                                           std::to_string(ops.size()));
            return cond;
        }
        const std::string_view op = ops.front();
        auto operand = [&](const char* key) {
            const std::string kp = JsonReader::child(p, key);
            const auto it = c.find(key);
            if (it == c.end()) {
                m_r.error(kp, "required condition is missing");
                return Condition{};
            }
            return parseCondition(*it, kp, depth + 1);
        };
        if (op == "rule") {
            if (m_r.expectObject(c, p, {"rule"}) &&
                m_r.readString(c, p, "rule", cond.ruleId, true)) {
                cond.op = Condition::Op::Rule;
                checkRuleRef(cond.ruleId, JsonReader::child(p, "rule"));
                m_currentRefs.push_back({cond.ruleId, JsonReader::child(p, "rule")});
            }
        } else if (op == "and" || op == "or") {
            if (!m_r.expectObject(c, p, {op})) {
                return cond;
            }
            const std::string lp = JsonReader::child(p, op);
            const json& list = c.at(std::string(op));
            if (!list.is_array() || list.size() < 2) {
                m_r.error(lp, "expected an array of at least 2 conditions");
                return cond;
            }
            cond.op = op == "and" ? Condition::Op::And : Condition::Op::Or;
            for (std::size_t i = 0; i < list.size(); ++i) {
                cond.operands.push_back(
                    parseCondition(list[i], JsonReader::index(lp, i), depth + 1));
            }
        } else if (op == "not") {
            if (m_r.expectObject(c, p, {"not"})) {
                cond.op = Condition::Op::Not;
                cond.operands.push_back(operand("not"));
            }
        } else if (op == "for_at_least_s") {
            if (m_r.expectObject(c, p, {"for_at_least_s", "of"})) {
                cond.op = Condition::Op::ForAtLeast;
                readPositive(c, p, "for_at_least_s", cond.seconds, true, kMaxDurationS);
                cond.operands.push_back(operand("of"));
            }
        } else if (op == "within_s") {
            if (m_r.expectObject(c, p, {"within_s", "first", "then"})) {
                cond.op = Condition::Op::Within;
                readPositive(c, p, "within_s", cond.seconds, true, kMaxDurationS);
                cond.operands.push_back(operand("first"));
                cond.operands.push_back(operand("then"));
            }
        } else if (op == "count") {
            if (m_r.expectObject(c, p, {"count", "at_least", "window_s"})) {
                cond.op = Condition::Op::Count;
                const std::string rp = JsonReader::child(p, "count");
                if (m_r.readString(c, p, "count", cond.ruleId, true)) {
                    checkRuleRef(cond.ruleId, rp);
                    m_currentRefs.push_back({cond.ruleId, rp});
                }
                m_r.readInt(c, p, "at_least", cond.atLeast, true, 1, 10000);
                readPositive(c, p, "window_s", cond.seconds, true, kMaxDurationS);
            }
        }
        return cond;
    }

    void checkRuleRef(const std::string& id, const std::string& p) {
        if (!JsonReader::isValidId(id)) {
            m_r.error(p, "'" + id + "' is not a rule id");
        }
    }

    void parseRule(const json& r, const std::string& rp) {
        if (!m_r.expectObject(
                r, rp,
                {"id", "name", "event", "camera", "zones", "schedule", "severity", "cooldown_s",
                 "hold_s", "enabled", "silent", "params", "condition"})) {
            return;
        }
        Rule rule;
        m_currentRefs.clear();
        m_r.readId(r, rp, "id", rule.id);
        m_r.readString(r, rp, "name", rule.name, false);
        std::string event;
        // A composite rule may omit its event: it reports the event of the first rule it names.
        const bool eventRead = m_r.readString(r, rp, "event", event, false);
        if (eventRead && !event.empty()) {
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
        m_r.readNumber(r, rp, "cooldown_s", rule.cooldownS, false, 0.0, kMaxDurationS);
        m_r.readNumber(r, rp, "hold_s", rule.holdS, false, 0.0, 3600.0);
        m_r.readBool(r, rp, "enabled", rule.enabled, false);
        m_r.readBool(r, rp, "silent", rule.silent, false);
        if (const auto c = r.find("condition"); c != r.end()) {
            rule.condition = parseCondition(*c, JsonReader::child(rp, "condition"), 1);
            rule.params = defaultParams(rule.event);  // unused: keeps the variant consistent
            if (r.contains("params")) {
                m_r.error(JsonReader::child(rp, "params"),
                          "a composite rule (with \"condition\") has no parameters of its own; "
                          "set them on the rules it names");
            }
        } else if (rule.event != EventType::Invalid) {
            parseParams(r, rp, rule);
        } else if (!r.contains("event")) {
            m_r.error(JsonReader::child(rp, "event"),
                      "required string is missing (or give a \"condition\")");
        } else if (eventRead && event.empty()) {
            m_r.error(JsonReader::child(rp, "event"), "must not be empty");
        }
        m_rulePaths.push_back(rp);
        m_ruleRefs.push_back(std::move(m_currentRefs));
        m_currentRefs.clear();
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
            checkZones(rule, rp, *cam);
        }
        checkCompositions();
    }

    void checkZones(const Rule& rule, const std::string& rp, const Camera& cam) {
        const ZoneNeed need = rule.condition ? ZoneNeed::OptionalAreas : zoneNeed(rule.event);
        if (rule.zoneIds.empty() && need == ZoneNeed::Lines) {
            m_r.error(rp + ".zones", "a line-crossing rule needs at least one line");
        }
        if (rule.zoneIds.empty() && need == ZoneNeed::Areas) {
            m_r.error(rp + ".zones", "a '" + std::string(toName(rule.event)) +
                                         "' rule needs at least one area zone");
        }
        for (std::size_t z = 0; z < rule.zoneIds.size(); ++z) {
            const std::string& zid = rule.zoneIds[z];
            const std::string zp = rp + ".zones[" + std::to_string(z) + "]";
            const Zone* zone = cam.findZone(zid);
            const Line* line = cam.findLine(zid);
            if (zone == nullptr && line == nullptr) {
                m_r.error(zp, "camera '" + cam.id + "' has no zone or line '" + zid + "'");
            } else if (need == ZoneNeed::Lines && line == nullptr) {
                m_r.error(zp, "'" + zid + "' is a zone; a line-crossing rule needs a line");
            } else if (need != ZoneNeed::Lines && line != nullptr) {
                m_r.error(zp, "'" + zid + "' is a line; this rule needs an area zone");
            } else if (zone != nullptr && zone->kind == ZoneKind::Mask) {
                m_r.error(zp, "'" + zid + "' is a mask; rules apply to areas");
            }
        }
    }

    // Composite rules: every rule named exists on the same camera, no rule depends on itself
    // (directly or through others), and the event of an event-less composite is inherited.
    void checkCompositions() {
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < m_site.rules.size(); ++i) {
            index.emplace(m_site.rules[i].id, i);
        }
        bool refsOk = true;
        for (std::size_t i = 0; i < m_site.rules.size(); ++i) {
            const Rule& rule = m_site.rules[i];
            for (const auto& ref : m_ruleRefs[i]) {
                const auto it = index.find(ref.ruleId);
                if (it == index.end()) {
                    if (JsonReader::isValidId(ref.ruleId)) {
                        m_r.error(ref.path, "no rule has the id '" + ref.ruleId + "'");
                    }
                    refsOk = false;
                } else if (ref.ruleId == rule.id) {
                    m_r.error(ref.path, "a rule cannot depend on itself");
                    refsOk = false;
                } else if (m_site.rules[it->second].cameraId != rule.cameraId) {
                    m_r.error(ref.path, "rule '" + ref.ruleId + "' watches camera '" +
                                            m_site.rules[it->second].cameraId +
                                            "'; a condition combines rules of its own camera");
                    refsOk = false;
                }
            }
        }
        if (!refsOk) {
            return;
        }
        // Depth-first search for cycles: 0 unvisited, 1 on the current path, 2 done.
        std::vector<int> state(m_site.rules.size(), 0);
        std::vector<std::size_t> path;
        bool cycle = false;
        std::function<void(std::size_t)> visit = [&](std::size_t i) {
            state[i] = 1;
            path.push_back(i);
            for (const auto& ref : m_ruleRefs[i]) {
                const std::size_t j = index.at(ref.ruleId);
                if (state[j] == 1 && !cycle) {
                    cycle = true;
                    std::string loop;
                    const auto from = std::find(path.begin(), path.end(), j);
                    for (auto k = from; k != path.end(); ++k) {
                        loop += m_site.rules[*k].id + " → ";
                    }
                    loop += m_site.rules[j].id;
                    m_r.error(ref.path, "the rules depend on each other in a loop (" + loop + ")");
                } else if (state[j] == 0) {
                    visit(j);
                }
            }
            path.pop_back();
            state[i] = 2;
        };
        for (std::size_t i = 0; i < m_site.rules.size() && !cycle; ++i) {
            if (state[i] == 0) {
                visit(i);
            }
        }
        if (cycle) {
            return;
        }
        // Nesting depth through named rules, and the inherited event (no loop is left).
        std::vector<int> depth(m_site.rules.size(), -1);
        std::function<int(std::size_t)> depthOf = [&](std::size_t i) {
            if (depth[i] >= 0) {
                return depth[i];
            }
            int d = 0;
            for (const auto& ref : m_ruleRefs[i]) {
                d = std::max(d, 1 + depthOf(index.at(ref.ruleId)));
            }
            Rule& rule = m_site.rules[i];
            if (rule.event == EventType::Invalid && !m_ruleRefs[i].empty()) {
                const Rule& first = m_site.rules[index.at(m_ruleRefs[i].front().ruleId)];
                rule.event = first.event;
                rule.params = defaultParams(first.event);
                if (rule.severity == Severity::Invalid && rule.event != EventType::Invalid) {
                    rule.severity = defaultSeverity(rule.event);
                }
            }
            depth[i] = d;
            return d;
        };
        for (std::size_t i = 0; i < m_site.rules.size(); ++i) {
            if (depthOf(i) > kMaxConditionDepth) {
                m_r.error(m_rulePaths[i] + ".condition", "composes rules more than " +
                                                             std::to_string(kMaxConditionDepth) +
                                                             " levels deep");
            }
        }
    }

    JsonReader m_r;
    Site m_site;
    std::vector<std::string> m_rulePaths;
    struct ConditionRef {
        std::string ruleId;
        std::string path;
    };
    std::vector<ConditionRef> m_currentRefs;            // rules named by the rule being read
    std::vector<std::vector<ConditionRef>> m_ruleRefs;  // per rule, parallel to m_site.rules
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

json paramsToJson(const RuleParams& params) {
    return std::visit(
        [](const auto& p) -> json {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, IntrusionParams>) {
                return {{"classes", p.classes},
                        {"min_dwell_s", p.minDwellS},
                        {"min_score", p.minScore}};
            } else if constexpr (std::is_same_v<T, LineCrossingParams>) {
                return {{"classes", p.classes}, {"min_score", p.minScore}};
            } else if constexpr (std::is_same_v<T, WrongWayParams>) {
                return {{"classes", p.classes},
                        {"allowed_direction", {p.allowedDirection.x, p.allowedDirection.y}},
                        {"angle_tolerance_deg", p.angleToleranceDeg},
                        {"min_distance_m", p.minDistanceM},
                        {"min_duration_s", p.minDurationS},
                        {"min_score", p.minScore}};
            } else if constexpr (std::is_same_v<T, DensityParams>) {
                return {{"threshold_per_m2", p.thresholdPerM2},
                        {"hold_s", p.holdS},
                        {"method", toName(p.method)},
                        {"density_map_above_people", p.densityMapAbovePeople}};
            } else if constexpr (std::is_same_v<T, CrowdMovementParams>) {
                return {{"sensitivity", p.sensitivity},
                        {"min_fraction", p.minFraction},
                        {"min_people", p.minPeople},
                        {"running_speed_mps", p.runningSpeedMps},
                        {"baseline_window_s", p.baselineWindowS},
                        {"min_area_fraction", p.minAreaFraction}};
            } else if constexpr (std::is_same_v<T, AbandonedObjectParams>) {
                return {{"classes", p.classes},
                        {"static_for_s", p.staticForS},
                        {"owner_distance_m", p.ownerDistanceM},
                        {"min_size_fraction", p.minSizeFraction},
                        {"require_static_foreground", p.requireStaticForeground},
                        {"min_score", p.minScore}};
            } else if constexpr (std::is_same_v<T, PersonOnGroundParams>) {
                return {{"min_duration_s", p.minDurationS},
                        {"min_confidence", p.minConfidence},
                        {"require_fall", p.requireFall}};
            } else if constexpr (std::is_same_v<T, FireParams>) {
                return {{"sensitivity", p.sensitivity},
                        {"min_area_fraction", p.minAreaFraction},
                        {"hold_s", p.holdS}};
            } else {
                static_assert(std::is_same_v<T, WeaponParams>);
                return {{"classes", p.classes},
                        {"min_score", p.minScore},
                        {"hold_frames", p.holdFrames}};
            }
        },
        params);
}

json conditionToJson(const Condition& c) {
    switch (c.op) {
        case Condition::Op::Rule:
            return {{"rule", c.ruleId}};
        case Condition::Op::And:
        case Condition::Op::Or: {
            json list = json::array();
            for (const auto& o : c.operands) {
                list.push_back(conditionToJson(o));
            }
            return {{std::string(toName(c.op)), list}};
        }
        case Condition::Op::Not:
            return {{"not", conditionToJson(c.operands.at(0))}};
        case Condition::Op::ForAtLeast:
            return {{"for_at_least_s", c.seconds}, {"of", conditionToJson(c.operands.at(0))}};
        case Condition::Op::Within:
            return {{"within_s", c.seconds},
                    {"first", conditionToJson(c.operands.at(0))},
                    {"then", conditionToJson(c.operands.at(1))}};
        case Condition::Op::Count:
            return {{"count", c.ruleId}, {"at_least", c.atLeast}, {"window_s", c.seconds}};
        case Condition::Op::Invalid:
            break;
    }
    return json::object();
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
        json calibration = {{"person_height_m", c.calibration.personHeightM}};
        if (c.calibration.groundQuad.size() == 4) {
            calibration["ground_quad"] = {{"points", pointsToJson(c.calibration.groundQuad)},
                                          {"width_m", c.calibration.quadWidthM},
                                          {"depth_m", c.calibration.quadDepthM}};
        }
        if (!c.calibration.referenceLengths.empty()) {
            json refs = json::array();
            for (const auto& r : c.calibration.referenceLengths) {
                refs.push_back(
                    {{"a", {r.a.x, r.a.y}}, {"b", {r.b.x, r.b.y}}, {"length_m", r.lengthM}});
            }
            calibration["reference_lengths"] = refs;
        }
        const DetectionSettings& d = c.detection;
        json detection = {{"tiles", {d.tileRows, d.tileCols}},
                          {"tile_overlap", d.tileOverlap},
                          {"motion_gating", d.motionGating},
                          {"motion_threshold", d.motionThreshold},
                          {"max_skip_s", d.maxSkipS}};
        cams.push_back({{"id", c.id},
                        {"name", c.name},
                        {"source", source},
                        {"analysis_fps", c.analysisFps},
                        {"enabled", c.enabled},
                        {"zones", zones},
                        {"lines", lines},
                        {"calibration", calibration},
                        {"detection", detection}});
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
        json rule = {{"id", r.id},
                     {"name", r.name},
                     {"event", toName(r.event)},
                     {"camera", r.cameraId},
                     {"zones", r.zoneIds},
                     {"severity", toName(r.severity)},
                     {"cooldown_s", r.cooldownS},
                     {"hold_s", r.holdS},
                     {"enabled", r.enabled},
                     {"silent", r.silent}};
        if (r.condition) {
            rule["condition"] = conditionToJson(*r.condition);
        } else {
            rule["params"] = paramsToJson(r.params);
        }
        if (!r.scheduleId.empty()) {
            rule["schedule"] = r.scheduleId;
        }
        rules.push_back(rule);
    }
    root["rules"] = rules;
    return root.dump(2) + "\n";
}

}  // namespace vigie::core
