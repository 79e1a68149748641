#include "app/workstation/workstation.h"

#include <QMetaObject>

#include <chrono>
#include <filesystem>
#include <map>

#include "app/common/paths.h"
#include "app/workstation/engine_bridge.h"
#include "app/workstation/keychain_key_provider.h"
#include "core/alert_store.h"
#include "core/key_file.h"
#include "core/log.h"
#include "core/secret_file.h"
#include "core/site_config.h"
#include "core/store_writer.h"
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
    if (auto store = openStore(options); !store) {
        return store;
    }
    // Every alert goes to the store (lossless, its own thread) and to the screen.
    m_alertSinks = std::make_unique<core::AlertFanOut>();
    m_alertSinks->add(m_storeWriter.get());
    m_alertSinks->add(m_bridge.get());
    connect(m_window.get(), &widgets::OperatorWindow::qualifyRequested, this,
            [this](const QString& uid, core::Qualification q, const QString& comment) {
                const auto nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count();
                m_storeWriter->qualify(
                    uid.toStdString(), q, comment.toStdString(),
                    qEnvironmentVariable("USER", QStringLiteral("opérateur")).toStdString(), nowMs);
                m_window->applyQualification(uid, q, comment);
            });

    inference::EngineOptions eo;
    eo.modelDir = !options.modelDir.empty() ? options.modelDir
                                            : (m_site.engine.modelDir.empty()
                                                   ? defaultModelDir()
                                                   : m_site.resolvePath(m_site.engine.modelDir));
    eo.manifestPath = options.manifestPath.empty() ? defaultManifestPath() : options.manifestPath;
    eo.device = options.device;
    eo.offline = options.replayAsFastAsPossible;
    eo.alertSink = m_alertSinks.get();
    eo.statusFile =
        (std::filesystem::path(options.stateDir.empty() ? defaultStateDir() : options.stateDir) /
         "status.json")
            .string();
    // Camera passwords: resolved here, on the GUI thread, from the session keyring, then
    // from the 0600 credentials file; the engine's source threads only read the result.
    std::map<std::string, std::string> secrets;
    auto secretFile = core::SecretFile::load(
        (std::filesystem::path(options.stateDir.empty() ? defaultStateDir() : options.stateDir) /
         "credentials.json")
            .string());
    for (const auto& cam : m_site.cameras) {
        const std::string& ref = cam.source.credentialsRef;
        if (ref.empty() || secrets.count(ref) > 0) {
            continue;
        }
        if (options.useKeychain) {
            if (auto fromKeyring = readKeychainCredentials(QString::fromStdString(ref))) {
                secrets[ref] = *fromKeyring;
                continue;
            }
        }
        if (secretFile) {
            if (auto fromFile = secretFile->get(ref)) {
                secrets[ref] = *fromFile;
            }
        }
    }
    eo.credentials = [secrets](const std::string& ref) -> core::Result<std::string> {
        const auto it = secrets.find(ref);
        if (it == secrets.end()) {
            return core::makeError("not in the session keyring nor in the credentials file");
        }
        return it->second;
    };
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

core::Status Workstation::openStore(const WorkstationOptions& options) {
    const std::filesystem::path stateDir =
        options.stateDir.empty() ? defaultStateDir() : options.stateDir;
    std::error_code ec;
    std::filesystem::create_directories(stateDir, ec);
    if (ec) {
        return core::makeError("cannot create the state directory " + stateDir.string() + ": " +
                               ec.message());
    }
    m_databasePath = (stateDir / (m_site.id + ".db")).string();
    const std::string keyFile = (stateDir / "keys" / (m_site.id + ".key")).string();
    std::unique_ptr<core::KeyProvider> keys;
    if (options.useKeychain) {
        keys = std::make_unique<KeychainKeyProvider>(
            QStringLiteral("database-key/") + QString::fromStdString(m_site.id), keyFile);
    } else {
        keys = std::make_unique<core::KeyFileProvider>(keyFile);
    }
    auto key = keys->loadOrCreateKey();
    if (!key) {
        return key.error();
    }
    m_keyLocation = keys->describe();
    // Opened once here, on the GUI thread, to load the history and to report a wrong key
    // before anything runs; the writer thread opens its own connection.
    auto store = core::AlertStore::open(m_databasePath, *key);
    if (!store) {
        return core::makeError(store.error().message + " (key: " + m_keyLocation + ")");
    }
    core::AlertFilter recent;
    recent.limit = options.historyAlerts;
    if (auto history = (*store)->list(recent)) {
        int closed = 0;
        for (auto it = history->rbegin(); it != history->rend(); ++it) {
            // An alert still open here was open when the previous session stopped without
            // closing it (power cut): close it at its last known time, keep everything else.
            if (it->open) {
                it->open = false;
                if (auto ok = (*store)->upsert(*it); ok) {
                    ++closed;
                }
            }
            m_window->showAlert(*it);
        }
        if (closed > 0) {
            core::logger("app")->warn("closed {} alert(s) left open by the previous session",
                                      closed);
        }
    }
    core::logger("app")->info("alerts stored in {} (key: {})", m_databasePath, m_keyLocation);
    const std::string path = m_databasePath;
    const core::DatabaseKey dbKey = *key;
    QPointer<widgets::OperatorWindow> window = m_window.get();
    m_storeWriter = std::make_unique<core::StoreWriter>(
        [path, dbKey] { return core::AlertStore::open(path, dbKey); },
        [window](const std::string& message) {
            QMetaObject::invokeMethod(
                window,
                [window, message] {
                    if (window) {
                        window->showStatusMessage(QString::fromStdString(message));
                    }
                },
                Qt::QueuedConnection);
        });
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
    if (m_storeWriter) {
        // Everything reported as raised is on disk before the window goes.
        if (auto stopped = m_storeWriter->stop(); !stopped) {
            core::logger("app")->error("{}", stopped.error().message);
        }
        m_storeWriter.reset();
    }
}

widgets::OperatorWindow* Workstation::window() const {
    return m_window.get();
}

}  // namespace vigie::app
