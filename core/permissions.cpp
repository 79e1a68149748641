#include "core/permissions.h"

#include <algorithm>
#include <bit>
#include <iterator>

namespace vigie::core {

namespace {

struct PermissionInfo {
    Permission permission;
    std::string_view name;
    std::string_view description;
    bool cameraBound;
};

// One line per permission: stored name, message phrase, whether the camera scope applies.
constexpr std::array<PermissionInfo, kAllPermissions.size()> kPermissionInfo = {{
    {Permission::ViewLive, "view_live", "view live video", true},
    {Permission::ViewAlerts, "view_alerts", "view alerts", true},
    {Permission::QualifyAlerts, "qualify_alerts", "qualify alerts", true},
    {Permission::ViewSnapshots, "view_snapshots", "view snapshots", true},
    {Permission::ReplayVideo, "replay_video", "replay video", true},
    {Permission::ViewCounts, "view_counts", "view counts", true},
    {Permission::ExportData, "export_data", "export data", true},
    {Permission::EditZones, "edit_zones", "edit zones and lines", true},
    {Permission::EditRules, "edit_rules", "edit rules", true},
    {Permission::ToggleRules, "toggle_rules", "switch rules on and off", true},
    {Permission::EditSchedules, "edit_schedules", "edit schedules", false},
    {Permission::StopProcessing, "stop_processing", "stop processing", true},
    {Permission::ManageCameras, "manage_cameras", "manage cameras", true},
    {Permission::ManageUsers, "manage_users", "manage users", false},
    {Permission::ManageGroupsAndProfiles, "manage_groups_and_profiles",
     "manage groups and profiles", false},
    {Permission::ManageRetention, "manage_retention", "manage retention periods", false},
    {Permission::ManageBackups, "manage_backups", "manage backups", false},
    {Permission::ManageLicences, "manage_licences", "manage licences", false},
    {Permission::ViewAuditLog, "view_audit_log", "view the audit log", false},
    {Permission::ViewApplicationLogs, "view_application_logs", "view application logs", false},
    {Permission::ViewHealth, "view_health", "view health", false},
    {Permission::ManageSettings, "manage_settings", "manage settings", false},
}};

constexpr bool infoMatchesEnum() {
    for (std::size_t i = 0; i < kAllPermissions.size(); ++i) {
        if (kPermissionInfo[i].permission != kAllPermissions[i] ||
            static_cast<std::size_t>(kAllPermissions[i]) != i + 1) {
            return false;
        }
    }
    return true;
}
static_assert(infoMatchesEnum(), "kPermissionInfo must list every Permission in enum order");
static_assert(kAllPermissions.size() < 64, "PermissionSet holds one bit per permission");

const PermissionInfo* infoOf(Permission permission) {
    const auto index = static_cast<std::size_t>(permission);
    if (index == 0 || index > kPermissionInfo.size()) {
        return nullptr;
    }
    return &kPermissionInfo[index - 1];
}

std::uint64_t bitOf(Permission permission) {
    return infoOf(permission) == nullptr ? 0 : std::uint64_t{1} << static_cast<int>(permission);
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string joinNames(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

std::string describePermissions(const PermissionSet& permissions) {
    std::string out;
    for (const Permission p : permissions.list()) {
        out += (out.empty() ? "" : ", ") + std::string(describe(p));
    }
    return out;
}

bool levelMayManage(Level actor, Level target) {
    return actor == Level::Administrator || target < actor;
}

std::string denied(const Principal& principal) {
    return "permission denied: " + describe(principal);
}

}  // namespace

// --- Permission and Level -------------------------------------------------------------------

std::string_view toName(Permission permission) {
    const PermissionInfo* info = infoOf(permission);
    return info == nullptr ? "invalid" : info->name;
}

std::optional<Permission> permissionFromString(std::string_view name) {
    for (const auto& info : kPermissionInfo) {
        if (info.name == name) {
            return info.permission;
        }
    }
    return std::nullopt;
}

std::string_view describe(Permission permission) {
    const PermissionInfo* info = infoOf(permission);
    return info == nullptr ? "do an unknown operation" : info->description;
}

bool isCameraBound(Permission permission) {
    const PermissionInfo* info = infoOf(permission);
    return info != nullptr && info->cameraBound;
}

std::string_view toName(Level level) {
    switch (level) {
        case Level::Operator:
            return "operator";
        case Level::AdvancedUser:
            return "advanced_user";
        case Level::Administrator:
            return "administrator";
        case Level::Invalid:
            break;
    }
    return "invalid";
}

std::optional<Level> levelFromString(std::string_view name) {
    for (const Level level : kAllLevels) {
        if (toName(level) == name) {
            return level;
        }
    }
    return std::nullopt;
}

std::optional<Level> levelFromNumber(std::int64_t number) {
    if (number < 1 || number > 3) {
        return std::nullopt;
    }
    return static_cast<Level>(number);
}

std::string_view describe(Level level) {
    switch (level) {
        case Level::Operator:
            return "L1 operator";
        case Level::AdvancedUser:
            return "L2 advanced user";
        case Level::Administrator:
            return "L3 administrator";
        case Level::Invalid:
            break;
    }
    return "no level";
}

// --- PermissionSet --------------------------------------------------------------------------

PermissionSet::PermissionSet(std::initializer_list<Permission> permissions) {
    for (const Permission p : permissions) {
        insert(p);
    }
}

PermissionSet PermissionSet::all() {
    PermissionSet set;
    for (const Permission p : kAllPermissions) {
        set.insert(p);
    }
    return set;
}

bool PermissionSet::contains(Permission permission) const {
    const std::uint64_t bit = bitOf(permission);
    return bit != 0 && (m_bits & bit) != 0;
}

void PermissionSet::insert(Permission permission) {
    m_bits |= bitOf(permission);
}

void PermissionSet::erase(Permission permission) {
    m_bits &= ~bitOf(permission);
}

std::size_t PermissionSet::size() const {
    return static_cast<std::size_t>(std::popcount(m_bits));
}

std::vector<Permission> PermissionSet::list() const {
    std::vector<Permission> out;
    for (const Permission p : kAllPermissions) {
        if (contains(p)) {
            out.push_back(p);
        }
    }
    return out;
}

PermissionSet PermissionSet::operator|(const PermissionSet& other) const {
    PermissionSet out;
    out.m_bits = m_bits | other.m_bits;
    return out;
}

PermissionSet PermissionSet::operator&(const PermissionSet& other) const {
    PermissionSet out;
    out.m_bits = m_bits & other.m_bits;
    return out;
}

PermissionSet PermissionSet::operator-(const PermissionSet& other) const {
    PermissionSet out;
    out.m_bits = m_bits & ~other.m_bits;
    return out;
}

std::string toNames(const PermissionSet& permissions) {
    std::string out;
    for (const Permission p : permissions.list()) {
        out += (out.empty() ? "" : ",") + std::string(toName(p));
    }
    return out;
}

Result<PermissionSet> permissionsFromNames(std::string_view names) {
    PermissionSet set;
    while (!trim(names).empty()) {
        const auto comma = names.find(',');
        const std::string_view item = trim(names.substr(0, comma));
        names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
        const auto permission = permissionFromString(item);
        if (!permission) {
            return makeError("unknown permission '" + std::string(item) +
                             "' (known: " + toNames(PermissionSet::all()) + ")");
        }
        set.insert(*permission);
    }
    return set;
}

PermissionSet defaultPermissions(Level level) {
    // L1 (Ex. 18): watches streams and signals.
    const PermissionSet operatorRights = {
        Permission::ViewLive,      Permission::ViewAlerts,  Permission::QualifyAlerts,
        Permission::ViewSnapshots, Permission::ReplayVideo, Permission::ViewCounts,
        Permission::ViewHealth,
    };
    // L2 (Ex. 19–21): draws zones and lines, sets thresholds, builds rules and schedules,
    // switches rules per stream, stops processing, exports, opens lower accounts.
    const PermissionSet advancedRights =
        operatorRights | PermissionSet{Permission::ExportData,    Permission::EditZones,
                                       Permission::EditRules,     Permission::ToggleRules,
                                       Permission::EditSchedules, Permission::StopProcessing,
                                       Permission::ManageUsers};
    switch (level) {
        case Level::Operator:
            return operatorRights;
        case Level::AdvancedUser:
            return advancedRights;
        case Level::Administrator:
            return PermissionSet::all();  // Ex. 18: total control
        case Level::Invalid:
            break;
    }
    return {};
}

// --- CameraScope ----------------------------------------------------------------------------

CameraScope CameraScope::only(std::set<std::string> cameraIds) {
    CameraScope scope;
    scope.m_cameras = std::move(cameraIds);
    return scope;
}

CameraScope CameraScope::fromList(std::span<const std::string> cameraIds) {
    if (cameraIds.empty()) {
        return everyCamera();
    }
    return only(std::set<std::string>(cameraIds.begin(), cameraIds.end()));
}

bool CameraScope::contains(std::string_view cameraId) const {
    return !m_cameras || m_cameras->count(std::string(cameraId)) > 0;
}

bool CameraScope::isWithin(const CameraScope& outer) const {
    if (outer.isEveryCamera()) {
        return true;
    }
    if (isEveryCamera()) {
        return false;
    }
    return std::includes(outer.m_cameras->begin(), outer.m_cameras->end(), m_cameras->begin(),
                         m_cameras->end());
}

CameraScope CameraScope::intersect(const CameraScope& other) const {
    if (isEveryCamera()) {
        return other;
    }
    if (other.isEveryCamera()) {
        return *this;
    }
    std::set<std::string> both;
    std::set_intersection(m_cameras->begin(), m_cameras->end(), other.m_cameras->begin(),
                          other.m_cameras->end(), std::inserter(both, both.end()));
    return only(std::move(both));
}

const std::set<std::string>& CameraScope::cameras() const {
    static const std::set<std::string> kNone;
    return m_cameras ? *m_cameras : kNone;
}

std::string CameraScope::describe() const {
    if (!m_cameras) {
        return "every camera";
    }
    if (m_cameras->empty()) {
        return "no camera";
    }
    return joinNames(*m_cameras);
}

// --- Principal ------------------------------------------------------------------------------

Principal Principal::cliOperator(const std::string& osUser) {
    Principal p;
    p.kind = PrincipalKind::Operator;
    p.login = "cli:" + (osUser.empty() ? std::string("unknown") : osUser);
    p.level = Level::Administrator;
    p.permissions = PermissionSet::all();
    p.cameras = CameraScope::everyCamera();
    return p;
}

std::string describe(const Principal& principal) {
    if (principal.kind == PrincipalKind::Operator) {
        return principal.login + " (command-line operator)";
    }
    return (principal.login.empty() ? std::string("nobody") : principal.login) + " (" +
           std::string(describe(principal.level)) + ")";
}

// --- AccessControl --------------------------------------------------------------------------

AccessControl::AccessControl(std::vector<ProfileSpec> profiles, std::vector<GroupSpec> groups)
    : m_profiles(std::move(profiles)), m_groups(std::move(groups)) {}

const ProfileSpec* AccessControl::findProfile(std::string_view name) const {
    for (const auto& p : m_profiles) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

const GroupSpec* AccessControl::findGroup(std::string_view name) const {
    for (const auto& g : m_groups) {
        if (g.name == name) {
            return &g;
        }
    }
    return nullptr;
}

Result<PermissionSet> AccessControl::effectivePermissions(const UserSpec& user) const {
    if (!levelFromNumber(static_cast<int>(user.level))) {
        return makeError("account '" + user.login + "' has no valid level");
    }
    std::vector<const ProfileSpec*> profiles;
    for (const auto& name : user.profiles) {
        const ProfileSpec* p = findProfile(name);
        if (p == nullptr) {
            return makeError("account '" + user.login + "' refers to an unknown profile '" + name +
                             "'");
        }
        profiles.push_back(p);
    }
    for (const auto& groupName : user.groups) {
        const GroupSpec* g = findGroup(groupName);
        if (g == nullptr) {
            return makeError("account '" + user.login + "' refers to an unknown group '" +
                             groupName + "'");
        }
        for (const auto& name : g->profiles) {
            const ProfileSpec* p = findProfile(name);
            if (p == nullptr) {
                return makeError("group '" + groupName + "' refers to an unknown profile '" + name +
                                 "'");
            }
            profiles.push_back(p);
        }
    }
    PermissionSet granted = defaultPermissions(user.level);
    PermissionSet deniedSet;
    for (const ProfileSpec* p : profiles) {
        granted = granted | p->grants;
        deniedSet = deniedSet | p->denials;
    }
    return granted - deniedSet;
}

Result<CameraScope> AccessControl::effectiveCameraScope(const UserSpec& user) const {
    CameraScope scope = CameraScope::fromList(user.cameraScope);
    for (const auto& groupName : user.groups) {
        const GroupSpec* g = findGroup(groupName);
        if (g == nullptr) {
            return makeError("account '" + user.login + "' refers to an unknown group '" +
                             groupName + "'");
        }
        scope = scope.intersect(CameraScope::fromList(g->cameraScope));
    }
    return scope;
}

Result<Principal> AccessControl::resolve(const UserSpec& user) const {
    auto permissions = effectivePermissions(user);
    if (!permissions) {
        return permissions.error();
    }
    auto scope = effectiveCameraScope(user);
    if (!scope) {
        return scope.error();
    }
    Principal p;
    p.kind = PrincipalKind::User;
    p.login = user.login;
    p.level = user.level;
    p.permissions = *permissions;
    p.cameras = std::move(*scope);
    return p;
}

Status AccessControl::check(const Principal& principal, Permission permission,
                            std::optional<std::string> cameraId) const {
    if (!principal.valid()) {
        return makeError("permission denied: nobody is logged in");
    }
    if (infoOf(permission) == nullptr) {
        return makeError(denied(principal) + " may not do an unknown operation");
    }
    if (!principal.permissions.contains(permission)) {
        return makeError(denied(principal) + " may not " + std::string(describe(permission)));
    }
    if (cameraId) {
        if (!principal.cameras.contains(*cameraId)) {
            return makeError(denied(principal) + " may not " + std::string(describe(permission)) +
                             " on camera " + *cameraId + ": outside their camera scope (" +
                             principal.cameras.describe() + ")");
        }
        return okStatus();
    }
    if (isCameraBound(permission) && !principal.cameras.isEveryCamera()) {
        return makeError(denied(principal) + " may not " + std::string(describe(permission)) +
                         " on every camera: their camera scope is " + principal.cameras.describe());
    }
    return okStatus();
}

Result<std::optional<std::set<std::string>>> AccessControl::cameraFilter(
    const Principal& principal, Permission permission) const {
    if (!principal.valid()) {
        return makeError("permission denied: nobody is logged in");
    }
    if (!principal.permissions.contains(permission)) {
        return makeError(denied(principal) + " may not " + std::string(describe(permission)));
    }
    if (principal.cameras.isEveryCamera()) {
        return std::optional<std::set<std::string>>();
    }
    return std::optional<std::set<std::string>>(principal.cameras.cameras());
}

Status AccessControl::checkManageUser(const Principal& actor, const std::optional<UserSpec>& before,
                                      const UserSpec& after) const {
    if (auto s = check(actor, Permission::ManageUsers); !s) {
        return s;
    }
    const bool creating = !before.has_value();
    const std::string verb = creating ? " may not create " : " may not change ";
    const auto checkOne = [&](const UserSpec& target, std::string_view which) -> Status {
        const std::string name = "account '" + target.login + "'" + std::string(which);
        if (!levelFromNumber(static_cast<int>(target.level))) {
            return makeError("account '" + target.login + "' has no valid level");
        }
        if (!levelMayManage(actor.level, target.level)) {
            return makeError(denied(actor) + verb + name + " of level " +
                             std::string(describe(target.level)) +
                             ": only accounts of a lower level than their own");
        }
        auto permissions = effectivePermissions(target);
        if (!permissions) {
            return permissions.error();
        }
        if (const PermissionSet extra = *permissions - actor.permissions; !extra.empty()) {
            return makeError(denied(actor) + verb + name + " with rights they do not hold (" +
                             describePermissions(extra) + ")");
        }
        auto scope = effectiveCameraScope(target);
        if (!scope) {
            return scope.error();
        }
        if (!scope->isWithin(actor.cameras)) {
            return makeError(denied(actor) + verb + name + " reaching cameras outside their own " +
                             "camera scope (" + actor.cameras.describe() +
                             "; account: " + scope->describe() + ")");
        }
        return okStatus();
    };
    if (before) {
        if (auto s = checkOne(*before, ""); !s) {
            return s;
        }
    }
    return checkOne(after, creating || before->login == after.login ? "" : " (new version)");
}

Status AccessControl::checkManageCatalog(const Principal& actor, const AccessControl& after,
                                         std::span<const UserSpec> users) const {
    if (auto s = check(actor, Permission::ManageGroupsAndProfiles); !s) {
        return s;
    }
    for (const ProfileSpec& profile : after.m_profiles) {
        const ProfileSpec* old = findProfile(profile.name);
        if (old != nullptr && old->grants == profile.grants) {
            continue;
        }
        if (const PermissionSet extra = profile.grants - actor.permissions; !extra.empty()) {
            return makeError(denied(actor) + " may not make profile '" + profile.name +
                             "' grant rights they do not hold (" + describePermissions(extra) +
                             ")");
        }
    }
    for (const UserSpec& user : users) {
        auto permissionsBefore = effectivePermissions(user);
        auto permissionsAfter = after.effectivePermissions(user);
        auto scopeBefore = effectiveCameraScope(user);
        auto scopeAfter = after.effectiveCameraScope(user);
        if (!permissionsAfter) {
            return permissionsAfter.error();
        }
        if (!scopeAfter) {
            return scopeAfter.error();
        }
        const bool changed = !permissionsBefore || !scopeBefore ||
                             *permissionsBefore != *permissionsAfter || *scopeBefore != *scopeAfter;
        if (!changed) {
            continue;
        }
        const std::string name = "the rights of account '" + user.login + "' (" +
                                 std::string(describe(user.level)) + ")";
        if (!levelMayManage(actor.level, user.level)) {
            return makeError(denied(actor) + " may not change " + name +
                             ": only accounts of a lower level than their own");
        }
        const PermissionSet gained =
            permissionsBefore ? *permissionsAfter - *permissionsBefore : *permissionsAfter;
        if (const PermissionSet extra = gained - actor.permissions; !extra.empty()) {
            return makeError(denied(actor) + " may not extend " + name +
                             " with rights they do not hold (" + describePermissions(extra) + ")");
        }
        if (!actor.cameras.isEveryCamera() && !scopeAfter->isWithin(actor.cameras)) {
            return makeError(denied(actor) + " may not extend " + name +
                             " to cameras outside their own camera scope (" +
                             actor.cameras.describe() + ")");
        }
    }
    return okStatus();
}

}  // namespace vigie::core
