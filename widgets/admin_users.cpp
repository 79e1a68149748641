#include "widgets/admin_users.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "widgets/access_labels.h"

namespace vigie::widgets {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QListWidget* checkList(QWidget* parent, const char* objectName) {
    auto* list = new QListWidget(parent);
    list->setObjectName(QString::fromLatin1(objectName));
    list->setMinimumHeight(90);
    return list;
}

void addCheck(QListWidget* list, const QString& id, const QString& label, bool checked) {
    auto* item = new QListWidgetItem(label, list);
    item->setData(kIdRole, id);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void setChecked(QListWidget* list, const std::vector<std::string>& ids) {
    const std::set<std::string> wanted(ids.begin(), ids.end());
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem* item = list->item(i);
        item->setCheckState(wanted.count(item->data(kIdRole).toString().toStdString()) != 0
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
}

std::vector<std::string> checkedIds(const QListWidget* list) {
    std::vector<std::string> ids;
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem* item = list->item(i);
        if (item->checkState() == Qt::Checked) {
            ids.push_back(item->data(kIdRole).toString().toStdString());
        }
    }
    return ids;
}

core::PermissionSet checkedPermissions(const QListWidget* list) {
    core::PermissionSet set;
    for (const auto& name : checkedIds(list)) {
        if (auto p = core::permissionFromString(name)) {
            set.insert(*p);
        }
    }
    return set;
}

std::vector<std::string> permissionNames(const core::PermissionSet& set) {
    std::vector<std::string> names;
    for (const core::Permission p : set.list()) {
        names.emplace_back(core::toName(p));
    }
    return names;
}

QPushButton* button(QWidget* parent, const QString& text, const char* objectName) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(objectName));
    return b;
}

QLineEdit* lineEdit(QWidget* parent, const char* objectName) {
    auto* e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(objectName));
    return e;
}

}  // namespace

AdminUsersPage::AdminUsersPage(AdminContext& shared, QWidget* parent)
    : AdminPage(shared, parent), m_users(new AdminUserModel(this)), m_tabs(new QTabWidget(this)) {
    setObjectName(QStringLiteral("adminUsersPage"));
    auto* layout = new QVBoxLayout(this);
    m_tabs->setObjectName(QStringLiteral("accountTabs"));
    layout->addWidget(m_tabs, 1);
    layout->addWidget(statusLabel());
    if (shared.allows(core::Permission::ManageUsers)) {
        m_tabs->addTab(buildUsersTab(), tr("Utilisateurs"));
    }
    if (shared.allows(core::Permission::ManageGroupsAndProfiles)) {
        m_tabs->addTab(buildGroupsTab(), tr("Groupes"));
        m_tabs->addTab(buildProfilesTab(), tr("Profils"));
    }
    reload();
}

