#include "widgets/rule_builder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "core/site_config.h"
#include "widgets/labels.h"
#include "widgets/param_forms.h"
#include "widgets/rule_list_model.h"
#include "widgets/schedule_grid.h"

namespace vigie::widgets {

namespace {

constexpr int kOpRole = Qt::UserRole + 1;
constexpr int kRuleIdRole = Qt::UserRole + 2;
constexpr int kSecondsRole = Qt::UserRole + 3;
const QString kNewSchedule = QStringLiteral("\x01new");

int maxOperands(core::Condition::Op op) {
    switch (op) {
        case core::Condition::Op::And:
        case core::Condition::Op::Or:
            return 1000;
        case core::Condition::Op::Not:
        case core::Condition::Op::ForAtLeast:
            return 1;
        case core::Condition::Op::Within:
            return 2;
        default:
            return 0;
    }
}

QString blank(const QString& text, bool filled) {
    return filled ? QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped())
                  : QStringLiteral("<b><span style=\"color:#EF5350\">[%1]</span></b>")
                        .arg(text.toHtmlEscaped());
}

}  // namespace

// --- ConditionEditor -------------------------------------------------------------------

ConditionEditor::ConditionEditor(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("conditionEditor"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("conditionTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumHeight(110);
    layout->addWidget(m_tree, 1);
    auto* row1 = new QHBoxLayout();
    m_rule = new QComboBox(this);
    m_rule->setObjectName(QStringLiteral("conditionRule"));
    m_addRule = new QPushButton(this);
    m_addRule->setObjectName(QStringLiteral("conditionAddRule"));
    row1->addWidget(m_rule, 1);
    row1->addWidget(m_addRule);
    layout->addLayout(row1);
    auto* row2 = new QHBoxLayout();
    m_and = new QPushButton(this);
    m_and->setObjectName(QStringLiteral("conditionAnd"));
    m_or = new QPushButton(this);
    m_or->setObjectName(QStringLiteral("conditionOr"));
    m_not = new QPushButton(this);
    m_not->setObjectName(QStringLiteral("conditionNot"));
    m_seconds = new QDoubleSpinBox(this);
    m_seconds->setObjectName(QStringLiteral("conditionSeconds"));
    m_seconds->setRange(0.5, 86400.0);
    m_seconds->setDecimals(1);
    m_seconds->setValue(10.0);
    m_seconds->setSuffix(QStringLiteral(" s"));
    m_forAtLeast = new QPushButton(this);
    m_forAtLeast->setObjectName(QStringLiteral("conditionForAtLeast"));
    m_within = new QPushButton(this);
    m_within->setObjectName(QStringLiteral("conditionWithin"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("conditionRemove"));
    for (auto* w :
         {static_cast<QWidget*>(m_and), static_cast<QWidget*>(m_or), static_cast<QWidget*>(m_not),
          static_cast<QWidget*>(m_seconds), static_cast<QWidget*>(m_forAtLeast),
          static_cast<QWidget*>(m_within), static_cast<QWidget*>(m_remove)}) {
        row2->addWidget(w);
    }
    layout->addLayout(row2);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("conditionHint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    connect(m_addRule, &QPushButton::clicked, this,
            [this] { addRule(m_rule->currentData().toString().toStdString()); });
    connect(m_and, &QPushButton::clicked, this, [this] { addOperator(core::Condition::Op::And); });
    connect(m_or, &QPushButton::clicked, this, [this] { addOperator(core::Condition::Op::Or); });
    connect(m_not, &QPushButton::clicked, this, [this] { addOperator(core::Condition::Op::Not); });
    connect(m_forAtLeast, &QPushButton::clicked, this,
            [this] { addOperator(core::Condition::Op::ForAtLeast, m_seconds->value()); });
    connect(m_within, &QPushButton::clicked, this,
            [this] { addOperator(core::Condition::Op::Within, m_seconds->value()); });
    connect(m_remove, &QPushButton::clicked, this, &ConditionEditor::removeCurrent);
    retranslate();
}

void ConditionEditor::setAvailableRules(
    const std::vector<std::pair<std::string, std::string>>& rules) {
    m_rules = rules;
    m_rule->clear();
    for (const auto& [id, name] : rules) {
        m_rule->addItem(QString::fromStdString(name.empty() ? id : name),
                        QString::fromStdString(id));
    }
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        relabel(*it);
    }
}

QTreeWidgetItem* ConditionEditor::makeItem(const core::Condition& c) {
    auto* item = new QTreeWidgetItem();
    item->setData(0, kOpRole, int(c.op));
    item->setData(0, kRuleIdRole, QString::fromStdString(c.ruleId));
    item->setData(0, kSecondsRole, c.seconds);
    for (const auto& operand : c.operands) {
        item->addChild(makeItem(operand));
    }
    relabel(item);
    return item;
}

void ConditionEditor::setCondition(const std::optional<core::Condition>& condition) {
    m_tree->clear();
    if (condition) {
        auto* root = makeItem(*condition);
        m_tree->addTopLevelItem(root);
        m_tree->expandAll();
        m_tree->setCurrentItem(root);
        for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
            relabel(*it);
        }
    }
    m_hint->clear();
}

core::Condition ConditionEditor::read(const QTreeWidgetItem* item) {
    core::Condition c;
    c.op = core::Condition::Op(item->data(0, kOpRole).toInt());
    c.ruleId = item->data(0, kRuleIdRole).toString().toStdString();
    c.seconds = item->data(0, kSecondsRole).toDouble();
    for (int i = 0; i < item->childCount(); ++i) {
        c.operands.push_back(read(item->child(i)));
    }
    return c;
}

std::optional<core::Condition> ConditionEditor::condition() const {
    if (m_tree->topLevelItemCount() == 0) {
        return std::nullopt;
    }
    return read(m_tree->topLevelItem(0));
}

QTreeWidgetItem* ConditionEditor::insertNode(core::Condition::Op op, const std::string& ruleId,
                                             double seconds) {
    core::Condition c;
    c.op = op;
    c.ruleId = ruleId;
    c.seconds = seconds;
    if (m_tree->topLevelItemCount() == 0) {
        auto* item = makeItem(c);
        m_tree->addTopLevelItem(item);
        m_tree->setCurrentItem(item);
        m_hint->clear();
        Q_EMIT conditionChanged();
        return item;
    }
    QTreeWidgetItem* parent = m_tree->currentItem();
    // A leaf is selected: add next to it, under its parent.
    if (parent != nullptr &&
        maxOperands(core::Condition::Op(parent->data(0, kOpRole).toInt())) == 0) {
        parent = parent->parent();
    }
    if (parent == nullptr || parent->childCount() >= maxOperands(core::Condition::Op(
                                                         parent->data(0, kOpRole).toInt()))) {
        m_hint->setText(
            tr("Sélectionnez d'abord un ET, OU, NON, « pendant au moins » ou « dans "
               "les … suivant » qui peut recevoir une condition de plus."));
        return nullptr;
    }
    auto* item = makeItem(c);
    parent->addChild(item);
    parent->setExpanded(true);
    relabel(parent);
    // Operators become current so that their operands go under them.
    m_tree->setCurrentItem(maxOperands(op) > 0 ? item : parent);
    m_hint->clear();
    Q_EMIT conditionChanged();
    return item;
}

bool ConditionEditor::addRule(const std::string& ruleId) {
    if (ruleId.empty()) {
        m_hint->setText(tr("Aucune autre règle de cette caméra à combiner."));
        return false;
    }
    return insertNode(core::Condition::Op::Rule, ruleId, 0.0) != nullptr;
}

bool ConditionEditor::addOperator(core::Condition::Op op, double seconds) {
    return insertNode(op, {}, seconds) != nullptr;
}

void ConditionEditor::removeCurrent() {
    QTreeWidgetItem* item = m_tree->currentItem();
    if (item == nullptr) {
        return;
    }
    QTreeWidgetItem* parent = item->parent();
    delete item;
    if (parent != nullptr) {
        relabel(parent);
    }
    Q_EMIT conditionChanged();
}

void ConditionEditor::relabel(QTreeWidgetItem* item) {
    const auto op = core::Condition::Op(item->data(0, kOpRole).toInt());
    const double s = item->data(0, kSecondsRole).toDouble();
    const QString secs = QLocale().toString(s, 'g', 6);
    QString text;
    switch (op) {
        case core::Condition::Op::Rule:
        case core::Condition::Op::Count: {
            const std::string id = item->data(0, kRuleIdRole).toString().toStdString();
            QString name = QString::fromStdString(id);
            for (const auto& [rid, rname] : m_rules) {
                if (rid == id && !rname.empty()) {
                    name = QString::fromStdString(rname);
                }
            }
            text = tr("Règle « %1 »").arg(name);
            break;
        }
        case core::Condition::Op::And:
            text = tr("ET — toutes les conditions");
            break;
        case core::Condition::Op::Or:
            text = tr("OU — au moins une condition");
            break;
        case core::Condition::Op::Not:
            text = tr("NON — la condition est absente");
            break;
        case core::Condition::Op::ForAtLeast:
            text = tr("pendant au moins %1 s").arg(secs);
            break;
        case core::Condition::Op::Within:
            text = tr("la seconde dans les %1 s suivant la première").arg(secs);
            break;
        case core::Condition::Op::Invalid:
            break;
    }
    const int missing = op == core::Condition::Op::And || op == core::Condition::Op::Or
                            ? std::max(0, 2 - item->childCount())
                            : std::max(0, maxOperands(op) - item->childCount());
    if (missing > 0) {
        text += tr(" (encore %n condition(s) à ajouter)", nullptr, missing);
        item->setForeground(0, QColor(0xEF, 0x53, 0x50));
    } else {
        item->setForeground(0, QBrush());
    }
    item->setText(0, text);
}

void ConditionEditor::retranslate() {
    m_addRule->setText(tr("Ajouter la règle"));
    m_and->setText(tr("ET"));
    m_or->setText(tr("OU"));
    m_not->setText(tr("NON"));
    m_forAtLeast->setText(tr("Pendant au moins…"));
    m_within->setText(tr("Dans les … s suivant"));
    m_remove->setText(tr("Retirer"));
    m_and->setToolTip(tr("Toutes les conditions en dessous doivent être vraies en même temps."));
    m_or->setToolTip(tr("Au moins une des conditions en dessous doit être vraie."));
    m_not->setToolTip(tr("Vraie quand la condition en dessous est absente."));
    m_forAtLeast->setToolTip(
        tr("La condition en dessous doit durer au moins ce nombre de "
           "secondes."));
    m_within->setToolTip(tr("La seconde condition doit survenir dans ce délai après la première."));
    for (QTreeWidgetItemIterator it(m_tree); *it != nullptr; ++it) {
        relabel(*it);
    }
}

void ConditionEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

// --- RuleBuilder -----------------------------------------------------------------------

RuleBuilder::RuleBuilder(const core::Site& site, const std::string& cameraId, QWidget* parent)
    : QWidget(parent), m_site(site), m_cameraId(cameraId) {
    setObjectName(QStringLiteral("ruleBuilder"));
    build();
    retranslate();
    const auto rules = m_site.rulesForCamera(m_cameraId);
    if (rules.empty()) {
        newRule();
    } else {
        editRule(rules.front()->id);
    }
}

RuleBuilder::~RuleBuilder() = default;

void RuleBuilder::build() {
    auto* outer = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(splitter);

    // Left: the camera's rules and the global stop.
    auto* left = new QWidget(splitter);
    auto* lv = new QVBoxLayout(left);
    m_listTitle = new QLabel(left);
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    lv->addWidget(m_listTitle);
    m_model = new RuleListModel(this);
    m_model->setSite(m_site, m_cameraId);
    m_view = new QTableView(left);
    m_view->setObjectName(QStringLiteral("ruleList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    lv->addWidget(m_view, 1);
    auto* listButtons = new QHBoxLayout();
    m_newButton = new QPushButton(left);
    m_newButton->setObjectName(QStringLiteral("newRule"));
    m_deleteButton = new QPushButton(left);
    m_deleteButton->setObjectName(QStringLiteral("deleteRule"));
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_deleteButton);
    lv->addLayout(listButtons);
    m_stopAll = new QPushButton(left);
    m_stopAll->setObjectName(QStringLiteral("stopAllProcessing"));
    m_stopAll->setCheckable(true);
    m_stopAll->setMinimumHeight(36);
    lv->addWidget(m_stopAll);

    // Right: the form, in a scroll area (1080p screens).
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    auto* formHost = new QWidget(scroll);
    scroll->setWidget(formHost);
    auto* fv = new QVBoxLayout(formHost);
    m_sentence = new QLabel(formHost);
    m_sentence->setObjectName(QStringLiteral("ruleSentence"));
    m_sentence->setWordWrap(true);
    m_sentence->setTextFormat(Qt::RichText);
    fv->addWidget(m_sentence);
    auto* form = new QFormLayout();
    m_nameLabel = new QLabel(formHost);
    m_name = new QLineEdit(formHost);
    m_name->setObjectName(QStringLiteral("ruleName"));
    form->addRow(m_nameLabel, m_name);
    m_kindLabel = new QLabel(formHost);
    m_kind = new QComboBox(formHost);
    m_kind->setObjectName(QStringLiteral("ruleKind"));
    m_kind->addItem(QString());
    m_kind->addItem(QString());
    form->addRow(m_kindLabel, m_kind);
    m_eventLabel = new QLabel(formHost);
    m_event = new QComboBox(formHost);
    m_event->setObjectName(QStringLiteral("ruleEvent"));
    for (const auto e : core::kAllEventTypes) {
        m_event->addItem(QString(), int(e));
    }
    form->addRow(m_eventLabel, m_event);
    m_zonesLabel = new QLabel(formHost);
    m_zones = new QListWidget(formHost);
    m_zones->setObjectName(QStringLiteral("ruleZones"));
    m_zones->setMaximumHeight(110);
    form->addRow(m_zonesLabel, m_zones);
    m_severityLabel = new QLabel(formHost);
    m_severity = new QComboBox(formHost);
    m_severity->setObjectName(QStringLiteral("ruleSeverity"));
    for (const auto s : {core::Severity::Info, core::Severity::Major, core::Severity::Critical}) {
        m_severity->addItem(QString(), int(s));
    }
    form->addRow(m_severityLabel, m_severity);
    auto seconds = [formHost](const char* name, double max) {
        auto* s = new QDoubleSpinBox(formHost);
        s->setObjectName(QString::fromLatin1(name));
        s->setRange(0.0, max);
        s->setDecimals(1);
        s->setSuffix(QStringLiteral(" s"));
        return s;
    };
    m_cooldownLabel = new QLabel(formHost);
    m_cooldown = seconds("ruleCooldown", 86400.0);
    form->addRow(m_cooldownLabel, m_cooldown);
    m_holdLabel = new QLabel(formHost);
    m_hold = seconds("ruleHold", 3600.0);
    form->addRow(m_holdLabel, m_hold);
    m_silent = new QCheckBox(formHost);
    m_silent->setObjectName(QStringLiteral("ruleSilent"));
    form->addRow(QString(), m_silent);
    fv->addLayout(form);

    QFont sectionFont = bold;
    m_paramsTitle = new QLabel(formHost);
    m_paramsTitle->setFont(sectionFont);
    fv->addWidget(m_paramsTitle);
    m_paramHost = new QVBoxLayout();
    fv->addLayout(m_paramHost);
    m_conditionTitle = new QLabel(formHost);
    m_conditionTitle->setFont(sectionFont);
    fv->addWidget(m_conditionTitle);
    m_condition = new ConditionEditor(formHost);
    fv->addWidget(m_condition);

    auto* schedRow = new QHBoxLayout();
    m_scheduleLabel = new QLabel(formHost);
    m_scheduleLabel->setFont(sectionFont);
    m_scheduleChoice = new QComboBox(formHost);
    m_scheduleChoice->setObjectName(QStringLiteral("ruleSchedule"));
    schedRow->addWidget(m_scheduleLabel);
    schedRow->addWidget(m_scheduleChoice, 1);
    fv->addLayout(schedRow);
    m_schedule = new ScheduleEditor(formHost);
    fv->addWidget(m_schedule);

    m_errors = new QLabel(formHost);
    m_errors->setObjectName(QStringLiteral("ruleErrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette pal = m_errors->palette();
    pal.setColor(QPalette::WindowText, QColor(0xEF, 0x53, 0x50));
    m_errors->setPalette(pal);
    fv->addWidget(m_errors);
    auto* saveRow = new QHBoxLayout();
    saveRow->addStretch(1);
    m_save = new QPushButton(formHost);
    m_save->setObjectName(QStringLiteral("saveRule"));
    m_save->setDefault(true);
    saveRow->addWidget(m_save);
    fv->addLayout(saveRow);
    fv->addStretch(1);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (const core::Rule* r = m_model->ruleAt(current.row());
                    r != nullptr && r->id != m_editingId) {
                    editRule(r->id);
                }
            });
    connect(m_model, &RuleListModel::ruleEnabledChanged, this, [this](const QString& id, bool on) {
        for (auto& r : m_site.rules) {
            if (r.id == id.toStdString()) {
                r.enabled = on;
            }
        }
        Q_EMIT ruleEnabledChanged(id, on);
        Q_EMIT siteEdited(m_site);
    });
    connect(m_newButton, &QPushButton::clicked, this, &RuleBuilder::newRule);
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        if (m_isNew) {
            newRule();
            return;
        }
        const std::string id = m_editingId;
        std::erase_if(m_site.rules, [&](const auto& r) { return r.id == id; });
        m_model->removeRule(id);
        Q_EMIT siteEdited(m_site);
        newRule();
    });
    connect(m_stopAll, &QPushButton::clicked, this, [this](bool checked) {
        setProcessingEnabled(!checked);
        Q_EMIT processingEnabledRequested(!checked);
    });
    connect(m_name, &QLineEdit::textEdited, this, &RuleBuilder::refreshSentence);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &RuleBuilder::refreshMode);
    connect(m_event, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading) {
            setEvent(core::EventType(m_event->currentData().toInt()));
        }
    });
    connect(m_zones, &QListWidget::itemChanged, this, &RuleBuilder::refreshSentence);
    connect(m_scheduleChoice, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading) {
            return;
        }
        const QString id = m_scheduleChoice->currentData().toString();
        if (id == kNewSchedule) {
            if (!m_newSchedule) {
                core::Schedule s;
                s.id = newScheduleId();
                s.name = tr("Planning de « %1 »").arg(m_name->text()).toStdString();
                m_newSchedule = s;
            }
            m_schedule->setSchedule(*m_newSchedule);
        } else if (const core::Schedule* s = m_site.findSchedule(id.toStdString())) {
            m_schedule->setSchedule(*s);
        }
        m_schedule->setVisible(!id.isEmpty());
        refreshSentence();
    });
    connect(m_schedule, &ScheduleEditor::scheduleChanged, this, &RuleBuilder::refreshSentence);
    connect(m_condition, &ConditionEditor::conditionChanged, this, &RuleBuilder::refreshSentence);
    connect(m_save, &QPushButton::clicked, this, &RuleBuilder::saveRule);
}

