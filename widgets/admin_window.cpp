#include "widgets/admin_window.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <chrono>

#include "widgets/access_labels.h"
#include "widgets/admin_backups.h"
#include "widgets/admin_cameras.h"
#include "widgets/admin_exports.h"
#include "widgets/admin_licences.h"
#include "widgets/admin_logs.h"
#include "widgets/admin_retention.h"
#include "widgets/admin_users.h"

namespace vigie::widgets {

// --- AdminContext -----------------------------------------------------------------------------

std::string actorOf(const core::Principal& principal) {
    return principal.login.empty() ? std::string("anonymous") : principal.login;
}

std::int64_t AdminContext::nowMs() const {
    if (clockMs) {
        return clockMs();
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

core::AccessControl AdminContext::currentAccessControl() const {
    if (accounts != nullptr) {
        if (auto acl = accounts->accessControl()) {
            return std::move(*acl);
        }
    }
    return accessControl;
}

core::Status AdminContext::check(core::Permission permission,
                                 std::optional<std::string> cameraId) const {
    return currentAccessControl().check(principal, permission, std::move(cameraId));
}

bool AdminContext::record(const std::string& action, const std::string& target,
                          const std::string& detailsJson) const {
    if (audit == nullptr) {
        return false;
    }
    return audit->record({nowMs(), actorOf(principal), action, target, detailsJson});
}

core::Error AdminContext::refuse(const std::string& operation, const std::string& target,
                                 const core::Error& error) const {
    (void)record("access_denied", target,
                 nlohmann::json{{"operation", operation}, {"reason", error.message}}.dump());
    return error;
}

// --- AdminPage --------------------------------------------------------------------------------

AdminPage::AdminPage(AdminContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_status(new QLabel(this)) {
    m_status->setObjectName(QStringLiteral("adminStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

QString AdminPage::statusText() const {
    return m_status->text();
}

bool AdminPage::showResult(const core::Status& status, const QString& success) {
    if (status) {
        showInfo(success);
        return true;
    }
    showError(userMessage(status.error()));
    return false;
}

void AdminPage::showError(const QString& message) {
    m_statusIsError = true;
    m_status->setText(message);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #EF5350; font-weight: bold; }"));
}

void AdminPage::showInfo(const QString& message) {
    m_statusIsError = false;
    m_status->setText(message);
    m_status->setStyleSheet(QString());
}

// --- AdminWindow ------------------------------------------------------------------------------

namespace {

// Whether the principal holds `permission` at all (on some camera for camera-bound ones).
bool mayOpen(const AdminContext& ctx, core::Permission permission) {
    const core::AccessControl acl = ctx.currentAccessControl();
    if (core::isCameraBound(permission)) {
        return acl.cameraFilter(ctx.principal, permission).ok();
    }
    return acl.check(ctx.principal, permission).ok();
}

}  // namespace

AdminWindow::AdminWindow(AdminContext context, QWidget* parent)
    : QWidget(parent),
      m_context(std::make_unique<AdminContext>(std::move(context))),
      m_header(new QLabel(this)),
      m_sidebar(new QListWidget(this)),
      m_stack(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("adminWindow"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_header);
    auto* body = new QHBoxLayout;
    m_sidebar->setObjectName(QStringLiteral("adminSidebar"));
    m_sidebar->setFixedWidth(240);
    body->addWidget(m_sidebar);
    body->addWidget(m_stack, 1);
    outer->addLayout(body, 1);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    buildPages();
    retranslate();
    resize(1600, 950);
}

AdminWindow::~AdminWindow() {
    // Pages borrow the context: delete them before it goes.
    for (auto& e : m_entries) {
        delete e.widget;
    }
    m_entries.clear();
}

void AdminWindow::addEntry(Page which, QWidget* widget, const QString& title,
                           core::Permission permission) {
    m_entries.push_back({which, widget, title, permission});
    m_stack->addWidget(widget);
    auto* item = new QListWidgetItem(title, m_sidebar);
    item->setData(Qt::UserRole, int(which));
    if (auto* page = qobject_cast<AdminPage*>(widget)) {
        connect(page, &AdminPage::siteChanged, this, &AdminWindow::reloadAll);
    }
}

void AdminWindow::buildPages() {
    AdminContext& ctx = *m_context;
    const int current = m_sidebar->currentRow();
    // Built-in pages are rebuilt (language change); extra pages are kept.
    std::vector<Entry> extras;
    for (auto& e : m_entries) {
        m_stack->removeWidget(e.widget);
        if (e.page == Page::Invalid) {
            extras.push_back(e);
        } else {
            delete e.widget;
        }
    }
    m_entries.clear();
    m_sidebar->clear();

    if (mayOpen(ctx, core::Permission::ManageCameras)) {
        addEntry(Page::Cameras, new AdminCamerasPage(ctx), tr("Caméras"),
                 core::Permission::ManageCameras);
    }
    if (ctx.accounts != nullptr && (mayOpen(ctx, core::Permission::ManageUsers) ||
                                    mayOpen(ctx, core::Permission::ManageGroupsAndProfiles))) {
        addEntry(Page::Accounts, new AdminUsersPage(ctx), tr("Utilisateurs et rôles"),
                 core::Permission::ManageUsers);
    }
    if (mayOpen(ctx, core::Permission::ManageRetention)) {
        addEntry(Page::Retention, new AdminRetentionPage(ctx), tr("Durées de conservation"),
                 core::Permission::ManageRetention);
    }
    if (mayOpen(ctx, core::Permission::ManageBackups)) {
        addEntry(Page::Backups, new AdminBackupsPage(ctx), tr("Sauvegardes"),
                 core::Permission::ManageBackups);
    }
    if (mayOpen(ctx, core::Permission::ManageLicences)) {
        addEntry(Page::Licences, new AdminLicencesPage(ctx), tr("Licences"),
                 core::Permission::ManageLicences);
    }
    if ((ctx.alerts != nullptr || ctx.counts != nullptr) &&
        mayOpen(ctx, core::Permission::ExportData)) {
        addEntry(Page::Exports, new AdminExportsPage(ctx), tr("Exports"),
                 core::Permission::ExportData);
    }
    if (!ctx.logDirectory.isEmpty() && mayOpen(ctx, core::Permission::ViewApplicationLogs)) {
        addEntry(Page::ApplicationLogs, new AdminLogsPage(ctx), tr("Journaux applicatifs"),
                 core::Permission::ViewApplicationLogs);
    }
    if (ctx.audit != nullptr && mayOpen(ctx, core::Permission::ViewAuditLog)) {
        addEntry(Page::AuditLog, new AdminAuditPage(ctx), tr("Journal d'audit"),
                 core::Permission::ViewAuditLog);
    }
    for (const auto& e : extras) {
        addEntry(Page::Invalid, e.widget, e.title, e.permission);
    }
    if (m_sidebar->count() > 0) {
        m_sidebar->setCurrentRow(qBound(0, current, m_sidebar->count() - 1));
    }
}

void AdminWindow::addExtraPage(QWidget* page, const QString& title, core::Permission permission) {
    if (page == nullptr) {
        return;
    }
    if (!mayOpen(*m_context, permission)) {
        page->deleteLater();
        return;
    }
    page->setParent(this);
    addEntry(Page::Invalid, page, title, permission);
    if (m_sidebar->currentRow() < 0) {
        m_sidebar->setCurrentRow(0);
    }
}

int AdminWindow::pageCount() const {
    return int(m_entries.size());
}

QStringList AdminWindow::pageTitles() const {
    QStringList titles;
    for (const auto& e : m_entries) {
        titles << e.title;
    }
    return titles;
}

AdminPage* AdminWindow::page(Page which) const {
    for (const auto& e : m_entries) {
        if (e.page == which && which != Page::Invalid) {
            return qobject_cast<AdminPage*>(e.widget);
        }
    }
    return nullptr;
}

bool AdminWindow::showPage(Page which) {
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].page == which && which != Page::Invalid) {
            m_sidebar->setCurrentRow(int(i));
            return true;
        }
    }
    return false;
}

void AdminWindow::reloadAll() {
    for (auto& e : m_entries) {
        if (auto* page = qobject_cast<AdminPage*>(e.widget)) {
            page->reload();
        }
    }
}

void AdminWindow::retranslate() {
    setWindowTitle(tr("Vigie — Administration"));
    m_header->setText(tr("Administration — connecté en tant que %1 (%2)")
                          .arg(QString::fromStdString(actorOf(m_context->principal)),
                               levelLabel(m_context->principal.level)));
}

void AdminWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        // Pages are rebuilt in the new language (they hold no unsaved state worth keeping
        // across a language switch).
        buildPages();
        retranslate();
    }
    QWidget::changeEvent(event);
}

}  // namespace vigie::widgets
