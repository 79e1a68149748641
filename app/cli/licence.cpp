// `vigie licence`: read, check and install floating licences on a site (Ex. 34, 69, 70), and
// the vendor-side commands that make them. The vendor's private key never ships with the
// product and is never on a site server: `keygen` and `sign` run on the vendor's offline
// signing machine, which keeps the key file (mode 0600); the product only holds the public key.
//
//   vigie licence show FILE [--site site.json] [--public-key-file F]
//   vigie licence verify FILE [--site site.json] [--public-key-file F] [--now ISO]
//   vigie licence install FILE --to PATH [--site site.json] [--public-key-file F]
//   vendor side:
//   vigie licence keygen --private-key-out F --public-key-out F
//   vigie licence sign --private-key-file F --licensee NAME --site-id ID --streams N
//       --not-before ISO --not-after ISO [--serial S] [--out FILE]
//
// Exit codes: 0 done (verify: the licence is valid); 1 verify: the licence is not valid, or a
// file could not be written; 2 bad input (usage, unreadable file, bad date, bad key).
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/alert.h"
#include "core/alert_json.h"
#include "core/crypto_box.h"
#include "core/iso_time.h"
#include "core/licence.h"
#include "core/log.h"
#include "core/site_config.h"

namespace vigie::app {

namespace {

namespace fs = std::filesystem;

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "vigie licence: %s\n", message.c_str());
    return code;
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

[[maybe_unused]] std::string cliActor() {
    if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) {
        return std::string("cli:") + pw->pw_name;
    }
    const char* user = std::getenv("USER");
    return std::string("cli:") + (user != nullptr ? user : "unknown");
}

core::Result<std::string> readText(const std::string& path) {
    auto bytes = core::readFileBytes(path, 1 << 20);
    if (!bytes) {
        return bytes.error();
    }
    return std::string(bytes->begin(), bytes->end());
}

core::Result<core::LicencePublicKey> publicKey(const Args& args) {
    const auto file = args.value("public-key-file");
    if (!file) {
        return core::vendorLicenceKey();
    }
    auto text = readText(*file);
    if (!text) {
        return text.error();
    }
    return core::parseLicencePublicKey(*text);
}

// Until the CLI writes into the hash-chained audit log, its records go to the application
// log (logger "audit"), which the administrator reads.
class LogAuditSink final : public core::AuditSink {
public:
    bool record(const core::AuditEvent& e) override {
        core::logger("audit")->info("{} {} {} {}", e.actor, e.action, e.target, e.detailsJson);
        return true;
    }
};

void printLicence(const core::Licence& l) {
    std::printf("licensee:   %s\n", l.licensee.c_str());
    std::printf("site:       %s\n", l.siteId.c_str());
    std::printf("streams:    %d\n", l.streams);
    std::printf("valid:      from %s to %s (exclusive)\n", core::isoUtc(l.notBeforeMs).c_str(),
                core::isoUtc(l.notAfterMs).c_str());
    std::printf("issued:     %s\n", core::isoUtc(l.issuedAtMs).c_str());
    std::printf("serial:     %s\n", l.serial.c_str());
}

void printStatus(const core::LicenceStatus& s) {
    std::printf("status:     %s\n", s.valid ? "valid" : s.reason.c_str());
    std::printf("cameras:    %d enabled, %zu analysed\n", s.enabledStreams,
                s.analysedCameraIds.size());
    if (!s.unlicensedCameraIds.empty()) {
        std::printf("not analysed (beyond the licence):");
        for (const auto& id : s.unlicensedCameraIds) {
            std::printf(" %s", id.c_str());
        }
        std::printf("\n");
    }
}

int showOrVerify(const Args& args, bool verify) {
    if (args.positionals().size() != 2) {
        return fail(kExitBadInput,
                    std::string(verify ? "verify" : "show") + " needs the licence file");
    }
    auto text = readText(args.positionals()[1]);
    if (!text) {
        return fail(kExitBadInput, text.error().message);
    }
    auto key = publicKey(args);
    if (!key) {
        return fail(kExitBadInput, key.error().message);
    }
    std::int64_t now = nowMs();
    if (const auto at = args.value("now")) {
        auto ms = core::parseIsoTimeMs(*at);
        if (!ms) {
            return fail(kExitBadInput, "--now: " + ms.error().message);
        }
        now = *ms;
    }
    auto licence = core::verifyLicence(*text, *key);
    if (licence) {
        printLicence(*licence);
    }
    if (const auto sitePath = args.value("site")) {
        auto site = core::loadSite(*sitePath);
        if (!site) {
            return fail(kExitBadInput, "--site " + *sitePath + ":\n" + site.error().message);
        }
        const core::LicenceStatus status = core::evaluateLicence(*text, *key, *site, now);
        printStatus(status);
        return !verify || status.valid ? kExitOk : kExitFailure;
    }
    // Without a site: signature and dates only.
    if (!licence) {
        std::printf("status:     invalid licence: %s\n", licence.error().message.c_str());
        return verify ? kExitFailure : kExitOk;
    }
    const bool current = licence->notBeforeMs <= now && now < licence->notAfterMs;
    std::printf(
        "status:     %s (signature verified; add --site to check the site and count "
        "the cameras)\n",
        current ? "valid" : (now < licence->notBeforeMs ? "not valid yet" : "expired"));
    return !verify || current ? kExitOk : kExitFailure;
}

