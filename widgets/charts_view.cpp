#include "widgets/charts_view.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

namespace vigie::widgets {

namespace {

constexpr std::int64_t kHourMs = 3600LL * 1000;
constexpr int kRefreshMs = 60'000;

constexpr ChartsView::Period kPeriods[] = {
    ChartsView::Period::LastHour, ChartsView::Period::Last6Hours, ChartsView::Period::Last24Hours,
    ChartsView::Period::Last7Days, ChartsView::Period::Last30Days};
constexpr core::CountMetric kMetrics[] = {core::CountMetric::Count, core::CountMetric::DensityPerM2,
                                          core::CountMetric::Crossings};

}  // namespace

ChartsView::ChartsView(core::CountStore& store, QWidget* parent)
    : QWidget(parent),
      m_store(store),
      m_title(new QLabel(this)),
      m_cameraLabel(new QLabel(this)),
      m_zoneLabel(new QLabel(this)),
      m_metricLabel(new QLabel(this)),
      m_periodLabel(new QLabel(this)),
      m_camera(new QComboBox(this)),
      m_zone(new QComboBox(this)),
      m_metric(new QComboBox(this)),
      m_period(new QComboBox(this)),
      m_refresh(new QPushButton(this)),
      m_message(new QLabel(this)),
      m_chart(new QChart),
      m_chartView(new QChartView(m_chart, this)),
      m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("chartsView"));
    m_camera->setObjectName(QStringLiteral("chartsCamera"));
    m_zone->setObjectName(QStringLiteral("chartsZone"));
    m_metric->setObjectName(QStringLiteral("chartsMetric"));
    m_period->setObjectName(QStringLiteral("chartsPeriod"));
    m_refresh->setObjectName(QStringLiteral("chartsRefresh"));
    m_message->setObjectName(QStringLiteral("chartsMessage"));

    auto* layout = new QVBoxLayout(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);
    auto* bar = new QHBoxLayout;
    for (auto [label, box] :
         {std::pair{m_cameraLabel, m_camera}, std::pair{m_zoneLabel, m_zone},
          std::pair{m_metricLabel, m_metric}, std::pair{m_periodLabel, m_period}}) {
        label->setBuddy(box);
        bar->addWidget(label);
        bar->addWidget(box, 1);
    }
    bar->addWidget(m_refresh);
    layout->addLayout(bar);
    m_message->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_message);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(300);
    layout->addWidget(m_chartView, 1);

    for (const Period p : kPeriods) {
        m_period->addItem(QString(), int(p));
    }
    m_period->setCurrentIndex(2);  // 24 h
    for (const core::CountMetric m : kMetrics) {
        m_metric->addItem(QString(), int(m));
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    const auto changed = [this] {
        if (!m_filling) {
            refresh();
        }
    };
    connect(m_camera, &QComboBox::currentIndexChanged, this, [this, changed] {
        if (!m_filling) {
            fillZoneChoices();
        }
        changed();
    });
    connect(m_zone, &QComboBox::currentIndexChanged, this, changed);
    connect(m_metric, &QComboBox::currentIndexChanged, this, changed);
    connect(m_period, &QComboBox::currentIndexChanged, this, changed);
    connect(m_refresh, &QPushButton::clicked, this, &ChartsView::refresh);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &ChartsView::refresh);

    retranslate();
    fillCameraChoices();
}

int ChartsView::bucketSeconds(Period period) {
    switch (period) {
        case Period::LastHour:
            return 60;
        case Period::Last6Hours:
            return 5 * 60;
        case Period::Last24Hours:
            return 15 * 60;
        case Period::Last7Days:
            return 3600;
        case Period::Last30Days:
            return 6 * 3600;
        case Period::Invalid:
            break;
    }
    return 60;
}

std::int64_t ChartsView::periodMs(Period period) {
    switch (period) {
        case Period::LastHour:
            return kHourMs;
        case Period::Last6Hours:
            return 6 * kHourMs;
        case Period::Last24Hours:
            return 24 * kHourMs;
        case Period::Last7Days:
            return 7 * 24 * kHourMs;
        case Period::Last30Days:
            return 30 * 24 * kHourMs;
        case Period::Invalid:
            break;
    }
    return kHourMs;
}

void ChartsView::setSite(const core::Site& site) {
    m_site = site;
    fillCameraChoices();
    refresh();
}

void ChartsView::setCameraFilter(std::optional<std::set<std::string>> cameras) {
    m_cameraFilter = std::move(cameras);
    fillCameraChoices();
    refresh();
}

