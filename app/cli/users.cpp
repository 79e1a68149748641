// `vigie users init-admin|list|add|disable|enable|unlock|set-password`: accounts from the
// command line of a headless server.
//
// Who acts: the CLI is the OS-level operator, recorded as "cli:<OS user>" in the audit log.
// It is trusted with total control because it can read the database key file (mode 0600,
// owner only): whoever holds the key can read and write the whole database anyway, so a
// login here would protect nothing. Every rule that does not depend on who acts still
// applies (password policy, last administrator, unknown groups…) and every change is
// recorded in the hash-chained audit log, which must therefore open (its site id is given
// once with --site-id, when the log is started).
//
// Passwords never come from the command line (visible in `ps` and shell history): from
// --password-file (first line), or from standard input — asked twice without echo on a
// terminal, the first line otherwise.
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/commands.h"

#ifdef VIGIE_HAVE_SQLCIPHER
#include "core/accounts.h"
#include "core/alert_json.h"
#include "core/audit_log.h"
#include "core/key_file.h"
#endif

namespace vigie::app {

namespace {

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "vigie users: %s\n", message.c_str());
    return code;
}

#ifdef VIGIE_HAVE_SQLCIPHER

std::string osUser() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) {
        return pw->pw_name;
    }
    const char* user = std::getenv("USER");
    return user != nullptr ? user : "unknown";
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) {
            out.push_back(item);
        }
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return out;
}

std::string stripLineEnd(std::string line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
        line.pop_back();
    }
    return line;
}

std::string readHidden(const char* prompt) {
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    termios old{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fputs("\n", stderr);
    }
    return stripLineEnd(line);
}

core::Result<std::string> readPassword(const Args& args, const std::string& login) {
    if (const auto file = args.value("password-file")) {
        std::ifstream in(*file);
        if (!in) {
            return core::makeError("cannot read the password file " + *file);
        }
        std::string line;
        std::getline(in, line);
        line = stripLineEnd(line);
        if (line.empty()) {
            return core::makeError("the password file " + *file + " is empty");
        }
        return line;
    }
    if (::isatty(STDIN_FILENO) == 1) {
        const std::string first = readHidden(("password for " + login + ": ").c_str());
        const std::string again = readHidden("same password again: ");
        if (first != again) {
            return core::makeError("the two passwords differ");
        }
        return first;
    }
    std::string line;
    if (!std::getline(std::cin, line) || stripLineEnd(line).empty()) {
        return core::makeError("no password on standard input (or use --password-file)");
    }
    return stripLineEnd(line);
}

struct Stores {
    std::unique_ptr<core::AuditLog> audit;
    std::unique_ptr<core::AccountStore> accounts;
};

core::Result<Stores> openStores(const Args& args, bool mayCreate) {
    const auto db = args.value("db");
    const auto keyFile = args.value("key-file");
    if (!db || !keyFile) {
        return core::makeError("--db <database> and --key-file <key file> are required");
    }
    std::error_code ec;
    if (!mayCreate && !std::filesystem::exists(*db, ec)) {
        return core::makeError("database not found: " + *db);
    }
    // A new key is only made with a new database: a wrong path must not mint a key that
    // can never open the existing database.
    if (!std::filesystem::exists(*keyFile, ec) &&
        (!mayCreate || std::filesystem::exists(*db, ec))) {
        return core::makeError("key file not found: " + *keyFile);
    }
    core::KeyFileProvider keys(*keyFile);
    auto key = keys.loadOrCreateKey();
    if (!key) {
        return key.error();
    }
    auto audit = core::AuditLog::open(*db, *key, args.valueOr("site-id", ""));
    if (!audit) {
        return core::makeError(audit.error().message +
                               (args.value("site-id") ? "" : " (pass --site-id <site id>)"));
    }
    auto accounts = core::AccountStore::open(*db, *key, audit->get());
    if (!accounts) {
        return accounts.error();
    }
    return Stores{std::move(*audit), std::move(*accounts)};
}

std::string joinList(const std::vector<std::string>& items, const char* empty) {
    if (items.empty()) {
        return empty;
    }
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : ",") + i;
    }
    return out;
}

