#include "widgets/camera_tree_model.h"

#include <QMimeData>

#include "widgets/labels.h"
#include "widgets/video_tile.h"

namespace vigie::widgets {

CameraTreeModel::CameraTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void CameraTreeModel::setCameras(const QString& siteName,
                                 const std::vector<core::Camera>& cameras) {
    beginResetModel();
    m_siteName = siteName;
    m_cameras.clear();
    for (const auto& c : cameras) {
        m_cameras.push_back({QString::fromStdString(c.id),
                             QString::fromStdString(c.name.empty() ? c.id : c.name), c.enabled,
                             core::CameraState::Invalid});
    }
    endResetModel();
}

void CameraTreeModel::setCameraState(const QString& cameraId, core::CameraState state) {
    for (std::size_t i = 0; i < m_cameras.size(); ++i) {
        if (m_cameras[i].id == cameraId && m_cameras[i].state != state) {
            m_cameras[i].state = state;
            const QModelIndex idx = index(int(i), NameColumn, index(0, 0));
            Q_EMIT dataChanged(idx, idx);
        }
    }
}

void CameraTreeModel::setTiles(const QHash<QString, int>& tileOfCamera) {
    m_tiles = tileOfCamera;
    if (!m_cameras.empty()) {
        const QModelIndex root = index(0, 0);
        Q_EMIT dataChanged(index(0, TileColumn, root),
                           index(int(m_cameras.size()) - 1, TileColumn, root));
    }
}

QModelIndex CameraTreeModel::indexOfCamera(const QString& cameraId) const {
    for (std::size_t i = 0; i < m_cameras.size(); ++i) {
        if (m_cameras[i].id == cameraId) {
            return index(int(i), NameColumn, index(0, 0));
        }
    }
    return {};
}

QModelIndex CameraTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row == 0 ? createIndex(row, column, quintptr(0)) : QModelIndex();
    }
    if (parent.internalId() == 0 && parent.column() == 0 && row < int(m_cameras.size())) {
        return createIndex(row, column, quintptr(row + 1));
    }
    return {};
}

QModelIndex CameraTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0) {
        return {};
    }
    return createIndex(0, 0, quintptr(0));
}

int CameraTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) {
        return 1;
    }
    if (parent.internalId() == 0 && parent.column() == 0) {
        return int(m_cameras.size());
    }
    return 0;
}

int CameraTreeModel::columnCount(const QModelIndex& parent) const {
    (void)parent;
    return ColumnCount;
}

QVariant CameraTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.model() != this) {
        return {};
    }
    if (index.internalId() == 0) {
        if (role == Qt::DisplayRole && index.column() == NameColumn) {
            return m_siteName.isEmpty() ? tr("Site") : m_siteName;
        }
        return {};
    }
    const std::size_t row = std::size_t(index.internalId() - 1);
    if (row >= m_cameras.size()) {
        return {};
    }
    const Entry& e = m_cameras[row];
    switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn) {
                return e.name;
            }
            if (m_tiles.contains(e.id)) {
                return m_tiles.value(e.id);
            }
            return {};
        case CameraIdRole:
            return e.id;
        case Qt::ToolTipRole: {
            QString tip = tr("%1 (identifiant %2)").arg(e.name, e.id);
            if (!e.enabled) {
                tip += QLatin1Char('\n') + tr("Caméra désactivée");
            } else if (e.state != core::CameraState::Invalid) {
                tip += QLatin1Char('\n') + cameraStateLabel(e.state);
            }
            return tip;
        }
        case Qt::DecorationRole:
            if (index.column() == NameColumn) {
                // Colour paired with the tooltip text: never colour alone.
                return e.enabled ? healthColour(e.state == core::CameraState::Invalid
                                                    ? core::HealthLevel::Unknown
                                                    : core::healthLevel(e.state))
                                 : QColor(0x42, 0x42, 0x42);
            }
            return {};
        case Qt::ForegroundRole:
            return e.enabled ? QVariant() : QVariant(QColor(0x80, 0x80, 0x80));
        default:
            return {};
    }
}

QVariant CameraTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == NameColumn ? tr("Caméra") : tr("Tuile");
}

Qt::ItemFlags CameraTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != 0) {
        f |= Qt::ItemIsDragEnabled;
    }
    return f;
}

QStringList CameraTreeModel::mimeTypes() const {
    return {QString::fromLatin1(kCameraMimeType)};
}

QMimeData* CameraTreeModel::mimeData(const QModelIndexList& indexes) const {
    for (const QModelIndex& i : indexes) {
        if (i.isValid() && i.internalId() != 0) {
            auto* mime = new QMimeData;
            mime->setData(QString::fromLatin1(kCameraMimeType),
                          data(i, CameraIdRole).toString().toUtf8());
            return mime;
        }
    }
    return nullptr;
}

}  // namespace vigie::widgets
