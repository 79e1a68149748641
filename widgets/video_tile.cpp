#include "widgets/video_tile.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

#include "widgets/labels.h"

namespace vigie::widgets {

namespace {

constexpr int kHeaderHeight = 22;
constexpr int kFlashIntervalMs = 500;
constexpr int kStallCheckMs = 500;

}  // namespace

VideoTile::VideoTile(int number, QWidget* parent) : QWidget(parent), m_number(number) {
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAcceptDrops(true);
    setMinimumSize(160, 90);
    m_flashTimer.setInterval(kFlashIntervalMs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flashOn = !m_flashOn;
        update();
    });
    m_stallTimer.setInterval(kStallCheckMs);
    connect(&m_stallTimer, &QTimer::timeout, this, &VideoTile::checkStall);
    m_stallTimer.start();
    m_fpsClock.start();
    setAccessibleName(tr("Tuile %1").arg(number));
}

void VideoTile::setCamera(const std::optional<core::Camera>& camera) {
    const bool same = camera && m_camera && camera->id == m_camera->id;
    m_camera = camera;
    if (!same) {
        m_image = QImage();
        m_analysis = {};
        m_zoneValues.clear();
        m_lastPicture = QDateTime();
        m_frozen = false;
        m_fps = 0.0;
        m_state = camera ? core::CameraState::Connecting : core::CameraState::Stopped;
        m_stateDetail.clear();
        setAlert(core::Severity::Invalid, QString());
    }
    update();
}

QString VideoTile::cameraId() const {
    return m_camera ? QString::fromStdString(m_camera->id) : QString();
}

void VideoTile::setFrame(const QImage& image, const core::FrameAnalysis& analysis) {
    m_image = image;
    m_analysis = analysis;
    m_state = core::CameraState::Live;
    m_stateDetail.clear();
    m_lastPicture = QDateTime::currentDateTime();
    m_frozen = false;
    ++m_framesSinceTick;
    const qint64 elapsed = m_fpsClock.elapsed();
    if (elapsed >= 1000) {
        m_fps = 1000.0 * m_framesSinceTick / double(elapsed);
        m_framesSinceTick = 0;
        m_fpsClock.restart();
    }
    update();
}

void VideoTile::setCameraState(core::CameraState state, const QString& detail) {
    if (state == m_state && detail == m_stateDetail) {
        return;
    }
    m_state = state;
    m_stateDetail = detail;
    update();
}

void VideoTile::setAlert(core::Severity severity, const QString& label, AlertStyle style) {
    if (severity == m_alertSeverity && label == m_alertLabel && style == m_alertStyle) {
        return;
    }
    m_alertSeverity = severity;
    m_alertLabel = label;
    m_alertStyle = style;
    m_flashOn = severity != core::Severity::Invalid;
    if (m_flashOn && style == AlertStyle::Flashing) {
        m_flashTimer.start();
    } else {
        m_flashTimer.stop();
    }
    update();
}

void VideoTile::setSelected(bool selected) {
    m_selected = selected;
    update();
}

void VideoTile::setOverlayVisible(bool visible) {
    m_overlay = visible;
    update();
}

void VideoTile::setZoneValues(const QHash<QString, QString>& values) {
    if (values == m_zoneValues) {
        return;
    }
    m_zoneValues = values;
    update();
}

void VideoTile::setAnalysisActive(bool active) {
    if (active != m_analysisActive) {
        m_analysisActive = active;
        update();
    }
}

void VideoTile::setStallTimeoutMs(int timeoutMs) {
    m_stallTimeoutMs = std::max(100, timeoutMs);
    m_stallTimer.setInterval(std::min(kStallCheckMs, m_stallTimeoutMs / 2));
    checkStall();
}

void VideoTile::checkStall() {
    const bool frozen = m_camera && m_state == core::CameraState::Live && m_lastPicture.isValid() &&
                        m_lastPicture.msecsTo(QDateTime::currentDateTime()) > m_stallTimeoutMs;
    if (frozen != m_frozen) {
        m_frozen = frozen;
        update();
    }
}

bool VideoTile::isFrozen() const {
    return m_camera && (m_frozen || m_state == core::CameraState::Stalled);
}

