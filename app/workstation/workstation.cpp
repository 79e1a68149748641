#include "app/workstation/workstation.h"

#include <QFile>
#include <QGuiApplication>
#include <QMetaObject>
#include <QSaveFile>
#include <QScreen>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "app/common/paths.h"
#include "app/workstation/alert_media_cache.h"
#include "app/workstation/count_sampler.h"
#include "app/workstation/engine_bridge.h"
#include "app/workstation/keychain_key_provider.h"
#include "app/workstation/records_writer.h"
#include "app/workstation/replay_runner.h"
#include "core/alert_store.h"
#include "core/audit_log.h"
#include "core/count_store.h"
#include "core/key_file.h"
#include "core/log.h"
#include "core/secret_file.h"
#include "core/site_config.h"
#include "core/snapshot_store.h"
#include "core/store_writer.h"
#include "inference/engine.h"
#include "widgets/access_labels.h"
#include "widgets/admin_window.h"
#include "widgets/alert_list_model.h"
#include "widgets/alert_panel.h"
#include "widgets/charts_view.h"
#include "widgets/core_metatypes.h"
#include "widgets/health_view.h"
#include "widgets/operator_window.h"
#include "widgets/replay_view.h"
#include "widgets/rule_builder.h"
#include "widgets/video_wall.h"
#include "widgets/zone_editor.h"

namespace vigie::app {

namespace {

std::string screenName(widgets::Screen screen) {
    switch (screen) {
        case widgets::Screen::ZoneEditor:
            return "zone_editor";
        case widgets::Screen::RuleBuilder:
            return "rule_builder";
        case widgets::Screen::ReplayTuning:
            return "replay_tuning";
        case widgets::Screen::Administration:
            return "administration";
        case widgets::Screen::Health:
            return "health";
        case widgets::Screen::Statistics:
            return "statistics";
        case widgets::Screen::Invalid:
            break;
    }
    return "invalid";
}

}  // namespace

Workstation::Workstation(QObject* parent) : QObject(parent) {
    widgets::registerCoreMetaTypes();
}

Workstation::~Workstation() {
    shutdown();
}

std::int64_t Workstation::nowMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void Workstation::audit(const std::string& action, const std::string& target,
                        const std::string& detailsJson) {
    if (m_audit) {
        m_audit->record({nowMs(), m_user.login.empty() ? "workstation" : m_user.login, action,
                         target, detailsJson});
    }
}

core::Status Workstation::open(const WorkstationOptions& options) {
    m_options = options;
    const std::string sitePath =
        options.sitePath.empty() ? defaultDemoSitePath() : options.sitePath;
    auto site = core::loadSite(sitePath);
    if (!site) {
        return core::makeError("invalid site configuration " + site.error().message);
    }
    m_site = std::move(*site);
    if (auto store = openStore(); !store) {
        return store;
    }
    m_opened = true;
    return {};
}

core::Status Workstation::openStore() {
    const std::filesystem::path stateDir =
        m_options.stateDir.empty() ? defaultStateDir() : m_options.stateDir;
    std::error_code ec;
    std::filesystem::create_directories(stateDir, ec);
    if (ec) {
        return core::makeError("cannot create the state directory " + stateDir.string() + ": " +
                               ec.message());
    }
    m_stateDir = stateDir.string();
    m_snapshotDir = (stateDir / "snapshots").string();
    // The application log, rotated in the state directory: read in the administration's
    // log viewer, its rotated copies purged by the retention job (usage logs).
    m_logDir = (stateDir / "logs").string();
    std::filesystem::create_directories(m_logDir, ec);
    if (!ec) {
        core::LogOptions log;
        log.filePath = (std::filesystem::path(m_logDir) / kLogFileName).string();
        core::setupLogging(log);
    } else {
        core::logger("app")->warn("no log file: cannot create {}: {}", m_logDir, ec.message());
        m_logDir.clear();
    }
    m_databasePath = (stateDir / (m_site.id + ".db")).string();
    const std::string keyFile = (stateDir / "keys" / (m_site.id + ".key")).string();
    std::unique_ptr<core::KeyProvider> keys;
    if (m_options.useKeychain) {
        keys = std::make_unique<KeychainKeyProvider>(
            QStringLiteral("database-key/") + QString::fromStdString(m_site.id), keyFile);
    } else {
        keys = std::make_unique<core::KeyFileProvider>(keyFile);
    }
    auto key = keys->loadOrCreateKey();
    if (!key) {
        return key.error();
    }
    m_key = *key;
    m_keyLocation = keys->describe();
    // Opened here, on the GUI thread, to load the history, search it, and report a wrong key
    // before anything runs; the writer thread opens its own connection.
    auto store = core::AlertStore::open(m_databasePath, m_key);
    if (!store) {
        return core::makeError(store.error().message + " (key: " + m_keyLocation + ")");
    }
    m_readStore = std::move(*store);
    // Stored snapshots of the alerts, read on this thread (a small file each); written by the
    // records writer through its own connection.
    auto snapshots = core::SnapshotStore::attach(m_readStore->database(), m_key, m_snapshotDir);
    if (!snapshots) {
        return core::makeError("snapshots: " + snapshots.error().message);
    }
    m_snapshotReader = std::move(*snapshots);
    auto audit = core::AuditLog::open(m_databasePath, m_key, m_site.id);
    if (!audit) {
        return core::makeError("audit log: " + audit.error().message);
    }
    m_audit = std::move(*audit);
    core::AccountOptions accountOptions;
    accountOptions.hashing = m_options.passwordHashing;
    auto accounts = core::AccountStore::open(m_databasePath, m_key, m_audit.get(), accountOptions);
    if (!accounts) {
        return core::makeError("accounts: " + accounts.error().message);
    }
    m_accounts = std::move(*accounts);
    if (auto retention = loadRetention(); !retention) {
        // A damaged file must not purge with other durations than the site chose.
        m_retentionError = retention.error().message;
        core::logger("app")->error("{}: the retention purge will not run until it is fixed",
                                   m_retentionError);
    }
    core::logger("app")->info("alerts stored in {} (key: {})", m_databasePath, m_keyLocation);
    return {};
}

core::Status Workstation::loadRetention() {
    const QString path =
        QString::fromStdString((std::filesystem::path(m_stateDir) / "retention.json").string());
    QFile file(path);
    if (!file.exists()) {
        m_retention = core::RetentionPolicy{};  // the defaults until an administrator sets them
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return core::makeError("cannot read the retention settings " + path.toStdString());
    }
    auto policy = core::parseRetentionPolicyText(file.readAll().toStdString());
    if (!policy) {
        return core::makeError("invalid retention settings " + path.toStdString() + ":\n" +
                               policy.error().message);
    }
    m_retention = *policy;
    return {};
}

core::Status Workstation::saveRetention(const core::RetentionPolicy& policy) {
    if (auto valid = core::validateRetentionPolicy(policy); !valid) {
        return valid;
    }
    const std::string text = core::toJson(policy).dump(2) + "\n";
    const QString path =
        QString::fromStdString((std::filesystem::path(m_stateDir) / "retention.json").string());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        return core::makeError("cannot write " + path.toStdString());
    }
    m_retention = policy;
    m_retentionError.clear();
    return {};
}

