#include "core/alert_store.h"

#include "core/schema.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>

#include "core/alert_json.h"
#include "core/log.h"

namespace vigie::core {

using nlohmann::json;

namespace {

// Numbered schema steps, oldest first; never edit a released step, append a new one.
constexpr std::array kSchemaSteps = {
    SchemaStep{1, "alerts table", R"sql(
        CREATE TABLE alerts (
            id              INTEGER PRIMARY KEY,
            uid             TEXT    NOT NULL UNIQUE,
            site            TEXT    NOT NULL,
            camera          TEXT    NOT NULL,
            rule            TEXT    NOT NULL,
            zone            TEXT    NOT NULL,
            event           TEXT    NOT NULL,
            severity        TEXT    NOT NULL,
            start_us        INTEGER NOT NULL,
            end_us          INTEGER NOT NULL,
            wall_start_ms   INTEGER NOT NULL,
            wall_end_ms     INTEGER NOT NULL,
            open            INTEGER NOT NULL,
            score           REAL    NOT NULL,
            boxes           TEXT    NOT NULL,
            track_ids       TEXT    NOT NULL,
            detail          TEXT    NOT NULL,
            qualification   TEXT    NOT NULL,
            comment         TEXT    NOT NULL,
            qualified_by    TEXT    NOT NULL,
            qualified_at_ms INTEGER NOT NULL
        );
        CREATE INDEX alerts_by_wall_start ON alerts (wall_start_ms);
        CREATE INDEX alerts_by_camera ON alerts (camera, wall_start_ms);
    )sql"},
    // What caused the alert beyond its boxes: the track's path and the measured values
    // against their thresholds, as JSON {"track_path": [[x, y]…], "measures": […]}.
    SchemaStep{2, "alert evidence", R"sql(
        ALTER TABLE alerts ADD COLUMN evidence TEXT NOT NULL DEFAULT '{}';
    )sql"},
};
static_assert(kSchemaSteps.back().version == AlertStore::kSchemaVersion);

constexpr std::string_view kColumns =
    "id, uid, site, camera, rule, zone, event, severity, start_us, end_us, wall_start_ms, "
    "wall_end_ms, open, score, boxes, track_ids, detail, qualification, comment, qualified_by, "
    "qualified_at_ms, evidence";

// Parameters ?1..?16 and ?21 shared by the INSERT and the UPDATE of upsert(): the life-cycle
// fields and the evidence.
constexpr std::string_view kInsertSql =
    "INSERT INTO alerts (uid, site, camera, rule, zone, event, severity, start_us, end_us, "
    "wall_start_ms, wall_end_ms, open, score, boxes, track_ids, detail, qualification, comment, "
    "qualified_by, qualified_at_ms, evidence) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20, ?21)";
constexpr std::string_view kUpdateSql =
    "UPDATE alerts SET site = ?2, camera = ?3, rule = ?4, zone = ?5, event = ?6, severity = ?7, "
    "start_us = ?8, end_us = ?9, wall_start_ms = ?10, wall_end_ms = ?11, open = ?12, score = ?13, "
    "boxes = ?14, track_ids = ?15, detail = ?16, evidence = ?21 WHERE uid = ?1";

constexpr std::size_t kMaxUidChars = 128;

std::string boxesToJson(const std::vector<BoxF>& boxes) {
    json array = json::array();
    for (const auto& b : boxes) {
        array.push_back({b.x0, b.y0, b.x1, b.y1});
    }
    return array.dump();
}

std::string trackIdsToJson(const std::vector<TrackId>& ids) {
    json array = json::array();
    for (const TrackId id : ids) {
        array.push_back(id);
    }
    return array.dump();
}

std::optional<std::vector<BoxF>> boxesFromJson(const std::string& text) {
    const json array = json::parse(text, nullptr, false);
    if (array.is_discarded() || !array.is_array()) {
        return std::nullopt;
    }
    std::vector<BoxF> boxes;
    boxes.reserve(array.size());
    for (const auto& b : array) {
        if (!b.is_array() || b.size() != 4) {
            return std::nullopt;
        }
        for (const auto& v : b) {
            if (!v.is_number()) {
                return std::nullopt;
            }
        }
        boxes.push_back(
            {b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()});
    }
    return boxes;
}

std::optional<std::vector<TrackId>> trackIdsFromJson(const std::string& text) {
    const json array = json::parse(text, nullptr, false);
    if (array.is_discarded() || !array.is_array()) {
        return std::nullopt;
    }
    std::vector<TrackId> ids;
    ids.reserve(array.size());
    for (const auto& v : array) {
        if (!v.is_number_integer()) {
            return std::nullopt;
        }
        ids.push_back(v.get<TrackId>());
    }
    return ids;
}

// Older rows hold '{}'; anything else malformed is reported like a bad box list.
bool evidenceFromText(const std::string& text, Alert& a) {
    const json j = json::parse(text, nullptr, false);
    if (!j.is_object()) {
        return false;
    }
    try {
        evidenceFromJson(j, a);
    } catch (const json::exception&) {
        return false;
    }
    return true;
}

Status bindLifeCycle(Statement& st, const Alert& a) {
    const std::string boxes = boxesToJson(a.boxes);
    const std::string evidence = evidenceToJson(a).dump();
    const std::string trackIds = trackIdsToJson(a.trackIds);
    for (const Status& s :
         {st.bindText(1, a.uid), st.bindText(2, a.siteId), st.bindText(3, a.cameraId),
          st.bindText(4, a.ruleId), st.bindText(5, a.zoneId), st.bindText(6, toName(a.event)),
          st.bindText(7, toName(a.severity)), st.bindInt64(8, a.startUs), st.bindInt64(9, a.endUs),
          st.bindInt64(10, a.wallStartMs), st.bindInt64(11, a.wallEndMs),
          st.bindInt64(12, a.open ? 1 : 0), st.bindDouble(13, a.score), st.bindText(14, boxes),
          st.bindText(15, trackIds), st.bindText(16, a.detail), st.bindText(21, evidence)}) {
        if (!s) {
            return s;
        }
    }
    return okStatus();
}

}  // namespace

// --- AlertStore ---------------------------------------------------------------------------

AlertStore::AlertStore(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

AlertStore::~AlertStore() = default;

Result<std::unique_ptr<AlertStore>> AlertStore::open(const std::string& path,
                                                     const DatabaseKey& key, OpenMode mode) {
    auto db = Database::open(path, key, mode);
    if (!db) {
        return db.error();
    }
    return create(std::move(*db));
}

Result<std::unique_ptr<AlertStore>> AlertStore::create(std::unique_ptr<Database> db) {
    if (!db) {
        return makeError("internal error: no database given to the alert store");
    }
    if (auto s = applySchema(*db, "alerts", kSchemaSteps); !s) {
        return s.error();
    }
    return std::unique_ptr<AlertStore>(new AlertStore(std::move(db)));
}

Status AlertStore::validate(const Alert& alert) {
    const std::string which = "alert '" + alert.uid + "'";
    if (alert.uid.empty() || alert.uid.size() > kMaxUidChars) {
        return makeError("cannot store an alert without a valid uid (1 to 128 characters)");
    }
    if (!eventTypeFromString(toName(alert.event))) {
        return makeError("cannot store " + which + ": it has no event type");
    }
    if (!severityFromString(toName(alert.severity))) {
        return makeError("cannot store " + which + ": it has no severity");
    }
    if (!qualificationFromString(toName(alert.qualification))) {
        return makeError("cannot store " + which + ": it has no qualification");
    }
    // NaN would be stored as NULL by SQLite, and JSON has no NaN or infinity.
    if (!std::isfinite(alert.score)) {
        return makeError("cannot store " + which + ": its score is not a finite number");
    }
    for (const auto& b : alert.boxes) {
        if (!std::isfinite(b.x0) || !std::isfinite(b.y0) || !std::isfinite(b.x1) ||
            !std::isfinite(b.y1)) {
            return makeError("cannot store " + which + ": a box has a non-finite coordinate");
        }
    }
    return okStatus();
}

Result<std::int64_t> AlertStore::upsert(const Alert& alert) {
    if (auto s = validate(alert); !s) {
        return s.error();
    }
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    auto update = m_db->prepare(kUpdateSql);
    if (!update) {
        return update.error();
    }
    if (auto s = bindLifeCycle(*update, alert); !s) {
        return s.error();
    }
    if (auto s = update->run(); !s) {
        return s.error();
    }
    std::int64_t id = 0;
    if (m_db->changes() == 0) {
        auto insert = m_db->prepare(kInsertSql);
        if (!insert) {
            return insert.error();
        }
        Status s = bindLifeCycle(*insert, alert);
        for (const Status& b :
             {insert->bindText(17, toName(alert.qualification)),
              insert->bindText(18, alert.comment), insert->bindText(19, alert.qualifiedBy),
              insert->bindInt64(20, alert.qualifiedAtMs)}) {
            if (s && !b) {
                s = b;
            }
        }
        if (s) {
            s = insert->run();
        }
        if (!s) {
            return s.error();
        }
        id = m_db->lastInsertRowId();
    } else {
        auto rowId = m_db->prepare("SELECT id FROM alerts WHERE uid = ?1");
        if (!rowId) {
            return rowId.error();
        }
        if (auto s = rowId->bindText(1, alert.uid); !s) {
            return s.error();
        }
        auto step = rowId->step();
        if (!step) {
            return step.error();
        }
        id = rowId->columnInt64(0);
    }
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    return id;
}

Status AlertStore::qualify(const std::string& uid, Qualification qualification,
                           const std::string& comment, const std::string& by, std::int64_t atMs) {
    if (!qualificationFromString(toName(qualification))) {
        return makeError("cannot qualify alert '" + uid + "': no qualification given");
    }
    auto st = m_db->prepare(
        "UPDATE alerts SET qualification = ?2, comment = ?3, qualified_by = ?4, "
        "qualified_at_ms = ?5 WHERE uid = ?1");
    if (!st) {
        return st.error();
    }
    for (const Status& s :
         {st->bindText(1, uid), st->bindText(2, toName(qualification)), st->bindText(3, comment),
          st->bindText(4, by), st->bindInt64(5, atMs)}) {
        if (!s) {
            return s;
        }
    }
    if (auto s = st->run(); !s) {
        return s;
    }
    if (m_db->changes() == 0) {
        return makeError("cannot qualify alert '" + uid + "': no such alert in " + m_db->path());
    }
    return okStatus();
}

Result<std::vector<Alert>> AlertStore::list(const AlertFilter& filter) {
    if (filter.limit < 1) {
        return makeError("the alert list limit must be 1 or more (got " +
                         std::to_string(filter.limit) + ")");
    }
    if (filter.event && !eventTypeFromString(toName(*filter.event))) {
        return makeError("cannot list alerts of an invalid event type");
    }
    std::string sql = "SELECT " + std::string(kColumns) + " FROM alerts WHERE 1 = 1";
    if (filter.cameraId) {
        sql += " AND camera = ?";
    }
    if (filter.event) {
        sql += " AND event = ?";
    }
    if (filter.fromMs) {
        sql += " AND wall_start_ms >= ?";
    }
    if (filter.toMs) {
        sql += " AND wall_start_ms < ?";
    }
    if (filter.unreviewedOnly) {
        sql += " AND qualification = ?";
    }
    sql += " ORDER BY wall_start_ms DESC, id DESC LIMIT ?";

    auto st = m_db->prepare(sql);
    if (!st) {
        return st.error();
    }
    int index = 0;
    std::vector<Status> binds;
    if (filter.cameraId) {
        binds.push_back(st->bindText(++index, *filter.cameraId));
    }
    if (filter.event) {
        binds.push_back(st->bindText(++index, toName(*filter.event)));
    }
    if (filter.fromMs) {
        binds.push_back(st->bindInt64(++index, *filter.fromMs));
    }
    if (filter.toMs) {
        binds.push_back(st->bindInt64(++index, *filter.toMs));
    }
    if (filter.unreviewedOnly) {
        binds.push_back(st->bindText(++index, toName(Qualification::Unreviewed)));
    }
    binds.push_back(st->bindInt64(++index, filter.limit));
    for (const Status& s : binds) {
        if (!s) {
            return s.error();
        }
    }
    return readRows(*st);
}

Result<std::optional<Alert>> AlertStore::find(const std::string& uid) {
    auto st = m_db->prepare("SELECT " + std::string(kColumns) + " FROM alerts WHERE uid = ?1");
    if (!st) {
        return st.error();
    }
    if (auto s = st->bindText(1, uid); !s) {
        return s.error();
    }
    auto rows = readRows(*st);
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return std::optional<Alert>();
    }
    return std::optional<Alert>(std::move(rows->front()));
}

Result<std::int64_t> AlertStore::count() {
    return m_db->queryInt64("SELECT count(*) FROM alerts");
}

Result<std::vector<Alert>> AlertStore::readRows(Statement& st) {
    std::vector<Alert> alerts;
    for (;;) {
        auto step = st.step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            return alerts;
        }
        Alert a;
        a.id = st.columnInt64(0);
        a.uid = st.columnText(1);
        a.siteId = st.columnText(2);
        a.cameraId = st.columnText(3);
        a.ruleId = st.columnText(4);
        a.zoneId = st.columnText(5);
        const auto bad = [&](std::string_view column, const std::string& value) {
            return makeError("the database " + m_db->path() + " holds alert '" + a.uid +
                             "' with an unreadable " + std::string(column) + " '" + value + "'");
        };
        const std::string event = st.columnText(6);
        const std::string severity = st.columnText(7);
        const std::string qualification = st.columnText(17);
        const auto eventType = eventTypeFromString(event);
        const auto severityLevel = severityFromString(severity);
        const auto verdict = qualificationFromString(qualification);
        if (!eventType) {
            return bad("event", event);
        }
        if (!severityLevel) {
            return bad("severity", severity);
        }
        if (!verdict) {
            return bad("qualification", qualification);
        }
        a.event = *eventType;
        a.severity = *severityLevel;
        a.qualification = *verdict;
        a.startUs = st.columnInt64(8);
        a.endUs = st.columnInt64(9);
        a.wallStartMs = st.columnInt64(10);
        a.wallEndMs = st.columnInt64(11);
        a.open = st.columnInt64(12) != 0;
        a.score = st.columnDouble(13);
        const std::string boxesText = st.columnText(14);
        const std::string trackIdsText = st.columnText(15);
        auto boxes = boxesFromJson(boxesText);
        auto trackIds = trackIdsFromJson(trackIdsText);
        if (!boxes) {
            return bad("boxes", boxesText);
        }
        if (!trackIds) {
            return bad("track ids", trackIdsText);
        }
        a.boxes = std::move(*boxes);
        a.trackIds = std::move(*trackIds);
        a.detail = st.columnText(16);
        a.comment = st.columnText(18);
        a.qualifiedBy = st.columnText(19);
        a.qualifiedAtMs = st.columnInt64(20);
        const std::string evidenceText = st.columnText(21);
        if (!evidenceFromText(evidenceText, a)) {
            return bad("evidence", evidenceText);
        }
        alerts.push_back(std::move(a));
    }
}

}  // namespace vigie::core
