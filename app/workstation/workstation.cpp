#include "app/workstation/workstation.h"

#include "app/common/paths.h"
#include "app/workstation/engine_bridge.h"
#include "core/log.h"
#include "core/site_config.h"
#include "inference/engine.h"
#include "widgets/alert_panel.h"
#include "widgets/core_metatypes.h"
#include "widgets/operator_window.h"

namespace vigie::app {

Workstation::Workstation(QObject* parent) : QObject(parent) {
    widgets::registerCoreMetaTypes();
}

Workstation::~Workstation() {
    shutdown();
}

core::Status Workstation::start(const WorkstationOptions& options) {
    const std::string sitePath =
        options.sitePath.empty() ? defaultDemoSitePath() : options.sitePath;
    auto site = core::loadSite(sitePath);
    if (!site) {
        return core::makeError("invalid site configuration " + site.error().message);
    }
    m_site = std::move(*site);

    m_window = std::make_unique<widgets::OperatorWindow>();
    m_window->setSite(m_site);
    m_bridge = std::make_unique<EngineBridge>();
    connect(m_bridge.get(), &EngineBridge::frameReady, m_window.get(),
            &widgets::OperatorWindow::showFrame);
    connect(m_bridge.get(), &EngineBridge::alertChanged, m_window.get(),
            &widgets::OperatorWindow::showAlert);
    connect(m_window.get(), &widgets::OperatorWindow::qualifyRequested, m_window.get(),
            &widgets::OperatorWindow::applyQualification);

    inference::EngineOptions eo;
    eo.modelDir = !options.modelDir.empty() ? options.modelDir
                                            : (m_site.engine.modelDir.empty()
                                                   ? defaultModelDir()
                                                   : m_site.resolvePath(m_site.engine.modelDir));
    eo.manifestPath = options.manifestPath.empty() ? defaultManifestPath() : options.manifestPath;
    eo.device = options.device;
    eo.offline = options.replayAsFastAsPossible;
    eo.alertSink = m_bridge.get();
    eo.frameSink = m_bridge.get();
    auto engine = inference::Engine::create(m_site, std::move(eo));
    if (!engine) {
        return engine.error();
    }
    m_engine = std::move(*engine);
    connect(m_window.get(), &widgets::OperatorWindow::processingEnabledRequested, this,
            [this](bool enabled) {
                if (m_engine) {
                    m_engine->setProcessingEnabled(enabled);
                }
            });
    m_engine->start();
    connect(&m_healthTimer, &QTimer::timeout, this, &Workstation::pollHealth);
    m_healthTimer.start(1000);
    pollHealth();
    return {};
}

void Workstation::pollHealth() {
    if (m_engine && m_window) {
        m_window->showHealth(m_engine->health());
    }
}

void Workstation::shutdown() {
    m_healthTimer.stop();
    if (m_engine) {
        // Sources stop, queues drain, open alerts close (delivered through the bridge).
        m_engine->stop();
        m_engine.reset();
    }
}

widgets::OperatorWindow* Workstation::window() const {
    return m_window.get();
}

}  // namespace vigie::app
