#include "widgets/operator_window.h"

#include <QAction>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "core/geometry.h"
#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/camera_tree_model.h"
#include "widgets/labels.h"

namespace vigie::widgets {

core::PermissionSet screenPermissions(Screen screen) {
    using P = core::Permission;
    switch (screen) {
        case Screen::ZoneEditor:
            return {P::EditZones};
        case Screen::RuleBuilder:
            return {P::EditRules, P::EditSchedules, P::ToggleRules};
        case Screen::ReplayTuning:
            return {P::EditRules};
        case Screen::Administration:
            return {P::ManageCameras,   P::ManageUsers,         P::ManageGroupsAndProfiles,
                    P::ManageRetention, P::ManageBackups,       P::ManageLicences,
                    P::ViewAuditLog,    P::ViewApplicationLogs, P::ManageSettings};
        case Screen::Health:
            return {P::ViewHealth};
        case Screen::Statistics:
            return {P::ViewCounts};
        case Screen::Invalid:
            break;
    }
    return {};
}

core::Status checkScreen(const core::AccessControl& acl, const core::Principal& principal,
                         Screen screen) {
    const auto rights = screenPermissions(screen).list();
    if (rights.empty()) {
        return core::makeError("permission denied: unknown screen");
    }
    core::Status first;
    bool haveFirst = false;
    for (const auto permission : rights) {
        // Site-wide check: a camera-bound right with no camera means "every camera", which a
        // camera-scoped principal lacks; such a principal still opens the screen if it holds
        // the right at all (the screen lists only its cameras).
        core::Status s = acl.check(principal, permission);
        if (!s && core::isCameraBound(permission) && principal.permissions.contains(permission) &&
            acl.cameraFilter(principal, permission)) {
            s = {};
        }
        if (s) {
            return s;
        }
        if (!haveFirst) {
            first = s;
            haveFirst = true;
        }
    }
    return first;
}

OperatorWindow::OperatorWindow(QWidget* parent) : QMainWindow(parent), m_role(Role::Combined) {
    m_alertModel = new AlertListModel(this);
    build();
}

OperatorWindow::OperatorWindow(Role role, AlertListModel* model, QWidget* parent)
    : QMainWindow(parent), m_role(role == Role::Invalid ? Role::Combined : role) {
    m_alertModel = model != nullptr ? model : new AlertListModel(this);
    build();
}

void OperatorWindow::build() {
    setObjectName(m_role == Role::WallB ? QStringLiteral("operatorWindowB")
                                        : QStringLiteral("operatorWindow"));
    m_cameraModel = new CameraTreeModel(this);

    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);

