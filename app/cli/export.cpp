// `vigie export`: alerts (with their qualification), count samples and audit records to
// CSV / JSON / XLSX for statistics and automated access (Ex. 15), or the end-of-deployment
// bundle onto removable media (Ex. 16, 122), optionally encrypted with a passphrase; and
// `vigie export --decrypt` to read an encrypted export back. No prompt: everything comes
// from options and files, so that scripts and timers can run it.
//
//   vigie export --db DB --key-file K --out DIR [--format csv,json,xlsx] [--from ISO]
//       [--to ISO] [--camera ID] [--event NAME] [--bundle] [--encrypt-passphrase-file F]
//       [--site site.json] [--csv-bom] [--staging-dir DIR]
//   vigie export --decrypt FILE|BUNDLE_DIR --out DIR --passphrase-file F
//
// Exit codes: 0 done; 1 the export or decryption failed (target full, I/O, wrong passphrase,
// damaged file); 2 bad input (usage, database or key file missing, bad date, unknown format
// or event, target directory missing or not writable, passphrase file unreadable).
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/crypto_box.h"
#include "core/iso_time.h"
#include "core/log.h"
#include "core/model_manifest.h"
#include "core/site_config.h"

#ifdef VIGIE_HAVE_SQLCIPHER
#include "core/alert_store.h"
#include "core/audit_log.h"
#include "core/count_store.h"
#include "core/exporter.h"
#include "core/key_file.h"
#endif

namespace vigie::app {

namespace {

namespace fs = std::filesystem;

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "vigie export: %s\n", message.c_str());
    return code;
}

[[maybe_unused]] std::string cliActor() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) {
        return std::string("cli:") + pw->pw_name;
    }
    const char* user = std::getenv("USER");
    return std::string("cli:") + (user != nullptr ? user : "unknown");
}

// The passphrase: the whole file but one final line break. Never echoed, never logged.
core::Result<std::string> readPassphrase(const std::string& path) {
    auto bytes = core::readFileBytes(path, 4096);
    if (!bytes) {
        return core::makeError("cannot read the passphrase file: " + bytes.error().message);
    }
    std::string text(bytes->begin(), bytes->end());
    if (text.ends_with("\r\n")) {
        text.resize(text.size() - 2);
    } else if (text.ends_with('\n')) {
        text.pop_back();
    }
    if (text.empty()) {
        return core::makeError("the passphrase file " + path + " is empty");
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        core::logger("app")->warn(
            "the passphrase file {} can be read by group or others: "
            "chmod 600 it",
            path);
    }
    return text;
}

// Decrypts one sealed file of an export into `outDir`.
bool decryptOne(const fs::path& sealed, const fs::path& outDir, core::UnsealingKey& key) {
    std::string name = sealed.filename().string();
    name.resize(name.size() - 4);  // ".enc"
    const fs::path out = outDir / name;
    auto s = core::unsealFile(sealed.string(), out.string(), key);
    if (!s) {
        std::fprintf(stderr, "vigie export: %s\n", s.error().message.c_str());
        return false;
    }
    std::printf("%s\n", out.c_str());
    return true;
}