void Workstation::runRetention() {
    if (!m_records) {
        return;
    }
    if (!m_retentionError.empty()) {
        core::logger("app")->error("retention purge skipped: {}", m_retentionError);
        return;
    }
    std::vector<core::LogFileSet> logs;
    if (!m_logDir.empty()) {
        logs.push_back({core::LogKind::Usage, m_logDir, kLogFileName});
    }
    (void)m_records->runRetention(
        m_retention, nowMs(), m_audit.get(),
        [](const core::Result<core::RetentionReport>& report) {
            // Writer thread. The job recorded its own "purge" audit event.
            if (!report) {
                core::logger("app")->error("{}", report.error().message);
                return;
            }
            core::logger("app")->info(
                "retention purge: {} alert(s), {} qualification(s) blanked, {} snapshot(s) "
                "({} file(s), {} orphan(s)), {} count sample(s) removed{}",
                report->alertsRemoved, report->qualificationsBlanked,
                report->snapshotRecordsRemoved, report->snapshotFilesRemoved,
                report->orphanSnapshotFilesRemoved, report->countSamplesRemoved,
                report->auditRecorded ? "" : " (audit event NOT recorded)");
            if (report->logFilesRemoved > 0) {
                core::logger("app")->info("retention purge: {} rotated log file(s) removed",
                                          report->logFilesRemoved);
            }
        },
        std::move(logs));
}

void Workstation::flushCounts() {
    if (m_sampler && m_records) {
        (void)m_records->appendCounts(m_sampler->takeCompleted(nowMs()));
    }
}

core::Status Workstation::flushRecords(std::chrono::milliseconds timeout) {
    if (!m_records) {
        return core::makeError("the workstation is not started");
    }
    flushCounts();
    return m_records->flush(timeout);
}

void Workstation::storeSnapshot(const QString& uid) {
    if (!m_media || !m_records) {
        return;
    }
    const AlertMediaCache::EncodedSnapshot snap = m_media->encodedSnapshot(uid);
    if (snap.jpeg.isEmpty()) {
        return;
    }
    std::vector<std::uint8_t> jpeg(snap.jpeg.begin(), snap.jpeg.end());
    (void)m_records->storeSnapshot(uid.toStdString(), snap.wallStartMs, std::move(jpeg));
}

std::string Workstation::cameraOf(const QString& uid) const {
    if (const core::Alert* alert = m_alertModel ? m_alertModel->alertByUid(uid) : nullptr) {
        return alert->cameraId;
    }
    if (m_media) {
        if (std::string cameraId = m_media->encodedSnapshot(uid).cameraId.toStdString();
            !cameraId.empty()) {
            return cameraId;
        }
    }
    // Not listed (another user's scope) nor captured this session: the stored alert says
    // which camera it was, so that a refusal is checked and audited like any other.
    if (m_readStore) {
        if (auto stored = m_readStore->find(uid.toStdString()); stored && stored->has_value()) {
            return (**stored).cameraId;
        }
    }
    return {};
}