QWidget* AdminUsersPage::buildUsersTab() {
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    m_userTable = new QTableView(tab);
    m_userTable->setObjectName(QStringLiteral("userTable"));
    m_userTable->setModel(m_users);
    m_userTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_userTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_userTable->verticalHeader()->hide();
    m_userTable->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_userTable, 1);

    auto* formBox = new QWidget(tab);
    auto* columns = new QHBoxLayout(formBox);
    auto* form = new QFormLayout;
    m_login = lineEdit(tab, "userLogin");
    m_displayName = lineEdit(tab, "userDisplayName");
    m_level = new QComboBox(tab);
    m_level->setObjectName(QStringLiteral("userLevel"));
    for (const core::Level level : core::kAllLevels) {
        m_level->addItem(levelLabel(level), int(level));
    }
    m_password = lineEdit(tab, "userPassword");
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordConfirm = lineEdit(tab, "userPasswordConfirm");
    m_passwordConfirm->setEchoMode(QLineEdit::Password);
    m_passwordHint = new QLabel(tab);
    m_passwordHint->setObjectName(QStringLiteral("userPasswordHint"));
    m_passwordHint->setWordWrap(true);
    form->addRow(tr("&Identifiant"), m_login);
    form->addRow(tr("&Nom affiché"), m_displayName);
    form->addRow(tr("Ni&veau"), m_level);
    form->addRow(tr("&Mot de passe"), m_password);
    form->addRow(tr("C&onfirmation"), m_passwordConfirm);
    form->addRow(QString(), m_passwordHint);
    columns->addLayout(form, 2);
    m_userGroups = checkList(tab, "userGroups");
    m_userProfiles = checkList(tab, "userProfiles");
    m_userCameras = checkList(tab, "userCameras");
    for (auto [label, list] :
         {std::pair{tr("Groupes"), m_userGroups}, std::pair{tr("Profils"), m_userProfiles},
          std::pair{tr("Caméras (aucune cochée : toutes)"), m_userCameras}}) {
        auto* col = new QVBoxLayout;
        col->addWidget(new QLabel(label, tab));
        col->addWidget(list, 1);
        columns->addLayout(col, 1);
    }
    layout->addWidget(formBox);

    auto* buttons = new QHBoxLayout;
    m_userNew = button(tab, tr("&Nouveau compte"), "userNew");
    m_userCreate = button(tab, tr("&Créer le compte"), "userCreate");
    m_userSave = button(tab, tr("&Enregistrer"), "userSave");
    m_userDisable = button(tab, tr("&Désactiver"), "userDisable");
    m_userEnable = button(tab, tr("&Réactiver"), "userEnable");
    m_userUnlock = button(tab, tr("Dé&verrouiller"), "userUnlock");
    m_userSetPassword = button(tab, tr("Changer le mot de &passe"), "userSetPassword");
    for (QPushButton* b : {m_userNew, m_userCreate, m_userSave, m_userDisable, m_userEnable,
                           m_userUnlock, m_userSetPassword}) {
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_userTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        fillUserForm(selectedUser());
        updateUserButtons();
    });
    connect(m_login, &QLineEdit::textChanged, this, &AdminUsersPage::updatePasswordHint);
    connect(m_password, &QLineEdit::textChanged, this, &AdminUsersPage::updatePasswordHint);
    connect(m_passwordConfirm, &QLineEdit::textChanged, this, &AdminUsersPage::updatePasswordHint);
    connect(m_userNew, &QPushButton::clicked, this, [this] {
        m_userTable->clearSelection();
        m_userTable->setCurrentIndex({});
        fillUserForm(nullptr);
        updateUserButtons();
        m_login->setFocus();
    });
    connect(m_userCreate, &QPushButton::clicked, this, &AdminUsersPage::createUser);
    connect(m_userSave, &QPushButton::clicked, this, &AdminUsersPage::saveUser);
    connect(m_userSetPassword, &QPushButton::clicked, this, &AdminUsersPage::setPassword);
    const auto accountAction = [this](auto method, const QString& done) {
        const core::AccountInfo* account = selectedUser();
        if (account == nullptr) {
            return;
        }
        const std::string login = account->spec.login;
        AdminContext& ctx = context();
        if (showResult((ctx.accounts->*method)(ctx.principal, login),
                       done.arg(QString::fromStdString(login)))) {
            reload();
            selectUser(QString::fromStdString(login));
        }
    };
    connect(m_userDisable, &QPushButton::clicked, this, [this, accountAction] {
        accountAction(&core::AccountStore::disableUser, tr("Compte « %1 » désactivé."));
    });
    connect(m_userEnable, &QPushButton::clicked, this, [this, accountAction] {
        accountAction(&core::AccountStore::enableUser, tr("Compte « %1 » réactivé."));
    });
    connect(m_userUnlock, &QPushButton::clicked, this, [this, accountAction] {
        accountAction(&core::AccountStore::unlockUser, tr("Compte « %1 » déverrouillé."));
    });
    return tab;
}

