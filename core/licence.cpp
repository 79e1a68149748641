#include "core/licence.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/alert_json.h"
#include "core/crypto_box.h"
#include "core/iso_time.h"
#include "core/json_reader.h"

namespace vigie::core {

using nlohmann::json;

namespace {

// The vendor's Ed25519 public key (generated for Vigie; the private key is kept offline by
// the vendor and is not in this repository).
constexpr std::string_view kVendorPublicKeyHex =
    "ececd166f3406a0a737894ac50fb38d880e65038cd4ed04286a2998b36870aa7";
constexpr std::string_view kSignaturePrefix = "VIGIE-LICENCE-V1\n";
constexpr int kDocumentVersion = 1;
constexpr std::size_t kMaxDocumentBytes = 64 * 1024;

void ensureSodium() {
    if (sodium_init() < 0) {
        std::abort();
    }
}

std::string base64(std::span<const std::uint8_t> bytes) {
    const std::size_t size =
        sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    std::string out(size, '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::vector<std::uint8_t>> fromBase64(const std::string& text) {
    std::vector<std::uint8_t> out(text.size());
    std::size_t len = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \r\n", &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        return std::nullopt;
    }
    out.resize(len);
    return out;
}

std::vector<std::uint8_t> signedMessage(std::string_view payload) {
    std::vector<std::uint8_t> message(kSignaturePrefix.size() + payload.size());
    std::memcpy(message.data(), kSignaturePrefix.data(), kSignaturePrefix.size());
    if (!payload.empty()) {
        std::memcpy(message.data() + kSignaturePrefix.size(), payload.data(), payload.size());
    }
    return message;
}

template <std::size_t N>
Result<std::array<std::uint8_t, N>> hexKey(std::string_view text, std::string_view what) {
    if (text.ends_with("\r\n")) {
        text.remove_suffix(2);
    } else if (text.ends_with('\n')) {
        text.remove_suffix(1);
    }
    std::array<std::uint8_t, N> bytes{};
    std::size_t len = 0;
    if (text.size() != N * 2 ||
        sodium_hex2bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &len,
                       nullptr) != 0 ||
        len != N) {
        return makeError(std::string(what) + ": expected " + std::to_string(N * 2) +
                         " hexadecimal characters");
    }
    return bytes;
}

Result<Licence> parsePayload(const std::string& payload) {
    const json j = json::parse(payload, nullptr, false);
    if (j.is_discarded()) {
        return makeError("the licence payload is not JSON");
    }
    JsonReader r;
    Licence l;
    const std::string p = "$";
    if (r.expectObject(
            j, p,
            {"licensee", "site_id", "streams", "not_before", "not_after", "issued_at", "serial"})) {
        r.readString(j, p, "licensee", l.licensee, true);
        r.readId(j, p, "site_id", l.siteId);
        r.readInt(j, p, "streams", l.streams, true, 1, kMaxLicensedStreams);
        r.readString(j, p, "serial", l.serial, true);
        for (const auto& [key, out] :
             {std::pair{"not_before", &l.notBeforeMs}, std::pair{"not_after", &l.notAfterMs},
              std::pair{"issued_at", &l.issuedAtMs}}) {
            std::string text;
            if (r.readString(j, p, key, text, true)) {
                auto ms = parseIsoTimeMs(text);
                if (ms) {
                    *out = *ms;
                } else {
                    r.error(JsonReader::child(p, key), ms.error().message);
                }
            }
        }
    }
    if (r.hasErrors()) {
        return makeError("the licence payload is malformed: " + formatIssues(r.issues()));
    }
    if (auto v = validateLicence(l); !v) {
        return makeError("the licence payload is malformed: " + v.error().message);
    }
    return l;
}

std::string dateText(std::int64_t ms) {
    return isoUtc(ms).substr(0, 10);
}

void countCameras(const Site& site, int licensed, LicenceStatus& status) {
    status.licensedStreams = licensed;
    for (const Camera& camera : site.cameras) {
        if (!camera.enabled) {
            continue;
        }
        ++status.enabledStreams;
        if (static_cast<int>(status.analysedCameraIds.size()) < licensed) {
            status.analysedCameraIds.push_back(camera.id);
        } else {
            status.unlicensedCameraIds.push_back(camera.id);
        }
    }
}

LicenceStatus invalidStatus(const Site& site, LicenceVerdict verdict, std::string reason,
                            std::optional<Licence> licence = std::nullopt) {
    LicenceStatus status;
    status.verdict = verdict;
    status.reason = std::move(reason) +
                    ". Recording and review of alerts go on; no camera is analysed until a valid "
                    "licence is installed";
    status.licence = std::move(licence);
    countCameras(site, 0, status);
    return status;
}

}  // namespace