bool Workstation::mayView(core::Permission permission, const std::string& cameraId,
                          const QString& uid) {
    if (cameraId.empty() || !m_accounts) {
        return false;
    }
    auto acl = m_accounts->accessControl();
    const core::Status allowed =
        acl ? acl->check(m_user, permission, cameraId) : core::Status(acl.error());
    if (allowed) {
        return true;
    }
    // Refusals are audited once per alert and right in a session (the pane asks again on
    // every refresh).
    const QString key =
        QString::fromStdString(std::string(core::toName(permission))) + QLatin1Char(':') + uid;
    if (!m_snapshotsAudited.contains(key)) {
        m_snapshotsAudited.insert(key);
        audit("access_denied", uid.toStdString(),
              nlohmann::json{{"permission", std::string(core::toName(permission))},
                             {"camera", cameraId},
                             {"message", allowed.error().message}}
                  .dump());
    }
    return false;
}

QImage Workstation::snapshot(const QString& uid) {
    const std::string cameraId = cameraOf(uid);
    if (!mayView(core::Permission::ViewSnapshots, cameraId, uid)) {
        return {};
    }
    if (m_media) {
        if (QImage captured = m_media->snapshot(uid); !captured.isNull()) {
            return captured;
        }
    }
    if (!m_snapshotReader) {
        return {};
    }
    auto jpeg = m_snapshotReader->get(uid.toStdString());
    if (!jpeg) {
        return {};  // no stored picture (older alert, or the camera had none)
    }
    QImage image;
    image.loadFromData(jpeg->data(), int(jpeg->size()), "JPG");
    if (!image.isNull() && !m_snapshotsAudited.contains(uid)) {
        // Issue 6: every access to recorded video is traceable.
        m_snapshotsAudited.insert(uid);
        audit("snapshot_viewed", uid.toStdString(),
              nlohmann::json{{"camera", cameraId}, {"source", "snapshot_store"}}.dump());
    }
    return image;
}

QList<widgets::AlertClipFrame> Workstation::clip(const QString& uid) {
    if (!m_media || !mayView(core::Permission::ReplayVideo, cameraOf(uid), uid)) {
        return {};
    }
    return m_media->clip(uid);
}

void Workstation::loadHistoryThumbnails(const std::vector<core::Alert>& alerts) {
    if (!m_records || alerts.empty()) {
        return;
    }
    auto acl = m_accounts->accessControl();
    if (!acl) {
        return;
    }
    auto scope = acl->cameraFilter(m_user, core::Permission::ViewSnapshots);
    if (!scope) {
        return;  // no right to see snapshots at all
    }
    std::vector<std::string> uids;
    for (const core::Alert& a : alerts) {
        if (!scope->has_value() || (*scope)->count(a.cameraId) > 0) {
            uids.push_back(a.uid);
        }
    }
    // Decrypted and decoded on the writer thread; only the small result reaches the GUI.
    (void)m_records->readSnapshots(
        std::move(uids),
        [this](const std::string& uid, const core::Result<std::vector<std::uint8_t>>& jpeg) {
            if (!jpeg) {
                return;
            }
            QImage image;
            image.loadFromData(jpeg->data(), int(jpeg->size()), "JPG");
            if (image.isNull()) {
                return;
            }
            image = image.scaled(widgets::AlertListModel::kThumbnailSize, Qt::KeepAspectRatio,
                                 Qt::SmoothTransformation);
            QMetaObject::invokeMethod(
                this,
                [this, uid = QString::fromStdString(uid), image] {
                    if (m_alertModel && !m_alertModel->hasThumbnail(uid)) {
                        m_alertModel->setThumbnail(uid, image);
                    }
                },
                Qt::QueuedConnection);
        });
}

core::Result<core::CountStore*> Workstation::countReader() {
    if (!m_counts) {
        auto counts = core::CountStore::open(m_databasePath, m_key);
        if (!counts) {
            return counts.error();
        }
        m_counts = std::move(*counts);
    }
    return m_counts.get();
}

bool Workstation::hasAccounts() {
    if (!m_accounts) {
        return false;
    }
    auto has = m_accounts->hasAccounts();
    return has && *has;
}

core::Result<core::Principal> Workstation::authenticate(const std::string& login,
                                                        const std::string& password) {
    if (!m_accounts) {
        return core::makeError("the workstation is not open");
    }
    return m_accounts->authenticate(login, password, nowMs());
}

core::Status Workstation::createFirstAdministrator(const std::string& login,
                                                   const std::string& password) {
    if (!m_accounts) {
        return core::makeError("the workstation is not open");
    }
    return m_accounts->initialiseAdministrator(login, password, "installation");
}

