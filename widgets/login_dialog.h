#pragma once
// The login of the workstation, in French: identifiant + mot de passe against the accounts of
// the engine (core::AccountStore, Argon2id, lockout). Core decides; the dialog only shows the
// refusal in the user's language (« Identifiant ou mot de passe incorrect. », « Compte
// verrouillé… ») and clears the password. When the store has no account yet (a fresh
// installation that did not run `vigie users init-admin`), it switches to « Premier
// administrateur »: login, password twice, the policy shown, then the first L3 account is
// created and logged in.
//
// The dialog calls two functions given by the application, so that it never holds the store:
// `authenticate(login, password)` and, for the first run, `createAdministrator(login,
// password)`. Thread: GUI thread only; both functions run on it (Argon2id takes ~0.1–1 s).
//
//   LoginDialog dlg([&](auto& l, auto& p) { return accounts->authenticate(l, p, nowMs()); });
//   if (dlg.exec() == QDialog::Accepted) { start(dlg.principal()); }

#include <QDialog>

#include <functional>

#include "core/permissions.h"
#include "core/result.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace vigie::widgets {

class LoginDialog : public QDialog {
    Q_OBJECT

public:
    using Authenticate =
        std::function<core::Result<core::Principal>(const std::string&, const std::string&)>;
    using CreateAdministrator = std::function<core::Status(const std::string&, const std::string&)>;

    explicit LoginDialog(Authenticate authenticate, QWidget* parent = nullptr);

    // First run: no account exists; the dialog asks for the first administrator.
    void setFirstRun(CreateAdministrator create);
    bool isFirstRun() const { return bool(m_create); }
    void setSiteName(const QString& name);

    const core::Principal& principal() const { return m_principal; }
    // The last message shown (empty when none), for tests.
    QString message() const;
    int failedAttempts() const { return m_failures; }

public Q_SLOTS:
    // Checks the fields; accepts the dialog on success, shows the refusal otherwise.
    void submit();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showMessage(const QString& text, bool error);

    Authenticate m_authenticate;
    CreateAdministrator m_create;
    core::Principal m_principal;
    QString m_siteName;
    int m_failures = 0;
    QLabel* m_title = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_loginLabel = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLabel* m_confirmLabel = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_policy = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_ok = nullptr;
    QPushButton* m_quit = nullptr;
};

}  // namespace vigie::widgets
