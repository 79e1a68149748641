#pragma once
// Floating licences (Ex. 34, 69, 70): a licence grants a number of analysed video streams to
// one site for a period, signed by the vendor with Ed25519 (libsodium crypto_sign_detached).
//
// Policy:
// - An invalid, expired, missing or tampered licence NEVER stops recording, reviewing,
//   qualifying or exporting alerts already raised: the store and the UI keep working. It only
//   limits how many cameras are analysed — the licensed number while the licence is valid,
//   0 otherwise — and says why (LicenceStatus::reason).
// - Only ENABLED cameras count. Moving a licence to another camera is disabling one camera
//   and enabling another: no vendor action, no new file (floating).
// - When more cameras are enabled than licensed, the first ones in configuration order are
//   analysed and the last ones are reported (unlicensedCameraIds), never silently dropped.
// - Valid means: the signature verifies with the vendor key, the site id is the site's, and
//   not_before <= now < not_after (site clock).
//
// Licence file (JSON):
//   {"vigie_licence": 1, "payload": "<base64>", "signature": "<base64>"}
// payload: the exact bytes of a JSON object
//   {"licensee", "site_id", "streams", "not_before", "not_after", "issued_at", "serial"}
//   (times ISO 8601 UTC); signature: Ed25519 over "VIGIE-LICENCE-V1\n" + payload (the prefix
//   keeps a licence signature from being valid for anything else).
//
// Keys: only the vendor's PUBLIC key is compiled into the product (vendorLicenceKey()). The
// private key never ships and is never in the repository: it stays with the vendor, offline
// (`vigie licence keygen` / `vigie licence sign` run on the vendor's machine). Tests generate a
// key pair at run time and use the overloads that take the public key.
//
// Pure functions, any thread, except installLicence (writes a file; one caller at a time).
//
//   LicenceStatus s = evaluateLicence(fileText, site, nowMs);
//   engine.limitAnalysedCameras(s.analysedCameraIds);   // recording goes on regardless
//   if (!s.valid) { showBanner(s.reason); }

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit_sink.h"
#include "core/result.h"
#include "core/site.h"

namespace vigie::core {

struct Licence {
    std::string licensee;
    std::string siteId;
    int streams = 0;  // 1 or more
    std::int64_t notBeforeMs = 0;
    std::int64_t notAfterMs = 0;  // exclusive
    std::int64_t issuedAtMs = 0;
    std::string serial;
};

inline constexpr int kMaxLicensedStreams = 100'000;

struct LicencePublicKey {
    static constexpr std::size_t kSize = 32;
    std::array<std::uint8_t, kSize> bytes{};
};

// An Ed25519 secret key (libsodium layout: seed then public key), wiped on destruction.
struct LicenceSigningKey {
    static constexpr std::size_t kSize = 64;
    std::array<std::uint8_t, kSize> bytes{};

    LicenceSigningKey() = default;
    LicenceSigningKey(const LicenceSigningKey&) = default;
    LicenceSigningKey& operator=(const LicenceSigningKey&) = default;
    ~LicenceSigningKey();
};

struct LicenceKeyPair {
    LicencePublicKey publicKey;
    LicenceSigningKey signingKey;
};

// The product's vendor key.
LicencePublicKey vendorLicenceKey();
LicenceKeyPair generateLicenceKeyPair();
// Public key: 64 hex characters. Signing key file: the 32-byte seed as 64 hex characters
// and a newline (mode 0600, kept offline by the vendor).
std::string licenceKeyToHex(const LicencePublicKey& key);
Result<LicencePublicKey> parseLicencePublicKey(std::string_view hexText);
std::string signingKeyToText(const LicenceSigningKey& key);
Result<LicenceSigningKey> parseLicenceSigningKey(std::string_view text);

// Checks the fields a licence must have (signing refuses a licence that would never be valid).
Status validateLicence(const Licence& licence);
// The licence file text (vendor side).
Result<std::string> signLicence(const Licence& licence, const LicenceSigningKey& key);
// Checks the document and its signature and reads the payload; dates and site are not
// checked (evaluateLicence does).
Result<Licence> verifyLicence(std::string_view documentText, const LicencePublicKey& key);

enum class LicenceVerdict {
    Invalid = 0,
    Valid,
    Missing,      // no licence installed
    Malformed,    // not a licence document
    Tampered,     // the signature does not verify (altered, or another vendor key)
    WrongSite,    // issued for another site
    NotYetValid,  // before not_before
    Expired,      // at or after not_after
};

struct LicenceStatus {
    bool valid = false;
    LicenceVerdict verdict = LicenceVerdict::Invalid;
    std::string reason;              // empty when valid; a sentence for the operator otherwise
    std::optional<Licence> licence;  // when the signature verified
    int licensedStreams = 0;         // streams granted now: 0 unless valid
    int enabledStreams = 0;          // enabled cameras of the site
    std::vector<std::string> analysedCameraIds;    // config order, at most licensedStreams
    std::vector<std::string> unlicensedCameraIds;  // enabled beyond the licence (the last ones)
};

LicenceStatus evaluateLicence(std::string_view documentText, const LicencePublicKey& key,
                              const Site& site, std::int64_t nowMs);
// With the vendor key.
LicenceStatus evaluateLicence(std::string_view documentText, const Site& site, std::int64_t nowMs);
// No licence installed: nothing analysed, every enabled camera reported.
LicenceStatus noLicence(const Site& site);

// Verifies a new licence (signature, and site when given) and writes it to `path`
// atomically, recording a "licence_change" audit event (serial, streams, period, previous
// serial). A licence that does not verify is refused and the installed one is kept.
Result<Licence> installLicence(std::string_view documentText, const std::string& path,
                               const LicencePublicKey& key, const Site* site, AuditSink* audit,
                               const std::string& actor, std::int64_t nowMs);

}  // namespace vigie::core
