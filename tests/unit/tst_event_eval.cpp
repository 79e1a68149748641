// Event-level evaluation: matching alerts to true intervals, precision, recall, false alarms
// per hour and detection delay.
#include <QtTest>

#include "core/event_eval.h"

using namespace vigie::core;

namespace {

constexpr std::int64_t kS = 1000000;

TruthInterval truthAt(EventType e, double startS, double endS) {
    return {e, std::int64_t(startS * kS), std::int64_t(endS * kS), {}};
}
AlertInterval alertAt(EventType e, double startS, double endS) {
    return {e, std::int64_t(startS * kS), std::int64_t(endS * kS)};
}

}  // namespace

class TestEventEval : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void perfectDetectionHasDelay() {
        const auto s = evaluateEvents({truthAt(EventType::Fire, 10, 20)},
                                      {alertAt(EventType::Fire, 13.5, 21)}, 60.0);
        QCOMPARE(s.size(), std::size_t(1));
        const auto& f = s.at(EventType::Fire);
        QCOMPARE(f.truths, 1);
        QCOMPARE(f.detected, 1);
        QCOMPARE(f.alerts, 1);
        QCOMPARE(f.falseAlarms, 0);
        QCOMPARE(f.precision(), 1.0);
        QCOMPARE(f.recall(), 1.0);
        QCOMPARE(f.meanDelayS(), 3.5);
        QCOMPARE(f.maxDelayS, 3.5);
    }

    void raisedTimeIsTheAlertTime() {
        // An abandoned bag: evidence dated back to when it was set down (5 s), raised at 14 s,
        // the owner gone at 9.3 s. The operator learns of it at 14 s: matched, delay 4.7 s.
        Alert a;
        a.event = EventType::AbandonedObject;
        a.startUs = 5 * kS;
        a.endUs = 30 * kS;
        QCOMPARE(toInterval(a).startUs, 5 * kS);
        const auto raised = toInterval(a, 14 * kS);
        QCOMPARE(raised.startUs, 14 * kS);
        QCOMPARE(raised.endUs, 30 * kS);
        const auto s = evaluateEvents({truthAt(EventType::AbandonedObject, 9.3, 30)}, {raised}, 30);
        QCOMPARE(s.at(EventType::AbandonedObject).detected, 1);
        QVERIFY(qAbs(s.at(EventType::AbandonedObject).meanDelayS() - 4.7) < 1e-9);
        // Measured from its evidence start it would be a false alarm (before the truth).
        const auto early =
            evaluateEvents({truthAt(EventType::AbandonedObject, 9.3, 30)}, {toInterval(a)}, 30);
        QCOMPARE(early.at(EventType::AbandonedObject).falseAlarms, 1);
    }

    void alertOutsideToleranceIsFalseAlarm() {
        EventEvalOptions o;
        o.earlyToleranceS = 1.0;
        o.lateToleranceS = 2.0;
        // Before the truth by more than the early tolerance; after its end by more than late.
        const auto s = evaluateEvents(
            {truthAt(EventType::Weapon, 10, 12)},
            {alertAt(EventType::Weapon, 8.5, 9.0), alertAt(EventType::Weapon, 14.5, 15)}, 3600.0,
            {}, o);
        const auto& w = s.at(EventType::Weapon);
        QCOMPARE(w.detected, 0);
        QCOMPARE(w.falseAlarms, 2);
        QCOMPARE(w.precision(), 0.0);
        QCOMPARE(w.recall(), 0.0);
        QCOMPARE(w.falseAlarmsPerHour(), 2.0);
        // Just inside both tolerances: matched (the early one first, with a negative delay).
        const auto s2 = evaluateEvents({truthAt(EventType::Weapon, 10, 12)},
                                       {alertAt(EventType::Weapon, 9.5, 9.6)}, 60.0, {}, o);
        QCOMPARE(s2.at(EventType::Weapon).detected, 1);
        QCOMPARE(s2.at(EventType::Weapon).meanDelayS(), -0.5);
    }

    void duplicatesAreNeitherHitsNorFalseAlarms() {
        const auto s = evaluateEvents(
            {truthAt(EventType::PersonOnGround, 5, 30)},
            {alertAt(EventType::PersonOnGround, 12, 14), alertAt(EventType::PersonOnGround, 8, 10)},
            30.0);
        const auto& p = s.at(EventType::PersonOnGround);
        QCOMPARE(p.detected, 1);
        QCOMPARE(p.duplicates, 1);
        QCOMPARE(p.falseAlarms, 0);
        QCOMPARE(p.meanDelayS(), 3.0);  // the earliest alert counts
    }

    void eachAlertTakesOneTruth() {
        // Two crossings, two alerts: each truth gets its own alert, in time order.
        const auto s = evaluateEvents(
            {truthAt(EventType::LineCrossing, 3, 3.5), truthAt(EventType::LineCrossing, 9, 9.5)},
            {alertAt(EventType::LineCrossing, 9.2, 9.6),
             alertAt(EventType::LineCrossing, 3.3, 3.8)},
            20.0);
        const auto& l = s.at(EventType::LineCrossing);
        QCOMPARE(l.detected, 2);
        QCOMPARE(l.falseAlarms, 0);
        QVERIFY(qAbs(l.meanDelayS() - 0.25) < 1e-9);
        QVERIFY(qAbs(l.maxDelayS - 0.3) < 1e-9);
    }

    void eventsAreKeptApart() {
        const auto s =
            evaluateEvents({truthAt(EventType::Fire, 10, 20)}, {alertAt(EventType::Weapon, 11, 12)},
                           36.0, {EventType::Density});
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(s.at(EventType::Fire).detected, 0);
        QCOMPARE(s.at(EventType::Fire).recall(), 0.0);
        QCOMPARE(s.at(EventType::Weapon).falseAlarms, 1);
        QCOMPARE(s.at(EventType::Weapon).falseAlarmsPerHour(), 100.0);
        // Nothing expected and nothing raised: perfect, and the duration still counts.
        QCOMPARE(s.at(EventType::Density).precision(), 1.0);
        QCOMPARE(s.at(EventType::Density).recall(), 1.0);
        QCOMPARE(s.at(EventType::Density).durationS, 36.0);
    }

    void accumulatePoolsClips() {
        EventScore total;
        accumulate(total, evaluateEvents({truthAt(EventType::Fire, 0, 10)},
                                         {alertAt(EventType::Fire, 2, 3)}, 1800.0)
                              .at(EventType::Fire));
        accumulate(
            total,
            evaluateEvents({}, {alertAt(EventType::Fire, 2, 3)}, 1800.0).at(EventType::Fire));
        accumulate(total, evaluateEvents({truthAt(EventType::Fire, 0, 10)},
                                         {alertAt(EventType::Fire, 6, 7)}, 1800.0, {})
                              .at(EventType::Fire));
        QCOMPARE(total.truths, 2);
        QCOMPARE(total.detected, 2);
        QCOMPARE(total.alerts, 3);
        QCOMPARE(total.falseAlarms, 1);
        QCOMPARE(total.durationS, 5400.0);
        QCOMPARE(total.meanDelayS(), 4.0);
        QCOMPARE(total.maxDelayS, 6.0);
        QVERIFY(qAbs(total.falseAlarmsPerHour() - 2.0 / 3.0) < 1e-9);
        QVERIFY(qAbs(total.precision() - 2.0 / 3.0) < 1e-9);
    }

    void tableHasOneRowPerEvent() {
        std::map<EventType, EventScore> scores;
        scores[EventType::Fire] = {};
        scores[EventType::Weapon] = {};
        const auto table = formatScoreTable(scores);
        QVERIFY(table.find("fire") != std::string::npos);
        QVERIFY(table.find("weapon") != std::string::npos);
        QCOMPARE(std::count(table.begin(), table.end(), '\n'), 3L);
    }
};

QTEST_GUILESS_MAIN(TestEventEval)
#include "tst_event_eval.moc"
