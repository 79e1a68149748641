#include "widgets/schedule_grid.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextCharFormat>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace vigie::widgets {

namespace {

constexpr int kLabelWidth = 44;
constexpr int kHeaderHeight = 20;
constexpr int kClockRefreshMs = 30000;

const QColor kActiveColour(0x26, 0x80, 0x8F);
const QColor kInactiveColour(0x17, 0x18, 0x1A);
const QColor kLineColour(0x3A, 0x3C, 0x40);
const QColor kNowColour(0xFF, 0xFF, 0xFF);
const QColor kErrorColour(0xEF, 0x53, 0x50);

QString clock(int minutes) {
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

void setErrorStyle(QLabel* label) {
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, kErrorColour);
    label->setPalette(pal);
}

}  // namespace

// --- ScheduleGrid ----------------------------------------------------------------------

ScheduleGrid::ScheduleGrid(QWidget* parent) : QWidget(parent), m_zone(QTimeZone::systemTimeZone()) {
    setObjectName(QStringLiteral("scheduleGrid"));
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_clock.setInterval(kClockRefreshMs);
    connect(&m_clock, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_clock.start();
    setAccessibleName(tr("Planning hebdomadaire"));
}

void ScheduleGrid::setWeekly(const std::vector<core::WeeklyWindow>& windows) {
    for (auto& day : m_cells) {
        day.fill(false);
    }
    m_loaded = windows;
    m_painted = false;
    m_rounded = false;
    auto mark = [this](int day, int startMin, int endMin) {
        if (startMin % kSlotMinutes != 0 || endMin % kSlotMinutes != 0) {
            m_rounded = true;
        }
        const int first = std::clamp(startMin / kSlotMinutes, 0, kSlotsPerDay);
        const int last = std::clamp((endMin + kSlotMinutes - 1) / kSlotMinutes, 0, kSlotsPerDay);
        for (int s = first; s < last; ++s) {
            m_cells[std::size_t(day)][std::size_t(s)] = true;
        }
    };
    for (const auto& w : windows) {
        for (int d = 0; d < kDays; ++d) {
            if ((w.daysMask & (1U << unsigned(d))) == 0) {
                continue;
            }
            if (w.endMin > w.startMin) {
                mark(d, w.startMin, w.endMin);
            } else {
                // Spans midnight: the tail runs on the next day (Sunday → Monday).
                mark(d, w.startMin, 1440);
                mark((d + 1) % kDays, 0, w.endMin);
            }
        }
    }
    update();
}

std::vector<core::WeeklyWindow> ScheduleGrid::weekly() const {
    if (!m_painted) {
        return m_loaded;
    }
    // Runs of active cells per day; days with the same run share one window.
    std::map<std::pair<int, int>, std::uint8_t> runs;
    for (int d = 0; d < kDays; ++d) {
        int s = 0;
        while (s < kSlotsPerDay) {
            if (!m_cells[std::size_t(d)][std::size_t(s)]) {
                ++s;
                continue;
            }
            int e = s;
            while (e < kSlotsPerDay && m_cells[std::size_t(d)][std::size_t(e)]) {
                ++e;
            }
            runs[{s * kSlotMinutes, e * kSlotMinutes}] |= std::uint8_t(1U << unsigned(d));
            s = e;
        }
    }
    std::vector<core::WeeklyWindow> out;
    for (const auto& [span, mask] : runs) {
        core::WeeklyWindow w;
        w.daysMask = mask;
        w.startMin = span.first;
        w.endMin = span.second;
        out.push_back(w);
    }
    return out;
}

bool ScheduleGrid::isActive(int day, int slot) const {
    if (day < 0 || day >= kDays || slot < 0 || slot >= kSlotsPerDay) {
        return false;
    }
    return m_cells[std::size_t(day)][std::size_t(slot)];
}

void ScheduleGrid::setRange(int day, int startMin, int endMin, bool on) {
    if (day < 0 || day >= kDays) {
        return;
    }
    const int first = std::clamp(startMin / kSlotMinutes, 0, kSlotsPerDay);
    const int last = std::clamp((endMin + kSlotMinutes - 1) / kSlotMinutes, 0, kSlotsPerDay);
    for (int s = first; s < last; ++s) {
        m_cells[std::size_t(day)][std::size_t(s)] = on;
    }
    m_painted = true;
    update();
    Q_EMIT weeklyChanged();
}

void ScheduleGrid::clear() {
    for (auto& day : m_cells) {
        day.fill(false);
    }
    m_painted = true;
    m_rounded = false;
    update();
    Q_EMIT weeklyChanged();
}

QRectF ScheduleGrid::gridRect() const {
    return QRectF(kLabelWidth, kHeaderHeight, std::max(1, width() - kLabelWidth - 6),
                  std::max(1, height() - kHeaderHeight - 4));
}

QRect ScheduleGrid::cellRect(int day, int slot) const {
    const QRectF g = gridRect();
    const double cw = g.width() / kSlotsPerDay;
    const double rh = g.height() / kDays;
    return QRectF(g.left() + slot * cw, g.top() + day * rh, cw, rh).toAlignedRect();
}

QPoint ScheduleGrid::cellCentre(int day, int minuteOfDay) const {
    const QRectF g = gridRect();
    const double cw = g.width() / kSlotsPerDay;
    const double rh = g.height() / kDays;
    const int slot = std::clamp(minuteOfDay / kSlotMinutes, 0, kSlotsPerDay - 1);
    return QPointF(g.left() + (slot + 0.5) * cw, g.top() + (day + 0.5) * rh).toPoint();
}

std::optional<ScheduleGrid::Cell> ScheduleGrid::cellAt(const QPointF& pos) const {
    const QRectF g = gridRect();
    if (!g.contains(pos)) {
        return std::nullopt;
    }
    const int slot =
        std::clamp(int((pos.x() - g.left()) / (g.width() / kSlotsPerDay)), 0, kSlotsPerDay - 1);
    const int day = std::clamp(int((pos.y() - g.top()) / (g.height() / kDays)), 0, kDays - 1);
    return Cell{day, slot};
}

void ScheduleGrid::setTimeZone(const QTimeZone& zone) {
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    update();
}

void ScheduleGrid::setNow(const QDateTime& now) {
    m_fixedNow = now;
    update();
}

QDateTime ScheduleGrid::now() const {
    const QDateTime n = m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTime();
    return n.toTimeZone(m_zone);
}

bool ScheduleGrid::inDrag(int day, int slot) const {
    if (!m_dragging) {
        return false;
    }
    return day >= std::min(m_anchor.day, m_current.day) &&
           day <= std::max(m_anchor.day, m_current.day) &&
           slot >= std::min(m_anchor.slot, m_current.slot) &&
           slot <= std::max(m_anchor.slot, m_current.slot);
}

void ScheduleGrid::paintEvent(QPaintEvent* event) {
    (void)event;
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const QRectF g = gridRect();
    const double cw = g.width() / kSlotsPerDay;
    const double rh = g.height() / kDays;
    const QDateTime n = now();
    const int nowDay = n.date().dayOfWeek() - 1;
    const int nowMinute = n.time().hour() * 60 + n.time().minute();

    for (int d = 0; d < kDays; ++d) {
        for (int s = 0; s < kSlotsPerDay; ++s) {
            const QRectF cell(g.left() + s * cw, g.top() + d * rh, cw, rh);
            const bool on = inDrag(d, s) ? m_paintValue : isActive(d, s);
            QColor c = on ? kActiveColour : kInactiveColour;
            if (inDrag(d, s)) {
                c = c.lighter(130);
            }
            p.fillRect(cell, c);
        }
    }
    // Grid lines: every half hour faint, every hour and every day stronger.
    for (int s = 0; s <= kSlotsPerDay; ++s) {
        const double x = g.left() + s * cw;
        p.setPen(QPen(s % 2 == 0 ? kLineColour.lighter(130) : kLineColour, 1));
        p.drawLine(QPointF(x, g.top()), QPointF(x, g.bottom()));
    }
    for (int d = 0; d <= kDays; ++d) {
        const double y = g.top() + d * rh;
        p.setPen(QPen(kLineColour.lighter(150), 1));
        p.drawLine(QPointF(g.left(), y), QPointF(g.right(), y));
    }
    // Labels.
    static const std::array<const char*, kDays> kDayNames = {
        QT_TRANSLATE_NOOP("vigie::widgets::ScheduleGrid", "Lun"),
        QT_TRANSLATE_NOOP("vigie::widgets::ScheduleGrid", "Mar"),
        QT_TRANSLATE_NOOP("vigie::widgets::ScheduleGrid", "Mer"),
        QT_TRANSLATE_NOOP("vigie::widgets::ScheduleGrid", "Jeu"),
        QT_TRANSLATE_NOOP("vigie::widgets::ScheduleGrid", "Ven"),
        QT_TRANSLATE_NOOP("vigie::widgets::ScheduleGrid", "Sam"),
        QT_TRANSLATE_NOOP("vigie::widgets::ScheduleGrid", "Dim")};
    QFont f = font();
    for (int d = 0; d < kDays; ++d) {
        f.setBold(d == nowDay);
        p.setFont(f);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(0, g.top() + d * rh, kLabelWidth - 6, rh),
                   Qt::AlignRight | Qt::AlignVCenter, tr(kDayNames[std::size_t(d)]));
    }
    f.setBold(false);
    p.setFont(f);
    const int hourStep = cw * 2 >= 28 ? 1 : 2;
    for (int h = 0; h < 24; h += hourStep) {
        const double x = g.left() + h * 2 * cw;
        p.drawText(QRectF(x - 20, 0, 40, kHeaderHeight), Qt::AlignCenter,
                   QString::number(h).rightJustified(2, QLatin1Char('0')));
    }
    // "Now": a line at the current minute on today's row.
    if (nowDay >= 0 && nowDay < kDays) {
        const double x = g.left() + nowMinute * (cw / kSlotMinutes);
        const QRectF row(g.left(), g.top() + nowDay * rh, g.width(), rh);
        p.setPen(QPen(kNowColour, 2));
        p.drawLine(QPointF(x, row.top() - 3), QPointF(x, row.bottom() + 3));
        p.setBrush(kNowColour);
        const QPolygonF tip{QPointF(x - 5, row.top() - 8), QPointF(x + 5, row.top() - 8),
                            QPointF(x, row.top() - 2)};
        p.drawPolygon(tip);
    }
    if (hasFocus()) {
        p.setPen(QPen(QColor(0x4D, 0xD0, 0xE1), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(g.adjusted(-1, -1, 0, 0));
    }
}

void ScheduleGrid::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const auto cell = cellAt(event->position());
    if (!cell) {
        return;
    }
    m_dragging = true;
    m_anchor = *cell;
    m_current = *cell;
    m_paintValue = !isActive(cell->day, cell->slot);
    update();
}

void ScheduleGrid::mouseMoveEvent(QMouseEvent* event) {
    if (!m_dragging) {
        return;
    }
    const QRectF g = gridRect();
    // Clamp to the grid so a drag that leaves it still paints up to the edge.
    const QPointF pos(std::clamp(event->position().x(), g.left(), g.right() - 0.5),
                      std::clamp(event->position().y(), g.top(), g.bottom() - 0.5));
    if (const auto cell = cellAt(pos)) {
        if (cell->day != m_current.day || cell->slot != m_current.slot) {
            m_current = *cell;
            update();
        }
    }
}

void ScheduleGrid::mouseReleaseEvent(QMouseEvent* event) {
    if (!m_dragging || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    mouseMoveEvent(event);
    for (int d = 0; d < kDays; ++d) {
        for (int s = 0; s < kSlotsPerDay; ++s) {
            if (inDrag(d, s)) {
                m_cells[std::size_t(d)][std::size_t(s)] = m_paintValue;
            }
        }
    }
    m_dragging = false;
    m_painted = true;
    update();
    Q_EMIT weeklyChanged();
}

void ScheduleGrid::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Planning hebdomadaire"));
        update();
    }
    QWidget::changeEvent(event);
}

