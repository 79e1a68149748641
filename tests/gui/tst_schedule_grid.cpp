// The weekly schedule grid and its editor: painting by drag, erasing, windows loaded from a
// file given back unchanged, exceptions, and the text form of replacement windows.
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "widgets/schedule_grid.h"

using namespace vigie;
using widgets::ScheduleEditor;
using widgets::ScheduleGrid;

class TestScheduleGrid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paintsAndErasesByDrag() {
        ScheduleGrid grid;
        grid.resize(900, 240);
        grid.setNow(QDateTime(QDate(2026, 11, 30), QTime(9, 0)));
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QSignalSpy changed(&grid, &ScheduleGrid::weeklyChanged);
        // Saturday and Sunday 22:00–24:00.
        QTest::mousePress(&grid, Qt::LeftButton, {}, grid.cellCentre(5, 22 * 60));
        QTest::mouseRelease(&grid, Qt::LeftButton, {}, grid.cellCentre(6, 23 * 60 + 30));
        QCOMPARE(changed.count(), 1);
        auto w = grid.weekly();
        QCOMPARE(w.size(), std::size_t(1));
        QCOMPARE(int(w[0].daysMask), (1 << 5) | (1 << 6));
        QCOMPARE(w[0].startMin, 22 * 60);
        QCOMPARE(w[0].endMin, 1440);
        // Dragging from an active cell erases: Sunday 23:00–24:00 off.
        QTest::mousePress(&grid, Qt::LeftButton, {}, grid.cellCentre(6, 23 * 60));
        QTest::mouseRelease(&grid, Qt::LeftButton, {}, grid.cellCentre(6, 23 * 60 + 30));
        w = grid.weekly();
        QCOMPARE(w.size(), std::size_t(2));
        QVERIFY(!grid.isActive(6, 46));
        QVERIFY(grid.isActive(6, 45));
        QVERIFY(grid.isActive(5, 47));
    }

    void loadedWindowsComeBackUnchanged() {
        ScheduleGrid grid;
        grid.resize(900, 240);
        core::WeeklyWindow night;
        night.daysMask = 0x1F;
        night.startMin = 22 * 60 + 15;  // not on a half hour
        night.endMin = 6 * 60;          // spans midnight
        grid.setWeekly({night});
        QVERIFY(grid.wasRounded());
        QVERIFY(grid.isActive(0, 44));  // Monday 22:00 cell (widened)
        QVERIFY(grid.isActive(1, 0));   // Tuesday 00:00, the tail
        const auto back = grid.weekly();
        QCOMPARE(back.size(), std::size_t(1));
        QCOMPARE(back[0].startMin, night.startMin);
        QCOMPARE(back[0].endMin, night.endMin);
        grid.clear();
        QVERIFY(grid.weekly().empty());
    }

    void editorExceptionsAndWindowsText() {
        const auto parsed =
            ScheduleEditor::parseWindows(QStringLiteral("08:00-12:00, 14h00–18h30"));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->size(), std::size_t(2));
        QCOMPARE((*parsed)[1].startMin, 14 * 60);
        QCOMPARE((*parsed)[1].endMin, 18 * 60 + 30);
        QVERIFY(!ScheduleEditor::parseWindows(QStringLiteral("8-12")).has_value());
        QVERIFY(!ScheduleEditor::parseWindows(QStringLiteral("10:00-10:00")).has_value());
        QCOMPARE(ScheduleEditor::formatWindows(*parsed),
                 QStringLiteral("08:00-12:00, 14:00-18:30"));

        ScheduleEditor editor;
        core::Schedule s;
        s.id = "bureaux";
        s.name = "Bureaux";
        editor.setSchedule(s);
        editor.show();
        QSignalSpy changed(&editor, &ScheduleEditor::scheduleChanged);
        auto* date = editor.findChild<QDateEdit*>(QStringLiteral("exceptionDate"));
        auto* mode = editor.findChild<QComboBox*>(QStringLiteral("exceptionMode"));
        auto* windows = editor.findChild<QLineEdit*>(QStringLiteral("exceptionWindows"));
        auto* add = editor.findChild<QPushButton*>(QStringLiteral("addException"));
        date->setDate(QDate(2027, 5, 1));
        mode->setCurrentIndex(1);
        QTest::keyClicks(windows, QStringLiteral("n'importe quoi"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(editor.exceptions().empty());  // unreadable windows are refused
        windows->clear();
        QTest::keyClicks(windows, QStringLiteral("10:00-16:00"));
        QTest::mouseClick(add, Qt::LeftButton);
        date->setDate(QDate(2027, 1, 1));
        mode->setCurrentIndex(0);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(changed.count(), 2);
        const core::Schedule out = editor.schedule();
        QCOMPARE(out.id, std::string("bureaux"));
        QCOMPARE(out.exceptions.size(), std::size_t(2));
        // Sorted by date.
        QCOMPARE(out.exceptions[0].date, (core::CalendarDate{2027, 1, 1}));
        QVERIFY(out.exceptions[0].windows.empty());
        QCOMPARE(out.exceptions[1].windows.size(), std::size_t(1));
        QCOMPARE(out.exceptions[1].windows[0].startMin, 600);
        QCOMPARE(editor.findChild<QListWidget*>(QStringLiteral("exceptionList"))->count(), 2);
        editor.removeException(0);
        QCOMPARE(editor.schedule().exceptions.size(), std::size_t(1));
    }
};

QTEST_MAIN(TestScheduleGrid)
#include "tst_schedule_grid.moc"
