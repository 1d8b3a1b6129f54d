// The credential chain's order and its errors, without a network: each error names the profile and
// the cause, and none holds a secret.
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "SeededRandom.h"
#include "credentials/CredentialChain.h"
#include "net/QnamTransport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;
using namespace cumulus::credentials;

namespace {

struct Chain {
    test::MockClock clock{std::chrono::system_clock::time_point(std::chrono::seconds(1764000000))};
    test::FakeSleeper sleeper{clock};
    test::SeededRandom random{1};
    net::QnamTransport transport;
    net::RequestExecutor executor{transport, clock, sleeper, random};
    calls::CallRunner runner{executor, random};
    endpoints::EndpointSettings settings = [] {
        endpoints::EndpointSettings s;
        s.region = "us-east-1";
        s.endpointUrl = "http://127.0.0.1:1"; // nothing may reach STS in these tests
        return s;
    }();
    StsClient sts{runner, random, settings, retries::RetrySettings{retries::RetryMode::Standard, 1}};
    test::FakeEnvironment env;

    util::Expected<std::optional<ResolvedCredentials>> resolve(const std::string &config, const std::string &profile,
                                                               bool explicitProfile = true)
    {
        const SharedFiles files = SharedFiles::fromTexts(config, "config", "", "credentials");
        ChainContext context{files, env, clock, sts, nullptr, {}};
        return resolveCredentials(context, profile, explicitProfile);
    }
    std::string error(const std::string &config, const std::string &profile)
    {
        const auto r = resolve(config, profile);
        return r ? std::string("(no error)") : r.error().message;
    }
};

} // namespace

class TestCredentialChain : public QObject {
    Q_OBJECT

private slots:
    void order()
    {
        Chain c;
        const std::string config = "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n";
        c.env.set("AWS_ACCESS_KEY_ID", "AKIDENV");
        c.env.set("AWS_SECRET_ACCESS_KEY", "env-secret");
        c.env.set("AWS_SESSION_TOKEN", "env-token");
        auto r = c.resolve(config, "default", false);
        QCOMPARE((*r)->credentials.accessKeyId, std::string("AKIDENV"));
        QCOMPARE((*r)->credentials.sessionToken, std::string("env-token"));
        QCOMPARE((*r)->source, std::string("environment"));
        r = c.resolve(config, "default", true); // --profile: the environment's keys are not used
        QCOMPARE((*r)->credentials.accessKeyId, std::string("AKIDPROFILE"));
        QVERIFY(!*c.resolve("[profile empty]\nregion = eu-west-1\n", "empty")); // nothing: nullopt
    }

    void errors_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("message");
        QTest::newRow("loop") << "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n"
                              << "a" << "profile b: the source profiles loop: a -> b -> a";
        QTest::newRow("missing source") << "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = ghost\n"
                                        << "a" << "the source_profile \"ghost\" of profile a does not exist";
        QTest::newRow("both sources") << "[profile a]\nrole_arn = r\nsource_profile = b\ncredential_source = Environment\n[profile b]\n"
                                      << "a" << "profile a has both source_profile and credential_source: keep one";
        QTest::newRow("no source") << "[profile a]\nrole_arn = r\n" << "a" << "profile a has role_arn but neither source_profile nor credential_source";
        QTest::newRow("bad credential_source") << "[profile a]\nrole_arn = r\ncredential_source = Moon\n"
                                               << "a" << "profile a: credential_source Moon is not valid (Environment, Ec2InstanceMetadata or EcsContainer)";
        QTest::newRow("empty environment") << "[profile a]\nrole_arn = r\ncredential_source = Environment\n"
                                           << "a" << "profile a takes its source credentials from the environment, and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set";
        QTest::newRow("half a key") << "[profile a]\naws_access_key_id = AKID\n" << "a" << "profile a has aws_access_key_id but no aws_secret_access_key";
        QTest::newRow("sso") << "[profile a]\nsso_session = corp\n" << "a" << "profile a signs in with IAM Identity Center (SSO), which Cumulus does not support yet";
        QTest::newRow("mfa without a code") << "[profile a]\nrole_arn = r\nsource_profile = k\nmfa_serial = arn:aws:iam::1:mfa/me\n"
                                               "[profile k]\naws_access_key_id = AKID\naws_secret_access_key = topsecret\n"
                                            << "a" << "profile a needs an MFA code for arn:aws:iam::1:mfa/me, and none was given";
        QTest::newRow("process fails") << "[profile a]\ncredential_process = sh -c 'echo broken >&2; exit 3'\n"
                                       << "a" << "profile a: credential_process: sh failed (exit code 3): broken";
        QTest::newRow("process not json") << "[profile a]\ncredential_process = echo hello\n"
                                          << "a" << "profile a: credential_process printed something that is not JSON";
        QTest::newRow("process version") << "[profile a]\ncredential_process = echo '{\"Version\": 2}'\n"
                                         << "a" << "profile a: credential_process printed Version 2; only Version 1 is defined";
        QTest::newRow("process no key") << "[profile a]\ncredential_process = echo '{\"Version\": 1, \"SecretAccessKey\": \"x\"}'\n"
                                        << "a" << "profile a: credential_process printed no AccessKeyId";
        QTest::newRow("process missing") << "[profile a]\ncredential_process = /nonexistent/tool --flag\n"
                                         << "a" << "profile a: credential_process: /nonexistent/tool did not start";
        QTest::newRow("unclosed quote") << "[profile a]\ncredential_process = echo 'oops\n"
                                        << "a" << "profile a: credential_process is not a command (an unclosed quote?)";
        QTest::newRow("token file") << "[profile a]\nrole_arn = r\nweb_identity_token_file = /nonexistent/token\n"
                                    << "a" << "profile a: the web identity token file /nonexistent/token cannot be read";
    }
    void errors()
    {
        QFETCH(QString, config);
        QFETCH(QString, profile);
        QFETCH(QString, message);
        Chain c;
        const std::string error = c.error(config.toStdString(), profile.toStdString());
        QVERIFY2(QString::fromStdString(error).startsWith(message), error.c_str());
        QVERIFY(error.find("topsecret") == std::string::npos);
    }

    void processCredentials()
    {
        Chain c;
        const auto r = c.resolve("[profile p]\ncredential_process = echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDP\", \"SecretAccessKey\": \"s\", "
                                 "\"SessionToken\": \"t\", \"Expiration\": \"2026-11-25T04:00:00Z\"}'\n",
                                 "p");
        QVERIFY2(r, r ? "" : r.error().message.c_str());
        QCOMPARE((*r)->credentials.accessKeyId, std::string("AKIDP"));
        QCOMPARE((*r)->credentials.sessionToken, std::string("t"));
        QVERIFY((*r)->credentials.expiration.has_value());
    }
};

QTEST_GUILESS_MAIN(TestCredentialChain)
#include "tst_credentialchain.moc"
