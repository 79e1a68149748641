#include "widgets/login_dialog.h"

#include <QApplication>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "widgets/access_labels.h"

namespace vigie::widgets {

LoginDialog::LoginDialog(Authenticate authenticate, QWidget* parent)
    : QDialog(parent), m_authenticate(std::move(authenticate)) {
    setObjectName(QStringLiteral("loginDialog"));
    setModal(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(12);
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto* form = new QFormLayout();
    m_loginLabel = new QLabel(this);
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_login->setMaxLength(64);
    m_passwordLabel = new QLabel(this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirmLabel = new QLabel(this);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirmPasswordEdit"));
    m_confirm->setEchoMode(QLineEdit::Password);
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_confirmLabel, m_confirm);
    layout->addLayout(form);
    m_policy = new QLabel(this);
    m_policy->setWordWrap(true);
    m_policy->setStyleSheet(QStringLiteral("QLabel { color: #9aa0a6; }"));
    layout->addWidget(m_policy);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(40);
    layout->addWidget(m_message);

    auto* buttons = new QHBoxLayout();
    buttons->addStretch(1);
    m_quit = new QPushButton(this);
    m_quit->setObjectName(QStringLiteral("quitButton"));
    m_ok = new QPushButton(this);
    m_ok->setObjectName(QStringLiteral("loginButton"));
    // Return is handled by the fields (login → password → submit), never twice through a
    // default button as well.
    m_ok->setAutoDefault(false);
    m_quit->setAutoDefault(false);
    buttons->addWidget(m_quit);
    buttons->addWidget(m_ok);
    layout->addLayout(buttons);

    connect(m_ok, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_login, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    connect(m_password, &QLineEdit::returnPressed, this, [this] {
        if (isFirstRun()) {
            m_confirm->setFocus();
        } else {
            submit();
        }
    });
    connect(m_confirm, &QLineEdit::returnPressed, this, &LoginDialog::submit);
    setMinimumWidth(520);
    retranslate();
    m_login->setFocus();
}

void LoginDialog::setFirstRun(CreateAdministrator create) {
    m_create = std::move(create);
    if (m_login->text().isEmpty()) {
        m_login->setText(QStringLiteral("admin"));
    }
    retranslate();
}

void LoginDialog::setSiteName(const QString& name) {
    m_siteName = name;
    retranslate();
}

QString LoginDialog::message() const {
    return m_message->text();
}

void LoginDialog::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #ff8a80; font-weight: bold; }")
                                   : QStringLiteral("QLabel { color: #a5d6a7; }"));
}

void LoginDialog::submit() {
    const QString login = m_login->text().trimmed();
    const QString password = m_password->text();
    if (login.isEmpty() || password.isEmpty()) {
        showMessage(tr("Saisissez votre identifiant et votre mot de passe."), true);
        (login.isEmpty() ? m_login : m_password)->setFocus();
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    if (isFirstRun()) {
        if (password != m_confirm->text()) {
            QApplication::restoreOverrideCursor();
            showMessage(tr("Les deux mots de passe sont différents."), true);
            m_confirm->clear();
            m_confirm->setFocus();
            return;
        }
        const core::Status created = m_create(login.toStdString(), password.toStdString());
        if (!created) {
            QApplication::restoreOverrideCursor();
            showMessage(userMessage(created.error()), true);
            return;
        }
        m_create = {};
        retranslate();
    }
    auto result = m_authenticate(login.toStdString(), password.toStdString());
    QApplication::restoreOverrideCursor();
    m_password->clear();
    m_confirm->clear();
    if (!result) {
        ++m_failures;
        showMessage(userMessage(result.error()), true);
        m_password->setFocus();
        return;
    }
    m_principal = std::move(*result);
    showMessage(tr("Connexion de %1 (%2).")
                    .arg(QString::fromStdString(m_principal.login), levelLabel(m_principal.level)),
                false);
    accept();
}

void LoginDialog::retranslate() {
    setWindowTitle(tr("Vigie — Connexion"));
    m_title->setText(m_siteName.isEmpty() ? tr("Vigie") : tr("Vigie — %1").arg(m_siteName));
    const bool first = isFirstRun();
    m_intro->setText(first ? tr("Aucun compte n'existe encore sur ce poste. Créez le compte de "
                                "l'administrateur technique (niveau 3) : il ouvrira ensuite les "
                                "comptes des opérateurs.")
                           : tr("Identifiez-vous pour accéder au poste de supervision. Les "
                                "actions sont enregistrées dans le journal d'audit."));
    m_loginLabel->setText(tr("Identifiant"));
    m_passwordLabel->setText(tr("Mot de passe"));
    m_confirmLabel->setText(tr("Confirmer le mot de passe"));
    m_confirmLabel->setVisible(first);
    m_confirm->setVisible(first);
    m_policy->setVisible(first);
    m_policy->setText(tr("Le mot de passe doit comporter : %1.")
                          .arg(passwordPolicyLines().join(QStringLiteral(" ; "))));
    m_ok->setText(first ? tr("Créer et se connecter") : tr("Se connecter"));
    m_quit->setText(tr("Quitter"));
}

void LoginDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

}  // namespace vigie::widgets
