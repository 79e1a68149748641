// `vigie backup` and `vigie restore` (Ex. 30, 31, 133): the whole configuration — the site
// file, the accounts, groups and profiles, the retention settings — in one file encrypted
// with a passphrase, manually or from the daily timer (deploy/systemd/vigie-backup.timer),
// and restored onto a new database after every check has passed. No prompt: the passphrase
// comes from a file (mode 0600), so that the timer can run it.
//
//   vigie backup --db DB --key-file K --site site.json --passphrase-file F
//       (--out FILE | --dir DIR [--keep N]) [--retention retention.json]
//   vigie restore --in FILE --passphrase-file F --db NEWDB --key-file K --site-out site.json
//       [--retention-out retention.json] [--force]
//
// Exit codes: 0 done; 1 the backup could not be written, or the restore was refused or failed
// while writing (a non-empty target without --force; nothing changed); 2 bad input (usage,
// missing or unreadable file, wrong passphrase, damaged or truncated backup).
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/crypto_box.h"
#include "core/log.h"

#ifdef VIGIE_HAVE_SQLCIPHER
#include "core/audit_log.h"
#include "core/backup.h"
#include "core/key_file.h"
#include "core/retention.h"
#endif

namespace vigie::app {

namespace {

namespace fs = std::filesystem;

int fail(const char* command, int code, const std::string& message) {
    std::fprintf(stderr, "vigie %s: %s\n", command, message.c_str());
    return code;
}

#ifdef VIGIE_HAVE_SQLCIPHER

[[maybe_unused]] std::string cliActor() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) {
        return std::string("cli:") + pw->pw_name;
    }
    const char* user = std::getenv("USER");
    return std::string("cli:") + (user != nullptr ? user : "unknown");
}

core::Result<std::string> readText(const std::string& path, std::uint64_t maxBytes) {
    auto bytes = core::readFileBytes(path, maxBytes);
    if (!bytes) {
        return bytes.error();
    }
    return std::string(bytes->begin(), bytes->end());
}

// The passphrase: the whole file but one final line break. Never echoed, never logged.
core::Result<std::string> readPassphrase(const std::string& path) {
    auto text = readText(path, 4096);
    if (!text) {
        return core::makeError("cannot read the passphrase file: " + text.error().message);
    }
    if (text->ends_with("\r\n")) {
        text->resize(text->size() - 2);
    } else if (text->ends_with('\n')) {
        text->pop_back();
    }
    if (text->empty()) {
        return core::makeError("the passphrase file " + path + " is empty");
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        core::logger("app")->warn(
            "the passphrase file {} can be read by group or others: "
            "chmod 600 it",
            path);
    }
    return *text;
}

// Restore writes a fresh database whose audit log comes from the backup itself: its own
// record goes to the application log (logger "audit"), which the administrator reads.
// The site id of a site file's text ("" when it has none).
std::string siteIdOf(const std::string& siteText) {
    const auto json = nlohmann::json::parse(siteText, nullptr, false);
    if (json.is_object() && json.contains("site") && json["site"].is_object() &&
        json["site"].contains("id") && json["site"]["id"].is_string()) {
        return json["site"]["id"].get<std::string>();
    }
    return {};
}

class LogAuditSink final : public core::AuditSink {
public:
    bool record(const core::AuditEvent& e) override {
        core::logger("audit")->info("{} {} {} {}", e.actor, e.action, e.target, e.detailsJson);
        return true;
    }
};

