// Masks: a box is masked by its ground point or by half its area; suggestions group the
// false alerts of one place, need a minimum count, and never cover a confirmed alert.
#include <QtTest>

#include "core/mask_suggestion.h"
#include "core/masks.h"
#include "tests/support/core_printers.h"

using namespace vigie::core;

namespace {

Camera cameraWithMask() {
    Camera cam;
    cam.id = "cam1";
    Zone area;
    area.id = "hall";
    area.kind = ZoneKind::Area;
    area.polygon = {{{0.0, 0.0}, {1.0, 0.0}, {1.0, 1.0}, {0.0, 1.0}}};
    Zone sign;
    sign.id = "sign";
    sign.kind = ZoneKind::Mask;
    sign.polygon = {{{0.6, 0.1}, {0.9, 0.1}, {0.9, 0.3}, {0.6, 0.3}}};
    cam.zones = {area, sign};
    return cam;
}

Alert alertAt(const std::string& uid, BoxF box, Qualification q, EventType event = EventType::Fire,
              const std::string& camera = "cam1") {
    Alert a;
    a.uid = uid;
    a.cameraId = camera;
    a.event = event;
    a.qualification = q;
    a.boxes = {box};
    return a;
}

}  // namespace

class TestMaskSuggestion : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void boxMaskedByGroundPointOrArea() {
        const Camera cam = cameraWithMask();
        QCOMPARE(masksOf(cam).size(), std::size_t(1));
        // Bottom centre inside the mask, most of the box above it.
        QVERIFY(isMasked(cam, BoxF{0.7, 0.0, 0.8, 0.2}));
        // Entirely inside.
        QVERIFY(isMasked(cam, BoxF{0.65, 0.15, 0.75, 0.25}));
        // 80 % of the area inside, bottom centre outside (below the mask).
        QVERIFY(isMasked(cam, BoxF{0.65, 0.14, 0.75, 0.34}));
        // 12 % inside, bottom centre outside: not masked.
        QVERIFY(!isMasked(cam, BoxF{0.55, 0.25, 0.65, 0.45}));
        // Far away; and an area zone masks nothing.
        QVERIFY(!isMasked(cam, BoxF{0.1, 0.5, 0.2, 0.8}));
        QVERIFY(isMasked(cam, PointF{0.7, 0.2}));
        QVERIFY(!isMasked(cam, PointF{0.5, 0.5}));
        Camera none = cam;
        none.zones.pop_back();
        QVERIFY(!isMasked(none, BoxF{0.7, 0.0, 0.8, 0.2}));
    }

    void fractionInsideIsAccurate() {
        const Polygon square{{{0.0, 0.0}, {0.5, 0.0}, {0.5, 1.0}, {0.0, 1.0}}};
        QVERIFY(std::abs(fractionInside(square, BoxF{0.25, 0.2, 0.75, 0.4}) - 0.5) < 0.07);
        QCOMPARE(fractionInside(square, BoxF{0.6, 0.2, 0.9, 0.4}), 0.0);
        QCOMPARE(fractionInside(square, BoxF{0.1, 0.2, 0.4, 0.4}), 1.0);
    }

    void hull() {
        const auto h = convexHull(
            {{0.0, 0.0}, {1.0, 0.0}, {0.5, 0.5}, {1.0, 1.0}, {0.0, 1.0}, {0.5, 0.0}, {0.0, 0.0}});
        QCOMPARE(h.size(), std::size_t(4));
        QVERIFY(std::abs(area(Polygon{h}) - 1.0) < 1e-12);
    }

    void suggestsWhereFalseAlertsRepeat() {
        const Camera cam = cameraWithMask();
        std::vector<Alert> alerts;
        // A blinking sign bottom-left read as fire, four times at nearly the same place.
        for (int i = 0; i < 4; ++i) {
            const double d = 0.005 * i;
            alerts.push_back(alertAt("fp" + std::to_string(i), BoxF{0.1 + d, 0.6, 0.2 + d, 0.7},
                                     Qualification::FalsePositive));
        }
        // Two scattered false alerts elsewhere: not a place.
        alerts.push_back(alertAt("x1", BoxF{0.4, 0.4, 0.45, 0.5}, Qualification::FalsePositive));
        alerts.push_back(alertAt("x2", BoxF{0.8, 0.7, 0.85, 0.8}, Qualification::FalsePositive));
        // Another camera's false alerts at the same place do not count.
        for (int i = 0; i < 5; ++i) {
            alerts.push_back(alertAt("o" + std::to_string(i), BoxF{0.4, 0.4, 0.45, 0.5},
                                     Qualification::FalsePositive, EventType::Fire, "cam2"));
        }
        const auto masks = suggestMasks(alerts, cam);
        QCOMPARE(masks.size(), std::size_t(1));
        const MaskSuggestion& m = masks[0];
        QCOMPARE(m.alertUids.size(), std::size_t(4));
        QCOMPARE(m.events, std::vector<EventType>{EventType::Fire});
        QVERIFY(!m.marginDropped);
        // Covers every box, with the margin, and not much more.
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(fractionInside(m.polygon, alerts[std::size_t(i)].boxes[0]), 1.0);
        }
        QVERIFY(contains(m.polygon, PointF{0.09, 0.59}));
        QVERIFY(!contains(m.polygon, PointF{0.05, 0.55}));
        QVERIFY(area(m.polygon) < 0.03);
        // The suggestion masks the place it was made for.
        Camera masked = cam;
        Zone z;
        z.id = "suggested";
        z.kind = ZoneKind::Mask;
        z.polygon = m.polygon;
        masked.zones.push_back(z);
        QVERIFY(isMasked(masked, alerts[0].boxes[0]));
        // … and is not suggested again once the mask exists.
        QVERIFY(suggestMasks(alerts, masked).empty());
    }

    void needsTheMinimumCount() {
        const Camera cam = cameraWithMask();
        std::vector<Alert> alerts;
        for (int i = 0; i < 2; ++i) {
            alerts.push_back(alertAt("fp" + std::to_string(i), BoxF{0.1, 0.6, 0.2, 0.7},
                                     Qualification::FalsePositive));
        }
        // Several boxes of ONE alert are one alert.
        Alert many = alertAt("many", BoxF{0.1, 0.6, 0.2, 0.7}, Qualification::FalsePositive);
        many.boxes.push_back(BoxF{0.11, 0.6, 0.21, 0.7});
        QVERIFY(suggestMasks(alerts, cam).empty());
        alerts.push_back(many);
        QCOMPARE(suggestMasks(alerts, cam).size(), std::size_t(1));
        MaskSuggestionOptions strict;
        strict.minAlerts = 4;
        QVERIFY(suggestMasks(alerts, cam, strict).empty());
        // Unreviewed alerts are no evidence.
        for (auto& a : alerts) {
            a.qualification = Qualification::Unreviewed;
        }
        QVERIFY(suggestMasks(alerts, cam).empty());
    }

    void neverOverConfirmedAlerts() {
        const Camera cam = cameraWithMask();
        std::vector<Alert> alerts;
        for (int i = 0; i < 3; ++i) {
            alerts.push_back(alertAt("fp" + std::to_string(i), BoxF{0.1, 0.6, 0.2, 0.7},
                                     Qualification::FalsePositive));
        }
        // A confirmed alert just outside the boxes but inside the margin: the margin goes.
        std::vector<Alert> nearby = alerts;
        nearby.push_back(alertAt("c1", BoxF{0.205, 0.6, 0.25, 0.7}, Qualification::Confirmed));
        auto masks = suggestMasks(nearby, cam);
        QCOMPARE(masks.size(), std::size_t(1));
        QVERIFY(masks[0].marginDropped);
        QCOMPARE(fractionInside(masks[0].polygon, nearby.back().boxes[0]), 0.0);
        // A confirmed alert at the very place: no suggestion at all.
        std::vector<Alert> same = alerts;
        same.push_back(alertAt("c2", BoxF{0.12, 0.62, 0.18, 0.68}, Qualification::Confirmed));
        QVERIFY(suggestMasks(same, cam).empty());
    }

    void tooLargeIsNotSuggested() {
        const Camera cam = cameraWithMask();
        std::vector<Alert> alerts;
        // False alerts spread over half of the picture, linked step by step.
        for (int i = 0; i < 12; ++i) {
            const double x = 0.04 * i;
            alerts.push_back(alertAt("fp" + std::to_string(i), BoxF{x, 0.3, x + 0.1, 0.9},
                                     Qualification::FalsePositive));
        }
        QVERIFY(suggestMasks(alerts, cam).empty());
        MaskSuggestionOptions loose;
        loose.maxAreaFraction = 1.0;
        QCOMPARE(suggestMasks(alerts, cam, loose).size(), std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(TestMaskSuggestion)
#include "tst_mask_suggestion.moc"
