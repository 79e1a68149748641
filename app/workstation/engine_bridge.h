#pragma once
// Carries what the engine publishes (pictures with their overlay, alert life-cycle events)
// from the engine's threads to the GUI thread, with Qt queued invocations. Pictures are
// coalesced per camera: only the latest one is delivered, so a slow screen never queues
// stale video (latest-only edge); alerts are all delivered, in order (lossless edge).
// Thread: onFrame/onAlert* from engine threads; signals are emitted on the GUI thread.

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <vector>

#include "core/frame_sink.h"
#include "core/rule_engine.h"

namespace vigie::app {

class EngineBridge : public QObject, public core::FrameSink, public core::AlertSink {
    Q_OBJECT

public:
    explicit EngineBridge(QObject* parent = nullptr);

    void onFrame(const core::ImageFrame& frame, const core::FrameAnalysis& analysis) override;
    void onAlertOpened(const core::Alert& alert) override;
    void onAlertUpdated(const core::Alert& alert) override;
    void onAlertClosed(const core::Alert& alert) override;

    qint64 framesDelivered() const { return m_delivered.load(); }
    qint64 framesCoalesced() const { return m_coalesced.load(); }

Q_SIGNALS:
    void frameReady(const QString& cameraId, const QImage& image,
                    const vigie::core::FrameAnalysis& analysis);
    void alertChanged(const vigie::core::Alert& alert);

private:
    void deliverFrames();
    void postAlert(const core::Alert& alert);

    struct Latest {
        QImage image;
        core::FrameAnalysis analysis;
    };
    QMutex m_mutex;
    QHash<QString, Latest> m_latest;
    bool m_deliveryPending = false;
    std::atomic<qint64> m_delivered{0};
    std::atomic<qint64> m_coalesced{0};
};

// Hands each analysed picture to several frame sinks in turn (the bridge to the screens, the
// count sampler). Thread: as FrameSink (analysis strands); sinks are added before the engine
// starts and must outlive it.
class FrameFanOut final : public core::FrameSink {
public:
    void add(core::FrameSink* sink) { m_sinks.push_back(sink); }
    void onFrame(const core::ImageFrame& frame, const core::FrameAnalysis& analysis) override {
        for (core::FrameSink* sink : m_sinks) {
            sink->onFrame(frame, analysis);
        }
    }

private:
    std::vector<core::FrameSink*> m_sinks;
};

// Wraps an engine picture in a QImage without copying the pixels: the QImage holds a
// reference on the pool buffer until it is destroyed.
QImage toQImage(const core::ImageFrame& frame);

}  // namespace vigie::app