    // Banner of the unreviewed alerts, on every screen.
    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("alertBanner"));
    auto* bannerRow = new QHBoxLayout(m_banner);
    bannerRow->setContentsMargins(10, 4, 10, 4);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("alertBannerText"));
    QFont bf = m_bannerText->font();
    bf.setBold(true);
    bf.setPointSizeF(bf.pointSizeF() * 1.1);
    m_bannerText->setFont(bf);
    m_bannerOpen = new QPushButton(m_banner);
    m_bannerOpen->setObjectName(QStringLiteral("alertBannerOpen"));
    m_bannerOpen->setFocusPolicy(Qt::NoFocus);
    bannerRow->addWidget(m_bannerText, 1);
    bannerRow->addWidget(m_bannerOpen);
    m_banner->hide();
    column->addWidget(m_banner);

    m_splitter = new QSplitter(Qt::Horizontal, central);
    column->addWidget(m_splitter, 1);
    const auto makeWall = [this](int first, const QString& name) {
        auto* w = new VideoWall(3, 3, first, nullptr);
        w->setObjectName(name);
        connect(w, &VideoWall::cameraDropped, this, &OperatorWindow::assignCamera);
        connect(w, &VideoWall::tileDropped, this, &OperatorWindow::swapTiles);
        connect(w, &VideoWall::tileMenuRequested, this, [this](int number, const QPoint& pos) {
            QMenu* menu = createTileMenu(number);
            menu->exec(pos);
            menu->deleteLater();
        });
        m_walls.append(w);
        return w;
    };
    if (m_role == Role::Combined) {
        m_tabs = new QTabWidget(m_splitter);
        m_tabs->setObjectName(QStringLiteral("wallTabs"));
        m_tabs->setDocumentMode(true);
        m_tabs->addTab(makeWall(1, QStringLiteral("wallA")), QString());
        m_tabs->addTab(makeWall(10, QStringLiteral("wallB")), QString());
        m_splitter->addWidget(m_tabs);
    } else if (m_role == Role::WallA) {
        m_splitter->addWidget(makeWall(1, QStringLiteral("wallA")));
    } else {
        m_splitter->addWidget(makeWall(10, QStringLiteral("wallB")));
    }
    if (m_role != Role::WallA) {
        m_alertPanel = new AlertPanel(m_alertModel, m_splitter);
        m_alertPanel->setObjectName(QStringLiteral("alertPanel"));
        m_splitter->addWidget(m_alertPanel);
        m_splitter->setStretchFactor(0, 3);
        m_splitter->setStretchFactor(1, 1);
        m_splitter->setSizes({1340, 580});
        connect(m_alertPanel, &AlertPanel::qualifyRequested, this,
                &OperatorWindow::qualifyRequested);
        connect(m_alertPanel, &AlertPanel::takeRequested, this, &OperatorWindow::takeRequested);
        connect(m_alertPanel, &AlertPanel::postponeRequested, this,
                &OperatorWindow::postponeRequested);
        // A postponed alert nobody handled is back: announced again, as a new one.
        connect(m_alertModel, &AlertListModel::postponeEnded, this, [this](const QString& uid) {
            if (const core::Alert* a = m_alertModel->alertByUid(uid); a != nullptr) {
                m_alertPanel->announce(*a);
            }
        });
    }
    setCentralWidget(central);
    m_linked = {};
    for (auto* w : m_walls) {
        m_linked.append(w);
    }

    // The camera list (drag onto a tile), on the screen of wall A.
    if (m_role != Role::WallB) {
        m_cameraDock = new QDockWidget(this);
        m_cameraDock->setObjectName(QStringLiteral("cameraDock"));
        m_cameraDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
        m_cameraView = new QTreeView(m_cameraDock);
        m_cameraView->setObjectName(QStringLiteral("cameraTree"));
        m_cameraView->setModel(m_cameraModel);
        m_cameraView->setDragEnabled(true);
        m_cameraView->setDragDropMode(QAbstractItemView::DragOnly);
        m_cameraView->setRootIsDecorated(false);
        m_cameraView->header()->setStretchLastSection(false);
        m_cameraView->header()->setSectionResizeMode(CameraTreeModel::NameColumn,
                                                     QHeaderView::Stretch);
        m_cameraView->header()->setSectionResizeMode(CameraTreeModel::TileColumn,
                                                     QHeaderView::ResizeToContents);
        m_cameraView->setMinimumWidth(190);
        m_cameraDock->setWidget(m_cameraView);
        addDockWidget(Qt::LeftDockWidgetArea, m_cameraDock);
        connect(m_cameraModel, &QAbstractItemModel::modelReset, m_cameraView,
                &QTreeView::expandAll);
    }

    m_healthLabel = new QLabel(this);
    m_healthLabel->setObjectName(QStringLiteral("healthSummary"));
    m_viewLabel = new QLabel(this);
    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_clockLabel = new QLabel(this);
    statusBar()->addWidget(m_healthLabel, 1);
    statusBar()->addPermanentWidget(m_viewLabel);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_clockLabel);
    auto* clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, [this] {
        m_clockLabel->setText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    });
    clock->start(1000);

    // --- menus ---
    m_fileMenu = menuBar()->addMenu(QString());
    m_logoutAction = m_fileMenu->addAction(QString(), this, &OperatorWindow::logoutRequested);
    m_logoutAction->setObjectName(QStringLiteral("logoutAction"));
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_fullScreenAction = m_viewMenu->addAction(
        QString(), this, [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    if (m_cameraDock != nullptr) {
        m_cameraListAction = m_cameraDock->toggleViewAction();
        m_cameraListAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        m_viewMenu->addAction(m_cameraListAction);
    }
    m_overlayAction = m_viewMenu->addAction(QString());
    m_overlayAction->setCheckable(true);
    m_overlayAction->setChecked(true);
    m_overlayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(m_overlayAction, &QAction::toggled, this, [this](bool on) {
        for (auto* w : m_walls) {
            for (int i = 0; i < w->tileCount(); ++i) {
                w->tile(i)->setOverlayVisible(on);
            }
        }
    });
    if (m_tabs != nullptr) {
        m_nextWallAction = m_viewMenu->addAction(QString(), this, [this] {
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
            m_walls.value(m_tabs->currentIndex())->setFocus();
        });
        m_nextWallAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Tab),
                                        QKeySequence(Qt::Key_PageDown),
                                        QKeySequence(Qt::Key_PageUp)});
    }
    m_viewMenu->addSeparator();
    for (int v = 1; v <= WallLayoutStore::kViewCount; ++v) {
        auto* a = m_viewMenu->addAction(QString(), this, [this, v] { Q_EMIT viewRequested(v); });
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + v)));
        a->setCheckable(true);
        m_viewActions.append(a);
    }
    auto* stats = m_viewMenu->addAction(QString());
    stats->setObjectName(QStringLiteral("statisticsAction"));
    m_screenActions.append({Screen::Statistics, stats});
    // Health is for operators too: under Affichage, so that Administration stays closed to them.
    auto* health = m_viewMenu->addAction(QString());
    health->setObjectName(QStringLiteral("healthAction"));
    m_screenActions.append({Screen::Health, health});

    m_alertMenu = menuBar()->addMenu(QString());
    if (m_alertPanel != nullptr) {
        // Shown with their keys; the keys themselves belong to the pane's shortcuts.
        m_takeAction = m_alertMenu->addAction(QString(), m_alertPanel, &AlertPanel::takeSelected);
        m_postponeAction =
            m_alertMenu->addAction(QString(), m_alertPanel, &AlertPanel::postponeSelected);
        m_confirmAction =
            m_alertMenu->addAction(QString(), m_alertPanel, &AlertPanel::confirmSelected);
        m_falseAction =
            m_alertMenu->addAction(QString(), m_alertPanel, &AlertPanel::markSelectedFalsePositive);
        m_muteAction = m_alertMenu->addAction(QString());
        m_muteAction->setCheckable(true);
        connect(m_muteAction, &QAction::toggled, m_alertPanel, &AlertPanel::setMuted);
        m_historyAction =
            m_alertMenu->addAction(QString(), m_alertPanel, &AlertPanel::searchHistory);
        m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    }

    m_setupMenu = menuBar()->addMenu(QString());
    m_setupMenu->setObjectName(QStringLiteral("setupMenu"));
    const auto addScreen = [this](QMenu* menu, Screen screen, const char* name) {
        auto* a = menu->addAction(QString());
        a->setObjectName(QString::fromLatin1(name));
        m_screenActions.append({screen, a});
        return a;
    };
    addScreen(m_setupMenu, Screen::ZoneEditor, "zoneEditorAction");
    addScreen(m_setupMenu, Screen::RuleBuilder, "ruleBuilderAction");
    addScreen(m_setupMenu, Screen::ReplayTuning, "replayTuningAction");
    m_adminMenu = menuBar()->addMenu(QString());
    m_adminMenu->setObjectName(QStringLiteral("adminMenu"));
    addScreen(m_adminMenu, Screen::Administration, "administrationAction");
    for (const auto& [screen, action] : m_screenActions) {
        const Screen s = screen;
        connect(action, &QAction::triggered, this, [this, s] { (void)requestScreen(s); });
    }

    m_processingMenu = menuBar()->addMenu(QString());
    m_stopAction = m_processingMenu->addAction(QString());
    m_stopAction->setObjectName(QStringLiteral("stopProcessingAction"));
    m_stopAction->setCheckable(true);
    connect(m_stopAction, &QAction::toggled, this, [this](bool stopped) {
        Q_EMIT processingEnabledRequested(!stopped);
        retranslate();
    });
    m_helpMenu = menuBar()->addMenu(QString());
    m_shortcutsAction = m_helpMenu->addAction(QString(), this, &OperatorWindow::showShortcuts);
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));

    connect(m_bannerOpen, &QPushButton::clicked, this, [this] {
        if (m_alertPanel != nullptr) {
            selectAlert(m_bannerUid);
        } else {
            Q_EMIT alertOpenRequested(m_bannerUid);
        }
    });
    connect(m_alertModel, &AlertListModel::unreviewedCountChanged, this,
            &OperatorWindow::retranslate);
    connect(m_alertModel, &QAbstractItemModel::dataChanged, this, [this] {
        refreshTileAlerts();
        refreshBanner();
    });
    connect(m_alertModel, &QAbstractItemModel::rowsInserted, this, [this] {
        refreshTileAlerts();
        refreshBanner();
    });
    connect(m_alertModel, &QAbstractItemModel::rowsRemoved, this, [this] {
        refreshTileAlerts();
        refreshBanner();
    });
    connect(m_alertModel, &QAbstractItemModel::modelReset, this, [this] {
        refreshTileAlerts();
        refreshBanner();
    });
    retranslate();
    applyRights();
    resize(1920, 1080);
}