void ChartsView::setClock(std::function<std::int64_t()> clockMs) {
    m_clockMs = std::move(clockMs);
}

std::int64_t ChartsView::nowMs() const {
    if (m_clockMs) {
        return m_clockMs();
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void ChartsView::setPeriod(Period period) {
    const int i = m_period->findData(int(period));
    if (i >= 0) {
        m_period->setCurrentIndex(i);
    }
}

ChartsView::Period ChartsView::period() const {
    return Period(m_period->currentData().toInt());
}

void ChartsView::setMetric(core::CountMetric metric) {
    const int i = m_metric->findData(int(metric));
    if (i >= 0) {
        m_metric->setCurrentIndex(i);
    }
}

core::CountMetric ChartsView::metric() const {
    return core::CountMetric(m_metric->currentData().toInt());
}

void ChartsView::setCamera(const QString& cameraId) {
    const int i = m_camera->findData(cameraId);
    m_camera->setCurrentIndex(std::max(i, 0));
}

void ChartsView::setZone(const QString& zoneId) {
    const int i = m_zone->findData(zoneId);
    m_zone->setCurrentIndex(std::max(i, 0));
}

void ChartsView::fillCameraChoices() {
    const QString current = m_camera->currentData().toString();
    m_filling = true;
    m_camera->clear();
    m_camera->addItem(tr("Toutes les caméras"), QString());
    for (const auto& camera : m_site.cameras) {
        if (m_cameraFilter && m_cameraFilter->count(camera.id) == 0) {
            continue;
        }
        m_camera->addItem(QString::fromStdString(camera.name.empty() ? camera.id : camera.name),
                          QString::fromStdString(camera.id));
    }
    m_camera->setCurrentIndex(std::max(0, m_camera->findData(current)));
    m_filling = false;
    fillZoneChoices();
}

void ChartsView::fillZoneChoices() {
    const QString current = m_zone->currentData().toString();
    const bool wasFilling = m_filling;
    m_filling = true;
    m_zone->clear();
    m_zone->addItem(tr("Toutes les zones"), QString());
    const core::Camera* camera =
        m_site.findCamera(m_camera->currentData().toString().toStdString());
    if (camera != nullptr) {
        for (const auto& zone : camera->zones) {
            if (zone.kind == core::ZoneKind::Area) {
                m_zone->addItem(QString::fromStdString(zone.name.empty() ? zone.id : zone.name),
                                QString::fromStdString(zone.id));
            }
        }
        for (const auto& line : camera->lines) {
            m_zone->addItem(QString::fromStdString(line.name.empty() ? line.id : line.name),
                            QString::fromStdString(line.id));
        }
    }
    m_zone->setCurrentIndex(std::max(0, m_zone->findData(current)));
    m_filling = wasFilling;
}

QString ChartsView::cameraName(const std::string& cameraId) const {
    const core::Camera* camera = m_site.findCamera(cameraId);
    return QString::fromStdString(camera != nullptr && !camera->name.empty() ? camera->name
                                                                             : cameraId);
}

QString ChartsView::zoneName(const std::string& cameraId, const std::string& zoneId) const {
    if (zoneId.empty()) {
        return tr("caméra entière");
    }
    if (const core::Camera* camera = m_site.findCamera(cameraId)) {
        if (const core::Zone* zone = camera->findZone(zoneId); zone && !zone->name.empty()) {
            return QString::fromStdString(zone->name);
        }
        if (const core::Line* line = camera->findLine(zoneId); line && !line->name.empty()) {
            return QString::fromStdString(line->name);
        }
    }
    return QString::fromStdString(zoneId);
}

void ChartsView::refresh() {
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }

    const core::CountMetric shownMetric = metric();
    const Period shownPeriod = period();
    const std::int64_t to = nowMs();
    const std::int64_t from = to - periodMs(shownPeriod);

    core::CountQuery query;
    query.metric = shownMetric;
    query.fromMs = from;
    query.toMs = to;
    query.bucketS = bucketSeconds(shownPeriod);
    query.aggregation = shownMetric == core::CountMetric::DensityPerM2
                            ? core::CountAggregation::Max
                            : core::CountAggregation::Mean;
    const QString cameraId = m_camera->currentData().toString();
    const QString zoneId = m_zone->currentData().toString();
    if (!cameraId.isEmpty()) {
        query.cameraId = cameraId.toStdString();
    }
    if (!zoneId.isEmpty()) {
        query.zoneId = zoneId.toStdString();
    }

    auto points = m_store.query(query);
    if (!points) {
        m_message->setText(tr("Lecture des comptages impossible : %1")
                               .arg(QString::fromStdString(points.error().message)));
        m_message->show();
        return;
    }

    std::map<std::pair<std::string, std::string>, QLineSeries*> curves;
    double maxValue = 0.0;
    for (const core::CountPoint& p : *points) {
        if (m_cameraFilter && m_cameraFilter->count(p.cameraId) == 0) {
            continue;
        }
        auto& series = curves[{p.cameraId, p.zoneId}];
        if (series == nullptr) {
            series = new QLineSeries;
            series->setName(cameraName(p.cameraId) + QStringLiteral(" — ") +
                            zoneName(p.cameraId, p.zoneId));
            series->setProperty("cameraId", QString::fromStdString(p.cameraId));
            series->setProperty("zoneId", QString::fromStdString(p.zoneId));
        }
        series->append(double(p.tMs), p.value);
        maxValue = std::max(maxValue, p.value);
    }

    if (curves.empty()) {
        m_message->setText(tr("Aucune donnée sur la période choisie."));
        m_message->show();
    } else {
        m_message->clear();
        m_message->hide();
    }

    auto* axisX = new QDateTimeAxis;
    axisX->setFormat(periodMs(shownPeriod) > 24 * kHourMs ? QStringLiteral("dd/MM HH:mm")
                                                          : QStringLiteral("HH:mm"));
    axisX->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    axisX->setTitleText(tr("Heure"));
    auto* axisY = new QValueAxis;
    axisY->setRange(0.0, maxValue > 0.0 ? maxValue * 1.1 : 1.0);
    switch (shownMetric) {
        case core::CountMetric::DensityPerM2:
            axisY->setTitleText(tr("Densité maximale (personnes/m²)"));
            break;
        case core::CountMetric::Crossings:
            axisY->setTitleText(tr("Franchissements (moyenne)"));
            break;
        default:
            axisY->setTitleText(tr("Personnes comptées (moyenne)"));
            break;
    }
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    for (auto& [key, series] : curves) {
        m_chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
}

int ChartsView::seriesCount() const {
    return int(m_chart->series().size());
}

QLineSeries* ChartsView::series(const QString& cameraId, const QString& zoneId) const {
    for (QAbstractSeries* s : m_chart->series()) {
        if (s->property("cameraId").toString() == cameraId &&
            s->property("zoneId").toString() == zoneId) {
            return qobject_cast<QLineSeries*>(s);
        }
    }
    return nullptr;
}

QString ChartsView::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

void ChartsView::retranslate() {
    m_title->setText(tr("Statistiques — comptage et densité par zone"));
    m_cameraLabel->setText(tr("&Caméra"));
    m_zoneLabel->setText(tr("&Zone"));
    m_metricLabel->setText(tr("&Mesure"));
    m_periodLabel->setText(tr("&Période"));
    m_refresh->setText(tr("&Actualiser"));
    for (int i = 0; i < m_period->count(); ++i) {
        switch (Period(m_period->itemData(i).toInt())) {
            case Period::LastHour:
                m_period->setItemText(i, tr("Dernière heure"));
                break;
            case Period::Last6Hours:
                m_period->setItemText(i, tr("6 dernières heures"));
                break;
            case Period::Last24Hours:
                m_period->setItemText(i, tr("24 dernières heures"));
                break;
            case Period::Last7Days:
                m_period->setItemText(i, tr("7 derniers jours"));
                break;
            case Period::Last30Days:
                m_period->setItemText(i, tr("30 derniers jours"));
                break;
            case Period::Invalid:
                break;
        }
    }
    for (int i = 0; i < m_metric->count(); ++i) {
        switch (core::CountMetric(m_metric->itemData(i).toInt())) {
            case core::CountMetric::Count:
                m_metric->setItemText(i, tr("Comptage (personnes)"));
                break;
            case core::CountMetric::DensityPerM2:
                m_metric->setItemText(i, tr("Densité (personnes/m²)"));
                break;
            case core::CountMetric::Crossings:
                m_metric->setItemText(i, tr("Franchissements de ligne"));
                break;
            case core::CountMetric::Invalid:
                break;
        }
    }
    if (m_camera->count() > 0) {
        m_camera->setItemText(0, tr("Toutes les caméras"));
    }
    if (m_zone->count() > 0) {
        m_zone->setItemText(0, tr("Toutes les zones"));
    }
}

void ChartsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

void ChartsView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
    m_timer->start();
}

void ChartsView::hideEvent(QHideEvent* event) {
    m_timer->stop();
    QWidget::hideEvent(event);
}

}  // namespace vigie::widgets
