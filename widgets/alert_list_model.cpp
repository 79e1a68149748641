#include "widgets/alert_list_model.h"

#include <QDateTime>
#include <QFont>

#include "widgets/labels.h"

namespace vigie::widgets {

AlertListModel::AlertListModel(QObject* parent) : QAbstractTableModel(parent) {}

void AlertListModel::setCameraNames(const QHash<QString, QString>& idToName) {
    m_cameraNames = idToName;
    if (!m_alerts.empty()) {
        Q_EMIT dataChanged(index(0, CameraColumn), index(rowCount() - 1, CameraColumn));
    }
}

int AlertListModel::rowOfUid(const QString& uid) const {
    const std::string key = uid.toStdString();
    for (std::size_t i = 0; i < m_alerts.size(); ++i) {
        if (m_alerts[i].uid == key) {
            return int(i);
        }
    }
    return -1;
}

void AlertListModel::upsertAlert(const core::Alert& alert) {
    const int before = unreviewedCount();
    const int row = rowOfUid(QString::fromStdString(alert.uid));
    if (row >= 0) {
        // Keep the operator's qualification if the engine re-publishes the alert.
        core::Alert merged = alert;
        const core::Alert& old = m_alerts[std::size_t(row)];
        if (old.qualification != core::Qualification::Unreviewed) {
            merged.qualification = old.qualification;
            merged.comment = old.comment;
            merged.qualifiedBy = old.qualifiedBy;
            merged.qualifiedAtMs = old.qualifiedAtMs;
        }
        m_alerts[std::size_t(row)] = std::move(merged);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        beginInsertRows(QModelIndex(), 0, 0);
        m_alerts.insert(m_alerts.begin(), alert);
        endInsertRows();
        trimReviewed();
    }
    if (unreviewedCount() != before) {
        Q_EMIT unreviewedCountChanged(unreviewedCount());
    }
}

void AlertListModel::trimReviewed() {
    for (int row = rowCount() - 1; row >= 0 && rowCount() > kMaxRows; --row) {
        if (m_alerts[std::size_t(row)].qualification != core::Qualification::Unreviewed) {
            beginRemoveRows(QModelIndex(), row, row);
            m_alerts.erase(m_alerts.begin() + row);
            endRemoveRows();
        }
    }
}

void AlertListModel::setQualification(const QString& uid, core::Qualification q,
                                      const QString& comment) {
    const int row = rowOfUid(uid);
    if (row < 0) {
        return;
    }
    const int before = unreviewedCount();
    auto& a = m_alerts[std::size_t(row)];
    a.qualification = q;
    a.comment = comment.toStdString();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (unreviewedCount() != before) {
        Q_EMIT unreviewedCountChanged(unreviewedCount());
    }
}

void AlertListModel::clear() {
    beginResetModel();
    m_alerts.clear();
    endResetModel();
    Q_EMIT unreviewedCountChanged(0);
}

const core::Alert* AlertListModel::alertAt(int row) const {
    return row >= 0 && std::size_t(row) < m_alerts.size() ? &m_alerts[std::size_t(row)] : nullptr;
}

const core::Alert* AlertListModel::alertByUid(const QString& uid) const {
    return alertAt(rowOfUid(uid));
}

int AlertListModel::unreviewedCount() const {
    return int(std::count_if(m_alerts.begin(), m_alerts.end(), [](const core::Alert& a) {
        return a.qualification == core::Qualification::Unreviewed;
    }));
}

int AlertListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.model() != this || index.row() >= rowCount() ||
        index.column() >= ColumnCount) {
        return {};
    }
    const core::Alert& a = m_alerts[std::size_t(index.row())];
    const auto col = static_cast<Column>(index.column());
    if (role == UidRole) {
        return QString::fromStdString(a.uid);
    }
    if (role == Qt::DisplayRole) {
        switch (col) {
            case TimeColumn:
                return QDateTime::fromMSecsSinceEpoch(a.wallStartMs)
                    .toString(QStringLiteral("HH:mm:ss"));
            case SeverityColumn:
                return severityLabel(a.severity);
            case CameraColumn: {
                const QString id = QString::fromStdString(a.cameraId);
                return m_cameraNames.value(id, id);
            }
            case EventColumn:
                return eventLabel(a.event);
            case ScoreColumn:
                return QString::number(a.score, 'f', 2);
            case StateColumn:
                if (a.qualification == core::Qualification::Unreviewed && a.open) {
                    return tr("Nouvelle (en cours)");
                }
                return qualificationLabel(a.qualification);
            case ColumnCount:
                break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        return tr("Règle %1, zone %2, de %3 s à %4 s")
            .arg(QString::fromStdString(a.ruleId), QString::fromStdString(a.zoneId))
            .arg(double(a.startUs) / 1e6, 0, 'f', 1)
            .arg(double(a.endUs) / 1e6, 0, 'f', 1);
    }
    if (role == Qt::FontRole && a.qualification == core::Qualification::Unreviewed) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ForegroundRole && col == SeverityColumn) {
        return severityColour(a.severity).lighter(130);
    }
    if (role == Qt::TextAlignmentRole && col == ScoreColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
        case TimeColumn:
            return tr("Heure");
        case SeverityColumn:
            return tr("Gravité");
        case CameraColumn:
            return tr("Caméra");
        case EventColumn:
            return tr("Événement");
        case ScoreColumn:
            return tr("Score");
        case StateColumn:
            return tr("État");
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace vigie::widgets
