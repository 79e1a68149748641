// The statistics view on a real count store (SQLCipher file in a temporary directory): one
// curve per (camera, zone), points bucketed by the period (mean for counts, maximum for
// density), the camera / zone / measure / period selectors, the camera scope of the user,
// and the "no data" message.
#include <QLineSeries>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

#include "core/count_store.h"
#include "core/site.h"
#include "widgets/charts_view.h"

using namespace vigie;
using namespace vigie::widgets;

namespace {

// A round "now" (a multiple of every bucket size), so bucket boundaries are predictable.
constexpr std::int64_t kNow = 1'800'000'000'000 - (1'800'000'000'000 % (6 * 3600 * 1000));
constexpr std::int64_t kMinute = 60 * 1000;

core::DatabaseKey makeKey() {
    core::DatabaseKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i) {
        key.bytes[i] = static_cast<std::uint8_t>(0xA5 ^ (i * 11));
    }
    return key;
}

core::Site makeSite() {
    core::Site site;
    site.id = "gare";
    core::Camera quai;
    quai.id = "quai-1";
    quai.name = "Quai 1";
    quai.zones = {{"z1", "Tête de quai", core::ZoneKind::Area, {}},
                  {"z2", "Escaliers", core::ZoneKind::Area, {}}};
    core::Camera hall;
    hall.id = "hall";
    hall.name = "Hall";
    hall.zones = {{"h1", "Guichets", core::ZoneKind::Area, {}}};
    site.cameras = {quai, hall};
    return site;
}

core::CountSample sample(const char* camera, const char* zone, core::CountMetric metric,
                         double value, std::int64_t tMs) {
    core::CountSample s;
    s.cameraId = camera;
    s.zoneId = zone;
    s.metric = metric;
    s.value = value;
    s.tMs = tMs;
    return s;
}

}  // namespace