QAction* OperatorWindow::screenAction(Screen screen) const {
    for (const auto& [s, a] : m_screenActions) {
        if (s == screen) {
            return a;
        }
    }
    return nullptr;
}

void OperatorWindow::setSession(const core::Principal& principal, const core::AccessControl& acl) {
    m_principal = principal;
    m_acl = acl;
    m_hasSession = true;
    setUserName(QString::fromStdString(principal.login));
    if (!m_allCameras.empty()) {
        core::Site site;
        site.name = m_siteName.toStdString();
        site.cameras = m_allCameras;
        setSite(site);
    }
    applyRights();
}

void OperatorWindow::applyRights() {
    // Without a session (tests of the widgets alone) everything is shown; with one, only what
    // core grants. The check is repeated by requestScreen and by each screen's store.
    for (const auto& [screen, action] : m_screenActions) {
        const bool allowed = !m_hasSession || checkScreen(m_acl, m_principal, screen).ok();
        action->setVisible(allowed);
        action->setEnabled(allowed);
    }
    const auto anyVisible = [](QMenu* menu) {
        const auto actions = menu->actions();
        return std::any_of(actions.begin(), actions.end(),
                           [](QAction* a) { return a->isVisible() && !a->isSeparator(); });
    };
    m_setupMenu->menuAction()->setVisible(anyVisible(m_setupMenu));
    m_adminMenu->menuAction()->setVisible(anyVisible(m_adminMenu));
    const bool mayStop =
        !m_hasSession || m_acl.check(m_principal, core::Permission::StopProcessing).ok();
    m_stopAction->setEnabled(mayStop);
    m_processingMenu->menuAction()->setVisible(mayStop);
    if (m_alertPanel != nullptr) {
        const bool mayQualify =
            !m_hasSession || m_principal.permissions.contains(core::Permission::QualifyAlerts);
        m_alertPanel->setQualifyAllowed(mayQualify);
    }
    if (m_cameraDock != nullptr && m_hasSession) {
        // Operators watch; the camera list is for those who arrange the walls (UI guide §1).
        // It stays one Ctrl+L away.
        m_cameraDock->setVisible(m_principal.level != core::Level::Operator);
    }
}

