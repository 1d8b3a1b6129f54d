// Signer behaviours beyond the suites: S3 rules, unsigned payloads, re-signing, presign limits,
// the key cache, and that nothing secret comes out.
#include "crypto/Hex.h"
#include "sigv4/AmzDate.h"
#include "sigv4/Signer.h"
#include "sigv4/SigningKey.h"

#include <QtTest>

using namespace cumulus;

namespace {

const std::string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const std::string Token = "FQoGZXIvYXdzEXAMPLEtokenValue//abc+def==";

sigv4::SigningParams params(const std::string &service = "service")
{
    sigv4::SigningParams p;
    p.credentials.accessKeyId = "AKIDEXAMPLE";
    p.credentials.secretAccessKey = Secret;
    p.region = "us-east-1";
    p.service = service;
    p.time = *sigv4::parseAmzDate("20150830T123600Z");
    return p;
}

sigv4::SignableRequest request(const std::string &url, std::vector<sigv4::Header> headers = {},
                               std::string body = {})
{
    return *sigv4::SignableRequest::fromUrl("PUT", url, std::move(headers), std::move(body));
}

int count(const std::vector<sigv4::Header> &headers, const std::string &lowercaseName)
{
    return int(std::count_if(headers.begin(), headers.end(), [&](const sigv4::Header &h) {
        return QByteArray::fromStdString(h.name).toLower().toStdString() == lowercaseName;
    }));
}

std::string value(const std::vector<sigv4::Header> &headers, const std::string &lowercaseName)
{
    for (const auto &h : headers) {
        if (QByteArray::fromStdString(h.name).toLower().toStdString() == lowercaseName)
            return h.value;
    }
    return {};
}

} // namespace

