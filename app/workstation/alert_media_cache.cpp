#include "app/workstation/alert_media_cache.h"

#include <QBuffer>

#include <algorithm>

namespace vigie::app {

AlertMediaCache::AlertMediaCache(QObject* parent) : AlertMediaCache(Options{}, parent) {}

AlertMediaCache::AlertMediaCache(Options options, QObject* parent)
    : QObject(parent), m_options(options) {}

AlertMediaCache::Frame AlertMediaCache::encode(const QImage& image,
                                               const core::FrameAnalysis& analysis,
                                               QImage* scaled) const {
    // A scaled copy never shares the engine's pool buffer; an image already small enough is
    // copied explicitly for the same reason.
    QImage small = image.width() > m_options.maxWidth
                       ? image.scaledToWidth(m_options.maxWidth, Qt::SmoothTransformation)
                       : image.copy();
    Frame f;
    f.ptsUs = analysis.ptsUs;
    f.objects = analysis.objects;
    QBuffer buffer(&f.jpeg);
    buffer.open(QIODevice::WriteOnly);
    small.save(&buffer, "JPG", m_options.jpegQuality);
    if (scaled != nullptr) {
        *scaled = std::move(small);
    }
    return f;
}

void AlertMediaCache::onFrame(const QString& cameraId, const QImage& image,
                              const core::FrameAnalysis& analysis) {
    if (image.isNull()) {
        return;
    }
    std::deque<Frame>& ring = m_rings[cameraId];
    const qint64 pts = analysis.ptsUs;
    if (!ring.empty() && pts < ring.back().ptsUs) {
        // The stream restarted (a new source starts its time at 0): older pictures and open
        // captures of this camera cannot be placed on the new timeline.
        ring.clear();
        for (auto it = m_captures.begin(); it != m_captures.end(); ++it) {
            if (it->cameraId == cameraId && !it->complete) {
                finish(it.key(), *it);
            }
        }
    }
    bool wanted =
        ring.empty() || pts - ring.back().ptsUs >= qint64(m_options.sampleIntervalMs) * 1000;
    // The picture of an alert's start is always kept, whatever the sampling.
    for (const auto& c : std::as_const(m_captures)) {
        if (c.cameraId == cameraId && !c.complete && c.snapshot.isNull() && pts >= c.startUs) {
            wanted = true;
        }
    }
    if (!wanted) {
        return;
    }
    QImage scaled;
    Frame frame = encode(image, analysis, &scaled);
    for (auto it = m_captures.begin(); it != m_captures.end(); ++it) {
        Capture& c = *it;
        if (c.cameraId != cameraId || c.complete) {
            continue;
        }
        if (pts > c.startUs + kClipAfterMs * 1000) {
            finish(it.key(), c);
            continue;
        }
        c.frames.push_back(frame);
        if (c.snapshot.isNull() && pts >= c.startUs) {
            c.snapshot = scaled;
            c.snapshotJpeg = frame.jpeg;
            Q_EMIT snapshotReady(it.key());
        }
    }
    ring.push_back(std::move(frame));
    const qint64 keepUs = (kClipBeforeMs + 1000) * 1000;
    while (!ring.empty() && ring.front().ptsUs < pts - keepUs) {
        ring.pop_front();
    }
}

void AlertMediaCache::onAlert(const core::Alert& alert) {
    const QString uid = QString::fromStdString(alert.uid);
    if (uid.isEmpty() || m_captures.contains(uid)) {
        return;
    }
    const QString cameraId = QString::fromStdString(alert.cameraId);
    const auto ring = m_rings.constFind(cameraId);
    if (ring == m_rings.constEnd() || ring->empty()) {
        return;  // nothing seen of this camera: no clip (e.g. an alert of a past session)
    }
    Capture c;
    c.cameraId = cameraId;
    c.startUs = alert.startUs;
    c.wallStartMs = alert.wallStartMs;
    for (const Frame& f : *ring) {
        if (f.ptsUs >= alert.startUs - kClipBeforeMs * 1000 &&
            f.ptsUs <= alert.startUs + kClipAfterMs * 1000) {
            c.frames.push_back(f);
            if (c.snapshot.isNull() && f.ptsUs >= alert.startUs) {
                c.snapshot.loadFromData(f.jpeg, "JPG");
                c.snapshotJpeg = f.jpeg;
            }
        }
    }
    const bool haveSnapshot = !c.snapshot.isNull();
    m_captures.insert(uid, std::move(c));
    m_order.append(uid);
    dropOldClips();
    if (haveSnapshot) {
        Q_EMIT snapshotReady(uid);
    }
}

void AlertMediaCache::finish(const QString& uid, Capture& capture) {
    capture.complete = true;
    if (capture.snapshot.isNull() && !capture.frames.empty()) {
        capture.snapshot.loadFromData(capture.frames.back().jpeg, "JPG");
        capture.snapshotJpeg = capture.frames.back().jpeg;
        Q_EMIT snapshotReady(uid);
    }
    Q_EMIT clipComplete(uid);
}

void AlertMediaCache::dropOldClips() {
    while (m_order.size() > m_options.maxClips) {
        m_captures.remove(m_order.takeFirst());
    }
}

AlertMediaCache::EncodedSnapshot AlertMediaCache::encodedSnapshot(const QString& uid) const {
    const auto it = m_captures.constFind(uid);
    if (it == m_captures.constEnd()) {
        return {};
    }
    return {it->cameraId, it->wallStartMs, it->snapshotJpeg};
}

QImage AlertMediaCache::snapshot(const QString& uid) {
    const auto it = m_captures.constFind(uid);
    return it == m_captures.constEnd() ? QImage() : it->snapshot;
}

QList<widgets::AlertClipFrame> AlertMediaCache::clip(const QString& uid) {
    QList<widgets::AlertClipFrame> out;
    const auto it = m_captures.constFind(uid);
    if (it == m_captures.constEnd()) {
        return out;
    }
    out.reserve(qsizetype(it->frames.size()));
    for (const Frame& f : it->frames) {
        widgets::AlertClipFrame cf;
        cf.image.loadFromData(f.jpeg, "JPG");
        cf.offsetMs = (f.ptsUs - it->startUs) / 1000;
        cf.objects = f.objects;
        out.append(std::move(cf));
    }
    return out;
}

bool AlertMediaCache::isComplete(const QString& uid) const {
    const auto it = m_captures.constFind(uid);
    return it != m_captures.constEnd() && it->complete;
}

int AlertMediaCache::ringSize(const QString& cameraId) const {
    const auto it = m_rings.constFind(cameraId);
    return it == m_rings.constEnd() ? 0 : int(it->size());
}

}  // namespace vigie::app
