#include "widgets/admin_backups.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include "core/site_config.h"
#include "widgets/access_labels.h"
#include "widgets/admin_models.h"

namespace vigie::widgets {

AdminBackupsPage::AdminBackupsPage(AdminContext& shared, QWidget* parent)
    : AdminPage(shared, parent),
      m_directory(new QLineEdit(this)),
      m_passphrase(new QLineEdit(this)),
      m_passphraseConfirm(new QLineEdit(this)),
      m_backups(new QListWidget(this)),
      m_scheduleEnabled(new QCheckBox(tr("Sauvegardes &automatiques"), this)),
      m_interval(new QSpinBox(this)),
      m_keep(new QSpinBox(this)),
      m_scheduleDirectory(new QLineEdit(this)) {
    setObjectName(QStringLiteral("adminBackupsPage"));
    m_directory->setObjectName(QStringLiteral("backupDirectory"));
    m_passphrase->setObjectName(QStringLiteral("backupPassphrase"));
    m_passphraseConfirm->setObjectName(QStringLiteral("backupPassphraseConfirm"));
    m_backups->setObjectName(QStringLiteral("backupList"));
    m_scheduleEnabled->setObjectName(QStringLiteral("backupScheduleEnabled"));
    m_interval->setObjectName(QStringLiteral("backupInterval"));
    m_keep->setObjectName(QStringLiteral("backupKeep"));
    m_scheduleDirectory->setObjectName(QStringLiteral("backupScheduleDirectory"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphraseConfirm->setEchoMode(QLineEdit::Password);
    m_interval->setRange(1, 720);
    m_interval->setSuffix(tr(" h"));
    m_keep->setRange(1, 365);

    auto* layout = new QVBoxLayout(this);
    auto* manual = new QGroupBox(tr("Sauvegarde manuelle"), this);
    auto* manualForm = new QFormLayout(manual);
    auto* dirRow = new QHBoxLayout;
    dirRow->addWidget(m_directory, 1);
    auto* browse = new QPushButton(tr("&Parcourir…"), manual);
    dirRow->addWidget(browse);
    manualForm->addRow(tr("&Dossier"), dirRow);
    manualForm->addRow(tr("Phrase de &passe"), m_passphrase);
    manualForm->addRow(tr("&Confirmation"), m_passphraseConfirm);
    auto* note = new QLabel(tr("La sauvegarde contient la configuration du site, les comptes, "
                               "groupes et profils et les durées de conservation, chiffrés avec "
                               "la phrase de passe (12 caractères au moins). Sans elle, la "
                               "sauvegarde est inutilisable : conservez-la à part."),
                            manual);
    note->setWordWrap(true);
    manualForm->addRow(note);
    auto* now = new QPushButton(tr("&Sauvegarder maintenant"), manual);
    now->setObjectName(QStringLiteral("backupNow"));
    manualForm->addRow(QString(), now);
    layout->addWidget(manual);

    auto* scheduled = new QGroupBox(tr("Planification"), this);
    auto* scheduleForm = new QFormLayout(scheduled);
    scheduleForm->addRow(QString(), m_scheduleEnabled);
    scheduleForm->addRow(tr("&Intervalle"), m_interval);
    scheduleForm->addRow(tr("Sauvegardes &gardées"), m_keep);
    scheduleForm->addRow(tr("D&ossier des sauvegardes automatiques"), m_scheduleDirectory);
    auto* saveSchedule = new QPushButton(tr("&Enregistrer la planification"), scheduled);
    saveSchedule->setObjectName(QStringLiteral("backupScheduleSave"));
    scheduleForm->addRow(QString(), saveSchedule);
    layout->addWidget(scheduled);

    layout->addWidget(new QLabel(tr("Sauvegardes présentes dans le dossier"), this));
    layout->addWidget(m_backups, 1);
    layout->addWidget(statusLabel());

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Dossier de sauvegarde"),
                                                              m_directory->text());
        if (!dir.isEmpty()) {
            m_directory->setText(dir);
            listBackups();
        }
    });
    connect(m_directory, &QLineEdit::editingFinished, this, &AdminBackupsPage::listBackups);
    connect(now, &QPushButton::clicked, this, [this] {
        if (m_passphrase->text() != m_passphraseConfirm->text()) {
            showError(tr("La confirmation de la phrase de passe ne correspond pas."));
            return;
        }
        auto report = backupNow(m_directory->text(), m_passphrase->text());
        if (report) {
            showInfo(tr("Sauvegarde écrite : %1 (%2 lignes).")
                         .arg(QString::fromStdString(report->path))
                         .arg(report->rows));
            m_passphrase->clear();
            m_passphraseConfirm->clear();
            listBackups();
        } else {
            showError(userMessage(report.error()));
        }
    });
    connect(saveSchedule, &QPushButton::clicked, this, [this] {
        showResult(this->saveSchedule(formSchedule()), tr("Planification enregistrée."));
    });
    reload();
}

