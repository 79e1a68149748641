// Alert life cycle: open on the first active frame, extend, close after the hold time,
// cooldown, schedules, switches and end of stream; composition (and, or, not, for at least,
// within, count), silent rules, de-duplication, validation, and the evidence alerts carry.
#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/alert_json.h"
#include "core/rule_engine.h"
#include "tests/support/core_printers.h"

using namespace vigie::core;

namespace {

struct RecordingSink : AlertSink {
    std::vector<Alert> opened;
    std::vector<Alert> updated;
    std::vector<Alert> closed;
    void onAlertOpened(const Alert& a) override { opened.push_back(a); }
    void onAlertUpdated(const Alert& a) override { updated.push_back(a); }
    void onAlertClosed(const Alert& a) override { closed.push_back(a); }
};

struct FixedGate : ScheduleGate {
    bool active = true;
    bool isActive(const std::string&, std::int64_t) const override { return active; }
};

Site makeSite() {
    Site site;
    site.id = "s";
    Camera cam;
    cam.id = "cam1";
    site.cameras.push_back(cam);
    Rule rule;
    rule.id = "r1";
    rule.event = EventType::Intrusion;
    rule.cameraId = "cam1";
    rule.severity = Severity::Major;
    rule.holdS = 2.0;
    rule.cooldownS = 10.0;
    rule.params = IntrusionParams{};
    site.rules.push_back(rule);
    return site;
}

constexpr std::int64_t kS = 1'000'000;

RuleObservation active(double score = 0.8) {
    RuleObservation o;
    o.active = true;
    o.score = score;
    o.boxes = {{0.1, 0.1, 0.2, 0.3}};
    o.trackIds = {7};
    o.zoneId = "z1";
    return o;
}

// Feeds `pattern` (one char per 0.5 s: '#' active, '.' inactive) to the engine.
void feed(RuleEngine& engine, const Rule& rule, const std::string& pattern,
          std::int64_t startUs = 0) {
    std::int64_t t = startUs;
    for (char c : pattern) {
        RuleObservation o = c == '#' ? active() : RuleObservation{};
        engine.process(t, 1'700'000'000'000 + t / 1000, {{&rule, o}});
        t += kS / 2;
    }
}

Rule leaf(const std::string& id, EventType event = EventType::Intrusion, bool silent = true) {
    Rule r;
    r.id = id;
    r.event = event;
    r.cameraId = "cam1";
    r.severity = Severity::Major;
    r.holdS = 0.0;
    r.cooldownS = 0.0;
    r.silent = silent;
    r.params = IntrusionParams{};
    return r;
}

Condition ruleRef(const std::string& id) {
    Condition c;
    c.op = Condition::Op::Rule;
    c.ruleId = id;
    return c;
}

Condition op(Condition::Op o, std::vector<Condition> operands, double seconds = 0.0) {
    Condition c;
    c.op = o;
    c.operands = std::move(operands);
    c.seconds = seconds;
    return c;
}

Rule composite(const std::string& id, Condition c) {
    Rule r = leaf(id, EventType::Intrusion, false);
    r.condition = std::move(c);
    return r;
}

// Site with silent rules a and b (and c) and the given composite rules.
Site compositionSite(std::vector<Rule> composites) {
    Site site;
    site.id = "s";
    Camera cam;
    cam.id = "cam1";
    site.cameras.push_back(cam);
    site.rules = {leaf("a"), leaf("b"), leaf("c")};
    for (auto& r : composites) {
        site.rules.push_back(std::move(r));
    }
    return site;
}

RuleObservation evidence(const BoxF& box, TrackId track, double score = 0.7) {
    RuleObservation o;
    o.active = true;
    o.score = score;
    o.boxes = {box};
    o.trackIds = {track};
    o.zoneId = "z1";
    return o;
}

// One char per 0.5 s for each of a and b: '#' active, '.' not. Returns the time of the first
// opened alert (seconds) or -1.
double feedTwo(RuleEngine& engine, const Site& site, const RecordingSink& sink,
               const std::string& a, const std::string& b) {
    double first = -1.0;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        const std::int64_t t = std::int64_t(i) * kS / 2;
        const RuleObservation oa =
            i < a.size() && a[i] == '#' ? evidence({0.1, 0.1, 0.2, 0.3}, 1) : RuleObservation{};
        const RuleObservation ob =
            i < b.size() && b[i] == '#' ? evidence({0.5, 0.5, 0.6, 0.8}, 2) : RuleObservation{};
        engine.process(t, 1'700'000'000'000 + t / 1000,
                       {{&site.rules[0], oa}, {&site.rules[1], ob}});
        if (first < 0 && !sink.opened.empty()) {
            first = double(t) / double(kS);
        }
    }
    return first;
}

}  // namespace

class TestRuleEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensExtendsAndCloses() {
        const Site site = makeSite();
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        // active from 1.0 s to 3.0 s, then quiet long enough to close (hold 2 s)
        feed(engine, site.rules[0], "..#####.......");
        QCOMPARE(sink.opened.size(), std::size_t(1));
        QCOMPARE(sink.closed.size(), std::size_t(1));
        const Alert& a = sink.closed[0];
        QCOMPARE(a.startUs, 1 * kS);
        QCOMPARE(a.endUs, 3 * kS);
        QCOMPARE(a.cameraId, std::string("cam1"));
        QCOMPARE(a.ruleId, std::string("r1"));
        QCOMPARE(a.zoneId, std::string("z1"));
        QCOMPARE(a.event, EventType::Intrusion);
        QCOMPARE(a.uid.size(), std::size_t(32));
        QCOMPARE(a.uid, sink.opened[0].uid);
        QVERIFY(!a.open);
        QCOMPARE(engine.stats().opened, 1);
    }

    void shortGapsDoNotSplitAnAlert() {
        const Site site = makeSite();
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        feed(engine, site.rules[0], "###..###..###.......");  // gaps of 1 s < hold 2 s
        QCOMPARE(sink.opened.size(), std::size_t(1));
        QCOMPARE(sink.closed.size(), std::size_t(1));
        QCOMPARE(sink.closed[0].endUs, 6 * kS);
    }

    void cooldownSuppressesRetrigger() {
        const Site site = makeSite();
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        // alert ends at 1.0 s; cooldown 10 s → activity at 4 s suppressed, at 12 s raises.
        std::string pattern = "###" + std::string(5, '.') + "##" + std::string(14, '.') + "##";
        feed(engine, site.rules[0], pattern);
        QCOMPARE(sink.opened.size(), std::size_t(2));
        QCOMPARE(sink.opened[1].startUs, 24 * kS / 2);
        QVERIFY(engine.stats().suppressedByCooldown > 0);
    }

    void scheduleAndSwitchGate() {
        const Site site = makeSite();
        Site scheduled = site;
        scheduled.rules[0].scheduleId = "night";
        RecordingSink sink;
        FixedGate gate;
        gate.active = false;
        RuleSwitches switches;
        RuleEngine engine(scheduled, "cam1", sink, &gate, &switches);
        feed(engine, scheduled.rules[0], "#####");
        QCOMPARE(sink.opened.size(), std::size_t(0));
        QVERIFY(engine.stats().suppressedBySchedule > 0);

        gate.active = true;
        feed(engine, scheduled.rules[0], "###", 10 * kS);
        QCOMPARE(sink.opened.size(), std::size_t(1));
        // The global stop closes the open alert at once, even though the condition holds.
        switches.setProcessingEnabled(false);
        feed(engine, scheduled.rules[0], "#", 12 * kS);
        QCOMPARE(sink.closed.size(), std::size_t(1));
        feed(engine, scheduled.rules[0], "#####", 13 * kS);
        QCOMPARE(sink.opened.size(), std::size_t(1));
    }

    void disabledRuleNeverRaises() {
        Site site = makeSite();
        site.rules[0].enabled = false;
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        feed(engine, site.rules[0], "##########");
        QVERIFY(sink.opened.empty());
    }

    void finishClosesOpenAlerts() {
        const Site site = makeSite();
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        feed(engine, site.rules[0], "..####");
        QCOMPARE(engine.alertingRules(), std::vector<std::string>{"r1"});
        QVERIFY(sink.closed.empty());
        engine.finish(3 * kS, 0);
        QCOMPARE(sink.closed.size(), std::size_t(1));
        QVERIFY(engine.alertingRules().empty());
    }

    void keepsBestEvidenceAndSinceTime() {
        const Site site = makeSite();
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        RuleObservation first = active(0.5);
        first.sinceUs = 0;
        engine.process(2 * kS, 0, {{&site.rules[0], first}});
        RuleObservation better = active(0.9);
        better.boxes = {{0.5, 0.5, 0.6, 0.7}};
        engine.process(4 * kS, 0, {{&site.rules[0], better}});
        engine.finish(4 * kS, 0);
        QCOMPARE(sink.closed.size(), std::size_t(1));
        QCOMPARE(sink.closed[0].startUs, std::int64_t(0));  // entry time, before the dwell
        QCOMPARE(sink.closed[0].score, 0.9);
        QCOMPARE(sink.closed[0].boxes.at(0), (BoxF{0.5, 0.5, 0.6, 0.7}));
        QCOMPARE(sink.updated.size(), std::size_t(1));
    }

    void andOrNot_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<double>("firstS");
        // and: both at once, from 1.5 s
        QTest::newRow("and") << 0 << "..######"
                             << "...#####" << 1.5;
        QTest::newRow("and never together") << 0 << "###....."
                                            << "....####" << -1.0;
        QTest::newRow("or") << 1 << "......##"
                            << "...##..." << 1.5;
        QTest::newRow("a and not b") << 2 << "########"
                                     << "####...." << 2.0;
        QTest::newRow("a and not b, b always") << 2 << "########"
                                               << "########" << -1.0;
    }
    void andOrNot() {
        QFETCH(int, which);
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(double, firstS);
        Condition c;
        if (which == 0) {
            c = op(Condition::Op::And, {ruleRef("a"), ruleRef("b")});
        } else if (which == 1) {
            c = op(Condition::Op::Or, {ruleRef("a"), ruleRef("b")});
        } else {
            c = op(Condition::Op::And, {ruleRef("a"), op(Condition::Op::Not, {ruleRef("b")})});
        }
        const Site site = compositionSite({composite("x", c)});
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        QVERIFY(engine.problems().empty());
        const double first = feedTwo(engine, site, sink, a.toStdString(), b.toStdString());
        QCOMPARE(first, firstS);
        for (const auto& alert : sink.opened) {
            QCOMPARE(alert.ruleId, std::string("x"));  // the silent rules raised nothing
        }
    }

    void compositeCarriesTheEvidence() {
        const Site site =
            compositionSite({composite("x", op(Condition::Op::And, {ruleRef("a"), ruleRef("b")}))});
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        RuleObservation oa = evidence({0.1, 0.1, 0.2, 0.3}, 1, 0.6);
        oa.measures = {{"density", 3.4, 3.0, "p/m2"}};
        oa.trackPath = {{0.1, 0.3}, {0.15, 0.3}};
        oa.detail = "{\"people\": 12}";
        const RuleObservation ob = evidence({0.5, 0.5, 0.6, 0.8}, 2, 0.9);
        engine.process(0, 0, {{&site.rules[0], oa}, {&site.rules[1], ob}});
        engine.finish(0, 0);
        QCOMPARE(sink.closed.size(), std::size_t(1));
        const Alert& alert = sink.closed[0];
        QCOMPARE(alert.score, 0.9);
        QCOMPARE(alert.boxes.size(), std::size_t(2));
        QCOMPARE(alert.trackIds, (std::vector<TrackId>{1, 2}));
        QCOMPARE(alert.measures.size(), std::size_t(1));
        QCOMPARE(alert.measures[0].value, 3.4);
        QCOMPARE(alert.trackPath.size(), std::size_t(2));
        const auto detail = nlohmann::json::parse(alert.detail);
        QCOMPARE(detail.at("condition").get<std::string>(), std::string("(a AND b)"));
        QCOMPARE(detail.at("causes").size(), std::size_t(2));
        QCOMPARE(detail.at("causes")[0].at("detail").at("people").get<int>(), 12);
    }

    void forAtLeast() {
        const Site site =
            compositionSite({composite("x", op(Condition::Op::ForAtLeast, {ruleRef("a")}, 2.0))});
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        // 1.5 s of a, a break, then 3 s: raises 2 s after the second start (at 2.5 + 2.0).
        const double first = feedTwo(engine, site, sink, "####.#########", "");
        QCOMPARE(first, 4.5);
        // The alert starts when the condition began to hold, as a dwell does.
        QCOMPARE(sink.opened.at(0).startUs, std::int64_t(5 * kS / 2));
    }

    void withinSecondsOf() {
        const Site site = compositionSite(
            {composite("x", op(Condition::Op::Within, {ruleRef("a"), ruleRef("b")}, 2.0))});
        {
            RecordingSink sink;
            RuleEngine engine(site, "cam1", sink);
            // a at 0.5 s, b at 2.0 s: 1.5 s later, within 2 s.
            QCOMPARE(feedTwo(engine, site, sink, ".#......", "....##.."), 2.0);
            // The alert shows the evidence of both, and starts with the first.
            engine.finish(4 * kS, 0);
            QCOMPARE(sink.closed.at(0).boxes.size(), std::size_t(2));
            QCOMPARE(sink.closed.at(0).startUs, std::int64_t(kS / 2));
        }
        {
            RecordingSink sink;
            RuleEngine engine(site, "cam1", sink);
            // b 3 s after a: too late; b before a: wrong order.
            QCOMPARE(feedTwo(engine, site, sink, ".#..........", ".......##..."), -1.0);
        }
        {
            RecordingSink sink;
            RuleEngine engine(site, "cam1", sink);
            QCOMPARE(feedTwo(engine, site, sink, "......#", "##....."), -1.0);
        }
    }

    void countWithinAWindow() {
        Condition c;
        c.op = Condition::Op::Count;
        c.ruleId = "a";
        c.atLeast = 3;
        c.seconds = 5.0;
        const Site site = compositionSite({composite("x", c)});
        {
            RecordingSink sink;
            RuleEngine engine(site, "cam1", sink);
            // Rises at 0, 1.5, 3.0 s: the third within 5 s of the first.
            QCOMPARE(feedTwo(engine, site, sink, "#..#..#....", ""), 3.0);
        }
        {
            RecordingSink sink;
            RuleEngine engine(site, "cam1", sink);
            // Three rises over 6 s: never three in a 5 s window.
            QCOMPARE(feedTwo(engine, site, sink, "#.....#.....#", ""), -1.0);
        }
        {
            RecordingSink sink;
            RuleEngine engine(site, "cam1", sink);
            // One long signal is one rise, however long.
            QCOMPARE(feedTwo(engine, site, sink, "##############", ""), -1.0);
        }
    }

    void compositeOfComposite() {
        // y = x for at least 1 s, x = a and b: composites are evaluated in dependency order
        // even when declared the other way round; x is silent.
        Rule x = composite("x", op(Condition::Op::And, {ruleRef("a"), ruleRef("b")}));
        x.silent = true;
        const Site site = compositionSite(
            {composite("y", op(Condition::Op::ForAtLeast, {ruleRef("x")}, 1.0)), x});
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        QVERIFY(engine.problems().empty());
        QCOMPARE(feedTwo(engine, site, sink, "..######", ".#######"), 2.0);
        QCOMPARE(sink.opened.at(0).ruleId, std::string("y"));
        QVERIFY(engine.signal("x"));
    }

    void deduplicatesAcrossRules() {
        Site site = makeSite();
        Rule other = site.rules[0];
        other.id = "r2";
        other.zoneIds = {"z2"};
        site.rules.push_back(other);
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        // Same person (track 7) in two overlapping intrusion zones: one alert.
        engine.process(0, 0, {{&site.rules[0], active()}, {&site.rules[1], active()}});
        QCOMPARE(sink.opened.size(), std::size_t(1));
        QCOMPARE(engine.stats().suppressedAsDuplicate, std::int64_t(1));
        // Another person elsewhere raises its own.
        RuleObservation elsewhere = active();
        elsewhere.trackIds = {9};
        elsewhere.boxes = {{0.7, 0.7, 0.8, 0.9}};
        engine.process(kS, 0, {{&site.rules[0], active()}, {&site.rules[1], elsewhere}});
        QCOMPARE(sink.opened.size(), std::size_t(2));
        // A box overlapping the open alert's, without track ids, is the same object.
        Site third = site;
        RecordingSink sink2;
        RuleEngine engine2(third, "cam1", sink2);
        RuleObservation untracked = active();
        untracked.trackIds.clear();
        untracked.boxes = {{0.105, 0.1, 0.205, 0.3}};
        engine2.process(0, 0, {{&third.rules[0], active()}, {&third.rules[1], untracked}});
        QCOMPARE(sink2.opened.size(), std::size_t(1));
        // Different events are never duplicates.
        Site mixed = site;
        mixed.rules[1].event = EventType::Weapon;
        RecordingSink sink3;
        RuleEngine engine3(mixed, "cam1", sink3);
        engine3.process(0, 0, {{&mixed.rules[0], active()}, {&mixed.rules[1], active()}});
        QCOMPARE(sink3.opened.size(), std::size_t(2));
    }

    void killSwitchAndCameraSwitch() {
        Site site = makeSite();
        Camera cam2;
        cam2.id = "cam2";
        site.cameras.push_back(cam2);
        Rule r2 = site.rules[0];
        r2.id = "r2";
        r2.cameraId = "cam2";
        site.rules.push_back(r2);
        RuleSwitches switches;
        RecordingSink sink1;
        RecordingSink sink2;
        RuleEngine e1(site, "cam1", sink1, nullptr, &switches);
        RuleEngine e2(site, "cam2", sink2, nullptr, &switches);
        switches.setCameraEnabled("cam1", false);
        feed(e1, site.rules[0], "####");
        feed(e2, site.rules[1], "####");
        QVERIFY(sink1.opened.empty());
        QCOMPARE(sink2.opened.size(), std::size_t(1));
        // The global stop closes everything at once and keeps it closed.
        switches.setProcessingEnabled(false);
        feed(e2, site.rules[1], "##", 2 * kS);
        QCOMPARE(sink2.closed.size(), std::size_t(1));
        feed(e2, site.rules[1], "####", 20 * kS);
        QCOMPARE(sink2.opened.size(), std::size_t(1));
        // Back on: cam1 raises again; a rule switched off alone does not.
        switches.setProcessingEnabled(true);
        switches.setCameraEnabled("cam1", true);
        switches.setRuleEnabled("r2", false);
        QVERIFY(!switches.ruleEnabled("r2"));
        feed(e1, site.rules[0], "####", 40 * kS);
        feed(e2, site.rules[1], "####", 40 * kS);
        QCOMPARE(sink1.opened.size(), std::size_t(1));
        QCOMPARE(sink2.opened.size(), std::size_t(1));
        // A camera disabled in the site never raises.
        Site off = makeSite();
        off.cameras[0].enabled = false;
        RecordingSink sink3;
        RuleEngine e3(off, "cam1", sink3);
        feed(e3, off.rules[0], "####");
        QVERIFY(sink3.opened.empty());
    }

    void silentLeafFeedsButNeverRaises() {
        Site site = makeSite();
        site.rules[0].silent = true;
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        feed(engine, site.rules[0], "######");
        QVERIFY(sink.opened.empty());
        QVERIFY(engine.signal("r1"));
    }

    void invalidRulesAreRefused() {
        // Unknown rule, another camera's rule, and a loop x → y → x.
        Rule ghost = composite("ghost", ruleRef("nobody"));
        Site site =
            compositionSite({ghost, composite("x", ruleRef("y")),
                             composite("y", op(Condition::Op::And, {ruleRef("a"), ruleRef("x")})),
                             composite("z", op(Condition::Op::And, {ruleRef("a")}))});
        Rule far = leaf("far");
        far.cameraId = "cam2";
        site.rules.push_back(far);
        site.rules.push_back(composite("w", ruleRef("far")));
        const auto problems = validateRules(site, "cam1");
        QVERIFY(problems.size() >= 4);
        auto mentions = [&](const std::string& text) {
            return std::any_of(problems.begin(), problems.end(),
                               [&](const std::string& p) { return p.find(text) != p.npos; });
        };
        QVERIFY(mentions("rule 'ghost': no rule has the id 'nobody'"));
        QVERIFY(mentions("depends on itself"));
        QVERIFY(mentions("rule 'z': 'and' has 1 operand"));
        QVERIFY(mentions("rule 'w': rule 'far' watches another camera"));
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        QVERIFY(!engine.problems().empty());
        feedTwo(engine, site, sink, "########", "########");
        QVERIFY(sink.opened.empty());  // none of the invalid composites raised
        // A valid site has none.
        QVERIFY(validateRules(makeSite(), "cam1").empty());
    }

    void alertJsonKeepsItsKeysAndTheEvidence() {
        const Site site = makeSite();
        RecordingSink sink;
        RuleEngine engine(site, "cam1", sink);
        RuleObservation o = active(0.75);
        o.measures = {{"dwell_s", 4.5, 2.0, "s"}};
        o.trackPath = {{0.1, 0.3}, {0.12, 0.31}, {0.15, 0.3}};
        engine.process(kS, 1'700'000'000'000, {{&site.rules[0], o}});
        engine.finish(2 * kS, 1'700'000'001'000);
        const auto j = alertToJson(sink.closed.at(0));
        for (const char* key : {"event", "camera", "rule", "t_start_s", "t_end_s", "score", "boxes",
                                "zone", "track_ids", "track_path", "measures", "detail"}) {
            QVERIFY2(j.contains(key), key);
        }
        QCOMPARE(j.at("measures")[0].at("threshold").get<double>(), 2.0);
        const auto back = alertFromJson(j);
        QVERIFY(back.ok());
        QCOMPARE(back->trackPath.size(), std::size_t(3));
        QCOMPARE(back->measures, sink.closed.at(0).measures);
        QCOMPARE(back->boxes, sink.closed.at(0).boxes);
    }
};

QTEST_APPLESS_MAIN(TestRuleEngine)
#include "tst_rule_engine.moc"
