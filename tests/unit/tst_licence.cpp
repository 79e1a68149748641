// Floating licences, with a key pair generated for the test (the vendor's private key is not
// in the repository): valid, expired, not yet valid, another site, a tampered payload or
// signature, another vendor key, malformed documents; streams counted on enabled cameras only,
// reassigned by enabling and disabling cameras, cameras beyond the licence reported; an
// invalid licence analyses nothing but says why; installing is verified and audited.
#include <sodium.h>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/crypto_box.h"
#include "core/iso_time.h"
#include "core/licence.h"

using namespace vigie::core;
using nlohmann::json;

// Evaluates its argument once (it is often a call with side effects).
#define VERIFY_OK(expr)                                                              \
    do {                                                                             \
        const auto& verifiedResult = (expr);                                         \
        QVERIFY2(verifiedResult.ok(),                                                \
                 verifiedResult.ok() ? "" : verifiedResult.error().message.c_str()); \
    } while (false)

namespace QTest {
template <>
inline char* toString(const vigie::core::LicenceVerdict& v) {
    return qstrdup(QByteArray::number(static_cast<int>(v)).constData());
}
}  // namespace QTest

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
const std::int64_t kNotBefore = parseIsoTimeMs("2026-01-01").value();
const std::int64_t kNotAfter = parseIsoTimeMs("2027-01-01").value();
const std::int64_t kNow = parseIsoTimeMs("2026-06-15T12:00:00Z").value();

Licence makeLicence(int streams = 3) {
    Licence l;
    l.licensee = "Préfecture de police";
    l.siteId = "gare-nord";
    l.streams = streams;
    l.notBeforeMs = kNotBefore;
    l.notAfterMs = kNotAfter;
    l.issuedAtMs = kNotBefore - kDayMs;
    l.serial = "VG-2026-0001";
    return l;
}

// Cameras c1…c6 in configuration order; `disabled` lists those switched off.
Site makeSite(const std::vector<std::string>& disabled = {}) {
    Site site;
    site.id = "gare-nord";
    for (int i = 1; i <= 6; ++i) {
        Camera c;
        c.id = "c" + std::to_string(i);
        c.enabled = std::find(disabled.begin(), disabled.end(), c.id) == disabled.end();
        site.cameras.push_back(c);
    }
    return site;
}

std::vector<std::string> ids(std::initializer_list<const char*> list) {
    return std::vector<std::string>(list.begin(), list.end());
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string base64(const std::string& bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string unbase64(const std::string& text) {
    std::string out(text.size(), '\0');
    std::size_t len = 0;
    sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                      text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL);
    out.resize(len);
    return out;
}

struct RecordingAudit final : AuditSink {
    std::vector<AuditEvent> events;
    bool record(const AuditEvent& event) override {
        events.push_back(event);
        return true;
    }
};

}  // namespace

class TestLicence : public QObject {
    Q_OBJECT

private:
    LicenceKeyPair m_keys = generateLicenceKeyPair();

