#include "app/workstation/replay_runner.h"

#include <QMetaObject>
#include <QPointer>

#include <algorithm>
#include <mutex>

#include "app/common/paths.h"
#include "inference/engine.h"

namespace vigie::app {

// What the engine threads share with the runner: a stop flag and the way back to the GUI
// thread. The runner may be destroyed while a sink still runs: the sinks post through a
// QPointer and check the generation.
struct ReplayRunner::Worker final : core::AlertSink, core::FrameSink {
    QPointer<ReplayRunner> runner;
    quint64 generation = 0;
    std::atomic<bool> stopRequested{false};
    std::mutex mutex;  // guards the image budget below (one camera, but two strands may run)
    std::int64_t nextImageUs = 0;
    std::int64_t imageBytes = 0;

    template <typename F>
    void post(F&& f) {
        QPointer<ReplayRunner> target = runner;
        const quint64 gen = generation;
        if (target.isNull()) {
            return;
        }
        QMetaObject::invokeMethod(
            target.data(),
            [target, gen, f = std::forward<F>(f)]() mutable {
                ReplayRunner* r = target.data();
                if (r != nullptr && r->m_generation == gen) {
                    f(*r);
                }
            },
            Qt::QueuedConnection);
    }

    void onAlertOpened(const core::Alert& alert) override { sendAlert(alert); }
    void onAlertUpdated(const core::Alert& alert) override { sendAlert(alert); }
    void onAlertClosed(const core::Alert& alert) override { sendAlert(alert); }
    void sendAlert(const core::Alert& alert) {
        post([alert](ReplayRunner& r) { Q_EMIT r.alertChanged(alert); });
    }

    void onFrame(const core::ImageFrame& frame, const core::FrameAnalysis& analysis) override {
        widgets::ReplayFrame out;
        out.ptsUs = analysis.ptsUs;
        out.objects = analysis.objects;
        out.alertingRuleIds = analysis.alertingRuleIds;
        bool keepImage = false;
        {
            const std::lock_guard lock(mutex);
            if (!frame.empty() && frame.format == core::PixelFormat::Bgr24 &&
                analysis.ptsUs >= nextImageUs && imageBytes < kImageBudgetBytes) {
                keepImage = true;
                nextImageUs = analysis.ptsUs + std::int64_t(1e6 / kImagesPerSecond);
            }
        }
        if (keepImage) {
            const QImage view(frame.pixels.get(), frame.width, frame.height, frame.strideBytes,
                              QImage::Format_BGR888);
            out.image = frame.width > kMaxImageWidth
                            ? view.scaledToWidth(kMaxImageWidth, Qt::SmoothTransformation)
                            : view.copy();
            const std::lock_guard lock(mutex);
            imageBytes += out.image.sizeInBytes();
        }
        post([f = std::move(out)](ReplayRunner& r) mutable { Q_EMIT r.frameAnalysed(f); });
    }
};

ReplayRunner::ReplayRunner(QObject* parent) : ReplayRunner(Options{}, parent) {}

ReplayRunner::ReplayRunner(Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)) {}

ReplayRunner::~ReplayRunner() {
    stop();
    join();
}

void ReplayRunner::attach(widgets::ReplayView* view) {
    connect(view, &widgets::ReplayView::runRequested, this,
            [this](const QString& path, const core::Site& site, const QString& cameraId) {
                start(site, cameraId, path);
            });
    connect(view, &widgets::ReplayView::stopRequested, this, &ReplayRunner::stop);
    connect(this, &ReplayRunner::frameAnalysed, view,
            [view](const widgets::ReplayFrame& f) { view->addFrame(f); });
    connect(this, &ReplayRunner::alertChanged, view, &widgets::ReplayView::addAlert);
    connect(this, &ReplayRunner::progress, view, &widgets::ReplayView::setProgress);
    connect(this, &ReplayRunner::finished, view, &widgets::ReplayView::setFinished);
}

void ReplayRunner::join() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void ReplayRunner::stop() {
    if (m_worker) {
        m_worker->stopRequested = true;
    }
}

void ReplayRunner::start(const core::Site& site, const QString& cameraId,
                         const QString& videoPath) {
    stop();
    join();
    ++m_generation;
    m_running = true;

    // Only the chosen camera, its file analysed once, as fast as possible.
    core::Site runSite = site;
    const std::string camId = cameraId.toStdString();
    std::erase_if(runSite.cameras, [&](const auto& c) { return c.id != camId; });
    std::erase_if(runSite.rules, [&](const auto& r) { return r.cameraId != camId; });
    for (auto& c : runSite.cameras) {
        c.enabled = true;
        c.source.loop = false;
        c.source.realtime = false;
    }

    auto worker = std::make_shared<Worker>();
    worker->runner = this;
    worker->generation = m_generation;
    m_worker = worker;

    inference::EngineOptions eo;
    eo.modelDir =
        !m_options.modelDir.empty()
            ? m_options.modelDir
            : (runSite.engine.modelDir.empty() ? defaultModelDir()
                                               : runSite.resolvePath(runSite.engine.modelDir));
    eo.manifestPath =
        m_options.manifestPath.empty() ? defaultManifestPath() : m_options.manifestPath;
    eo.device = m_options.device;
    eo.offline = true;
    eo.sourceOverrides[camId] = videoPath.toStdString();
    eo.alertSink = worker.get();
    eo.frameSink = worker.get();

    Q_EMIT started();
    if (runSite.cameras.empty()) {
        m_running = false;
        Q_EMIT finished(tr("caméra inconnue : %1").arg(cameraId));
        return;
    }
    // Engine::create loads the model (seconds): it runs on the worker thread too.
    m_thread = std::thread([worker, runSite = std::move(runSite), eo = std::move(eo)]() mutable {
        QString error;
        try {
            auto engine = inference::Engine::create(runSite, std::move(eo));
            if (!engine) {
                error = QString::fromStdString(engine.error().message);
            } else {
                (*engine)->start();
                while (!worker->stopRequested && !(*engine)->waitFinished(200)) {
                    const auto health = (*engine)->health();
                    double seconds = 0.0;
                    for (const auto& c : health.cameras) {
                        seconds = std::max(seconds, double(c.lastPtsUs) / 1e6);
                    }
                    worker->post([seconds](ReplayRunner& r) { Q_EMIT r.progress(seconds); });
                }
                (*engine)->stop();  // closes open alerts → last alert events
                const auto health = (*engine)->health();
                for (const auto& c : health.cameras) {
                    if (c.state == core::CameraState::Failed && !worker->stopRequested) {
                        error = QString::fromStdString(c.lastError);
                    }
                }
            }
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        worker->post([error](ReplayRunner& r) {
            r.m_running = false;
            Q_EMIT r.finished(error);
        });
    });
}

}  // namespace vigie::app
