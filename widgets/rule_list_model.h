#pragma once
// The rules of a site as a table (event – zones – schedule – severity – name), one row per
// rule, optionally limited to one camera. The first column is checkable: ticking it switches
// the rule on or off for its camera in one click (Rule::enabled); disabled rows are greyed.
// The model owns copies of the rules; the rule builder replaces or appends them.
//
// Thread: GUI thread only.
//
//   RuleListModel model;
//   model.setSite(site, "quai2");
//   connect(&model, &RuleListModel::ruleEnabledChanged, ...);  // id, on

#include <QAbstractTableModel>

#include <string>
#include <vector>

#include "core/site.h"

namespace vigie::widgets {

class RuleListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        EnabledColumn = 0,
        NameColumn,
        EventColumn,
        ZonesColumn,
        ScheduleColumn,
        SeverityColumn,
        ColumnCount
    };
    static constexpr int RuleIdRole = Qt::UserRole + 1;

    explicit RuleListModel(QObject* parent = nullptr);

    // Keeps the rules of `cameraId` (all rules when empty); zone and schedule names are read
    // from the site.
    void setSite(const core::Site& site, const std::string& cameraId = {});
    const std::vector<core::Rule>& rules() const { return m_rules; }
    const core::Rule* ruleAt(int row) const;
    int rowOf(const std::string& ruleId) const;
    // Replaces the rule with the same id, or appends it.
    void upsertRule(const core::Rule& rule);
    void removeRule(const std::string& ruleId);
    void setRuleEnabled(const std::string& ruleId, bool enabled);
    // Names of zones, lines and schedules shown in the table (after the site changed).
    void setSiteNames(const core::Site& site);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void ruleEnabledChanged(const QString& ruleId, bool enabled);

private:
    bool isRuleIndex(const QModelIndex& index) const;
    QString zonesText(const core::Rule& rule) const;
    QString scheduleText(const core::Rule& rule) const;

    std::string m_cameraId;
    std::vector<core::Rule> m_rules;
    core::Site m_names;  // zones, lines and schedules, for display only
};

}  // namespace vigie::widgets
