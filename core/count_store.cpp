#include "core/count_store.h"

#include <array>
#include <climits>
#include <cmath>
#include <variant>

#include "core/schema.h"

namespace vigie::core {

namespace {

// Numbered schema steps, oldest first; never edit a released step, append a new one.
constexpr std::array kSchemaSteps = {
    SchemaStep{1, "counts time series", R"sql(
        CREATE TABLE counts (
            id      INTEGER PRIMARY KEY,
            camera  TEXT    NOT NULL,
            zone    TEXT    NOT NULL,
            metric  TEXT    NOT NULL,
            value   REAL    NOT NULL,
            t_ms    INTEGER NOT NULL
        );
        CREATE INDEX counts_by_camera ON counts (camera, metric, t_ms);
        CREATE INDEX counts_by_time ON counts (t_ms);
    )sql"},
};
static_assert(kSchemaSteps.back().version == CountStore::kSchemaVersion);

constexpr int kMaxBucketS = 31 * 24 * 3600;
constexpr std::size_t kMaxIdChars = 128;

using Bind = std::variant<std::int64_t, std::string>;

}  // namespace

std::string_view toName(CountMetric metric) {
    switch (metric) {
        case CountMetric::Count:
            return "count";
        case CountMetric::DensityPerM2:
            return "density_per_m2";
        case CountMetric::Crossings:
            return "crossings";
        case CountMetric::Invalid:
            break;
    }
    return "invalid";
}

std::optional<CountMetric> countMetricFromString(std::string_view name) {
    for (const CountMetric m :
         {CountMetric::Count, CountMetric::DensityPerM2, CountMetric::Crossings}) {
        if (toName(m) == name) {
            return m;
        }
    }
    return std::nullopt;
}

CountStore::CountStore(std::unique_ptr<Database> owned, Database& db)
    : m_owned(std::move(owned)), m_db(&db) {}

CountStore::~CountStore() = default;

Result<std::unique_ptr<CountStore>> CountStore::open(const std::string& path,
                                                     const DatabaseKey& key, OpenMode mode) {
    auto db = Database::open(path, key, mode);
    if (!db) {
        return db.error();
    }
    if (auto s = applySchema(**db, "counts", kSchemaSteps); !s) {
        return s.error();
    }
    Database& ref = **db;
    return std::unique_ptr<CountStore>(new CountStore(std::move(*db), ref));
}

Result<std::unique_ptr<CountStore>> CountStore::attach(Database& db) {
    if (auto s = applySchema(db, "counts", kSchemaSteps); !s) {
        return s.error();
    }
    return std::unique_ptr<CountStore>(new CountStore(nullptr, db));
}

Status CountStore::validate(const CountSample& s) {
    if (s.cameraId.empty() || s.cameraId.size() > kMaxIdChars || s.zoneId.size() > kMaxIdChars) {
        return makeError(
            "a count sample needs a camera id of 1 to 128 characters (zone: 0 to 128)");
    }
    const std::string which = "count sample of camera '" + s.cameraId + "'";
    if (!countMetricFromString(toName(s.metric))) {
        return makeError("the " + which + " has no metric");
    }
    if (!std::isfinite(s.value)) {
        return makeError("the " + which + " has a value that is not a finite number");
    }
    if (s.tMs < 0) {
        return makeError("the " + which + " has a negative time");
    }
    return okStatus();
}

Status CountStore::append(std::span<const CountSample> samples) {
    for (const CountSample& s : samples) {
        if (auto v = validate(s); !v) {
            return makeError("cannot store the count samples: " + v.error().message);
        }
    }
    if (samples.empty()) {
        return okStatus();
    }
    auto tx = m_db->begin();
    if (!tx) {
        return tx.error();
    }
    auto st = m_db->prepare(
        "INSERT INTO counts (camera, zone, metric, value, t_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st) {
        return st.error();
    }
    for (const CountSample& s : samples) {
        st->reset();
        for (const Status& b : {st->bindText(1, s.cameraId), st->bindText(2, s.zoneId),
                                st->bindText(3, toName(s.metric)), st->bindDouble(4, s.value),
                                st->bindInt64(5, s.tMs)}) {
            if (!b) {
                return b;
            }
        }
        if (auto r = st->run(); !r) {
            return r;
        }
    }
    return tx->commit();
}

Result<Statement> CountStore::prepareQuery(const CountQuery& q, bool raw, bool limited) {
    if (limited && q.limit < 1) {
        return makeError("the count query limit must be 1 or more (got " + std::to_string(q.limit) +
                         ")");
    }
    if (q.metric && !countMetricFromString(toName(*q.metric))) {
        return makeError("cannot query counts of an invalid metric");
    }
    if (!raw) {
        if (q.bucketS < 1 || q.bucketS > kMaxBucketS) {
            return makeError("the count bucket must be 1 s to 31 days (got " +
                             std::to_string(q.bucketS) + " s)");
        }
        if (q.aggregation != CountAggregation::Mean && q.aggregation != CountAggregation::Max) {
            return makeError("bucketed counts need an aggregation: mean or max");
        }
    }
    std::vector<Bind> binds;
    const auto param = [&binds](Bind value) {
        binds.push_back(std::move(value));
        return "?" + std::to_string(binds.size());
    };
    std::string where = " WHERE 1 = 1";
    if (q.cameraId) {
        where += " AND camera = " + param(*q.cameraId);
    }
    if (q.zoneId) {
        where += " AND zone = " + param(*q.zoneId);
    }
    if (q.metric) {
        where += " AND metric = " + param(std::string(toName(*q.metric)));
    }
    if (q.fromMs) {
        where += " AND t_ms >= " + param(*q.fromMs);
    }
    if (q.toMs) {
        where += " AND t_ms < " + param(*q.toMs);
    }
    std::string sql;
    if (raw) {
        sql = "SELECT camera, zone, metric, t_ms, value, 1 FROM counts" + where +
              " ORDER BY t_ms, id";
    } else {
        const std::string bucketMs = param(std::int64_t(q.bucketS) * 1000);
        const std::string fn = q.aggregation == CountAggregation::Mean ? "avg" : "max";
        sql = "SELECT camera, zone, metric, (t_ms / " + bucketMs + ") * " + bucketMs +
              " AS bucket, " + fn + "(value), count(*) FROM counts" + where +
              " GROUP BY camera, zone, metric, bucket ORDER BY bucket, camera, zone, metric";
    }
    if (limited) {
        sql += " LIMIT " + param(std::int64_t(q.limit));
    }
    auto st = m_db->prepare(sql);
    if (!st) {
        return st.error();
    }
    for (std::size_t i = 0; i < binds.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        const Status s = std::holds_alternative<std::int64_t>(binds[i])
                             ? st->bindInt64(index, std::get<std::int64_t>(binds[i]))
                             : st->bindText(index, std::get<std::string>(binds[i]));
        if (!s) {
            return s.error();
        }
    }
    return st;
}

Result<std::vector<CountPoint>> CountStore::query(const CountQuery& q) {
    const bool raw = q.bucketS == 0;
    if (raw && q.aggregation != CountAggregation::None) {
        return makeError("an aggregated count query needs a bucket (bucketS > 0)");
    }
    auto st = prepareQuery(q, raw, true);
    if (!st) {
        return st.error();
    }
    std::vector<CountPoint> points;
    for (;;) {
        auto step = st->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            return points;
        }
        CountPoint p;
        p.cameraId = st->columnText(0);
        p.zoneId = st->columnText(1);
        const std::string metric = st->columnText(2);
        const auto m = countMetricFromString(metric);
        if (!m) {
            return makeError("the database " + m_db->path() +
                             " holds a count sample with an unreadable metric '" + metric + "'");
        }
        p.metric = *m;
        p.tMs = st->columnInt64(3);
        p.value = st->columnDouble(4);
        p.samples = st->columnInt64(5);
        points.push_back(std::move(p));
    }
}

