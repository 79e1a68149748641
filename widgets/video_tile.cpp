#include "widgets/video_tile.h"

#include <QKeyEvent>
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

}  // namespace

VideoTile::VideoTile(int number, QWidget* parent) : QWidget(parent), m_number(number) {
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 90);
    m_flashTimer.setInterval(kFlashIntervalMs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flashOn = !m_flashOn;
        update();
    });
    m_fpsClock.start();
    setAccessibleName(tr("Tuile %1").arg(number));
}

void VideoTile::setCamera(const std::optional<core::Camera>& camera) {
    m_camera = camera;
    m_image = QImage();
    m_analysis = {};
    m_state = camera ? core::CameraState::Connecting : core::CameraState::Stopped;
    setAlert(core::Severity::Invalid, QString());
    update();
}

QString VideoTile::cameraId() const {
    return m_camera ? QString::fromStdString(m_camera->id) : QString();
}

void VideoTile::setFrame(const QImage& image, const core::FrameAnalysis& analysis) {
    m_image = image;
    m_analysis = analysis;
    m_state = core::CameraState::Live;
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

void VideoTile::setAlert(core::Severity severity, const QString& label) {
    m_alertSeverity = severity;
    m_alertLabel = label;
    m_flashOn = severity != core::Severity::Invalid;
    if (m_flashOn) {
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
    if (!m_image.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(r, m_image);
        if (m_state == core::CameraState::Stalled) {
            p.fillRect(r, QColor(80, 80, 80, 150));
        }
        if (m_overlay) {
            paintOverlay(p, r);
        }
    }
    const bool showState =
        m_state != core::CameraState::Live &&
        (m_image.isNull() || m_state == core::CameraState::Stalled ||
         m_state == core::CameraState::Failed || m_state == core::CameraState::Reconnecting);
    if (showState) {
        p.setPen(Qt::white);
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.3);
        f.setBold(true);
        p.setFont(f);
        QString text = m_camera ? cameraStateLabel(m_state) : tr("Aucune caméra");
        if (!m_stateDetail.isEmpty()) {
            text += QLatin1Char('\n') + m_stateDetail;
        }
        p.drawText(rect().adjusted(8, kHeaderHeight, -8, 0), Qt::AlignCenter | Qt::TextWordWrap,
                   text);
    }
    paintHeader(p);
    if (m_alertSeverity != core::Severity::Invalid && m_flashOn) {
        p.setPen(QPen(severityColour(m_alertSeverity), 5));
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
    p.drawText(header.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft, title);
    QString right;
    if (m_alertSeverity != core::Severity::Invalid) {
        right = m_alertLabel;
        p.setPen(severityColour(m_alertSeverity).lighter(150));
    } else if (m_camera && m_state == core::CameraState::Live) {
        right = tr("%1 i/s").arg(m_fps, 0, 'f', 1);
    } else if (m_camera) {
        right = cameraStateLabel(m_state);
    }
    f.setBold(m_alertSeverity != core::Severity::Invalid);
    p.setFont(f);
    p.drawText(header.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, right);
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

void VideoTile::mouseDoubleClickEvent(QMouseEvent* event) {
    event->accept();
    Q_EMIT activated(m_number);
}

void VideoTile::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    Q_EMIT clicked(m_number);
    QWidget::mousePressEvent(event);
}

void VideoTile::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        Q_EMIT activated(m_number);
        return;
    }
    QWidget::keyPressEvent(event);
}

void VideoTile::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Tuile %1").arg(m_number));
        update();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