QString VideoTile::statusText() const {
    if (!m_camera) {
        return tr("Aucune caméra\nGlissez une caméra de la liste ici");
    }
    const QString since =
        m_lastPicture.isValid() ? m_lastPicture.toString(QStringLiteral("HH:mm:ss")) : QString();
    QString text;
    if (isFrozen()) {
        text = since.isEmpty() ? tr("Image figée") : tr("Image figée depuis %1").arg(since);
    } else if (m_state == core::CameraState::Failed || m_state == core::CameraState::Reconnecting) {
        text = since.isEmpty()
                   ? cameraStateLabel(m_state)
                   : tr("%1 — dernière image à %2").arg(cameraStateLabel(m_state), since);
        if (m_state == core::CameraState::Reconnecting) {
            text = tr("Hors ligne — reconnexion automatique…");
            if (!since.isEmpty()) {
                text += QLatin1Char('\n') + tr("Dernière image à %1").arg(since);
            }
        }
    } else if (m_state == core::CameraState::Live) {
        if (m_image.isNull()) {
            text = tr("En attente d'image…");
        }
    } else {
        text = cameraStateLabel(m_state);
    }
    if (!text.isEmpty() && !m_stateDetail.isEmpty()) {
        text += QLatin1Char('\n') + m_stateDetail;
    }
    return text;
}

QRectF VideoTile::pictureRect() const {
    const QRectF area(0, kHeaderHeight, width(), height() - kHeaderHeight);
    if (m_image.isNull() || area.height() <= 0) {
        return area;
    }
    const QSizeF scaled = QSizeF(m_image.size()).scaled(area.size(), Qt::KeepAspectRatio);
    return QRectF(area.x() + (area.width() - scaled.width()) / 2,
                  area.y() + (area.height() - scaled.height()) / 2, scaled.width(),
                  scaled.height());
}

QPointF VideoTile::toWidget(const core::PointF& p) const {
    const QRectF r = pictureRect();
    return {r.x() + p.x * r.width(), r.y() + p.y * r.height()};
}

