#include "widgets/operator_window.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/labels.h"
#include "widgets/video_wall.h"

namespace vigie::widgets {

OperatorWindow::OperatorWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("operatorWindow"));
    m_alertModel = new AlertListModel(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_wall = new VideoWall(3, 3, 1, m_splitter);
    m_wall->setObjectName(QStringLiteral("wallA"));
    m_alertPanel = new AlertPanel(m_alertModel, m_splitter);
    m_alertPanel->setObjectName(QStringLiteral("alertPanel"));
    m_splitter->addWidget(m_wall);
    m_splitter->addWidget(m_alertPanel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({1360, 560});
    setCentralWidget(m_splitter);

    m_healthLabel = new QLabel(this);
    m_healthLabel->setObjectName(QStringLiteral("healthSummary"));
    m_userLabel = new QLabel(this);
    m_clockLabel = new QLabel(this);
    statusBar()->addWidget(m_healthLabel, 1);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_clockLabel);
    auto* clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, [this] {
        m_clockLabel->setText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")));
    });
    clock->start(1000);

    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_viewMenu = menuBar()->addMenu(QString());
    m_fullScreenAction = m_viewMenu->addAction(
        QString(), this, [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_processingMenu = menuBar()->addMenu(QString());
    m_stopAction = m_processingMenu->addAction(QString());
    m_stopAction->setObjectName(QStringLiteral("stopProcessingAction"));
    m_stopAction->setCheckable(true);
    connect(m_stopAction, &QAction::toggled, this, [this](bool stopped) {
        Q_EMIT processingEnabledRequested(!stopped);
        retranslate();
    });

    connect(m_alertPanel, &AlertPanel::qualifyRequested, this, &OperatorWindow::qualifyRequested);
    connect(m_alertModel, &AlertListModel::unreviewedCountChanged, this,
            &OperatorWindow::retranslate);
    retranslate();
    resize(1920, 1080);
}

void OperatorWindow::setSite(const core::Site& site) {
    m_siteName = QString::fromStdString(site.name.empty() ? site.id : site.name);
    QHash<QString, QString> names;
    int index = 0;
    for (const auto& cam : site.cameras) {
        names.insert(QString::fromStdString(cam.id),
                     QString::fromStdString(cam.name.empty() ? cam.id : cam.name));
        if (index < m_wall->tileCount()) {
            m_wall->tile(index++)->setCamera(cam);
        }
    }
    for (; index < m_wall->tileCount(); ++index) {
        m_wall->tile(index)->setCamera(std::nullopt);
    }
    // A single camera gets the whole wall (fewer, larger pictures); Échap shows the grid.
    if (site.cameras.size() == 1) {
        m_wall->toggleEnlarged(0);
    } else {
        m_wall->restore();
    }
    m_alertModel->setCameraNames(names);
    retranslate();
}

void OperatorWindow::setUserName(const QString& name) {
    m_userLabel->setText(name);
}

void OperatorWindow::showFrame(const QString& cameraId, const QImage& image,
                               const core::FrameAnalysis& analysis) {
    if (auto* t = m_wall->tileForCamera(cameraId)) {
        t->setFrame(image, analysis);
    }
}

void OperatorWindow::showAlert(const core::Alert& alert) {
    m_alertModel->upsertAlert(alert);
    refreshTileAlerts();
}

void OperatorWindow::applyQualification(const QString& uid, core::Qualification qualification,
                                        const QString& comment) {
    m_alertModel->setQualification(uid, qualification, comment);
    refreshTileAlerts();
}

// A tile flashes while its camera has an unreviewed alert; the most severe one wins.
void OperatorWindow::refreshTileAlerts() {
    for (int i = 0; i < m_wall->tileCount(); ++i) {
        auto* t = m_wall->tile(i);
        core::Severity worst = core::Severity::Invalid;
        QString label;
        for (int row = 0; row < m_alertModel->rowCount(); ++row) {
            const core::Alert* a = m_alertModel->alertAt(row);
            if (a->qualification != core::Qualification::Unreviewed ||
                QString::fromStdString(a->cameraId) != t->cameraId()) {
                continue;
            }
            if (static_cast<int>(a->severity) > static_cast<int>(worst)) {
                worst = a->severity;
                label = eventLabel(a->event);
            }
        }
        if (worst != core::Severity::Invalid || t->isAlerting()) {
            t->setAlert(worst, label);
        }
    }
}

void OperatorWindow::showHealth(const core::EngineHealth& health) {
    int down = 0;
    int degraded = 0;
    for (const auto& cam : health.cameras) {
        if (auto* t = m_wall->tileForCamera(QString::fromStdString(cam.cameraId))) {
            if (cam.state != core::CameraState::Live || !t->hasPicture()) {
                t->setCameraState(cam.state, QString::fromStdString(cam.lastError));
            }
        }
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

void OperatorWindow::retranslate() {
    const int n = m_alertModel->unreviewedCount();
    QString title = tr("Vigie — Supervision");
    if (!m_siteName.isEmpty()) {
        title += QStringLiteral(" — ") + m_siteName;
    }
    if (n > 0) {
        title = tr("(%1) ").arg(n) + title;
    }
    setWindowTitle(title);
    m_fileMenu->setTitle(tr("&Fichier"));
    m_quitAction->setText(tr("&Quitter"));
    m_viewMenu->setTitle(tr("&Affichage"));
    m_fullScreenAction->setText(tr("Plein écran"));
    m_processingMenu->setTitle(tr("&Traitement"));
    m_stopAction->setText(m_stopAction->isChecked() ? tr("Reprendre le traitement")
                                                    : tr("Arrêter tout le traitement"));
}

void OperatorWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

}  // namespace vigie::widgets
