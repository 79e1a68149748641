#include "widgets/admin_retention.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include "widgets/access_labels.h"

namespace vigie::widgets {

namespace {

QSpinBox* daysBox(QWidget* parent, const char* objectName, int maximum) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(objectName));
    box->setRange(1, maximum);
    box->setSuffix(QCoreApplication::translate("vigie::widgets::AdminRetentionPage", " jours"));
    return box;
}

}  // namespace

AdminRetentionPage::AdminRetentionPage(AdminContext& shared, QWidget* parent)
    : AdminPage(shared, parent),
      m_alerts(daysBox(this, "retentionAlerts", core::kMaxRetentionDays)),
      m_qualifications(daysBox(this, "retentionQualifications", core::kMaxRetentionDays)),
      m_snapshots(daysBox(this, "retentionSnapshots", core::kMaxSnapshotRetentionDays)),
      m_counts(daysBox(this, "retentionCounts", core::kMaxRetentionDays)),
      m_connectionLogs(daysBox(this, "retentionConnectionLogs", core::kMaxRetentionDays)),
      m_usageLogs(daysBox(this, "retentionUsageLogs", core::kMaxRetentionDays)) {
    setObjectName(QStringLiteral("adminRetentionPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Durées pendant lesquelles les données sont conservées avant d'être effacées par "
           "la purge quotidienne. Les images des caméras ne peuvent être gardées plus de 30 "
           "jours (Code de la sécurité intérieure, art. L252-5), ni plus longtemps que les "
           "alertes qu'elles illustrent. Le journal d'audit n'est jamais purgé : il est "
           "chaîné et s'archive par l'export de fin de déploiement."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    form->addRow(tr("&Alertes"), m_alerts);
    form->addRow(tr("&Qualifications (commentaire et opérateur)"), m_qualifications);
    form->addRow(tr("&Images des alertes"), m_snapshots);
    form->addRow(tr("&Comptages et densités"), m_counts);
    form->addRow(tr("Journaux de &connexion"), m_connectionLogs);
    form->addRow(tr("Journaux d'&utilisation"), m_usageLogs);
    layout->addLayout(form);
    auto* save = new QPushButton(tr("&Enregistrer les durées"), this);
    save->setObjectName(QStringLiteral("retentionSave"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(statusLabel());
    layout->addStretch(1);
    connect(save, &QPushButton::clicked, this, [this] {
        showResult(savePolicy(formPolicy()), tr("Durées de conservation enregistrées."));
    });
    reload();
}

void AdminRetentionPage::reload() {
    const core::RetentionPolicy& p = context().retention;
    m_alerts->setValue(p.alertsDays);
    m_qualifications->setValue(p.qualificationsDays);
    m_snapshots->setValue(p.snapshotsDays);
    m_counts->setValue(p.countsDays);
    m_connectionLogs->setValue(p.connectionLogDays);
    m_usageLogs->setValue(p.usageLogDays);
}

core::RetentionPolicy AdminRetentionPage::formPolicy() const {
    core::RetentionPolicy p;
    p.alertsDays = m_alerts->value();
    p.qualificationsDays = m_qualifications->value();
    p.snapshotsDays = m_snapshots->value();
    p.countsDays = m_counts->value();
    p.connectionLogDays = m_connectionLogs->value();
    p.usageLogDays = m_usageLogs->value();
    return p;
}

core::Status AdminRetentionPage::savePolicy(const core::RetentionPolicy& policy) {
    AdminContext& ctx = context();
    if (auto s = ctx.check(core::Permission::ManageRetention); !s) {
        return ctx.refuse("retention_change", "retention", s.error());
    }
    if (auto s = core::validateRetentionPolicy(policy); !s) {
        return s;
    }
    if (!ctx.saveRetention) {
        return adminError(
            tr("L'enregistrement des durées de conservation n'est pas disponible ici."));
    }
    if (auto s = ctx.saveRetention(policy); !s) {
        return s;
    }
    const core::RetentionPolicy before = ctx.retention;
    ctx.retention = policy;
    (void)ctx.record(
        "retention_change", "retention",
        nlohmann::json{{"before", core::toJson(before)}, {"after", core::toJson(policy)}}.dump());
    return core::okStatus();
}

}  // namespace vigie::widgets