QWidget* AdminUsersPage::buildGroupsTab() {
    auto* tab = new QWidget(this);
    auto* layout = new QHBoxLayout(tab);
    m_groupList = new QListWidget(tab);
    m_groupList->setObjectName(QStringLiteral("groupList"));
    layout->addWidget(m_groupList, 1);
    auto* right = new QVBoxLayout;
    auto* form = new QFormLayout;
    m_groupName = lineEdit(tab, "groupName");
    m_groupDescription = lineEdit(tab, "groupDescription");
    form->addRow(tr("&Nom du groupe"), m_groupName);
    form->addRow(tr("&Description"), m_groupDescription);
    right->addLayout(form);
    m_groupProfiles = checkList(tab, "groupProfiles");
    m_groupCameras = checkList(tab, "groupCameras");
    right->addWidget(new QLabel(tr("Profils des membres"), tab));
    right->addWidget(m_groupProfiles, 1);
    right->addWidget(new QLabel(tr("Caméras du groupe (aucune cochée : toutes)"), tab));
    right->addWidget(m_groupCameras, 1);
    auto* buttons = new QHBoxLayout;
    auto* newGroup = button(tab, tr("&Nouveau groupe"), "groupNew");
    auto* save = button(tab, tr("&Enregistrer le groupe"), "groupSave");
    auto* remove = button(tab, tr("&Supprimer le groupe"), "groupDelete");
    buttons->addWidget(newGroup);
    buttons->addWidget(save);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    right->addLayout(buttons);
    layout->addLayout(right, 2);

    connect(m_groupList, &QListWidget::currentRowChanged, this, [this](int row) {
        fillGroupForm(row >= 0 && row < int(m_groups.size()) ? &m_groups[std::size_t(row)]
                                                             : nullptr);
    });
    connect(newGroup, &QPushButton::clicked, this, [this] {
        m_groupList->setCurrentRow(-1);
        fillGroupForm(nullptr);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const core::GroupSpec group = formGroup();
        AdminContext& ctx = context();
        if (showResult(ctx.accounts->saveGroup(ctx.principal, group),
                       tr("Groupe « %1 » enregistré.").arg(QString::fromStdString(group.name)))) {
            reload();
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const std::string name = m_groupName->text().trimmed().toStdString();
        AdminContext& ctx = context();
        if (showResult(ctx.accounts->deleteGroup(ctx.principal, name),
                       tr("Groupe « %1 » supprimé.").arg(QString::fromStdString(name)))) {
            reload();
            fillGroupForm(nullptr);
        }
    });
    return tab;
}

QWidget* AdminUsersPage::buildProfilesTab() {
    auto* tab = new QWidget(this);
    auto* layout = new QHBoxLayout(tab);
    m_profileList = new QListWidget(tab);
    m_profileList->setObjectName(QStringLiteral("profileList"));
    layout->addWidget(m_profileList, 1);
    auto* right = new QVBoxLayout;
    auto* form = new QFormLayout;
    m_profileName = lineEdit(tab, "profileName");
    m_profileDescription = lineEdit(tab, "profileDescription");
    form->addRow(tr("&Nom du profil"), m_profileName);
    form->addRow(tr("&Description"), m_profileDescription);
    right->addLayout(form);
    auto* lists = new QHBoxLayout;
    m_profileGrants = checkList(tab, "profileGrants");
    m_profileDenials = checkList(tab, "profileDenials");
    for (const core::Permission p : core::kAllPermissions) {
        const QString id = QString::fromLatin1(core::toName(p).data(), int(core::toName(p).size()));
        addCheck(m_profileGrants, id, permissionLabel(p), false);
        addCheck(m_profileDenials, id, permissionLabel(p), false);
    }
    for (auto [label, list] :
         {std::pair{tr("Droits accordés en plus du niveau"), m_profileGrants},
          std::pair{tr("Droits retirés (priment sur tout)"), m_profileDenials}}) {
        auto* col = new QVBoxLayout;
        col->addWidget(new QLabel(label, tab));
        col->addWidget(list, 1);
        lists->addLayout(col);
    }
    right->addLayout(lists, 1);
    auto* buttons = new QHBoxLayout;
    auto* newProfile = button(tab, tr("&Nouveau profil"), "profileNew");
    auto* save = button(tab, tr("&Enregistrer le profil"), "profileSave");
    auto* remove = button(tab, tr("&Supprimer le profil"), "profileDelete");
    buttons->addWidget(newProfile);
    buttons->addWidget(save);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    right->addLayout(buttons);
    layout->addLayout(right, 2);

    connect(m_profileList, &QListWidget::currentRowChanged, this, [this](int row) {
        fillProfileForm(row >= 0 && row < int(m_profiles.size()) ? &m_profiles[std::size_t(row)]
                                                                 : nullptr);
    });
    connect(newProfile, &QPushButton::clicked, this, [this] {
        m_profileList->setCurrentRow(-1);
        fillProfileForm(nullptr);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const core::ProfileSpec profile = formProfile();
        AdminContext& ctx = context();
        if (showResult(ctx.accounts->saveProfile(ctx.principal, profile),
                       tr("Profil « %1 » enregistré.").arg(QString::fromStdString(profile.name)))) {
            reload();
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const std::string name = m_profileName->text().trimmed().toStdString();
        AdminContext& ctx = context();
        if (showResult(ctx.accounts->deleteProfile(ctx.principal, name),
                       tr("Profil « %1 » supprimé.").arg(QString::fromStdString(name)))) {
            reload();
            fillProfileForm(nullptr);
        }
    });
    return tab;
}

void AdminUsersPage::reload() {
    AdminContext& ctx = context();
    if (ctx.accounts == nullptr) {
        return;
    }
    const QString currentLogin =
        selectedUser() != nullptr ? QString::fromStdString(selectedUser()->spec.login) : QString();
    if (auto profiles = ctx.accounts->listProfiles(ctx.principal)) {
        m_profiles = std::move(*profiles);
    }
    if (auto groups = ctx.accounts->listGroups(ctx.principal)) {
        m_groups = std::move(*groups);
    }
    if (m_userTable != nullptr) {
        if (auto users = ctx.accounts->listUsers(ctx.principal)) {
            m_users->setAccounts(std::move(*users), ctx.nowMs());
        } else {
            showError(userMessage(users.error()));
        }
        m_userGroups->clear();
        for (const auto& g : m_groups) {
            addCheck(m_userGroups, QString::fromStdString(g.name), QString::fromStdString(g.name),
                     false);
        }
        m_userProfiles->clear();
        for (const auto& p : m_profiles) {
            addCheck(m_userProfiles, QString::fromStdString(p.name), QString::fromStdString(p.name),
                     false);
        }
        m_userCameras->clear();
        for (const auto& c : ctx.site.cameras) {
            addCheck(m_userCameras, QString::fromStdString(c.id),
                     QString::fromStdString(c.name.empty() ? c.id : c.name), false);
        }
        if (!currentLogin.isEmpty()) {
            selectUser(currentLogin);
        } else {
            fillUserForm(nullptr);
        }
        updateUserButtons();
    }
    if (m_groupList != nullptr) {
        m_groupList->clear();
        for (const auto& g : m_groups) {
            m_groupList->addItem(QString::fromStdString(g.name));
        }
        m_groupProfiles->clear();
        for (const auto& p : m_profiles) {
            addCheck(m_groupProfiles, QString::fromStdString(p.name),
                     QString::fromStdString(p.name), false);
        }
        m_groupCameras->clear();
        for (const auto& c : ctx.site.cameras) {
            addCheck(m_groupCameras, QString::fromStdString(c.id),
                     QString::fromStdString(c.name.empty() ? c.id : c.name), false);
        }
        m_profileList->clear();
        for (const auto& p : m_profiles) {
            m_profileList->addItem(QString::fromStdString(p.name));
        }
    }
}

const core::AccountInfo* AdminUsersPage::selectedUser() const {
    return m_userTable == nullptr ? nullptr : m_users->accountAt(m_userTable->currentIndex().row());
}

void AdminUsersPage::selectUser(const QString& login) {
    if (m_userTable == nullptr) {
        return;
    }
    const int row = m_users->rowOf(login);
    if (row >= 0) {
        m_userTable->setCurrentIndex(m_users->index(row, 0));
        m_userTable->selectRow(row);
    }
    fillUserForm(selectedUser());
    updateUserButtons();
}

void AdminUsersPage::fillUserForm(const core::AccountInfo* account) {
    core::UserSpec blank;
    blank.level = core::Level::Operator;
    const core::UserSpec& spec = account != nullptr ? account->spec : blank;
    m_login->setText(QString::fromStdString(spec.login));
    m_login->setReadOnly(account != nullptr);
    m_displayName->setText(QString::fromStdString(spec.displayName));
    m_level->setCurrentIndex(std::max(0, m_level->findData(int(spec.level))));
    setChecked(m_userGroups, spec.groups);
    setChecked(m_userProfiles, spec.profiles);
    setChecked(m_userCameras, spec.cameraScope);
    m_password->clear();
    m_passwordConfirm->clear();
    updatePasswordHint();
}

void AdminUsersPage::updateUserButtons() {
    const core::AccountInfo* account = selectedUser();
    m_userCreate->setEnabled(account == nullptr);
    m_userSave->setEnabled(account != nullptr);
    m_userDisable->setEnabled(account != nullptr && !account->spec.disabled);
    m_userEnable->setEnabled(account != nullptr && account->spec.disabled);
    m_userUnlock->setEnabled(account != nullptr && (account->lockedUntilMs > context().nowMs() ||
                                                    account->failedLogins > 0));
    m_userSetPassword->setEnabled(account != nullptr);
}

void AdminUsersPage::updatePasswordHint() {
    const QString password = m_password->text();
    if (password.isEmpty()) {
        m_passwordHint->setText(passwordPolicyLines().join(QStringLiteral("\n")));
        return;
    }
    QStringList problems = passwordPolicyProblems(m_login->text().trimmed(), password);
    if (m_passwordConfirm->text() != password) {
        problems << tr("La confirmation ne correspond pas.");
    }
    m_passwordHint->setText(problems.isEmpty() ? tr("Mot de passe conforme.")
                                               : problems.join(QStringLiteral("\n")));
}

core::UserSpec AdminUsersPage::formUser() const {
    core::UserSpec spec;
    if (const core::AccountInfo* account = selectedUser()) {
        spec = account->spec;
    }
    spec.login = m_login->text().trimmed().toStdString();
    spec.displayName = m_displayName->text().trimmed().toStdString();
    spec.level = core::Level(m_level->currentData().toInt());
    spec.groups = checkedIds(m_userGroups);
    spec.profiles = checkedIds(m_userProfiles);
    spec.cameraScope = checkedIds(m_userCameras);
    return spec;
}

void AdminUsersPage::createUser() {
    const core::UserSpec spec = formUser();
    if (m_password->text() != m_passwordConfirm->text()) {
        showError(tr("La confirmation du mot de passe ne correspond pas."));
        return;
    }
    AdminContext& ctx = context();
    if (showResult(ctx.accounts->createUser(ctx.principal, spec, m_password->text().toStdString()),
                   tr("Compte « %1 » créé.").arg(QString::fromStdString(spec.login)))) {
        reload();
        selectUser(QString::fromStdString(spec.login));
    }
}

void AdminUsersPage::saveUser() {
    const core::UserSpec spec = formUser();
    AdminContext& ctx = context();
    if (showResult(ctx.accounts->updateUser(ctx.principal, spec),
                   tr("Compte « %1 » enregistré.").arg(QString::fromStdString(spec.login)))) {
        reload();
        selectUser(QString::fromStdString(spec.login));
    }
}

void AdminUsersPage::setPassword() {
    const core::AccountInfo* account = selectedUser();
    if (account == nullptr) {
        return;
    }
    if (m_password->text() != m_passwordConfirm->text()) {
        showError(tr("La confirmation du mot de passe ne correspond pas."));
        return;
    }
    const std::string login = account->spec.login;
    AdminContext& ctx = context();
    if (showResult(
            ctx.accounts->setPassword(ctx.principal, login, m_password->text().toStdString()),
            tr("Mot de passe de « %1 » changé.").arg(QString::fromStdString(login)))) {
        m_password->clear();
        m_passwordConfirm->clear();
    }
}

core::GroupSpec AdminUsersPage::formGroup() const {
    core::GroupSpec group;
    group.name = m_groupName->text().trimmed().toStdString();
    group.description = m_groupDescription->text().trimmed().toStdString();
    group.profiles = checkedIds(m_groupProfiles);
    group.cameraScope = checkedIds(m_groupCameras);
    return group;
}

void AdminUsersPage::fillGroupForm(const core::GroupSpec* group) {
    const core::GroupSpec blank;
    const core::GroupSpec& g = group != nullptr ? *group : blank;
    m_groupName->setText(QString::fromStdString(g.name));
    m_groupDescription->setText(QString::fromStdString(g.description));
    setChecked(m_groupProfiles, g.profiles);
    setChecked(m_groupCameras, g.cameraScope);
}

core::ProfileSpec AdminUsersPage::formProfile() const {
    core::ProfileSpec profile;
    profile.name = m_profileName->text().trimmed().toStdString();
    profile.description = m_profileDescription->text().trimmed().toStdString();
    profile.grants = checkedPermissions(m_profileGrants);
    profile.denials = checkedPermissions(m_profileDenials);
    return profile;
}

void AdminUsersPage::fillProfileForm(const core::ProfileSpec* profile) {
    const core::ProfileSpec blank;
    const core::ProfileSpec& p = profile != nullptr ? *profile : blank;
    m_profileName->setText(QString::fromStdString(p.name));
    m_profileDescription->setText(QString::fromStdString(p.description));
    setChecked(m_profileGrants, permissionNames(p.grants));
    setChecked(m_profileDenials, permissionNames(p.denials));
}

}  // namespace vigie::widgets
