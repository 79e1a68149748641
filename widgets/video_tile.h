#pragma once
// One tile of a video wall: the latest picture of a camera, letterboxed, with its overlay
// (zones and lines of the camera, tracked objects boxed and coloured by class, occupied
// zones thickened, live counting/density values per zone when the analysis provides them),
// a header (tile number, camera name, analysed rate, « IA » badge when analysis is off), the
// camera state when there is no live picture (« Connexion… », « Hors ligne depuis … »), a
// grey picture with « Image figée depuis hh:mm:ss » when no picture came for the stall
// delay, and a severity-coloured frame while an alert is open: flashing while it is new,
// steady once an operator took it.
//
// Interaction: double-click or Entrée asks the wall to enlarge it; a camera can be dropped
// on it from the camera tree (MIME kCameraMimeType) or from another tile (kTileMimeType:
// the two tiles swap); a right click asks for the tile menu. The tile never assigns itself:
// it emits intents and the window decides.
//
// Thread: GUI thread only. Pictures arrive already converted (QImage shares the pool
// buffer; see app/workstation/engine_bridge). Ownership: a child of its wall.

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QPoint>
#include <QTimer>
#include <QWidget>

#include <optional>

#include "core/alert.h"
#include "core/frame_sink.h"
#include "core/health.h"
#include "core/site.h"

namespace vigie::widgets {

// Drag and drop payloads: a camera id (UTF-8) from the camera tree, a tile number (decimal
// ASCII) from another tile.
inline constexpr char kCameraMimeType[] = "application/x-vigie-camera-id";
inline constexpr char kTileMimeType[] = "application/x-vigie-tile-number";

class VideoTile : public QWidget {
    Q_OBJECT

public:
    enum class AlertStyle { Invalid = 0, Flashing, Steady };

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
    void setAlert(core::Severity severity, const QString& label,
                  AlertStyle style = AlertStyle::Flashing);
    bool isAlerting() const { return m_alertSeverity != core::Severity::Invalid; }
    bool isFlashing() const { return isAlerting() && m_alertStyle == AlertStyle::Flashing; }
    // Whether the alert frame is drawn right now (flashing frames blink).
    bool isAlertFrameShown() const {
        return isAlerting() && (m_flashOn || m_alertStyle == AlertStyle::Steady);
    }
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    void setOverlayVisible(bool visible);
    // Live values per zone or line id (« 4 pers. », « 1,8 p/m² »), drawn on the zone.
    void setZoneValues(const QHash<QString, QString>& values);
    const QHash<QString, QString>& zoneValues() const { return m_zoneValues; }
    // False shows the grey « IA » badge: pictures go on, analysis does not.
    void setAnalysisActive(bool active);
    // No picture for this long while live: « Image figée depuis hh:mm:ss ». Default 5 s.
    void setStallTimeoutMs(int timeoutMs);
    // Whether the picture is shown as frozen now (no picture for the stall delay, or the
    // engine says Stalled), and since when.
    bool isFrozen() const;
    QDateTime lastPictureTime() const { return m_lastPicture; }
    // The text drawn over the picture, empty when the picture is live (for tests).
    QString statusText() const;

    const core::FrameAnalysis& lastAnalysis() const { return m_analysis; }
    bool hasPicture() const { return !m_image.isNull(); }
    // A copy of the picture shown (the displayed one shares an engine buffer).
    QImage picture() const { return m_image.copy(); }
    double displayedFps() const { return m_fps; }
    // Where a normalised point lands in widget coordinates (for tests and editors).
    QPointF toWidget(const core::PointF& p) const;

    QSize sizeHint() const override { return {640, 360}; }

Q_SIGNALS:
    void activated(int number);  // double-click or Entrée: enlarge / restore
    void clicked(int number);
    void cameraDropped(int number, const QString& cameraId);
    void tileDropped(int number, int sourceNumber);
    void menuRequested(int number, const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QRectF pictureRect() const;
    void paintOverlay(QPainter& p, const QRectF& r) const;
    void paintZoneValues(QPainter& p, const QRectF& r) const;
    void paintHeader(QPainter& p) const;
    void checkStall();

    int m_number;
    std::optional<core::Camera> m_camera;
    QImage m_image;
    core::FrameAnalysis m_analysis;
    core::CameraState m_state = core::CameraState::Stopped;
    QString m_stateDetail;
    core::Severity m_alertSeverity = core::Severity::Invalid;
    AlertStyle m_alertStyle = AlertStyle::Flashing;
    QString m_alertLabel;
    QHash<QString, QString> m_zoneValues;
    bool m_flashOn = false;
    bool m_selected = false;
    bool m_overlay = true;
    bool m_analysisActive = true;
    bool m_dropTarget = false;
    bool m_frozen = false;
    int m_stallTimeoutMs = 5000;
    QDateTime m_lastPicture;
    QPoint m_pressPos;
    QTimer m_flashTimer;
    QTimer m_stallTimer;
    QElapsedTimer m_fpsClock;
    int m_framesSinceTick = 0;
    double m_fps = 0.0;
};

}  // namespace vigie::widgets
