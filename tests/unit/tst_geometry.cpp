// Geometry in normalised coordinates: polygons, segments, crossings, boxes.
#include <QtTest>

#include "core/geometry.h"
#include "tests/support/core_printers.h"

using namespace vigie::core;

class TestGeometry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void containsPoint_data() {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<bool>("inside");
        QTest::newRow("below the notch") << 0.5 << 0.75 << true;
        QTest::newRow("outside left") << 0.05 << 0.5 << false;
        QTest::newRow("in the notch") << 0.5 << 0.15 << false;
        QTest::newRow("on an edge") << 0.1 << 0.5 << true;
        QTest::newRow("vertex") << 0.9 << 0.9 << true;
        QTest::newRow("below") << 0.5 << 0.95 << false;
    }
    void containsPoint() {
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(bool, inside);
        // A "U" shape open at the top: the notch is outside.
        const Polygon u{{{0.1, 0.1},
                         {0.3, 0.1},
                         {0.3, 0.6},
                         {0.7, 0.6},
                         {0.7, 0.1},
                         {0.9, 0.1},
                         {0.9, 0.9},
                         {0.1, 0.9}}};
        QCOMPARE(contains(u, {x, y}), inside);
    }

    void polygonArea() {
        const Polygon square{{{0.0, 0.0}, {0.5, 0.0}, {0.5, 0.5}, {0.0, 0.5}}};
        QCOMPARE(area(square), 0.25);
        Polygon reversed = square;
        std::reverse(reversed.points.begin(), reversed.points.end());
        QCOMPARE(area(reversed), 0.25);
        QCOMPARE(area(Polygon{{{0, 0}, {1, 1}}}), 0.0);
    }

    void simplePolygon() {
        QVERIFY(isSimple(Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}));
        QVERIFY(!isSimple(Polygon{{{0, 0}, {1, 1}, {1, 0}, {0, 1}}}));  // bow tie
        QVERIFY(!isSimple(Polygon{{{0, 0}, {1, 1}}}));
    }

    void boxes() {
        const BoxF a{0.0, 0.0, 0.5, 0.5};
        const BoxF b{0.25, 0.25, 0.75, 0.75};
        QCOMPARE(intersectionArea(a, b), 0.0625);
        QVERIFY(qFuzzyCompare(iou(a, b), 0.0625 / (0.25 + 0.25 - 0.0625)));
        QCOMPARE(iou(a, BoxF{0.6, 0.6, 0.9, 0.9}), 0.0);
        QCOMPARE(iou(a, a), 1.0);
        QCOMPARE(a.bottomCentre(), (PointF{0.25, 0.5}));
        QCOMPARE(clampToUnit(BoxF{-0.1, 0.2, 1.3, 0.9}), (BoxF{0.0, 0.2, 1.0, 0.9}));
        QCOMPARE(BoxF(0.5, 0.5, 0.4, 0.6).area(), 0.0);
    }

    void segments() {
        QVERIFY(intersects({{0, 0}, {1, 1}}, {{0, 1}, {1, 0}}));
        QVERIFY(!intersects({{0, 0}, {1, 0}}, {{0, 1}, {1, 1}}));
        QVERIFY(intersects({{0, 0}, {1, 0}}, {{1, 0}, {2, 1}}));  // touching end points
        const auto p = intersection({{0, 0}, {1, 1}}, {{0, 1}, {1, 0}});
        QVERIFY(p.has_value());
        QCOMPARE(*p, (PointF{0.5, 0.5}));
        QVERIFY(!intersection({{0, 0}, {1, 0}}, {{0, 1}, {1, 1}}).has_value());
    }

    void crossing_data() {
        QTest::addColumn<double>("fromY");
        QTest::addColumn<double>("toY");
        QTest::addColumn<int>("direction");
        // Line drawn left→right at y = 0.5; its left side is above it on screen.
        QTest::newRow("upwards = to left") << 0.6 << 0.4 << +1;
        QTest::newRow("downwards = to right") << 0.4 << 0.6 << -1;
        QTest::newRow("no crossing") << 0.6 << 0.55 << 0;
        QTest::newRow("stops on the line") << 0.6 << 0.5 << 0;
        QTest::newRow("leaves the line upwards") << 0.5 << 0.4 << +1;
    }
    void crossing() {
        QFETCH(double, fromY);
        QFETCH(double, toY);
        QFETCH(int, direction);
        const std::vector<PointF> line{{0.0, 0.5}, {1.0, 0.5}};
        QCOMPARE(crossingDirection(line, {0.5, fromY}, {0.5, toY}), direction);
    }

    void crossingPolylineAndOutsideExtent() {
        const std::vector<PointF> polyline{{0.0, 0.5}, {0.5, 0.5}, {0.5, 0.0}};
        QCOMPARE(crossingDirection(polyline, {0.25, 0.6}, {0.25, 0.4}), +1);
        // A motion beyond the end of the polyline is not a crossing.
        QCOMPARE(crossingDirection(polyline, {0.75, 0.6}, {0.75, 0.4}), 0);
    }
};

QTEST_APPLESS_MAIN(TestGeometry)
#include "tst_geometry.moc"