int install(const Args& args) {
    const auto to = args.value("to");
    if (args.positionals().size() != 2 || !to) {
        return fail(kExitBadInput, "install needs the licence file and --to <installed path>");
    }
    auto text = readText(args.positionals()[1]);
    if (!text) {
        return fail(kExitBadInput, text.error().message);
    }
    auto key = publicKey(args);
    if (!key) {
        return fail(kExitBadInput, key.error().message);
    }
    std::optional<core::Site> site;
    if (const auto sitePath = args.value("site")) {
        auto loaded = core::loadSite(*sitePath);
        if (!loaded) {
            return fail(kExitBadInput, "--site " + *sitePath + ":\n" + loaded.error().message);
        }
        site = std::move(*loaded);
    }
    LogAuditSink audit;
    auto installed = core::installLicence(*text, *to, *key, site ? &*site : nullptr, &audit,
                                          cliActor(), nowMs());
    if (!installed) {
        return fail(kExitFailure, installed.error().message);
    }
    std::printf("licence %s installed at %s\n", installed->serial.c_str(), to->c_str());
    printLicence(*installed);
    return kExitOk;
}

int keygen(const Args& args) {
    const auto privateOut = args.value("private-key-out");
    const auto publicOut = args.value("public-key-out");
    if (!privateOut || !publicOut) {
        return fail(kExitBadInput, "keygen needs --private-key-out F and --public-key-out F");
    }
    std::error_code ec;
    if (fs::exists(*privateOut, ec)) {
        return fail(kExitBadInput, *privateOut + " exists: a signing key is never overwritten");
    }
    const core::LicenceKeyPair pair = core::generateLicenceKeyPair();
    std::string secret = core::signingKeyToText(pair.signingKey);
    const auto written = core::writeFileAtomic(*privateOut, core::asBytes(secret), 0600);
    core::wipeString(secret);
    if (!written) {
        return fail(kExitFailure, written.error().message);
    }
    const std::string pub = core::licenceKeyToHex(pair.publicKey) + "\n";
    if (auto s = core::writeFileAtomic(*publicOut, core::asBytes(pub), 0644); !s) {
        return fail(kExitFailure, s.error().message);
    }
    std::printf("public key (compile it into the product, core/licence.cpp): %s", pub.c_str());
    std::printf("private key: %s — keep it offline, never in a repository or on a site\n",
                privateOut->c_str());
    return kExitOk;
}

int sign(const Args& args) {
    const auto keyFile = args.value("private-key-file");
    if (!keyFile) {
        return fail(kExitBadInput, "sign needs --private-key-file F (vendor side)");
    }
    for (const char* required : {"licensee", "site-id", "streams", "not-before", "not-after"}) {
        if (!args.value(required)) {
            return fail(kExitBadInput, std::string("sign needs --") + required);
        }
    }
    auto keyText = readText(*keyFile);
    if (!keyText) {
        return fail(kExitBadInput, keyText.error().message);
    }
    auto key = core::parseLicenceSigningKey(*keyText);
    core::wipeString(*keyText);
    if (!key) {
        return fail(kExitBadInput, key.error().message);
    }
    core::Licence l;
    l.licensee = *args.value("licensee");
    l.siteId = *args.value("site-id");
    auto streams = args.number("streams", 0);
    if (!streams || *streams != static_cast<int>(*streams)) {
        return fail(kExitBadInput, "--streams expects a whole number");
    }
    l.streams = static_cast<int>(*streams);
    for (const auto& [option, out] :
         {std::pair{"not-before", &l.notBeforeMs}, std::pair{"not-after", &l.notAfterMs}}) {
        auto ms = core::parseIsoTimeMs(*args.value(option));
        if (!ms) {
            return fail(kExitBadInput, std::string("--") + option + ": " + ms.error().message);
        }
        *out = *ms;
    }
    l.issuedAtMs = nowMs();
    if (const auto serial = args.value("serial")) {
        l.serial = *serial;
    } else {
        l.serial = "VG-" + core::makeUid().substr(0, 16);
    }
    auto document = core::signLicence(l, *key);
    if (!document) {
        return fail(kExitBadInput, document.error().message);
    }
    if (const auto out = args.value("out")) {
        if (auto s = core::writeFileAtomic(*out, core::asBytes(*document), 0644); !s) {
            return fail(kExitFailure, s.error().message);
        }
        std::printf("licence %s written to %s\n", l.serial.c_str(), out->c_str());
    } else {
        std::fputs(document->c_str(), stdout);
    }
    return kExitOk;
}

}  // namespace

int runLicence(const std::vector<std::string>& argv) {
    auto parsed = Args::parse(argv,
                              {"site", "public-key-file", "now", "to", "private-key-out",
                               "public-key-out", "private-key-file", "licensee", "site-id",
                               "streams", "not-before", "not-after", "serial", "out"},
                              {});
    if (!parsed) {
        return fail(kExitBadInput, parsed.error().message);
    }
    const Args& args = *parsed;
    const std::string action = args.positionals().empty() ? "" : args.positionals()[0];
    if (action == "show" || action == "verify") {
        return showOrVerify(args, action == "verify");
    }
    if (action == "install") {
        return install(args);
    }
    if (action == "keygen") {
        return keygen(args);
    }
    if (action == "sign") {
        return sign(args);
    }
    return fail(kExitBadInput, "expected one of: show, verify, install, keygen, sign");
}

}  // namespace vigie::app
