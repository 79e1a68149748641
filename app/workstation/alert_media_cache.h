#pragma once
// AlertMediaCache: the pictures of the alerts raised during this session, kept by the
// workstation from the pictures it already displays (no second decode). Per camera, a ring
// of recent pictures (one every sampleIntervalMs, scaled to maxWidth, JPEG in memory) covers
// the last kClipBeforeMs; when an alert appears, its clip starts with the ring's pictures
// from kClipBeforeMs before the alert and goes on until kClipAfterMs after it; its snapshot
// is the first picture at or after the alert's start, with the overlay of that moment.
// Times are stream times (FrameAnalysis::ptsUs, Alert::startUs). A stream that goes back in
// time (reconnect) empties the camera's ring and ends its open captures.
//
// Bounded: at most maxClips clips are kept (oldest dropped); a ring holds at most
// (kClipBeforeMs + 1 s) / sampleIntervalMs pictures. Pictures are copied (the displayed
// QImage holds an engine pool buffer, which must go back quickly).
//
// snapshotReady() is emitted once per alert when its picture is known; the workstation then
// stores encodedSnapshot() (the very JPEG of the cache, not encoded again) in the
// SnapshotStore, which serves the picture once the cache no longer has it.
//
// Thread: GUI thread only (fed by EngineBridge's signals). Ownership: owned by the
// Workstation; borrowed by the alert panes (AlertMediaProvider).

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <deque>
#include <vector>

#include "core/alert.h"
#include "core/frame_sink.h"
#include "widgets/alert_media.h"

namespace vigie::app {

class AlertMediaCache : public QObject, public widgets::AlertMediaProvider {
    Q_OBJECT

public:
    struct Options {
        int sampleIntervalMs = 200;
        int maxWidth = 640;
        int jpegQuality = 80;
        int maxClips = 32;
    };

    explicit AlertMediaCache(QObject* parent = nullptr);
    AlertMediaCache(Options options, QObject* parent);

    void onFrame(const QString& cameraId, const QImage& image, const core::FrameAnalysis& analysis);
    void onAlert(const core::Alert& alert);

    // The alert's snapshot as captured (JPEG, scaled to maxWidth) with what storing it needs.
    struct EncodedSnapshot {
        QString cameraId;
        qint64 wallStartMs = 0;
        QByteArray jpeg;  // empty when no picture was captured
    };
    EncodedSnapshot encodedSnapshot(const QString& uid) const;

    QImage snapshot(const QString& uid) override;
    QList<widgets::AlertClipFrame> clip(const QString& uid) override;
    bool isComplete(const QString& uid) const;
    int ringSize(const QString& cameraId) const;
    int clipCount() const { return int(m_order.size()); }

Q_SIGNALS:
    void snapshotReady(const QString& uid);
    void clipComplete(const QString& uid);

private:
    struct Frame {
        qint64 ptsUs = 0;
        QByteArray jpeg;
        std::vector<core::OverlayObject> objects;
    };
    struct Capture {
        QString cameraId;
        qint64 startUs = 0;
        qint64 wallStartMs = 0;
        std::vector<Frame> frames;
        QImage snapshot;
        QByteArray snapshotJpeg;
        bool complete = false;
    };

    Frame encode(const QImage& image, const core::FrameAnalysis& analysis, QImage* scaled) const;
    void finish(const QString& uid, Capture& capture);
    void dropOldClips();

    Options m_options;
    QHash<QString, std::deque<Frame>> m_rings;
    QHash<QString, Capture> m_captures;
    QStringList m_order;  // capture uids, oldest first
};

}  // namespace vigie::app