Status CountStore::forEach(const CountQuery& q,
                           const std::function<Status(const CountSample&)>& visit) {
    auto st = prepareQuery(q, true, false);
    if (!st) {
        return st.error();
    }
    CountSample s;
    for (;;) {
        auto step = st->step();
        if (!step) {
            return step.error();
        }
        if (*step == Statement::Step::Done) {
            return okStatus();
        }
        s.cameraId = st->columnText(0);
        s.zoneId = st->columnText(1);
        const std::string metric = st->columnText(2);
        const auto m = countMetricFromString(metric);
        if (!m) {
            return makeError("the database " + m_db->path() +
                             " holds a count sample with an unreadable metric '" + metric + "'");
        }
        s.metric = *m;
        s.tMs = st->columnInt64(3);
        s.value = st->columnDouble(4);
        if (auto v = visit(s); !v) {
            return v;
        }
    }
}

Result<std::int64_t> CountStore::countBefore(std::int64_t cutoffMs) {
    auto st = m_db->prepare("SELECT count(*) FROM counts WHERE t_ms < ?1");
    if (!st) {
        return st.error();
    }
    if (auto b = st->bindInt64(1, cutoffMs); !b) {
        return b.error();
    }
    auto step = st->step();
    if (!step) {
        return step.error();
    }
    return st->columnInt64(0);
}

Result<std::int64_t> CountStore::deleteBefore(std::int64_t cutoffMs) {
    auto st = m_db->prepare("DELETE FROM counts WHERE t_ms < ?1");
    if (!st) {
        return st.error();
    }
    if (auto b = st->bindInt64(1, cutoffMs); !b) {
        return b.error();
    }
    if (auto r = st->run(); !r) {
        return r.error();
    }
    return std::int64_t(m_db->changes());
}

Result<std::int64_t> CountStore::count() {
    return m_db->queryInt64("SELECT count(*) FROM counts");
}

}  // namespace vigie::core
