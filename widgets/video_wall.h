#pragma once
// A wall of video tiles (3×3 by default) with in-place enlargement (double-click or
// Entrée toggles; Échap restores), number keys 1–9 to select a tile and arrows to move the
// selection. No PTZ: arrows never drive a camera.
// Thread: GUI thread only.

#include <QWidget>

#include <vector>

#include "widgets/video_tile.h"

class QGridLayout;

namespace vigie::widgets {

class VideoWall : public QWidget {
    Q_OBJECT

public:
    explicit VideoWall(int rows = 3, int columns = 3, int firstNumber = 1,
                       QWidget* parent = nullptr);

    int tileCount() const { return int(m_tiles.size()); }
    VideoTile* tile(int index) const;
    VideoTile* tileForCamera(const QString& cameraId) const;
    // Index of the enlarged tile, or -1 when the whole wall is shown.
    int enlargedIndex() const { return m_enlarged; }
    int selectedIndex() const { return m_selected; }

public Q_SLOTS:
    void toggleEnlarged(int index);
    void restore();
    void select(int index);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    int m_rows;
    int m_columns;
    int m_enlarged = -1;
    int m_selected = 0;
    QGridLayout* m_grid = nullptr;
    std::vector<VideoTile*> m_tiles;
};

}  // namespace vigie::widgets
