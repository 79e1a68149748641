#pragma once
// Weekly schedules (« plannings ») as the rule builder edits them.
//
// ScheduleGrid: a Lun–Dim × 24 h grid of half-hour cells painted by click-drag (the drag
// paints the rectangle between the pressed cell and the current one; it switches cells on
// when the pressed cell was off, off when it was on), with a marker at the current day and
// time of the site. It reads and writes core::WeeklyWindow lists: each day's runs of cells
// become windows, and days with the same runs share one window (Mon–Fri 08:00–19:00 is one
// window with five days). Painted windows never span midnight; windows loaded from a file
// are given back unchanged until the grid is painted (a window 22:00–06:00 then becomes
// 22:00–24:00 plus 00:00–06:00 the next day, which matters only to exceptions, see
// core/schedule.h). Windows not on half-hours are widened to whole cells, and
// wasRounded() says so.
//
// ScheduleEditor: the grid, a name, presets, and the exceptions (a date off all day, or
// replacement windows for that date) with a month calendar where those dates are bold
// → core::Schedule.
//
// Thread: GUI thread only. Ownership: plain QWidgets owned by their parent.

#include <QDateTime>
#include <QTimeZone>
#include <QTimer>
#include <QWidget>

#include <array>
#include <optional>
#include <vector>

#include "core/site.h"

class QCalendarWidget;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace vigie::widgets {

class ScheduleGrid : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSlotMinutes = 30;
    static constexpr int kSlotsPerDay = 1440 / kSlotMinutes;
    static constexpr int kDays = 7;

    explicit ScheduleGrid(QWidget* parent = nullptr);

    void setWeekly(const std::vector<core::WeeklyWindow>& windows);
    std::vector<core::WeeklyWindow> weekly() const;
    bool wasRounded() const { return m_rounded; }

    // day: 0 = Monday … 6 = Sunday; slot: 0 … kSlotsPerDay - 1.
    bool isActive(int day, int slot) const;
    void setRange(int day, int startMin, int endMin, bool on);
    void clear();
    // The cell of (day, minute of day) in widget coordinates: for tests and the editor.
    QRect cellRect(int day, int slot) const;
    QPoint cellCentre(int day, int minuteOfDay) const;

    // "Now" for the marker: by default the clock in the site's time zone, refreshed every
    // 30 s; tests set a fixed instant.
    void setTimeZone(const QTimeZone& zone);
    void setNow(const QDateTime& now);
    QDateTime now() const;

    QSize sizeHint() const override { return {900, 240}; }
    QSize minimumSizeHint() const override { return {500, 170}; }

Q_SIGNALS:
    void weeklyChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Cell {
        int day = -1;
        int slot = -1;
    };
    QRectF gridRect() const;
    std::optional<Cell> cellAt(const QPointF& pos) const;
    bool inDrag(int day, int slot) const;

    std::array<std::array<bool, kSlotsPerDay>, kDays> m_cells{};
    std::vector<core::WeeklyWindow> m_loaded;  // given back while not painted
    bool m_painted = false;
    bool m_rounded = false;
    bool m_dragging = false;
    bool m_paintValue = true;
    Cell m_anchor;
    Cell m_current;
    QTimeZone m_zone;
    QDateTime m_fixedNow;
    QTimer m_clock;
};

class ScheduleEditor : public QWidget {
    Q_OBJECT

public:
    explicit ScheduleEditor(QWidget* parent = nullptr);

    void setSchedule(const core::Schedule& schedule);
    core::Schedule schedule() const;
    ScheduleGrid* grid() const { return m_grid; }
    void setTimeZone(const QTimeZone& zone);

    // Exceptions, also reachable through the form (date, mode, windows, « Ajouter »).
    const std::vector<core::ScheduleException>& exceptions() const { return m_exceptions; }
    void addException(const core::ScheduleException& exception);
    void removeException(int index);

    // "08:00-12:00, 14:00-18:30" → windows; nullopt when the text is not such a list.
    static std::optional<std::vector<core::WeeklyWindow>> parseWindows(const QString& text);
    static QString formatWindows(const std::vector<core::WeeklyWindow>& windows);

Q_SIGNALS:
    void scheduleChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refreshExceptions();
    void addExceptionFromForm();
    void updateModeState();

    QString m_id;
    QLineEdit* m_name = nullptr;
    ScheduleGrid* m_grid = nullptr;
    QLabel* m_gridNote = nullptr;
    QPushButton* m_presetOffice = nullptr;
    QPushButton* m_presetAlways = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_exceptionsTitle = nullptr;
    QCalendarWidget* m_calendar = nullptr;
    QListWidget* m_exceptionList = nullptr;
    QDateEdit* m_date = nullptr;
    QComboBox* m_mode = nullptr;
    QLineEdit* m_windows = nullptr;
    QPushButton* m_addException = nullptr;
    QPushButton* m_removeException = nullptr;
    QLabel* m_exceptionError = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_dateLabel = nullptr;
    QLabel* m_modeLabel = nullptr;
    QLabel* m_windowsLabel = nullptr;
    std::vector<core::ScheduleException> m_exceptions;
};

}  // namespace vigie::widgets