int backup(const Args& args) {
    const char* cmd = "backup";
    const auto db = args.value("db");
    const auto keyFile = args.value("key-file");
    const auto sitePath = args.value("site");
    const auto passFile = args.value("passphrase-file");
    const auto out = args.value("out");
    const auto dir = args.value("dir");
    if (!db || !keyFile || !sitePath || !passFile || (!out == !dir)) {
        return fail(cmd, kExitBadInput,
                    "--db, --key-file, --site, --passphrase-file and one of --out FILE or "
                    "--dir DIR are required (see vigie --help)");
    }
    if (args.value("keep") && !dir) {
        return fail(cmd, kExitBadInput, "--keep goes with --dir (scheduled rotation)");
    }
    int keep = 0;
    if (args.value("keep")) {
        auto n = args.number("keep", 0);
        if (!n || *n < 1 || *n > 10000 || *n != static_cast<int>(*n)) {
            return fail(cmd, kExitBadInput, "--keep expects a whole number from 1");
        }
        keep = static_cast<int>(*n);
    }
    std::error_code ec;
    if (!fs::is_regular_file(*db, ec)) {
        return fail(cmd, kExitBadInput, "database not found: " + *db);
    }
    if (!fs::exists(*keyFile, ec)) {
        return fail(cmd, kExitBadInput, "key file not found: " + *keyFile);
    }
    if (dir && !fs::is_directory(*dir, ec)) {
        return fail(cmd, kExitBadInput, "the backup directory " + *dir + " does not exist");
    }
    auto siteText = readText(*sitePath, 16 << 20);
    if (!siteText) {
        return fail(cmd, kExitBadInput, "--site: " + siteText.error().message);
    }
    core::BackupContent content{*siteText, std::nullopt};
    if (const auto retentionPath = args.value("retention")) {
        auto text = readText(*retentionPath, 1 << 20);
        if (!text) {
            return fail(cmd, kExitBadInput, "--retention: " + text.error().message);
        }
        auto policy = core::parseRetentionPolicyText(*text);
        if (!policy) {
            return fail(cmd, kExitBadInput,
                        "--retention " + *retentionPath + ":\n" + policy.error().message);
        }
        content.retention = *policy;
    }
    auto passphrase = readPassphrase(*passFile);
    if (!passphrase) {
        return fail(cmd, kExitBadInput, passphrase.error().message);
    }
    core::KeyFileProvider keys(*keyFile);
    auto key = keys.loadOrCreateKey();
    if (!key) {
        return fail(cmd, kExitBadInput, keys.describe() + ": " + key.error().message);
    }
    auto database = core::Database::open(*db, *key, core::OpenMode::ReadOnly);
    if (!database) {
        return fail(cmd, kExitBadInput, database.error().message);
    }

    core::BackupOptions options;
    options.actor = cliActor();
    options.nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    std::string path = out.value_or("");
    if (dir) {
        // The site id names the file; read it the way the backup will.
        path = (fs::path(*dir) / core::backupFileName(siteIdOf(*siteText), options.nowMs)).string();
    }
    // The backup is recorded in the database's hash-chained audit log (its own connection).
    auto audit = core::AuditLog::open(*db, *key, siteIdOf(*siteText));
    if (!audit) {
        return fail(cmd, kExitFailure, "the audit log cannot be opened: " + audit.error().message);
    }
    auto report =
        core::writeBackup(path, database->get(), content, *passphrase, options, audit->get());
    if (!report) {
        return fail(cmd, kExitFailure, report.error().message);
    }
    std::printf("backup written: %s (%llu bytes; site %s; %zu tables, %lld rows",
                report->path.c_str(), static_cast<unsigned long long>(report->sizeBytes),
                report->siteId.empty() ? "?" : report->siteId.c_str(), report->tables.size(),
                static_cast<long long>(report->rows));
    if (!report->absentTables.empty()) {
        std::printf("; not in this database:");
        for (const auto& t : report->absentTables) {
            std::printf(" %s", t.c_str());
        }
    }
    std::printf(")\n");
    if (dir && keep > 0) {
        auto removed = core::pruneBackups(*dir, report->siteId, keep);
        if (!removed) {
            return fail(cmd, kExitFailure, removed.error().message);
        }
        for (const auto& r : *removed) {
            std::printf("old backup removed: %s\n", r.c_str());
        }
    }
    std::printf(
        "keep a copy offline: copy it to removable media and store it away from the "
        "server (see deploy/systemd/vigie-backup.service)\n");
    return kExitOk;
}