core::Status OperatorWindow::requestScreen(Screen screen) {
    core::Status allowed = m_hasSession
                               ? checkScreen(m_acl, m_principal, screen)
                               : core::Status(core::makeError("permission denied: no session"));
    if (!allowed) {
        const QString message =
            tr("Accès refusé : vos droits ne permettent pas d'ouvrir cet écran.");
        showStatusMessage(message);
        Q_EMIT accessRefused(screen, QString::fromStdString(allowed.error().message));
        return allowed;
    }
    Q_EMIT screenRequested(screen);
    return {};
}

void OperatorWindow::setSite(const core::Site& site) {
    m_siteName = QString::fromStdString(site.name.empty() ? site.id : site.name);
    m_allCameras = site.cameras;
    m_cameras.clear();
    std::optional<std::set<std::string>> scope;  // nullopt: every camera
    if (m_hasSession) {
        auto filter = m_acl.cameraFilter(m_principal, core::Permission::ViewLive);
        scope = filter ? *filter : std::optional<std::set<std::string>>(std::set<std::string>{});
    }
    QHash<QString, QString> names;
    QList<QPair<QString, QString>> list;
    for (const auto& cam : m_allCameras) {
        const QString id = QString::fromStdString(cam.id);
        const QString name = QString::fromStdString(cam.name.empty() ? cam.id : cam.name);
        names.insert(id, name);
        if (scope && scope->count(cam.id) == 0) {
            continue;
        }
        m_cameras.push_back(cam);
        list.append({id, name});
    }
    m_alertModel->setCameraNames(names);
    m_cameraModel->setCameras(m_siteName, m_cameras);
    if (m_alertPanel != nullptr) {
        m_alertPanel->setCameras(list);
    }
    applyLayout(defaultLayout());
    // A single camera gets the whole wall (fewer, larger pictures); Échap shows the grid.
    if (m_cameras.size() == 1 && !m_walls.isEmpty() && m_role != Role::WallB) {
        if (m_walls[0]->enlargedIndex() != 0) {
            m_walls[0]->toggleEnlarged(0);
        }
    } else {
        for (auto* w : m_walls) {
            w->restore();
        }
    }
    retranslate();
}

