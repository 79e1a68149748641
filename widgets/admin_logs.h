#pragma once
// « Journaux applicatifs » and « Journal d'audit ».
//
// AdminLogsPage: the rotating spdlog files (the active one and its rotated copies) of the
// log directory, readable by holders of ViewApplicationLogs; each reading is recorded
// ("log_read"). Shows the last 2 MiB of a file, with a text filter.
//
// AdminAuditPage: the hash-chained audit log, filtered by period, author and action, read
// through AuditLog::listFor (which checks ViewAuditLog and records the reading itself), and
// « Vérifier la chaîne », which runs AuditLog::verify, names the first broken record if any
// and records the verification ("audit_verify").
// Thread: GUI thread only.

#include "widgets/admin_models.h"
#include "widgets/admin_window.h"

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableView;

namespace vigie::widgets {

class AdminLogsPage : public AdminPage {
    Q_OBJECT

public:
    explicit AdminLogsPage(AdminContext& shared, QWidget* parent = nullptr);

    void reload() override;
    // Active file first, then rotated copies, newest first.
    QStringList logFiles() const;
    // Checks ViewApplicationLogs, records the reading and returns the end of the file.
    core::Result<QString> readLog(const QString& fileName);
    QPlainTextEdit* viewer() const { return m_view; }

    static constexpr qint64 kMaxShownBytes = 2 * 1024 * 1024;

private:
    void showFile(const QString& fileName);
    void applyFilter();

    QListWidget* m_files = nullptr;
    QLineEdit* m_filter = nullptr;
    QPlainTextEdit* m_view = nullptr;
    QString m_text;
};

class AdminAuditPage : public AdminPage {
    Q_OBJECT

public:
    explicit AdminAuditPage(AdminContext& shared, QWidget* parent = nullptr);

    void reload() override;
    core::AuditFilter formFilter() const;
    // Reads the records (AuditLog::listFor: permission checked and reading recorded).
    core::Status search(const core::AuditFilter& filter);
    // « Vérifier la chaîne ».
    core::Result<core::AuditVerification> verifyChain();
    AdminAuditModel* model() const { return m_model; }
    QString verificationText() const;

private:
    AdminAuditModel* m_model = nullptr;
    QCheckBox* m_usePeriod = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QLineEdit* m_actor = nullptr;
    QLineEdit* m_action = nullptr;
    QSpinBox* m_limit = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_verification = nullptr;
};

}  // namespace vigie::widgets