void RuleBuilder::retranslate() {
    const core::Camera* cam = m_site.findCamera(m_cameraId);
    const QString camName =
        QString::fromStdString(cam != nullptr && !cam->name.empty() ? cam->name : m_cameraId);
    m_listTitle->setText(tr("Règles de la caméra « %1 »").arg(camName));
    m_newButton->setText(tr("Nouvelle règle"));
    m_deleteButton->setText(tr("Supprimer la règle"));
    setProcessingEnabled(m_processingEnabled);
    m_nameLabel->setText(tr("Nom :"));
    m_kindLabel->setText(tr("Type :"));
    m_kind->setItemText(0, tr("Événement détecté"));
    m_kind->setItemText(1, tr("Composition d'autres règles"));
    m_eventLabel->setText(tr("Événement :"));
    for (int i = 0; i < m_event->count(); ++i) {
        m_event->setItemText(i, eventLabel(core::EventType(m_event->itemData(i).toInt())));
    }
    m_zonesLabel->setText(tr("Zones / lignes :"));
    m_severityLabel->setText(tr("Gravité :"));
    for (int i = 0; i < m_severity->count(); ++i) {
        m_severity->setItemText(i, severityLabel(core::Severity(m_severity->itemData(i).toInt())));
    }
    m_cooldownLabel->setText(tr("Seuil de réactivation :"));
    m_cooldown->setToolTip(
        tr("Aucune nouvelle alerte de cette règle sur cette caméra pendant "
           "ce délai après la précédente."));
    m_holdLabel->setText(tr("Fin d'alerte après :"));
    m_hold->setToolTip(tr("L'alerte se termine quand la condition est absente depuis ce délai."));
    m_silent->setText(tr("Condition seulement (ne lève pas d'alerte elle-même)"));
    m_paramsTitle->setText(tr("Paramètres"));
    m_conditionTitle->setText(tr("Conditions"));
    m_scheduleLabel->setText(tr("Planning :"));
    m_save->setText(tr("Enregistrer la règle"));
    refreshSchedules(m_scheduleChoice->currentData().toString().toStdString());
    refreshSentence();
}