// --- ScheduleEditor --------------------------------------------------------------------

ScheduleEditor::ScheduleEditor(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("scheduleEditor"));
    auto* layout = new QVBoxLayout(this);
    auto* nameRow = new QHBoxLayout();
    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("scheduleName"));
    m_nameLabel->setBuddy(m_name);
    nameRow->addWidget(m_nameLabel);
    nameRow->addWidget(m_name, 1);
    layout->addLayout(nameRow);

    m_grid = new ScheduleGrid(this);
    layout->addWidget(m_grid, 2);

    auto* presets = new QHBoxLayout();
    m_gridNote = new QLabel(this);
    m_gridNote->setObjectName(QStringLiteral("scheduleGridNote"));
    m_gridNote->setWordWrap(true);
    presets->addWidget(m_gridNote, 1);
    m_presetOffice = new QPushButton(this);
    m_presetOffice->setObjectName(QStringLiteral("presetOffice"));
    m_presetAlways = new QPushButton(this);
    m_presetAlways->setObjectName(QStringLiteral("presetAlways"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearSchedule"));
    presets->addWidget(m_presetOffice);
    presets->addWidget(m_presetAlways);
    presets->addWidget(m_clear);
    layout->addLayout(presets);

    m_exceptionsTitle = new QLabel(this);
    QFont bold = m_exceptionsTitle->font();
    bold.setBold(true);
    m_exceptionsTitle->setFont(bold);
    layout->addWidget(m_exceptionsTitle);
    auto* exRow = new QHBoxLayout();
    m_calendar = new QCalendarWidget(this);
    m_calendar->setObjectName(QStringLiteral("exceptionCalendar"));
    m_calendar->setFirstDayOfWeek(Qt::Monday);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_calendar->setMaximumWidth(320);
    exRow->addWidget(m_calendar);
    auto* exSide = new QVBoxLayout();
    m_exceptionList = new QListWidget(this);
    m_exceptionList->setObjectName(QStringLiteral("exceptionList"));
    exSide->addWidget(m_exceptionList, 1);
    auto* form = new QFormLayout();
    m_dateLabel = new QLabel(this);
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("exceptionDate"));
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setCalendarPopup(true);
    m_date->setDate(QDate::currentDate());
    form->addRow(m_dateLabel, m_date);
    m_modeLabel = new QLabel(this);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("exceptionMode"));
    m_mode->addItem(QString());
    m_mode->addItem(QString());
    form->addRow(m_modeLabel, m_mode);
    m_windowsLabel = new QLabel(this);
    m_windows = new QLineEdit(this);
    m_windows->setObjectName(QStringLiteral("exceptionWindows"));
    m_windows->setPlaceholderText(QStringLiteral("08:00-12:00, 14:00-18:00"));
    form->addRow(m_windowsLabel, m_windows);
    exSide->addLayout(form);
    m_exceptionError = new QLabel(this);
    m_exceptionError->setObjectName(QStringLiteral("exceptionError"));
    m_exceptionError->setWordWrap(true);
    setErrorStyle(m_exceptionError);
    exSide->addWidget(m_exceptionError);
    auto* exButtons = new QHBoxLayout();
    m_addException = new QPushButton(this);
    m_addException->setObjectName(QStringLiteral("addException"));
    m_removeException = new QPushButton(this);
    m_removeException->setObjectName(QStringLiteral("removeException"));
    exButtons->addStretch(1);
    exButtons->addWidget(m_addException);
    exButtons->addWidget(m_removeException);
    exSide->addLayout(exButtons);
    exRow->addLayout(exSide, 1);
    layout->addLayout(exRow, 1);

    connect(m_name, &QLineEdit::textEdited, this, &ScheduleEditor::scheduleChanged);
    connect(m_grid, &ScheduleGrid::weeklyChanged, this, [this] {
        retranslate();
        Q_EMIT scheduleChanged();
    });
    connect(m_presetOffice, &QPushButton::clicked, this, [this] {
        for (int d = 0; d < ScheduleGrid::kDays; ++d) {
            m_grid->setRange(d, 0, 1440, false);
        }
        for (int d = 0; d < 5; ++d) {
            m_grid->setRange(d, 8 * 60, 19 * 60, true);
        }
    });
    connect(m_presetAlways, &QPushButton::clicked, this, [this] {
        for (int d = 0; d < ScheduleGrid::kDays; ++d) {
            m_grid->setRange(d, 0, 1440, true);
        }
    });
    connect(m_clear, &QPushButton::clicked, m_grid, &ScheduleGrid::clear);
    connect(m_calendar, &QCalendarWidget::clicked, m_date, &QDateEdit::setDate);
    connect(m_date, &QDateEdit::dateChanged, m_calendar, &QCalendarWidget::setSelectedDate);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ScheduleEditor::updateModeState);
    connect(m_addException, &QPushButton::clicked, this, &ScheduleEditor::addExceptionFromForm);
    connect(m_windows, &QLineEdit::returnPressed, this, &ScheduleEditor::addExceptionFromForm);
    connect(m_removeException, &QPushButton::clicked, this,
            [this] { removeException(m_exceptionList->currentRow()); });
    connect(m_exceptionList, &QListWidget::currentRowChanged, this, [this](int row) {
        m_removeException->setEnabled(row >= 0);
        if (row >= 0 && std::size_t(row) < m_exceptions.size()) {
            const auto& ex = m_exceptions[std::size_t(row)];
            m_date->setDate(QDate(ex.date.year, ex.date.month, ex.date.day));
            m_mode->setCurrentIndex(ex.windows.empty() ? 0 : 1);
            m_windows->setText(formatWindows(ex.windows));
        }
    });
    retranslate();
    updateModeState();
    refreshExceptions();
}

