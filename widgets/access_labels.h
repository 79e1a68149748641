#pragma once
// French-first, translatable texts for the access-control and account domain: levels,
// permissions, the password policy, and the user-facing wording of the refusals that core
// returns in English (wrong password, locked account, permission denied…), so that a person
// never reads a core message without a French sentence around it.
// Thread: GUI thread (tr()).

#include <QString>
#include <QStringList>

#include "core/permissions.h"
#include "core/result.h"

namespace vigie::widgets {

// « Niveau 1 — opérateur »…
QString levelLabel(core::Level level);
// « Voir le direct », « Gérer les utilisateurs »…
QString permissionLabel(core::Permission permission);
// The password rules of AccountStore::checkPasswordPolicy, one line each.
QStringList passwordPolicyLines();
// Which rules `password` breaks for `login` (empty when it passes), same order and wording.
QStringList passwordPolicyProblems(const QString& login, const QString& password);
// A core error in the user's language: known refusals are rewritten, anything else is
// prefixed and kept as the detail (core messages are English and name files and values).
QString userMessage(const core::Error& error);
// True when the error is the lockout refusal of AccountStore::authenticate.
bool isLockoutError(const core::Error& error);

}  // namespace vigie::widgets
