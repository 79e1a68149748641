#include "widgets/replay_view.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "widgets/labels.h"
#include "widgets/param_forms.h"

namespace vigie::widgets {

namespace {

const QColor kBarColour(0x4D, 0xD0, 0xE1);
const QColor kAlertColour(0xC6, 0x28, 0x28);
const QColor kCursorColour(0xFF, 0xFF, 0xFF);

QString timeText(std::int64_t us) {
    const double s = double(us) / 1e6;
    const int m = int(s) / 60;
    return QStringLiteral("%1:%2")
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s - m * 60, 4, 'f', 1, QLatin1Char('0'));
}

}  // namespace

std::vector<TimelineBin> timelineBins(const std::vector<ReplayFrame>& frames) {
    std::vector<TimelineBin> bins;
    for (const auto& f : frames) {
        const int second = int(std::max<std::int64_t>(0, f.ptsUs) / 1000000);
        while (int(bins.size()) <= second) {
            TimelineBin b;
            b.second = int(bins.size());
            bins.push_back(b);
        }
        TimelineBin& b = bins[std::size_t(second)];
        ++b.frames;
        b.detections += int(f.objects.size());
        b.maxObjects = std::max(b.maxObjects, int(f.objects.size()));
        if (!f.alertingRuleIds.empty()) {
            ++b.alertFrames;
        }
    }
    return bins;
}

// --- ReplayTimeline --------------------------------------------------------------------

ReplayTimeline::ReplayTimeline(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("replayTimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(90);
    setAccessibleName(tr("Chronologie des détections et des alertes"));
}

void ReplayTimeline::setData(std::vector<TimelineBin> bins, std::vector<core::Alert> alerts,
                             std::int64_t durationUs) {
    m_bins = std::move(bins);
    m_alerts = std::move(alerts);
    m_durationUs = durationUs;
    update();
}

void ReplayTimeline::setPositionUs(std::int64_t ptsUs) {
    m_positionUs = ptsUs;
    update();
}

int ReplayTimeline::xOf(std::int64_t ptsUs) const {
    const double span = double(std::max<std::int64_t>(m_durationUs, 1000000));
    return int(std::lround(4.0 + (width() - 8.0) * double(ptsUs) / span));
}

std::int64_t ReplayTimeline::timeAt(double x) const {
    const double span = double(std::max<std::int64_t>(m_durationUs, 1000000));
    const double t = (x - 4.0) / std::max(1.0, width() - 8.0) * span;
    return std::int64_t(std::clamp(t, 0.0, double(m_durationUs)));
}

void ReplayTimeline::paintEvent(QPaintEvent* event) {
    (void)event;
    QPainter p(this);
    p.fillRect(rect(), QColor(0x17, 0x18, 0x1A));
    const int alertBand = 14;
    const int barTop = alertBand + 4;
    const int barBottom = height() - 14;
    int maxCount = 1;
    for (const auto& b : m_bins) {
        maxCount = std::max(maxCount, b.frames > 0 ? (b.detections + b.frames - 1) / b.frames : 0);
    }
    // Bars: mean objects per analysed picture in each second.
    for (const auto& b : m_bins) {
        if (b.frames == 0) {
            continue;
        }
        const double mean = double(b.detections) / b.frames;
        const int x0 = xOf(std::int64_t(b.second) * 1000000);
        const int x1 = xOf(std::int64_t(b.second + 1) * 1000000);
        const int h = int(std::lround((barBottom - barTop) * mean / maxCount));
        p.fillRect(QRect(x0, barBottom - h, std::max(1, x1 - x0 - 1), h),
                   b.alertFrames > 0 ? kAlertColour.lighter(120) : kBarColour);
    }
    // Alert spans on top.
    for (const auto& a : m_alerts) {
        const int x0 = xOf(a.startUs);
        const int x1 = std::max(x0 + 3, xOf(a.endUs));
        p.fillRect(QRect(x0, 2, x1 - x0, alertBand), severityColour(a.severity));
    }
    // Seconds ticks every 10 s.
    p.setPen(QColor(0x9E, 0x9E, 0x9E));
    for (std::int64_t s = 0; s * 1000000 <= m_durationUs; s += 10) {
        const int x = xOf(s * 1000000);
        p.drawLine(x, barBottom, x, barBottom + 3);
        p.drawText(QRect(x - 20, barBottom + 2, 40, 12), Qt::AlignCenter,
                   QString::number(s) + QStringLiteral(" s"));
    }
    const int cx = xOf(m_positionUs);
    p.setPen(QPen(kCursorColour, 2));
    p.drawLine(cx, 0, cx, height());
}

void ReplayTimeline::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        Q_EMIT positionRequested(timeAt(event->position().x()));
    }
}

