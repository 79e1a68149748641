#pragma once
// The camera list the operator drags onto the walls: one root per site, its cameras below
// (only those the user may see), with the state of each camera (coloured mark + tooltip)
// and the tile that shows it. Camera rows drag as kCameraMimeType (the camera id).
// Thread: GUI thread only.

#include <QAbstractItemModel>
#include <QHash>

#include <vector>

#include "core/health.h"
#include "core/site.h"

namespace vigie::widgets {

class CameraTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { NameColumn = 0, TileColumn, ColumnCount };
    static constexpr int CameraIdRole = Qt::UserRole + 1;

    explicit CameraTreeModel(QObject* parent = nullptr);

    // The site's name and the cameras to list (already filtered by the user's scope).
    void setCameras(const QString& siteName, const std::vector<core::Camera>& cameras);
    void setCameraState(const QString& cameraId, core::CameraState state);
    // Camera id → tile number, for the « Tuile » column.
    void setTiles(const QHash<QString, int>& tileOfCamera);
    QModelIndex indexOfCamera(const QString& cameraId) const;
    int cameraCount() const { return int(m_cameras.size()); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

private:
    // internalId: 0 for the site row, camera row + 1 for a camera.
    struct Entry {
        QString id;
        QString name;
        bool enabled = true;
        core::CameraState state = core::CameraState::Invalid;
    };
    QString m_siteName;
    std::vector<Entry> m_cameras;
    QHash<QString, int> m_tiles;
};

}  // namespace vigie::widgets