void ScheduleEditor::setSchedule(const core::Schedule& schedule) {
    m_id = QString::fromStdString(schedule.id);
    m_name->setText(QString::fromStdString(schedule.name));
    m_grid->setWeekly(schedule.weekly);
    m_exceptions = schedule.exceptions;
    m_exceptionError->clear();
    refreshExceptions();
    retranslate();
}

core::Schedule ScheduleEditor::schedule() const {
    core::Schedule s;
    s.id = m_id.toStdString();
    s.name = m_name->text().trimmed().toStdString();
    s.weekly = m_grid->weekly();
    s.exceptions = m_exceptions;
    return s;
}

void ScheduleEditor::setTimeZone(const QTimeZone& zone) {
    m_grid->setTimeZone(zone);
}

void ScheduleEditor::addException(const core::ScheduleException& exception) {
    // One exception per date: core/schedule.h uses only the first one of a date.
    const auto same = std::find_if(m_exceptions.begin(), m_exceptions.end(),
                                   [&](const auto& e) { return e.date == exception.date; });
    if (same != m_exceptions.end()) {
        *same = exception;
    } else {
        m_exceptions.push_back(exception);
    }
    std::sort(m_exceptions.begin(), m_exceptions.end(),
              [](const auto& a, const auto& b) { return a.date < b.date; });
    refreshExceptions();
    Q_EMIT scheduleChanged();
}

