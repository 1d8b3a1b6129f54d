// Retry settings (flag, environment, profile, defaults) and which answers each mode retries.
#include "FakeEnvironment.h"
#include "retries/ErrorClassifier.h"
#include "retries/RetrySettings.h"

#include <QtTest>

using namespace cumulus;
using namespace cumulus::retries;

class TestRetries : public QObject {
    Q_OBJECT

private slots:
    void settingsPrecedence()
    {
        test::FakeEnvironment env;
        endpoints::ProfileSettings profile{{"retry_mode", "legacy"}};
        auto s = retrySettings(std::nullopt, std::nullopt, env, {}, "S3");
        QCOMPARE(s->mode, RetryMode::Standard);
        QCOMPARE(s->maxAttempts, 3);
        s = retrySettings(std::nullopt, std::nullopt, env, profile, "DynamoDB");
        QCOMPARE(s->mode, RetryMode::Legacy);
        QCOMPARE(s->maxAttempts, 10); // botocore's _retry.json for DynamoDB
        env.set("AWS_RETRY_MODE", "adaptive");
        env.set("AWS_MAX_ATTEMPTS", "7");
        s = retrySettings(std::nullopt, std::nullopt, env, profile, "S3");
        QCOMPARE(s->mode, RetryMode::Adaptive);
        QCOMPARE(s->maxAttempts, 7);
        s = retrySettings(std::string("standard"), std::string("2"), env, profile, "S3");
        QCOMPARE(s->mode, RetryMode::Standard);
        QCOMPARE(s->maxAttempts, 2);
    }

    void badSettings()
    {
        test::FakeEnvironment env;
        env.set("AWS_MAX_ATTEMPTS", "0");
        auto s = retrySettings(std::nullopt, std::nullopt, env, {}, "S3");
        QCOMPARE(QString::fromStdString(s.error().message), "AWS_MAX_ATTEMPTS: '0' is not a number of attempts (1 or more)");
        s = retrySettings(std::string("fast"), std::nullopt, env, {}, "S3");
        QCOMPARE(QString::fromStdString(s.error().message), "--retry-mode: 'fast' is not a retry mode (legacy, standard or adaptive)");
        s = retrySettings(std::nullopt, std::nullopt, test::FakeEnvironment(), {{"max_attempts", "three"}}, "S3");
        QCOMPARE(QString::fromStdString(s.error().message), "the profile's max_attempts: 'three' is not a number of attempts (1 or more)");
    }

    void classification_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("failure");
        QTest::addColumn<int>("kind");
        const int standard = int(RetryMode::Standard), legacy = int(RetryMode::Legacy);
        const int none = int(net::TransportFailure::None);
        QTest::newRow("200") << standard << 200 << "" << none << int(ErrorKind::None);
        QTest::newRow("503") << standard << 503 << "" << none << int(ErrorKind::Transient);
        QTest::newRow("429 TooManyRequests") << standard << 429 << "TooManyRequestsException" << none << int(ErrorKind::Throttling);
        QTest::newRow("400 SlowDown") << standard << 400 << "SlowDown" << none << int(ErrorKind::Throttling);
        QTest::newRow("400 RequestTimeout") << standard << 400 << "RequestTimeout" << none << int(ErrorKind::Transient);
        QTest::newRow("400 Validation") << standard << 400 << "ValidationException" << none << int(ErrorKind::NotRetryable);
        QTest::newRow("403 AccessDenied") << standard << 403 << "AccessDenied" << none << int(ErrorKind::NotRetryable);
        QTest::newRow("403 skew") << standard << 403 << "RequestTimeTooSkewed" << none << int(ErrorKind::ClockSkew);
        QTest::newRow("timeout") << standard << 0 << "" << int(net::TransportFailure::Timeout) << int(ErrorKind::Transient);
        QTest::newRow("tls") << standard << 0 << "" << int(net::TransportFailure::Tls) << int(ErrorKind::Transient);
        QTest::newRow("too large") << standard << 0 << "" << int(net::TransportFailure::TooLarge) << int(ErrorKind::NotRetryable);
        QTest::newRow("legacy 509") << legacy << 509 << "" << none << int(ErrorKind::Throttling);
        QTest::newRow("legacy SlowDown") << legacy << 503 << "SlowDown" << none << int(ErrorKind::Transient);
        QTest::newRow("legacy TooManyRequests 400") << legacy << 400 << "TooManyRequestsException" << none << int(ErrorKind::NotRetryable);
    }
    void classification()
    {
        QFETCH(int, mode);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, failure);
        QFETCH(int, kind);
        AttemptOutcome o;
        o.status = status;
        o.errorCode = code.toStdString();
        o.failure = net::TransportFailure(failure);
        QCOMPARE(int(classify(o, RetryMode(mode), "S3")), kind);
    }

    void modeledRetryable()
    {
        AttemptOutcome o;
        o.status = 400;
        o.errorCode = "SomeModeledError";
        QCOMPARE(classify(o, RetryMode::Standard, "X"), ErrorKind::NotRetryable);
        o.modeledRetryable = true;
        QCOMPARE(classify(o, RetryMode::Standard, "X"), ErrorKind::Transient);
        o.modeledThrottling = true;
        QCOMPARE(classify(o, RetryMode::Standard, "X"), ErrorKind::Throttling);
        o = {};
        o.status = 400;
        o.errorCode = "IDPCommunicationError";
        QCOMPARE(classify(o, RetryMode::Standard, "STS"), ErrorKind::Transient);
        QCOMPARE(classify(o, RetryMode::Standard, "S3"), ErrorKind::NotRetryable);
    }
};

QTEST_GUILESS_MAIN(TestRetries)
#include "tst_retries.moc"