void RuleBuilder::setProcessingEnabled(bool enabled) {
    m_processingEnabled = enabled;
    m_stopAll->setChecked(!enabled);
    m_stopAll->setText(enabled ? tr("Arrêt général du traitement")
                               : tr("Traitement arrêté — reprendre"));
    m_stopAll->setToolTip(enabled ? tr("Arrête toute analyse sur toutes les caméras ; les "
                                       "alertes en cours se ferment.")
                                  : tr("Relance l'analyse de toutes les caméras."));
    QPalette pal = m_stopAll->palette();
    if (!enabled) {
        pal.setColor(QPalette::Button, QColor(0xC6, 0x28, 0x28));
        pal.setColor(QPalette::ButtonText, Qt::white);
    } else {
        pal = QPalette();
    }
    m_stopAll->setPalette(pal);
}

std::string RuleBuilder::newRuleId() const {
    for (int n = 1;; ++n) {
        const std::string id = m_cameraId + "-regle-" + std::to_string(n);
        if (std::none_of(m_site.rules.begin(), m_site.rules.end(),
                         [&](const auto& r) { return r.id == id; })) {
            return id;
        }
    }
}

std::string RuleBuilder::newScheduleId() const {
    for (int n = 1;; ++n) {
        const std::string id = "planning-" + std::to_string(n);
        if (m_site.findSchedule(id) == nullptr) {
            return id;
        }
    }
}

