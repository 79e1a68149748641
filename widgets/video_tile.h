#pragma once
// One tile of a video wall: the latest picture of a camera, letterboxed, with its overlay
// (zones and lines of the camera, tracked objects boxed and coloured by class, occupied
// zones thickened), a header (tile number, camera name, analysed rate), the camera state
// when there is no live picture, and a severity-coloured, flashing frame while an alert
// is new. Double-click or Entrée asks the wall to enlarge it.
//
// Thread: GUI thread only. Pictures arrive already converted (QImage shares the pool
// buffer; see app/workstation/engine_bridge).

#include <QElapsedTimer>
#include <QImage>
#include <QTimer>
#include <QWidget>

#include <optional>

#include "core/alert.h"
#include "core/frame_sink.h"
#include "core/health.h"
#include "core/site.h"

namespace vigie::widgets {

class VideoTile : public QWidget {
    Q_OBJECT

public:
    explicit VideoTile(int number, QWidget* parent = nullptr);

    int number() const { return m_number; }
    // Assigns a camera (zones and lines are drawn from it); nullopt leaves the tile empty.
    void setCamera(const std::optional<core::Camera>& camera);
    const std::optional<core::Camera>& camera() const { return m_camera; }
    QString cameraId() const;

    void setFrame(const QImage& image, const core::FrameAnalysis& analysis);
    void setCameraState(core::CameraState state, const QString& detail = QString());
    core::CameraState cameraState() const { return m_state; }
    // Starts (or stops, with Severity::Invalid) the alert frame of the given severity.
    void setAlert(core::Severity severity, const QString& label);
    bool isAlerting() const { return m_alertSeverity != core::Severity::Invalid; }
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    void setOverlayVisible(bool visible);

    const core::FrameAnalysis& lastAnalysis() const { return m_analysis; }
    bool hasPicture() const { return !m_image.isNull(); }
    double displayedFps() const { return m_fps; }
    // Where a normalised point lands in widget coordinates (for tests and editors).
    QPointF toWidget(const core::PointF& p) const;

    QSize sizeHint() const override { return {640, 360}; }

Q_SIGNALS:
    void activated(int number);  // double-click or Entrée: enlarge / restore
    void clicked(int number);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QRectF pictureRect() const;
    void paintOverlay(QPainter& p, const QRectF& r) const;
    void paintHeader(QPainter& p) const;

    int m_number;
    std::optional<core::Camera> m_camera;
    QImage m_image;
    core::FrameAnalysis m_analysis;
    core::CameraState m_state = core::CameraState::Stopped;
    QString m_stateDetail;
    core::Severity m_alertSeverity = core::Severity::Invalid;
    QString m_alertLabel;
    bool m_flashOn = false;
    bool m_selected = false;
    bool m_overlay = true;
    QTimer m_flashTimer;
    QElapsedTimer m_fpsClock;
    int m_framesSinceTick = 0;
    double m_fps = 0.0;
};

}  // namespace vigie::widgets
