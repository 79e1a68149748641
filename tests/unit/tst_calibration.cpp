// Calibration: homographies that round-trip, areas of known squares, reference lengths and
// the automatic estimate against a synthetic pinhole camera, and degenerate drawings refused
// with a message that says what is wrong.
#include <QtTest>

#include <cmath>
#include <random>

#include "core/calibration.h"
#include "tests/support/core_printers.h"

using namespace vigie::core;

namespace {

// A pinhole camera at height heightM above a flat ground, tilted down by tiltDeg, focal
// length in width units (normalised picture: x, y in 0..1, aspect = height / width). Ground
// coordinates: X across, Z forward from the camera's foot.
struct Pinhole {
    double heightM = 4.0;
    double tiltDeg = 25.0;
    double focal = 1.0;  // width units
    double aspect = 576.0 / 704.0;

    // Image point (normalised) of the ground point (X, Z) at height yM above the ground.
    PointF project(double x, double z, double yM = 0.0) const {
        const double t = tiltDeg * M_PI / 180.0;
        const double dy = heightM - yM;  // downwards from the camera
        // camera frame: forward f, down d
        const double f = z * std::cos(t) + dy * std::sin(t);
        const double d = -z * std::sin(t) + dy * std::cos(t);
        const double u = 0.5 + focal * x / f;             // width units
        const double v = 0.5 + (focal * d / f) / aspect;  // height units
        return {u, v};
    }
    BoxF personBox(double x, double z, double tallM) const {
        const PointF feet = project(x, z, 0.0);
        const PointF head = project(x, z, tallM);
        const double halfW = 0.2 * (feet.y - head.y) * aspect;  // any width
        return {feet.x - halfW, head.y, feet.x + halfW, feet.y};
    }
};

bool near(double a, double b, double relTol) {
    return std::abs(a - b) <= relTol * std::max(std::abs(a), std::abs(b));
}

Calibration quadOf(const Pinhole& cam, double x0, double z0, double w, double d) {
    Calibration c;
    c.groundQuad = {cam.project(x0, z0), cam.project(x0 + w, z0), cam.project(x0 + w, z0 + d),
                    cam.project(x0, z0 + d)};
    c.quadWidthM = w;
    c.quadDepthM = d;
    return c;
}

}  // namespace