void ScheduleEditor::removeException(int index) {
    if (index < 0 || std::size_t(index) >= m_exceptions.size()) {
        return;
    }
    m_exceptions.erase(m_exceptions.begin() + index);
    refreshExceptions();
    Q_EMIT scheduleChanged();
}

std::optional<std::vector<core::WeeklyWindow>> ScheduleEditor::parseWindows(const QString& text) {
    static const QRegularExpression kWindow(
        QStringLiteral("^\\s*(\\d{1,2})[:h](\\d{2})\\s*[-–à]\\s*(\\d{1,2})[:h](\\d{2})\\s*$"));
    std::vector<core::WeeklyWindow> out;
    const QStringList parts =
        text.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const auto m = kWindow.match(part);
        if (!m.hasMatch()) {
            return std::nullopt;
        }
        const int sh = m.captured(1).toInt();
        const int sm = m.captured(2).toInt();
        const int eh = m.captured(3).toInt();
        const int em = m.captured(4).toInt();
        if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh == 24 && em != 0)) {
            return std::nullopt;
        }
        core::WeeklyWindow w;
        w.daysMask = 0;
        w.startMin = sh * 60 + sm;
        w.endMin = eh * 60 + em;
        if (w.endMin == w.startMin) {
            return std::nullopt;
        }
        out.push_back(w);
    }
    if (out.empty()) {
        return std::nullopt;
    }
    return out;
}

