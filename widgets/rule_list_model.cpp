#include "widgets/rule_list_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

#include "widgets/labels.h"

namespace vigie::widgets {

RuleListModel::RuleListModel(QObject* parent) : QAbstractTableModel(parent) {}

bool RuleListModel::isRuleIndex(const QModelIndex& index) const {
    // Not checkIndex(): the model tester probes invalid indexes on purpose, quietly.
    return index.isValid() && index.model() == this && !index.parent().isValid() &&
           index.row() < rowCount() && index.column() < ColumnCount;
}

void RuleListModel::setSite(const core::Site& site, const std::string& cameraId) {
    beginResetModel();
    m_cameraId = cameraId;
    m_rules.clear();
    for (const auto& r : site.rules) {
        if (cameraId.empty() || r.cameraId == cameraId) {
            m_rules.push_back(r);
        }
    }
    m_names = site;
    m_names.rules.clear();
    endResetModel();
}

void RuleListModel::setSiteNames(const core::Site& site) {
    m_names = site;
    m_names.rules.clear();
    if (!m_rules.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

const core::Rule* RuleListModel::ruleAt(int row) const {
    return row >= 0 && std::size_t(row) < m_rules.size() ? &m_rules[std::size_t(row)] : nullptr;
}

int RuleListModel::rowOf(const std::string& ruleId) const {
    const auto it =
        std::find_if(m_rules.begin(), m_rules.end(), [&](const auto& r) { return r.id == ruleId; });
    return it == m_rules.end() ? -1 : int(it - m_rules.begin());
}

void RuleListModel::upsertRule(const core::Rule& rule) {
    const int row = rowOf(rule.id);
    if (row >= 0) {
        m_rules[std::size_t(row)] = rule;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = rowCount();
    beginInsertRows(QModelIndex(), at, at);
    m_rules.push_back(rule);
    endInsertRows();
}

void RuleListModel::removeRule(const std::string& ruleId) {
    const int row = rowOf(ruleId);
    if (row < 0) {
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_rules.erase(m_rules.begin() + row);
    endRemoveRows();
}

void RuleListModel::setRuleEnabled(const std::string& ruleId, bool enabled) {
    const int row = rowOf(ruleId);
    if (row < 0 || m_rules[std::size_t(row)].enabled == enabled) {
        return;
    }
    m_rules[std::size_t(row)].enabled = enabled;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT ruleEnabledChanged(QString::fromStdString(ruleId), enabled);
}

int RuleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RuleListModel::zonesText(const core::Rule& rule) const {
    if (rule.condition) {
        return tr("(composition)");
    }
    if (rule.zoneIds.empty()) {
        return tr("Image entière");
    }
    QStringList names;
    const core::Camera* cam = m_names.findCamera(rule.cameraId);
    for (const auto& id : rule.zoneIds) {
        QString name = QString::fromStdString(id);
        if (cam != nullptr) {
            if (const auto* z = cam->findZone(id); z != nullptr && !z->name.empty()) {
                name = QString::fromStdString(z->name);
            } else if (const auto* l = cam->findLine(id); l != nullptr && !l->name.empty()) {
                name = QString::fromStdString(l->name);
            }
        }
        names << name;
    }
    return names.join(QStringLiteral(", "));
}

QString RuleListModel::scheduleText(const core::Rule& rule) const {
    if (rule.scheduleId.empty()) {
        return tr("Toujours");
    }
    const core::Schedule* s = m_names.findSchedule(rule.scheduleId);
    return s != nullptr && !s->name.empty() ? QString::fromStdString(s->name)
                                            : QString::fromStdString(rule.scheduleId);
}

QVariant RuleListModel::data(const QModelIndex& index, int role) const {
    if (!isRuleIndex(index)) {
        return {};
    }
    const core::Rule& r = m_rules[std::size_t(index.row())];
    if (role == RuleIdRole) {
        return QString::fromStdString(r.id);
    }
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn) {
        return r.enabled ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::ForegroundRole && !r.enabled) {
        return QBrush(QColor(0x75, 0x75, 0x75));
    }
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn) {
        return QBrush(severityColour(r.severity));
    }
    if (role == Qt::ToolTipRole && index.column() == EnabledColumn) {
        return r.enabled ? tr("Règle active : décocher pour la suspendre sur cette caméra")
                         : tr("Règle suspendue : cocher pour la réactiver");
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
        case EnabledColumn:
            return r.enabled ? tr("Active") : tr("Suspendue");
        case NameColumn:
            return QString::fromStdString(r.name.empty() ? r.id : r.name);
        case EventColumn:
            return eventLabel(r.event);
        case ZonesColumn:
            return zonesText(r);
        case ScheduleColumn:
            return scheduleText(r);
        case SeverityColumn:
            return severityLabel(r.severity);
        default:
            break;
    }
    return {};
}

bool RuleListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!isRuleIndex(index) || index.column() != EnabledColumn || role != Qt::CheckStateRole) {
        return false;
    }
    const bool on = value.toInt() == int(Qt::Checked);
    setRuleEnabled(m_rules[std::size_t(index.row())].id, on);
    return true;
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex& index) const {
    if (!isRuleIndex(index)) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == EnabledColumn) {
        f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case EnabledColumn:
            return tr("État");
        case NameColumn:
            return tr("Règle");
        case EventColumn:
            return tr("Événement");
        case ZonesColumn:
            return tr("Zones / lignes");
        case ScheduleColumn:
            return tr("Planning");
        case SeverityColumn:
            return tr("Gravité");
        default:
            break;
    }
    return {};
}

}  // namespace vigie::widgets