class TestCalibration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void homographyRoundTrip() {
        const std::array<PointF, 4> from = {PointF{0.1, 0.2}, PointF{0.9, 0.25}, PointF{0.7, 0.8},
                                            PointF{0.2, 0.9}};
        const std::array<PointF, 4> to = {PointF{0.0, 0.0}, PointF{5.0, 0.0}, PointF{5.0, 12.0},
                                          PointF{0.0, 12.0}};
        const auto h = homographyFrom4(from, to);
        QVERIFY(h.has_value());
        for (std::size_t i = 0; i < 4; ++i) {
            const auto& m = *h;
            const PointF p = from[i];
            const double w = m[6] * p.x + m[7] * p.y + m[8];
            const PointF g{(m[0] * p.x + m[1] * p.y + m[2]) / w,
                           (m[3] * p.x + m[4] * p.y + m[5]) / w};
            QVERIFY2(distance(g, to[i]) < 1e-9, qPrintable(QString::number(distance(g, to[i]))));
        }
        // And back: the inverse correspondence maps the ground corners to the picture.
        const auto back = homographyFrom4(to, from);
        QVERIFY(back.has_value());
        const auto& b = *back;
        const PointF g{2.5, 6.0};
        const double w = b[6] * g.x + b[7] * g.y + b[8];
        const PointF img{(b[0] * g.x + b[1] * g.y + b[2]) / w,
                         (b[3] * g.x + b[4] * g.y + b[5]) / w};
        QVERIFY(std::isfinite(img.x) && std::isfinite(img.y));
        Calibration c;
        c.groundQuad = {from[0], from[1], from[2], from[3]};
        c.quadWidthM = 5.0;
        c.quadDepthM = 12.0;
        const auto model = GroundModel::fromCalibration(c);
        QVERIFY(model.ok());
        const PointF g2 = model->toGround(img);
        QVERIFY2(distance(g2, g) < 1e-9, qPrintable(QString::number(distance(g2, g))));
    }

    void homographyOfAPinholeIsExact() {
        const Pinhole cam;
        const auto model = GroundModel::fromCalibration(quadOf(cam, -2.0, 6.0, 4.0, 8.0));
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QCOMPARE(model->kind(), GroundModel::Kind::Homography);
        // Distances anywhere on the ground, inside the quad or not.
        const PointF a = cam.project(-3.0, 5.0);
        const PointF b = cam.project(1.0, 8.0);
        QVERIFY(near(model->distanceM(a, b), 5.0, 1e-6));
        // A 2 m square far from the quad: 4 m².
        Polygon square{{cam.project(1.0, 15.0), cam.project(3.0, 15.0), cam.project(3.0, 17.0),
                        cam.project(1.0, 17.0)}};
        QVERIFY2(near(model->areaM2(square), 4.0, 1e-6),
                 qPrintable(QString::number(model->areaM2(square))));
        // Speed: 1.5 m/s forward at 10 m.
        const PointF p0 = cam.project(0.0, 10.0);
        const PointF p1 = cam.project(0.0, 10.0015);
        const PointF v = (p1 - p0) * (1.0 / 0.001);  // normalised units per second
        QVERIFY(near(model->speedMps(p0, v), 1.5, 1e-3));
        const PointF dir = model->groundDirection(p0, v);
        QVERIFY(std::abs(std::abs(dir.y) - 1.0) < 1e-3);
    }

    void areaOfAKnownSquare() {
        // A top-down view: the picture is a 10 m × 10 m square (aspect 1 for simplicity).
        Calibration c;
        c.groundQuad = {{0.0, 1.0}, {1.0, 1.0}, {1.0, 0.0}, {0.0, 0.0}};
        c.quadWidthM = 10.0;
        c.quadDepthM = 10.0;
        const auto model = GroundModel::fromCalibration(c);
        QVERIFY(model.ok());
        const Polygon square{{{0.2, 0.2}, {0.5, 0.2}, {0.5, 0.5}, {0.2, 0.5}}};
        QVERIFY(near(model->areaM2(square), 9.0, 1e-9));
        QVERIFY(near(model->distanceM({0.2, 0.2}, {0.5, 0.6}), 5.0, 1e-9));
    }

    void referenceLengthsAgainstAPinhole() {
        const Pinhole cam;
        Calibration c;
        // Two horizontal 4 m segments at 6 m and 16 m.
        c.referenceLengths = {{cam.project(-2.0, 6.0), cam.project(2.0, 6.0), 4.0},
                              {cam.project(-2.0, 16.0), cam.project(2.0, 16.0), 4.0}};
        const auto model = GroundModel::fromCalibration(c, cam.aspect);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QCOMPARE(model->kind(), GroundModel::Kind::DepthScale);
        // Across the view the scale is exact at every depth (pinhole: inverse-linear in row).
        for (double z : {5.0, 9.0, 12.0, 20.0}) {
            const double d = model->distanceM(cam.project(-1.0, z), cam.project(2.0, z));
            QVERIFY2(near(d, 3.0, 0.01), qPrintable(QString("z %1: %2").arg(z).arg(d)));
        }
        // Along the view the model underestimates by the foreshortening (documented): the
        // order of magnitude is right, never more than the true distance.
        const double along = model->distanceM(cam.project(0.0, 8.0), cam.project(0.0, 12.0));
        QVERIFY2(along > 0.5 && along <= 4.0 * 1.01, qPrintable(QString::number(along)));
        // Areas across: a 1 m wide strip 2 m deep is counted with the right width.
        QVERIFY(model->areaM2(Polygon{{cam.project(0, 10), cam.project(1, 10), cam.project(1, 12),
                                       cam.project(0, 12)}}) > 0.0);
    }

    // A level camera: a person's picture height is exactly linear in the row of the feet, so
    // the estimate is exact but for the spread of heights. A tilted one bends that line a
    // little: a few percent off across the depth (documented in calibration.h).
    void estimatorConvergesOnPeople_data() {
        QTest::addColumn<double>("tiltDeg");
        QTest::addColumn<double>("focal");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("level") << 0.0 << 0.5 << 0.02;
        QTest::newRow("tilted 25 degrees") << 25.0 << 1.0 << 0.07;
    }
    void estimatorConvergesOnPeople() {
        QFETCH(double, tiltDeg);
        QFETCH(double, focal);
        QFETCH(double, tolerance);
        Pinhole cam;
        cam.tiltDeg = tiltDeg;
        cam.focal = focal;
        PersonScaleEstimator estimator(1.7, cam.aspect);
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> xs(-2.0, 2.0);
        std::uniform_real_distribution<double> zs(6.0, 25.0);
        std::normal_distribution<double> tall(1.7, 0.08);
        QVERIFY(!estimator.model().has_value());  // nothing seen yet
        for (int i = 0; i < 400; ++i) {
            estimator.add(cam.personBox(xs(rng), zs(rng), tall(rng)));
        }
        QVERIFY(estimator.samples() > 300);
        const auto model = estimator.model();
        QVERIFY(model.has_value());
        QCOMPARE(model->kind(), GroundModel::Kind::Estimated);
        for (double z : {7.0, 12.0, 20.0}) {
            const double d = model->distanceM(cam.project(-1.0, z), cam.project(1.0, z));
            QVERIFY2(near(d, 2.0, tolerance), qPrintable(QString("z %1: %2").arg(z).arg(d)));
        }
    }

    void estimatorResistsOutliers() {
        const Pinhole cam;
        PersonScaleEstimator estimator(1.7, cam.aspect);
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> xs(-3.0, 3.0);
        std::uniform_real_distribution<double> zs(5.0, 25.0);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (int i = 0; i < 600; ++i) {
            const double x = xs(rng);
            const double z = zs(rng);
            const double r = u(rng);
            if (r < 0.2) {  // seated, children, half hidden: 0.9..1.2 m
                estimator.add(cam.personBox(x, z, 0.9 + 0.3 * u(rng)));
            } else if (r < 0.3) {  // lying: a wide, flat box
                const BoxF b = cam.personBox(x, z, 1.7);
                const double w = b.height() * 3.0;
                estimator.add(BoxF{b.x0, b.y1 - b.height() * 0.3, b.x0 + w, b.y1});
            } else {
                estimator.add(cam.personBox(x, z, 1.7));
            }
        }
        QVERIFY(estimator.samples() < 600);  // the lying boxes were refused
        const auto model = estimator.model();
        QVERIFY(model.has_value());
        for (double z : {6.0, 12.0, 20.0}) {
            const double d = model->distanceM(cam.project(-1.0, z), cam.project(1.0, z));
            QVERIFY2(near(d, 2.0, 0.07), qPrintable(QString("z %1: %2").arg(z).arg(d)));
        }
    }

    void estimatorWaitsForSpread() {
        PersonScaleEstimator estimator;
        for (int i = 0; i < 100; ++i) {  // everyone at the same depth
            estimator.add(BoxF{0.4, 0.4, 0.45, 0.6});
        }
        QVERIFY(!estimator.model().has_value());
        // Boxes cut by the picture border are not people's heights.
        PersonScaleEstimator cut;
        for (int i = 0; i < 100; ++i) {
            cut.add(BoxF{0.4, 0.0, 0.45, 0.2 + 0.005 * i});
        }
        QCOMPARE(cut.samples(), std::size_t(0));
    }

    void degenerateDrawingsRejected_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("text");
        QTest::newRow("nothing drawn") << 0 << "no calibration";
        QTest::newRow("corners in a line") << 1 << "in a line";
        QTest::newRow("corners out of order") << 2 << "not convex";
        QTest::newRow("zero width") << 3 << "positive";
        QTest::newRow("tiny quad") << 4 << "too small";
        QTest::newRow("quad and lengths") << 5 << "not both";
        QTest::newRow("one length") << 6 << "at least two";
        QTest::newRow("lengths at one depth") << 7 << "same depth";
        QTest::newRow("length of a point") << 8 << "too close";
        QTest::newRow("farther looks larger") << 9 << "farther";
        QTest::newRow("three corners") << 10 << "exactly 4";
    }
    void degenerateDrawingsRejected() {
        QFETCH(int, which);
        QFETCH(QString, text);
        Calibration c;
        const std::vector<PointF> goodQuad = {{0.2, 0.9}, {0.8, 0.9}, {0.65, 0.5}, {0.35, 0.5}};
        const ReferenceLength nearRef{{0.3, 0.9}, {0.7, 0.9}, 4.0};
        const ReferenceLength farRef{{0.4, 0.55}, {0.6, 0.55}, 4.0};
        c.quadWidthM = 4.0;
        c.quadDepthM = 8.0;
        switch (which) {
            case 1:
                c.groundQuad = {{0.1, 0.9}, {0.3, 0.9}, {0.5, 0.9}, {0.7, 0.9}};
                break;
            case 2:
                c.groundQuad = {goodQuad[0], goodQuad[2], goodQuad[1], goodQuad[3]};
                break;
            case 3:
                c.groundQuad = goodQuad;
                c.quadWidthM = 0.0;
                break;
            case 4:
                c.groundQuad = {{0.5, 0.5}, {0.505, 0.5}, {0.505, 0.505}, {0.5, 0.505}};
                break;
            case 5:
                c.groundQuad = goodQuad;
                c.referenceLengths = {nearRef, farRef};
                break;
            case 6:
                c.referenceLengths = {nearRef};
                break;
            case 7:
                c.referenceLengths = {nearRef, {{0.4, 0.9}, {0.6, 0.9}, 2.0}};
                break;
            case 8:
                c.referenceLengths = {nearRef, {{0.4, 0.55}, {0.4005, 0.55}, 4.0}};
                break;
            case 9:
                c.referenceLengths = {nearRef, {{0.4, 0.55}, {0.6, 0.55}, 0.5}};
                break;
            case 10:
                c.groundQuad = {goodQuad[0], goodQuad[1], goodQuad[2]};
                break;
            default:
                break;
        }
        const auto model = GroundModel::fromCalibration(c);
        QVERIFY2(!model.ok(), "a degenerate drawing was accepted");
        const QString message = QString::fromStdString(model.error().message);
        QVERIFY2(message.contains(text), qPrintable(message));
    }

    void homographyRefusesDegeneratePoints() {
        const std::array<PointF, 4> line = {PointF{0.0, 0.0}, PointF{0.1, 0.1}, PointF{0.2, 0.2},
                                            PointF{0.5, 0.9}};
        const std::array<PointF, 4> square = {PointF{0.0, 0.0}, PointF{1.0, 0.0}, PointF{1.0, 1.0},
                                              PointF{0.0, 1.0}};
        QVERIFY(!homographyFrom4(line, square).has_value());
        QVERIFY(!homographyFrom4(square, line).has_value());
        const std::array<PointF, 4> nan = {PointF{std::nan(""), 0.0}, PointF{1.0, 0.0},
                                           PointF{1.0, 1.0}, PointF{0.0, 1.0}};
        QVERIFY(!homographyFrom4(nan, square).has_value());
    }

    void skyIsHeldAtTheFarLimit() {
        const Pinhole cam;
        const auto model = GroundModel::fromCalibration(quadOf(cam, -2.0, 6.0, 4.0, 8.0));
        QVERIFY(model.ok());
        // Above the horizon: finite, bounded by kFarLimit times the farthest corner.
        const PointF sky = model->toGround({0.5, 0.0});
        QVERIFY(std::isfinite(sky.x) && std::isfinite(sky.y));
        QVERIFY(length(sky) <= GroundModel::kFarLimit * 20.0);
    }
};

QTEST_APPLESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
