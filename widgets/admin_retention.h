#pragma once
// « Durées de conservation »: how long alerts, qualification data, snapshots, count series,
// connection logs and usage logs are kept (core::RetentionPolicy: 1–3650 days, snapshots at
// most 30 days and never longer than their alerts). Saving checks ManageRetention, validates
// with core (validateRetentionPolicy), hands the policy to AdminContext::saveRetention and
// records a "retention_change" audit event with the values before and after. The purge job
// itself is the application's (core::RetentionJob), audited by core.
// Thread: GUI thread only.

#include "widgets/admin_window.h"

class QSpinBox;

namespace vigie::widgets {

class AdminRetentionPage : public AdminPage {
    Q_OBJECT

public:
    explicit AdminRetentionPage(AdminContext& shared, QWidget* parent = nullptr);

    void reload() override;
    core::RetentionPolicy formPolicy() const;
    // Checks, validates, saves and records.
    core::Status savePolicy(const core::RetentionPolicy& policy);

private:
    QSpinBox* m_alerts = nullptr;
    QSpinBox* m_qualifications = nullptr;
    QSpinBox* m_snapshots = nullptr;
    QSpinBox* m_counts = nullptr;
    QSpinBox* m_connectionLogs = nullptr;
    QSpinBox* m_usageLogs = nullptr;
};

}  // namespace vigie::widgets
