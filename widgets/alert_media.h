#pragma once
// What the alert screens need from outside the widgets, as small interfaces the application
// implements (app/workstation): the pictures of an alert (its snapshot, and a short clip
// around it with the overlay that caused it) and the stored history of alerts, searched on
// demand. The widgets never open a database or decode video themselves.
//
// Thread: called on the GUI thread only; implementations must answer quickly (pictures
// already captured or a small encrypted file; one indexed query). Ownership: borrowed by the
// widgets, which never delete a provider; it must outlive them.

#include <QImage>
#include <QList>
#include <QString>

#include <vector>

#include "core/alert.h"
#include "core/alert_store.h"
#include "core/frame_sink.h"
#include "core/result.h"

namespace vigie::widgets {

// One picture of an alert's clip.
struct AlertClipFrame {
    QImage image;
    qint64 offsetMs = 0;                       // from the alert's start: −15 000 … +10 000
    std::vector<core::OverlayObject> objects;  // boxes at that moment (alerting = evidence)
};

class AlertMediaProvider {
public:
    static constexpr qint64 kClipBeforeMs = 15'000;  // Genetec's default pre-event offset
    static constexpr qint64 kClipAfterMs = 10'000;

    virtual ~AlertMediaProvider() = default;
    // The alert's picture (its evidence boxes are drawn from Alert::boxes); null when none.
    virtual QImage snapshot(const QString& uid) = 0;
    // The pictures from kClipBeforeMs before to kClipAfterMs after the alert's start, oldest
    // first; empty when none was captured (the review sheet then shows the snapshot).
    virtual QList<AlertClipFrame> clip(const QString& uid) = 0;
};

class AlertHistorySource {
public:
    virtual ~AlertHistorySource() = default;
    // Stored alerts matching the filter, newest first (AlertStore::list).
    virtual core::Result<std::vector<core::Alert>> searchAlerts(
        const core::AlertFilter& filter) = 0;
};

}  // namespace vigie::widgets
