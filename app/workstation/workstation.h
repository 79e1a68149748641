#pragma once
// The workstation as a library (so tests drive the real thing). In order:
//   open()  — loads the site, gets the database key, opens the stores of the engine's
//             database: alerts (read side, history search), audit log, accounts;
//   login   — the application asks LoginDialog, which calls authenticate() (and, on a
//             fresh installation, createFirstAdministrator());
//   start() — builds one operator window per screen (two screens: wall A on the first,
//             wall B and the alert pane on the second; one screen: one window with both
//             walls as tabs), restores the user's layout, starts the in-process engine (the
//             embedded default) and wires pictures and alerts to the windows, qualifications
//             back to the store and the audit log after core checked the rights;
//   shutdown() — in order (engine, store writer, records writer), see docs/architecture.md.
// Besides the alerts (StoreWriter), the workstation records, through its RecordsWriter
// thread: each alert's snapshot (the picture the media cache captured, into the encrypted
// SnapshotStore, read back for alerts the cache no longer holds), the counts of the
// statistics (CountSampler, flushed to the CountStore every countIntervalMs), and the
// retention purge (at start, then every retentionInterval, with the site's durations kept in
// <state dir>/retention.json).
// Thread: GUI thread; the engine and the writers run their own threads.

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "core/accounts.h"
#include "core/result.h"
#include "core/retention.h"
#include "core/site.h"
#include "widgets/alert_media.h"

namespace vigie::inference {
class Engine;
}
namespace vigie::widgets {
class AlertListModel;
class OperatorWindow;
class WallLayoutStore;
enum class Screen;
}  // namespace vigie::widgets
namespace vigie::core {
class AlertFanOut;
class AlertSink;
class AlertStore;
class AuditLog;
class CountStore;
class SnapshotStore;
class StoreWriter;
}  // namespace vigie::core

