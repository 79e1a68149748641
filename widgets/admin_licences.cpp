#include "widgets/admin_licences.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "widgets/access_labels.h"
#include "widgets/admin_cameras.h"
#include "widgets/admin_models.h"
#include "widgets/labels.h"

namespace vigie::widgets {

QString AdminLicencesPage::verdictLabel(core::LicenceVerdict verdict) {
    switch (verdict) {
        case core::LicenceVerdict::Valid:
            return tr("Valide");
        case core::LicenceVerdict::Missing:
            return tr("Aucune licence installée");
        case core::LicenceVerdict::Malformed:
            return tr("Fichier de licence illisible");
        case core::LicenceVerdict::Tampered:
            return tr("Licence altérée (signature invalide)");
        case core::LicenceVerdict::WrongSite:
            return tr("Licence d'un autre site");
        case core::LicenceVerdict::NotYetValid:
            return tr("Licence pas encore valable");
        case core::LicenceVerdict::Expired:
            return tr("Licence expirée");
        case core::LicenceVerdict::Invalid:
            break;
    }
    return tr("État inconnu");
}

AdminLicencesPage::AdminLicencesPage(AdminContext& shared, QWidget* parent)
    : AdminPage(shared, parent),
      m_verdict(new QLabel(this)),
      m_details(new QLabel(this)),
      m_streams(new QLabel(this)),
      m_cameras(new QTableWidget(this)) {
    setObjectName(QStringLiteral("adminLicencesPage"));
    m_verdict->setObjectName(QStringLiteral("licenceVerdict"));
    m_details->setObjectName(QStringLiteral("licenceDetails"));
    m_streams->setObjectName(QStringLiteral("licenceStreams"));
    m_cameras->setObjectName(QStringLiteral("licenceCameras"));
    QFont f = m_verdict->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_verdict->setFont(f);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_details);
    layout->addWidget(m_streams);
    auto* note = new QLabel(tr("Seules les caméras activées consomment un flux. Pour attribuer "
                               "la licence à une autre caméra, désactivez-en une et activez "
                               "l'autre : aucune démarche auprès de l'éditeur n'est nécessaire. "
                               "Une licence invalide n'arrête jamais l'enregistrement ni la "
                               "revue des alertes déjà levées."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_cameras->setColumnCount(3);
    m_cameras->setHorizontalHeaderLabels({tr("Caméra"), tr("Activée"), tr("Analyse")});
    m_cameras->horizontalHeader()->setStretchLastSection(true);
    m_cameras->verticalHeader()->hide();
    m_cameras->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_cameras, 1);
    auto* install = new QPushButton(tr("&Installer un fichier de licence…"), this);
    install->setObjectName(QStringLiteral("licenceInstall"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(install);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(statusLabel());

    connect(install, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Fichier de licence"), QString(),
                                         tr("Licences Vigie (*.json *.lic);;Tous (*)"));
        if (file.isEmpty()) {
            return;
        }
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly)) {
            showError(tr("Lecture impossible : %1").arg(file));
            return;
        }
        const QByteArray text = in.read(1 << 20);
        showResult(installLicenceText(text.toStdString()), tr("Licence installée."));
    });
    connect(m_cameras, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_filling || item->column() != 1) {
            return;
        }
        const std::string id = item->data(Qt::UserRole).toString().toStdString();
        const bool enabled = item->checkState() == Qt::Checked;
        // Not from inside the item's own signal: saving the site reloads the pages, which
        // replaces the items.
        QMetaObject::invokeMethod(
            this,
            [this, id, enabled] {
                const QString name = QString::fromStdString(id);
                showResult(setCameraEnabled(id, enabled),
                           enabled ? tr("Caméra « %1 » activée.").arg(name)
                                   : tr("Caméra « %1 » désactivée.").arg(name));
                reload();
            },
            Qt::QueuedConnection);
    });
    reload();
}