void ReplayTimeline::mouseMoveEvent(QMouseEvent* event) {
    if ((event->buttons() & Qt::LeftButton) != 0) {
        Q_EMIT positionRequested(timeAt(event->position().x()));
    }
}

// --- ReplayView ------------------------------------------------------------------------

ReplayView::ReplayView(const core::Site& site, const std::string& cameraId, QWidget* parent)
    : QWidget(parent), m_site(site), m_cameraId(cameraId) {
    setObjectName(QStringLiteral("replayView"));
    auto* outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    outer->addWidget(m_title);

    auto* fileRow = new QHBoxLayout();
    m_choose = new QPushButton(this);
    m_choose->setObjectName(QStringLiteral("replayChooseFile"));
    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("replayFile"));
    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("replayRun"));
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("replayStop"));
    m_stop->setEnabled(false);
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("replayApply"));
    fileRow->addWidget(m_choose);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_run);
    fileRow->addWidget(m_stop);
    fileRow->addWidget(m_apply);
    outer->addLayout(fileRow);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(splitter);
    auto* lv = new QVBoxLayout(left);
    lv->setContentsMargins(0, 0, 0, 0);
    m_picture = new QLabel(left);
    m_picture->setObjectName(QStringLiteral("replayPicture"));
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(480, 320);
    m_picture->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_picture->setStyleSheet(QStringLiteral("background:#101010"));
    lv->addWidget(m_picture, 1);
    auto* sliderRow = new QHBoxLayout();
    m_slider = new QSlider(Qt::Horizontal, left);
    m_slider->setObjectName(QStringLiteral("replaySlider"));
    m_slider->setRange(0, 0);
    m_time = new QLabel(left);
    m_time->setMinimumWidth(90);
    sliderRow->addWidget(m_slider, 1);
    sliderRow->addWidget(m_time);
    lv->addLayout(sliderRow);
    m_timeline = new ReplayTimeline(left);
    lv->addWidget(m_timeline);
    m_status = new QLabel(left);
    m_status->setObjectName(QStringLiteral("replayStatus"));
    m_status->setWordWrap(true);
    lv->addWidget(m_status);

    auto* right = new QWidget(splitter);
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    m_ruleLabel = new QLabel(right);
    m_ruleLabel->setFont(bold);
    rv->addWidget(m_ruleLabel);
    m_rule = new QComboBox(right);
    m_rule->setObjectName(QStringLiteral("replayRule"));
    rv->addWidget(m_rule);
    m_paramHost = new QVBoxLayout();
    rv->addLayout(m_paramHost);
    m_alertsTitle = new QLabel(right);
    m_alertsTitle->setFont(bold);
    rv->addWidget(m_alertsTitle);
    m_alertList = new QListWidget(right);
    m_alertList->setObjectName(QStringLiteral("replayAlerts"));
    rv->addWidget(m_alertList, 1);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    outer->addWidget(splitter, 1);

    connect(m_choose, &QPushButton::clicked, this, &ReplayView::chooseFile);
    connect(m_run, &QPushButton::clicked, this, &ReplayView::run);
    connect(m_stop, &QPushButton::clicked, this, &ReplayView::stopRequested);
    connect(m_apply, &QPushButton::clicked, this, [this] { Q_EMIT siteTuned(m_site); });
    connect(m_slider, &QSlider::valueChanged, this, &ReplayView::showFrame);
    connect(m_timeline, &ReplayTimeline::positionRequested, this, [this](std::int64_t us) {
        // The last picture at or before that time.
        const auto it = std::upper_bound(m_frames.begin(), m_frames.end(), us,
                                         [](std::int64_t t, const auto& f) { return t < f.ptsUs; });
        m_slider->setValue(std::max(0, int(it - m_frames.begin()) - 1));
    });
    connect(m_rule, &QComboBox::currentIndexChanged, this,
            [this] { selectRule(m_rule->currentData().toString().toStdString()); });
    connect(m_alertList, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const auto us = item->data(Qt::UserRole).toLongLong();
        Q_EMIT m_timeline->positionRequested(us);
    });
    refreshRules();
    retranslate();
    setFinished(QString());
    m_status->clear();
}

