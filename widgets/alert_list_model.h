#pragma once
// The alerts an operator sees, newest first (by the time they were raised): snapshot
// thumbnail, time, severity, camera, event, score, state. Unreviewed alerts are bold on a
// severity-tinted background; an alert taken in charge shows who took it (« Vue (martin) »).
// Fed with alert life-cycle events (upsert by uid), history search results (same upsert,
// placed by time), qualification changes and thumbnails. An unreviewed alert can be postponed
// (« Reporter 30 s », UI guide §2): it stops being prominent (not bold, not counted, no
// sound, no flashing tile) and comes back as new after the delay unless it was qualified
// meanwhile (postponeEnded).
// Thread: GUI thread only.

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>

#include <chrono>
#include <functional>
#include <vector>

#include "core/alert.h"

namespace vigie::widgets {

class AlertListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        ThumbnailColumn = 0,
        TimeColumn,
        SeverityColumn,
        CameraColumn,
        EventColumn,
        ScoreColumn,
        StateColumn,
        ColumnCount
    };
    static constexpr int UidRole = Qt::UserRole + 1;
    static constexpr int CameraIdRole = Qt::UserRole + 2;
    static constexpr int EventRole = Qt::UserRole + 3;          // int(core::EventType)
    static constexpr int QualificationRole = Qt::UserRole + 4;  // int(core::Qualification)
    static constexpr int WallStartMsRole = Qt::UserRole + 5;    // qint64
    static constexpr QSize kThumbnailSize{96, 54};
    // Reviewed alerts beyond this many are dropped from the list (not from the store);
    // unreviewed ones always stay.
    static constexpr int kMaxRows = 1000;
    // How long « Reporter » puts an alert aside.
    static constexpr std::chrono::milliseconds kPostponeDelay{30'000};

    explicit AlertListModel(QObject* parent = nullptr);

    void setCameraNames(const QHash<QString, QString>& idToName);
    QString cameraName(const QString& cameraId) const;
    // Inserts an alert at its place (newest first), or updates the row with the same uid.
    // Returns true when the alert was new to the list.
    bool upsertAlert(const core::Alert& alert);
    void setQualification(const QString& uid, core::Qualification q, const QString& comment,
                          const QString& by = QString(), qint64 atMs = 0);
    // « Vue (login) »: an operator took the alert in charge (the sound stops).
    void setTakenBy(const QString& uid, const QString& login);
    QString takenBy(const QString& uid) const { return m_takenBy.value(uid); }
    // The alert's picture; shown scaled in the first column.
    void setThumbnail(const QString& uid, const QImage& image);
    // Puts an unreviewed alert aside for postponeDelay(); postponing it again restarts the
    // delay. Returns false when the alert is not listed or not unreviewed.
    bool postpone(const QString& uid);
    bool isPostponed(const QString& uid) const { return m_postponed.contains(uid); }
    // Unreviewed and not postponed: bold, counted, on the banner and the tiles.
    bool isProminent(const core::Alert& alert) const;
    std::chrono::milliseconds postponeDelay() const { return m_postponeDelay; }
    void setPostponeDelay(std::chrono::milliseconds delay) { m_postponeDelay = delay; }
    bool hasThumbnail(const QString& uid) const { return m_thumbnails.contains(uid); }
    void clear();
    // Removes the alerts for which `predicate` is true (another user's camera scope after a
    // change of session); returns how many went.
    int removeAlerts(const std::function<bool(const core::Alert&)>& predicate);

    const core::Alert* alertAt(int row) const;
    const core::Alert* alertByUid(const QString& uid) const;
    int rowOfUid(const QString& uid) const;
    // Unreviewed alerts that are not postponed.
    int unreviewedCount() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void unreviewedCountChanged(int count);
    // A postponed alert nobody qualified is back as new (to be announced again).
    void postponeEnded(const QString& uid);

private:
    void trimReviewed();
    void eraseRow(int row);  // and what is kept beside it (thumbnail, holder, postponement)
    void emitRowChanged(int row);
    void endPostpone(const QString& uid, quint64 serial);

    std::vector<core::Alert> m_alerts;  // newest first
    QHash<QString, QString> m_cameraNames;
    QHash<QString, QString> m_takenBy;
    QHash<QString, QImage> m_thumbnails;  // already scaled
    QHash<QString, quint64> m_postponed;  // uid → serial of its running delay
    quint64 m_postponeSerial = 0;
    std::chrono::milliseconds m_postponeDelay = kPostponeDelay;
};

}  // namespace vigie::widgets