core::Status Workstation::start(const core::Principal& user) {
    if (!m_opened) {
        return core::makeError("the workstation is not open");
    }
    if (!user.valid()) {
        return core::makeError("no user is logged in");
    }
    m_user = user;
    m_alertModel = std::make_unique<widgets::AlertListModel>();
    m_media = std::make_unique<AlertMediaCache>();
    CountSampler::Options countOptions;
    countOptions.intervalMs = std::max(1000, m_options.countIntervalMs);
    m_sampler = std::make_unique<CountSampler>(m_site, countOptions);
    RecordsWriter::Options recordOptions;
    recordOptions.databasePath = m_databasePath;
    recordOptions.key = m_key;
    recordOptions.snapshotDirectory = m_snapshotDir;
    m_records = std::make_unique<RecordsWriter>(std::move(recordOptions));
    if (m_options.settingsPath.empty()) {
        m_settings = std::make_unique<QSettings>();
    } else {
        m_settings = std::make_unique<QSettings>(QString::fromStdString(m_options.settingsPath),
                                                 QSettings::IniFormat);
    }
    m_layouts = std::make_unique<widgets::WallLayoutStore>(m_settings.get());
    buildWindows();
    applySession();

    loadHistory(true);

    // Counts go to the store in batches, and the purge runs now, then once a day; both on
    // the records writer's thread.
    connect(&m_countTimer, &QTimer::timeout, this, &Workstation::flushCounts, Qt::UniqueConnection);
    m_countTimer.start(std::max(1000, m_options.countIntervalMs));
    connect(&m_retentionTimer, &QTimer::timeout, this, &Workstation::runRetention,
            Qt::UniqueConnection);
    m_retentionTimer.start(m_options.retentionInterval);
    runRetention();
    return startEngine();
}

void Workstation::loadHistory(bool closeLeftOpen) {
    core::AlertFilter recent;
    recent.limit = m_options.historyAlerts;
    auto history = searchAlerts(recent);
    if (!history) {
        return;
    }
    int closed = 0;
    for (auto it = history->rbegin(); it != history->rend(); ++it) {
        if (closeLeftOpen && it->open) {
            it->open = false;
            if (auto ok = m_readStore->upsert(*it); ok) {
                ++closed;
            }
        }
        alertWindow()->addHistoryAlert(*it);
    }
    if (closed > 0) {
        core::logger("app")->warn("closed {} alert(s) left open by the previous session", closed);
    }
    loadHistoryThumbnails(*history);
}

void Workstation::applyAlertScope() {
    m_mayViewAlerts = false;
    m_alertScope = std::set<std::string>{};
    if (auto acl = m_accounts->accessControl()) {
        if (auto scope = acl->cameraFilter(m_user, core::Permission::ViewAlerts)) {
            m_mayViewAlerts = true;
            m_alertScope = *scope;
        }
    }
    if (m_alertModel) {
        // Alerts listed for a previous session's cameras go with it.
        m_alertModel->removeAlerts(
            [this](const core::Alert& a) { return !alertInScope(a.cameraId); });
    }
}

bool Workstation::alertInScope(const std::string& cameraId) const {
    return m_mayViewAlerts && (!m_alertScope.has_value() || m_alertScope->count(cameraId) > 0);
}

core::AlertSink* Workstation::alertSink() const {
    return m_alertSinks.get();
}

void Workstation::showLiveAlert(const core::Alert& alert) {
    // The media cache sees every alert first (its snapshot is stored whoever watches), so
    // that its clip starts with the ring's pictures; the list, its sound, banner and tiles only
    // get the alerts of the cameras the user may see.
    m_media->onAlert(alert);
    if (!alertInScope(alert.cameraId)) {
        return;
    }
    alertWindow()->showAlert(alert);
    const QString uid = QString::fromStdString(alert.uid);
    if (!m_alertModel->hasThumbnail(uid)) {
        m_alertModel->setThumbnail(uid, snapshot(uid));
    }
}