core::LicenceStatus AdminLicencesPage::status() const {
    const AdminContext& ctx = context();
    std::ifstream in(ctx.licencePath, std::ios::binary);
    if (ctx.licencePath.empty() || !in) {
        return core::noLicence(ctx.site);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return core::evaluateLicence(text.str(), ctx.licenceKey, ctx.site, ctx.nowMs());
}

void AdminLicencesPage::reload() {
    const core::LicenceStatus s = status();
    m_verdict->setText(verdictLabel(s.verdict));
    m_verdict->setStyleSheet(
        QStringLiteral("QLabel { border-left: 8px solid %1; padding-left: 6px; }")
            .arg(healthColour(s.valid ? core::HealthLevel::Ok : core::HealthLevel::Down).name()));
    QStringList details;
    if (s.licence) {
        const core::Licence& l = *s.licence;
        details << tr("Titulaire : %1").arg(QString::fromStdString(l.licensee))
                << tr("Numéro : %1").arg(QString::fromStdString(l.serial))
                << tr("Site : %1").arg(QString::fromStdString(l.siteId))
                << tr("Valable du %1 au %2")
                       .arg(formatTimeMs(l.notBeforeMs), formatTimeMs(l.notAfterMs));
    }
    if (!s.reason.empty()) {
        details << tr("Motif : %1").arg(QString::fromStdString(s.reason));
    }
    m_details->setText(details.join(QStringLiteral("\n")));
    m_streams->setText(tr("Flux accordés : %1 — flux utilisés (caméras activées) : %2")
                           .arg(s.licensedStreams)
                           .arg(s.enabledStreams));

    m_filling = true;
    const auto& cameras = context().site.cameras;
    m_cameras->setRowCount(int(cameras.size()));
    for (int row = 0; row < int(cameras.size()); ++row) {
        const core::Camera& c = cameras[std::size_t(row)];
        auto* name = new QTableWidgetItem(QString::fromStdString(c.name.empty() ? c.id : c.name));
        auto* enabled = new QTableWidgetItem(c.enabled ? tr("oui") : tr("non"));
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        enabled->setCheckState(c.enabled ? Qt::Checked : Qt::Unchecked);
        enabled->setData(Qt::UserRole, QString::fromStdString(c.id));
        const bool analysed = std::find(s.analysedCameraIds.begin(), s.analysedCameraIds.end(),
                                        c.id) != s.analysedCameraIds.end();
        QString state;
        if (!c.enabled) {
            state = tr("désactivée (ne consomme pas de flux)");
        } else if (analysed) {
            state = tr("analysée");
        } else {
            state = tr("NON analysée : au-delà des flux accordés");
        }
        auto* analysis = new QTableWidgetItem(state);
        if (c.enabled && !analysed) {
            analysis->setForeground(healthColour(core::HealthLevel::Down));
        }
        m_cameras->setItem(row, 0, name);
        m_cameras->setItem(row, 1, enabled);
        m_cameras->setItem(row, 2, analysis);
    }
    m_filling = false;
}

core::Status AdminLicencesPage::installLicenceText(const std::string& documentText) {
    AdminContext& ctx = context();
    if (auto s = ctx.check(core::Permission::ManageLicences); !s) {
        return ctx.refuse("licence_change", "licence", s.error());
    }
    if (ctx.licencePath.empty()) {
        return adminError(tr("Aucun emplacement de licence n'est configuré."));
    }
    auto installed = core::installLicence(documentText, ctx.licencePath, ctx.licenceKey, &ctx.site,
                                          ctx.audit, actorOf(ctx.principal), ctx.nowMs());
    reload();
    if (!installed) {
        return installed.error();
    }
    return core::okStatus();
}

core::Status AdminLicencesPage::setCameraEnabled(const std::string& cameraId, bool enabled) {
    AdminContext& ctx = context();
    core::Site proposed = ctx.site;
    auto it = std::find_if(proposed.cameras.begin(), proposed.cameras.end(),
                           [&](const core::Camera& c) { return c.id == cameraId; });
    if (it == proposed.cameras.end()) {
        return adminError(tr("Caméra inconnue : %1").arg(QString::fromStdString(cameraId)));
    }
    it->enabled = enabled;
    auto s = applySiteChange(
        ctx, core::Permission::ManageCameras, cameraId, proposed,
        enabled ? "camera_enable" : "camera_disable", cameraId,
        nlohmann::json{{"camera", cameraId}, {"enabled", enabled}, {"from", "licences"}}.dump());
    if (s) {
        Q_EMIT siteChanged();
    }
    return s;
}

}  // namespace vigie::widgets
