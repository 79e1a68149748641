#pragma once
// A wall of video tiles (3×3 by default, numbered from `firstNumber`) with in-place
// enlargement (double-click or Entrée toggles; Échap restores), number keys 1–9 to select a
// tile (numpad laid out as the 3×3 grid) and arrows to move the selection. No PTZ: arrows
// never drive a camera. Drops and menu requests of its tiles are forwarded with the tile
// number; the window owning the walls decides what goes where.
//
// WallLayoutStore keeps which camera each tile shows, per user login and per view, in a
// QSettings the application owns (group "layouts/<login>/view<n>"). Every tile of a saved
// view is written, empty ones included, so a camera added to the site never appears in a
// layout the user did not put it in (Bluecherry issue 334).
//
// Thread: GUI thread only. Ownership: tiles are children of the wall; the store borrows its
// QSettings.

#include <QMap>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

#include "widgets/video_tile.h"

class QGridLayout;
class QSettings;

namespace vigie::widgets {

class VideoWall : public QWidget {
    Q_OBJECT

public:
    explicit VideoWall(int rows = 3, int columns = 3, int firstNumber = 1,
                       QWidget* parent = nullptr);

    int tileCount() const { return int(m_tiles.size()); }
    int firstNumber() const { return m_firstNumber; }
    VideoTile* tile(int index) const;
    const std::vector<VideoTile*>& tiles() const { return m_tiles; }
    // The tile with this number (firstNumber … firstNumber + tileCount − 1), or null.
    VideoTile* tileByNumber(int number) const;
    VideoTile* tileForCamera(const QString& cameraId) const;
    // Index of the enlarged tile, or -1 when the whole wall is shown.
    int enlargedIndex() const { return m_enlarged; }
    int selectedIndex() const { return m_selected; }

public Q_SLOTS:
    void toggleEnlarged(int index);
    void restore();
    void select(int index);

Q_SIGNALS:
    void cameraDropped(int tileNumber, const QString& cameraId);
    void tileDropped(int tileNumber, int sourceTileNumber);
    void tileMenuRequested(int tileNumber, const QPoint& globalPos);
    void selectionChanged(int tileNumber);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    int m_rows;
    int m_columns;
    int m_firstNumber;
    int m_enlarged = -1;
    int m_selected = 0;
    QGridLayout* m_grid = nullptr;
    std::vector<VideoTile*> m_tiles;
};

// Tile number → camera id; an empty id is an empty tile.
using WallLayout = QMap<int, QString>;

class WallLayoutStore {
public:
    static constexpr int kViewCount = 9;

    explicit WallLayoutStore(QSettings* settings);

    // The layout saved for this user and view, or nullopt when the user never saved it.
    std::optional<WallLayout> load(const QString& login, int view) const;
    void save(const QString& login, int view, const WallLayout& layout);
    // The view the user last looked at (1 when none).
    int currentView(const QString& login) const;
    void setCurrentView(const QString& login, int view);
    // Free-form UI state of the user (splitters, dock), by key.
    QByteArray uiState(const QString& login, const QString& key) const;
    void setUiState(const QString& login, const QString& key, const QByteArray& state);

private:
    static QString userGroup(const QString& login);
    QSettings* m_settings;
};

}  // namespace vigie::widgets