int decrypt(const Args& args) {
    const auto in = args.value("decrypt");
    const auto out = args.value("out");
    const auto passFile = args.value("passphrase-file");
    if (!in || !out || !passFile) {
        return fail(kExitBadInput,
                    "--decrypt needs --out <directory> and --passphrase-file <file>");
    }
    std::error_code ec;
    if (!fs::is_directory(*out, ec)) {
        return fail(kExitBadInput, "the output directory " + *out + " does not exist");
    }
    auto passphrase = readPassphrase(*passFile);
    if (!passphrase) {
        return fail(kExitBadInput, passphrase.error().message);
    }
    core::UnsealingKey key = core::UnsealingKey::fromPassphrase(*passphrase);
    if (!fs::is_directory(*in, ec)) {
        if (!fs::is_regular_file(*in, ec) || !in->ends_with(".enc")) {
            return fail(kExitBadInput, *in +
                                           " is neither an encrypted export file (.enc) nor a "
                                           "bundle directory");
        }
        return decryptOne(*in, *out, key) ? kExitOk : kExitFailure;
    }
    // A bundle: check the media against the manifest first, then decrypt every file.
    int failures = 0;
    const fs::path manifestPath = fs::path(*in) / "manifest.json";
    if (auto text = core::readFileBytes(manifestPath.string(), 16 << 20); text) {
        const auto manifest = nlohmann::json::parse(text->begin(), text->end(), nullptr, false);
        if (manifest.is_object() && manifest.contains("files") && manifest["files"].is_array()) {
            for (const auto& f : manifest["files"]) {
                const std::string name = f.value("name", "");
                auto hash = core::sha256File((fs::path(*in) / name).string());
                if (!hash || *hash != f.value("sha256", "")) {
                    std::fprintf(stderr,
                                 "vigie export: %s is missing or does not match the "
                                 "manifest's SHA-256\n",
                                 name.c_str());
                    ++failures;
                }
            }
            fs::copy_file(manifestPath, fs::path(*out) / "manifest.json",
                          fs::copy_options::overwrite_existing, ec);
        }
    } else {
        std::fprintf(stderr, "vigie export: no manifest.json in %s: files not checked\n",
                     in->c_str());
    }
    int decrypted = 0;
    for (const auto& entry : fs::directory_iterator(*in, ec)) {
        if (entry.path().extension() == ".enc") {
            failures += decryptOne(entry.path(), *out, key) ? 0 : 1;
            ++decrypted;
        }
    }
    if (decrypted == 0) {
        return fail(kExitBadInput, "no encrypted file (.enc) in " + *in);
    }
    return failures == 0 ? kExitOk : kExitFailure;
}

#ifdef VIGIE_HAVE_SQLCIPHER