void ReplayView::refreshRules() {
    const QSignalBlocker block(m_rule);
    m_rule->clear();
    for (const auto* r : m_site.rulesForCamera(m_cameraId)) {
        if (!r->condition) {
            m_rule->addItem(QString::fromStdString(r->name.empty() ? r->id : r->name),
                            QString::fromStdString(r->id));
        }
    }
    if (m_rule->count() > 0) {
        selectRule(m_rule->itemData(0).toString().toStdString());
    }
}

bool ReplayView::selectRule(const std::string& ruleId) {
    auto it = std::find_if(m_site.rules.begin(), m_site.rules.end(),
                           [&](const auto& r) { return r.id == ruleId; });
    if (it == m_site.rules.end()) {
        return false;
    }
    m_ruleId = ruleId;
    {
        const QSignalBlocker block(m_rule);
        m_rule->setCurrentIndex(m_rule->findData(QString::fromStdString(ruleId)));
    }
    delete m_paramForm;
    m_paramForm = new ParamForm(it->event, this);
    m_paramForm->setParams(it->params);
    m_paramHost->addWidget(m_paramForm);
    connect(m_paramForm, &ParamForm::paramsChanged, this, [this] {
        for (auto& r : m_site.rules) {
            if (r.id == m_ruleId) {
                r.params = m_paramForm->params();
            }
        }
        if (!m_frames.empty()) {
            m_status->setText(tr("Paramètres modifiés : relancez le rejeu pour voir l'effet."));
        }
    });
    return true;
}

void ReplayView::setVideoFile(const QString& path) {
    m_videoFile = path;
    m_file->setText(path.isEmpty() ? tr("Aucune vidéo choisie") : QFileInfo(path).fileName());
    m_file->setToolTip(path);
    m_run->setEnabled(!path.isEmpty() && !m_running);
}

void ReplayView::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choisir une vidéo enregistrée"), QFileInfo(m_videoFile).absolutePath(),
        tr("Vidéos (*.mp4 *.mkv *.avi *.mov *.ts);;Tous les fichiers (*)"));
    if (!path.isEmpty()) {
        setVideoFile(path);
    }
}

void ReplayView::run() {
    if (m_videoFile.isEmpty() || m_running) {
        return;
    }
    clearResults();
    m_running = true;
    m_run->setEnabled(false);
    m_stop->setEnabled(true);
    m_status->setText(tr("Analyse en cours…"));
    Q_EMIT runRequested(m_videoFile, m_site, QString::fromStdString(m_cameraId));
}

void ReplayView::clearResults() {
    m_frames.clear();
    m_alerts.clear();
    m_alertList->clear();
    m_current = QImage();
    m_picture->clear();
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, 0);
    }
    refreshTimeline();
}

void ReplayView::addFrame(ReplayFrame frame) {
    m_frames.push_back(std::move(frame));
    const bool atEnd = m_slider->value() == m_slider->maximum();
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, int(m_frames.size()) - 1);
    }
    // Follow the analysis while the user has not moved the slider back.
    if (atEnd) {
        m_slider->setValue(int(m_frames.size()) - 1);
    }
    if (m_frames.size() % 25 == 1) {
        refreshTimeline();
    }
}

void ReplayView::addAlert(const core::Alert& alert) {
    const auto it = std::find_if(m_alerts.begin(), m_alerts.end(),
                                 [&](const auto& a) { return a.uid == alert.uid; });
    int row = int(it - m_alerts.begin());
    if (it != m_alerts.end()) {
        *it = alert;
    } else {
        m_alerts.push_back(alert);
        m_alertList->addItem(QString());
    }
    QString ruleName = QString::fromStdString(alert.ruleId);
    for (const auto& r : m_site.rules) {
        if (r.id == alert.ruleId && !r.name.empty()) {
            ruleName = QString::fromStdString(r.name);
        }
    }
    auto* item = m_alertList->item(row);
    item->setText(tr("%1 → %2  %3 (score %4 %)")
                      .arg(timeText(alert.startUs), timeText(alert.endUs), ruleName)
                      .arg(int(std::lround(alert.score * 100))));
    item->setData(Qt::UserRole, qlonglong(alert.startUs));
    item->setForeground(severityColour(alert.severity));
    refreshTimeline();
}

void ReplayView::setProgress(double seconds) {
    m_status->setText(tr("Analyse en cours… %1 s analysées").arg(seconds, 0, 'f', 1));
}