LicenceSigningKey::~LicenceSigningKey() {
    sodium_memzero(bytes.data(), bytes.size());
}

LicencePublicKey vendorLicenceKey() {
    auto key = parseLicencePublicKey(kVendorPublicKeyHex);
    return key ? *key : LicencePublicKey{};
}

LicenceKeyPair generateLicenceKeyPair() {
    ensureSodium();
    LicenceKeyPair pair;
    crypto_sign_keypair(pair.publicKey.bytes.data(), pair.signingKey.bytes.data());
    return pair;
}

std::string licenceKeyToHex(const LicencePublicKey& key) {
    std::string hex(key.bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), key.bytes.data(), key.bytes.size());
    hex.resize(key.bytes.size() * 2);
    return hex;
}

Result<LicencePublicKey> parseLicencePublicKey(std::string_view hexText) {
    auto bytes = hexKey<LicencePublicKey::kSize>(hexText, "the licence public key");
    if (!bytes) {
        return bytes.error();
    }
    LicencePublicKey key;
    key.bytes = *bytes;
    return key;
}

std::string signingKeyToText(const LicenceSigningKey& key) {
    std::string hex(crypto_sign_SEEDBYTES * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), key.bytes.data(), crypto_sign_SEEDBYTES);
    hex.resize(crypto_sign_SEEDBYTES * 2);
    return hex + "\n";
}

Result<LicenceSigningKey> parseLicenceSigningKey(std::string_view text) {
    ensureSodium();
    auto seed = hexKey<crypto_sign_SEEDBYTES>(text, "the licence signing key");
    if (!seed) {
        return makeError(
            "the licence signing key file is malformed (expected the 32-byte "
            "Ed25519 seed as 64 hexadecimal characters)");
    }
    LicenceSigningKey key;
    LicencePublicKey unused;
    crypto_sign_seed_keypair(unused.bytes.data(), key.bytes.data(), seed->data());
    sodium_memzero(seed->data(), seed->size());
    return key;
}

Status validateLicence(const Licence& l) {
    std::vector<std::string> problems;
    if (l.licensee.empty() || l.licensee.size() > 256) {
        problems.push_back("licensee: 1 to 256 characters");
    }
    if (!JsonReader::isValidId(l.siteId)) {
        problems.push_back("site_id: 1 to 64 letters, digits, '_', '-' or '.'");
    }
    if (l.streams < 1 || l.streams > kMaxLicensedStreams) {
        problems.push_back("streams: 1 to " + std::to_string(kMaxLicensedStreams));
    }
    if (l.notAfterMs <= l.notBeforeMs) {
        problems.push_back("not_after must be after not_before");
    }
    if (l.serial.empty() || l.serial.size() > 64) {
        problems.push_back("serial: 1 to 64 characters");
    }
    if (problems.empty()) {
        return okStatus();
    }
    std::string message = "invalid licence:";
    for (const auto& p : problems) {
        message += " " + p + ";";
    }
    message.pop_back();
    return makeError(message);
}

Result<std::string> signLicence(const Licence& licence, const LicenceSigningKey& key) {
    ensureSodium();
    if (auto v = validateLicence(licence); !v) {
        return v.error();
    }
    const std::string payload = json{
        {"licensee", licence.licensee},
        {"site_id", licence.siteId},
        {"streams", licence.streams},
        {"not_before", isoUtc(licence.notBeforeMs)},
        {"not_after", isoUtc(licence.notAfterMs)},
        {"issued_at", isoUtc(licence.issuedAtMs)},
        {"serial", licence.serial}}.dump();
    const auto message = signedMessage(payload);
    std::array<std::uint8_t, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(),
                         key.bytes.data());
    return json{{"vigie_licence", kDocumentVersion},
                {"payload", base64(asBytes(payload))},
                {"signature", base64(signature)}}
               .dump(2) +
           "\n";
}