int runExportCommand(const Args& args) {
    const auto db = args.value("db");
    const auto keyFile = args.value("key-file");
    const auto out = args.value("out");
    if (!db || !keyFile || !out) {
        return fail(kExitBadInput,
                    "--db <database>, --key-file <key file> and --out <directory> "
                    "are required (see vigie --help)");
    }
    std::error_code ec;
    if (!fs::is_regular_file(*db, ec)) {
        return fail(kExitBadInput, "database not found: " + *db);
    }
    if (!fs::exists(*keyFile, ec)) {
        return fail(kExitBadInput, "key file not found: " + *keyFile);
    }
    if (!fs::is_directory(*out, ec)) {
        return fail(kExitBadInput, "the export target " + *out +
                                       " does not exist or is not a directory (is the drive "
                                       "mounted?)");
    }

    core::ExportOptions options;
    options.layout = args.flag("bundle") ? core::ExportLayout::Bundle : core::ExportLayout::Files;
    if (const auto formats = args.value("format")) {
        if (options.layout == core::ExportLayout::Bundle) {
            return fail(kExitBadInput, "--bundle always writes every format: drop --format");
        }
        auto parsed = core::parseExportFormats(*formats);
        if (!parsed) {
            return fail(kExitBadInput, "--format: " + parsed.error().message);
        }
        options.formats = *parsed;
    }
    for (const char* bound : {"from", "to"}) {
        if (const auto text = args.value(bound)) {
            auto ms = core::parseIsoTimeMs(*text);
            if (!ms) {
                return fail(kExitBadInput, "--" + std::string(bound) + ": " + ms.error().message);
            }
            (std::string_view(bound) == "from" ? options.filter.fromMs : options.filter.toMs) = *ms;
        }
    }
    options.filter.cameraId = args.value("camera");
    if (const auto event = args.value("event")) {
        const auto type = core::eventTypeFromString(*event);
        if (!type) {
            return fail(kExitBadInput, "--event: unknown event '" + *event +
                                           "' (intrusion, line_crossing, wrong_way, "
                                           "crowd_movement, density, abandoned_object, weapon, "
                                           "person_on_ground, fire)");
        }
        options.filter.event = *type;
    }
    if (const auto sitePath = args.value("site")) {
        auto site = core::loadSite(*sitePath);
        if (!site) {
            return fail(kExitBadInput, "--site " + *sitePath + ":\n" + site.error().message);
        }
        options.siteId = site->id;
    }
    options.csvBom = args.flag("csv-bom") ? core::CsvBom::With : core::CsvBom::Without;
    options.stagingDir = args.valueOr("staging-dir", "");
    options.actor = cliActor();

    std::optional<core::SealingKey> sealing;
    if (const auto passFile = args.value("encrypt-passphrase-file")) {
        auto passphrase = readPassphrase(*passFile);
        if (!passphrase) {
            return fail(kExitBadInput, passphrase.error().message);
        }
        auto key = core::SealingKey::fromPassphrase(*passphrase);
        if (!key) {
            return fail(kExitBadInput, key.error().message);
        }
        sealing.emplace(std::move(*key));
        options.encryption = &*sealing;
    }

    core::KeyFileProvider keys(*keyFile);
    auto key = keys.loadOrCreateKey();
    if (!key) {
        return fail(kExitBadInput, keys.describe() + ": " + key.error().message);
    }
    auto alerts = core::AlertStore::open(*db, *key);
    if (!alerts) {
        return fail(kExitBadInput, alerts.error().message);
    }
    auto counts = core::CountStore::attach((*alerts)->database());
    if (!counts) {
        return fail(kExitFailure, counts.error().message);
    }
    // Every export is recorded in the database's hash-chained audit log; the site id is the
    // stored one unless --site names it (a database whose log was never started needs it).
    auto audit = core::AuditLog::open(*db, *key, options.siteId);
    if (!audit) {
        return fail(kExitFailure, "the audit log cannot be opened: " + audit.error().message +
                                      (options.siteId.empty() ? " (pass --site <site.json>)" : ""));
    }
    core::Exporter exporter({alerts->get(), counts->get(), {}}, audit->get());
    auto report = exporter.exportTo(*out, options);
    if (!report) {
        return fail(kExitFailure, report.error().message);
    }
    for (const auto& f : report->files) {
        std::printf("%s  %12llu  %s\n", f.sha256.c_str(),
                    static_cast<unsigned long long>(f.sizeBytes),
                    (fs::path(report->directory) / f.name).c_str());
    }
    std::printf("exported %lld alerts and %lld count samples to %s%s\n",
                static_cast<long long>(report->alerts),
                static_cast<long long>(report->countSamples), report->directory.c_str(),
                report->encrypted ? " (encrypted)" : "");
    std::printf(
        "audit records are not part of this export yet: `vigie audit list --json` "
        "exports them\n");
    return kExitOk;
}

#endif  // VIGIE_HAVE_SQLCIPHER

}  // namespace

int runExport(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(
        argv,
        {"db", "key-file", "out", "format", "from", "to", "camera", "event",
         "encrypt-passphrase-file", "site", "staging-dir", "decrypt", "passphrase-file"},
        {"bundle", "csv-bom"});
    if (!parsed) {
        return fail(kExitBadInput, parsed.error().message);
    }
    const Args& args = *parsed;
    if (!args.positionals().empty()) {
        return fail(kExitBadInput, "unexpected argument '" + args.positionals().front() + "'");
    }
    if (args.value("decrypt")) {
        return decrypt(args);
    }
#ifndef VIGIE_HAVE_SQLCIPHER
    return fail(kExitFailure, "this build of Vigie has no encrypted store (SQLCipher)");
#else
    return runExportCommand(args);
#endif
}

}  // namespace vigie::app