QString ScheduleEditor::formatWindows(const std::vector<core::WeeklyWindow>& windows) {
    QStringList parts;
    for (const auto& w : windows) {
        parts << clock(w.startMin) + QStringLiteral("-") + clock(w.endMin);
    }
    return parts.join(QStringLiteral(", "));
}

void ScheduleEditor::addExceptionFromForm() {
    core::ScheduleException ex;
    const QDate d = m_date->date();
    ex.date = core::CalendarDate{d.year(), d.month(), d.day()};
    if (m_mode->currentIndex() == 1) {
        const auto windows = parseWindows(m_windows->text());
        if (!windows) {
            m_exceptionError->setText(
                tr("Horaires illisibles : écrivez par exemple « 08:00-12:00, 14:00-18:00 »."));
            return;
        }
        ex.windows = *windows;
    }
    m_exceptionError->clear();
    addException(ex);
}

void ScheduleEditor::updateModeState() {
    m_windows->setEnabled(m_mode->currentIndex() == 1);
}

void ScheduleEditor::refreshExceptions() {
    m_exceptionList->clear();
    m_calendar->setDateTextFormat(QDate(), QTextCharFormat());
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    bold.setForeground(QColor(0xFF, 0xB3, 0x00));
    for (const auto& ex : m_exceptions) {
        const QDate d(ex.date.year, ex.date.month, ex.date.day);
        const QString what = ex.windows.empty()
                                 ? tr("inactif toute la journée")
                                 : tr("remplacé par %1").arg(formatWindows(ex.windows));
        m_exceptionList->addItem(d.toString(QStringLiteral("dd/MM/yyyy")) + QStringLiteral(" — ") +
                                 what);
        m_calendar->setDateTextFormat(d, bold);
    }
    m_removeException->setEnabled(m_exceptionList->currentRow() >= 0);
}

