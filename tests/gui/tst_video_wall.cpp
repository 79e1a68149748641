// The walls of the operator window without the engine, offscreen: cameras placed by a drop
// from the camera list or from the tile menu, tiles swapped by a drop from another tile, one
// tile per camera, enlargement by double-click (Échap restores), keyboard selection, the
// flashing frame of a new alert that turns steady once taken, and layouts kept per user and
// per view in QSettings.
#include <QAction>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "widgets/alert_list_model.h"
#include "widgets/operator_window.h"
#include "widgets/video_tile.h"
#include "widgets/video_wall.h"

using namespace vigie;

namespace {

core::Site threeCameras() {
    core::Site site;
    site.id = "gare";
    site.name = "Gare";
    for (const char* id : {"quai-1", "quai-2", "hall"}) {
        core::Camera c;
        c.id = id;
        c.name = id;
        site.cameras.push_back(c);
    }
    return site;
}

void drop(QWidget* target, const char* mimeType, const QByteArray& payload) {
    QMimeData mime;
    mime.setData(QString::fromLatin1(mimeType), payload);
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::MoveAction | Qt::CopyAction, &mime, Qt::LeftButton,
                          Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QDropEvent dropEvent(at, Qt::MoveAction | Qt::CopyAction, &mime, Qt::LeftButton,
                         Qt::NoModifier);
    QCoreApplication::sendEvent(target, &dropEvent);
}

}  // namespace

