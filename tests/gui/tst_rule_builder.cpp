// The rule builder filled in as an advanced user would, and the core::Rule it produces:
// event, zones, parameters, schedule grid → weekly windows, exceptions, composition, the
// per-rule switch and the global stop. What it saves passes the site file's validation.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include "core/site_config.h"
#include "widgets/param_forms.h"
#include "widgets/rule_builder.h"
#include "widgets/rule_list_model.h"
#include "widgets/schedule_grid.h"

using namespace vigie;
using widgets::RuleBuilder;

namespace {

core::Site makeSite() {
    core::Site site;
    site.id = "gare";
    site.name = "Gare";
    site.engine.detector = "motion";
    core::Camera cam;
    cam.id = "quai2";
    cam.name = "Quai 2";
    cam.source.url = "rtsp://192.0.2.10/quai2";
    core::Zone quai{"quai", "Quai", core::ZoneKind::Area, {{{0.1, 0.5}, {0.9, 0.5}, {0.9, 0.9}}}};
    core::Zone voies{
        "voies", "Voies", core::ZoneKind::Area, {{{0.1, 0.1}, {0.5, 0.1}, {0.5, 0.4}}}};
    core::Zone pub{
        "pub", "Écran publicitaire", core::ZoneKind::Mask, {{{0.6, 0.1}, {0.8, 0.1}, {0.8, 0.3}}}};
    cam.zones = {quai, voies, pub};
    core::Line bord;
    bord.id = "bord";
    bord.name = "Bord du quai";
    bord.points = {{0.1, 0.45}, {0.9, 0.45}};
    cam.lines = {bord};
    site.cameras = {cam};
    core::Rule intr;
    intr.id = "r-intrusion";
    intr.name = "Intrusion quai";
    intr.event = core::EventType::Intrusion;
    intr.cameraId = "quai2";
    intr.zoneIds = {"quai"};
    intr.severity = core::Severity::Major;
    intr.params = core::IntrusionParams{{"person"}, 2.0, 0.4};
    core::Rule line;
    line.id = "r-ligne";
    line.name = "Franchissement bord";
    line.event = core::EventType::LineCrossing;
    line.cameraId = "quai2";
    line.zoneIds = {"bord"};
    line.severity = core::Severity::Major;
    line.params = core::LineCrossingParams{};
    site.rules = {intr, line};
    return site;
}

template <typename T>
T* child(QWidget& w, const char* name) {
    auto* c = w.findChild<T*>(QString::fromLatin1(name));
    if (c == nullptr) {
        qWarning("missing widget %s", name);
    }
    return c;
}

void selectData(QComboBox* combo, const QVariant& data) {
    const int i = combo->findData(data);
    QVERIFY(i >= 0);
    combo->setCurrentIndex(i);
}

void checkItem(QListWidget* list, const QString& id) {
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == id) {
            list->item(i)->setCheckState(Qt::Checked);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no item ") + id));
}

QStringList itemIds(QListWidget* list) {
    QStringList ids;
    for (int i = 0; i < list->count(); ++i) {
        ids << list->item(i)->data(Qt::UserRole).toString();
    }
    return ids;
}

}  // namespace

class TestRuleBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        qRegisterMetaType<core::Rule>();
        qRegisterMetaType<core::Site>();
        const core::Site site = makeSite();
        const auto parsed = core::parseSite(core::toJson(site), ".");
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    }

    void buildsARuleWithScheduleAndExceptions() {
        RuleBuilder builder(makeSite(), "quai2");
        builder.resize(1600, 1000);
        builder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&builder));
        QSignalSpy saved(&builder, &RuleBuilder::ruleSaved);
        QSignalSpy edited(&builder, &RuleBuilder::siteEdited);
        QTest::mouseClick(child<QPushButton>(builder, "newRule"), Qt::LeftButton);

        QTest::keyClicks(child<QLineEdit>(builder, "ruleName"), QStringLiteral("Voies la nuit"));
        selectData(child<QComboBox>(builder, "ruleEvent"), int(core::EventType::Intrusion));
        auto* zones = child<QListWidget>(builder, "ruleZones");
        // Areas only: the mask and the line are not offered to an intrusion rule.
        QCOMPARE(itemIds(zones), (QStringList{QStringLiteral("quai"), QStringLiteral("voies")}));
        checkItem(zones, QStringLiteral("voies"));

        auto* form = builder.paramForm();
        QCOMPARE(form->event(), core::EventType::Intrusion);
        QVERIFY(form->findChild<QLabel*>(QStringLiteral("paramHelp_min_dwell_s")) != nullptr);
        QVERIFY(
            !form->findChild<QLabel*>(QStringLiteral("paramHelp_min_dwell_s"))->text().isEmpty());
        auto* dwell =
            qobject_cast<QDoubleSpinBox*>(form->fieldEditor(QStringLiteral("min_dwell_s")));
        QVERIFY(dwell != nullptr);
        QCOMPARE(dwell->value(), 1.0);  // the default
        QVERIFY(dwell->suffix().contains(QStringLiteral("s")));
        dwell->setValue(3.5);
        auto* score = qobject_cast<QDoubleSpinBox*>(form->fieldEditor(QStringLiteral("min_score")));
        QCOMPARE(score->value(), 35.0);  // shown in %
        score->setValue(60.0);

        // A new schedule painted on the grid: Monday–Friday 08:00–19:00.
        auto* scheduleChoice = child<QComboBox>(builder, "ruleSchedule");
        scheduleChoice->setCurrentIndex(scheduleChoice->count() - 1);  // « Nouveau planning… »
        auto* grid = builder.scheduleEditor()->grid();
        QVERIFY(grid->isVisible());
        QTest::qWait(50);  // let the layout settle before computing cell positions
        QTest::mousePress(grid, Qt::LeftButton, {}, grid->cellCentre(0, 8 * 60));
        QTest::mouseMove(grid, grid->cellCentre(2, 12 * 60));
        QTest::mouseRelease(grid, Qt::LeftButton, {}, grid->cellCentre(4, 18 * 60 + 30));
        // Exceptions: Christmas off, New Year's Eve morning only.
        auto* date = child<QDateEdit>(builder, "exceptionDate");
        auto* mode = child<QComboBox>(builder, "exceptionMode");
        date->setDate(QDate(2026, 12, 25));
        mode->setCurrentIndex(0);
        QTest::mouseClick(child<QPushButton>(builder, "addException"), Qt::LeftButton);
        date->setDate(QDate(2026, 12, 31));
        mode->setCurrentIndex(1);
        auto* windows = child<QLineEdit>(builder, "exceptionWindows");
        windows->clear();
        QTest::keyClicks(windows, QStringLiteral("08:00-12:00"));
        QTest::mouseClick(child<QPushButton>(builder, "addException"), Qt::LeftButton);

        QVERIFY(child<QLabel>(builder, "ruleSentence")->text().contains(QStringLiteral("Voies")));
        QTest::mouseClick(child<QPushButton>(builder, "saveRule"), Qt::LeftButton);
        QVERIFY2(saved.count() == 1, qPrintable(child<QLabel>(builder, "ruleErrors")->text()));
        QCOMPARE(edited.count(), 1);

        const auto rule = saved.at(0).at(0).value<core::Rule>();
        QCOMPARE(rule.id, std::string("quai2-regle-1"));
        QCOMPARE(rule.name, std::string("Voies la nuit"));
        QCOMPARE(rule.cameraId, std::string("quai2"));
        QCOMPARE(rule.event, core::EventType::Intrusion);
        QCOMPARE(rule.severity, core::Severity::Major);
        QCOMPARE(rule.zoneIds, std::vector<std::string>{"voies"});
        QVERIFY(rule.enabled);
        QVERIFY(!rule.condition);
        const auto& p = std::get<core::IntrusionParams>(rule.params);
        QCOMPARE(p.classes, std::vector<std::string>{"person"});
        QCOMPARE(p.minDwellS, 3.5);
        QCOMPARE(p.minScore, 0.6);
        QCOMPARE(rule.scheduleId, std::string("planning-1"));

        const core::Site& site = builder.site();
        const core::Schedule* s = site.findSchedule("planning-1");
        QVERIFY(s != nullptr);
        QCOMPARE(s->weekly.size(), std::size_t(1));
        QCOMPARE(int(s->weekly[0].daysMask), 0x1F);
        QCOMPARE(s->weekly[0].startMin, 8 * 60);
        QCOMPARE(s->weekly[0].endMin, 19 * 60);
        QCOMPARE(s->exceptions.size(), std::size_t(2));
        QCOMPARE(s->exceptions[0].date, (core::CalendarDate{2026, 12, 25}));
        QVERIFY(s->exceptions[0].windows.empty());
        QCOMPARE(s->exceptions[1].date, (core::CalendarDate{2026, 12, 31}));
        QCOMPARE(s->exceptions[1].windows.size(), std::size_t(1));
        QCOMPARE(s->exceptions[1].windows[0].startMin, 8 * 60);
        QCOMPARE(s->exceptions[1].windows[0].endMin, 12 * 60);
        QCOMPARE(site.rules.size(), std::size_t(3));
        QCOMPARE(builder.ruleModel()->rowCount(), 3);
        // The saved site is a valid site file.
        const auto reparsed = core::parseSite(core::toJson(site), ".");
        QVERIFY2(reparsed.ok(), reparsed.ok() ? "" : reparsed.error().message.c_str());
    }

    void refusesAnInvalidRuleAndFiltersGeometry() {
        RuleBuilder builder(makeSite(), "quai2");
        builder.show();
        QSignalSpy saved(&builder, &RuleBuilder::ruleSaved);
        builder.newRule();
        selectData(child<QComboBox>(builder, "ruleEvent"), int(core::EventType::Intrusion));
        // No zone ticked: an intrusion rule needs one.
        QVERIFY(!builder.validate().ok());
        QTest::mouseClick(child<QPushButton>(builder, "saveRule"), Qt::LeftButton);
        QCOMPARE(saved.count(), 0);
        QVERIFY(child<QLabel>(builder, "ruleErrors")->text().contains(QStringLiteral("zones")));
        QCOMPARE(builder.site().rules.size(), std::size_t(2));
        // A line-crossing rule is offered lines, and its own parameters.
        selectData(child<QComboBox>(builder, "ruleEvent"), int(core::EventType::LineCrossing));
        QCOMPARE(itemIds(child<QListWidget>(builder, "ruleZones")),
                 QStringList{QStringLiteral("bord")});
        QCOMPARE(builder.paramForm()->event(), core::EventType::LineCrossing);
        QVERIFY(builder.paramForm()->fieldEditor(QStringLiteral("min_dwell_s")) == nullptr);
        // Every event of the decree can be chosen, with its parameters.
        auto* event = child<QComboBox>(builder, "ruleEvent");
        QCOMPARE(event->count(), int(core::kAllEventTypes.size()));
        selectData(event, int(core::EventType::AbandonedObject));
        QCOMPARE(builder.rule().severity, core::Severity::Major);
        QVERIFY(std::holds_alternative<core::AbandonedObjectParams>(builder.rule().params));
        selectData(event, int(core::EventType::Fire));
        QCOMPARE(builder.rule().severity, core::Severity::Critical);
        QVERIFY(std::holds_alternative<core::FireParams>(builder.rule().params));
        // Fire needs no zone: the whole picture is analysed, and it validates.
        QVERIFY2(builder.validate().ok(),
                 builder.validate().ok() ? "" : builder.validate().error().message.c_str());
    }

    void composesConditions() {
        RuleBuilder builder(makeSite(), "quai2");
        builder.show();
        QSignalSpy saved(&builder, &RuleBuilder::ruleSaved);
        builder.newRule();
        QTest::keyClicks(child<QLineEdit>(builder, "ruleName"), QStringLiteral("Intrusion longue"));
        child<QComboBox>(builder, "ruleKind")->setCurrentIndex(1);
        auto* editor = builder.conditionEditor();
        QVERIFY(editor->isVisible());
        auto* ruleChoice = child<QComboBox>(builder, "conditionRule");
        QCOMPARE(ruleChoice->count(), 2);  // the camera's other rules

        QTest::mouseClick(child<QPushButton>(builder, "conditionAnd"), Qt::LeftButton);
        selectData(ruleChoice, QStringLiteral("r-intrusion"));
        QTest::mouseClick(child<QPushButton>(builder, "conditionAddRule"), Qt::LeftButton);
        child<QDoubleSpinBox>(builder, "conditionSeconds")->setValue(10.0);
        QTest::mouseClick(child<QPushButton>(builder, "conditionForAtLeast"), Qt::LeftButton);
        selectData(ruleChoice, QStringLiteral("r-ligne"));
        QTest::mouseClick(child<QPushButton>(builder, "conditionAddRule"), Qt::LeftButton);
        // « pendant au moins » takes one operand: a second one is refused.
        QTest::mouseClick(child<QPushButton>(builder, "conditionNot"), Qt::LeftButton);
        QVERIFY(!child<QLabel>(builder, "conditionHint")->text().isEmpty());

        QTest::mouseClick(child<QPushButton>(builder, "saveRule"), Qt::LeftButton);
        QVERIFY2(saved.count() == 1, qPrintable(child<QLabel>(builder, "ruleErrors")->text()));
        const auto rule = saved.at(0).at(0).value<core::Rule>();
        QVERIFY(rule.condition.has_value());
        const core::Condition& c = *rule.condition;
        QCOMPARE(c.op, core::Condition::Op::And);
        QCOMPARE(c.operands.size(), std::size_t(2));
        QCOMPARE(c.operands[0].op, core::Condition::Op::Rule);
        QCOMPARE(c.operands[0].ruleId, std::string("r-intrusion"));
        QCOMPARE(c.operands[1].op, core::Condition::Op::ForAtLeast);
        QCOMPARE(c.operands[1].seconds, 10.0);
        QCOMPARE(c.operands[1].operands.size(), std::size_t(1));
        QCOMPARE(c.operands[1].operands[0].ruleId, std::string("r-ligne"));
        QVERIFY(rule.zoneIds.empty());

        // « dans les N s suivant » and NON, built through the same API.
        builder.newRule();
        child<QComboBox>(builder, "ruleKind")->setCurrentIndex(1);
        QVERIFY(editor->addOperator(core::Condition::Op::Within, 30.0));
        QVERIFY(editor->addRule("r-ligne"));
        QVERIFY(editor->addOperator(core::Condition::Op::Not));
        QVERIFY(editor->addRule("r-intrusion"));
        const auto w = editor->condition();
        QVERIFY(w.has_value());
        QCOMPARE(w->op, core::Condition::Op::Within);
        QCOMPARE(w->seconds, 30.0);
        QCOMPARE(w->operands.size(), std::size_t(2));
        QCOMPARE(w->operands[0].ruleId, std::string("r-ligne"));
        QCOMPARE(w->operands[1].op, core::Condition::Op::Not);
        QCOMPARE(w->operands[1].operands[0].ruleId, std::string("r-intrusion"));
        QVERIFY(!editor->addRule("r-ligne"));  // Within is full
        QVERIFY2(builder.validate().ok(),
                 builder.validate().ok() ? "" : builder.validate().error().message.c_str());
        // An unfinished tree (ET with one operand) does not validate.
        editor->setCondition(std::nullopt);
        QVERIFY(editor->addOperator(core::Condition::Op::And));
        QVERIFY(editor->addRule("r-ligne"));
        QVERIFY(!builder.validate().ok());
    }

    void switchesRulesAndStopsEverything() {
        RuleBuilder builder(makeSite(), "quai2");
        builder.show();
        auto* model = builder.ruleModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy switched(&builder, &RuleBuilder::ruleEnabledChanged);
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex check = model->index(model->rowOf("r-ligne"), 0);
        QCOMPARE(model->data(check, Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(model->flags(check).testFlag(Qt::ItemIsUserCheckable));
        // One click on the check box of the row (what the view sends).
        QVERIFY(model->setData(check, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(switched.count(), 1);
        QCOMPARE(switched.at(0).at(0).toString(), QStringLiteral("r-ligne"));
        QCOMPARE(switched.at(0).at(1).toBool(), false);
        for (const auto& r : builder.site().rules) {
            QCOMPARE(r.enabled, r.id != "r-ligne");
        }
        QVERIFY(model->data(model->index(check.row(), 1), Qt::ForegroundRole).isValid());
        QVERIFY(model->setData(check, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(switched.count(), 2);
        QVERIFY(builder.site().rules[1].enabled);

        QSignalSpy stop(&builder, &RuleBuilder::processingEnabledRequested);
        auto* button = child<QPushButton>(builder, "stopAllProcessing");
        const QString runningText = button->text();
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(stop.count(), 1);
        QCOMPARE(stop.at(0).at(0).toBool(), false);
        QVERIFY(button->text() != runningText);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(stop.count(), 2);
        QCOMPARE(stop.at(1).at(0).toBool(), true);
    }

    void loadsAnExistingRuleUnchanged() {
        const core::Site site = makeSite();
        RuleBuilder builder(site, "quai2");
        QVERIFY(builder.editRule("r-intrusion"));
        const core::Rule r = builder.rule();
        const core::Rule& want = site.rules[0];
        QCOMPARE(r.id, want.id);
        QCOMPARE(r.name, want.name);
        QCOMPARE(r.zoneIds, want.zoneIds);
        QCOMPARE(r.scheduleId, want.scheduleId);
        const auto& p = std::get<core::IntrusionParams>(r.params);
        QCOMPARE(p.minDwellS, 2.0);
        QCOMPARE(p.minScore, 0.4);
        QVERIFY(!builder.editRule("nope"));
    }

    void ruleListModelAlone() {
        widgets::RuleListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const core::Site site = makeSite();
        model.setSite(site);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, widgets::RuleListModel::ZonesColumn)).toString(),
                 QStringLiteral("Quai"));
        core::Rule r = site.rules[0];
        r.id = "r3";
        model.upsertRule(r);
        QCOMPARE(model.rowCount(), 3);
        r.name = "renamed";
        model.upsertRule(r);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(2, widgets::RuleListModel::NameColumn)).toString(),
                 QStringLiteral("renamed"));
        model.removeRule("r3");
        QCOMPARE(model.rowCount(), 2);
        model.setSite(site, "other-camera");
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestRuleBuilder)
#include "tst_rule_builder.moc"