void OperatorWindow::setUserName(const QString& name) {
    m_userLabel->setText(name);
}

void OperatorWindow::linkWalls(const QList<VideoWall*>& all) {
    m_linked.clear();
    for (auto* w : all) {
        m_linked.append(w);
    }
}

std::optional<core::Camera> OperatorWindow::cameraById(const QString& id) const {
    for (const auto& c : m_cameras) {
        if (QString::fromStdString(c.id) == id) {
            return c;
        }
    }
    return std::nullopt;
}

VideoTile* OperatorWindow::tileByNumber(int number) const {
    for (const auto& linked : m_linked) {
        if (VideoWall* w = linked.data()) {
            if (auto* t = w->tileByNumber(number)) {
                return t;
            }
        }
    }
    return nullptr;
}

VideoTile* OperatorWindow::tileForCamera(const QString& cameraId) const {
    for (auto* w : m_walls) {
        if (auto* t = w->tileForCamera(cameraId)) {
            return t;
        }
    }
    return nullptr;
}

WallLayout OperatorWindow::currentLayout() const {
    WallLayout layout;
    for (const auto& linked : m_linked) {
        VideoWall* w = linked.data();
        if (w == nullptr) {
            continue;
        }
        for (VideoTile* t : w->tiles()) {
            layout.insert(t->number(), t->cameraId());
        }
    }
    return layout;
}

WallLayout OperatorWindow::defaultLayout() const {
    WallLayout layout;
    int number = 1;
    for (const auto& c : m_cameras) {
        if (number > 18) {
            break;
        }
        layout.insert(number++, QString::fromStdString(c.id));
    }
    return layout;
}

void OperatorWindow::applyLayout(const WallLayout& layout) {
    QSet<QString> placed;
    for (const auto& linked : m_linked) {
        VideoWall* w = linked.data();
        if (w == nullptr) {
            continue;
        }
        for (VideoTile* t : w->tiles()) {
            const QString id = layout.value(t->number());
            auto cam = cameraById(id);
            // One tile per camera; a camera out of scope or gone from the site is left out.
            if (cam && !placed.contains(id)) {
                placed.insert(id);
                t->setCamera(cam);
            } else {
                t->setCamera(std::nullopt);
            }
        }
    }
    refreshCameraTiles();
    refreshTileAlerts();
}

void OperatorWindow::refreshCameraTiles() {
    QHash<QString, int> tiles;
    const WallLayout layout = currentLayout();
    for (auto it = layout.cbegin(); it != layout.cend(); ++it) {
        if (!it.value().isEmpty()) {
            tiles.insert(it.value(), it.key());
        }
    }
    m_cameraModel->setTiles(tiles);
}

void OperatorWindow::assignCamera(int tileNumber, const QString& cameraId) {
    VideoTile* target = tileByNumber(tileNumber);
    if (target == nullptr) {
        return;
    }
    WallLayout layout = currentLayout();
    if (!cameraId.isEmpty()) {
        if (!cameraById(cameraId)) {
            return;  // not a camera this session may see
        }
        for (auto it = layout.begin(); it != layout.end(); ++it) {
            if (it.value() == cameraId) {
                it.value().clear();
            }
        }
    }
    layout.insert(tileNumber, cameraId);
    applyLayout(layout);
    Q_EMIT layoutChanged(layout);
}

void OperatorWindow::swapTiles(int first, int second) {
    if (first == second || tileByNumber(first) == nullptr || tileByNumber(second) == nullptr) {
        return;
    }
    WallLayout layout = currentLayout();
    const QString a = layout.value(first);
    layout.insert(first, layout.value(second));
    layout.insert(second, a);
    applyLayout(layout);
    Q_EMIT layoutChanged(layout);
}

