#pragma once
// « Caméras »: the site's cameras — add, change, remove, activate, deactivate, test the
// connection. The page edits core::Camera values; every change builds the whole proposed
// site, validates it with the site parser (parseSite on its JSON, so the rules of the
// configuration file apply: unique ids, URL without credentials, analysis rate 0.1–60…),
// hands it to AdminContext::saveSite, then records the audit event. The permission
// (ManageCameras, on that camera) is checked before anything else.
// Thread: GUI thread only.

#include <optional>
#include <string>

#include "widgets/admin_models.h"
#include "widgets/admin_window.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace vigie::widgets {

// Checks `permission` (on `cameraId` when given), validates `proposed` with the site parser,
// saves it through ctx.saveSite, makes it ctx.site and records `action` on `target`.
// Refusals are recorded as "access_denied".
core::Status applySiteChange(AdminContext& ctx, core::Permission permission,
                             const std::optional<std::string>& cameraId, const core::Site& proposed,
                             const std::string& action, const std::string& target,
                             const std::string& detailsJson);

class AdminCamerasPage : public AdminPage {
    Q_OBJECT

public:
    explicit AdminCamerasPage(AdminContext& context, QWidget* parent = nullptr);

    void reload() override;

    // Each checks, validates, saves and records; the status line shows the outcome.
    core::Status addCamera(const core::Camera& camera);
    // Replaces the camera with the same id (zones, lines and calibration come with it).
    core::Status updateCamera(const core::Camera& camera);
    // Removes the camera and the rules that watch it.
    core::Status removeCamera(const std::string& cameraId);
    core::Status setCameraEnabled(const std::string& cameraId, bool enabled);
    // Asks the application to open the source; the result arrives on the status line.
    void testConnection(const std::string& cameraId);

    // The camera described by the form (the selected camera's zones and settings kept).
    core::Camera formCamera() const;
    void selectCamera(const QString& cameraId);
    AdminCameraModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

private:
    void fillForm(const core::Camera* camera);
    void updateButtons();
    const core::Camera* selected() const;

    AdminCameraModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QComboBox* m_transport = nullptr;
    QLineEdit* m_credentials = nullptr;
    QDoubleSpinBox* m_fps = nullptr;
    QCheckBox* m_enabled = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_enable = nullptr;
    QPushButton* m_disable = nullptr;
    QPushButton* m_test = nullptr;
};

}  // namespace vigie::widgets
