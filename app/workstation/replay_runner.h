#pragma once
// Runs a site's settings for one camera on a recorded file, for the replay tuning screen
// (widgets/replay_view.h): the engine in offline mode (every picture analysed, as fast as
// possible, stop at the end), on a worker thread, never on the GUI thread. Results come back
// on the GUI thread as signals, in order: started, frameAnalysed… / alert…, finished.
//
// Pictures: each analysed picture is reported with its overlay; a reduced copy of the
// picture (at most kMaxImageWidth wide) is kept for at most kImagesPerSecond pictures per
// second of video and within kImageBudgetBytes, so a long file cannot exhaust memory.
//
// Thread: create, start, stop and destroy on the GUI thread. The engine's sinks run on its
// threads and only post to the GUI thread.
//
//   ReplayRunner runner;
//   runner.attach(view);                         // view->runRequested → start(), results → view
//   runner.start(site, "quai2", "/media/usb/quai2.mp4");

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

#include "core/alert.h"
#include "core/site.h"
#include "widgets/replay_view.h"

namespace vigie::app {

class ReplayRunner : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxImageWidth = 480;
    static constexpr double kImagesPerSecond = 5.0;
    static constexpr std::int64_t kImageBudgetBytes = 256LL * 1024 * 1024;

    struct Options {
        std::string modelDir;      // empty: the site's engine.model_dir, else the default
        std::string manifestPath;  // empty: the default manifest
        std::string device;        // empty: the site's engine.device
    };

    explicit ReplayRunner(QObject* parent = nullptr);
    ReplayRunner(Options options, QObject* parent = nullptr);
    ~ReplayRunner() override;

    // Wires a replay view: its runRequested/stopRequested to start()/stop(), the results to it.
    void attach(widgets::ReplayView* view);

    // Starts a run (a run in progress is stopped first). Only `cameraId` of the site runs,
    // with its source replaced by `videoPath`.
    void start(const core::Site& site, const QString& cameraId, const QString& videoPath);
    // Asks the run to stop; finished() follows.
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void started();
    void frameAnalysed(const vigie::widgets::ReplayFrame& frame);
    void alertChanged(const vigie::core::Alert& alert);
    void progress(double seconds);
    // Empty error: the file was analysed to its end (or stopped on request).
    void finished(const QString& error);

private:
    struct Worker;
    void join();

    Options m_options;
    std::shared_ptr<Worker> m_worker;
    std::thread m_thread;
    bool m_running = false;
    quint64 m_generation = 0;  // results of an older run are ignored
};

}  // namespace vigie::app