    std::string signedText(const Licence& l) {
        auto text = signLicence(l, m_keys.signingKey);
        return text ? *text : std::string();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void verdicts_data() {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("site");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("reason");
        QTest::newRow("valid") << qint64(kNow) << "gare-nord" << int(LicenceVerdict::Valid) << "";
        QTest::newRow("first valid ms")
            << qint64(kNotBefore) << "gare-nord" << int(LicenceVerdict::Valid) << "";
        QTest::newRow("one ms before")
            << qint64(kNotBefore - 1) << "gare-nord" << int(LicenceVerdict::NotYetValid)
            << "valid from 2026-01-01";
        QTest::newRow("expired at not_after")
            << qint64(kNotAfter) << "gare-nord" << int(LicenceVerdict::Expired)
            << "expired on 2027-01-01";
        QTest::newRow("long expired") << qint64(kNotAfter + 400 * kDayMs) << "gare-nord"
                                      << int(LicenceVerdict::Expired) << "expired";
        QTest::newRow("another site")
            << qint64(kNow) << "gare-est" << int(LicenceVerdict::WrongSite) << "'gare-nord'";
    }
    void verdicts() {
        QFETCH(qint64, now);
        QFETCH(QString, site);
        QFETCH(int, verdict);
        QFETCH(QString, reason);
        Site s = makeSite();
        s.id = site.toStdString();
        const LicenceStatus status =
            evaluateLicence(signedText(makeLicence()), m_keys.publicKey, s, now);
        QCOMPARE(status.verdict, static_cast<LicenceVerdict>(verdict));
        QCOMPARE(status.valid, verdict == int(LicenceVerdict::Valid));
        QVERIFY(status.licence.has_value());  // signature fine in every row
        if (status.valid) {
            QVERIFY(status.reason.empty());
            QCOMPARE(status.licensedStreams, 3);
            QCOMPARE(status.analysedCameraIds, ids({"c1", "c2", "c3"}));
        } else {
            QVERIFY2(contains(status.reason, reason.toStdString()), status.reason.c_str());
            // Policy: never stops recording, only analysis.
            QVERIFY2(contains(status.reason, "Recording and review of alerts go on"),
                     status.reason.c_str());
            QCOMPARE(status.licensedStreams, 0);
            QVERIFY(status.analysedCameraIds.empty());
            QCOMPARE(status.unlicensedCameraIds.size(), std::size_t(6));
        }
    }

    void tamperingIsDetected_data() {
        QTest::addColumn<QString>("how");
        QTest::newRow("more streams in the payload") << "payload";
        QTest::newRow("later expiry in the payload") << "expiry";
        QTest::newRow("flipped signature bit") << "signature";
        QTest::newRow("signature of another licence") << "swap";
        QTest::newRow("another vendor key") << "key";
        QTest::newRow("the product's real vendor key") << "vendor";
    }
    void tamperingIsDetected() {
        QFETCH(QString, how);
        const std::string text = signedText(makeLicence(2));
        json doc = json::parse(text);
        LicencePublicKey key = m_keys.publicKey;
        if (how == "payload" || how == "expiry") {
            json payload = json::parse(unbase64(doc["payload"].get<std::string>()));
            if (how == "payload") {
                payload["streams"] = 200;
            } else {
                payload["not_after"] = "2099-01-01T00:00:00.000Z";
            }
            doc["payload"] = base64(payload.dump());
        } else if (how == "signature") {
            std::string sig = unbase64(doc["signature"].get<std::string>());
            sig[10] = char(sig[10] ^ 0x01);
            doc["signature"] = base64(sig);
        } else if (how == "swap") {
            Licence other = makeLicence(2);
            other.serial = "VG-2026-0002";
            doc["signature"] = json::parse(signedText(other))["signature"];
        } else if (how == "key") {
            key = generateLicenceKeyPair().publicKey;
        } else {
            key = vendorLicenceKey();
        }
        const LicenceStatus status = evaluateLicence(doc.dump(), key, makeSite(), kNow);
        QVERIFY(!status.valid);
        QCOMPARE(status.verdict, LicenceVerdict::Tampered);
        QVERIFY2(contains(status.reason, "signature does not verify"), status.reason.c_str());
        QVERIFY(!status.licence.has_value());
        QVERIFY(status.analysedCameraIds.empty());
        QCOMPARE(status.enabledStreams, 6);
    }

    void malformedDocuments_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("not JSON") << "licence: 12 cameras";
        QTest::newRow("array") << "[]";
        QTest::newRow("missing signature") << R"({"vigie_licence": 1, "payload": "e30="})";
        QTest::newRow("extra key")
            << R"({"vigie_licence": 1, "payload": "e30=", "signature": "AA==", "x": 1})";
        QTest::newRow("future format")
            << R"({"vigie_licence": 2, "payload": "e30=", "signature": "AA=="})";
        QTest::newRow("not base64")
            << R"({"vigie_licence": 1, "payload": "***", "signature": "***"})";
    }
    void malformedDocuments() {
        QFETCH(QString, text);
        const LicenceStatus status =
            evaluateLicence(text.toStdString(), m_keys.publicKey, makeSite(), kNow);
        QVERIFY(!status.valid);
        QCOMPARE(status.verdict, LicenceVerdict::Malformed);
        QVERIFY(!status.reason.empty());
        QVERIFY(status.analysedCameraIds.empty());
    }

