#pragma once
// The operator's main window for one screen (UI guide §1). Three roles:
// - Combined (one screen): walls A (tiles 1–9) and B (10–18) as tabs, the camera list, the
//   alert pane;
// - WallA (first of two screens): wall A, the camera list and the alert banner;
// - WallB (second screen): wall B and the alert pane.
// Every window shows a banner with the unreviewed alerts (« (!) 3 alertes nouvelles |
// Objet abandonné — Quai 2 — 14:02:11 [Ouvrir] »), a status bar (health, view, user,
// clock) and the menus; the walls of all windows of the console are linked so that cameras
// are placed and swapped across screens (drag from the list or from a tile, or the tile's
// context menu), and the layout is one per view.
//
// Rights: setSession() hides what the principal may not reach (Paramétrage for zones,
// rules and replay tuning; Administration; the global stop) and requestScreen() asks core
// (AccessControl::check) before emitting screenRequested — a refused request is reported
// with accessRefused, never opened. Only cameras in the principal's scope are listed.
//
// It only displays and emits intents: the application wires it to the engine and the
// store, opens the other screens, and saves layouts. Thread: GUI thread only.

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <optional>

#include "core/alert.h"
#include "core/frame_sink.h"
#include "core/health.h"
#include "core/permissions.h"
#include "core/site.h"
#include "widgets/video_wall.h"

class QAction;
class QDockWidget;
class QFrame;
class QLabel;
class QMenu;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace vigie::widgets {

class AlertListModel;
class AlertPanel;
class CameraTreeModel;

// The screens reached from the operator window's menus.
enum class Screen {
    Invalid = 0,
    ZoneEditor,      // Paramétrage > Zones et lignes
    RuleBuilder,     // Paramétrage > Règles et plannings
    ReplayTuning,    // Paramétrage > Rejeu et réglage
    Administration,  // Administration > Administration du système
    Health,          // Administration > Santé du système
    Statistics,      // Affichage > Statistiques (comptage, densité)
};

// The rights that open a screen (any one of them is enough).
core::PermissionSet screenPermissions(Screen screen);
// Whether `principal` may open `screen`, checked by core (the first right held wins; a
// refusal carries core's message for the first right of the screen).
core::Status checkScreen(const core::AccessControl& acl, const core::Principal& principal,
                         Screen screen);

class OperatorWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Role { Invalid = 0, Combined, WallA, WallB };

    // A combined window with its own alert model.
    explicit OperatorWindow(QWidget* parent = nullptr);
    // `model` is shared by the windows of the console (borrowed; must outlive the window).
    OperatorWindow(Role role, AlertListModel* model, QWidget* parent = nullptr);

    Role role() const { return m_role; }
    // The cameras of the site; only those in the session's scope are shown. Without a saved
    // layout, they go to the tiles in order.
    void setSite(const core::Site& site);
    void setSession(const core::Principal& principal, const core::AccessControl& acl);
    const core::Principal& principal() const { return m_principal; }
    void setUserName(const QString& name);
    // Links the walls of every window of the console (this window's walls included).
    void linkWalls(const QList<VideoWall*>& all);

    VideoWall* wall() const { return m_walls.value(0); }
    const QList<VideoWall*>& walls() const { return m_walls; }
    AlertPanel* alertPanel() const { return m_alertPanel; }
    AlertListModel* alertModel() const { return m_alertModel; }
    CameraTreeModel* cameraModel() const { return m_cameraModel; }
    QTreeView* cameraView() const { return m_cameraView; }
    QAction* stopProcessingAction() const { return m_stopAction; }
    QAction* screenAction(Screen screen) const;
    QMenu* setupMenu() const { return m_setupMenu; }
    QMenu* adminMenu() const { return m_adminMenu; }
    // The cameras the session may see (id → camera), in site order.
    const std::vector<core::Camera>& visibleCameras() const { return m_cameras; }

