#pragma once
// The workstation as a library (so tests drive the real thing): loads the site, starts the
// in-process engine (the embedded default), wires pictures and alerts to the operator
// window and qualifications back to the store, polls health, and shuts down in order.
// Thread: GUI thread; the engine runs its own threads.

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <string>

#include "core/result.h"
#include "core/site.h"

namespace vigie::inference {
class Engine;
}
namespace vigie::widgets {
class OperatorWindow;
}
namespace vigie::core {
class AlertFanOut;
class StoreWriter;
}  // namespace vigie::core

namespace vigie::app {

class EngineBridge;

struct WorkstationOptions {
    std::string sitePath;                 // empty: the bundled demo site
    std::string modelDir;                 // empty: defaultModelDir()
    std::string manifestPath;             // empty: defaultManifestPath()
    std::string device;                   // empty: the site's engine.device
    bool replayAsFastAsPossible = false;  // files: no real-time pacing, nothing dropped
    std::string stateDir;     // empty: defaultStateDir(); holds the database and key file
    bool useKeychain = true;  // false: the key file only (headless sessions, tests)
    int historyAlerts = 200;  // alerts loaded from the store into the list at start
};

class Workstation : public QObject {
    Q_OBJECT

public:
    explicit Workstation(QObject* parent = nullptr);
    ~Workstation() override;

    core::Status start(const WorkstationOptions& options);
    void shutdown();

    widgets::OperatorWindow* window() const;
    const core::Site& site() const { return m_site; }
    inference::Engine* engine() const { return m_engine.get(); }
    core::StoreWriter* storeWriter() const { return m_storeWriter.get(); }
    const std::string& databasePath() const { return m_databasePath; }
    // Where the database key is kept (keyring entry or key file), for the status bar.
    const std::string& keyLocation() const { return m_keyLocation; }

private:
    void pollHealth();
    core::Status openStore(const WorkstationOptions& options);

    core::Site m_site;
    std::unique_ptr<widgets::OperatorWindow> m_window;
    std::unique_ptr<EngineBridge> m_bridge;
    std::unique_ptr<core::StoreWriter> m_storeWriter;
    std::unique_ptr<core::AlertFanOut> m_alertSinks;
    std::string m_databasePath;
    std::string m_keyLocation;
    std::unique_ptr<inference::Engine> m_engine;
    QTimer m_healthTimer;
};

}  // namespace vigie::app
