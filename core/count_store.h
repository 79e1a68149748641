#pragma once
// CountStore: the counting and density time series of one engine (component "counts" of the
// encrypted database) — people counted in a zone, persons per m², line crossings — appended
// in batches by the analysers' writer and read back for charts (raw or bucketed: mean or
// max per bucket) and exports. The sampling rate is the caller's choice: one sample per
// zone every 10 s or more keeps a 200-camera site at a few million rows a month.
//
// Thread: one thread at a time per CountStore (the database writer for append and purge; a
// reader opens its own). Ownership: open() owns its Database; attach() borrows one that
// must outlive the store (so that several stores share one connection and one transaction).
//
//   auto counts = CountStore::open(path, key);
//   (*counts)->append(samples);
//   auto chart = (*counts)->query({.cameraId = "quai-3", .metric = CountMetric::DensityPerM2,
//                                  .fromMs = from, .toMs = to, .bucketS = 60,
//                                  .aggregation = CountAggregation::Max});

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/database.h"

namespace vigie::core {

enum class CountMetric { Invalid = 0, Count, DensityPerM2, Crossings };

// "count", "density_per_m2", "crossings".
std::string_view toName(CountMetric metric);
std::optional<CountMetric> countMetricFromString(std::string_view name);

struct CountSample {
    std::string cameraId;
    std::string zoneId;  // zone or line; empty for a whole-camera value
    CountMetric metric = CountMetric::Invalid;
    double value = 0.0;
    std::int64_t tMs = 0;  // site clock, Unix ms, 0 or more
};

enum class CountAggregation { Invalid = 0, None, Mean, Max };

struct CountQuery {
    std::optional<std::string> cameraId;
    std::optional<std::string> zoneId;
    std::optional<CountMetric> metric;
    std::optional<std::int64_t> fromMs;  // tMs >= fromMs
    std::optional<std::int64_t> toMs;    // tMs < toMs (half-open period)
    // 0: raw samples (aggregation None). More: one point per (camera, zone, metric, bucket)
    // with aggregation Mean or Max; buckets are aligned on multiples of bucketS since 1970.
    int bucketS = 0;
    CountAggregation aggregation = CountAggregation::None;
    int limit = 100'000;  // 1 or more
};

// One chart point: a raw sample (samples = 1) or a bucket (tMs = bucket start).
struct CountPoint {
    std::string cameraId;
    std::string zoneId;
    CountMetric metric = CountMetric::Invalid;
    std::int64_t tMs = 0;
    double value = 0.0;
    std::int64_t samples = 1;
};

class CountStore {
public:
    static constexpr int kSchemaVersion = 1;

    // Opens the database and brings the counts tables to kSchemaVersion (or, ReadOnly, checks
    // that they are there).
    static Result<std::unique_ptr<CountStore>> open(const std::string& path, const DatabaseKey& key,
                                                    OpenMode mode = OpenMode::ReadWriteCreate);
    // Same, over a connection the caller keeps.
    static Result<std::unique_ptr<CountStore>> attach(Database& db);

    CountStore(const CountStore&) = delete;
    CountStore& operator=(const CountStore&) = delete;
    ~CountStore();

    // Appends every sample in one transaction, or none when one is invalid (named in the
    // message) or the write fails.
    Status append(std::span<const CountSample> samples);
    // Oldest first. Raw samples, or aggregated points when query.bucketS > 0.
    Result<std::vector<CountPoint>> query(const CountQuery& query);
    // Every raw sample matching the query (its limit ignored), oldest first, streamed to
    // `visit` without loading them all; stops at the first error `visit` returns.
    Status forEach(const CountQuery& query, const std::function<Status(const CountSample&)>& visit);
    // Samples older than `cutoffMs` (tMs < cutoffMs): how many, and removing them.
    Result<std::int64_t> countBefore(std::int64_t cutoffMs);
    Result<std::int64_t> deleteBefore(std::int64_t cutoffMs);
    Result<std::int64_t> count();

    static Status validate(const CountSample& sample);
    Database& database() { return *m_db; }

private:
    CountStore(std::unique_ptr<Database> owned, Database& db);
    Result<Statement> prepareQuery(const CountQuery& query, bool raw, bool limited);

    std::unique_ptr<Database> m_owned;
    Database* m_db = nullptr;
};

}  // namespace vigie::core