int list(core::AccountStore& store, const core::Principal& me) {
    auto users = store.listUsers(me);
    if (!users) {
        return fail(kExitFailure, users.error().message);
    }
    const std::int64_t nowMs = static_cast<std::int64_t>(std::time(nullptr)) * 1000;
    std::printf("%-24s %-5s %-9s %-20s %-20s %-20s %s\n", "LOGIN", "LEVEL", "STATE", "GROUPS",
                "PROFILES", "CAMERAS", "LAST LOGIN");
    for (const auto& u : *users) {
        const char* state = u.spec.disabled           ? "disabled"
                            : u.lockedUntilMs > nowMs ? "locked"
                                                      : "active";
        std::printf("%-24s L%-4d %-9s %-20s %-20s %-20s %s\n", u.spec.login.c_str(),
                    static_cast<int>(u.spec.level), state, joinList(u.spec.groups, "-").c_str(),
                    joinList(u.spec.profiles, "-").c_str(),
                    joinList(u.spec.cameraScope, "all").c_str(),
                    u.lastLoginMs == 0 ? "never" : core::isoUtc(u.lastLoginMs).c_str());
    }
    return kExitOk;
}

#endif  // VIGIE_HAVE_SQLCIPHER

}  // namespace

int runUsers(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(argv,
                              {"db", "key-file", "login", "password-file", "level", "name",
                               "groups", "profiles", "cameras", "site-id"},
                              {});
    if (!parsed) {
        return fail(kExitBadInput, parsed.error().message);
    }
    const Args& args = *parsed;
    if (args.positionals().size() != 1) {
        return fail(kExitBadInput,
                    "expected one of: init-admin, list, add, disable, enable, unlock, "
                    "set-password");
    }
    const std::string action = args.positionals()[0];
#ifndef VIGIE_HAVE_SQLCIPHER
    (void)action;
    return fail(kExitFailure, "this build of Vigie has no encrypted store (SQLCipher)");
#else
    static const std::vector<std::string> kActions = {
        "init-admin", "list", "add", "disable", "enable", "unlock", "set-password"};
    if (std::find(kActions.begin(), kActions.end(), action) == kActions.end()) {
        return fail(kExitBadInput, "unknown action '" + action +
                                       "' (init-admin, list, add, disable, enable, unlock, "
                                       "set-password)");
    }
    const auto login = args.value("login");
    if (action != "list" && !login) {
        return fail(kExitBadInput, action + " needs --login <login>");
    }
    std::optional<core::Level> level;
    if (action == "add") {
        const auto text = args.value("level");
        level = text && text->size() == 1 ? core::levelFromNumber((*text)[0] - '0') : std::nullopt;
        if (!level) {
            return fail(kExitBadInput, "add needs --level 1, 2 or 3");
        }
    }
    if (login && action != "list" && action != "disable" && action != "enable" &&
        action != "unlock" && !core::AccountStore::isValidLogin(*login)) {
        return fail(kExitBadInput, "invalid login '" + *login +
                                       "': use 3 to 64 letters, digits, '.', '_', '-' or '@'");
    }

    auto stores = openStores(args, action == "init-admin");
    if (!stores) {
        return fail(kExitBadInput, stores.error().message);
    }
    core::AccountStore& store = *stores->accounts;
    const core::Principal me = core::Principal::cliOperator(osUser());

    if (action == "list") {
        return list(store, me);
    }
    if (action == "disable" || action == "enable" || action == "unlock") {
        const core::Status s = action == "disable"  ? store.disableUser(me, *login)
                               : action == "enable" ? store.enableUser(me, *login)
                                                    : store.unlockUser(me, *login);
        if (!s) {
            return fail(kExitFailure, s.error().message);
        }
        std::printf("%s: %s\n", login->c_str(),
                    action == "disable"  ? "disabled"
                    : action == "enable" ? "enabled"
                                         : "unlocked");
        return kExitOk;
    }

    auto password = readPassword(args, *login);
    if (!password) {
        return fail(kExitBadInput, password.error().message);
    }
    if (auto s = core::AccountStore::checkPasswordPolicy(*login, *password); !s) {
        return fail(kExitBadInput, s.error().message);
    }
    core::Status s;
    if (action == "init-admin") {
        s = store.initialiseAdministrator(*login, *password, me.login);
    } else if (action == "set-password") {
        s = store.setPassword(me, *login, *password);
    } else {
        core::UserSpec spec;
        spec.login = *login;
        spec.displayName = args.valueOr("name", *login);
        spec.level = *level;
        spec.groups = splitList(args.valueOr("groups", ""));
        spec.profiles = splitList(args.valueOr("profiles", ""));
        spec.cameraScope = splitList(args.valueOr("cameras", ""));
        s = store.createUser(me, spec, *password);
    }
    if (!s) {
        return fail(kExitFailure, s.error().message);
    }
    std::printf("%s: %s\n", login->c_str(),
                action == "init-admin"     ? "first administrator created"
                : action == "set-password" ? "password set"
                                           : "account created");
    return kExitOk;
#endif
}

}  // namespace vigie::app
