// Roles and rights: the full matrix role × operation × camera scope for the three levels of
// the tender, a custom profile and a camera-scoped group; denials win; a camera outside the
// scope is refused for every camera-bound operation (snapshots and exports included); and
// nobody can escalate through account, group or profile changes. The expected matrix is
// written out here from the tender, not derived from the code under test.
#include <QtTest>

#include <iterator>
#include <map>
#include <set>
#include <string>

#include "core/permissions.h"

using namespace vigie::core;

namespace QTest {
template <>
inline char* toString(const vigie::core::Permission& p) {
    return qstrdup(std::string(vigie::core::toName(p)).c_str());
}
}  // namespace QTest

namespace {

// The tender's rights (REQUIREMENTS.md, "Roles and rights"), one line per operation:
// which of L1, L2, L3 may do it, and whether it acts on a camera.
struct Expected {
    Permission permission;
    const char* levels;  // "123": L1, L2 and L3; "-23": L2 and L3; "--3": L3 only
    bool cameraBound;
};
const Expected kTender[] = {
    {Permission::ViewLive, "123", true},
    {Permission::ViewAlerts, "123", true},
    {Permission::QualifyAlerts, "123", true},
    {Permission::ViewSnapshots, "123", true},
    {Permission::ReplayVideo, "123", true},
    {Permission::ViewCounts, "123", true},
    {Permission::ExportData, "-23", true},
    {Permission::EditZones, "-23", true},
    {Permission::EditRules, "-23", true},
    {Permission::ToggleRules, "-23", true},
    {Permission::EditSchedules, "-23", false},
    {Permission::StopProcessing, "-23", true},
    {Permission::ManageCameras, "--3", true},
    {Permission::ManageUsers, "-23", false},
    {Permission::ManageGroupsAndProfiles, "--3", false},
    {Permission::ManageRetention, "--3", false},
    {Permission::ManageBackups, "--3", false},
    {Permission::ManageLicences, "--3", false},
    {Permission::ViewAuditLog, "--3", false},
    {Permission::ViewApplicationLogs, "--3", false},
    {Permission::ViewHealth, "123", false},
    {Permission::ManageSettings, "--3", false},
};

bool tenderAllows(Permission p, int level) {
    for (const Expected& e : kTender) {
        if (e.permission == p) {
            return e.levels[level - 1] != '-';
        }
    }
    return false;
}

bool tenderCameraBound(Permission p) {
    for (const Expected& e : kTender) {
        if (e.permission == p) {
            return e.cameraBound;
        }
    }
    return false;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The catalog every test uses.
//   rondier:     grants export_data and edit_zones, denies replay_video
//   sans-audit:  denies view_audit_log and manage_licences (an L3 without them)
//   no-export:   denies export_data (wins over rondier's grant)
//   cameras:     grants manage_cameras
//   gestion:     grants manage_groups_and_profiles
//   group quais: cameras cam-a, cam-b; group nord: cam-a; group libre: every camera
AccessControl catalog() {
    std::vector<ProfileSpec> profiles = {
        {"rondier", "", {Permission::ExportData, Permission::EditZones}, {Permission::ReplayVideo}},
        {"sans-audit", "", {}, {Permission::ViewAuditLog, Permission::ManageLicences}},
        {"no-export", "", {}, {Permission::ExportData}},
        {"cameras", "", {Permission::ManageCameras}, {}},
        {"gestion", "", {Permission::ManageGroupsAndProfiles}, {}},
    };
    std::vector<GroupSpec> groups = {
        {"quais", "", {}, {"cam-a", "cam-b"}},
        {"nord", "", {}, {"cam-a"}},
        {"libre", "", {}, {}},
        {"rondes", "", {"rondier"}, {}},
    };
    return AccessControl(std::move(profiles), std::move(groups));
}

UserSpec user(const std::string& login, Level level, std::vector<std::string> groups = {},
              std::vector<std::string> profiles = {}, std::vector<std::string> cameras = {}) {
    UserSpec u;
    u.login = login;
    u.displayName = login;
    u.level = level;
    u.groups = std::move(groups);
    u.profiles = std::move(profiles);
    u.cameraScope = std::move(cameras);
    return u;
}

Principal principal(const UserSpec& spec) {
    auto p = catalog().resolve(spec);
    if (!p) {
        qFatal("cannot resolve %s: %s", spec.login.c_str(), p.error().message.c_str());
    }
    return *p;
}

// The principals of the matrix.
enum class Who { Invalid = 0, L1, L2, L3, Profiled, Scoped };

Principal principalOf(Who who) {
    switch (who) {
        case Who::L1:
            return principal(user("alice", Level::Operator));
        case Who::L2:
            return principal(user("bruno", Level::AdvancedUser));
        case Who::L3:
            return principal(user("chloe", Level::Administrator));
        case Who::Profiled:
            // L1 with the rondier profile directly and no-export through nothing: custom.
            return principal(user("damien", Level::Operator, {}, {"rondier"}));
        case Who::Scoped:
            // L2 in group quais (cam-a, cam-b) with own scope cam-b, cam-c → only cam-b.
            return principal(user("elise", Level::AdvancedUser, {"quais"}, {}, {"cam-b", "cam-c"}));
        case Who::Invalid:
            break;
    }
    return {};
}

bool expectedFor(Who who, Permission p, const QString& camera) {
    switch (who) {
        case Who::L1:
            return tenderAllows(p, 1);
        case Who::L2:
            return tenderAllows(p, 2);
        case Who::L3:
            return tenderAllows(p, 3);
        case Who::Profiled:
            if (p == Permission::ReplayVideo) {
                return false;  // denied by the profile
            }
            return tenderAllows(p, 1) || p == Permission::ExportData || p == Permission::EditZones;
        case Who::Scoped: {
            if (!tenderAllows(p, 2)) {
                return false;
            }
            if (camera.isEmpty()) {
                return !tenderCameraBound(p);  // "on every camera" is beyond the scope
            }
            return camera == QLatin1String("cam-b");
        }
        case Who::Invalid:
            break;
    }
    return false;
}

const char* nameOf(Who who) {
    switch (who) {
        case Who::L1:
            return "L1";
        case Who::L2:
            return "L2";
        case Who::L3:
            return "L3";
        case Who::Profiled:
            return "L1+profile";
        case Who::Scoped:
            return "L2 scoped";
        case Who::Invalid:
            break;
    }
    return "?";
}

}  // namespace

class TestPermissions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- names and sets -----------------------------------------------------------------