void ScheduleEditor::retranslate() {
    m_nameLabel->setText(tr("Nom du planning :"));
    m_name->setPlaceholderText(tr("ex. Heures d'ouverture"));
    m_presetOffice->setText(tr("Lun–Ven 08:00–19:00"));
    m_presetAlways->setText(tr("24 h/24, 7 j/7"));
    m_clear->setText(tr("Tout effacer"));
    m_gridNote->setText(
        m_grid->wasRounded()
            ? tr("Certaines plages ne tombaient pas sur une demi-heure : elles sont arrondies "
                 "dès que la grille est modifiée.")
            : tr("Cliquez-glissez pour peindre les plages actives ; partir d'une case active "
                 "les efface."));
    m_exceptionsTitle->setText(tr("Exceptions (jours fériés, événements)"));
    m_dateLabel->setText(tr("Date :"));
    m_modeLabel->setText(tr("Ce jour-là :"));
    m_mode->setItemText(0, tr("Inactif toute la journée"));
    m_mode->setItemText(1, tr("Horaires de remplacement"));
    m_windowsLabel->setText(tr("Horaires :"));
    m_addException->setText(tr("Ajouter l'exception"));
    m_removeException->setText(tr("Supprimer"));
    refreshExceptions();
}

void ScheduleEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