    // Tile number → camera id over the linked walls; applyLayout places them (unknown or
    // out-of-scope cameras are left out).
    WallLayout currentLayout() const;
    void applyLayout(const WallLayout& layout);
    // The layout of a user who never saved one: the visible cameras in order.
    WallLayout defaultLayout() const;
    VideoTile* tileByNumber(int number) const;
    // The tile of this window showing the camera, or null.
    VideoTile* tileForCameraId(const QString& cameraId) const { return tileForCamera(cameraId); }
    // Puts the camera on the tile (taking it off any other tile); an empty id clears it.
    void assignCamera(int tileNumber, const QString& cameraId);
    void swapTiles(int first, int second);
    // The context menu of a tile (the caller owns it).
    QMenu* createTileMenu(int tileNumber);
    int currentView() const { return m_view; }
    void setCurrentView(int view);

    // Checks the right in core, then emits screenRequested or accessRefused.
    core::Status requestScreen(Screen screen);

public Q_SLOTS:
    void showFrame(const QString& cameraId, const QImage& image,
                   const vigie::core::FrameAnalysis& analysis);
    // A live alert event: into the list, with sound for a new one (on the pane's window).
    void showAlert(const vigie::core::Alert& alert);
    // An alert from the store (start-up, search): no sound.
    void addHistoryAlert(const vigie::core::Alert& alert);
    void showHealth(const vigie::core::EngineHealth& health);
    void applyQualification(const QString& uid, vigie::core::Qualification qualification,
                            const QString& comment, const QString& by = QString());
    void markTaken(const QString& uid, const QString& login);
    // « Reporter 30 s »: the alert is put aside, then comes back (and rings) if nobody
    // qualified it.
    void markPostponed(const QString& uid);
    void showStatusMessage(const QString& message);
    // Selects the alert in this window's pane (banner « Ouvrir »).
    void selectAlert(const QString& uid);
    void showShortcuts();

Q_SIGNALS:
    void qualifyRequested(const QString& uid, vigie::core::Qualification qualification,
                          const QString& comment);
    void takeRequested(const QString& uid);
    void postponeRequested(const QString& uid);
    void processingEnabledRequested(bool enabled);
    void layoutChanged(const vigie::widgets::WallLayout& layout);
    void viewRequested(int view);
    void screenRequested(vigie::widgets::Screen screen);
    void accessRefused(vigie::widgets::Screen screen, const QString& message);
    // The banner's « Ouvrir » on a window without the pane.
    void alertOpenRequested(const QString& uid);
    void logoutRequested();

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void build();
    void retranslate();
    void refreshTileAlerts();
    void refreshBanner();
    void refreshCameraTiles();
    void applyRights();
    VideoTile* tileForCamera(const QString& cameraId) const;
    std::optional<core::Camera> cameraById(const QString& id) const;

    Role m_role = Role::Combined;
    AlertListModel* m_alertModel = nullptr;
    CameraTreeModel* m_cameraModel = nullptr;
    QList<VideoWall*> m_walls;
    QList<QPointer<VideoWall>> m_linked;
    AlertPanel* m_alertPanel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QSplitter* m_splitter = nullptr;
    QDockWidget* m_cameraDock = nullptr;
    QTreeView* m_cameraView = nullptr;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QPushButton* m_bannerOpen = nullptr;
    QString m_bannerUid;
    QLabel* m_healthLabel = nullptr;
    QLabel* m_viewLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    QLabel* m_clockLabel = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_alertMenu = nullptr;
    QMenu* m_setupMenu = nullptr;
    QMenu* m_adminMenu = nullptr;
    QMenu* m_processingMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_logoutAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_cameraListAction = nullptr;
    QAction* m_overlayAction = nullptr;
    QAction* m_nextWallAction = nullptr;
    QList<QAction*> m_viewActions;
    QAction* m_takeAction = nullptr;
    QAction* m_postponeAction = nullptr;
    QAction* m_confirmAction = nullptr;
    QAction* m_falseAction = nullptr;
    QAction* m_muteAction = nullptr;
    QAction* m_historyAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QList<QPair<Screen, QAction*>> m_screenActions;
    core::Principal m_principal;
    core::AccessControl m_acl;
    bool m_hasSession = false;
    std::vector<core::Camera> m_allCameras;
    std::vector<core::Camera> m_cameras;  // visible to the session
    QString m_siteName;
    QString m_healthText;
    int m_view = 1;
};

}  // namespace vigie::widgets

Q_DECLARE_METATYPE(vigie::widgets::Screen)