namespace vigie::app {

class AlertMediaCache;
class CountSampler;
class EngineBridge;
class FrameFanOut;
class RecordsWriter;

struct WorkstationOptions {
    std::string sitePath;                 // empty: the bundled demo site
    std::string modelDir;                 // empty: defaultModelDir()
    std::string manifestPath;             // empty: defaultManifestPath()
    std::string device;                   // empty: the site's engine.device
    bool replayAsFastAsPossible = false;  // files: no real-time pacing, nothing dropped
    std::string stateDir;     // empty: defaultStateDir(); holds the database and key file
    bool useKeychain = true;  // false: the key file only (headless sessions, tests)
    int historyAlerts = 200;  // alerts loaded from the store into the list at start
    // Argon2id cost of new passwords (tests: Minimum).
    core::PasswordHashing passwordHashing = core::PasswordHashing::Interactive;
    // Per-user layouts: an INI file, or the platform's settings when empty.
    std::string settingsPath;
    // Windows: 1 or 2; 0 = one per screen (two at most).
    int screens = 0;
    // false: review only (history, qualification, layouts) — no engine, no live video.
    bool runEngine = true;
    // Count samples: interval of the aggregation, and of the batches written to the store.
    int countIntervalMs = 10'000;
    // The retention purge runs at start, then this often.
    std::chrono::milliseconds retentionInterval = std::chrono::hours(24);
};

class Workstation : public QObject,
                    public widgets::AlertHistorySource,
                    public widgets::AlertMediaProvider {
    Q_OBJECT

public:
    explicit Workstation(QObject* parent = nullptr);
    ~Workstation() override;

    core::Status open(const WorkstationOptions& options);
    // After open(): whether any account exists (none: first run).
    bool hasAccounts();
    core::Result<core::Principal> authenticate(const std::string& login,
                                               const std::string& password);
    core::Status createFirstAdministrator(const std::string& login, const std::string& password);
    core::Status start(const core::Principal& user);
    // Ends the session (store logout, audit) and hands the windows to another user.
    core::Status switchUser(const core::Principal& user);
    // Places the windows: one per screen when there are two, else one, maximised.
    void showWindows();
    void shutdown();

    widgets::OperatorWindow* window() const;  // the first window
    // The window with the alert pane.
    widgets::OperatorWindow* alertWindow() const;
    QList<widgets::OperatorWindow*> windows() const;
    widgets::AlertListModel* alertModel() const { return m_alertModel.get(); }
    AlertMediaCache* media() const { return m_media.get(); }
    CountSampler* countSampler() const { return m_sampler.get(); }
    RecordsWriter* records() const { return m_records.get(); }
    const core::Site& site() const { return m_site; }
    const core::Principal& user() const { return m_user; }
    inference::Engine* engine() const { return m_engine.get(); }
    core::StoreWriter* storeWriter() const { return m_storeWriter.get(); }
    core::AccountStore* accounts() const { return m_accounts.get(); }
    core::AuditLog* auditLog() const { return m_audit.get(); }
    // Where the engine's alerts enter (the store, then the screens); null before start().
    // Tests feed it as the engine would.
    core::AlertSink* alertSink() const;
    const std::string& databasePath() const { return m_databasePath; }
    // Where the database key is kept (keyring entry or key file), for the status bar.
    const std::string& keyLocation() const { return m_keyLocation; }

    // AlertHistorySource, restricted to the cameras the user may see.
    core::Result<std::vector<core::Alert>> searchAlerts(const core::AlertFilter& filter) override;

    // AlertMediaProvider of the alert panes, for the cameras whose snapshots (clips: replay)
    // the user may see: the session's capture, else the stored snapshot (its first opening in
    // a session is audited as "snapshot_viewed").
    QImage snapshot(const QString& uid) override;
    QList<widgets::AlertClipFrame> clip(const QString& uid) override;

    // The retention durations in force, and saving new ones (<state dir>/retention.json).
    const core::RetentionPolicy& retentionPolicy() const { return m_retention; }
    core::Status saveRetention(const core::RetentionPolicy& policy);
    // Queues the retention purge now (it also runs at start and on its timer).
    void runRetention();
    // Hands the finished count intervals to the records writer and waits until everything it
    // was given is written (tests).
    core::Status flushRecords(std::chrono::milliseconds timeout);

    // What a window does on a qualification, a take and a screen request (public for tests).
    void qualify(const QString& uid, core::Qualification qualification, const QString& comment);
    void take(const QString& uid);
    // « Reporter 30 s »: audited as "alert_postponed", then put aside in the list.
    void postpone(const QString& uid);
    // Opens (or raises) a screen the session may reach; returns it, or null.
    QWidget* openScreen(widgets::Screen screen);
    // Validates, writes the site file and applies it (windows, engine). The bundled demo
    // site is not written.
    core::Status saveSite(const core::Site& site);

Q_SIGNALS:
    // A permitted screen the workstation cannot open itself (not part of this build).
    void screenUnavailable(vigie::widgets::Screen screen);
    void logoutRequested();

private:
    void pollHealth();
    core::Status openStore();
    core::Status startEngine();
    void buildWindows();
    void applySession();
    void loadView(int view);
    core::Status createEngine();
    std::string selectedCameraId() const;
    void setProcessing(bool enabled, widgets::OperatorWindow* from);
    void closeScreens();
    void audit(const std::string& action, const std::string& target,
               const std::string& detailsJson);
    core::Status loadRetention();
    void flushCounts();
    void storeSnapshot(const QString& uid);
    void loadHistoryThumbnails(const std::vector<core::Alert>& alerts);
    // The latest stored alerts the user may see, into the list; `closeLeftOpen`: at start,
    // an alert still open was left open by a session that stopped without closing it.
    void loadHistory(bool closeLeftOpen);
    // The cameras whose alerts the session may see (ViewAlerts), from core; the list keeps
    // only those.
    void applyAlertScope();
    bool alertInScope(const std::string& cameraId) const;
    // A live alert event from the engine: into the list only within the user's scope.
    void showLiveAlert(const core::Alert& alert);
    std::string cameraOf(const QString& uid) const;
    bool mayView(core::Permission permission, const std::string& cameraId, const QString& uid);
    core::Result<core::CountStore*> countReader();
    std::int64_t nowMs() const;

    WorkstationOptions m_options;
    core::Site m_site;
    core::DatabaseKey m_key;
    core::Principal m_user;
    std::unique_ptr<core::AuditLog> m_audit;
    std::unique_ptr<core::AccountStore> m_accounts;
    std::unique_ptr<core::AlertStore> m_readStore;          // GUI thread: history, start-up list
    std::unique_ptr<core::SnapshotStore> m_snapshotReader;  // GUI thread, on m_readStore's
    std::unique_ptr<widgets::AlertListModel> m_alertModel;
    std::vector<std::unique_ptr<widgets::OperatorWindow>> m_windows;
    std::unique_ptr<AlertMediaCache> m_media;
    std::unique_ptr<EngineBridge> m_bridge;
    std::unique_ptr<core::StoreWriter> m_storeWriter;
    std::unique_ptr<core::AlertFanOut> m_alertSinks;
    std::unique_ptr<CountSampler> m_sampler;
    std::unique_ptr<FrameFanOut> m_frameSinks;
    std::unique_ptr<RecordsWriter> m_records;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<widgets::WallLayoutStore> m_layouts;
    std::string m_databasePath;
    std::string m_keyLocation;
    std::string m_stateDir;
    std::string m_snapshotDir;
    std::string m_logDir;  // <state dir>/logs, empty when it could not be created
    static constexpr const char* kLogFileName = "vigie.log";
    core::RetentionPolicy m_retention;
    std::string m_retentionError;  // the retention file is invalid: no purge until fixed
    // ViewAlerts of the session: not held at all, every camera (nullopt), or these cameras.
    bool m_mayViewAlerts = false;
    std::optional<std::set<std::string>> m_alertScope;
    QSet<QString> m_snapshotsAudited;  // stored pictures opened, refusals: audited once a session
    std::unique_ptr<inference::Engine> m_engine;
    QTimer m_healthTimer;
    QTimer m_countTimer;
    QTimer m_retentionTimer;
    bool m_opened = false;
    std::unique_ptr<core::CountStore> m_counts;  // GUI thread: statistics
    QHash<int, QPointer<QWidget>> m_screens;     // open screens by widgets::Screen
};

}  // namespace vigie::app
