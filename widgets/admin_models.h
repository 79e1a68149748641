#pragma once
// Table models of the administration pages: the site's cameras, the accounts, the audit
// records. Read-only views over core values, refilled by their page.
// Thread: GUI thread only.

#include <QAbstractTableModel>

#include <vector>

#include "core/accounts.h"
#include "core/audit_log.h"
#include "core/site.h"

namespace vigie::widgets {

class AdminCameraModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn = 0,
        IdColumn,
        SourceColumn,
        TransportColumn,
        FpsColumn,
        EnabledColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int EnabledRole = Qt::UserRole + 2;

    explicit AdminCameraModel(QObject* parent = nullptr);
    void setCameras(std::vector<core::Camera> cameras);
    const core::Camera* cameraAt(int row) const;
    int rowOf(const QString& cameraId) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<core::Camera> m_cameras;
};

class AdminUserModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        LoginColumn = 0,
        NameColumn,
        LevelColumn,
        GroupsColumn,
        ProfilesColumn,
        CamerasColumn,
        StateColumn,
        LastLoginColumn,
        ColumnCount
    };
    static constexpr int LoginRole = Qt::UserRole + 1;

    explicit AdminUserModel(QObject* parent = nullptr);
    // nowMs decides whether a lockout is still running.
    void setAccounts(std::vector<core::AccountInfo> accounts, std::int64_t nowMs);
    const core::AccountInfo* accountAt(int row) const;
    int rowOf(const QString& login) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<core::AccountInfo> m_accounts;
    std::int64_t m_nowMs = 0;
};

class AdminAuditModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        SeqColumn = 0,
        TimeColumn,
        ActorColumn,
        ActionColumn,
        TargetColumn,
        DetailsColumn,
        ColumnCount
    };
    static constexpr int SeqRole = Qt::UserRole + 1;

    explicit AdminAuditModel(QObject* parent = nullptr);
    // Shown newest first.
    void setRecords(std::vector<core::AuditRecord> records);
    // Marks the first broken record of a verification (red), 0 for none.
    void setBrokenSeq(std::int64_t seq);
    const core::AuditRecord* recordAt(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<core::AuditRecord> m_records;  // newest first
    std::int64_t m_brokenSeq = 0;
};

// « 30/11/2026 14:02:11 » in local time; « jamais » for 0.
QString formatTimeMs(std::int64_t unixMs);

}  // namespace vigie::widgets
