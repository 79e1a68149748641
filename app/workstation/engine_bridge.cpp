#include "app/workstation/engine_bridge.h"

#include <QMetaObject>
#include <QMutexLocker>

namespace vigie::app {

QImage toQImage(const core::ImageFrame& frame) {
    if (frame.empty() || frame.format != core::PixelFormat::Bgr24) {
        return {};
    }
    auto* holder = new std::shared_ptr<const std::uint8_t>(frame.pixels);
    return QImage(
        frame.pixels.get(), frame.width, frame.height, frame.strideBytes, QImage::Format_BGR888,
        [](void* p) { delete static_cast<std::shared_ptr<const std::uint8_t>*>(p); }, holder);
}

EngineBridge::EngineBridge(QObject* parent) : QObject(parent) {}

void EngineBridge::onFrame(const core::ImageFrame& frame, const core::FrameAnalysis& analysis) {
    QImage image = toQImage(frame);
    bool post = false;
    {
        QMutexLocker lock(&m_mutex);
        auto& slot = m_latest[QString::fromStdString(analysis.cameraId)];
        if (!slot.image.isNull()) {
            ++m_coalesced;
        }
        slot.image = std::move(image);
        slot.analysis = analysis;
        post = !m_deliveryPending;
        m_deliveryPending = true;
    }
    if (post) {
        QMetaObject::invokeMethod(this, &EngineBridge::deliverFrames, Qt::QueuedConnection);
    }
}

void EngineBridge::deliverFrames() {
    QHash<QString, Latest> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_latest);
        m_deliveryPending = false;
    }
    for (auto it = batch.begin(); it != batch.end(); ++it) {
        ++m_delivered;
        Q_EMIT frameReady(it.key(), it->image, it->analysis);
    }
}

void EngineBridge::postAlert(const core::Alert& alert) {
    QMetaObject::invokeMethod(
        this, [this, alert] { Q_EMIT alertChanged(alert); }, Qt::QueuedConnection);
}

void EngineBridge::onAlertOpened(const core::Alert& alert) {
    postAlert(alert);
}

void EngineBridge::onAlertUpdated(const core::Alert& alert) {
    postAlert(alert);
}

void EngineBridge::onAlertClosed(const core::Alert& alert) {
    postAlert(alert);
}

}  // namespace vigie::app