class TestVideoWall : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void placeSwapAndMenu() {
        widgets::OperatorWindow w;
        w.setSite(threeCameras());
        QSignalSpy changed(&w, &widgets::OperatorWindow::layoutChanged);
        // Default layout: the cameras in order, wall B empty.
        QCOMPARE(w.tileByNumber(1)->cameraId(), QStringLiteral("quai-1"));
        QCOMPARE(w.tileByNumber(3)->cameraId(), QStringLiteral("hall"));
        QVERIFY(w.tileByNumber(10)->cameraId().isEmpty());
        // A camera dropped from the list onto tile 5 moves there (one tile per camera).
        drop(w.tileByNumber(5), widgets::kCameraMimeType, QByteArray("quai-1"));
        QCOMPARE(w.tileByNumber(5)->cameraId(), QStringLiteral("quai-1"));
        QVERIFY(w.tileByNumber(1)->cameraId().isEmpty());
        QCOMPARE(changed.count(), 1);
        // A tile dropped onto another swaps them.
        drop(w.tileByNumber(2), widgets::kTileMimeType, QByteArray("5"));
        QCOMPARE(w.tileByNumber(2)->cameraId(), QStringLiteral("quai-1"));
        QCOMPARE(w.tileByNumber(5)->cameraId(), QStringLiteral("quai-2"));
        // An unknown camera is refused.
        drop(w.tileByNumber(9), widgets::kCameraMimeType, QByteArray("inconnue"));
        QVERIFY(w.tileByNumber(9)->cameraId().isEmpty());
        // The tile menu places a camera on wall B, and empties a tile.
        std::unique_ptr<QMenu> menu(w.createTileMenu(12));
        auto* cameras = menu->findChild<QMenu*>(QStringLiteral("tileCameraMenu"));
        QVERIFY(cameras != nullptr);
        QCOMPARE(cameras->actions().size(), 3);
        cameras->actions().at(2)->trigger();  // « hall »
        QCOMPARE(w.tileByNumber(12)->cameraId(), QStringLiteral("hall"));
        QVERIFY(w.tileByNumber(3)->cameraId().isEmpty());
        std::unique_ptr<QMenu> again(w.createTileMenu(12));
        auto* clear = again->findChild<QAction*>(QStringLiteral("clearTileAction"));
        QVERIFY(clear != nullptr && clear->isEnabled());
        clear->trigger();
        QVERIFY(w.tileByNumber(12)->cameraId().isEmpty());
        const widgets::WallLayout layout = w.currentLayout();
        QCOMPARE(layout.size(), 18);
        QCOMPARE(layout.value(2), QStringLiteral("quai-1"));
    }

    void enlargeAndKeys() {
        widgets::OperatorWindow w;
        w.setSite(threeCameras());
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        widgets::VideoWall* wall = w.wall();
        QTest::mouseDClick(wall->tile(1), Qt::LeftButton);
        QCOMPARE(wall->enlargedIndex(), 1);
        QVERIFY(!wall->tile(0)->isVisible());
        QTRY_VERIFY(wall->tile(1)->width() > 1000);
        wall->setFocus();
        QTest::keyClick(wall, Qt::Key_Escape);
        QCOMPARE(wall->enlargedIndex(), -1);
        QVERIFY(wall->tile(0)->isVisible());
        // 1–9 select a tile, arrows move the selection, Entrée enlarges it.
        QTest::keyClick(wall, Qt::Key_5);
        QCOMPARE(wall->selectedIndex(), 4);
        QTest::keyClick(wall->tile(4), Qt::Key_Right);
        QCOMPARE(wall->selectedIndex(), 5);
        QTest::keyClick(wall->tile(5), Qt::Key_Return);
        QCOMPARE(wall->enlargedIndex(), 5);
    }

    void alertFrameFlashesUntilTaken() {
        widgets::OperatorWindow w;
        w.setSite(threeCameras());
        core::Alert a;
        a.uid = "0123456789abcdef0123456789abcdef";
        a.cameraId = "quai-2";
        a.event = core::EventType::AbandonedObject;
        a.severity = core::Severity::Major;
        a.wallStartMs = 1'700'000'000'000;
        w.showAlert(a);
        widgets::VideoTile* tile = w.tileByNumber(2);
        QVERIFY(tile->isAlerting());
        QVERIFY(tile->isFlashing());
        QVERIFY(!w.tileByNumber(1)->isAlerting());
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("(1)")));
        w.markTaken(QString::fromStdString(a.uid), QStringLiteral("martin"));
        QVERIFY(tile->isAlerting());
        QVERIFY(!tile->isFlashing());  // steady once someone took it
        QVERIFY(tile->isAlertFrameShown());
        w.applyQualification(QString::fromStdString(a.uid), core::Qualification::FalsePositive,
                             QStringLiteral("Ombre"));
        QVERIFY(!tile->isAlerting());
        QVERIFY(!w.windowTitle().startsWith(QLatin1Char('(')));
    }

    void layoutsPerUserAndView() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("layouts.ini")), QSettings::IniFormat);
        widgets::WallLayoutStore store(&settings);
        QVERIFY(!store.load(QStringLiteral("martin"), 1).has_value());
        widgets::WallLayout martin{{1, QStringLiteral("hall")}, {2, QString()}};
        store.save(QStringLiteral("martin"), 1, martin);
        store.save(QStringLiteral("dupont@gare"), 1, {{1, QStringLiteral("quai-1")}});
        store.save(QStringLiteral("martin"), 3, {{5, QStringLiteral("quai-2")}});
        store.setCurrentView(QStringLiteral("martin"), 3);
        QSettings reread(dir.filePath(QStringLiteral("layouts.ini")), QSettings::IniFormat);
        widgets::WallLayoutStore again(&reread);
        QCOMPARE(*again.load(QStringLiteral("martin"), 1), martin);
        QCOMPARE(again.load(QStringLiteral("dupont@gare"), 1)->value(1), QStringLiteral("quai-1"));
        QCOMPARE(again.load(QStringLiteral("martin"), 3)->value(5), QStringLiteral("quai-2"));
        QVERIFY(!again.load(QStringLiteral("martin"), 2).has_value());
        QCOMPARE(again.currentView(QStringLiteral("martin")), 3);
        QCOMPARE(again.currentView(QStringLiteral("dupont@gare")), 1);
        // A saved layout is applied as saved: a camera the user did not place stays out.
        widgets::OperatorWindow w;
        w.setSite(threeCameras());
        w.applyLayout(martin);
        QCOMPARE(w.tileByNumber(1)->cameraId(), QStringLiteral("hall"));
        QVERIFY(w.tileByNumber(2)->cameraId().isEmpty());
        QVERIFY(w.tileByNumber(3)->cameraId().isEmpty());
    }
};

QTEST_MAIN(TestVideoWall)
#include "tst_video_wall.moc"