int restore(const Args& args) {
    const char* cmd = "restore";
    const auto in = args.value("in");
    const auto passFile = args.value("passphrase-file");
    const auto db = args.value("db");
    const auto keyFile = args.value("key-file");
    const auto siteOut = args.value("site-out");
    if (!in || !passFile || !db || !keyFile || !siteOut) {
        return fail(cmd, kExitBadInput,
                    "--in, --passphrase-file, --db, --key-file and --site-out are required (see "
                    "vigie --help)");
    }
    const bool force = args.flag("force");
    std::error_code ec;
    for (const auto& target : {siteOut, args.value("retention-out")}) {
        if (target && fs::exists(*target, ec) && !force) {
            return fail(cmd, kExitBadInput,
                        *target + " exists: choose another path, or --force to replace it");
        }
        if (target) {
            const auto parent = fs::path(*target).parent_path();
            if (!parent.empty() && !fs::is_directory(parent, ec)) {
                return fail(cmd, kExitBadInput, "the directory of " + *target + " does not exist");
            }
        }
    }
    auto passphrase = readPassphrase(*passFile);
    if (!passphrase) {
        return fail(cmd, kExitBadInput, passphrase.error().message);
    }
    // Every check first: nothing is created before the whole backup is known to be good.
    auto archive = core::readBackup(*in, *passphrase);
    if (!archive) {
        return fail(cmd, kExitBadInput, archive.error().message);
    }

    const bool dbExisted = fs::exists(*db, ec);
    const bool keyExisted = fs::exists(*keyFile, ec);
    if (dbExisted && !keyExisted) {
        return fail(cmd, kExitBadInput, *db + " exists but its key file " + *keyFile + " does not");
    }
    const auto cleanUp = [&] {
        if (!dbExisted) {
            for (const char* suffix : {"", "-wal", "-shm"}) {
                fs::remove(*db + suffix, ec);
            }
        }
        if (!keyExisted) {
            fs::remove(*keyFile, ec);
        }
    };
    core::KeyFileProvider keys(*keyFile);
    auto key = keys.loadOrCreateKey();
    if (!key) {
        cleanUp();
        return fail(cmd, kExitBadInput, keys.describe() + ": " + key.error().message);
    }
    auto database = core::Database::open(*db, *key, core::OpenMode::ReadWriteCreate);
    if (!database) {
        cleanUp();
        return fail(cmd, kExitBadInput, database.error().message);
    }
    LogAuditSink audit;
    auto report = core::restoreBackup(
        *archive, **database, force ? core::RestoreMode::Force : core::RestoreMode::FreshOnly,
        &audit, cliActor());
    if (!report) {
        database->reset();
        cleanUp();
        return fail(cmd, kExitFailure, report.error().message);
    }
    if (auto s = core::writeFileAtomic(*siteOut, core::asBytes(archive->siteJson), 0640); !s) {
        return fail(cmd, kExitFailure,
                    "the database was restored, but the site file could not be written: " +
                        s.error().message);
    }
    std::printf(
        "restored %lld rows in %zu tables into %s; site configuration (%s) written to "
        "%s\n",
        static_cast<long long>(report->rows), report->tables.size(), db->c_str(),
        archive->siteId.empty() ? "?" : archive->siteId.c_str(), siteOut->c_str());
    if (archive->retention) {
        const std::string text = core::toJson(*archive->retention).dump(2) + "\n";
        if (const auto retentionOut = args.value("retention-out")) {
            if (auto s = core::writeFileAtomic(*retentionOut, core::asBytes(text), 0640); !s) {
                return fail(cmd, kExitFailure, s.error().message);
            }
            std::printf("retention settings written to %s\n", retentionOut->c_str());
        } else {
            std::printf("retention settings in the backup (use --retention-out to save them):\n%s",
                        text.c_str());
        }
    }
    return kExitOk;
}

#endif  // VIGIE_HAVE_SQLCIPHER

}  // namespace

int runBackup(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(
        argv, {"db", "key-file", "site", "passphrase-file", "out", "dir", "keep", "retention"}, {});
    if (!parsed) {
        return fail("backup", kExitBadInput, parsed.error().message);
    }
    if (!parsed->positionals().empty()) {
        return fail("backup", kExitBadInput,
                    "unexpected argument '" + parsed->positionals().front() + "'");
    }
#ifndef VIGIE_HAVE_SQLCIPHER
    return fail("backup", kExitFailure, "this build of Vigie has no encrypted store (SQLCipher)");
#else
    return backup(*parsed);
#endif
}

int runRestore(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(
        argv, {"in", "passphrase-file", "db", "key-file", "site-out", "retention-out"}, {"force"});
    if (!parsed) {
        return fail("restore", kExitBadInput, parsed.error().message);
    }
    if (!parsed->positionals().empty()) {
        return fail("restore", kExitBadInput,
                    "unexpected argument '" + parsed->positionals().front() + "'");
    }
#ifndef VIGIE_HAVE_SQLCIPHER
    return fail("restore", kExitFailure, "this build of Vigie has no encrypted store (SQLCipher)");
#else
    return restore(*parsed);
#endif
}

}  // namespace vigie::app
