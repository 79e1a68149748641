#pragma once
// The alerts an operator sees, newest first: time, severity, camera, event, score, state.
// Unreviewed alerts are bold; severities carry their colour. Fed with alert life-cycle
// events (upsert by uid) and qualification changes.
// Thread: GUI thread only.

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

#include "core/alert.h"

namespace vigie::widgets {

class AlertListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn = 0,
        SeverityColumn,
        CameraColumn,
        EventColumn,
        ScoreColumn,
        StateColumn,
        ColumnCount
    };
    static constexpr int UidRole = Qt::UserRole + 1;
    // Reviewed alerts beyond this many are dropped from the list (not from the store);
    // unreviewed ones always stay.
    static constexpr int kMaxRows = 1000;

    explicit AlertListModel(QObject* parent = nullptr);

    void setCameraNames(const QHash<QString, QString>& idToName);
    // Inserts a new alert at the top, or updates the row with the same uid.
    void upsertAlert(const core::Alert& alert);
    void setQualification(const QString& uid, core::Qualification q, const QString& comment);
    void clear();

    const core::Alert* alertAt(int row) const;
    const core::Alert* alertByUid(const QString& uid) const;
    int rowOfUid(const QString& uid) const;
    int unreviewedCount() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void unreviewedCountChanged(int count);

private:
    void trimReviewed();

    std::vector<core::Alert> m_alerts;  // newest first
    QHash<QString, QString> m_cameraNames;
};

}  // namespace vigie::widgets