    void aSignedButMalformedPayloadIsRefused() {
        // Even with a good signature, unknown keys and missing fields are refused.
        const std::string payload = R"({"licensee":"x","site_id":"gare-nord","streams":2})";
        const std::string message = "VIGIE-LICENCE-V1\n" + payload;
        unsigned char sig[crypto_sign_BYTES];
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                             message.size(), m_keys.signingKey.bytes.data());
        const std::string doc =
            json{{"vigie_licence", 1},
                 {"payload", base64(payload)},
                 {"signature", base64(std::string(reinterpret_cast<char*>(sig), sizeof sig))}}
                .dump();
        auto r = verifyLicence(doc, m_keys.publicKey);
        QVERIFY(!r.ok());
        QVERIFY2(
            contains(r.error().message, "not_after") && contains(r.error().message, "required"),
            r.error().message.c_str());
    }

    void onlyEnabledCamerasCount_data() {
        QTest::addColumn<int>("streams");
        QTest::addColumn<QStringList>("disabled");
        QTest::addColumn<QStringList>("analysed");
        QTest::addColumn<QStringList>("unlicensed");
        QTest::newRow("enough for all enabled")
            << 4 << QStringList{"c2", "c5"} << QStringList{"c1", "c3", "c4", "c6"} << QStringList{};
        QTest::newRow("disabled cameras do not use the licence")
            << 2 << QStringList{"c1", "c2", "c3", "c4"} << QStringList{"c5", "c6"} << QStringList{};
        QTest::newRow("the last enabled ones are over the licence")
            << 3 << QStringList{"c2"} << QStringList{"c1", "c3", "c4"} << QStringList{"c5", "c6"};
        QTest::newRow("more licence than cameras")
            << 50 << QStringList{} << QStringList{"c1", "c2", "c3", "c4", "c5", "c6"}
            << QStringList{};
    }
    void onlyEnabledCamerasCount() {
        QFETCH(int, streams);
        QFETCH(QStringList, disabled);
        QFETCH(QStringList, analysed);
        QFETCH(QStringList, unlicensed);
        std::vector<std::string> off;
        for (const QString& id : disabled) {
            off.push_back(id.toStdString());
        }
        const LicenceStatus status = evaluateLicence(signedText(makeLicence(streams)),
                                                     m_keys.publicKey, makeSite(off), kNow);
        QVERIFY(status.valid);
        QCOMPARE(status.licensedStreams, streams);
        QCOMPARE(status.enabledStreams, int(6 - disabled.size()));
        QStringList gotAnalysed;
        QStringList gotUnlicensed;
        for (const auto& id : status.analysedCameraIds) {
            gotAnalysed << QString::fromStdString(id);
        }
        for (const auto& id : status.unlicensedCameraIds) {
            gotUnlicensed << QString::fromStdString(id);
        }
        QCOMPARE(gotAnalysed, analysed);
        QCOMPARE(gotUnlicensed, unlicensed);
    }

    void reassignmentNeedsNoNewLicence() {
        // Two streams on c1 and c2; the operator moves one to c5 by disabling c2 and enabling
        // c5 (c3, c4, c6 stay off). Same file, no vendor action.
        const std::string text = signedText(makeLicence(2));
        const LicenceStatus before =
            evaluateLicence(text, m_keys.publicKey, makeSite({"c3", "c4", "c5", "c6"}), kNow);
        const LicenceStatus after =
            evaluateLicence(text, m_keys.publicKey, makeSite({"c2", "c3", "c4", "c6"}), kNow);
        QVERIFY(before.valid && after.valid);
        QCOMPARE(before.analysedCameraIds, ids({"c1", "c2"}));
        QCOMPARE(after.analysedCameraIds, ids({"c1", "c5"}));
        QVERIFY(after.unlicensedCameraIds.empty());
        QCOMPARE(after.licensedStreams, before.licensedStreams);
    }

    void noLicenceAnalysesNothing() {
        const LicenceStatus status = noLicence(makeSite({"c6"}));
        QVERIFY(!status.valid);
        QCOMPARE(status.verdict, LicenceVerdict::Missing);
        QCOMPARE(status.enabledStreams, 5);
        QVERIFY(status.analysedCameraIds.empty());
        QCOMPARE(status.unlicensedCameraIds, ids({"c1", "c2", "c3", "c4", "c5"}));
    }

    void signingRefusesUselessLicences_data() {
        QTest::addColumn<int>("field");
        QTest::newRow("no streams") << 0;
        QTest::newRow("ends before it starts") << 1;
        QTest::newRow("no licensee") << 2;
        QTest::newRow("bad site id") << 3;
        QTest::newRow("no serial") << 4;
    }
    void signingRefusesUselessLicences() {
        QFETCH(int, field);
        Licence l = makeLicence();
        switch (field) {
            case 0:
                l.streams = 0;
                break;
            case 1:
                l.notAfterMs = l.notBeforeMs;
                break;
            case 2:
                l.licensee.clear();
                break;
            case 3:
                l.siteId = "gare nord/1";
                break;
            default:
                l.serial.clear();
                break;
        }
        QVERIFY(!signLicence(l, m_keys.signingKey).ok());
    }

    void keysRoundTrip() {
        const std::string seed = signingKeyToText(m_keys.signingKey);
        QCOMPARE(seed.size(), std::size_t(65));
        auto back = parseLicenceSigningKey(seed);
        VERIFY_OK(back);
        QVERIFY(back->bytes == m_keys.signingKey.bytes);
        auto pub = parseLicencePublicKey(licenceKeyToHex(m_keys.publicKey));
        VERIFY_OK(pub);
        QVERIFY(pub->bytes == m_keys.publicKey.bytes);
        QVERIFY(!parseLicenceSigningKey("not a key").ok());
        // The compiled-in vendor key is a real key, not zeros.
        const LicencePublicKey vendor = vendorLicenceKey();
        QVERIFY(vendor.bytes != LicencePublicKey{}.bytes);
        // A licence signed with a re-read signing key verifies.
        auto text = signLicence(makeLicence(), *back);
        VERIFY_OK(text);
        VERIFY_OK(verifyLicence(*text, m_keys.publicKey));
    }

    void installIsVerifiedAndAudited() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("licence.json").toStdString();
        RecordingAudit audit;
        const Site site = makeSite();
        auto first = installLicence(signedText(makeLicence(2)), path, m_keys.publicKey, &site,
                                    &audit, "cli:root", kNow);
        VERIFY_OK(first);
        Licence renewal = makeLicence(8);
        renewal.serial = "VG-2026-0042";
        auto second = installLicence(signedText(renewal), path, m_keys.publicKey, &site, &audit,
                                     "cli:root", kNow);
        VERIFY_OK(second);
        QCOMPARE(audit.events.size(), std::size_t(2));
        QCOMPARE(audit.events[1].action, std::string("licence_change"));
        const json details = json::parse(audit.events[1].detailsJson);
        QCOMPARE(details["serial"].get<std::string>(), std::string("VG-2026-0042"));
        QCOMPARE(details["previous_serial"].get<std::string>(), std::string("VG-2026-0001"));
        QCOMPARE(details["streams"].get<int>(), 8);

        // A tampered or foreign licence is refused and the installed one stays.
        json doc = json::parse(signedText(makeLicence(100)));
        doc["payload"] = json::parse(signedText(makeLicence(2)))["payload"];
        auto refused = installLicence(doc.dump(), path, generateLicenceKeyPair().publicKey, &site,
                                      &audit, "cli:root", kNow);
        QVERIFY(!refused.ok());
        Site other = makeSite();
        other.id = "gare-est";
        QVERIFY(!installLicence(signedText(makeLicence()), path, m_keys.publicKey, &other, &audit,
                                "cli:root", kNow)
                     .ok());
        QCOMPARE(audit.events.size(), std::size_t(2));
        auto installed = readFileBytes(path);
        VERIFY_OK(installed);
        const LicenceStatus status = evaluateLicence(
            std::string(installed->begin(), installed->end()), m_keys.publicKey, site, kNow);
        QVERIFY(status.valid);
        QCOMPARE(status.licensedStreams, 8);  // granted; only the 6 enabled cameras use them
        QCOMPARE(status.analysedCameraIds.size(), std::size_t(6));
    }
};

QTEST_GUILESS_MAIN(TestLicence)
#include "tst_licence.moc"