QMenu* OperatorWindow::createTileMenu(int tileNumber) {
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tileMenu"));
    VideoTile* tile = tileByNumber(tileNumber);
    QMenu* cams = menu->addMenu(tr("Afficher la caméra"));
    cams->setObjectName(QStringLiteral("tileCameraMenu"));
    for (const auto& c : m_cameras) {
        const QString id = QString::fromStdString(c.id);
        auto* a = cams->addAction(QString::fromStdString(c.name.empty() ? c.id : c.name), this,
                                  [this, tileNumber, id] { assignCamera(tileNumber, id); });
        a->setData(id);
        a->setCheckable(true);
        a->setChecked(tile != nullptr && tile->cameraId() == id);
    }
    cams->setEnabled(!m_cameras.empty());
    auto* clear = menu->addAction(tr("Vider la tuile"), this,
                                  [this, tileNumber] { assignCamera(tileNumber, QString()); });
    clear->setObjectName(QStringLiteral("clearTileAction"));
    clear->setEnabled(tile != nullptr && tile->camera().has_value());
    menu->addSeparator();
    for (auto* w : m_walls) {
        if (w->tileByNumber(tileNumber) != nullptr) {
            const int index = tileNumber - w->firstNumber();
            menu->addAction(
                w->enlargedIndex() == index ? tr("Restaurer le mur") : tr("Agrandir la tuile"), w,
                [w, index] { w->toggleEnlarged(index); });
        }
    }
    menu->addAction(m_overlayAction);
    return menu;
}

void OperatorWindow::setCurrentView(int view) {
    m_view = view;
    for (int i = 0; i < m_viewActions.size(); ++i) {
        m_viewActions[i]->setChecked(i + 1 == view);
    }
    retranslate();
}

void OperatorWindow::showFrame(const QString& cameraId, const QImage& image,
                               const core::FrameAnalysis& analysis) {
    auto* t = tileForCamera(cameraId);
    if (t == nullptr) {
        return;
    }
    t->setFrame(image, analysis);
    if (!t->camera()) {
        return;
    }
    // Live counting on the tile: the people whose ground point is in each zone of interest.
    QHash<QString, QString> values;
    for (const auto& zone : t->camera()->zones) {
        if (zone.kind != core::ZoneKind::Area) {
            continue;
        }
        int people = 0;
        for (const auto& o : analysis.objects) {
            people += o.label == "person" && core::contains(zone.polygon, o.box.bottomCentre());
        }
        values.insert(QString::fromStdString(zone.id), tr("%n pers.", nullptr, people));
    }
    t->setZoneValues(values);
}

void OperatorWindow::showAlert(const core::Alert& alert) {
    const bool inserted = m_alertModel->upsertAlert(alert);
    if (inserted && alert.open && m_alertPanel != nullptr) {
        m_alertPanel->announce(alert);
    }
}

void OperatorWindow::addHistoryAlert(const core::Alert& alert) {
    m_alertModel->upsertAlert(alert);
}

void OperatorWindow::applyQualification(const QString& uid, core::Qualification qualification,
                                        const QString& comment, const QString& by) {
    m_alertModel->setQualification(uid, qualification, comment, by,
                                   QDateTime::currentMSecsSinceEpoch());
}

void OperatorWindow::markTaken(const QString& uid, const QString& login) {
    m_alertModel->setTakenBy(uid, login);
}

void OperatorWindow::markPostponed(const QString& uid) {
    m_alertModel->postpone(uid);
}

void OperatorWindow::selectAlert(const QString& uid) {
    if (m_alertPanel != nullptr && !uid.isEmpty()) {
        m_alertPanel->selectUid(uid);
        m_alertPanel->view()->setFocus();
    }
}

