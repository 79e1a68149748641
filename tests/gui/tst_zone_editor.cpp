// The zone editor driven with mouse and keys as a person would: the zones, masks, lines
// and calibration it produces, in normalised coordinates.
#include <QSignalSpy>
#include <QTest>

#include <cmath>

#include "widgets/calibration_overlay.h"
#include "widgets/zone_editor.h"

using vigie::core::CrossingDirection;
using vigie::core::PointF;
using vigie::core::ZoneKind;
using vigie::widgets::ZoneCanvas;
using vigie::widgets::ZoneEditor;

namespace {

// An 800×600 picture in an 800×600 canvas: widget pixel (x, y) is (x/800, y/600).
constexpr int kW = 800;
constexpr int kH = 600;

vigie::core::Camera camera() {
    vigie::core::Camera c;
    c.id = "quai2";
    c.name = "Quai 2";
    return c;
}

vigie::core::Zone square() {
    vigie::core::Zone z;
    z.id = "a";
    z.name = "A";
    z.kind = ZoneKind::Area;
    z.polygon.points = {{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}};
    return z;
}

QPoint px(double x, double y) {
    return QPoint(int(std::lround(x * kW)), int(std::lround(y * kH)));
}

void comparePoints(const std::vector<PointF>& got, const std::vector<PointF>& want) {
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].x, want[i].x);
        QCOMPARE(got[i].y, want[i].y);
    }
}

}  // namespace

