#include "widgets/alert_list_model.h"

#include <QDateTime>
#include <QFont>
#include <QTimer>

#include <algorithm>

#include "widgets/labels.h"

namespace vigie::widgets {

AlertListModel::AlertListModel(QObject* parent) : QAbstractTableModel(parent) {}

void AlertListModel::setCameraNames(const QHash<QString, QString>& idToName) {
    m_cameraNames = idToName;
    if (!m_alerts.empty()) {
        Q_EMIT dataChanged(index(0, CameraColumn), index(rowCount() - 1, CameraColumn));
    }
}

QString AlertListModel::cameraName(const QString& cameraId) const {
    return m_cameraNames.value(cameraId, cameraId);
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

void AlertListModel::emitRowChanged(int row) {
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool AlertListModel::upsertAlert(const core::Alert& alert) {
    const int before = unreviewedCount();
    const int row = rowOfUid(QString::fromStdString(alert.uid));
    const bool inserted = row < 0;
    if (!inserted) {
        // Keep the operator's qualification if the engine re-publishes the alert.
        core::Alert merged = alert;
        const core::Alert& old = m_alerts[std::size_t(row)];
        if (old.qualification != core::Qualification::Unreviewed &&
            alert.qualification == core::Qualification::Unreviewed) {
            merged.qualification = old.qualification;
            merged.comment = old.comment;
            merged.qualifiedBy = old.qualifiedBy;
            merged.qualifiedAtMs = old.qualifiedAtMs;
        }
        m_alerts[std::size_t(row)] = std::move(merged);
        emitRowChanged(row);
    } else {
        // Newest first: before the first alert raised earlier (live alerts go on top; alerts
        // found in the history fall at their place).
        const auto it = std::find_if(
            m_alerts.begin(), m_alerts.end(),
            [&alert](const core::Alert& a) { return a.wallStartMs < alert.wallStartMs; });
        const int at = int(it - m_alerts.begin());
        beginInsertRows(QModelIndex(), at, at);
        m_alerts.insert(m_alerts.begin() + at, alert);
        endInsertRows();
        trimReviewed();
    }
    if (unreviewedCount() != before) {
        Q_EMIT unreviewedCountChanged(unreviewedCount());
    }
    return inserted;
}

void AlertListModel::eraseRow(int row) {
    const QString uid = QString::fromStdString(m_alerts[std::size_t(row)].uid);
    beginRemoveRows(QModelIndex(), row, row);
    m_alerts.erase(m_alerts.begin() + row);
    endRemoveRows();
    m_thumbnails.remove(uid);
    m_takenBy.remove(uid);
    m_postponed.remove(uid);
}

void AlertListModel::trimReviewed() {
    for (int row = rowCount() - 1; row >= 0 && rowCount() > kMaxRows; --row) {
        if (m_alerts[std::size_t(row)].qualification != core::Qualification::Unreviewed) {
            eraseRow(row);
        }
    }
}

void AlertListModel::setQualification(const QString& uid, core::Qualification q,
                                      const QString& comment, const QString& by, qint64 atMs) {
    const int row = rowOfUid(uid);
    if (row < 0) {
        return;
    }
    const int before = unreviewedCount();
    auto& a = m_alerts[std::size_t(row)];
    a.qualification = q;
    a.comment = comment.toStdString();
    if (!by.isEmpty()) {
        a.qualifiedBy = by.toStdString();
    }
    if (atMs > 0) {
        a.qualifiedAtMs = atMs;
    }
    if (q != core::Qualification::Unreviewed) {
        m_postponed.remove(uid);  // handled: it does not come back
    }
    emitRowChanged(row);
    if (unreviewedCount() != before) {
        Q_EMIT unreviewedCountChanged(unreviewedCount());
    }
}

void AlertListModel::setTakenBy(const QString& uid, const QString& login) {
    const int row = rowOfUid(uid);
    if (row < 0 || m_takenBy.value(uid) == login) {
        return;
    }
    m_takenBy.insert(uid, login);
    emitRowChanged(row);
}

void AlertListModel::setThumbnail(const QString& uid, const QImage& image) {
    const int row = rowOfUid(uid);
    if (row < 0 || image.isNull()) {
        return;
    }
    m_thumbnails.insert(
        uid, image.scaled(kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    Q_EMIT dataChanged(index(row, ThumbnailColumn), index(row, ThumbnailColumn));
}

bool AlertListModel::postpone(const QString& uid) {
    const int row = rowOfUid(uid);
    if (row < 0 || m_alerts[std::size_t(row)].qualification != core::Qualification::Unreviewed) {
        return false;
    }
    const int before = unreviewedCount();
    const quint64 serial = ++m_postponeSerial;
    m_postponed.insert(uid, serial);
    QTimer::singleShot(m_postponeDelay, this, [this, uid, serial] { endPostpone(uid, serial); });
    emitRowChanged(row);
    if (unreviewedCount() != before) {
        Q_EMIT unreviewedCountChanged(unreviewedCount());
    }
    return true;
}

void AlertListModel::endPostpone(const QString& uid, quint64 serial) {
    const auto it = m_postponed.constFind(uid);
    if (it == m_postponed.constEnd() || it.value() != serial) {
        return;  // qualified, removed, or postponed again since
    }
    const int before = unreviewedCount();
    m_postponed.remove(uid);
    const int row = rowOfUid(uid);
    if (row < 0) {
        return;
    }
    emitRowChanged(row);
    if (unreviewedCount() != before) {
        Q_EMIT unreviewedCountChanged(unreviewedCount());
    }
    if (m_alerts[std::size_t(row)].qualification == core::Qualification::Unreviewed) {
        Q_EMIT postponeEnded(uid);
    }
}

bool AlertListModel::isProminent(const core::Alert& alert) const {
    return alert.qualification == core::Qualification::Unreviewed &&
           !m_postponed.contains(QString::fromStdString(alert.uid));
}

void AlertListModel::clear() {
    beginResetModel();
    m_alerts.clear();
    m_thumbnails.clear();
    m_takenBy.clear();
    m_postponed.clear();
    endResetModel();
    Q_EMIT unreviewedCountChanged(0);
}

int AlertListModel::removeAlerts(const std::function<bool(const core::Alert&)>& predicate) {
    const int before = unreviewedCount();
    int removed = 0;
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (!predicate(m_alerts[std::size_t(row)])) {
            continue;
        }
        eraseRow(row);
        ++removed;
    }
    if (unreviewedCount() != before) {
        Q_EMIT unreviewedCountChanged(unreviewedCount());
    }
    return removed;
}

const core::Alert* AlertListModel::alertAt(int row) const {
    return row >= 0 && std::size_t(row) < m_alerts.size() ? &m_alerts[std::size_t(row)] : nullptr;
}

const core::Alert* AlertListModel::alertByUid(const QString& uid) const {
    return alertAt(rowOfUid(uid));
}

int AlertListModel::unreviewedCount() const {
    return int(std::count_if(m_alerts.begin(), m_alerts.end(),
                             [this](const core::Alert& a) { return isProminent(a); }));
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
    const QString uid = QString::fromStdString(a.uid);
    const auto col = static_cast<Column>(index.column());
    switch (role) {
        case UidRole:
            return uid;
        case CameraIdRole:
            return QString::fromStdString(a.cameraId);
        case EventRole:
            return int(a.event);
        case QualificationRole:
            return int(a.qualification);
        case WallStartMsRole:
            return qint64(a.wallStartMs);
        default:
            break;
    }
    const bool postponed = m_postponed.contains(uid);
    // Postponed alerts leave the prominent look until they come back.
    const bool unreviewed = a.qualification == core::Qualification::Unreviewed && !postponed;
    if (role == Qt::DisplayRole) {
        switch (col) {
            case ThumbnailColumn:
                return {};
            case TimeColumn:
                return QDateTime::fromMSecsSinceEpoch(a.wallStartMs)
                    .toString(QStringLiteral("HH:mm:ss"));
            case SeverityColumn:
                return severityLabel(a.severity);
            case CameraColumn:
                return cameraName(QString::fromStdString(a.cameraId));
            case EventColumn:
                return eventLabel(a.event);
            case ScoreColumn:
                return QString::number(a.score, 'f', 2);
            case StateColumn:
                if (postponed) {
                    return tr("Reportée");
                }
                if (unreviewed) {
                    if (m_takenBy.contains(uid)) {
                        return tr("Vue (%1)").arg(m_takenBy.value(uid));
                    }
                    return a.open ? tr("Nouvelle (en cours)") : tr("Nouvelle");
                }
                if (!a.qualifiedBy.empty()) {
                    return tr("%1 (%2)").arg(qualificationLabel(a.qualification),
                                             QString::fromStdString(a.qualifiedBy));
                }
                return qualificationLabel(a.qualification);
            case ColumnCount:
                break;
        }
        return {};
    }
    if (role == Qt::DecorationRole && col == ThumbnailColumn) {
        const auto it = m_thumbnails.constFind(uid);
        return it == m_thumbnails.constEnd() ? QVariant() : QVariant(it.value());
    }
    if (role == Qt::SizeHintRole && col == ThumbnailColumn) {
        return kThumbnailSize + QSize(6, 4);
    }
    if (role == Qt::ToolTipRole) {
        QString tip = tr("%1 le %2 — règle %3, zone %4, de %5 s à %6 s")
                          .arg(eventLabel(a.event),
                               QDateTime::fromMSecsSinceEpoch(a.wallStartMs)
                                   .toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")),
                               QString::fromStdString(a.ruleId), QString::fromStdString(a.zoneId))
                          .arg(double(a.startUs) / 1e6, 0, 'f', 1)
                          .arg(double(a.endUs) / 1e6, 0, 'f', 1);
        if (!a.comment.empty()) {
            tip +=
                QLatin1Char('\n') + tr("Commentaire : %1").arg(QString::fromStdString(a.comment));
        }
        return tip;
    }
    if (role == Qt::FontRole && unreviewed) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::BackgroundRole && unreviewed) {
        // Unreviewed alerts stay prominent: tinted with their severity, paired with the
        // bold text and the « Nouvelle » state (colour is never the only cue).
        QColor c = severityColour(a.severity);
        c.setAlpha(m_takenBy.contains(uid) ? 40 : 80);
        return c;
    }
    if (role == Qt::ForegroundRole) {
        if (col == SeverityColumn) {
            return severityColour(a.severity).lighter(150);
        }
        if (!unreviewed) {
            return QColor(0xBD, 0xC1, 0xC6);
        }
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
        case ThumbnailColumn:
            return tr("Image");
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