void Workstation::buildWindows() {
    int count = m_options.screens;
    if (count <= 0) {
        count = QGuiApplication::screens().size() >= 2 ? 2 : 1;
    }
    count = std::min(count, 2);
    using Role = widgets::OperatorWindow::Role;
    if (count == 1) {
        m_windows.push_back(
            std::make_unique<widgets::OperatorWindow>(Role::Combined, m_alertModel.get()));
    } else {
        m_windows.push_back(
            std::make_unique<widgets::OperatorWindow>(Role::WallA, m_alertModel.get()));
        m_windows.push_back(
            std::make_unique<widgets::OperatorWindow>(Role::WallB, m_alertModel.get()));
    }
    QList<widgets::VideoWall*> walls;
    for (const auto& w : m_windows) {
        walls += w->walls();
    }
    for (const auto& owned : m_windows) {
        widgets::OperatorWindow* w = owned.get();
        w->linkWalls(walls);
        connect(w, &widgets::OperatorWindow::qualifyRequested, this, &Workstation::qualify);
        connect(w, &widgets::OperatorWindow::takeRequested, this, &Workstation::take);
        connect(w, &widgets::OperatorWindow::postponeRequested, this, &Workstation::postpone);
        connect(w, &widgets::OperatorWindow::processingEnabledRequested, this,
                [this, w](bool enabled) { setProcessing(enabled, w); });
        connect(w, &widgets::OperatorWindow::layoutChanged, this,
                [this, w](const widgets::WallLayout& layout) {
                    m_layouts->save(QString::fromStdString(m_user.login), w->currentView(), layout);
                    for (const auto& other : m_windows) {
                        if (other.get() != w) {
                            other->applyLayout(layout);
                        }
                    }
                });
        connect(w, &widgets::OperatorWindow::viewRequested, this, &Workstation::loadView);
        connect(w, &widgets::OperatorWindow::screenRequested, this,
                [this](widgets::Screen screen) { (void)openScreen(screen); });
        connect(w, &widgets::OperatorWindow::accessRefused, this,
                [this](widgets::Screen screen, const QString& message) {
                    audit("access_denied", screenName(screen),
                          nlohmann::json{{"message", message.toStdString()}}.dump());
                });
        connect(w, &widgets::OperatorWindow::alertOpenRequested, this, [this](const QString& uid) {
            alertWindow()->selectAlert(uid);
            alertWindow()->raise();
        });
        connect(w, &widgets::OperatorWindow::logoutRequested, this, &Workstation::logoutRequested);
        if (auto* panel = w->alertPanel()) {
            panel->setMediaProvider(this);
            panel->setHistorySource(this);
        }
    }
    connect(m_media.get(), &AlertMediaCache::snapshotReady, this, [this](const QString& uid) {
        storeSnapshot(uid);
        if (m_alertModel->alertByUid(uid) == nullptr) {
            return;  // not listed: out of the user's scope
        }
        // Thumbnails too only for the cameras whose snapshots the user may see.
        m_alertModel->setThumbnail(uid, snapshot(uid));
        if (auto* panel = alertWindow()->alertPanel(); panel && panel->selectedUid() == uid) {
            panel->refreshMedia();
        }
    });
    connect(m_media.get(), &AlertMediaCache::clipComplete, this, [this](const QString& uid) {
        if (auto* panel = alertWindow()->alertPanel(); panel && panel->selectedUid() == uid) {
            panel->refreshMedia();
        }
    });
}

void Workstation::applySession() {
    auto acl = m_accounts->accessControl();
    const core::AccessControl catalog = acl ? *acl : core::AccessControl{};
    applyAlertScope();
    for (const auto& w : m_windows) {
        w->setSession(m_user, catalog);
        w->setSite(m_site);
    }
    loadView(m_layouts->currentView(QString::fromStdString(m_user.login)));
}

void Workstation::loadView(int view) {
    const QString login = QString::fromStdString(m_user.login);
    const auto saved = m_layouts->load(login, view);
    const widgets::WallLayout layout =
        saved ? *saved : (view == 1 ? window()->defaultLayout() : widgets::WallLayout{});
    for (const auto& w : m_windows) {
        w->applyLayout(layout);
        w->setCurrentView(view);
    }
    m_layouts->setCurrentView(login, view);
}

core::Status Workstation::startEngine() {
    m_bridge = std::make_unique<EngineBridge>();
    for (const auto& w : m_windows) {
        connect(m_bridge.get(), &EngineBridge::frameReady, w.get(),
                &widgets::OperatorWindow::showFrame);
    }
    connect(m_bridge.get(), &EngineBridge::frameReady, m_media.get(), &AlertMediaCache::onFrame);
    connect(m_bridge.get(), &EngineBridge::alertChanged, this, &Workstation::showLiveAlert);

    const std::string path = m_databasePath;
    const core::DatabaseKey dbKey = m_key;
    QPointer<widgets::OperatorWindow> window = alertWindow();
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
    // Every alert goes to the store (lossless, its own thread) and to the screen.
    m_alertSinks = std::make_unique<core::AlertFanOut>();
    m_alertSinks->add(m_storeWriter.get());
    m_alertSinks->add(m_bridge.get());
    if (!m_options.runEngine) {
        return {};
    }

    return createEngine();
}

