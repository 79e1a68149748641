#pragma once
// The rule builder (« Règles et plannings ») of one camera: the camera's rules in a list
// whose first column switches each rule on or off in one click, and a form that composes a
// rule as a sentence — « Quand [événement] dans [zones] de [caméra] pendant [planning]
// alors alerte [gravité] » — with the event's parameters (defaults, units, one-line
// explanations: param_forms.h), an optional composition over the camera's other rules
// (ET / OU / NON, « pendant au moins N s », « dans les N s suivant »), and the weekly
// schedule grid with its exceptions (schedule_grid.h). A global stop button asks the
// application to stop all processing.
//
// « Enregistrer » validates the rule exactly as a site file is validated: the site with the
// rule (and its schedule) is serialised (core::toJson) and parsed again (core::parseSite);
// every error is shown, and nothing is saved until there is none. Then ruleSaved() and
// siteEdited() are emitted; the builder keeps the edited site (site()).
//
// Thread: GUI thread only. Ownership: plain QWidgets owned by their parent.
//
//   auto* builder = new RuleBuilder(site, "quai2", this);
//   connect(builder, &RuleBuilder::siteEdited, this, &Admin::saveSite);
//   connect(builder, &RuleBuilder::processingEnabledRequested, engine, ...);

#include <QWidget>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/site.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace vigie::widgets {

class ParamForm;
class RuleListModel;
class ScheduleEditor;

// A tree of conditions over other rules: leaves name a rule; ET / OU take two or more
// operands, NON and « pendant au moins N s » one, « dans les N s suivant » two (the first,
// then the second within N s). The buttons add a node under the selected one (or as the
// root when the tree is empty).
class ConditionEditor : public QWidget {
    Q_OBJECT

public:
    explicit ConditionEditor(QWidget* parent = nullptr);

    // Rules that may be named: (id, name).
    void setAvailableRules(const std::vector<std::pair<std::string, std::string>>& rules);
    void setCondition(const std::optional<core::Condition>& condition);
    std::optional<core::Condition> condition() const;
    QTreeWidget* tree() const { return m_tree; }

    // What the buttons do, for the application and tests: add a node under the current
    // item; false (with the reason shown) when it cannot take one more operand.
    bool addRule(const std::string& ruleId);
    bool addOperator(core::Condition::Op op, double seconds = 0.0);
    void removeCurrent();

Q_SIGNALS:
    void conditionChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    QTreeWidgetItem* insertNode(core::Condition::Op op, const std::string& ruleId, double seconds);
    QTreeWidgetItem* makeItem(const core::Condition& c);
    void relabel(QTreeWidgetItem* item);
    void retranslate();
    static core::Condition read(const QTreeWidgetItem* item);

    QTreeWidget* m_tree = nullptr;
    QComboBox* m_rule = nullptr;
    QDoubleSpinBox* m_seconds = nullptr;
    QPushButton* m_addRule = nullptr;
    QPushButton* m_and = nullptr;
    QPushButton* m_or = nullptr;
    QPushButton* m_not = nullptr;
    QPushButton* m_forAtLeast = nullptr;
    QPushButton* m_within = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_hint = nullptr;
    std::vector<std::pair<std::string, std::string>> m_rules;
};

class RuleBuilder : public QWidget {
    Q_OBJECT

public:
    RuleBuilder(const core::Site& site, const std::string& cameraId, QWidget* parent = nullptr);
    ~RuleBuilder() override;

    const core::Site& site() const { return m_site; }
    const std::string& cameraId() const { return m_cameraId; }
    RuleListModel* ruleModel() const { return m_model; }
    QTableView* ruleView() const { return m_view; }
    ParamForm* paramForm() const { return m_paramForm; }
    ScheduleEditor* scheduleEditor() const { return m_schedule; }
    ConditionEditor* conditionEditor() const { return m_condition; }

    // Starts a new rule (defaults: intrusion, always active) or loads an existing one.
    void newRule();
    bool editRule(const std::string& ruleId);
    // The rule as the form shows it now, and the schedule it would use (nullopt: none).
    core::Rule rule() const;
    std::optional<core::Schedule> schedule() const;
    // The same validation as a site file; the message lists every problem.
    core::Status validate() const;
    // Validates, then stores the rule (and its schedule) in site() and emits.
    bool saveRule();
    // Shows the state of the global switch (the application tells the builder).
    void setProcessingEnabled(bool enabled);

Q_SIGNALS:
    void ruleSaved(const core::Rule& rule);
    void siteEdited(const core::Site& site);
    // A rule switched on or off from the list (already applied to site()).
    void ruleEnabledChanged(const QString& ruleId, bool enabled);
    // The global stop button: false = stop all processing, true = resume.
    void processingEnabledRequested(bool enabled);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    void retranslate();
    void setEvent(core::EventType event);
    void refreshZones();
    void refreshSchedules(const std::string& selectId);
    void refreshSentence();
    void refreshMode();
    core::Site candidateSite() const;
    std::string newRuleId() const;
    std::string newScheduleId() const;

    core::Site m_site;
    std::string m_cameraId;
    std::string m_editingId;  // id of the rule in the form
    bool m_isNew = true;
    bool m_loading = false;
    bool m_processingEnabled = true;
    std::optional<core::Schedule> m_newSchedule;  // « Nouveau planning », not saved yet

    RuleListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_newButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QPushButton* m_stopAll = nullptr;
    QLabel* m_listTitle = nullptr;
    QLabel* m_sentence = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_kindLabel = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_eventLabel = nullptr;
    QComboBox* m_event = nullptr;
    QLabel* m_severityLabel = nullptr;
    QComboBox* m_severity = nullptr;
    QLabel* m_zonesLabel = nullptr;
    QListWidget* m_zones = nullptr;
    QLabel* m_cooldownLabel = nullptr;
    QDoubleSpinBox* m_cooldown = nullptr;
    QLabel* m_holdLabel = nullptr;
    QDoubleSpinBox* m_hold = nullptr;
    QCheckBox* m_silent = nullptr;
    QLabel* m_paramsTitle = nullptr;
    QVBoxLayout* m_paramHost = nullptr;
    ParamForm* m_paramForm = nullptr;
    QLabel* m_conditionTitle = nullptr;
    ConditionEditor* m_condition = nullptr;
    QLabel* m_scheduleLabel = nullptr;
    QComboBox* m_scheduleChoice = nullptr;
    ScheduleEditor* m_schedule = nullptr;
    QLabel* m_errors = nullptr;
    QPushButton* m_save = nullptr;
};

}  // namespace vigie::widgets
