#include "widgets/admin_exports.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStorageInfo>
#include <QVBoxLayout>

#include "widgets/access_labels.h"
#include "widgets/labels.h"

namespace vigie::widgets {

AdminExportsPage::AdminExportsPage(AdminContext& shared, QWidget* parent)
    : AdminPage(shared, parent),
      m_from(new QDateTimeEdit(this)),
      m_to(new QDateTimeEdit(this)),
      m_camera(new QComboBox(this)),
      m_event(new QComboBox(this)),
      m_csv(new QCheckBox(QStringLiteral("CSV"), this)),
      m_json(new QCheckBox(QStringLiteral("JSON"), this)),
      m_xlsx(new QCheckBox(QStringLiteral("XLSX (Excel)"), this)),
      m_files(new QRadioButton(tr("Fichiers dans un &dossier"), this)),
      m_bundle(new QRadioButton(tr("&Lot de fin de déploiement (support amovible)"), this)),
      m_drive(new QComboBox(this)),
      m_target(new QLineEdit(this)),
      m_encrypt(new QCheckBox(tr("&Chiffrer avec une phrase de passe"), this)),
      m_passphrase(new QLineEdit(this)) {
    setObjectName(QStringLiteral("adminExportsPage"));
    m_from->setObjectName(QStringLiteral("exportFrom"));
    m_to->setObjectName(QStringLiteral("exportTo"));
    m_camera->setObjectName(QStringLiteral("exportCamera"));
    m_event->setObjectName(QStringLiteral("exportEvent"));
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_json->setObjectName(QStringLiteral("exportJson"));
    m_xlsx->setObjectName(QStringLiteral("exportXlsx"));
    m_files->setObjectName(QStringLiteral("exportLayoutFiles"));
    m_bundle->setObjectName(QStringLiteral("exportLayoutBundle"));
    m_drive->setObjectName(QStringLiteral("exportDrive"));
    m_target->setObjectName(QStringLiteral("exportTarget"));
    m_encrypt->setObjectName(QStringLiteral("exportEncrypt"));
    m_passphrase->setObjectName(QStringLiteral("exportPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setEnabled(false);
    for (QDateTimeEdit* e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(shared.nowMs());
    m_from->setDateTime(now.addDays(-30));
    m_to->setDateTime(now);
    m_csv->setChecked(true);
    m_json->setChecked(true);
    m_xlsx->setChecked(true);
    m_files->setChecked(true);

    auto* layout = new QVBoxLayout(this);
    auto* filters = new QGroupBox(tr("Données"), this);
    auto* filterForm = new QFormLayout(filters);
    filterForm->addRow(tr("&Du"), m_from);
    filterForm->addRow(tr("&Au"), m_to);
    filterForm->addRow(tr("Ca&méra"), m_camera);
    filterForm->addRow(tr("É&vénement"), m_event);
    auto* formats = new QHBoxLayout;
    formats->addWidget(m_csv);
    formats->addWidget(m_json);
    formats->addWidget(m_xlsx);
    formats->addStretch(1);
    filterForm->addRow(tr("Formats"), formats);
    layout->addWidget(filters);

    auto* target = new QGroupBox(tr("Destination"), this);
    auto* targetForm = new QFormLayout(target);
    targetForm->addRow(m_files);
    targetForm->addRow(m_bundle);
    auto* driveRow = new QHBoxLayout;
    driveRow->addWidget(m_drive, 1);
    auto* refresh = new QPushButton(tr("Ac&tualiser"), target);
    driveRow->addWidget(refresh);
    targetForm->addRow(tr("Support a&movible"), driveRow);
    auto* dirRow = new QHBoxLayout;
    dirRow->addWidget(m_target, 1);
    auto* browse = new QPushButton(tr("&Parcourir…"), target);
    dirRow->addWidget(browse);
    targetForm->addRow(tr("D&ossier"), dirRow);
    targetForm->addRow(m_encrypt);
    targetForm->addRow(tr("P&hrase de passe"), m_passphrase);
    layout->addWidget(target);

    auto* run = new QPushButton(tr("&Exporter"), this);
    run->setObjectName(QStringLiteral("exportRun"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(statusLabel());
    layout->addStretch(1);

    connect(m_encrypt, &QCheckBox::toggled, m_passphrase, &QLineEdit::setEnabled);
    connect(refresh, &QPushButton::clicked, this, &AdminExportsPage::refreshDrives);
    connect(m_drive, &QComboBox::activated, this, [this](int index) {
        const QString path = m_drive->itemData(index).toString();
        if (!path.isEmpty()) {
            m_target->setText(path);
            m_bundle->setChecked(true);
        }
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Dossier d'export"), m_target->text());
        if (!dir.isEmpty()) {
            m_target->setText(dir);
        }
    });
    connect(run, &QPushButton::clicked, this, [this] {
        auto report = runExport(m_target->text(), formOptions(),
                                m_encrypt->isChecked() ? m_passphrase->text() : QString());
        if (!report) {
            showError(userMessage(report.error()));
            return;
        }
        showInfo(tr("Export terminé dans %1 : %2 fichier(s), %3 alerte(s), %4 comptage(s), %5 "
                    "enregistrement(s) d'audit.")
                     .arg(QString::fromStdString(report->directory))
                     .arg(report->files.size())
                     .arg(report->alerts)
                     .arg(report->countSamples)
                     .arg(report->auditRecords));
        m_passphrase->clear();
    });
    reload();
    refreshDrives();
}

void AdminExportsPage::reload() {
    const AdminContext& ctx = context();
    const QString camera = m_camera->currentData().toString();
    m_camera->clear();
    m_camera->addItem(tr("Toutes les caméras"), QString());
    const core::AccessControl acl = ctx.currentAccessControl();
    auto filter = acl.cameraFilter(ctx.principal, core::Permission::ExportData);
    for (const auto& c : ctx.site.cameras) {
        if (filter && *filter && (*filter)->count(c.id) == 0) {
            continue;
        }
        m_camera->addItem(QString::fromStdString(c.name.empty() ? c.id : c.name),
                          QString::fromStdString(c.id));
    }
    m_camera->setCurrentIndex(std::max(0, m_camera->findData(camera)));
    if (m_event->count() == 0) {
        m_event->addItem(tr("Tous les événements"), 0);
        for (const core::EventType type : core::kAllEventTypes) {
            m_event->addItem(eventLabel(type), int(type));
        }
    }
}

QStringList AdminExportsPage::removableDrives() const {
    QStringList drives;
    for (const QStorageInfo& volume : QStorageInfo::mountedVolumes()) {
        if (!volume.isValid() || !volume.isReady() || volume.isReadOnly()) {
            continue;
        }
        const QString root = volume.rootPath();
        for (const QString& prefix : context().removableMountRoots) {
            if (root.startsWith(prefix + QLatin1Char('/'))) {
                drives << root;
                break;
            }
        }
    }
    return drives;
}

void AdminExportsPage::refreshDrives() {
    m_drive->clear();
    const QStringList drives = removableDrives();
    if (drives.isEmpty()) {
        m_drive->addItem(tr("Aucun support amovible détecté"), QString());
        return;
    }
    for (const QString& d : drives) {
        const QStorageInfo info(d);
        m_drive->addItem(
            tr("%1 (%2 libres)").arg(d, QLocale().formattedDataSize(info.bytesAvailable())), d);
    }
}

core::ExportOptions AdminExportsPage::formOptions() const {
    core::ExportOptions options;
    options.layout = m_bundle->isChecked() ? core::ExportLayout::Bundle : core::ExportLayout::Files;
    options.formats.clear();
    if (m_csv->isChecked()) {
        options.formats.push_back(core::ExportFormat::Csv);
    }
    if (m_json->isChecked()) {
        options.formats.push_back(core::ExportFormat::Json);
    }
    if (m_xlsx->isChecked()) {
        options.formats.push_back(core::ExportFormat::Xlsx);
    }
    options.filter.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    options.filter.toMs = m_to->dateTime().toMSecsSinceEpoch();
    const QString camera = m_camera->currentData().toString();
    if (!camera.isEmpty()) {
        options.filter.cameraId = camera.toStdString();
    }
    if (const int event = m_event->currentData().toInt(); event != 0) {
        options.filter.event = core::EventType(event);
    }
    return options;
}

core::Result<core::ExportReport> AdminExportsPage::runExport(const QString& targetDir,
                                                             const core::ExportOptions& options,
                                                             const QString& passphrase) {
    AdminContext& ctx = context();
    const std::string target = targetDir.toStdString();
    if (auto s = ctx.check(core::Permission::ExportData, options.filter.cameraId); !s) {
        return ctx.refuse("export", target, s.error());
    }
    if (targetDir.isEmpty()) {
        return adminError(tr("Choisissez un dossier de destination."));
    }
    if (options.layout == core::ExportLayout::Files && options.formats.empty()) {
        return adminError(tr("Choisissez au moins un format."));
    }
    core::ExportSources sources;
    sources.alerts = ctx.alerts;
    sources.counts = ctx.counts;
    if (ctx.audit != nullptr && ctx.allows(core::Permission::ViewAuditLog)) {
        core::AuditLog* log = ctx.audit;
        sources.audit = [log](const core::ExportFilter& filter)
            -> core::Result<std::vector<core::AuditExportRecord>> {
            core::AuditFilter af;
            af.fromMs = filter.fromMs;
            af.toMs = filter.toMs;
            af.limit = 10'000'000;
            auto records = log->list(af);
            if (!records) {
                return records.error();
            }
            std::vector<core::AuditExportRecord> out;
            out.reserve(records->size());
            for (const auto& r : *records) {
                out.push_back(
                    {r.seq, r.timeMs, r.actor, r.action, r.target, r.detailsJson, r.hash});
            }
            return out;
        };
    }
    core::ExportOptions run = options;
    run.siteId = ctx.site.id;
    run.actor = actorOf(ctx.principal);
    run.nowMs = ctx.nowMs();
    std::optional<core::SealingKey> key;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    if (!passphrase.isEmpty()) {
        auto sealing = core::SealingKey::fromPassphrase(passphrase.toStdString(), ctx.backupKdf);
        if (!sealing) {
            QApplication::restoreOverrideCursor();
            return sealing.error();
        }
        key = std::move(*sealing);
        run.encryption = &*key;
    }
    core::Exporter exporter(sources, ctx.audit);
    auto report = exporter.exportTo(target, run);
    QApplication::restoreOverrideCursor();
    return report;
}

}  // namespace vigie::widgets