core::Status Workstation::createEngine() {
    inference::EngineOptions eo;
    eo.modelDir = !m_options.modelDir.empty() ? m_options.modelDir
                                              : (m_site.engine.modelDir.empty()
                                                     ? defaultModelDir()
                                                     : m_site.resolvePath(m_site.engine.modelDir));
    eo.manifestPath =
        m_options.manifestPath.empty() ? defaultManifestPath() : m_options.manifestPath;
    eo.device = m_options.device;
    eo.offline = m_options.replayAsFastAsPossible;
    eo.alertSink = m_alertSinks.get();
    const std::filesystem::path stateDir =
        m_options.stateDir.empty() ? defaultStateDir() : m_options.stateDir;
    eo.statusFile = (stateDir / "status.json").string();
    // Camera passwords: resolved here, on the GUI thread, from the session keyring, then
    // from the 0600 credentials file; the engine's source threads only read the result.
    std::map<std::string, std::string> secrets;
    auto secretFile = core::SecretFile::load((stateDir / "credentials.json").string());
    for (const auto& cam : m_site.cameras) {
        const std::string& ref = cam.source.credentialsRef;
        if (ref.empty() || secrets.count(ref) > 0) {
            continue;
        }
        if (m_options.useKeychain) {
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
    // Pictures and their overlay to the screens, and to the counting of the statistics.
    if (!m_frameSinks) {
        m_frameSinks = std::make_unique<FrameFanOut>();
        m_frameSinks->add(m_bridge.get());
        m_frameSinks->add(m_sampler.get());
    }
    eo.frameSink = m_frameSinks.get();
    auto engine = inference::Engine::create(m_site, std::move(eo));
    if (!engine) {
        return engine.error();
    }
    m_engine = std::move(*engine);
    m_engine->start();
    connect(&m_healthTimer, &QTimer::timeout, this, &Workstation::pollHealth, Qt::UniqueConnection);
    m_healthTimer.start(1000);
    pollHealth();
    return {};
}

core::Status Workstation::switchUser(const core::Principal& user) {
    if (!user.valid()) {
        return core::makeError("no user is logged in");
    }
    if (m_accounts && !m_user.sessionToken.empty()) {
        (void)m_accounts->logout(m_user.sessionToken, nowMs());
    }
    // The screens opened by the previous user go with their session.
    closeScreens();
    m_user = user;
    m_snapshotsAudited.clear();
    applySession();
    // The new user's latest alerts (the open ones are really open: the engine runs).
    loadHistory(false);
    return {};
}

void Workstation::showWindows() {
    const auto screens = QGuiApplication::screens();
    for (std::size_t i = 0; i < m_windows.size(); ++i) {
        auto* w = m_windows[i].get();
        if (m_windows.size() > 1 && int(i) < screens.size()) {
            // One window per screen; if a screen goes away, Qt moves its window to another.
            w->setScreen(screens[int(i)]);
            w->setGeometry(screens[int(i)]->availableGeometry());
            w->showMaximized();
        } else {
            w->show();
        }
    }
}

void Workstation::qualify(const QString& uid, core::Qualification qualification,
                          const QString& comment) {
    const widgets::AlertListModel* model = m_alertModel.get();
    const core::Alert* alert = model ? model->alertByUid(uid) : nullptr;
    if (alert == nullptr || !m_storeWriter) {
        return;
    }
    const std::string cameraId = alert->cameraId;
    const std::int64_t now = nowMs();
    // Core decides with the rights as stored now (a session that expired or an account that
    // was disabled since the login qualifies nothing).
    core::Principal actor = m_user;
    if (!m_user.sessionToken.empty()) {
        auto resumed = m_accounts->resume(m_user.sessionToken, now);
        if (!resumed) {
            alertWindow()->showStatusMessage(widgets::userMessage(resumed.error()));
            Q_EMIT logoutRequested();
            return;
        }
        actor = *resumed;
    }
    auto acl = m_accounts->accessControl();
    const core::Status allowed = acl ? acl->check(actor, core::Permission::QualifyAlerts, cameraId)
                                     : core::Status(acl.error());
    if (!allowed) {
        audit("access_denied", uid.toStdString(),
              nlohmann::json{{"permission", "qualify_alerts"},
                             {"camera", cameraId},
                             {"message", allowed.error().message}}
                  .dump());
        alertWindow()->showStatusMessage(widgets::userMessage(allowed.error()));
        return;
    }
    m_storeWriter->qualify(uid.toStdString(), qualification, comment.toStdString(), actor.login,
                           now);
    audit("alert_qualified", uid.toStdString(),
          nlohmann::json{{"qualification", std::string(core::toName(qualification))},
                         {"comment", comment.toStdString()},
                         {"camera", cameraId},
                         {"event", std::string(core::toName(alert->event))}}
              .dump());
    alertWindow()->applyQualification(uid, qualification, comment,
                                      QString::fromStdString(actor.login));
}

void Workstation::take(const QString& uid) {
    const core::Alert* alert = m_alertModel ? m_alertModel->alertByUid(uid) : nullptr;
    if (alert == nullptr) {
        return;
    }
    audit("alert_taken", uid.toStdString(), nlohmann::json{{"camera", alert->cameraId}}.dump());
    alertWindow()->markTaken(uid, QString::fromStdString(m_user.login));
}

void Workstation::postpone(const QString& uid) {
    const core::Alert* alert = m_alertModel ? m_alertModel->alertByUid(uid) : nullptr;
    if (alert == nullptr || !m_alertModel->isProminent(*alert)) {
        return;
    }
    const auto delayMs = m_alertModel->postponeDelay().count();
    audit("alert_postponed", uid.toStdString(),
          nlohmann::json{{"camera", alert->cameraId},
                         {"event", std::string(core::toName(alert->event))},
                         {"delay_ms", std::int64_t(delayMs)}}
              .dump());
    alertWindow()->markPostponed(uid);
}

void Workstation::setProcessing(bool enabled, widgets::OperatorWindow* from) {
    auto acl = m_accounts->accessControl();
    const core::Status allowed =
        acl ? acl->check(m_user, core::Permission::StopProcessing) : core::Status(acl.error());
    if (!allowed) {
        audit("access_denied", "processing",
              nlohmann::json{{"message", allowed.error().message}}.dump());
        if (from != nullptr) {
            from->showStatusMessage(widgets::userMessage(allowed.error()));
        }
        return;
    }
    if (m_engine) {
        m_engine->setProcessingEnabled(enabled);
    }
    audit(enabled ? "processing_resumed" : "processing_stopped", m_site.id, "{}");
}

std::string Workstation::selectedCameraId() const {
    // The camera of the selected tile of the first wall, else the first camera shown.
    if (auto* w = window(); w != nullptr && w->wall() != nullptr) {
        if (auto* t = w->wall()->tile(w->wall()->selectedIndex()); t && !t->cameraId().isEmpty()) {
            return t->cameraId().toStdString();
        }
        if (!w->visibleCameras().empty()) {
            return w->visibleCameras().front().id;
        }
    }
    return m_site.cameras.empty() ? std::string() : m_site.cameras.front().id;
}

core::Status Workstation::saveSite(const core::Site& site) {
    if (m_options.sitePath.empty()) {
        return core::makeError(
            "the bundled demo site is read-only: start the workstation with --site <file>");
    }
    const std::string text = core::toJson(site);
    auto parsed =
        core::parseSite(text, std::filesystem::path(m_options.sitePath).parent_path().string());
    if (!parsed) {
        return core::makeError("invalid site configuration " + parsed.error().message);
    }
    QSaveFile file(QString::fromStdString(m_options.sitePath));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        return core::makeError("cannot write " + m_options.sitePath);
    }
    m_site = std::move(*parsed);
    audit("site_saved", m_site.id, "{}");
    if (m_sampler) {
        m_sampler->setSite(m_site);
    }
    for (const auto& w : m_windows) {
        w->setSite(m_site);
    }
    loadView(window()->currentView());
    // Zones and rules are read by the engine when it is created: run the new settings.
    if (m_engine) {
        m_engine->stop();
        m_engine.reset();
        return createEngine();
    }
    return {};
}

QWidget* Workstation::openScreen(widgets::Screen screen) {
    // The window checked the right already; ask core again, the screens may outlive a menu.
    auto acl = m_accounts->accessControl();
    if (!acl || !widgets::checkScreen(*acl, m_user, screen)) {
        audit("access_denied", screenName(screen), "{}");
        return nullptr;
    }
    if (auto existing = m_screens.value(int(screen)); existing) {
        existing->show();
        existing->raise();
        existing->activateWindow();
        return existing;
    }
    const std::string cameraId = selectedCameraId();
    QWidget* opened = nullptr;
    switch (screen) {
        case widgets::Screen::ZoneEditor: {
            const core::Camera* camera = nullptr;
            for (const auto& c : m_site.cameras) {
                if (c.id == cameraId) {
                    camera = &c;
                }
            }
            if (camera == nullptr) {
                break;
            }
            QImage snapshot;
            if (auto* t = window()->tileForCameraId(QString::fromStdString(cameraId))) {
                snapshot = t->picture();
            }
            auto* editor = new widgets::ZoneEditor(*camera, snapshot);
            connect(editor, &widgets::ZoneEditor::cameraEdited, this,
                    [this, editor](const core::Camera& edited) {
                        core::Site site = m_site;
                        for (auto& c : site.cameras) {
                            if (c.id == edited.id) {
                                c = edited;
                            }
                        }
                        const core::Status saved = saveSite(site);
                        alertWindow()->showStatusMessage(saved
                                                             ? tr("Zones et lignes enregistrées.")
                                                             : widgets::userMessage(saved.error()));
                        (void)editor;
                    });
            opened = editor;
            break;
        }
        case widgets::Screen::RuleBuilder: {
            auto* builder = new widgets::RuleBuilder(m_site, cameraId);
            connect(builder, &widgets::RuleBuilder::siteEdited, this, [this](const core::Site& s) {
                const core::Status saved = saveSite(s);
                alertWindow()->showStatusMessage(saved ? tr("Règles enregistrées.")
                                                       : widgets::userMessage(saved.error()));
            });
            connect(builder, &widgets::RuleBuilder::processingEnabledRequested, this,
                    [this](bool enabled) { setProcessing(enabled, alertWindow()); });
            opened = builder;
            break;
        }
        case widgets::Screen::ReplayTuning: {
            auto* view = new widgets::ReplayView(m_site, cameraId);
            ReplayRunner::Options ro;
            ro.modelDir = m_options.modelDir;
            ro.manifestPath = m_options.manifestPath;
            ro.device = m_options.device;
            auto* runner = new ReplayRunner(ro, view);
            runner->attach(view);
            opened = view;
            break;
        }
        case widgets::Screen::Administration: {
            widgets::AdminContext ctx;
            ctx.principal = m_user;
            ctx.accessControl = *acl;
            ctx.accounts = m_accounts.get();
            ctx.audit = m_audit.get();
            ctx.alerts = m_readStore.get();
            if (auto counts = countReader()) {
                ctx.counts = *counts;
            }
            ctx.configDatabase = &m_accounts->database();
            ctx.site = m_site;
            ctx.saveSite = [this](const core::Site& s) {
                return saveSite(s);
            };
            ctx.retention = m_retention;
            ctx.logDirectory = QString::fromStdString(m_logDir);
            ctx.logFileName = QString::fromLatin1(kLogFileName);
            ctx.saveRetention = [this](const core::RetentionPolicy& policy) {
                return saveRetention(policy);
            };
            opened = new widgets::AdminWindow(std::move(ctx));
            break;
        }
        case widgets::Screen::Health: {
            auto* health = new widgets::HealthView();
            QHash<QString, QString> names;
            for (const auto& c : m_site.cameras) {
                names.insert(QString::fromStdString(c.id),
                             QString::fromStdString(c.name.empty() ? c.id : c.name));
            }
            health->setCameraNames(names);
            auto* timer = new QTimer(health);
            connect(timer, &QTimer::timeout, health, [this, health] {
                if (m_engine) {
                    health->setSnapshot(m_engine->health());
                }
            });
            timer->start(1000);
            if (m_engine) {
                health->setSnapshot(m_engine->health());
            }
            opened = health;
            break;
        }
        case widgets::Screen::Statistics: {
            auto counts = countReader();
            if (!counts) {
                alertWindow()->showStatusMessage(widgets::userMessage(counts.error()));
                break;
            }
            auto* charts = new widgets::ChartsView(**counts);
            charts->setSite(m_site);
            if (auto scope = acl->cameraFilter(m_user, core::Permission::ViewCounts)) {
                charts->setCameraFilter(*scope);
            }
            opened = charts;
            break;
        }
        case widgets::Screen::Invalid:
            break;
    }
    if (opened == nullptr) {
        Q_EMIT screenUnavailable(screen);
        return nullptr;
    }
    audit("screen_opened", screenName(screen), "{}");
    opened->setAttribute(Qt::WA_DeleteOnClose);
    opened->resize(1600, 950);
    opened->show();
    m_screens.insert(int(screen), opened);
    return opened;
}

core::Result<std::vector<core::Alert>> Workstation::searchAlerts(const core::AlertFilter& filter) {
    if (!m_readStore) {
        return core::makeError("the alert store is not open");
    }
    auto acl = m_accounts->accessControl();
    if (!acl) {
        return acl.error();
    }
    auto scope = acl->cameraFilter(m_user, core::Permission::ViewAlerts);
    if (!scope) {
        return scope.error();
    }
    auto found = m_readStore->list(filter);
    if (!found || !scope->has_value()) {
        return found;
    }
    std::vector<core::Alert> visible;
    for (auto& a : *found) {
        if ((*scope)->count(a.cameraId) > 0) {
            visible.push_back(std::move(a));
        }
    }
    return visible;
}

void Workstation::pollHealth() {
    if (!m_engine) {
        return;
    }
    const core::EngineHealth health = m_engine->health();
    for (const auto& w : m_windows) {
        w->showHealth(health);
    }
}

void Workstation::closeScreens() {
    for (const auto& screen : std::as_const(m_screens)) {
        delete screen.data();
    }
    m_screens.clear();
}

void Workstation::shutdown() {
    // The set-up and administration screens use the stores and the engine: they go first.
    closeScreens();
    m_healthTimer.stop();
    m_countTimer.stop();
    m_retentionTimer.stop();
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
    if (m_records) {
        // The counts of the last intervals, then whatever is queued (snapshots, a purge).
        if (m_sampler) {
            (void)m_records->appendCounts(m_sampler->takeAll());
        }
        m_records->stop();
        m_records.reset();
    }
    if (m_accounts && !m_user.sessionToken.empty()) {
        (void)m_accounts->logout(m_user.sessionToken, nowMs());
        m_user.sessionToken.clear();
    }
}

widgets::OperatorWindow* Workstation::window() const {
    return m_windows.empty() ? nullptr : m_windows.front().get();
}

widgets::OperatorWindow* Workstation::alertWindow() const {
    for (const auto& w : m_windows) {
        if (w->alertPanel() != nullptr) {
            return w.get();
        }
    }
    return window();
}

QList<widgets::OperatorWindow*> Workstation::windows() const {
    QList<widgets::OperatorWindow*> out;
    for (const auto& w : m_windows) {
        out.append(w.get());
    }
    return out;
}

}  // namespace vigie::app
