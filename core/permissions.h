#pragma once
// Roles and rights (REQUIREMENTS.md "Roles and rights", Ex. 18–22, 116, 117, 120): what each
// operation of the product needs, the default rights of the three levels of the tender, the
// custom profiles and groups layered on top, and the checks that every mutating or reading
// component runs in core — never only in the UI.
//
// - A Level gives default permissions: L1 operator watches streams and signals, L2 advanced
//   user sets up the analysis and opens L1 accounts, L3 technical administrator has total
//   control.
// - A profile grants and/or denies permissions; denials win over every grant and default.
// - A group carries profiles and a camera scope; a user has a level, groups, profiles and an
//   optional camera scope. Empty scope lists mean "every camera".
// - Effective permissions = level defaults ∪ profile grants − profile denials; effective
//   camera scope = intersection of the non-empty scopes of the user and of their groups
//   (which may be empty: then no camera at all).
// - No escalation: nobody creates or changes an account of their own level or above (L3
//   excepted, who may manage other L3), gives an account a permission they lack, or widens a
//   camera scope beyond their own.
//
// Thread: value types and pure functions; an AccessControl is immutable once built and may be
// shared between threads. Ownership: AccessControl keeps copies of the groups and profiles.
//
//   AccessControl acl(profiles, groups);
//   Result<Principal> alice = acl.resolve(aliceSpec);
//   if (auto s = acl.check(*alice, Permission::ViewSnapshots, "quai-3"); !s) {
//       show(s.error().message);  // "permission denied: alice (L1 operator) may not …"
//   }

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vigie::core {

// Every operation of the product that needs a right. Names (toName) are stored in the
// database: never rename one, only add.
enum class Permission {
    Invalid = 0,
    // watching (L1)
    ViewLive,
    ViewAlerts,
    QualifyAlerts,
    ViewSnapshots,
    ReplayVideo,
    ViewCounts,
    // setting up the analysis (L2)
    ExportData,
    EditZones,
    EditRules,
    ToggleRules,
    EditSchedules,
    StopProcessing,
    // administration (L3)
    ManageCameras,
    ManageUsers,
    ManageGroupsAndProfiles,
    ManageRetention,
    ManageBackups,
    ManageLicences,
    ViewAuditLog,
    ViewApplicationLogs,
    ViewHealth,
    ManageSettings,
};

inline constexpr std::array kAllPermissions = {
    Permission::ViewLive,
    Permission::ViewAlerts,
    Permission::QualifyAlerts,
    Permission::ViewSnapshots,
    Permission::ReplayVideo,
    Permission::ViewCounts,
    Permission::ExportData,
    Permission::EditZones,
    Permission::EditRules,
    Permission::ToggleRules,
    Permission::EditSchedules,
    Permission::StopProcessing,
    Permission::ManageCameras,
    Permission::ManageUsers,
    Permission::ManageGroupsAndProfiles,
    Permission::ManageRetention,
    Permission::ManageBackups,
    Permission::ManageLicences,
    Permission::ViewAuditLog,
    Permission::ViewApplicationLogs,
    Permission::ViewHealth,
    Permission::ManageSettings,
};

// "view_live", "manage_users"…; "invalid" for Invalid.
std::string_view toName(Permission permission);
std::optional<Permission> permissionFromString(std::string_view name);
// What the permission allows, as a verb phrase for messages: "edit rules".
std::string_view describe(Permission permission);
// True for operations on a camera's video, alerts or analysis: the camera scope applies to
// them. Site-wide operations (users, settings, logs, health, schedules…) have no camera.
bool isCameraBound(Permission permission);

enum class Level {
    Invalid = 0,
    Operator = 1,       // L1: watches streams and signals
    AdvancedUser = 2,   // L2: zones, lines, thresholds, rules, schedules; opens L1 accounts
    Administrator = 3,  // L3: technical administrator, total control
};

inline constexpr std::array kAllLevels = {Level::Operator, Level::AdvancedUser,
                                          Level::Administrator};

// "operator", "advanced_user", "administrator".
std::string_view toName(Level level);
std::optional<Level> levelFromString(std::string_view name);
// 1, 2, 3 → the level; anything else → nullopt.
std::optional<Level> levelFromNumber(std::int64_t number);
// "L1 operator", "L2 advanced user", "L3 administrator".
std::string_view describe(Level level);

// A set of permissions (a bit per Permission). Invalid is never a member.
class PermissionSet {
public:
    PermissionSet() = default;
    PermissionSet(std::initializer_list<Permission> permissions);
    static PermissionSet all();

    bool contains(Permission permission) const;
    void insert(Permission permission);
    void erase(Permission permission);
    bool empty() const { return m_bits == 0; }
    std::size_t size() const;
    bool isSubsetOf(const PermissionSet& other) const { return (m_bits & ~other.m_bits) == 0; }
    // In kAllPermissions order.
    std::vector<Permission> list() const;

    PermissionSet operator|(const PermissionSet& other) const;
    PermissionSet operator&(const PermissionSet& other) const;
    PermissionSet operator-(const PermissionSet& other) const;
    bool operator==(const PermissionSet& other) const = default;

private:
    std::uint64_t m_bits = 0;
};

// "view_live,view_alerts" (kAllPermissions order); "" for an empty set.
std::string toNames(const PermissionSet& permissions);
// Parses names separated by commas (spaces around them ignored); an unknown name is an error.
Result<PermissionSet> permissionsFromNames(std::string_view names);

// The default grants of a level, from the tender. Invalid → empty.
PermissionSet defaultPermissions(Level level);

// The cameras a principal may act on: every camera, or an explicit (possibly empty) set.
class CameraScope {
public:
    CameraScope() = default;  // every camera
    static CameraScope everyCamera() { return {}; }
    static CameraScope only(std::set<std::string> cameraIds);
    // The scope of a stored list: empty = every camera.
    static CameraScope fromList(std::span<const std::string> cameraIds);

    bool isEveryCamera() const { return !m_cameras.has_value(); }
    bool contains(std::string_view cameraId) const;
    // Every camera of this scope is in `outer`.
    bool isWithin(const CameraScope& outer) const;
    CameraScope intersect(const CameraScope& other) const;
    // Empty when isEveryCamera().
    const std::set<std::string>& cameras() const;
    // "every camera", "no camera", "cam-a, cam-b".
    std::string describe() const;

    bool operator==(const CameraScope& other) const = default;

private:
    std::optional<std::set<std::string>> m_cameras;  // nullopt: every camera
};

// A custom profile: rights added to or taken from the level defaults.
struct ProfileSpec {
    std::string name;
    std::string description;
    PermissionSet grants;
    PermissionSet denials;  // win over grants and level defaults
};

// A group of users: profiles for all its members and a camera scope (empty = every camera).
struct GroupSpec {
    std::string name;
    std::string description;
    std::vector<std::string> profiles;
    std::vector<std::string> cameraScope;
};

// An account as an administrator defines it (no secret here).
struct UserSpec {
    std::string login;
    std::string displayName;
    Level level = Level::Invalid;
    std::vector<std::string> groups;
    std::vector<std::string> profiles;
    std::vector<std::string> cameraScope;  // empty = every camera (before group scopes)
    bool disabled = false;
};

enum class PrincipalKind {
    Invalid = 0,
    User,      // a person logged in with an account
    Operator,  // the OS-level operator of the `vigie` CLI, trusted because it holds the key
};

// Who acts, with rights already resolved. Built by AccessControl::resolve (users) or
// Principal::cliOperator; the AccountStore re-resolves a user principal from the database
// before any change, so a stale or forged copy gains nothing.
struct Principal {
    PrincipalKind kind = PrincipalKind::Invalid;
    std::string login;  // account login, or "cli:<os user>"
    Level level = Level::Invalid;
    PermissionSet permissions;
    CameraScope cameras;
    std::string sessionToken;  // set by AccountStore::authenticate/resume; empty otherwise

    // The `vigie` CLI run by an OS user who can read the database key file: total control
    // (whoever holds the key can read and write the database anyway).
    static Principal cliOperator(const std::string& osUser);
    bool valid() const { return kind != PrincipalKind::Invalid && level != Level::Invalid; }
};

class AccessControl {
public:
    AccessControl() = default;
    AccessControl(std::vector<ProfileSpec> profiles, std::vector<GroupSpec> groups);

    // The effective rights of a user. An unknown group or profile is an error (the store
    // keeps references consistent, so this means a damaged database or a wrong spec).
    Result<Principal> resolve(const UserSpec& user) const;
    Result<PermissionSet> effectivePermissions(const UserSpec& user) const;
    Result<CameraScope> effectiveCameraScope(const UserSpec& user) const;

    // May `principal` do `permission` — on `cameraId` when given? A camera-bound permission
    // checked without a camera means "on every camera": refused to a camera-scoped principal
    // (list with cameraFilter() instead). An invalid principal or permission is refused.
    Status check(const Principal& principal, Permission permission,
                 std::optional<std::string> cameraId = {}) const;
    // The cameras whose data `principal` may see with `permission`: nullopt for every camera,
    // else the set (possibly empty); an error when the permission is not held at all.
    Result<std::optional<std::set<std::string>>> cameraFilter(const Principal& principal,
                                                              Permission permission) const;

    // May `actor` create (before = nullopt) or change an account from `before` to `after`
    // (level, groups, profiles, scope, password, disabled, unlock)? Needs ManageUsers; both
    // versions of the target must be of a strictly lower level than the actor (an L3 may
    // manage any account); neither may hold a permission the actor lacks, and for a
    // camera-scoped actor neither may reach a camera outside the actor's scope.
    Status checkManageUser(const Principal& actor, const std::optional<UserSpec>& before,
                           const UserSpec& after) const;
    // May `actor` replace this catalog of profiles and groups by `after`, given the accounts
    // `users`? Needs ManageGroupsAndProfiles; a profile created or changed may not grant a
    // permission the actor lacks; every account whose effective rights change must be one the
    // actor may manage (level rule above), may gain no permission the actor lacks and, for a
    // camera-scoped actor, no camera outside the actor's scope.
    Status checkManageCatalog(const Principal& actor, const AccessControl& after,
                              std::span<const UserSpec> users) const;

    const std::vector<ProfileSpec>& profiles() const { return m_profiles; }
    const std::vector<GroupSpec>& groups() const { return m_groups; }
    const ProfileSpec* findProfile(std::string_view name) const;
    const GroupSpec* findGroup(std::string_view name) const;

private:
    std::vector<ProfileSpec> m_profiles;
    std::vector<GroupSpec> m_groups;
};

// "alice (L1 operator)", "cli:root (command-line operator)": how messages name a principal.
std::string describe(const Principal& principal);

}  // namespace vigie::core
