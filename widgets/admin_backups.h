#pragma once
// « Sauvegardes »: a manual backup now (site file, accounts, groups, profiles, retention
// settings; encrypted with a passphrase — core::writeBackup, which records the "backup"
// audit event), the schedule of automatic backups (run by the application; changes recorded
// as "backup_schedule_change"), and the backups already in the directory. Restoring is done
// offline with `vigie restore`, on a stopped engine.
// Thread: GUI thread only; a backup blocks for about a second (Argon2id) under a busy cursor.

#include "core/backup.h"
#include "widgets/admin_window.h"

class QCheckBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace vigie::widgets {

class AdminBackupsPage : public AdminPage {
    Q_OBJECT

public:
    explicit AdminBackupsPage(AdminContext& shared, QWidget* parent = nullptr);

    void reload() override;
    // Checks ManageBackups and writes an encrypted backup into `directory`.
    core::Result<core::BackupReport> backupNow(const QString& directory, const QString& passphrase);
    core::Status saveSchedule(const BackupSchedule& schedule);
    BackupSchedule formSchedule() const;

private:
    void listBackups();

    QLineEdit* m_directory = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_passphraseConfirm = nullptr;
    QListWidget* m_backups = nullptr;
    QCheckBox* m_scheduleEnabled = nullptr;
    QSpinBox* m_interval = nullptr;
    QSpinBox* m_keep = nullptr;
    QLineEdit* m_scheduleDirectory = nullptr;
};

}  // namespace vigie::widgets
