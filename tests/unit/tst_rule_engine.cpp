// Alert life cycle: open on the first active frame, extend, close after the hold time,
// cooldown, schedules, switches and end of stream.
#include <QtTest>

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
};

QTEST_APPLESS_MAIN(TestRuleEngine)
#include "tst_rule_engine.moc"
