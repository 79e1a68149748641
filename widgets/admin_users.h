#pragma once
// « Utilisateurs et rôles »: accounts (create with a level, groups, profiles and camera
// scope; change; disable / enable; unlock; set a new password), groups and custom profiles.
// Everything goes through core::AccountStore, which checks the permission and the no-
// escalation rules itself and records every change (and every refusal) in the audit log;
// the page only shows what core decides, in French.
// Thread: GUI thread only.

#include <string>

#include "widgets/admin_models.h"
#include "widgets/admin_window.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableView;

namespace vigie::widgets {

class AdminUsersPage : public AdminPage {
    Q_OBJECT

public:
    explicit AdminUsersPage(AdminContext& shared, QWidget* parent = nullptr);

    void reload() override;

    // The account described by the user form.
    core::UserSpec formUser() const;
    core::ProfileSpec formProfile() const;
    core::GroupSpec formGroup() const;
    void selectUser(const QString& login);

    AdminUserModel* userModel() const { return m_users; }
    QTabWidget* tabs() const { return m_tabs; }

private:
    QWidget* buildUsersTab();
    QWidget* buildGroupsTab();
    QWidget* buildProfilesTab();
    void fillUserForm(const core::AccountInfo* account);
    void fillGroupForm(const core::GroupSpec* group);
    void fillProfileForm(const core::ProfileSpec* profile);
    void updatePasswordHint();
    void updateUserButtons();
    const core::AccountInfo* selectedUser() const;
    void createUser();
    void saveUser();
    void setPassword();

    AdminUserModel* m_users = nullptr;
    QTabWidget* m_tabs = nullptr;
    std::vector<core::GroupSpec> m_groups;
    std::vector<core::ProfileSpec> m_profiles;

    // users
    QTableView* m_userTable = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_displayName = nullptr;
    QComboBox* m_level = nullptr;
    QListWidget* m_userGroups = nullptr;
    QListWidget* m_userProfiles = nullptr;
    QListWidget* m_userCameras = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_passwordConfirm = nullptr;
    QLabel* m_passwordHint = nullptr;
    QPushButton* m_userNew = nullptr;
    QPushButton* m_userCreate = nullptr;
    QPushButton* m_userSave = nullptr;
    QPushButton* m_userDisable = nullptr;
    QPushButton* m_userEnable = nullptr;
    QPushButton* m_userUnlock = nullptr;
    QPushButton* m_userSetPassword = nullptr;

    // groups
    QListWidget* m_groupList = nullptr;
    QLineEdit* m_groupName = nullptr;
    QLineEdit* m_groupDescription = nullptr;
    QListWidget* m_groupProfiles = nullptr;
    QListWidget* m_groupCameras = nullptr;

    // profiles
    QListWidget* m_profileList = nullptr;
    QLineEdit* m_profileName = nullptr;
    QLineEdit* m_profileDescription = nullptr;
    QListWidget* m_profileGrants = nullptr;
    QListWidget* m_profileDenials = nullptr;
};

}  // namespace vigie::widgets
