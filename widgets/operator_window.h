#pragma once
// The operator's main window for one screen: a 3×3 video wall and the alert pane, a status
// bar with the health summary, the user and the clock, and the global stop of processing.
// It only displays and emits intents: the application wires it to the engine and the store.
// Thread: GUI thread only.

#include <QMainWindow>

#include "core/alert.h"
#include "core/frame_sink.h"
#include "core/health.h"
#include "core/site.h"

class QAction;
class QLabel;
class QSplitter;

namespace vigie::widgets {

class AlertListModel;
class AlertPanel;
class VideoWall;

class OperatorWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit OperatorWindow(QWidget* parent = nullptr);

    // Cameras of the site go to the tiles in order (the first nine).
    void setSite(const core::Site& site);
    void setUserName(const QString& name);

    VideoWall* wall() const { return m_wall; }
    AlertPanel* alertPanel() const { return m_alertPanel; }
    AlertListModel* alertModel() const { return m_alertModel; }
    QAction* stopProcessingAction() const { return m_stopAction; }

public Q_SLOTS:
    void showFrame(const QString& cameraId, const QImage& image,
                   const vigie::core::FrameAnalysis& analysis);
    void showAlert(const vigie::core::Alert& alert);
    void showHealth(const vigie::core::EngineHealth& health);
    void applyQualification(const QString& uid, vigie::core::Qualification qualification,
                            const QString& comment);
    void showStatusMessage(const QString& message);

Q_SIGNALS:
    void qualifyRequested(const QString& uid, vigie::core::Qualification qualification,
                          const QString& comment);
    void processingEnabledRequested(bool enabled);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refreshTileAlerts();

    AlertListModel* m_alertModel = nullptr;
    VideoWall* m_wall = nullptr;
    AlertPanel* m_alertPanel = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_healthLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    QLabel* m_clockLabel = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_quitAction = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_processingMenu = nullptr;
    QString m_siteName;
    QString m_healthText;
};

}  // namespace vigie::widgets