void VideoTile::paintEvent(QPaintEvent* event) {
    (void)event;
    QPainter p(this);
    p.fillRect(rect(), QColor(0x12, 0x12, 0x12));
    const QRectF r = pictureRect();
    const QString status = statusText();
    if (!m_image.isNull() && m_camera) {
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        if (isFrozen() || !status.isEmpty()) {
            // A frozen or lost picture is shown grey, never as if it were live.
            p.drawImage(r, m_image.convertToFormat(QImage::Format_Grayscale8));
            p.fillRect(r, QColor(40, 40, 40, 140));
        } else {
            p.drawImage(r, m_image);
            if (m_overlay) {
                paintOverlay(p, r);
                paintZoneValues(p, r);
            }
        }
    }
    if (!status.isEmpty()) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * (m_camera ? 1.3 : 1.0));
        f.setBold(m_camera.has_value());
        p.setFont(f);
        p.setPen(m_camera ? Qt::white : QColor(0x9A, 0xA0, 0xA6));
        p.drawText(rect().adjusted(8, kHeaderHeight, -8, 0), Qt::AlignCenter | Qt::TextWordWrap,
                   status);
    }
    paintHeader(p);
    if (m_dropTarget) {
        p.setPen(QPen(QColor(0x4D, 0xD0, 0xE1), 3, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(2, 2, -3, -3));
    } else if (m_alertSeverity != core::Severity::Invalid &&
               (m_flashOn || m_alertStyle == AlertStyle::Steady)) {
        p.setPen(QPen(severityColour(m_alertSeverity), m_alertStyle == AlertStyle::Steady ? 3 : 5));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(2, 2, -3, -3));
    } else if (m_selected || hasFocus()) {
        p.setPen(QPen(QColor(0x4D, 0xD0, 0xE1), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void VideoTile::paintHeader(QPainter& p) const {
    const QRect header(0, 0, width(), kHeaderHeight);
    p.fillRect(header, QColor(0x26, 0x26, 0x26));
    p.setPen(QColor(0xEE, 0xEE, 0xEE));
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    QString title = QString::number(m_number);
    if (m_camera) {
        title += QStringLiteral("  ") +
                 QString::fromStdString(m_camera->name.empty() ? m_camera->id : m_camera->name);
    }
    QRect titleRect = header.adjusted(6, 0, -6, 0);
    if (m_camera && !m_analysisActive) {
        // « IA » in grey: the analysis of this camera is stopped, the picture is not analysed.
        const QRect badge(titleRect.right() - 26, 4, 24, kHeaderHeight - 8);
        p.setPen(QColor(0x9E, 0x9E, 0x9E));
        p.drawRoundedRect(badge, 3, 3);
        QFont small = f;
        small.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.75));
        p.setFont(small);
        p.drawText(badge, Qt::AlignCenter, tr("IA"));
        p.setFont(f);
        titleRect.setRight(badge.left() - 4);
        p.setPen(QColor(0xEE, 0xEE, 0xEE));
    }
    p.drawText(titleRect, Qt::AlignVCenter | Qt::AlignLeft, title);
    QString right;
    if (m_alertSeverity != core::Severity::Invalid) {
        right = m_alertLabel;
        p.setPen(severityColour(m_alertSeverity).lighter(150));
    } else if (m_camera && m_state == core::CameraState::Live && !isFrozen()) {
        right = tr("%1 i/s").arg(m_fps, 0, 'f', 1);
    } else if (m_camera) {
        right =
            isFrozen() ? cameraStateLabel(core::CameraState::Stalled) : cameraStateLabel(m_state);
    }
    f.setBold(m_alertSeverity != core::Severity::Invalid);
    p.setFont(f);
    p.drawText(titleRect, Qt::AlignVCenter | Qt::AlignRight, right);
}

void VideoTile::paintOverlay(QPainter& p, const QRectF& r) const {
    p.setRenderHint(QPainter::Antialiasing);
    auto map = [&](const core::PointF& pt) {
        return QPointF(r.x() + pt.x * r.width(), r.y() + pt.y * r.height());
    };
    if (m_camera) {
        for (const auto& zone : m_camera->zones) {
            QPolygonF poly;
            for (const auto& pt : zone.polygon.points) {
                poly << map(pt);
            }
            const bool occupied =
                std::find(m_analysis.occupiedZoneIds.begin(), m_analysis.occupiedZoneIds.end(),
                          zone.id) != m_analysis.occupiedZoneIds.end();
            const bool mask = zone.kind == core::ZoneKind::Mask;
            QColor c = mask ? QColor(0x9E, 0x9E, 0x9E) : QColor(0xFF, 0xB3, 0x00);
            p.setPen(QPen(c, occupied ? 4 : 2, mask ? Qt::DashLine : Qt::SolidLine));
            c.setAlpha(occupied ? 70 : 35);
            p.setBrush(c);
            p.drawPolygon(poly);
        }
        for (const auto& line : m_camera->lines) {
            QPolygonF poly;
            for (const auto& pt : line.points) {
                poly << map(pt);
            }
            p.setPen(QPen(QColor(0xFF, 0xEB, 0x3B), 3));
            p.setBrush(Qt::NoBrush);
            p.drawPolyline(poly);
            if (line.direction != core::CrossingDirection::Any && poly.size() >= 2) {
                // Arrow at the middle of the first segment, pointing to the side that
                // triggers (left of the drawing direction for "to_left").
                const QPointF a = poly[0];
                const QPointF b = poly[1];
                const QPointF mid = (a + b) / 2;
                QPointF normal(b.y() - a.y(), -(b.x() - a.x()));
                const double len = std::hypot(normal.x(), normal.y());
                if (len > 0) {
                    normal /= len;
                    if (line.direction == core::CrossingDirection::ToRight) {
                        normal = -normal;
                    }
                    const QPointF tip = mid + normal * 24;
                    p.setPen(QPen(QColor(0xFF, 0x52, 0x52), 3));
                    p.drawLine(mid, tip);
                    const QPointF side(-normal.y() * 7, normal.x() * 7);
                    p.drawLine(tip, tip - normal * 9 + side);
                    p.drawLine(tip, tip - normal * 9 - side);
                }
            }
        }
    }
    QFont f = font();
    f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.9));
    p.setFont(f);
    const QFontMetrics fm(f);
    for (const auto& o : m_analysis.objects) {
        const QString cls = QString::fromStdString(o.label);
        const QRectF box(map({o.box.x0, o.box.y0}), map({o.box.x1, o.box.y1}));
        const QColor c = o.alerting ? QColor(0xC6, 0x28, 0x28) : classColour(cls);
        p.setPen(QPen(c, o.alerting ? 3 : 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(box);
        // Decision point: the ground-contact point the zones are evaluated on.
        p.setBrush(c);
        p.drawEllipse(map(o.box.bottomCentre()), 3, 3);
        const QString text =
            QStringLiteral("%1 %2").arg(classLabel(cls)).arg(int(std::lround(o.score * 100)));
        const QRectF chip(box.x(), box.y() - fm.height() - 2, fm.horizontalAdvance(text) + 6,
                          fm.height() + 2);
        p.fillRect(chip, c);
        p.setPen(Qt::black);
        p.drawText(chip, Qt::AlignCenter, text);
    }
}

void VideoTile::paintZoneValues(QPainter& p, const QRectF& r) const {
    if (!m_camera || m_zoneValues.isEmpty()) {
        return;
    }
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    const QFontMetrics fm(f);
    auto chipAt = [&](const QPointF& centre, const QString& text) {
        const QRectF chip(centre.x() - (fm.horizontalAdvance(text) + 10) / 2.0,
                          centre.y() - (fm.height() + 4) / 2.0, fm.horizontalAdvance(text) + 10,
                          fm.height() + 4);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 170));
        p.drawRoundedRect(chip, 4, 4);
        p.setPen(QColor(0xFF, 0xE0, 0x82));
        p.drawText(chip, Qt::AlignCenter, text);
    };
    auto map = [&](const core::PointF& pt) {
        return QPointF(r.x() + pt.x * r.width(), r.y() + pt.y * r.height());
    };
    for (const auto& zone : m_camera->zones) {
        const auto it = m_zoneValues.constFind(QString::fromStdString(zone.id));
        if (it == m_zoneValues.constEnd() || zone.polygon.points.empty()) {
            continue;
        }
        QPointF c;
        for (const auto& pt : zone.polygon.points) {
            c += map(pt);
        }
        chipAt(c / double(zone.polygon.points.size()), it.value());
    }
    for (const auto& line : m_camera->lines) {
        const auto it = m_zoneValues.constFind(QString::fromStdString(line.id));
        if (it == m_zoneValues.constEnd() || line.points.empty()) {
            continue;
        }
        chipAt(map(line.points.front()) + QPointF(0, -14), it.value());
    }
}