void RuleBuilder::newRule() {
    core::Rule r;
    r.id = newRuleId();
    r.cameraId = m_cameraId;
    r.event = core::EventType::Intrusion;
    r.severity = core::defaultSeverity(r.event);
    r.params = defaultParams(r.event);
    m_loading = true;
    m_editingId = r.id;
    m_isNew = true;
    m_newSchedule.reset();
    m_name->clear();
    m_kind->setCurrentIndex(0);
    m_event->setCurrentIndex(m_event->findData(int(r.event)));
    m_cooldown->setValue(r.cooldownS);
    m_hold->setValue(r.holdS);
    m_silent->setChecked(false);
    m_condition->setCondition(std::nullopt);
    m_zones->clear();  // no zone carried over from the rule shown before
    m_loading = false;
    setEvent(r.event);
    m_paramForm->setParams(r.params);
    refreshSchedules({});
    m_errors->clear();
    m_view->clearSelection();
    refreshMode();
}

bool RuleBuilder::editRule(const std::string& ruleId) {
    const auto it = std::find_if(m_site.rules.begin(), m_site.rules.end(),
                                 [&](const auto& r) { return r.id == ruleId; });
    if (it == m_site.rules.end()) {
        return false;
    }
    const core::Rule r = *it;
    m_loading = true;
    m_editingId = r.id;
    m_isNew = false;
    m_newSchedule.reset();
    m_name->setText(QString::fromStdString(r.name));
    m_kind->setCurrentIndex(r.condition ? 1 : 0);
    const core::EventType event =
        r.event == core::EventType::Invalid ? core::EventType::Intrusion : r.event;
    m_event->setCurrentIndex(m_event->findData(int(event)));
    m_cooldown->setValue(r.cooldownS);
    m_hold->setValue(r.holdS);
    m_silent->setChecked(r.silent);
    m_condition->setCondition(r.condition);
    m_loading = false;
    setEvent(event);
    m_paramForm->setParams(r.params);
    m_severity->setCurrentIndex(m_severity->findData(int(r.severity)));
    for (int i = 0; i < m_zones->count(); ++i) {
        auto* item = m_zones->item(i);
        const std::string id = item->data(Qt::UserRole).toString().toStdString();
        item->setCheckState(std::find(r.zoneIds.begin(), r.zoneIds.end(), id) != r.zoneIds.end()
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    refreshSchedules(r.scheduleId);
    m_errors->clear();
    const int row = m_model->rowOf(r.id);
    if (row >= 0 && m_view->currentIndex().row() != row) {
        m_view->selectRow(row);
    }
    refreshMode();
    return true;
}

void RuleBuilder::setEvent(core::EventType event) {
    if (m_paramForm == nullptr || m_paramForm->event() != event) {
        delete m_paramForm;
        m_paramForm = new ParamForm(event, this);
        m_paramHost->addWidget(m_paramForm);
        connect(m_paramForm, &ParamForm::paramsChanged, this, &RuleBuilder::refreshSentence);
    }
    m_severity->setCurrentIndex(m_severity->findData(int(core::defaultSeverity(event))));
    refreshZones();
    refreshMode();
}

void RuleBuilder::refreshZones() {
    const core::Camera* cam = m_site.findCamera(m_cameraId);
    const auto event = core::EventType(m_event->currentData().toInt());
    const EventGeometry geometry = eventGeometry(event);
    QStringList checked;
    for (int i = 0; i < m_zones->count(); ++i) {
        if (m_zones->item(i)->checkState() == Qt::Checked) {
            checked << m_zones->item(i)->data(Qt::UserRole).toString();
        }
    }
    const QSignalBlocker block(m_zones);
    m_zones->clear();
    if (cam == nullptr) {
        return;
    }
    auto add = [&](const std::string& id, const std::string& name) {
        const QString qid = QString::fromStdString(id);
        auto* item = new QListWidgetItem(QString::fromStdString(name.empty() ? id : name), m_zones);
        item->setData(Qt::UserRole, qid);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(qid) ? Qt::Checked : Qt::Unchecked);
    };
    if (geometry.kind == GeometryKind::Lines) {
        for (const auto& l : cam->lines) {
            add(l.id, l.name);
        }
    } else {
        for (const auto& z : cam->zones) {
            if (z.kind == core::ZoneKind::Area) {  // masks exclude; rules never use them
                add(z.id, z.name);
            }
        }
    }
    refreshSentence();
}

void RuleBuilder::refreshSchedules(const std::string& selectId) {
    m_loading = true;
    m_scheduleChoice->clear();
    m_scheduleChoice->addItem(tr("Toujours actif"), QString());
    for (const auto& s : m_site.schedules) {
        m_scheduleChoice->addItem(QString::fromStdString(s.name.empty() ? s.id : s.name),
                                  QString::fromStdString(s.id));
    }
    m_scheduleChoice->addItem(tr("Nouveau planning…"), kNewSchedule);
    int index = m_scheduleChoice->findData(QString::fromStdString(selectId));
    if (m_newSchedule && selectId == m_newSchedule->id) {
        index = m_scheduleChoice->count() - 1;
    }
    m_scheduleChoice->setCurrentIndex(std::max(0, index));
    m_loading = false;
    const QString id = m_scheduleChoice->currentData().toString();
    if (id == kNewSchedule && m_newSchedule) {
        m_schedule->setSchedule(*m_newSchedule);
    } else if (const core::Schedule* s = m_site.findSchedule(id.toStdString())) {
        m_schedule->setSchedule(*s);
    }
    m_schedule->setVisible(!id.isEmpty());
}

void RuleBuilder::refreshMode() {
    const bool composite = m_kind->currentIndex() == 1;
    m_condition->setVisible(composite);
    m_conditionTitle->setVisible(composite);
    if (m_paramForm != nullptr) {
        m_paramForm->setVisible(!composite);
    }
    m_paramsTitle->setVisible(!composite);
    m_zones->setEnabled(!composite);
    std::vector<std::pair<std::string, std::string>> others;
    for (const auto* r : m_site.rulesForCamera(m_cameraId)) {
        if (r->id != m_editingId) {
            others.emplace_back(r->id, r->name);
        }
    }
    m_condition->setAvailableRules(others);
    refreshSentence();
}

core::Rule RuleBuilder::rule() const {
    core::Rule r;
    r.id = m_editingId;
    r.name = m_name->text().trimmed().toStdString();
    r.cameraId = m_cameraId;
    r.event = core::EventType(m_event->currentData().toInt());
    r.severity = core::Severity(m_severity->currentData().toInt());
    r.cooldownS = m_cooldown->value();
    r.holdS = m_hold->value();
    r.silent = m_silent->isChecked();
    if (const auto it = std::find_if(m_site.rules.begin(), m_site.rules.end(),
                                     [&](const auto& o) { return o.id == m_editingId; });
        it != m_site.rules.end()) {
        r.enabled = it->enabled;
    }
    if (m_kind->currentIndex() == 1) {
        r.condition = m_condition->condition();
        r.params = defaultParams(r.event);
    } else {
        r.params = m_paramForm != nullptr ? m_paramForm->params() : defaultParams(r.event);
        for (int i = 0; i < m_zones->count(); ++i) {
            if (m_zones->item(i)->checkState() == Qt::Checked) {
                r.zoneIds.push_back(m_zones->item(i)->data(Qt::UserRole).toString().toStdString());
            }
        }
    }
    const QString sid = m_scheduleChoice->currentData().toString();
    if (sid == kNewSchedule) {
        r.scheduleId = m_schedule->schedule().id;
    } else {
        r.scheduleId = sid.toStdString();
    }
    return r;
}

std::optional<core::Schedule> RuleBuilder::schedule() const {
    if (m_scheduleChoice->currentData().toString().isEmpty()) {
        return std::nullopt;
    }
    return m_schedule->schedule();
}

core::Site RuleBuilder::candidateSite() const {
    core::Site site = m_site;
    const core::Rule r = rule();
    const auto it = std::find_if(site.rules.begin(), site.rules.end(),
                                 [&](const auto& o) { return o.id == r.id; });
    if (it != site.rules.end()) {
        *it = r;
    } else {
        site.rules.push_back(r);
    }
    if (const auto s = schedule()) {
        const auto sit = std::find_if(site.schedules.begin(), site.schedules.end(),
                                      [&](const auto& o) { return o.id == s->id; });
        if (sit != site.schedules.end()) {
            *sit = *s;
        } else {
            site.schedules.push_back(*s);
        }
    }
    return site;
}

core::Status RuleBuilder::validate() const {
    const core::Site site = candidateSite();
    const auto parsed = core::parseSite(core::toJson(site), site.baseDir);
    if (!parsed) {
        return core::Error{parsed.error().message};
    }
    return {};
}

bool RuleBuilder::saveRule() {
    const core::Status status = validate();
    if (!status) {
        m_errors->setText(tr("La règle ne peut pas être enregistrée :\n%1")
                              .arg(QString::fromStdString(status.error().message)));
        return false;
    }
    m_errors->clear();
    const core::Rule r = rule();
    m_site = candidateSite();
    m_isNew = false;
    if (const auto s = schedule(); s && m_newSchedule && s->id == m_newSchedule->id) {
        m_newSchedule.reset();
    }
    m_model->setSiteNames(m_site);
    m_model->upsertRule(r);
    refreshSchedules(r.scheduleId);
    const int row = m_model->rowOf(r.id);
    if (row >= 0) {
        m_view->selectRow(row);
    }
    refreshMode();
    Q_EMIT ruleSaved(r);
    Q_EMIT siteEdited(m_site);
    return true;
}

void RuleBuilder::refreshSentence() {
    if (m_loading || m_paramForm == nullptr) {
        return;
    }
    const core::Rule r = rule();
    const core::Camera* cam = m_site.findCamera(m_cameraId);
    const QString camName =
        QString::fromStdString(cam != nullptr && !cam->name.empty() ? cam->name : m_cameraId);
    QString what;
    if (r.condition || m_kind->currentIndex() == 1) {
        what = blank(tr("les conditions ci-dessous"), r.condition.has_value());
    } else {
        QStringList zones;
        for (int i = 0; i < m_zones->count(); ++i) {
            if (m_zones->item(i)->checkState() == Qt::Checked) {
                zones << m_zones->item(i)->text();
            }
        }
        const EventGeometry g = eventGeometry(r.event);
        const QString where = zones.isEmpty() ? (g.required ? blank(tr("choisir une zone"), false)
                                                            : blank(tr("toute l'image"), true))
                                              : blank(zones.join(QStringLiteral(", ")), true);
        what = tr("%1 dans %2").arg(blank(eventLabel(r.event), true), where);
    }
    QString when = blank(tr("toujours"), true);
    if (const auto s = schedule()) {
        const bool any = !s->weekly.empty();
        when = blank(
            s->name.empty() ? QString::fromStdString(s->id) : QString::fromStdString(s->name), any);
        if (!any) {
            when += tr(" (aucune plage)");
        }
    }
    const QString then = r.silent ? tr("condition pour d'autres règles, sans alerte")
                                  : tr("alerte %1").arg(blank(severityLabel(r.severity), true));
    m_sentence->setText(tr("Quand %1 sur la caméra %2, pendant %3, alors %4.")
                            .arg(what, blank(camName, true), when, then));
}

void RuleBuilder::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
