// Site configuration: a minimal valid fixture, then one change per row (Frigate's habit):
// every rejected change names the JSON path of the problem.
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "core/site_config.h"
#include "tests/support/core_printers.h"
#include "tests/support/test_support.h"

using namespace vigie::core;
using nlohmann::json;

namespace {

json fixture() {
    std::ifstream in(vigie::test::sourcePath("tests/fixtures/site_minimal.json").toStdString());
    std::stringstream s;
    s << in.rdbuf();
    return json::parse(s.str());
}

json fullFixture() {
    std::ifstream in(vigie::test::sourcePath("tests/fixtures/site_full.json").toStdString());
    std::stringstream s;
    s << in.rdbuf();
    return json::parse(s.str());
}

}  // namespace

class TestSiteConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtureIsValid() {
        const auto site = parseSite(fixture().dump(), "/base");
        QVERIFY2(site.ok(), site.ok() ? "" : site.error().message.c_str());
        QCOMPARE(site->id, std::string("test-site"));
        QCOMPARE(site->cameras.size(), std::size_t(1));
        const Camera& cam = site->cameras[0];
        QCOMPARE(cam.analysisFps, 12.5);
        QCOMPARE(cam.zones.at(0).polygon.points.size(), std::size_t(4));
        QCOMPARE(cam.lines.at(0).direction, CrossingDirection::ToLeft);
        QCOMPARE(site->rules.size(), std::size_t(2));
        const auto& intrusion = std::get<IntrusionParams>(site->rules[0].params);
        QCOMPARE(intrusion.minDwellS, 0.5);
        QCOMPARE(site->rules[0].severity, Severity::Major);  // default for intrusion
        QCOMPARE(site->schedules.at(0).weekly.at(0).daysMask, std::uint8_t(0x1F));
        QCOMPARE(site->schedules.at(0).weekly.at(0).startMin, 8 * 60);
        QCOMPARE(site->schedules.at(0).exceptions.at(0).date, (CalendarDate{2026, 12, 25}));
        QCOMPARE(site->resolvePath(cam.source.url), std::string("/base/clip.mp4"));
        QCOMPARE(site->resolvePath("rtsp://vms/cam"), std::string("rtsp://vms/cam"));
    }

    void roundTrip() {
        const auto site = parseSite(fixture().dump(), "/base");
        QVERIFY(site.ok());
        const std::string text = toJson(*site);
        const auto again = parseSite(text, "/base");
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QCOMPARE(toJson(*again), text);
    }

    void oneChange_data() {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("expectedPath");
        QTest::addColumn<QString>("expectedText");

        auto row = [](const char* name, const char* patch, const char* path, const char* text) {
            QTest::newRow(name) << QString::fromUtf8(patch) << QString::fromUtf8(path)
                                << QString::fromUtf8(text);
        };
        row("unknown top-level key", R"([{"op":"add","path":"/camera","value":[]}])", "$.camera",
            "unknown key");
        row("typo in a camera key", R"([{"op":"add","path":"/cameras/0/analysis_fsp","value":5}])",
            "$.cameras[0].analysis_fsp", "unknown key");
        row("missing version", R"([{"op":"remove","path":"/version"}])", "$.version", "missing");
        row("newer version", R"([{"op":"replace","path":"/version","value":99}])", "$.version",
            "newer Vigie");
        row("no cameras", R"([{"op":"replace","path":"/cameras","value":[]}])", "$.cameras",
            "at least one camera");
        row("bad camera id", R"([{"op":"replace","path":"/cameras/0/id","value":"cam 1"}])",
            "$.cameras[0].id", "not a valid identifier");
        row("fps out of range", R"([{"op":"replace","path":"/cameras/0/analysis_fps","value":0}])",
            "$.cameras[0].analysis_fps", "outside");
        row("fps as string", R"([{"op":"replace","path":"/cameras/0/analysis_fps","value":"12"}])",
            "$.cameras[0].analysis_fps", "expected a number");
        row("credentials in url",
            R"([{"op":"replace","path":"/cameras/0/source/url","value":"rtsp://admin:pw@10.0.0.1/s"}])",
            "$.cameras[0].source.url", "keychain");
        row("bad transport",
            R"([{"op":"replace","path":"/cameras/0/source/transport","value":"sctp"}])",
            "$.cameras[0].source.transport", "not a transport");
        row("point outside image",
            R"([{"op":"replace","path":"/cameras/0/zones/0/points/1","value":[1.5,0.1]}])",
            "$.cameras[0].zones[0].points[1]", "normalised");
        row("polygon of two points",
            R"([{"op":"replace","path":"/cameras/0/zones/0/points","value":[[0.1,0.1],[0.2,0.2]]}])",
            "$.cameras[0].zones[0].points", "at least 3");
        row("self-crossing polygon",
            R"([{"op":"replace","path":"/cameras/0/zones/0/points","value":[[0.1,0.1],[0.5,0.5],[0.5,0.1],[0.1,0.5]]}])",
            "$.cameras[0].zones[0].points", "cross");
        row("duplicate zone id",
            R"([{"op":"replace","path":"/cameras/0/lines/0/id","value":"z1"}])",
            "$.cameras[0].lines[0].id", "already used");
        row("bad direction",
            R"([{"op":"replace","path":"/cameras/0/lines/0/direction","value":"up"}])",
            "$.cameras[0].lines[0].direction", "not a direction");
        row("unknown event", R"([{"op":"replace","path":"/rules/0/event","value":"loitering"}])",
            "$.rules[0].event", "not an event");
        row("unknown camera in rule",
            R"([{"op":"replace","path":"/rules/0/camera","value":"cam9"}])", "$.rules[0].camera",
            "no camera");
        row("unknown zone in rule", R"([{"op":"replace","path":"/rules/0/zones/0","value":"z9"}])",
            "$.rules[0].zones[0]", "no zone or line");
        row("line for intrusion", R"([{"op":"replace","path":"/rules/0/zones/0","value":"l1"}])",
            "$.rules[0].zones[0]", "is a line");
        row("zone for line crossing",
            R"([{"op":"replace","path":"/rules/1/zones/0","value":"z1"}])", "$.rules[1].zones[0]",
            "is a zone");
        row("unknown schedule", R"([{"op":"replace","path":"/rules/1/schedule","value":"night"}])",
            "$.rules[1].schedule", "no schedule");
        row("unknown param", R"([{"op":"add","path":"/rules/0/params/dwell","value":3}])",
            "$.rules[0].params.dwell", "unknown key");
        row("score above one", R"([{"op":"add","path":"/rules/0/params/min_score","value":1.5}])",
            "$.rules[0].params.min_score", "outside");
        row("empty classes", R"([{"op":"replace","path":"/rules/0/params/classes","value":[]}])",
            "$.rules[0].params.classes", "at least one class");
        row("duplicate rule id", R"([{"op":"replace","path":"/rules/1/id","value":"r1"}])",
            "$.rules[1].id", "already used");
        row("bad day",
            R"([{"op":"replace","path":"/schedules/0/weekly/0/days/0","value":"lundi"}])",
            "$.schedules[0].weekly[0].days[0]", "not a day");
        row("bad time", R"([{"op":"replace","path":"/schedules/0/weekly/0/end","value":"25:00"}])",
            "$.schedules[0].weekly[0].end", "not a time");
        row("empty window",
            R"([{"op":"replace","path":"/schedules/0/weekly/0/end","value":"08:00"}])",
            "$.schedules[0].weekly[0]", "empty");
        row("bad date",
            R"([{"op":"replace","path":"/schedules/0/exceptions/0/date","value":"2026-02-30"}])",
            "$.schedules[0].exceptions[0].date", "not a date");
        row("bad device", R"([{"op":"add","path":"/engine","value":{"device":"tpu"}}])",
            "$.engine.device", "not a device");
    }
    void oneChange() {
        QFETCH(QString, patch);
        QFETCH(QString, expectedPath);
        QFETCH(QString, expectedText);
        const json doc = fixture().patch(json::parse(patch.toStdString()));
        const auto site = parseSite(doc.dump(), "/base");
        QVERIFY2(!site.ok(), "the change was accepted");
        const QString message = QString::fromStdString(site.error().message);
        QVERIFY2(message.contains(expectedPath + QLatin1String(": ")), qPrintable(message));
        QVERIFY2(message.contains(expectedText), qPrintable(message));
    }

    // The full fixture: every event, the three calibration methods, detection settings, a
    // mask, silent and composite rules.
    void fullSiteParses() {
        const auto site = parseSite(fullFixture().dump(), "/base");
        QVERIFY2(site.ok(), site.ok() ? "" : site.error().message.c_str());
        QCOMPARE(site->cameras.size(), std::size_t(3));
        const Camera& hall = site->cameras[0];
        QCOMPARE(hall.zones.at(2).kind, ZoneKind::Mask);
        QCOMPARE(hall.calibration.groundQuad.size(), std::size_t(4));
        QCOMPARE(hall.calibration.quadWidthM, 6.0);
        QCOMPARE(hall.calibration.quadDepthM, 10.0);
        QVERIFY(hall.calibration.isDrawn());
        QCOMPARE(hall.detection.tileRows, 2);
        QCOMPARE(hall.detection.tileCols, 2);
        QCOMPARE(hall.detection.tileOverlap, 0.25);
        QVERIFY(hall.detection.motionGating);
        QCOMPARE(hall.detection.motionThreshold, 0.01);
        QCOMPARE(hall.detection.maxSkipS, 1.5);
        const Camera& platform = site->cameras[1];
        QCOMPARE(platform.calibration.referenceLengths.size(), std::size_t(2));
        QCOMPARE(platform.calibration.referenceLengths[1].a, (PointF{0.4, 0.55}));
        QCOMPARE(platform.calibration.referenceLengths[1].lengthM, 4.0);
        QVERIFY(platform.calibration.isDrawn());
        QCOMPARE(platform.detection.tileRows, 1);  // defaults
        QVERIFY(!platform.detection.motionGating);
        const Camera& atrium = site->cameras[2];
        QVERIFY(!atrium.calibration.isDrawn());
        QCOMPARE(atrium.calibration.personHeightM, 1.65);

        const auto rule = [&](const char* id) -> const Rule& {
            for (const auto& r : site->rules) {
                if (r.id == id) {
                    return r;
                }
            }
            qFatal("no rule %s", id);
        };
        const auto& ww = std::get<WrongWayParams>(rule("wrong-way").params);
        QCOMPARE(ww.allowedDirection, (PointF{0.0, 1.0}));
        QCOMPARE(ww.angleToleranceDeg, 45.0);
        QCOMPARE(ww.minDistanceM, 3.0);
        QCOMPARE(ww.minDurationS, 1.5);
        QCOMPARE(ww.minScore, 0.4);
        const auto& density = std::get<DensityParams>(rule("density").params);
        QCOMPARE(density.thresholdPerM2, 3.0);
        QCOMPARE(density.holdS, 10.0);
        QCOMPARE(density.method, DensityMethod::Count);
        QCOMPARE(density.densityMapAbovePeople, 40);
        const auto& crowd = std::get<CrowdMovementParams>(rule("crowd").params);
        QCOMPARE(crowd.sensitivity, 0.7);
        QCOMPARE(crowd.minFraction, 0.4);
        QCOMPARE(crowd.minPeople, 6);
        QCOMPARE(crowd.runningSpeedMps, 3.0);
        QCOMPARE(crowd.baselineWindowS, 600.0);
        QCOMPARE(crowd.minAreaFraction, 0.1);
        const auto& bag = std::get<AbandonedObjectParams>(rule("bag").params);
        QCOMPARE(bag.classes, (std::vector<std::string>{"suitcase", "backpack"}));
        QCOMPARE(bag.staticForS, 60.0);
        QCOMPARE(bag.ownerDistanceM, 5.0);
        QCOMPARE(bag.minSizeFraction, 0.001);
        QVERIFY(!bag.requireStaticForeground);
        QCOMPARE(bag.minScore, 0.3);
        const auto& down = std::get<PersonOnGroundParams>(rule("down").params);
        QCOMPARE(down.minDurationS, 8.0);
        QCOMPARE(down.minConfidence, 0.4);
        QVERIFY(!down.requireFall);
        QVERIFY(rule("down").zoneIds.empty());  // the whole picture
        const auto& fire = std::get<FireParams>(rule("fire").params);
        QCOMPARE(fire.sensitivity, 0.6);
        QCOMPARE(fire.minAreaFraction, 0.005);
        QCOMPARE(fire.holdS, 4.0);
        QCOMPARE(rule("fire").severity, Severity::Critical);  // default for fire
        const auto& knife = std::get<WeaponParams>(rule("knife").params);
        QCOMPARE(knife.minScore, 0.6);
        QCOMPARE(knife.holdFrames, 4);

        // A silent rule keeps the documented defaults for what it does not set.
        const Rule& running = rule("running");
        QVERIFY(running.silent);
        QVERIFY(!running.condition);
        const auto& rp = std::get<CrowdMovementParams>(running.params);
        QCOMPARE(rp.minPeople, 2);
        QCOMPARE(rp.sensitivity, CrowdMovementParams{}.sensitivity);
        QCOMPARE(rp.baselineWindowS, CrowdMovementParams{}.baselineWindowS);

        // Composite rules: the tree as written, the event inherited from the first rule named.
        const Rule& both = rule("crowded-and-running");
        QVERIFY(both.condition);
        QVERIFY(!both.silent);
        QCOMPARE(both.event, EventType::Density);
        QCOMPARE(both.severity, Severity::Critical);
        QCOMPARE(both.cooldownS, 120.0);
        const Condition& c = *both.condition;
        QCOMPARE(c.op, Condition::Op::And);
        QCOMPARE(c.operands.size(), std::size_t(2));
        QCOMPARE(c.operands[0].op, Condition::Op::ForAtLeast);
        QCOMPARE(c.operands[0].seconds, 20.0);
        QCOMPARE(c.operands[0].operands.at(0).op, Condition::Op::Rule);
        QCOMPARE(c.operands[0].operands.at(0).ruleId, std::string("density"));
        QCOMPARE(c.operands[1].op, Condition::Op::Rule);  // "running": a plain string
        QCOMPARE(c.operands[1].ruleId, std::string("running"));
        const Rule& then = rule("crossing-then-bag");
        QCOMPARE(then.event, EventType::AbandonedObject);  // written: kept
        QCOMPARE(then.condition->op, Condition::Op::Within);
        QCOMPARE(then.condition->seconds, 300.0);
        QCOMPARE(then.condition->operands.at(0).ruleId, std::string("crossing"));
        QCOMPARE(then.condition->operands.at(1).ruleId, std::string("bag"));
        const Rule& repeated = rule("repeated-crossing");
        QCOMPARE(repeated.event, EventType::LineCrossing);
        const Condition& count = repeated.condition->operands.at(0);
        QCOMPARE(count.op, Condition::Op::Count);
        QCOMPARE(count.ruleId, std::string("crossing"));
        QCOMPARE(count.atLeast, 5);
        QCOMPARE(count.seconds, 60.0);
        QCOMPARE(repeated.condition->operands.at(1).op, Condition::Op::Not);
    }

    void fullRoundTrip() {
        const auto site = parseSite(fullFixture().dump(), "/base");
        QVERIFY(site.ok());
        const std::string text = toJson(*site);
        const auto again = parseSite(text, "/base");
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QCOMPARE(toJson(*again), text);
        QCOMPARE(again->rules.size(), site->rules.size());
        QVERIFY(again->rules.back().condition.has_value());
        QCOMPARE(again->cameras[1].calibration.referenceLengths.size(), std::size_t(2));
    }

    // One change of the full fixture per case, read from a table next to it.
    void fullOneChange_data() {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("expectedPath");
        QTest::addColumn<QString>("expectedText");
        std::ifstream in(
            vigie::test::sourcePath("tests/fixtures/site_full_bad_cases.json").toStdString());
        const json cases = json::parse(in);
        QVERIFY(cases.size() >= 40);
        for (const auto& c : cases) {
            QTest::newRow(c.at("name").get<std::string>().c_str())
                << QString::fromStdString(c.at("patch").dump())
                << QString::fromStdString(c.at("path").get<std::string>())
                << QString::fromStdString(c.at("text").get<std::string>());
        }
    }
    void fullOneChange() {
        QFETCH(QString, patch);
        QFETCH(QString, expectedPath);
        QFETCH(QString, expectedText);
        const json doc = fullFixture().patch(json::parse(patch.toStdString()));
        const auto site = parseSite(doc.dump(), "/base");
        QVERIFY2(!site.ok(), "the change was accepted");
        const QString message = QString::fromStdString(site.error().message);
        QVERIFY2(message.contains(expectedPath + QLatin1String(": ")), qPrintable(message));
        QVERIFY2(message.contains(expectedText), qPrintable(message));
    }

    void reportsEveryError() {
        json doc = fixture();
        doc["cameras"][0]["analysis_fps"] = -1;
        doc["rules"][0]["event"] = "nope";
        doc["schedules"][0]["weekly"][0]["start"] = "8h";
        const auto site = parseSite(doc.dump(), "/base");
        QVERIFY(!site.ok());
        const QString message = QString::fromStdString(site.error().message);
        QCOMPARE(message.count(QLatin1Char('\n')), 2);  // three issues, one per line
    }

    void notJson() {
        const auto site = parseSite("{\"version\": 1,", "/base");
        QVERIFY(!site.ok());
        QVERIFY(
            QString::fromStdString(site.error().message).contains(QLatin1String("not valid JSON")));
    }

    void missingFile() {
        const auto site = loadSite("/nonexistent/site.json");
        QVERIFY(!site.ok());
        QVERIFY(
            QString::fromStdString(site.error().message).contains(QLatin1String("cannot read")));
    }
};

QTEST_APPLESS_MAIN(TestSiteConfig)
#include "tst_site_config.moc"