void VideoTile::mouseDoubleClickEvent(QMouseEvent* event) {
    event->accept();
    Q_EMIT activated(m_number);
}

void VideoTile::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
    }
    Q_EMIT clicked(m_number);
    QWidget::mousePressEvent(event);
}

void VideoTile::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton) || !m_camera ||
        (event->position().toPoint() - m_pressPos).manhattanLength() <
            QApplication::startDragDistance()) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kTileMimeType), QByteArray::number(m_number));
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    if (!m_image.isNull()) {
        drag->setPixmap(QPixmap::fromImage(
            m_image.scaled(160, 90, Qt::KeepAspectRatio, Qt::FastTransformation)));
    }
    drag->exec(Qt::MoveAction);
}

void VideoTile::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
            Q_EMIT activated(m_number);
            return;
        }
    }
    QWidget::keyPressEvent(event);
}

void VideoTile::contextMenuEvent(QContextMenuEvent* event) {
    event->accept();
    Q_EMIT menuRequested(m_number, event->globalPos());
}

void VideoTile::dragEnterEvent(QDragEnterEvent* event) {
    const QMimeData* mime = event->mimeData();
    const bool camera = mime->hasFormat(QString::fromLatin1(kCameraMimeType));
    const bool tile = mime->hasFormat(QString::fromLatin1(kTileMimeType)) &&
                      mime->data(QString::fromLatin1(kTileMimeType)).toInt() != m_number;
    if (camera || tile) {
        event->acceptProposedAction();
        m_dropTarget = true;
        update();
    } else {
        event->ignore();
    }
}

void VideoTile::dragLeaveEvent(QDragLeaveEvent* event) {
    m_dropTarget = false;
    update();
    QWidget::dragLeaveEvent(event);
}

void VideoTile::dropEvent(QDropEvent* event) {
    m_dropTarget = false;
    update();
    const QMimeData* mime = event->mimeData();
    if (mime->hasFormat(QString::fromLatin1(kCameraMimeType))) {
        const QString id = QString::fromUtf8(mime->data(QString::fromLatin1(kCameraMimeType)));
        if (!id.isEmpty()) {
            event->acceptProposedAction();
            Q_EMIT cameraDropped(m_number, id);
        }
        return;
    }
    if (mime->hasFormat(QString::fromLatin1(kTileMimeType))) {
        bool ok = false;
        const int source = mime->data(QString::fromLatin1(kTileMimeType)).toInt(&ok);
        if (ok && source != m_number) {
            event->acceptProposedAction();
            Q_EMIT tileDropped(m_number, source);
        }
    }
}

void VideoTile::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Tuile %1").arg(m_number));
        update();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