class TestZoneEditor : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ZoneCanvas> m_canvas;

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<vigie::core::Camera>(); }
    void init() {
        m_canvas = std::make_unique<ZoneCanvas>();
        QImage img(kW, kH, QImage::Format_RGB32);
        img.fill(Qt::darkGray);
        m_canvas->setSnapshot(img);
        m_canvas->setCamera(camera());
        m_canvas->resize(kW, kH);
        m_canvas->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
        QCOMPARE(m_canvas->imageRect(), QRectF(0, 0, kW, kH));
    }
    void cleanup() { m_canvas.reset(); }

    void drawsPolygonClosedByDoubleClick() {
        QSignalSpy changed(m_canvas.get(), &ZoneCanvas::zonesChanged);
        m_canvas->setTool(ZoneCanvas::Tool::Area);
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(80, 60));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(400, 60));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(400, 300));
        QVERIFY(m_canvas->isDrawing());
        QCOMPARE(m_canvas->zones().size(), std::size_t(0));
        QTest::mouseDClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(80, 300));
        QVERIFY(!m_canvas->isDrawing());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_canvas->zones().size(), std::size_t(1));
        const auto& z = m_canvas->zones().front();
        QCOMPARE(z.kind, ZoneKind::Area);
        QCOMPARE(z.id, std::string("zone-1"));
        comparePoints(z.polygon.points, {{0.1, 0.1}, {0.5, 0.1}, {0.5, 0.5}, {0.1, 0.5}});
        // Selected after drawing; the camera carries it.
        QCOMPARE(m_canvas->selection().kind, ZoneCanvas::ShapeKind::Zone);
        QCOMPARE(m_canvas->camera().zones.size(), std::size_t(1));
        QCOMPARE(m_canvas->camera().id, std::string("quai2"));
    }

    void maskClosedOnFirstPointLineClosedByEnter() {
        m_canvas->setTool(ZoneCanvas::Tool::Mask);
        // (QTest takes QPoint(0, 0) for "the centre of the widget": start off the corner.)
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(8, 6));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(200, 6));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(200, 150));
        // A click within a few pixels of the first point closes the polygon.
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(11, 8));
        QCOMPARE(m_canvas->zones().size(), std::size_t(1));
        const auto& mask = m_canvas->zones().front();
        QCOMPARE(mask.kind, ZoneKind::Mask);
        QCOMPARE(mask.id, std::string("masque-1"));
        comparePoints(mask.polygon.points, {{0.01, 0.01}, {0.25, 0.01}, {0.25, 0.25}});

        m_canvas->setTool(ZoneCanvas::Tool::Line);
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(80, 480));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(400, 420));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(720, 480));
        QTest::keyClick(m_canvas.get(), Qt::Key_Return);
        QCOMPARE(m_canvas->lines().size(), std::size_t(1));
        const auto& line = m_canvas->lines().front();
        QCOMPARE(line.id, std::string("ligne-1"));
        QCOMPARE(line.direction, CrossingDirection::Any);
        comparePoints(line.points, {{0.1, 0.8}, {0.5, 0.7}, {0.9, 0.8}});
    }

    void escapeCancelsAndTooFewPointsDoNotClose() {
        m_canvas->setTool(ZoneCanvas::Tool::Area);
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(100, 100));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(200, 100));
        QTest::keyClick(m_canvas.get(), Qt::Key_Return);  // two points: not a zone yet
        QVERIFY(m_canvas->isDrawing());
        QCOMPARE(m_canvas->draft().size(), std::size_t(2));
        QTest::keyClick(m_canvas.get(), Qt::Key_Escape);
        QVERIFY(!m_canvas->isDrawing());
        QCOMPARE(m_canvas->zones().size(), std::size_t(0));
        // Outside the picture nothing is placed (letterboxed canvas).
        m_canvas->resize(1000, 600);
        QTRY_COMPARE(m_canvas->imageRect(), QRectF(100, 0, 800, 600));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(50, 100));
        QVERIFY(!m_canvas->isDrawing());
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(500, 300));
        QCOMPARE(m_canvas->draft().size(), std::size_t(1));
        QCOMPARE(m_canvas->draft().front().x, 0.5);
        QCOMPARE(m_canvas->draft().front().y, 0.5);
    }

    void movesAVertex() {
        auto cam = camera();
        cam.zones = {square()};
        m_canvas->setCamera(cam);
        QSignalSpy changed(m_canvas.get(), &ZoneCanvas::zonesChanged);
        QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, px(0.75, 0.25));
        QCOMPARE(m_canvas->selection().kind, ZoneCanvas::ShapeKind::Zone);
        QCOMPARE(m_canvas->selection().vertex, 1);
        QTest::mouseMove(m_canvas.get(), QPoint(700, 120));
        QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, QPoint(720, 90));
        QCOMPARE(changed.count(), 1);
        comparePoints(m_canvas->zones().front().polygon.points,
                      {{0.25, 0.25}, {0.9, 0.15}, {0.75, 0.75}, {0.25, 0.75}});
        // Dragged out of the picture: clamped to its edge.
        QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, QPoint(720, 90));
        QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, QPoint(kW + 50, -20));
        QCOMPARE(m_canvas->zones().front().polygon.points[1].x, 1.0);
        QCOMPARE(m_canvas->zones().front().polygon.points[1].y, 0.0);
    }

    void insertsAVertexOnAnEdge() {
        auto cam = camera();
        cam.zones = {square()};
        m_canvas->setCamera(cam);
        // The middle of the bottom edge (0.75,0.75)→(0.25,0.75), dragged down a little.
        QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, px(0.5, 0.75));
        QCOMPARE(m_canvas->zones().front().polygon.points.size(), std::size_t(5));
        QCOMPARE(m_canvas->selection().vertex, 3);
        QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, px(0.5, 0.9));
        comparePoints(m_canvas->zones().front().polygon.points,
                      {{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.5, 0.9}, {0.25, 0.75}});
        // A click inside selects the zone without editing it.
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.5, 0.5));
        QCOMPARE(m_canvas->selection().kind, ZoneCanvas::ShapeKind::Zone);
        QCOMPARE(m_canvas->selection().vertex, -1);
        QCOMPARE(m_canvas->zones().front().polygon.points.size(), std::size_t(5));
    }

    void deletesVerticesThenTheShape() {
        auto cam = camera();
        cam.zones = {square()};
        m_canvas->setCamera(cam);
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.25, 0.75));
        QCOMPARE(m_canvas->selection().vertex, 3);
        QTest::keyClick(m_canvas.get(), Qt::Key_Delete);
        comparePoints(m_canvas->zones().front().polygon.points,
                      {{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}});
        // A triangle cannot lose a vertex: Suppr removes the zone.
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.75, 0.75));
        QCOMPARE(m_canvas->selection().vertex, 2);
        QTest::keyClick(m_canvas.get(), Qt::Key_Delete);
        QCOMPARE(m_canvas->zones().size(), std::size_t(0));
        QCOMPARE(m_canvas->selection().kind, ZoneCanvas::ShapeKind::None);
    }

    void lineDirectionArrows() {
        auto cam = camera();
        vigie::core::Line l;
        l.id = "l";
        l.points = {{0.1, 0.5}, {0.9, 0.5}};  // drawn left to right
        l.direction = CrossingDirection::ToLeft;
        cam.lines = {l};
        m_canvas->setCamera(cam);
        auto arrows = m_canvas->arrows(0);
        QCOMPARE(arrows.size(), std::size_t(1));
        QCOMPARE(arrows[0].base.x, 0.5);
        QCOMPARE(arrows[0].base.y, 0.5);
        // Left of a left-to-right line on screen is up.
        QCOMPARE(arrows[0].tip.x, 0.5);
        QVERIFY(arrows[0].tip.y < 0.5);
        // And it agrees with core's crossing direction: moving along the arrow is +1 (to left).
        QCOMPARE(vigie::core::crossingDirection(l.points, arrows[0].base + PointF{0, 0.01},
                                                arrows[0].tip),
                 1);
        m_canvas->setLineDirection(0, CrossingDirection::ToRight);
        arrows = m_canvas->arrows(0);
        QCOMPARE(arrows.size(), std::size_t(1));
        QVERIFY(arrows[0].tip.y > 0.5);
        m_canvas->setLineDirection(0, CrossingDirection::Any);
        QCOMPARE(m_canvas->arrows(0).size(), std::size_t(2));
        QCOMPARE(m_canvas->camera().lines.front().direction, CrossingDirection::Any);
        // A vertex of the line moves like a zone's.
        QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, px(0.9, 0.5));
        QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, px(0.9, 0.2));
        comparePoints(m_canvas->lines().front().points, {{0.1, 0.5}, {0.9, 0.2}});
    }

    void groundQuadGivesAMetricGrid() {
        QSignalSpy calib(m_canvas.get(), &ZoneCanvas::calibrationChanged);
        m_canvas->setTool(ZoneCanvas::Tool::GroundQuad);
        // Near-left, near-right, far-right, far-left: a trapezoid narrowing with distance.
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.2, 0.9));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.8, 0.9));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.65, 0.4));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.35, 0.4));
        QVERIFY(!m_canvas->isDrawing());  // four corners complete the quad
        comparePoints(m_canvas->calibration().groundQuad,
                      {{0.2, 0.9}, {0.8, 0.9}, {0.65, 0.4}, {0.35, 0.4}});
        QVERIFY(!m_canvas->groundModel());  // sizes not given yet
        QVERIFY(!m_canvas->calibrationError().isEmpty());
        m_canvas->setQuadSize(4.0, 10.0);
        QVERIFY2(m_canvas->groundModel().has_value(), qPrintable(m_canvas->calibrationError()));
        QCOMPARE(m_canvas->calibration().quadWidthM, 4.0);
        QCOMPARE(m_canvas->calibration().quadDepthM, 10.0);
        QVERIFY(calib.count() >= 2);
        const auto& g = *m_canvas->groundModel();
        QVERIFY(std::abs(g.distanceM({0.2, 0.9}, {0.8, 0.9}) - 4.0) < 0.05);
        QVERIFY(std::abs(g.distanceM({0.8, 0.9}, {0.65, 0.4}) - 10.0) < 0.05);
        const auto fine = m_canvas->gridLines().size();
        QVERIFY(fine > 0);
        // Every grid point inside the quad lies on a whole metre in x or y.
        int checked = 0;
        for (const auto& seg : m_canvas->gridLines()) {
            const PointF mid = (seg[0] + seg[1]) * 0.5;
            vigie::core::Polygon quad{m_canvas->calibration().groundQuad};
            if (!vigie::core::contains(quad, mid)) {
                continue;
            }
            const PointF ground = g.toGround(seg[0]);
            const double ex = std::abs(ground.x - std::round(ground.x));
            const double ey = std::abs(ground.y - std::round(ground.y));
            QVERIFY2(std::min(ex, ey) < 0.05,
                     qPrintable(QStringLiteral("%1 %2").arg(ground.x).arg(ground.y)));
            ++checked;
        }
        QVERIFY(checked > 20);
        m_canvas->setGridCellM(5.0);
        QVERIFY(m_canvas->gridLines().size() < fine);
        QVERIFY(!m_canvas->gridLines().empty());
    }

    void referenceLengthsDrawnTwice() {
        m_canvas->setTool(ZoneCanvas::Tool::ReferenceLength);
        // The same 2 m ground marking near the camera (long) and far from it (short).
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.2, 0.9));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.5, 0.9));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.45, 0.45));
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.6, 0.45));
        m_canvas->setReferenceLengthM(2.0);
        const auto& refs = m_canvas->calibration().referenceLengths;
        QCOMPARE(refs.size(), std::size_t(2));
        QCOMPARE(refs[1].a.x, 0.45);
        QCOMPARE(refs[1].a.y, 0.45);
        QCOMPARE(refs[1].b.x, 0.6);
        QCOMPARE(refs[0].lengthM, 2.0);
        QCOMPARE(refs[1].lengthM, 2.0);
        QVERIFY(m_canvas->calibration().groundQuad.empty());
        QVERIFY2(m_canvas->groundModel().has_value(), qPrintable(m_canvas->calibrationError()));
        QVERIFY(!m_canvas->gridLines().empty());
        // Deleting one reference leaves an incomplete calibration.
        m_canvas->setTool(ZoneCanvas::Tool::Select);
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, px(0.6, 0.45));
        QCOMPARE(m_canvas->selection().kind, ZoneCanvas::ShapeKind::Reference);
        QTest::keyClick(m_canvas.get(), Qt::Key_Delete);
        QCOMPARE(m_canvas->calibration().referenceLengths.size(), std::size_t(1));
        QVERIFY(!m_canvas->groundModel());
        QVERIFY(m_canvas->gridLines().empty());
    }

    void editorAppliesTheCamera() {
        QImage img(kW, kH, QImage::Format_RGB32);
        img.fill(Qt::black);
        auto cam = camera();
        cam.zones = {square()};
        ZoneEditor editor(cam, img);
        editor.resize(1400, 800);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QSignalSpy applied(&editor, &ZoneEditor::cameraEdited);
        auto* canvas = editor.canvas();
        auto* maskTool = editor.findChild<QWidget*>(QStringLiteral("toolMask"));
        QVERIFY(maskTool != nullptr);
        QTest::mouseClick(maskTool, Qt::LeftButton);
        QCOMPARE(canvas->tool(), ZoneCanvas::Tool::Mask);
        const QRectF r = canvas->imageRect();
        auto at = [&](double x, double y) {
            return QPoint(int(std::lround(r.left() + x * r.width())),
                          int(std::lround(r.top() + y * r.height())));
        };
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(0.02, 0.02));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(0.1, 0.02));
        QTest::mouseDClick(canvas, Qt::LeftButton, {}, at(0.1, 0.1));
        auto* apply = editor.findChild<QWidget*>(QStringLiteral("applyZones"));
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(applied.count(), 1);
        const auto out = applied.at(0).at(0).value<vigie::core::Camera>();
        QCOMPARE(out.zones.size(), std::size_t(2));
        QCOMPARE(out.zones[0].id, std::string("a"));
        QCOMPARE(out.zones[1].kind, ZoneKind::Mask);
        QCOMPARE(out.zones[1].polygon.points.size(), std::size_t(3));
        QVERIFY(std::abs(out.zones[1].polygon.points[1].x - 0.1) < 0.002);
    }
};

QTEST_MAIN(TestZoneEditor)
#include "tst_zone_editor.moc"
