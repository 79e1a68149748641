#pragma once
// « Exports »: alerts with their qualification, count series and (with ViewAuditLog) audit
// records, filtered by period, camera and event, to CSV / JSON / XLSX files in a folder, or
// as the end-of-deployment bundle (every kind in every format, manifest of SHA-256 hashes,
// optional encryption) on a removable drive chosen among the mounted volumes. Runs
// core::Exporter, which checks the target, writes atomically and records the "export" audit
// event; the page checks ExportData (on the chosen camera) first.
// Thread: GUI thread; an export blocks under a busy cursor (the stores are GUI-thread
// connections).

#include "core/exporter.h"
#include "widgets/admin_window.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QRadioButton;

namespace vigie::widgets {

class AdminExportsPage : public AdminPage {
    Q_OBJECT

public:
    explicit AdminExportsPage(AdminContext& shared, QWidget* parent = nullptr);

    void reload() override;
    // Filters, formats and layout as set in the form (no encryption, no target).
    core::ExportOptions formOptions() const;
    // Checks ExportData and exports; `passphrase` empty: files in clear.
    core::Result<core::ExportReport> runExport(const QString& targetDir,
                                               const core::ExportOptions& options,
                                               const QString& passphrase = {});
    // Mount points of removable media under AdminContext::removableMountRoots.
    QStringList removableDrives() const;

private:
    void refreshDrives();

    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QComboBox* m_camera = nullptr;
    QComboBox* m_event = nullptr;
    QCheckBox* m_csv = nullptr;
    QCheckBox* m_json = nullptr;
    QCheckBox* m_xlsx = nullptr;
    QRadioButton* m_files = nullptr;
    QRadioButton* m_bundle = nullptr;
    QComboBox* m_drive = nullptr;
    QLineEdit* m_target = nullptr;
    QCheckBox* m_encrypt = nullptr;
    QLineEdit* m_passphrase = nullptr;
};

}  // namespace vigie::widgets
