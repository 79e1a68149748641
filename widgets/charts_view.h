#pragma once
// ChartsView (« Statistiques »): counting and density over time, one curve per zone (or
// line), read from the CountStore — people counted in a zone, persons per m², line
// crossings — for a chosen camera, zone, measure and period. Points are buckets of the
// store (CountStore::query with bucketS): the mean for counts and crossings, the maximum
// for density (the peak is what matters for crowd safety). Bucket size follows the period
// (1 h → 1 min, 6 h → 5 min, 24 h → 15 min, 7 days → 1 h, 30 days → 6 h) so a curve never
// holds more than a few hundred points. Refreshed every minute while shown.
//
// Thread: GUI thread; the store must be a connection of the GUI thread (a reader opened by
// the application with CountStore::open(..., OpenMode::ReadOnly)). Ownership: borrows the
// store, which must outlive the view.
//
//   auto* charts = new ChartsView(*countReader);
//   charts->setSite(site);                                 // camera and zone names
//   charts->setCameraFilter(acl.cameraFilter(user, Permission::ViewCounts).value());

#include <QWidget>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "core/count_store.h"
#include "core/site.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QTimer;

namespace vigie::widgets {

class ChartsView : public QWidget {
    Q_OBJECT

public:
    enum class Period { Invalid = 0, LastHour, Last6Hours, Last24Hours, Last7Days, Last30Days };

    explicit ChartsView(core::CountStore& store, QWidget* parent = nullptr);

    // Camera and zone names, and the choice lists.
    void setSite(const core::Site& site);
    // Cameras whose counts may be shown (nullopt: every camera), from AccessControl::cameraFilter.
    void setCameraFilter(std::optional<std::set<std::string>> cameras);
    // Site clock (Unix ms); empty: the system clock.
    void setClock(std::function<std::int64_t()> clockMs);

    void setPeriod(Period period);
    Period period() const;
    void setMetric(core::CountMetric metric);
    core::CountMetric metric() const;
    // Empty: every camera (of the filter) / every zone.
    void setCamera(const QString& cameraId);
    void setZone(const QString& zoneId);

    // Reads the store again and rebuilds the curves.
    void refresh();

    QChart* chart() const { return m_chart; }
    int seriesCount() const;
    // The curve of (camera, zone), or null.
    QLineSeries* series(const QString& cameraId, const QString& zoneId) const;
    // The message shown instead of curves (no data, a store error); empty when curves show.
    QString message() const;

    // Bucket size for a period, in seconds.
    static int bucketSeconds(Period period);
    static std::int64_t periodMs(Period period);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslate();
    void fillCameraChoices();
    void fillZoneChoices();
    QString cameraName(const std::string& cameraId) const;
    QString zoneName(const std::string& cameraId, const std::string& zoneId) const;
    std::int64_t nowMs() const;

    core::CountStore& m_store;
    core::Site m_site;
    std::optional<std::set<std::string>> m_cameraFilter;
    std::function<std::int64_t()> m_clockMs;

    QLabel* m_title = nullptr;
    QLabel* m_cameraLabel = nullptr;
    QLabel* m_zoneLabel = nullptr;
    QLabel* m_metricLabel = nullptr;
    QLabel* m_periodLabel = nullptr;
    QComboBox* m_camera = nullptr;
    QComboBox* m_zone = nullptr;
    QComboBox* m_metric = nullptr;
    QComboBox* m_period = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_message = nullptr;
    QChart* m_chart = nullptr;
    QChartView* m_chartView = nullptr;
    QTimer* m_timer = nullptr;
    bool m_filling = false;
};

}  // namespace vigie::widgets
