#include "widgets/access_labels.h"

#include <QCoreApplication>

#include "core/accounts.h"

namespace vigie::widgets {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("vigie::widgets::AccessLabels", text);
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

QString levelLabel(core::Level level) {
    switch (level) {
        case core::Level::Operator:
            return tr("Niveau 1 — opérateur");
        case core::Level::AdvancedUser:
            return tr("Niveau 2 — utilisateur avancé");
        case core::Level::Administrator:
            return tr("Niveau 3 — administrateur technique");
        case core::Level::Invalid:
            break;
    }
    return tr("Niveau inconnu");
}

QString permissionLabel(core::Permission permission) {
    switch (permission) {
        case core::Permission::ViewLive:
            return tr("Voir le direct");
        case core::Permission::ViewAlerts:
            return tr("Voir les alertes");
        case core::Permission::QualifyAlerts:
            return tr("Qualifier les alertes");
        case core::Permission::ViewSnapshots:
            return tr("Voir les images des alertes");
        case core::Permission::ReplayVideo:
            return tr("Revoir les séquences");
        case core::Permission::ViewCounts:
            return tr("Voir les comptages");
        case core::Permission::ExportData:
            return tr("Exporter les données");
        case core::Permission::EditZones:
            return tr("Dessiner les zones et lignes");
        case core::Permission::EditRules:
            return tr("Modifier les règles");
        case core::Permission::ToggleRules:
            return tr("Activer ou désactiver les règles");
        case core::Permission::EditSchedules:
            return tr("Modifier les plannings");
        case core::Permission::StopProcessing:
            return tr("Arrêter le traitement");
        case core::Permission::ManageCameras:
            return tr("Gérer les caméras");
        case core::Permission::ManageUsers:
            return tr("Gérer les comptes");
        case core::Permission::ManageGroupsAndProfiles:
            return tr("Gérer les groupes et profils");
        case core::Permission::ManageRetention:
            return tr("Régler les durées de conservation");
        case core::Permission::ManageBackups:
            return tr("Faire les sauvegardes");
        case core::Permission::ManageLicences:
            return tr("Gérer les licences");
        case core::Permission::ViewAuditLog:
            return tr("Lire le journal d'audit");
        case core::Permission::ViewApplicationLogs:
            return tr("Lire les journaux applicatifs");
        case core::Permission::ViewHealth:
            return tr("Voir la santé du système");
        case core::Permission::ManageSettings:
            return tr("Modifier les réglages généraux");
        case core::Permission::Invalid:
            break;
    }
    return tr("Droit inconnu");
}

QStringList passwordPolicyLines() {
    return {tr("au moins %1 caractères").arg(core::AccountStore::kMinPasswordChars),
            tr("au moins 3 types parmi : minuscules, majuscules, chiffres, autres caractères"),
            tr("ne contient pas l'identifiant")};
}

QStringList passwordPolicyProblems(const QString& login, const QString& password) {
    const QStringList lines = passwordPolicyLines();
    QStringList problems;
    if (password.size() < int(core::AccountStore::kMinPasswordChars)) {
        problems << lines[0];
    }
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    // The same classes as core: ASCII letters and digits; anything else counts as "other".
    for (const QChar c : password) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z') {
            lower = true;
        } else if (u >= u'A' && u <= u'Z') {
            upper = true;
        } else if (u >= u'0' && u <= u'9') {
            digit = true;
        } else {
            other = true;
        }
    }
    if (int{lower} + int{upper} + int{digit} + int{other} < 3) {
        problems << lines[1];
    }
    if (!login.isEmpty() && password.toLower().contains(login.toLower())) {
        problems << lines[2];
    }
    return problems;
}

bool isLockoutError(const core::Error& error) {
    return contains(error.message, "account locked");
}

QString userMessage(const core::Error& error) {
    const std::string& m = error.message;
    if (contains(m, "invalid login or password")) {
        return tr("Identifiant ou mot de passe incorrect.");
    }
    if (isLockoutError(error)) {
        return tr(
            "Compte verrouillé après trop d'essais infructueux : réessayez plus tard ou "
            "demandez à un administrateur de le déverrouiller.");
    }
    if (contains(m, "session expired")) {
        return tr("Votre session a expiré : reconnectez-vous.");
    }
    if (contains(m, "the password must differ") || contains(m, "new password must differ")) {
        return tr("Le nouveau mot de passe doit être différent de l'actuel.");
    }
    if (m.rfind("the password must", 0) == 0) {
        QStringList rules;
        const QStringList lines = passwordPolicyLines();
        if (contains(m, "characters") && contains(m, "at least 1")) {
            rules << lines[0];
        }
        if (contains(m, "mix at least 3")) {
            rules << lines[1];
        }
        if (contains(m, "not contain the login")) {
            rules << lines[2];
        }
        return tr("Le mot de passe ne respecte pas la règle : %1.")
            .arg(rules.isEmpty() ? QString::fromStdString(m) : rules.join(QStringLiteral(" ; ")));
    }
    if (contains(m, "password is too long")) {
        return tr("Le mot de passe est trop long.");
    }
    if (m.rfind("permission denied", 0) == 0) {
        return tr("Action refusée : vos droits ne le permettent pas.\n(%1)")
            .arg(QString::fromStdString(m));
    }
    if (m.rfind("invalid login '", 0) == 0) {
        return tr(
            "Identifiant invalide : de 3 à 64 lettres, chiffres, « . », « _ », « - » ou "
            "« @ », en commençant par une lettre ou un chiffre.");
    }
    if (contains(m, "already exists")) {
        return tr("Ce nom existe déjà.\n(%1)").arg(QString::fromStdString(m));
    }
    if (contains(m, "last enabled L3")) {
        return tr("Il doit toujours rester un administrateur (niveau 3) actif.\n(%1)")
            .arg(QString::fromStdString(m));
    }
    return tr("L'opération n'a pas abouti : %1").arg(QString::fromStdString(m));
}

}  // namespace vigie::widgets
