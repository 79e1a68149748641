#pragma once
// AdminWindow (« Administration »): one window with a sidebar of pages — Caméras,
// Utilisateurs et rôles, Durées de conservation, Sauvegardes, Licences, Exports, Journaux
// applicatifs, Journal d'audit (and the Santé / Statistiques views the application adds) —
// each shown only when the principal holds its permission (core::AccessControl decides; the
// pages check again at every operation, and core checks once more inside the stores).
// The window owns the AdminContext its pages share; a page that changes the site tells the
// others to reload.
//
// Thread: GUI thread only.
//
//   AdminContext ctx = …;                           // see admin_context.h
//   auto* admin = new AdminWindow(std::move(ctx));
//   admin->addExtraPage(healthView, tr("Santé"), core::Permission::ViewHealth);
//   if (admin->pageCount() == 0) { refuse(); } else { admin->show(); }

#include <QWidget>

#include <memory>
#include <vector>

#include "widgets/admin_context.h"

class QLabel;
class QListWidget;
class QStackedWidget;

namespace vigie::widgets {

// The base of each administration page: the shared context and a status line.
// An error of the administration screens, already in the user's language.
inline core::Error adminError(const QString& message) {
    return core::makeError(message.toStdString());
}

class AdminPage : public QWidget {
    Q_OBJECT

public:
    AdminPage(AdminContext& context, QWidget* parent = nullptr);

    // Reads the stores and the site again.
    virtual void reload() {}
    // The last result shown on the status line (tests, screen readers).
    QString statusText() const;
    bool statusIsError() const { return m_statusIsError; }

Q_SIGNALS:
    // The page saved a new site (cameras enabled, added…): other pages reload.
    void siteChanged();

protected:
    // Shows `success` or the error (in the user's language, core's detail kept).
    bool showResult(const core::Status& status, const QString& success);
    void showError(const QString& message);
    void showInfo(const QString& message);
    QLabel* statusLabel() const { return m_status; }
    AdminContext& context() const { return m_context; }

private:
    AdminContext& m_context;
    QLabel* m_status = nullptr;
    bool m_statusIsError = false;
};

class AdminWindow : public QWidget {
    Q_OBJECT

public:
    enum class Page {
        Invalid = 0,
        Cameras,
        Accounts,
        Retention,
        Backups,
        Licences,
        Exports,
        ApplicationLogs,
        AuditLog,
    };

    explicit AdminWindow(AdminContext context, QWidget* parent = nullptr);
    ~AdminWindow() override;

    // Adds a page built by the application (HealthView, ChartsView…), shown only when the
    // principal holds `permission`. The window takes ownership.
    void addExtraPage(QWidget* page, const QString& title, core::Permission permission);

    // Pages the principal may see, in sidebar order.
    int pageCount() const;
    QStringList pageTitles() const;
    // The page, or null when the principal may not see it (or its store is missing).
    AdminPage* page(Page which) const;
    // Shows a page; false when it is not available.
    bool showPage(Page which);
    AdminContext& context() { return *m_context; }

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Entry {
        Page page = Page::Invalid;
        QWidget* widget = nullptr;
        QString title;
        core::Permission permission = core::Permission::Invalid;
    };
    void buildPages();
    void addEntry(Page which, QWidget* widget, const QString& title, core::Permission permission);
    void reloadAll();
    void retranslate();

    std::unique_ptr<AdminContext> m_context;
    QLabel* m_header = nullptr;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_stack = nullptr;
    std::vector<Entry> m_entries;
};

}  // namespace vigie::widgets
