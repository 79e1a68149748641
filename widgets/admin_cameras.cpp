#include "widgets/admin_cameras.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/log.h"
#include "core/site_config.h"
#include "widgets/access_labels.h"

namespace vigie::widgets {

namespace {

std::string cameraDetails(const core::Camera& c) {
    return nlohmann::json{{"camera", c.id},
                          {"name", c.name},
                          {"url", core::redactUrl(c.source.url)},
                          {"transport", std::string(core::toName(c.source.transport))},
                          {"analysis_fps", c.analysisFps},
                          {"enabled", c.enabled}}
        .dump();
}

}  // namespace

core::Status applySiteChange(AdminContext& ctx, core::Permission permission,
                             const std::optional<std::string>& cameraId, const core::Site& proposed,
                             const std::string& action, const std::string& target,
                             const std::string& detailsJson) {
    if (auto s = ctx.check(permission, cameraId); !s) {
        return ctx.refuse(action, target, s.error());
    }
    // The same validation as the configuration file: what the page proposes is written out
    // and read back by the parser, so the screen can never save a site the engine refuses.
    auto parsed = core::parseSite(core::toJson(proposed), proposed.baseDir);
    if (!parsed) {
        return adminError(
            QCoreApplication::translate("vigie::widgets::AdminCamerasPage",
                                        "Configuration refusée par le contrôle du site :\n%1")
                .arg(QString::fromStdString(parsed.error().message)));
    }
    if (!ctx.saveSite) {
        return adminError(QCoreApplication::translate(
            "AdminCamerasPage",
            "L'enregistrement de la configuration du site n'est pas disponible ici."));
    }
    if (auto s = ctx.saveSite(*parsed); !s) {
        return s;
    }
    ctx.site = std::move(*parsed);
    if (!ctx.record(action, target, detailsJson)) {
        core::logger("app")->warn("audit event {} on {} could not be recorded", action, target);
    }
    return core::okStatus();
}

AdminCamerasPage::AdminCamerasPage(AdminContext& shared, QWidget* parent)
    : AdminPage(shared, parent),
      m_model(new AdminCameraModel(this)),
      m_table(new QTableView(this)),
      m_id(new QLineEdit(this)),
      m_name(new QLineEdit(this)),
      m_url(new QLineEdit(this)),
      m_transport(new QComboBox(this)),
      m_credentials(new QLineEdit(this)),
      m_fps(new QDoubleSpinBox(this)),
      m_enabled(new QCheckBox(tr("Analyse activée"), this)),
      m_new(new QPushButton(tr("&Nouvelle caméra"), this)),
      m_add(new QPushButton(tr("&Ajouter"), this)),
      m_save(new QPushButton(tr("&Enregistrer les modifications"), this)),
      m_remove(new QPushButton(tr("&Supprimer"), this)),
      m_enable(new QPushButton(tr("A&ctiver"), this)),
      m_disable(new QPushButton(tr("&Désactiver"), this)),
      m_test(new QPushButton(tr("&Tester la connexion"), this)) {
    setObjectName(QStringLiteral("adminCamerasPage"));
    m_id->setObjectName(QStringLiteral("cameraId"));
    m_name->setObjectName(QStringLiteral("cameraName"));
    m_url->setObjectName(QStringLiteral("cameraUrl"));
    m_transport->setObjectName(QStringLiteral("cameraTransport"));
    m_credentials->setObjectName(QStringLiteral("cameraCredentials"));
    m_fps->setObjectName(QStringLiteral("cameraFps"));
    m_enabled->setObjectName(QStringLiteral("cameraEnabled"));
    m_new->setObjectName(QStringLiteral("cameraNew"));
    m_add->setObjectName(QStringLiteral("cameraAdd"));
    m_save->setObjectName(QStringLiteral("cameraSave"));
    m_remove->setObjectName(QStringLiteral("cameraRemove"));
    m_enable->setObjectName(QStringLiteral("cameraEnable"));
    m_disable->setObjectName(QStringLiteral("cameraDisable"));
    m_test->setObjectName(QStringLiteral("cameraTest"));

    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Caméras du site"), this);
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    title->setFont(f);
    layout->addWidget(title);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto* box = new QGroupBox(tr("Caméra"), this);
    auto* form = new QFormLayout(box);
    m_id->setPlaceholderText(tr("quai-1 (lettres, chiffres, - et _)"));
    m_url->setPlaceholderText(tr("rtsp://serveur:554/flux — sans identifiant ni mot de passe"));
    m_credentials->setPlaceholderText(tr("entrée du trousseau (facultatif)"));
    m_transport->addItem(tr("Automatique"), int(core::Transport::Auto));
    m_transport->addItem(QStringLiteral("TCP"), int(core::Transport::Tcp));
    m_transport->addItem(QStringLiteral("UDP"), int(core::Transport::Udp));
    m_transport->addItem(QStringLiteral("Multicast"), int(core::Transport::Multicast));
    m_fps->setRange(0.1, 60.0);
    m_fps->setDecimals(1);
    m_fps->setValue(12.5);
    m_fps->setSuffix(tr(" i/s"));
    m_enabled->setChecked(true);
    form->addRow(tr("&Identifiant"), m_id);
    form->addRow(tr("N&om"), m_name);
    form->addRow(tr("&Adresse du flux"), m_url);
    form->addRow(tr("T&ransport"), m_transport);
    form->addRow(tr("Identifiants (&trousseau)"), m_credentials);
    form->addRow(tr("Images &analysées"), m_fps);
    form->addRow(QString(), m_enabled);
    layout->addWidget(box);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_new, m_add, m_save, m_remove, m_enable, m_disable, m_test}) {
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(statusLabel());

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        fillForm(selected());
        updateButtons();
    });
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_table->clearSelection();
        m_table->setCurrentIndex({});
        fillForm(nullptr);
        m_id->setFocus();
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        const core::Camera camera = formCamera();
        if (showResult(addCamera(camera),
                       tr("Caméra « %1 » ajoutée.").arg(QString::fromStdString(camera.id)))) {
            selectCamera(QString::fromStdString(camera.id));
        }
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const core::Camera camera = formCamera();
        showResult(updateCamera(camera),
                   tr("Caméra « %1 » enregistrée.").arg(QString::fromStdString(camera.id)));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const core::Camera* camera = selected();
        if (camera == nullptr) {
            return;
        }
        const QString id = QString::fromStdString(camera->id);
        const int rules = int(context().site.rulesForCamera(camera->id).size());
        if (QMessageBox::question(
                this, tr("Supprimer la caméra"),
                tr("Supprimer la caméra « %1 » et ses %n règle(s) ? Les alertes déjà "
                   "enregistrées sont conservées.",
                   nullptr, rules)
                    .arg(id)) != QMessageBox::Yes) {
            return;
        }
        showResult(removeCamera(camera->id), tr("Caméra « %1 » supprimée.").arg(id));
    });
    connect(m_enable, &QPushButton::clicked, this, [this] {
        if (const core::Camera* camera = selected()) {
            const QString id = QString::fromStdString(camera->id);
            showResult(setCameraEnabled(camera->id, true), tr("Caméra « %1 » activée.").arg(id));
        }
    });
    connect(m_disable, &QPushButton::clicked, this, [this] {
        if (const core::Camera* camera = selected()) {
            const QString id = QString::fromStdString(camera->id);
            showResult(setCameraEnabled(camera->id, false),
                       tr("Caméra « %1 » désactivée.").arg(id));
        }
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        if (const core::Camera* camera = selected()) {
            testConnection(camera->id);
        }
    });
    reload();
}