    void everyPermissionHasAUniqueStableName() {
        QCOMPARE(std::size(kTender), kAllPermissions.size());
        std::set<std::string> names;
        for (const Permission p : kAllPermissions) {
            const std::string name(toName(p));
            QVERIFY2(name != "invalid", name.c_str());
            QVERIFY2(names.insert(name).second, name.c_str());
            QCOMPARE(permissionFromString(name), std::optional<Permission>(p));
            QVERIFY(!std::string(describe(p)).empty());
            QCOMPARE(isCameraBound(p), tenderCameraBound(p));
        }
        QCOMPARE(toName(Permission::Invalid), std::string_view("invalid"));
        QVERIFY(!permissionFromString("invalid"));
        QVERIFY(!permissionFromString("View_Live"));
        QCOMPARE(toName(Permission::ManageUsers), std::string_view("manage_users"));
    }

    void permissionSetsCombineAndParse() {
        const PermissionSet a = {Permission::ViewLive, Permission::EditRules};
        const PermissionSet b = {Permission::EditRules, Permission::ManageUsers};
        QCOMPARE((a | b).size(), std::size_t(3));
        QCOMPARE((a & b), PermissionSet{Permission::EditRules});
        QCOMPARE((a - b), PermissionSet{Permission::ViewLive});
        QVERIFY((a & b).isSubsetOf(a));
        QVERIFY(!a.isSubsetOf(b));
        PermissionSet withInvalid = {Permission::Invalid};
        QVERIFY(withInvalid.empty());
        QVERIFY(!withInvalid.contains(Permission::Invalid));
        QCOMPARE(PermissionSet::all().size(), kAllPermissions.size());

        auto parsed = permissionsFromNames(" view_live , edit_rules,");
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, a);
        QCOMPARE(toNames(a), std::string("view_live,edit_rules"));
        auto bad = permissionsFromNames("view_live,fly");
        QVERIFY(!bad.ok());
        QVERIFY2(contains(bad.error().message, "unknown permission 'fly'"),
                 bad.error().message.c_str());
    }

    void levelsHaveNamesAndNumbers() {
        QCOMPARE(levelFromNumber(1), std::optional<Level>(Level::Operator));
        QCOMPARE(levelFromNumber(3), std::optional<Level>(Level::Administrator));
        QVERIFY(!levelFromNumber(0));
        QVERIFY(!levelFromNumber(4));
        for (const Level l : kAllLevels) {
            QCOMPARE(levelFromString(toName(l)), std::optional<Level>(l));
        }
        QCOMPARE(describe(Level::AdvancedUser), std::string_view("L2 advanced user"));
        QVERIFY(defaultPermissions(Level::Invalid).empty());
    }

    void cameraScopesIntersect() {
        const CameraScope all;
        const CameraScope ab = CameraScope::only({"cam-a", "cam-b"});
        const CameraScope bc = CameraScope::only({"cam-b", "cam-c"});
        const CameraScope none = CameraScope::only({});
        QVERIFY(all.isEveryCamera());
        QVERIFY(all.contains("anything"));
        QCOMPARE(ab.intersect(bc), CameraScope::only({"cam-b"}));
        QCOMPARE(all.intersect(ab), ab);
        QCOMPARE(ab.intersect(all), ab);
        QCOMPARE(ab.intersect(CameraScope::only({"cam-z"})), none);
        QVERIFY(!none.contains("cam-a"));
        QVERIFY(ab.isWithin(all));
        QVERIFY(!all.isWithin(ab));
        QVERIFY(CameraScope::only({"cam-a"}).isWithin(ab));
        QVERIFY(!bc.isWithin(ab));
        QVERIFY(none.isWithin(ab));
        QCOMPARE(CameraScope::fromList(std::vector<std::string>{}), all);
        QCOMPARE(none.describe(), std::string("no camera"));
        QCOMPARE(ab.describe(), std::string("cam-a, cam-b"));
    }

    // --- the matrix ---------------------------------------------------------------------

    void matrix_data() {
        QTest::addColumn<int>("who");
        QTest::addColumn<int>("permission");
        QTest::addColumn<QString>("camera");  // empty: no camera given
        QTest::addColumn<bool>("allowed");
        for (const Who who : {Who::L1, Who::L2, Who::L3, Who::Profiled, Who::Scoped}) {
            const QStringList cameras = who == Who::Scoped
                                            ? QStringList{"", "cam-b", "cam-a", "cam-z"}
                                            : QStringList{"", "cam-a"};
            for (const Permission p : kAllPermissions) {
                for (const QString& camera : cameras) {
                    const QString row = QStringLiteral("%1 %2 %3")
                                            .arg(QLatin1String(nameOf(who)),
                                                 QLatin1String(toName(p).data(), toName(p).size()),
                                                 camera.isEmpty() ? "-" : camera);
                    QTest::newRow(qPrintable(row)) << static_cast<int>(who) << static_cast<int>(p)
                                                   << camera << expectedFor(who, p, camera);
                }
            }
        }
    }
    void matrix() {
        QFETCH(int, who);
        QFETCH(int, permission);
        QFETCH(QString, camera);
        QFETCH(bool, allowed);
        const AccessControl acl = catalog();
        const Principal p = principalOf(static_cast<Who>(who));
        const auto perm = static_cast<Permission>(permission);
        std::optional<std::string> cameraId;
        if (!camera.isEmpty()) {
            cameraId = camera.toStdString();
        }
        const Status s = acl.check(p, perm, cameraId);
        QVERIFY2(s.ok() == allowed, s.ok() ? "allowed" : s.error().message.c_str());
        if (!s.ok()) {
            QVERIFY2(contains(s.error().message, "permission denied: " + p.login + " ("),
                     s.error().message.c_str());
            QVERIFY2(contains(s.error().message, std::string(describe(perm))),
                     s.error().message.c_str());
        }
    }

    void deniedMessagesAreClear_data() {
        QTest::addColumn<int>("who");
        QTest::addColumn<int>("permission");
        QTest::addColumn<QString>("camera");
        QTest::addColumn<QString>("message");
        QTest::newRow("L1 edits rules")
            << int(Who::L1) << int(Permission::EditRules) << ""
            << "permission denied: alice (L1 operator) may not edit rules";
        QTest::newRow("scoped snapshot outside scope")
            << int(Who::Scoped) << int(Permission::ViewSnapshots) << "cam-z"
            << "permission denied: elise (L2 advanced user) may not view snapshots on camera "
               "cam-z: outside their camera scope (cam-b)";
        QTest::newRow("scoped export outside scope")
            << int(Who::Scoped) << int(Permission::ExportData) << "cam-a"
            << "permission denied: elise (L2 advanced user) may not export data on camera cam-a";
        QTest::newRow("scoped export of every camera")
            << int(Who::Scoped) << int(Permission::ExportData) << ""
            << "may not export data on every camera: their camera scope is cam-b";
        QTest::newRow("profile denial")
            << int(Who::Profiled) << int(Permission::ReplayVideo) << ""
            << "permission denied: damien (L1 operator) may not replay video";
    }
    void deniedMessagesAreClear() {
        QFETCH(int, who);
        QFETCH(int, permission);
        QFETCH(QString, camera);
        QFETCH(QString, message);
        std::optional<std::string> cameraId;
        if (!camera.isEmpty()) {
            cameraId = camera.toStdString();
        }
        const Status s = catalog().check(principalOf(static_cast<Who>(who)),
                                         static_cast<Permission>(permission), cameraId);
        QVERIFY(!s.ok());
        QVERIFY2(contains(s.error().message, message.toStdString()), s.error().message.c_str());
    }

    void denialsWinOverGrantsAndLevels() {
        // rondier grants export_data, no-export denies it; rondes (a group) brings rondier too.
        const AccessControl acl = catalog();
        auto both = acl.resolve(user("f", Level::Operator, {"rondes"}, {"no-export"}));
        QVERIFY(both.ok());
        QVERIFY(!both->permissions.contains(Permission::ExportData));
        QVERIFY(both->permissions.contains(Permission::EditZones));     // from the group's profile
        QVERIFY(!both->permissions.contains(Permission::ReplayVideo));  // denied by rondier
        auto admin = acl.resolve(user("g", Level::Administrator, {}, {"sans-audit"}));
        QVERIFY(admin.ok());
        QVERIFY(!admin->permissions.contains(Permission::ViewAuditLog));
        QVERIFY(!admin->permissions.contains(Permission::ManageLicences));
        QCOMPARE(admin->permissions.size(), kAllPermissions.size() - 2);
    }

    void cameraScopeIsTheIntersectionOfUserAndGroups_data() {
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<QStringList>("own");
        QTest::addColumn<QString>("expected");  // describe()
        QTest::newRow("nothing: every camera") << QStringList{} << QStringList{} << "every camera";
        QTest::newRow("own only") << QStringList{} << QStringList{"cam-c"} << "cam-c";
        QTest::newRow("group only") << QStringList{"quais"} << QStringList{} << "cam-a, cam-b";
        QTest::newRow("group and own")
            << QStringList{"quais"} << QStringList{"cam-b", "cam-c"} << "cam-b";
        QTest::newRow("two groups") << QStringList{"quais", "nord"} << QStringList{} << "cam-a";
        QTest::newRow("unscoped group adds nothing")
            << QStringList{"quais", "libre"} << QStringList{} << "cam-a, cam-b";
        QTest::newRow("disjoint: no camera")
            << QStringList{"nord"} << QStringList{"cam-c"} << "no camera";
    }
    void cameraScopeIsTheIntersectionOfUserAndGroups() {
        QFETCH(QStringList, groups);
        QFETCH(QStringList, own);
        QFETCH(QString, expected);
        UserSpec spec = user("h", Level::AdvancedUser);
        for (const auto& g : groups) {
            spec.groups.push_back(g.toStdString());
        }
        for (const auto& c : own) {
            spec.cameraScope.push_back(c.toStdString());
        }
        auto p = catalog().resolve(spec);
        QVERIFY(p.ok());
        QCOMPARE(QString::fromStdString(p->cameras.describe()), expected);
        if (expected == QLatin1String("no camera")) {
            for (const Permission perm : kAllPermissions) {
                QVERIFY(!catalog().check(*p, perm, std::string("cam-a")).ok());
                QVERIFY(!catalog().check(*p, perm, std::string("cam-c")).ok());
            }
        }
    }

    void cameraFilterListsTheScope() {
        const AccessControl acl = catalog();
        auto all = acl.cameraFilter(principalOf(Who::L1), Permission::ViewAlerts);
        QVERIFY(all.ok());
        QVERIFY(!all->has_value());
        auto scoped = acl.cameraFilter(principalOf(Who::Scoped), Permission::ViewSnapshots);
        QVERIFY(scoped.ok());
        QCOMPARE(**scoped, std::set<std::string>{"cam-b"});
        QVERIFY(!acl.cameraFilter(principalOf(Who::L1), Permission::ExportData).ok());
    }

    void unknownReferencesAndInvalidPrincipalsAreRefused() {
        const AccessControl acl = catalog();
        QVERIFY(!acl.resolve(user("i", Level::Operator, {"ghost"})).ok());
        QVERIFY(!acl.resolve(user("i", Level::Operator, {}, {"ghost"})).ok());
        QVERIFY(!acl.resolve(user("i", Level::Invalid)).ok());
        const Principal nobody;
        const Status s = acl.check(nobody, Permission::ViewLive);
        QVERIFY(!s.ok());
        QVERIFY2(contains(s.error().message, "nobody is logged in"), s.error().message.c_str());
        QVERIFY(!acl.check(principalOf(Who::L3), Permission::Invalid).ok());
        const Principal cli = Principal::cliOperator("root");
        QCOMPARE(cli.login, std::string("cli:root"));
        for (const Permission p : kAllPermissions) {
            QVERIFY(acl.check(cli, p).ok());
        }
    }

    // --- no escalation ------------------------------------------------------------------

    void manageUser_data() {
        QTest::addColumn<QString>("actor");   // key in actors()
        QTest::addColumn<QString>("before");  // key in targets(); empty: creation
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("message");  // empty: allowed
        const QString lower = "only accounts of a lower level";
        const QString rights = "rights they do not hold";
        const QString scope = "outside their own camera scope";
        QTest::newRow("L3 creates L3") << "L3"
                                       << ""
                                       << "L3"
                                       << "";
        QTest::newRow("L3 creates L1") << "L3"
                                       << ""
                                       << "L1"
                                       << "";
        QTest::newRow("L3 changes another L3") << "L3"
                                               << "L3"
                                               << "L3 renamed"
                                               << "";
        QTest::newRow("L2 creates L1") << "L2"
                                       << ""
                                       << "L1"
                                       << "";
        QTest::newRow("L2 creates L2") << "L2"
                                       << ""
                                       << "L2" << lower;
        QTest::newRow("L2 creates L3") << "L2"
                                       << ""
                                       << "L3" << lower;
        QTest::newRow("L2 raises L1 to L2") << "L2"
                                            << "L1"
                                            << "L2" << lower;
        QTest::newRow("L2 demotes an L2 peer") << "L2"
                                               << "L2"
                                               << "L1" << lower;
        QTest::newRow("L2 gives a right it holds") << "L2"
                                                   << "L1"
                                                   << "L1 rondier"
                                                   << "";
        QTest::newRow("L2 gives a right it lacks") << "L2"
                                                   << "L1"
                                                   << "L1 cameras" << rights;
        QTest::newRow("L2 with the right gives it") << "L2 cameras"
                                                    << "L1"
                                                    << "L1 cameras"
                                                    << "";
        QTest::newRow("L1 creates L1") << "L1"
                                       << ""
                                       << "L1"
                                       << "may not manage users";
        QTest::newRow("scoped L2 creates unscoped L1") << "L2 scoped"
                                                       << ""
                                                       << "L1" << scope;
        QTest::newRow("scoped L2 creates L1 inside") << "L2 scoped"
                                                     << ""
                                                     << "L1 cam-a"
                                                     << "";
        QTest::newRow("scoped L2 creates L1 across") << "L2 scoped"
                                                     << ""
                                                     << "L1 cam-a cam-z" << scope;
        QTest::newRow("scoped L2 uses a group inside") << "L2 scoped"
                                                       << ""
                                                       << "L1 nord"
                                                       << "";
        QTest::newRow("scoped L2 widens a scope") << "L2 scoped"
                                                  << "L1 cam-a"
                                                  << "L1" << scope;
        QTest::newRow("scoped L2 may not touch an unscoped L1") << "L2 scoped"
                                                                << "L1"
                                                                << "L1 cam-a" << scope;
        QTest::newRow("L3 lacking a right creates a full L3") << "L3 sans-audit"
                                                              << ""
                                                              << "L3" << rights;
        QTest::newRow("L3 lacking a right creates a like L3") << "L3 sans-audit"
                                                              << ""
                                                              << "L3 sans-audit"
                                                              << "";
        QTest::newRow("L3 lacking a right may not take over a full L3") << "L3 sans-audit"
                                                                        << "L3"
                                                                        << "L3" << rights;
        QTest::newRow("command-line operator creates L3") << "cli"
                                                          << ""
                                                          << "L3"
                                                          << "";
        QTest::newRow("nobody") << "nobody"
                                << ""
                                << "L1"
                                << "nobody is logged in";
    }
    void manageUser() {
        QFETCH(QString, actor);
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, message);
        const std::map<QString, Principal> actors = {
            {"L1", principalOf(Who::L1)},
            {"L2", principalOf(Who::L2)},
            {"L3", principalOf(Who::L3)},
            {"L2 cameras", principal(user("bruno", Level::AdvancedUser, {}, {"cameras"}))},
            {"L2 scoped", principal(user("elise", Level::AdvancedUser, {"quais"}))},
            {"L3 sans-audit", principal(user("chloe", Level::Administrator, {}, {"sans-audit"}))},
            {"cli", Principal::cliOperator("root")},
            {"nobody", Principal{}},
        };
        UserSpec renamed = user("zoe", Level::Administrator);
        renamed.displayName = "Zoé";
        const std::map<QString, UserSpec> targets = {
            {"L1", user("zoe", Level::Operator)},
            {"L1 rondier", user("zoe", Level::Operator, {}, {"rondier"})},
            {"L1 cameras", user("zoe", Level::Operator, {}, {"cameras"})},
            {"L1 cam-a", user("zoe", Level::Operator, {}, {}, {"cam-a"})},
            {"L1 cam-a cam-z", user("zoe", Level::Operator, {}, {}, {"cam-a", "cam-z"})},
            {"L1 nord", user("zoe", Level::Operator, {"nord"})},
            {"L2", user("zoe", Level::AdvancedUser)},
            {"L3", user("zoe", Level::Administrator)},
            {"L3 renamed", renamed},
            {"L3 sans-audit", user("zoe", Level::Administrator, {}, {"sans-audit"})},
        };
        QVERIFY(actors.count(actor) == 1 && targets.count(after) == 1);
        std::optional<UserSpec> beforeSpec;
        if (!before.isEmpty()) {
            QVERIFY(targets.count(before) == 1);
            beforeSpec = targets.at(before);
        }
        const Status s = catalog().checkManageUser(actors.at(actor), beforeSpec, targets.at(after));
        if (message.isEmpty()) {
            QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        } else {
            QVERIFY(!s.ok());
            QVERIFY2(contains(s.error().message, message.toStdString()), s.error().message.c_str());
        }
    }

    void manageCatalog_data() {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("message");  // empty: allowed
        QTest::newRow("L3 adds a profile") << "L3"
                                           << "new profile granting licences"
                                           << "";
        QTest::newRow("L3 lacking licences adds a profile granting them")
            << "L3 sans-audit"
            << "new profile granting licences"
            << "rights they do not hold";
        QTest::newRow("L2 may not manage profiles") << "L2"
                                                    << "new profile granting licences"
                                                    << "may not manage groups and profiles";
        QTest::newRow("lifting a denial the actor lacks") << "L3 sans-audit"
                                                          << "sans-audit denies nothing"
                                                          << "rights they do not hold";
        QTest::newRow("L2 with gestion extends an L2 peer's group")
            << "L2 gestion"
            << "rondes grants manage_groups too"
            << "lower level";
        QTest::newRow("scoped actor unscopes a group") << "L3 scoped"
                                                       << "nord has every camera"
                                                       << "outside their own camera scope";
        QTest::newRow("L3 unscopes a group") << "L3"
                                             << "nord has every camera"
                                             << "";
    }
    void manageCatalog() {
        QFETCH(QString, actor);
        QFETCH(QString, change);
        QFETCH(QString, message);
        const AccessControl before = catalog();
        std::vector<ProfileSpec> profiles = before.profiles();
        std::vector<GroupSpec> groups = before.groups();
        if (change == "new profile granting licences") {
            profiles.push_back({"licences", "", {Permission::ManageLicences}, {}});
        } else if (change == "sans-audit denies nothing") {
            for (auto& p : profiles) {
                if (p.name == "sans-audit") {
                    p.denials = {};
                }
            }
        } else if (change == "rondes grants manage_groups too") {
            profiles.push_back({"chef", "", {Permission::ManageGroupsAndProfiles}, {}});
            for (auto& g : groups) {
                if (g.name == "rondes") {
                    g.profiles.push_back("chef");
                }
            }
        } else if (change == "nord has every camera") {
            for (auto& g : groups) {
                if (g.name == "nord") {
                    g.cameraScope.clear();
                }
            }
        } else {
            QFAIL("unknown change");
        }
        const AccessControl after(profiles, groups);
        const std::map<QString, UserSpec> actors = {
            {"L2", user("bruno", Level::AdvancedUser)},
            {"L3", user("chloe", Level::Administrator)},
            {"L3 sans-audit", user("chloe", Level::Administrator, {}, {"sans-audit"})},
            {"L2 gestion", user("bruno", Level::AdvancedUser, {}, {"gestion"})},
            {"L3 scoped", user("chloe", Level::Administrator, {}, {}, {"cam-a", "cam-b"})},
        };
        QVERIFY(actors.count(actor) == 1);
        const std::vector<UserSpec> users = {
            actors.at(actor),
            user("paul", Level::AdvancedUser, {"rondes"}),
            user("nina", Level::Operator, {"nord"}),
        };
        const Status s = before.checkManageCatalog(principal(actors.at(actor)), after, users);
        if (message.isEmpty()) {
            QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        } else {
            QVERIFY(!s.ok());
            QVERIFY2(contains(s.error().message, message.toStdString()), s.error().message.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
