#include "widgets/video_wall.h"

#include <QGridLayout>
#include <QKeyEvent>

namespace vigie::widgets {

VideoWall::VideoWall(int rows, int columns, int firstNumber, QWidget* parent)
    : QWidget(parent), m_rows(rows), m_columns(columns) {
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const int index = r * columns + c;
            auto* t = new VideoTile(firstNumber + index, this);
            t->setObjectName(QStringLiteral("tile%1").arg(firstNumber + index));
            m_grid->addWidget(t, r, c);
            connect(t, &VideoTile::activated, this, [this, index] { toggleEnlarged(index); });
            connect(t, &VideoTile::clicked, this, [this, index] { select(index); });
            m_tiles.push_back(t);
        }
    }
    for (int r = 0; r < rows; ++r) {
        m_grid->setRowStretch(r, 1);
    }
    for (int c = 0; c < columns; ++c) {
        m_grid->setColumnStretch(c, 1);
    }
    setFocusPolicy(Qt::StrongFocus);
    select(0);
}

VideoTile* VideoWall::tile(int index) const {
    return index >= 0 && index < tileCount() ? m_tiles[std::size_t(index)] : nullptr;
}

VideoTile* VideoWall::tileForCamera(const QString& cameraId) const {
    for (auto* t : m_tiles) {
        if (t->cameraId() == cameraId) {
            return t;
        }
    }
    return nullptr;
}

void VideoWall::toggleEnlarged(int index) {
    if (m_enlarged == index || index < 0 || index >= tileCount()) {
        restore();
        return;
    }
    m_enlarged = index;
    for (int i = 0; i < tileCount(); ++i) {
        m_tiles[std::size_t(i)]->setVisible(i == index);
    }
    m_grid->removeWidget(m_tiles[std::size_t(index)]);
    m_grid->addWidget(m_tiles[std::size_t(index)], 0, 0, m_rows, m_columns);
    select(index);
}

void VideoWall::restore() {
    if (m_enlarged < 0) {
        return;
    }
    auto* t = m_tiles[std::size_t(m_enlarged)];
    m_grid->removeWidget(t);
    m_grid->addWidget(t, m_enlarged / m_columns, m_enlarged % m_columns);
    for (auto* each : m_tiles) {
        each->setVisible(true);
    }
    m_enlarged = -1;
}

void VideoWall::select(int index) {
    if (index < 0 || index >= tileCount()) {
        return;
    }
    m_selected = index;
    for (int i = 0; i < tileCount(); ++i) {
        m_tiles[std::size_t(i)]->setSelected(i == index);
    }
}

void VideoWall::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_9 && event->modifiers() == Qt::NoModifier) {
        select(key - Qt::Key_1);
        m_tiles[std::size_t(m_selected)]->setFocus();
        return;
    }
    if (key == Qt::Key_Escape && m_enlarged >= 0) {
        restore();
        return;
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        toggleEnlarged(m_selected);
        return;
    }
    int r = m_selected / m_columns;
    int c = m_selected % m_columns;
    switch (key) {
        case Qt::Key_Left:
            c = (c + m_columns - 1) % m_columns;
            break;
        case Qt::Key_Right:
            c = (c + 1) % m_columns;
            break;
        case Qt::Key_Up:
            r = (r + m_rows - 1) % m_rows;
            break;
        case Qt::Key_Down:
            r = (r + 1) % m_rows;
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
    }
    select(r * m_columns + c);
    m_tiles[std::size_t(m_selected)]->setFocus();
}

}  // namespace vigie::widgets