class TestSigner : public QObject {
    Q_OBJECT

private slots:
    void signingKeyMatchesTheDocumentedExample()
    {
        // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
        QCOMPARE(crypto::toHex(sigv4::deriveSigningKey(Secret, "20120215", "us-east-1", "iam")),
                 std::string("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
    }

    void s3SignsThePathAsSentWithAContentHash()
    {
        sigv4::SigningParams p = params("s3");
        p.useS3Rules(false);
        const auto result = sigv4::Signer().sign(
            request("https://b.s3.amazonaws.com//my%20key//a/../b", {}, "hello"), p);
        QVERIFY(result);
        QVERIFY(result->canonicalRequest.rfind("PUT\n//my%20key//a/../b\n", 0) == 0);
        const std::string helloHash =
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
        QCOMPARE(value(result->headers, "x-amz-content-sha256"), helloHash);
        QVERIFY(result->signedHeaders.find("x-amz-content-sha256") != std::string::npos);
        QVERIFY(result->canonicalRequest.size() > helloHash.size());
        QCOMPARE(result->canonicalRequest.substr(result->canonicalRequest.size() - 64), helloHash);
    }

    void otherServicesNormalizeAndEncodeTwice()
    {
        const auto result =
            sigv4::Signer().sign(request("https://x.amazonaws.com//a/./b/../c%3Ad"), params());
        QVERIFY(result);
        QVERIFY(result->canonicalRequest.rfind("PUT\n/a/c%253Ad\n", 0) == 0);
        QCOMPARE(count(result->headers, "x-amz-content-sha256"), 0);
    }

    void unsignedPayload()
    {
        sigv4::SigningParams p = params("s3");
        p.useS3Rules(false);
        p.unsignedPayload = true;
        const auto result =
            sigv4::Signer().sign(request("https://b.s3.amazonaws.com/k", {}, "big body"), p);
        QVERIFY(result);
        QCOMPARE(value(result->headers, "x-amz-content-sha256"), std::string("UNSIGNED-PAYLOAD"));
        QVERIFY(result->canonicalRequest.size() > 16);
        QCOMPARE(result->canonicalRequest.substr(result->canonicalRequest.size() - 16),
                 std::string("UNSIGNED-PAYLOAD"));
    }

    void staleSigningHeadersAreReplaced()
    {
        sigv4::SigningParams p = params();
        p.credentials.sessionToken = Token;
        const auto result = sigv4::Signer().sign(request("https://x.amazonaws.com/",
                                                         {{"authorization", "old"},
                                                          {"X-AMZ-DATE", "19990101T000000Z"},
                                                          {"x-amz-security-token", "old-token"}}),
                                                 p);
        QVERIFY(result);
        QCOMPARE(count(result->headers, "authorization"), 1);
        QCOMPARE(count(result->headers, "x-amz-date"), 1);
        QCOMPARE(count(result->headers, "x-amz-security-token"), 1);
        QCOMPARE(value(result->headers, "x-amz-date"), std::string("20150830T123600Z"));
        QCOMPARE(value(result->headers, "x-amz-security-token"), Token);
        QCOMPARE(value(result->headers, "authorization"), result->authorization);
    }

    void resigningASignedRequestGivesTheSameSignature()
    {
        // Every retry is signed anew, from the request as it was last sent.
        const sigv4::Signer signer;
        sigv4::SigningParams p = params();
        p.credentials.sessionToken = Token;
        sigv4::SignableRequest r =
            request("https://x.amazonaws.com/p?b=2&a=1", {{"Content-Type", "text/plain"}}, "x");
        const auto first = signer.sign(r, p);
        QVERIFY(first);
        first->applyTo(r);
        const auto second = signer.sign(r, p);
        QVERIFY(second);
        QCOMPARE(second->signature, first->signature);
        QCOMPARE(second->headers, first->headers);

        p.time += std::chrono::seconds(1);
        const auto later = signer.sign(r, p);
        QVERIFY(later);
        QVERIFY(later->signature != first->signature);
    }

    void tokenAddedAfterSigningWhenAsked()
    {
        sigv4::SigningParams p = params();
        p.credentials.sessionToken = Token;
        p.omitSessionToken = true;
        const auto result = sigv4::Signer().sign(request("https://x.amazonaws.com/"), p);
        QVERIFY(result);
        QCOMPARE(value(result->headers, "x-amz-security-token"), Token);
        QVERIFY(result->signedHeaders.find("x-amz-security-token") == std::string::npos);
    }

    void presignLimits()
    {
        const sigv4::Signer signer;
        sigv4::SigningParams p = params();
        p.expiresSeconds = 604800;
        QVERIFY(signer.presign(request("https://x.amazonaws.com/"), p));
        for (const std::int64_t bad : {std::int64_t(0), std::int64_t(-5), std::int64_t(604801)}) {
            p.expiresSeconds = bad;
            const auto result = signer.presign(request("https://x.amazonaws.com/"), p);
            QVERIFY(!result);
            QVERIFY(result.error().message.find("7 days") != std::string::npos);
        }
    }

    void presignedUrlKeepsOwnFieldsFirstAndSignatureLast()
    {
        sigv4::SigningParams p = params("s3");
        p.useS3Rules(true);
        p.credentials.sessionToken = Token;
        const auto result =
            sigv4::Signer().presign(request("https://b.s3.amazonaws.com/k?versionId=3"), p);
        QVERIFY(result);
        QVERIFY(result->query.rfind("versionId=3&X-Amz-Algorithm=AWS4-HMAC-SHA256&", 0) == 0);
        QVERIFY(result->query.find(
                    "&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLEtokenValue%2F%2Fabc%2Bdef%3D%3D&")
                != std::string::npos);
        QCOMPARE(result->query.substr(result->query.size() - 81),
                 "&X-Amz-Signature=" + result->signature);
        QVERIFY(result->canonicalRequest.size() > 16);
        QCOMPARE(result->canonicalRequest.substr(result->canonicalRequest.size() - 16),
                 std::string("UNSIGNED-PAYLOAD"));
        QVERIFY(result->authorization.empty());
    }

    void refusesToSignWithoutCredentials()
    {
        sigv4::SigningParams p = params();
        p.credentials.secretAccessKey.clear();
        QVERIFY(!sigv4::Signer().sign(request("https://x.amazonaws.com/"), p));
        p = params();
        p.credentials.accessKeyId.clear();
        QVERIFY(!sigv4::Signer().presign(request("https://x.amazonaws.com/"), p));
        p = params();
        p.region.clear();
        QVERIFY(!sigv4::Signer().sign(request("https://x.amazonaws.com/"), p));
    }

    void nothingSecretComesOut()
    {
        sigv4::SigningParams p = params();
        const std::string signingKey =
            crypto::toHex(sigv4::deriveSigningKey(Secret, "20150830", p.region, p.service));
        for (const bool presign : {false, true}) {
            const sigv4::Signer signer;
            const auto r = request("https://x.amazonaws.com/", {{"X-Test", "1"}}, "body");
            const auto result = presign ? signer.presign(r, p) : signer.sign(r, p);
            QVERIFY(result);
            std::string everything = result->canonicalRequest + result->stringToSign
                + result->signature + result->signedHeaders + result->authorization + result->query;
            for (const auto &h : result->headers)
                everything += h.name + h.value;
            QVERIFY(everything.find(Secret) == std::string::npos);
            QVERIFY(everything.find(signingKey) == std::string::npos);
        }
    }

    void keyCacheEvictsAndStaysCorrect()
    {
        sigv4::SigningKeyCache cache(2);
        const std::string message = "string to sign";
        std::vector<std::string> expected;
        for (int i = 0; i < 3; ++i) {
            const std::string secret = Secret + std::to_string(i);
            const auto key = sigv4::deriveSigningKey(secret, "20150830", "us-east-1", "s");
            expected.push_back(crypto::toHex(crypto::HmacSha256::compute(
                std::string_view(reinterpret_cast<const char *>(key.data()), key.size()),
                message)));
            QCOMPARE(crypto::toHex(cache.sign(secret, "20150830", "us-east-1", "s", message)),
                     expected.back());
        }
        QCOMPARE(cache.size(), std::size_t(2));
        for (int i = 2; i >= 0; --i) { // hits and a re-derivation after eviction alike
            QCOMPARE(crypto::toHex(cache.sign(Secret + std::to_string(i), "20150830", "us-east-1",
                                              "s", message)),
                     expected[std::size_t(i)]);
        }
        QCOMPARE(cache.size(), std::size_t(2));
        // A new day is a new key.
        QVERIFY(crypto::toHex(cache.sign(Secret + "0", "20150831", "us-east-1", "s", message))
                != expected[0]);
    }
};

QTEST_APPLESS_MAIN(TestSigner)
#include "tst_signer.moc"
