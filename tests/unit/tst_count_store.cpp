// The counts time series: batches go in whole or not at all, queries filter by camera, zone,
// metric and half-open period, buckets aggregate by mean or max on aligned boundaries, the
// store shares its database with the alerts, and retention removes exactly the old samples.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

#include "core/alert_store.h"
#include "core/count_store.h"

using namespace vigie::core;

// Evaluates its argument once (it is often a call with side effects).
#define VERIFY_OK(expr)                                                              \
    do {                                                                             \
        const auto& verifiedResult = (expr);                                         \
        QVERIFY2(verifiedResult.ok(),                                                \
                 verifiedResult.ok() ? "" : verifiedResult.error().message.c_str()); \
    } while (false)

namespace {

DatabaseKey makeKey(std::uint8_t seed) {
    DatabaseKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i) {
        key.bytes[i] = static_cast<std::uint8_t>(seed * 3 + i);
    }
    return key;
}

CountSample sample(const std::string& camera, const std::string& zone, CountMetric metric,
                   double value, std::int64_t tMs) {
    return {camera, zone, metric, value, tMs};
}

// cam1/z1 counts every 10 s from t = 0 (values 0, 1, 2 …), cam1/z1 density every 30 s,
// cam2/z9 crossings every 20 s.
std::vector<CountSample> series() {
    std::vector<CountSample> s;
    for (int i = 0; i < 12; ++i) {
        s.push_back(sample("cam1", "z1", CountMetric::Count, i, i * 10'000));
    }
    for (int i = 0; i < 4; ++i) {
        s.push_back(sample("cam1", "z1", CountMetric::DensityPerM2, 0.5 * i, i * 30'000));
    }
    for (int i = 0; i < 6; ++i) {
        s.push_back(sample("cam2", "z9", CountMetric::Crossings, 1, i * 20'000));
    }
    return s;
}

}  // namespace

class TestCountStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    std::unique_ptr<CountStore> filledStore() {
        auto store = CountStore::open(m_dir.filePath(QString("c%1.db").arg(++m_next)).toStdString(),
                                      makeKey(1));
        if (!store) {
            qWarning("%s", store.error().message.c_str());
            return nullptr;
        }
        const auto samples = series();
        if (auto s = (*store)->append(samples); !s) {
            qWarning("%s", s.error().message.c_str());
            return nullptr;
        }
        return std::move(*store);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void metricNamesRoundTrip() {
        for (const CountMetric m :
             {CountMetric::Count, CountMetric::DensityPerM2, CountMetric::Crossings}) {
            QCOMPARE(countMetricFromString(toName(m)), std::optional<CountMetric>(m));
        }
        QVERIFY(!countMetricFromString("people").has_value());
        QCOMPARE(toName(CountMetric::DensityPerM2), std::string_view("density_per_m2"));
    }

    void rawQueriesFilter_data() {
        QTest::addColumn<QString>("camera");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<int>("metric");
        QTest::addColumn<qint64>("fromMs");
        QTest::addColumn<qint64>("toMs");
        QTest::addColumn<int>("expected");
        const int any = 0;
        QTest::newRow("everything") << ""
                                    << "" << any << -1LL << -1LL << 22;
        QTest::newRow("camera") << "cam1"
                                << "" << any << -1LL << -1LL << 16;
        QTest::newRow("zone") << ""
                              << "z9" << any << -1LL << -1LL << 6;
        QTest::newRow("metric") << ""
                                << "" << int(CountMetric::DensityPerM2) << -1LL << -1LL << 4;
        QTest::newRow("period is half-open")
            << "cam1"
            << "" << int(CountMetric::Count) << 20'000LL << 50'000LL << 3;
        QTest::newRow("from only") << ""
                                   << "" << int(CountMetric::Count) << 100'000LL << -1LL << 2;
        QTest::newRow("nothing") << "cam3"
                                 << "" << any << -1LL << -1LL << 0;
    }
    void rawQueriesFilter() {
        QFETCH(QString, camera);
        QFETCH(QString, zone);
        QFETCH(int, metric);
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        QFETCH(int, expected);
        auto store = filledStore();
        QVERIFY(store);
        CountQuery q;
        if (!camera.isEmpty()) {
            q.cameraId = camera.toStdString();
        }
        if (!zone.isEmpty()) {
            q.zoneId = zone.toStdString();
        }
        if (metric != 0) {
            q.metric = static_cast<CountMetric>(metric);
        }
        if (fromMs >= 0) {
            q.fromMs = fromMs;
        }
        if (toMs >= 0) {
            q.toMs = toMs;
        }
        auto points = store->query(q);
        VERIFY_OK(points);
        QCOMPARE(int(points->size()), expected);
        for (std::size_t i = 1; i < points->size(); ++i) {
            QVERIFY((*points)[i - 1].tMs <= (*points)[i].tMs);  // oldest first
        }
        std::int64_t visited = 0;
        VERIFY_OK(store->forEach(q, [&](const CountSample& s) {
            ++visited;
            return s.cameraId.empty() ? Status(makeError("empty camera")) : okStatus();
        }));
        QCOMPARE(visited, std::int64_t(expected));
    }

    void bucketsAggregate_data() {
        QTest::addColumn<int>("aggregation");
        QTest::addColumn<int>("bucketS");
        QTest::addColumn<QVector<double>>("values");
        QTest::addColumn<QVector<qint64>>("starts");
        // Counts 0..11 at 0, 10 … 110 s.
        QTest::newRow("mean per minute") << int(CountAggregation::Mean) << 60
                                         << QVector<double>{2.5, 8.5} << QVector<qint64>{0, 60'000};
        QTest::newRow("max per minute") << int(CountAggregation::Max) << 60
                                        << QVector<double>{5, 11} << QVector<qint64>{0, 60'000};
        QTest::newRow("max per 45 s, aligned on 0")
            << int(CountAggregation::Max) << 45 << QVector<double>{4, 8, 11}
            << QVector<qint64>{0, 45'000, 90'000};
    }
    void bucketsAggregate() {
        QFETCH(int, aggregation);
        QFETCH(int, bucketS);
        QFETCH(QVector<double>, values);
        QFETCH(QVector<qint64>, starts);
        auto store = filledStore();
        QVERIFY(store);
        CountQuery q;
        q.cameraId = "cam1";
        q.metric = CountMetric::Count;
        q.bucketS = bucketS;
        q.aggregation = static_cast<CountAggregation>(aggregation);
        auto points = store->query(q);
        VERIFY_OK(points);
        QCOMPARE(points->size(), std::size_t(values.size()));
        std::int64_t total = 0;
        for (int i = 0; i < values.size(); ++i) {
            QCOMPARE((*points)[std::size_t(i)].value, values[i]);
            QCOMPARE((*points)[std::size_t(i)].tMs, std::int64_t(starts[i]));
            QCOMPARE((*points)[std::size_t(i)].zoneId, std::string("z1"));
            total += (*points)[std::size_t(i)].samples;
        }
        QCOMPARE(total, std::int64_t(12));
    }

    void badQueriesAreRefused_data() {
        QTest::addColumn<int>("bucketS");
        QTest::addColumn<int>("aggregation");
        QTest::addColumn<int>("limit");
        QTest::newRow("aggregation without bucket") << 0 << int(CountAggregation::Max) << 10;
        QTest::newRow("bucket without aggregation") << 60 << int(CountAggregation::None) << 10;
        QTest::newRow("bucket too long") << 40 * 86400 << int(CountAggregation::Mean) << 10;
        QTest::newRow("zero limit") << 0 << int(CountAggregation::None) << 0;
    }
    void badQueriesAreRefused() {
        QFETCH(int, bucketS);
        QFETCH(int, aggregation);
        QFETCH(int, limit);
        auto store = filledStore();
        QVERIFY(store);
        CountQuery q;
        q.bucketS = bucketS;
        q.aggregation = static_cast<CountAggregation>(aggregation);
        q.limit = limit;
        QVERIFY(!store->query(q).ok());
    }

    void anInvalidSampleRejectsTheWholeBatch_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("no camera") << 0;
        QTest::newRow("no metric") << 1;
        QTest::newRow("NaN") << 2;
        QTest::newRow("infinite") << 3;
        QTest::newRow("negative time") << 4;
    }
    void anInvalidSampleRejectsTheWholeBatch() {
        QFETCH(int, which);
        auto store = filledStore();
        QVERIFY(store);
        std::vector<CountSample> batch = {sample("cam5", "z", CountMetric::Count, 1, 1000),
                                          sample("cam5", "z", CountMetric::Count, 2, 2000)};
        CountSample& bad = batch[1];
        switch (which) {
            case 0:
                bad.cameraId.clear();
                break;
            case 1:
                bad.metric = CountMetric::Invalid;
                break;
            case 2:
                bad.value = std::numeric_limits<double>::quiet_NaN();
                break;
            case 3:
                bad.value = std::numeric_limits<double>::infinity();
                break;
            default:
                bad.tMs = -1;
                break;
        }
        QVERIFY(!store->append(batch).ok());
        auto n = store->count();
        VERIFY_OK(n);
        QCOMPARE(*n, std::int64_t(22));  // the valid first sample was not stored either
    }

    void sharesTheDatabaseWithAlerts() {
        const std::string path = m_dir.filePath("shared.db").toStdString();
        const DatabaseKey key = makeKey(4);
        auto alerts = AlertStore::open(path, key);
        VERIFY_OK(alerts);
        auto counts = CountStore::attach((*alerts)->database());
        VERIFY_OK(counts);
        const std::vector<CountSample> one = {sample("cam1", "", CountMetric::Count, 3, 5)};
        VERIFY_OK((*counts)->append(one));
        counts->reset();
        alerts->reset();
        auto reopened = CountStore::open(path, key, OpenMode::ReadOnly);
        VERIFY_OK(reopened);
        auto n = (*reopened)->count();
        VERIFY_OK(n);
        QCOMPARE(*n, std::int64_t(1));
    }

    void deletesOnlyOlderSamples() {
        auto store = filledStore();
        QVERIFY(store);
        auto before = store->countBefore(30'000);
        VERIFY_OK(before);
        // counts at 0, 10, 20 s; density at 0; crossings at 0, 20 s.
        QCOMPARE(*before, std::int64_t(6));
        auto removed = store->deleteBefore(30'000);
        VERIFY_OK(removed);
        QCOMPARE(*removed, std::int64_t(6));
        auto n = store->count();
        VERIFY_OK(n);
        QCOMPARE(*n, std::int64_t(16));
        auto again = store->deleteBefore(30'000);
        VERIFY_OK(again);
        QCOMPARE(*again, std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestCountStore)
#include "tst_count_store.moc"