void AdminCamerasPage::reload() {
    const QString current =
        selected() != nullptr ? QString::fromStdString(selected()->id) : QString();
    m_model->setCameras(context().site.cameras);
    if (!current.isEmpty()) {
        selectCamera(current);
    }
    updateButtons();
}

const core::Camera* AdminCamerasPage::selected() const {
    return m_model->cameraAt(m_table->currentIndex().row());
}

void AdminCamerasPage::selectCamera(const QString& cameraId) {
    const int row = m_model->rowOf(cameraId);
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, 0));
        m_table->selectRow(row);
    }
    fillForm(selected());
    updateButtons();
}

void AdminCamerasPage::fillForm(const core::Camera* camera) {
    const core::Camera blank;
    const core::Camera& c = camera != nullptr ? *camera : blank;
    m_id->setText(QString::fromStdString(c.id));
    m_id->setReadOnly(camera != nullptr);
    m_name->setText(QString::fromStdString(c.name));
    m_url->setText(QString::fromStdString(c.source.url));
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(int(c.source.transport))));
    m_credentials->setText(QString::fromStdString(c.source.credentialsRef));
    m_fps->setValue(c.analysisFps);
    m_enabled->setChecked(c.enabled);
}

void AdminCamerasPage::updateButtons() {
    const core::Camera* camera = selected();
    m_add->setEnabled(camera == nullptr);
    m_save->setEnabled(camera != nullptr);
    m_remove->setEnabled(camera != nullptr);
    m_enable->setEnabled(camera != nullptr && !camera->enabled);
    m_disable->setEnabled(camera != nullptr && camera->enabled);
    m_test->setEnabled(camera != nullptr && bool(context().testConnection));
}

core::Camera AdminCamerasPage::formCamera() const {
    core::Camera camera;
    const std::string id = m_id->text().trimmed().toStdString();
    if (const core::Camera* existing = context().site.findCamera(id)) {
        camera = *existing;
    }
    camera.id = id;
    camera.name = m_name->text().trimmed().toStdString();
    camera.source.url = m_url->text().trimmed().toStdString();
    camera.source.transport = core::Transport(m_transport->currentData().toInt());
    camera.source.credentialsRef = m_credentials->text().trimmed().toStdString();
    camera.analysisFps = m_fps->value();
    camera.enabled = m_enabled->isChecked();
    return camera;
}