namespace {

// verifyLicence, also saying which kind of failure it was (Malformed or Tampered).
Result<Licence> verifyDocument(std::string_view documentText, const LicencePublicKey& key,
                               LicenceVerdict& failure) {
    ensureSodium();
    failure = LicenceVerdict::Malformed;
    if (documentText.size() > kMaxDocumentBytes) {
        return makeError("not a Vigie licence: the file is too large");
    }
    const json doc = json::parse(documentText, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.size() != 3 ||
        !doc.contains("vigie_licence") || !doc.contains("payload") || !doc.contains("signature") ||
        !doc["payload"].is_string() || !doc["signature"].is_string() ||
        !doc["vigie_licence"].is_number_integer()) {
        return makeError(
            "not a Vigie licence (expected a JSON object with vigie_licence, "
            "payload and signature)");
    }
    if (doc["vigie_licence"].get<int>() != kDocumentVersion) {
        return makeError("licence format version " + doc["vigie_licence"].dump() +
                         " is not known to this version of Vigie");
    }
    const auto payload = fromBase64(doc["payload"].get<std::string>());
    const auto signature = fromBase64(doc["signature"].get<std::string>());
    if (!payload || !signature || signature->size() != crypto_sign_BYTES) {
        return makeError("not a Vigie licence: its payload or signature is not valid base64");
    }
    const std::string payloadText(payload->begin(), payload->end());
    const auto message = signedMessage(payloadText);
    if (crypto_sign_verify_detached(signature->data(), message.data(), message.size(),
                                    key.bytes.data()) != 0) {
        failure = LicenceVerdict::Tampered;
        return makeError(
            "the licence signature does not verify: the licence was altered, or "
            "it was not issued for this product");
    }
    return parsePayload(payloadText);
}

}  // namespace

Result<Licence> verifyLicence(std::string_view documentText, const LicencePublicKey& key) {
    LicenceVerdict failure = LicenceVerdict::Invalid;
    return verifyDocument(documentText, key, failure);
}

LicenceStatus evaluateLicence(std::string_view documentText, const LicencePublicKey& key,
                              const Site& site, std::int64_t nowMs) {
    LicenceVerdict failure = LicenceVerdict::Invalid;
    auto licence = verifyDocument(documentText, key, failure);
    if (!licence) {
        return invalidStatus(site, failure, "invalid licence: " + licence.error().message);
    }
    const Licence& l = *licence;
    if (l.siteId != site.id) {
        return invalidStatus(site, LicenceVerdict::WrongSite,
                             "the licence " + l.serial + " was issued for site '" + l.siteId +
                                 "', not for this site ('" + site.id + "')",
                             l);
    }
    if (nowMs < l.notBeforeMs) {
        return invalidStatus(
            site, LicenceVerdict::NotYetValid,
            "the licence " + l.serial + " is valid from " + dateText(l.notBeforeMs) + " only", l);
    }
    if (nowMs >= l.notAfterMs) {
        return invalidStatus(site, LicenceVerdict::Expired,
                             "the licence " + l.serial + " expired on " + isoUtc(l.notAfterMs), l);
    }
    LicenceStatus status;
    status.valid = true;
    status.verdict = LicenceVerdict::Valid;
    status.licence = l;
    countCameras(site, l.streams, status);
    return status;
}

LicenceStatus evaluateLicence(std::string_view documentText, const Site& site, std::int64_t nowMs) {
    return evaluateLicence(documentText, vendorLicenceKey(), site, nowMs);
}

LicenceStatus noLicence(const Site& site) {
    return invalidStatus(site, LicenceVerdict::Missing, "no licence is installed");
}

Result<Licence> installLicence(std::string_view documentText, const std::string& path,
                               const LicencePublicKey& key, const Site* site, AuditSink* audit,
                               const std::string& actor, std::int64_t nowMs) {
    auto licence = verifyLicence(documentText, key);
    if (!licence) {
        return makeError("licence not installed (the current one is kept): " +
                         licence.error().message);
    }
    if (site != nullptr && licence->siteId != site->id) {
        return makeError(
            "licence not installed (the current one is kept): it was issued for "
            "site '" +
            licence->siteId + "', not for '" + site->id + "'");
    }
    std::string previousSerial;
    if (auto old = readFileBytes(path, kMaxDocumentBytes); old) {
        const std::string oldText(old->begin(), old->end());
        if (auto previous = verifyLicence(oldText, key); previous) {
            previousSerial = previous->serial;
        }
    }
    if (auto w = writeFileAtomic(path, asBytes(documentText), 0644); !w) {
        return makeError("licence not installed: " + w.error().message);
    }
    if (audit != nullptr) {
        AuditEvent event;
        event.timeMs = nowMs;
        event.actor = actor;
        event.action = "licence_change";
        event.target = path;
        event.detailsJson = json{{"serial", licence->serial},
                                 {"previous_serial", previousSerial},
                                 {"licensee", licence->licensee},
                                 {"site_id", licence->siteId},
                                 {"streams", licence->streams},
                                 {"not_before", isoUtc(licence->notBeforeMs)},
                                 {"not_after", isoUtc(licence->notAfterMs)}}
                                .dump();
        if (!audit->record(event)) {
            return makeError("the licence was installed at " + path +
                             ", but its audit event could not be recorded");
        }
    }
    return licence;
}

}  // namespace vigie::core