void AdminBackupsPage::reload() {
    const AdminContext& ctx = context();
    if (m_directory->text().isEmpty()) {
        m_directory->setText(ctx.defaultBackupDirectory.isEmpty()
                                 ? QString::fromStdString(ctx.backupSchedule.directory)
                                 : ctx.defaultBackupDirectory);
    }
    m_scheduleEnabled->setChecked(ctx.backupSchedule.enabled);
    m_interval->setValue(ctx.backupSchedule.intervalHours);
    m_keep->setValue(ctx.backupSchedule.keep);
    m_scheduleDirectory->setText(QString::fromStdString(ctx.backupSchedule.directory));
    listBackups();
}

void AdminBackupsPage::listBackups() {
    m_backups->clear();
    const QDir dir(m_directory->text());
    if (m_directory->text().isEmpty() || !dir.exists()) {
        return;
    }
    const QFileInfoList files =
        dir.entryInfoList({QStringLiteral("*.vbk")}, QDir::Files, QDir::Time);
    for (const QFileInfo& f : files) {
        m_backups->addItem(tr("%1 — %2 — %3")
                               .arg(f.fileName(),
                                    formatTimeMs(f.lastModified().toMSecsSinceEpoch()),
                                    QLocale().formattedDataSize(f.size())));
    }
}

core::Result<core::BackupReport> AdminBackupsPage::backupNow(const QString& directory,
                                                             const QString& passphrase) {
    AdminContext& ctx = context();
    const std::string target = directory.toStdString();
    if (auto s = ctx.check(core::Permission::ManageBackups); !s) {
        return ctx.refuse("backup", target, s.error());
    }
    if (directory.isEmpty() || !QDir(directory).exists()) {
        return adminError(tr("Le dossier de sauvegarde n'existe pas : %1").arg(directory));
    }
    const std::int64_t now = ctx.nowMs();
    const std::string path =
        QDir(directory)
            .filePath(QString::fromStdString(core::backupFileName(ctx.site.id, now)))
            .toStdString();
    core::BackupOptions options;
    options.kdf = ctx.backupKdf;
    options.nowMs = now;
    options.actor = actorOf(ctx.principal);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto report =
        core::writeBackup(path, ctx.configDatabase, {core::toJson(ctx.site), ctx.retention},
                          passphrase.toStdString(), options, ctx.audit);
    QApplication::restoreOverrideCursor();
    return report;
}

BackupSchedule AdminBackupsPage::formSchedule() const {
    BackupSchedule s;
    s.enabled = m_scheduleEnabled->isChecked();
    s.intervalHours = m_interval->value();
    s.keep = m_keep->value();
    s.directory = m_scheduleDirectory->text().trimmed().toStdString();
    return s;
}

core::Status AdminBackupsPage::saveSchedule(const BackupSchedule& schedule) {
    AdminContext& ctx = context();
    if (auto s = ctx.check(core::Permission::ManageBackups); !s) {
        return ctx.refuse("backup_schedule_change", "backup_schedule", s.error());
    }
    if (schedule.intervalHours < 1 || schedule.intervalHours > 720 || schedule.keep < 1 ||
        schedule.keep > 365) {
        return adminError(
            tr("Planification hors limites (intervalle de 1 à 720 h, de 1 à 365 sauvegardes "
               "gardées)."));
    }
    if (schedule.enabled && schedule.directory.empty()) {
        return adminError(tr("Les sauvegardes automatiques demandent un dossier."));
    }
    if (!ctx.saveBackupSchedule) {
        return adminError(tr("L'enregistrement de la planification n'est pas disponible ici."));
    }
    if (auto s = ctx.saveBackupSchedule(schedule); !s) {
        return s;
    }
    ctx.backupSchedule = schedule;
    (void)ctx.record("backup_schedule_change", "backup_schedule",
                     nlohmann::json{{"enabled", schedule.enabled},
                                    {"interval_hours", schedule.intervalHours},
                                    {"keep", schedule.keep},
                                    {"directory", schedule.directory}}
                         .dump());
    return core::okStatus();
}

}  // namespace vigie::widgets