class TestCharts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<core::CountStore> m_store;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto store = core::CountStore::open(
            m_dir.filePath(QStringLiteral("counts.db")).toStdString(), makeKey());
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().message.c_str());
        m_store = std::move(*store);
        std::vector<core::CountSample> samples;
        // Last hour: quai-1/z1 every 10 s for 30 minutes, value = minute index (two samples
        // per minute bucket: i and i + 2 → mean i + 1).
        for (int minute = 0; minute < 30; ++minute) {
            const std::int64_t bucket = kNow - (30 - minute) * kMinute;
            samples.push_back(sample("quai-1", "z1", core::CountMetric::Count, minute, bucket));
            samples.push_back(
                sample("quai-1", "z1", core::CountMetric::Count, minute + 2, bucket + 20'000));
        }
        for (int minute = 0; minute < 10; ++minute) {
            samples.push_back(sample("quai-1", "z2", core::CountMetric::Count, 3.0,
                                     kNow - (10 - minute) * kMinute));
            samples.push_back(sample("hall", "h1", core::CountMetric::Count, 7.0,
                                     kNow - (10 - minute) * kMinute + 5'000));
        }
        // Density peaks within one minute: the maximum is kept.
        samples.push_back(
            sample("quai-1", "z1", core::CountMetric::DensityPerM2, 0.5, kNow - 5 * kMinute));
        samples.push_back(sample("quai-1", "z1", core::CountMetric::DensityPerM2, 2.5,
                                 kNow - 5 * kMinute + 30'000));
        // Two hours ago: outside "last hour", inside "last 6 hours".
        samples.push_back(
            sample("hall", "h1", core::CountMetric::Count, 40.0, kNow - 120 * kMinute));
        QVERIFY(m_store->append(samples).ok());
    }

    void curvesPerZone() {
        ChartsView view(*m_store);
        view.setClock([] { return kNow; });
        view.setSite(makeSite());
        view.setPeriod(ChartsView::Period::LastHour);
        view.setMetric(core::CountMetric::Count);
        view.refresh();
        QCOMPARE(view.seriesCount(), 3);
        QVERIFY(view.message().isEmpty());

        QLineSeries* z1 = view.series(QStringLiteral("quai-1"), QStringLiteral("z1"));
        QVERIFY(z1 != nullptr);
        QVERIFY(z1->name().contains(QStringLiteral("Quai 1")));
        QVERIFY(z1->name().contains(QStringLiteral("Tête de quai")));
        QCOMPARE(z1->count(), 30);  // one point per minute bucket
        for (int i = 0; i < z1->count(); ++i) {
            const QPointF p = z1->at(i);
            QCOMPARE(p.y(), double(i + 1));  // mean of i and i + 2
            QCOMPARE(std::int64_t(p.x()), kNow - (30 - i) * kMinute);
        }
        QLineSeries* hall = view.series(QStringLiteral("hall"), QStringLiteral("h1"));
        QVERIFY(hall != nullptr);
        QCOMPARE(hall->count(), 10);  // the sample two hours old is outside the period

        view.setPeriod(ChartsView::Period::Last6Hours);  // 5-minute buckets
        hall = view.series(QStringLiteral("hall"), QStringLiteral("h1"));
        QVERIFY(hall != nullptr);
        QCOMPARE(hall->count(), 3);  // 2 buckets of the last 10 minutes + the old one
        QCOMPARE(hall->at(0).y(), 40.0);
    }

    void selectors() {
        ChartsView view(*m_store);
        view.setClock([] { return kNow; });
        view.setSite(makeSite());
        view.setPeriod(ChartsView::Period::LastHour);
        view.setCamera(QStringLiteral("quai-1"));
        QCOMPARE(view.seriesCount(), 2);
        view.setZone(QStringLiteral("z2"));
        QCOMPARE(view.seriesCount(), 1);
        QVERIFY(view.series(QStringLiteral("quai-1"), QStringLiteral("z2")) != nullptr);

        view.setZone(QString());
        view.setMetric(core::CountMetric::DensityPerM2);
        QCOMPARE(view.seriesCount(), 1);
        QLineSeries* density = view.series(QStringLiteral("quai-1"), QStringLiteral("z1"));
        QVERIFY(density != nullptr);
        QCOMPARE(density->count(), 1);
        QCOMPARE(density->at(0).y(), 2.5);  // the peak, not the mean

        view.setMetric(core::CountMetric::Crossings);
        QCOMPARE(view.seriesCount(), 0);
        QVERIFY(!view.message().isEmpty());
    }

    void cameraScope() {
        ChartsView view(*m_store);
        view.setClock([] { return kNow; });
        view.setSite(makeSite());
        view.setPeriod(ChartsView::Period::LastHour);
        view.setCameraFilter(std::set<std::string>{"hall"});
        QCOMPARE(view.seriesCount(), 1);
        QVERIFY(view.series(QStringLiteral("hall"), QStringLiteral("h1")) != nullptr);
        // A camera outside the scope cannot be chosen.
        view.setCamera(QStringLiteral("quai-1"));
        QVERIFY(view.series(QStringLiteral("quai-1"), QStringLiteral("z1")) == nullptr);
        view.setCameraFilter(std::set<std::string>{});
        QCOMPARE(view.seriesCount(), 0);
    }

    void bucketSizes() {
        QCOMPARE(ChartsView::bucketSeconds(ChartsView::Period::LastHour), 60);
        QCOMPARE(ChartsView::bucketSeconds(ChartsView::Period::Last30Days), 6 * 3600);
        for (auto p : {ChartsView::Period::LastHour, ChartsView::Period::Last6Hours,
                       ChartsView::Period::Last24Hours, ChartsView::Period::Last7Days,
                       ChartsView::Period::Last30Days}) {
            // Never more than a few hundred points per curve.
            QVERIFY(ChartsView::periodMs(p) / (ChartsView::bucketSeconds(p) * 1000LL) <= 200);
        }
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