core::Status AdminCamerasPage::addCamera(const core::Camera& camera) {
    AdminContext& ctx = context();
    if (ctx.site.findCamera(camera.id) != nullptr) {
        return adminError(tr("L'identifiant « %1 » est déjà utilisé par une autre caméra.")
                              .arg(QString::fromStdString(camera.id)));
    }
    core::Site proposed = ctx.site;
    proposed.cameras.push_back(camera);
    auto s = applySiteChange(ctx, core::Permission::ManageCameras, std::nullopt, proposed,
                             "camera_add", camera.id, cameraDetails(camera));
    if (s) {
        reload();
        Q_EMIT siteChanged();
    }
    return s;
}

core::Status AdminCamerasPage::updateCamera(const core::Camera& camera) {
    AdminContext& ctx = context();
    core::Site proposed = ctx.site;
    auto it = std::find_if(proposed.cameras.begin(), proposed.cameras.end(),
                           [&](const core::Camera& c) { return c.id == camera.id; });
    if (it == proposed.cameras.end()) {
        return adminError(tr("Caméra inconnue : %1").arg(QString::fromStdString(camera.id)));
    }
    *it = camera;
    auto s = applySiteChange(ctx, core::Permission::ManageCameras, camera.id, proposed,
                             "camera_change", camera.id, cameraDetails(camera));
    if (s) {
        reload();
        Q_EMIT siteChanged();
    }
    return s;
}

core::Status AdminCamerasPage::removeCamera(const std::string& cameraId) {
    AdminContext& ctx = context();
    core::Site proposed = ctx.site;
    const auto before = proposed.cameras.size();
    std::erase_if(proposed.cameras, [&](const core::Camera& c) { return c.id == cameraId; });
    if (proposed.cameras.size() == before) {
        return adminError(tr("Caméra inconnue : %1").arg(QString::fromStdString(cameraId)));
    }
    nlohmann::json removedRules = nlohmann::json::array();
    for (const auto& r : proposed.rules) {
        if (r.cameraId == cameraId) {
            removedRules.push_back(r.id);
        }
    }
    std::erase_if(proposed.rules, [&](const core::Rule& r) { return r.cameraId == cameraId; });
    auto s = applySiteChange(
        ctx, core::Permission::ManageCameras, cameraId, proposed, "camera_remove", cameraId,
        nlohmann::json{{"camera", cameraId}, {"rules_removed", removedRules}}.dump());
    if (s) {
        reload();
        fillForm(nullptr);
        Q_EMIT siteChanged();
    }
    return s;
}

core::Status AdminCamerasPage::setCameraEnabled(const std::string& cameraId, bool enabled) {
    AdminContext& ctx = context();
    core::Site proposed = ctx.site;
    auto it = std::find_if(proposed.cameras.begin(), proposed.cameras.end(),
                           [&](const core::Camera& c) { return c.id == cameraId; });
    if (it == proposed.cameras.end()) {
        return adminError(tr("Caméra inconnue : %1").arg(QString::fromStdString(cameraId)));
    }
    it->enabled = enabled;
    auto s = applySiteChange(ctx, core::Permission::ManageCameras, cameraId, proposed,
                             enabled ? "camera_enable" : "camera_disable", cameraId,
                             nlohmann::json{{"camera", cameraId}, {"enabled", enabled}}.dump());
    if (s) {
        reload();
        Q_EMIT siteChanged();
    }
    return s;
}

void AdminCamerasPage::testConnection(const std::string& cameraId) {
    AdminContext& ctx = context();
    if (auto s = ctx.check(core::Permission::ManageCameras, cameraId); !s) {
        showError(userMessage(ctx.refuse("camera_test", cameraId, s.error())));
        return;
    }
    const core::Camera* camera = ctx.site.findCamera(cameraId);
    if (camera == nullptr || !ctx.testConnection) {
        return;
    }
    const QString id = QString::fromStdString(cameraId);
    showInfo(tr("Test de la connexion à « %1 »…").arg(id));
    m_test->setEnabled(false);
    QPointer<AdminCamerasPage> self(this);
    ctx.testConnection(*camera, [self, id, cameraId](const core::Status& result) {
        if (self.isNull()) {
            return;
        }
        self->context().record(
            "camera_test", cameraId,
            nlohmann::json{{"camera", cameraId},
                           {"ok", result.ok()},
                           {"error", result.ok() ? std::string() : result.error().message}}
                .dump());
        self->showResult(result, tr("Connexion à « %1 » réussie.").arg(id));
        self->updateButtons();
    });
}

}  // namespace vigie::widgets
