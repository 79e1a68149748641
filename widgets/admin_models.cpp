#include "widgets/admin_models.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QStringList>

#include <algorithm>

#include "core/log.h"
#include "widgets/access_labels.h"

namespace vigie::widgets {

namespace {

QStringList toQStringList(const std::vector<std::string>& values) {
    QStringList list;
    for (const auto& v : values) {
        list << QString::fromStdString(v);
    }
    return list;
}

QString transportLabel(core::Transport transport) {
    switch (transport) {
        case core::Transport::Tcp:
            return QStringLiteral("TCP");
        case core::Transport::Udp:
            return QStringLiteral("UDP");
        case core::Transport::Multicast:
            return QStringLiteral("Multicast");
        case core::Transport::Auto:
        case core::Transport::Invalid:
            break;
    }
    return QStringLiteral("Auto");
}

}  // namespace

QString formatTimeMs(std::int64_t unixMs) {
    if (unixMs <= 0) {
        return QCoreApplication::translate("vigie::widgets::AdminCameraModel", "jamais");
    }
    return QDateTime::fromMSecsSinceEpoch(unixMs).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"));
}

// --- cameras ----------------------------------------------------------------------------------

AdminCameraModel::AdminCameraModel(QObject* parent) : QAbstractTableModel(parent) {}

void AdminCameraModel::setCameras(std::vector<core::Camera> cameras) {
    beginResetModel();
    m_cameras = std::move(cameras);
    endResetModel();
}

const core::Camera* AdminCameraModel::cameraAt(int row) const {
    return row >= 0 && row < rowCount() ? &m_cameras[std::size_t(row)] : nullptr;
}

int AdminCameraModel::rowOf(const QString& cameraId) const {
    for (std::size_t i = 0; i < m_cameras.size(); ++i) {
        if (QString::fromStdString(m_cameras[i].id) == cameraId) {
            return int(i);
        }
    }
    return -1;
}

int AdminCameraModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_cameras.size());
}

int AdminCameraModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdminCameraModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::Camera& c = m_cameras[std::size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case NameColumn:
                    return QString::fromStdString(c.name);
                case IdColumn:
                    return QString::fromStdString(c.id);
                case SourceColumn:
                    return QString::fromStdString(core::redactUrl(c.source.url));
                case TransportColumn:
                    return transportLabel(c.source.transport);
                case FpsColumn:
                    return QLocale().toString(c.analysisFps, 'f', 1);
                case EnabledColumn:
                    return c.enabled ? tr("Activée") : tr("Désactivée");
                default:
                    return {};
            }
        case Qt::ForegroundRole:
            return c.enabled ? QVariant() : QVariant(QColor(0x9E, 0x9E, 0x9E));
        case IdRole:
            return QString::fromStdString(c.id);
        case EnabledRole:
            return c.enabled;
        default:
            return {};
    }
}

QVariant AdminCameraModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case NameColumn:
            return tr("Nom");
        case IdColumn:
            return tr("Identifiant");
        case SourceColumn:
            return tr("Source");
        case TransportColumn:
            return tr("Transport");
        case FpsColumn:
            return tr("Analyse (i/s)");
        case EnabledColumn:
            return tr("État");
        default:
            return {};
    }
}

// --- accounts ---------------------------------------------------------------------------------

AdminUserModel::AdminUserModel(QObject* parent) : QAbstractTableModel(parent) {}

void AdminUserModel::setAccounts(std::vector<core::AccountInfo> accounts, std::int64_t nowMs) {
    beginResetModel();
    m_accounts = std::move(accounts);
    m_nowMs = nowMs;
    endResetModel();
}

const core::AccountInfo* AdminUserModel::accountAt(int row) const {
    return row >= 0 && row < rowCount() ? &m_accounts[std::size_t(row)] : nullptr;
}

int AdminUserModel::rowOf(const QString& login) const {
    for (std::size_t i = 0; i < m_accounts.size(); ++i) {
        if (QString::fromStdString(m_accounts[i].spec.login) == login) {
            return int(i);
        }
    }
    return -1;
}

int AdminUserModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AdminUserModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdminUserModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::AccountInfo& a = m_accounts[std::size_t(index.row())];
    const bool locked = a.lockedUntilMs > m_nowMs;
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case LoginColumn:
                    return QString::fromStdString(a.spec.login);
                case NameColumn:
                    return QString::fromStdString(a.spec.displayName);
                case LevelColumn:
                    return levelLabel(a.spec.level);
                case GroupsColumn:
                    return toQStringList(a.spec.groups).join(QStringLiteral(", "));
                case ProfilesColumn:
                    return toQStringList(a.spec.profiles).join(QStringLiteral(", "));
                case CamerasColumn:
                    return a.spec.cameraScope.empty()
                               ? tr("Toutes")
                               : toQStringList(a.spec.cameraScope).join(QStringLiteral(", "));
                case StateColumn:
                    if (a.spec.disabled) {
                        return tr("Désactivé");
                    }
                    return locked ? tr("Verrouillé") : tr("Actif");
                case LastLoginColumn:
                    return formatTimeMs(a.lastLoginMs);
                default:
                    return {};
            }
        case Qt::ForegroundRole:
            if (a.spec.disabled) {
                return QColor(0x9E, 0x9E, 0x9E);
            }
            return locked ? QVariant(QColor(0xC6, 0x28, 0x28)) : QVariant();
        case LoginRole:
            return QString::fromStdString(a.spec.login);
        default:
            return {};
    }
}

QVariant AdminUserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case LoginColumn:
            return tr("Identifiant");
        case NameColumn:
            return tr("Nom");
        case LevelColumn:
            return tr("Niveau");
        case GroupsColumn:
            return tr("Groupes");
        case ProfilesColumn:
            return tr("Profils");
        case CamerasColumn:
            return tr("Caméras");
        case StateColumn:
            return tr("État");
        case LastLoginColumn:
            return tr("Dernière connexion");
        default:
            return {};
    }
}

// --- audit ------------------------------------------------------------------------------------

AdminAuditModel::AdminAuditModel(QObject* parent) : QAbstractTableModel(parent) {}

void AdminAuditModel::setRecords(std::vector<core::AuditRecord> records) {
    beginResetModel();
    m_records = std::move(records);
    std::sort(m_records.begin(), m_records.end(),
              [](const core::AuditRecord& a, const core::AuditRecord& b) { return a.seq > b.seq; });
    endResetModel();
}

void AdminAuditModel::setBrokenSeq(std::int64_t seq) {
    m_brokenSeq = seq;
    if (!m_records.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

const core::AuditRecord* AdminAuditModel::recordAt(int row) const {
    return row >= 0 && row < rowCount() ? &m_records[std::size_t(row)] : nullptr;
}

int AdminAuditModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_records.size());
}

int AdminAuditModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdminAuditModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::AuditRecord& r = m_records[std::size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case SeqColumn:
                    return QString::number(r.seq);
                case TimeColumn:
                    return formatTimeMs(r.timeMs);
                case ActorColumn:
                    return QString::fromStdString(r.actor);
                case ActionColumn:
                    return QString::fromStdString(r.action);
                case TargetColumn:
                    return QString::fromStdString(r.target);
                case DetailsColumn:
                    return QString::fromStdString(r.detailsJson);
                default:
                    return {};
            }
        case Qt::ToolTipRole:
            return tr("Empreinte : %1\nPrécédente : %2")
                .arg(QString::fromStdString(r.hash), QString::fromStdString(r.prevHash));
        case Qt::ForegroundRole:
            return m_brokenSeq != 0 && r.seq >= m_brokenSeq ? QVariant(QColor(0xC6, 0x28, 0x28))
                                                            : QVariant();
        case SeqRole:
            return qlonglong(r.seq);
        default:
            return {};
    }
}

QVariant AdminAuditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case SeqColumn:
            return tr("N°");
        case TimeColumn:
            return tr("Heure");
        case ActorColumn:
            return tr("Auteur");
        case ActionColumn:
            return tr("Action");
        case TargetColumn:
            return tr("Cible");
        case DetailsColumn:
            return tr("Détails");
        default:
            return {};
    }
}

}  // namespace vigie::widgets
