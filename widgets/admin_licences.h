#pragma once
// « Licences »: the installed floating licence — its verdict (valide, expirée, altérée…),
// holder, serial, period, streams granted and used — and the cameras it covers. Only enabled
// cameras count, so moving a licence to another camera is disabling one and enabling the
// other, right here (a site change: ManageCameras, validated, saved and audited like on the
// Caméras page). A new licence file is installed with core::installLicence (ManageLicences;
// signature and site checked; "licence_change" recorded by core). An invalid licence never
// stops recording or reviewing alerts; the page says so.
// Thread: GUI thread only.

#include <string>

#include "widgets/admin_window.h"

class QLabel;
class QTableWidget;

namespace vigie::widgets {

class AdminLicencesPage : public AdminPage {
    Q_OBJECT

public:
    explicit AdminLicencesPage(AdminContext& shared, QWidget* parent = nullptr);

    void reload() override;
    // The installed licence evaluated now against the current site.
    core::LicenceStatus status() const;
    core::Status installLicenceText(const std::string& documentText);
    core::Status setCameraEnabled(const std::string& cameraId, bool enabled);
    QTableWidget* cameraTable() const { return m_cameras; }
    // « Valide », « Expirée », « Altérée (signature invalide) »…
    static QString verdictLabel(core::LicenceVerdict verdict);

private:
    QLabel* m_verdict = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_streams = nullptr;
    QTableWidget* m_cameras = nullptr;
    bool m_filling = false;
};

}  // namespace vigie::widgets