void ReplayView::setFinished(const QString& error) {
    m_running = false;
    m_run->setEnabled(!m_videoFile.isEmpty());
    m_stop->setEnabled(false);
    refreshTimeline();
    if (!error.isEmpty()) {
        m_status->setText(tr("Échec du rejeu : %1").arg(error));
        return;
    }
    const double duration = m_frames.empty() ? 0.0 : double(m_frames.back().ptsUs) / 1e6;
    m_status->setText(tr("Rejeu terminé : %1 images analysées sur %2 s, %n alerte(s).", nullptr,
                         int(m_alerts.size()))
                          .arg(m_frames.size())
                          .arg(duration, 0, 'f', 1));
}

void ReplayView::refreshTimeline() {
    const std::int64_t duration = m_frames.empty() ? 0 : m_frames.back().ptsUs;
    m_timeline->setData(timelineBins(m_frames), m_alerts, duration);
}

void ReplayView::showFrame(int index) {
    if (index < 0 || std::size_t(index) >= m_frames.size()) {
        return;
    }
    const ReplayFrame& f = m_frames[std::size_t(index)];
    // The latest kept picture at or before this one.
    int pic = index;
    while (pic >= 0 && m_frames[std::size_t(pic)].image.isNull()) {
        --pic;
    }
    if (pic < 0) {
        return;
    }
    QImage img = m_frames[std::size_t(pic)].image.convertToFormat(QImage::Format_RGB32);
    {
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        const double w = img.width();
        const double h = img.height();
        if (const core::Camera* cam = m_site.findCamera(m_cameraId)) {
            for (const auto& z : cam->zones) {
                QPolygonF poly;
                for (const auto& pt : z.polygon.points) {
                    poly << QPointF(pt.x * w, pt.y * h);
                }
                p.setPen(QPen(z.kind == core::ZoneKind::Mask ? QColor(0x9E, 0x8C, 0xB8)
                                                             : QColor(0x4D, 0xD0, 0xE1),
                              1.5));
                p.setBrush(Qt::NoBrush);
                p.drawPolygon(poly);
            }
            for (const auto& l : cam->lines) {
                QPolygonF poly;
                for (const auto& pt : l.points) {
                    poly << QPointF(pt.x * w, pt.y * h);
                }
                p.setPen(QPen(QColor(0xFF, 0xD5, 0x4F), 1.5));
                p.drawPolyline(poly);
            }
        }
        for (const auto& o : f.objects) {
            const QString cls = QString::fromStdString(o.label);
            const QColor c = o.alerting ? kAlertColour : classColour(cls);
            p.setPen(QPen(c, o.alerting ? 2.5 : 1.5));
            p.setBrush(Qt::NoBrush);
            const QRectF box(o.box.x0 * w, o.box.y0 * h, o.box.width() * w, o.box.height() * h);
            p.drawRect(box);
            // The evaluated point: bottom centre (ground contact).
            p.setBrush(c);
            p.drawEllipse(QPointF(box.center().x(), box.bottom()), 2.5, 2.5);
        }
        if (!f.alertingRuleIds.empty()) {
            p.setPen(QPen(kAlertColour, 4));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(2, 2, w - 4, h - 4));
        }
    }
    m_current = img;
    m_picture->setPixmap(QPixmap::fromImage(img).scaled(m_picture->size(), Qt::KeepAspectRatio,
                                                        Qt::SmoothTransformation));
    m_time->setText(timeText(f.ptsUs));
    m_timeline->setPositionUs(f.ptsUs);
}

void ReplayView::retranslate() {
    const core::Camera* cam = m_site.findCamera(m_cameraId);
    m_title->setText(tr("Rejeu et réglage — caméra « %1 »")
                         .arg(QString::fromStdString(
                             cam != nullptr && !cam->name.empty() ? cam->name : m_cameraId)));
    m_choose->setText(tr("Choisir une vidéo…"));
    m_run->setText(tr("Lancer le rejeu"));
    m_stop->setText(tr("Arrêter"));
    m_apply->setText(tr("Appliquer au site"));
    m_apply->setToolTip(tr("Garde ces réglages pour l'analyse en direct."));
    m_ruleLabel->setText(tr("Règle à régler :"));
    m_alertsTitle->setText(tr("Alertes du rejeu"));
    setVideoFile(m_videoFile);
}

void ReplayView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