// A tile flashes while its camera has a new alert nobody took; once taken it stays framed
// without flashing until the alert is qualified. The most severe alert wins.
void OperatorWindow::refreshTileAlerts() {
    for (auto* w : m_walls) {
        for (int i = 0; i < w->tileCount(); ++i) {
            auto* t = w->tile(i);
            core::Severity worst = core::Severity::Invalid;
            QString label;
            bool flashing = false;
            for (int row = 0; row < m_alertModel->rowCount(); ++row) {
                const core::Alert* a = m_alertModel->alertAt(row);
                if (!m_alertModel->isProminent(*a) ||
                    QString::fromStdString(a->cameraId) != t->cameraId() ||
                    t->cameraId().isEmpty()) {
                    continue;
                }
                flashing =
                    flashing || m_alertModel->takenBy(QString::fromStdString(a->uid)).isEmpty();
                if (static_cast<int>(a->severity) > static_cast<int>(worst)) {
                    worst = a->severity;
                    label = eventLabel(a->event);
                }
            }
            if (worst != core::Severity::Invalid || t->isAlerting()) {
                t->setAlert(
                    worst, label,
                    flashing ? VideoTile::AlertStyle::Flashing : VideoTile::AlertStyle::Steady);
            }
        }
    }
}

void OperatorWindow::refreshBanner() {
    const int n = m_alertModel->unreviewedCount();
    const core::Alert* latest = nullptr;
    for (int row = 0; row < m_alertModel->rowCount(); ++row) {
        const core::Alert* a = m_alertModel->alertAt(row);
        if (m_alertModel->isProminent(*a)) {
            latest = a;  // newest first
            break;
        }
    }
    if (n == 0 || latest == nullptr) {
        m_banner->hide();
        m_bannerUid.clear();
        return;
    }
    m_bannerUid = QString::fromStdString(latest->uid);
    m_bannerText->setText(
        tr("(!) %n alerte(s) nouvelle(s)", nullptr, n) + QStringLiteral("   |   ") +
        tr("%1 — %2 — %3")
            .arg(eventLabel(latest->event),
                 m_alertModel->cameraName(QString::fromStdString(latest->cameraId)),
                 QDateTime::fromMSecsSinceEpoch(latest->wallStartMs)
                     .toString(QStringLiteral("HH:mm:ss"))));
    const QColor c = severityColour(latest->severity);
    m_banner->setStyleSheet(
        QStringLiteral("QFrame#alertBanner { background-color: %1; } QLabel { color: white; "
                       "background: transparent; }")
            .arg(c.darker(130).name()));
    m_banner->show();
}

void OperatorWindow::showHealth(const core::EngineHealth& health) {
    int down = 0;
    int degraded = 0;
    for (const auto& cam : health.cameras) {
        const QString id = QString::fromStdString(cam.cameraId);
        if (auto* t = tileForCamera(id)) {
            if (cam.state != core::CameraState::Live || !t->hasPicture()) {
                t->setCameraState(cam.state, QString::fromStdString(cam.lastError));
            }
        }
        m_cameraModel->setCameraState(id, cam.state);
        const auto level = core::healthLevel(cam.state);
        down += level == core::HealthLevel::Down ? 1 : 0;
        degraded += level == core::HealthLevel::Degraded ? 1 : 0;
    }
    QString text;
    if (!health.processingEnabled) {
        text = tr("Traitement arrêté");
    } else if (down > 0) {
        text = tr("Santé : %n caméra(s) hors ligne", nullptr, down);
    } else if (degraded > 0) {
        text = tr("Santé : %n caméra(s) dégradée(s)", nullptr, degraded);
    } else {
        text = tr("Santé : tout est nominal");
    }
    m_healthText = text + QStringLiteral(" · ") + QString::fromStdString(health.detector);
    const QColor c = !health.processingEnabled || down > 0
                         ? healthColour(core::HealthLevel::Down)
                         : (degraded > 0 ? healthColour(core::HealthLevel::Degraded)
                                         : healthColour(core::HealthLevel::Ok));
    m_healthLabel->setText(m_healthText);
    m_healthLabel->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }").arg(c.lighter(140).name()));
}

void OperatorWindow::showStatusMessage(const QString& message) {
    statusBar()->showMessage(message, 10000);
}

void OperatorWindow::showShortcuts() {
    const QString text =
        tr("F11 / Échap : plein écran / sortir\n"
           "Entrée ou double-clic : agrandir / restaurer la tuile\n"
           "1 à 9 (pavé numérique en 3×3) : sélectionner la tuile\n"
           "Flèches : déplacer la sélection des tuiles\n"
           "Alt+1 à Alt+9 : ouvrir la vue n\n"
           "PgPréc / PgSuiv, Ctrl+Tab : mur précédent / suivant\n"
           "Espace : prendre en charge l'alerte et revoir sa séquence\n"
           "Ctrl+R : reporter l'alerte de 30 s\n"
           "Ctrl+Entrée : confirmer l'alerte\n"
           "Ctrl+Suppr : fausse alerte (motif demandé)\n"
           "Ctrl+↑ / Ctrl+↓ : alerte précédente / suivante\n"
           "M : couper / rétablir le son\n"
           "Ctrl+H : chercher dans l'historique\n"
           "Ctrl+L : liste des caméras\n"
           "F1 : cet aide-mémoire");
    QMessageBox::information(this, tr("Raccourcis clavier"), text);
}

