#include "widgets/video_wall.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QSettings>

namespace vigie::widgets {

VideoWall::VideoWall(int rows, int columns, int firstNumber, QWidget* parent)
    : QWidget(parent), m_rows(rows), m_columns(columns), m_firstNumber(firstNumber) {
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
            connect(t, &VideoTile::cameraDropped, this, &VideoWall::cameraDropped);
            connect(t, &VideoTile::tileDropped, this, &VideoWall::tileDropped);
            connect(t, &VideoTile::menuRequested, this, &VideoWall::tileMenuRequested);
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

VideoTile* VideoWall::tileByNumber(int number) const {
    return tile(number - m_firstNumber);
}

VideoTile* VideoWall::tileForCamera(const QString& cameraId) const {
    if (cameraId.isEmpty()) {
        return nullptr;
    }
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
    restore();
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
    Q_EMIT selectionChanged(m_firstNumber + index);
}

void VideoWall::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    const auto mods = event->modifiers() & ~Qt::KeypadModifier;
    if (key >= Qt::Key_1 && key <= Qt::Key_9 && mods == Qt::NoModifier) {
        // The numeric keypad is laid out as the grid: 7 8 9 on top, 1 2 3 at the bottom.
        int index = key - Qt::Key_1;
        if ((event->modifiers() & Qt::KeypadModifier) && m_rows == 3 && m_columns == 3) {
            index = (2 - index / 3) * 3 + index % 3;
        }
        select(index);
        m_tiles[std::size_t(m_selected)]->setFocus();
        return;
    }
    if (key == Qt::Key_Escape && m_enlarged >= 0) {
        restore();
        return;
    }
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && mods == Qt::NoModifier) {
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

// --- WallLayoutStore ----------------------------------------------------------------------

WallLayoutStore::WallLayoutStore(QSettings* settings) : m_settings(settings) {}

QString WallLayoutStore::userGroup(const QString& login) {
    // Logins are [A-Za-z0-9._@-]: safe as a settings key once '@' is kept out of INI syntax.
    QString key = login;
    key.replace(QLatin1Char('@'), QStringLiteral("_at_"));
    return QStringLiteral("layouts/") + (key.isEmpty() ? QStringLiteral("_") : key);
}

std::optional<WallLayout> WallLayoutStore::load(const QString& login, int view) const {
    if (m_settings == nullptr) {
        return std::nullopt;
    }
    const QString group = userGroup(login) + QStringLiteral("/view%1").arg(view);
    if (!m_settings->value(group + QStringLiteral("/saved")).toBool()) {
        return std::nullopt;
    }
    WallLayout layout;
    m_settings->beginGroup(group + QStringLiteral("/tiles"));
    const QStringList keys = m_settings->childKeys();
    for (const QString& k : keys) {
        bool ok = false;
        const int number = k.toInt(&ok);
        if (ok) {
            layout.insert(number, m_settings->value(k).toString());
        }
    }
    m_settings->endGroup();
    return layout;
}

void WallLayoutStore::save(const QString& login, int view, const WallLayout& layout) {
    if (m_settings == nullptr) {
        return;
    }
    const QString group = userGroup(login) + QStringLiteral("/view%1").arg(view);
    m_settings->remove(group);
    m_settings->setValue(group + QStringLiteral("/saved"), true);
    for (auto it = layout.cbegin(); it != layout.cend(); ++it) {
        m_settings->setValue(group + QStringLiteral("/tiles/%1").arg(it.key()), it.value());
    }
    m_settings->sync();
}

int WallLayoutStore::currentView(const QString& login) const {
    if (m_settings == nullptr) {
        return 1;
    }
    const int view =
        m_settings->value(userGroup(login) + QStringLiteral("/currentView"), 1).toInt();
    return view >= 1 && view <= kViewCount ? view : 1;
}

void WallLayoutStore::setCurrentView(const QString& login, int view) {
    if (m_settings != nullptr) {
        m_settings->setValue(userGroup(login) + QStringLiteral("/currentView"), view);
    }
}

QByteArray WallLayoutStore::uiState(const QString& login, const QString& key) const {
    return m_settings == nullptr
               ? QByteArray()
               : m_settings->value(userGroup(login) + QStringLiteral("/ui/") + key).toByteArray();
}

void WallLayoutStore::setUiState(const QString& login, const QString& key,
                                 const QByteArray& state) {
    if (m_settings != nullptr) {
        m_settings->setValue(userGroup(login) + QStringLiteral("/ui/") + key, state);
    }
}

}  // namespace vigie::widgets