void OperatorWindow::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && isFullScreen()) {
        setWindowState(windowState() & ~Qt::WindowFullScreen);
        return;
    }
    QMainWindow::keyPressEvent(event);
}

void OperatorWindow::retranslate() {
    const int n = m_alertModel->unreviewedCount();
    QString title =
        m_role == Role::WallB ? tr("Vigie — Mur B et alertes") : tr("Vigie — Supervision");
    if (!m_siteName.isEmpty()) {
        title += QStringLiteral(" — ") + m_siteName;
    }
    if (n > 0) {
        title = tr("(%1) ").arg(n) + title;
    }
    setWindowTitle(title);
    if (m_tabs != nullptr) {
        m_tabs->setTabText(0, tr("Mur A (tuiles 1 à 9)"));
        m_tabs->setTabText(1, tr("Mur B (tuiles 10 à 18)"));
    }
    if (m_cameraDock != nullptr) {
        m_cameraDock->setWindowTitle(tr("Caméras"));
        m_cameraListAction->setText(tr("Liste des caméras"));
    }
    m_bannerOpen->setText(tr("Ouvrir"));
    m_viewLabel->setText(tr("Vue %1").arg(m_view));
    m_fileMenu->setTitle(tr("&Fichier"));
    m_logoutAction->setText(tr("Changer d'utilisateur"));
    m_quitAction->setText(tr("&Quitter"));
    m_viewMenu->setTitle(tr("&Affichage"));
    m_fullScreenAction->setText(tr("Plein écran"));
    m_overlayAction->setText(tr("Surimpressions (boîtes, zones, valeurs)"));
    if (m_nextWallAction != nullptr) {
        m_nextWallAction->setText(tr("Mur suivant"));
    }
    for (int i = 0; i < m_viewActions.size(); ++i) {
        m_viewActions[i]->setText(tr("Vue %1").arg(i + 1));
        m_viewActions[i]->setChecked(i + 1 == m_view);
    }
    m_alertMenu->setTitle(tr("A&lertes"));
    if (m_takeAction != nullptr) {
        m_takeAction->setText(tr("Prendre en charge\tEspace"));
        m_postponeAction->setText(tr("Reporter 30 s\tCtrl+R"));
        m_confirmAction->setText(tr("Confirmer\tCtrl+Entrée"));
        m_falseAction->setText(tr("Fausse alerte…\tCtrl+Suppr"));
        m_muteAction->setText(tr("Couper le son\tM"));
        m_historyAction->setText(tr("Chercher dans l'historique"));
    }
    m_setupMenu->setTitle(tr("&Paramétrage"));
    m_adminMenu->setTitle(tr("A&dministration"));
    for (const auto& [screen, action] : m_screenActions) {
        switch (screen) {
            case Screen::ZoneEditor:
                action->setText(tr("Zones et lignes…"));
                break;
            case Screen::RuleBuilder:
                action->setText(tr("Règles et plannings…"));
                break;
            case Screen::ReplayTuning:
                action->setText(tr("Rejeu et réglage…"));
                break;
            case Screen::Administration:
                action->setText(tr("Administration du système…"));
                break;
            case Screen::Health:
                action->setText(tr("Santé du système…"));
                break;
            case Screen::Statistics:
                action->setText(tr("Statistiques (comptage, densité)…"));
                break;
            case Screen::Invalid:
                break;
        }
    }
    m_processingMenu->setTitle(tr("&Traitement"));
    m_stopAction->setText(m_stopAction->isChecked() ? tr("Reprendre le traitement")
                                                    : tr("Arrêter tout le traitement"));
    m_helpMenu->setTitle(tr("Aid&e"));
    m_shortcutsAction->setText(tr("Raccourcis clavier"));
    refreshBanner();
}

void OperatorWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

}  // namespace vigie::widgets
