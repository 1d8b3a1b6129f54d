// The retry layer, end to end over a real socket: scripted faults, and for each the attempts made,
// the headers each carried, the delays drawn (within the formula's bounds), the quota, clock-skew
// correction, legacy and adaptive modes. Time and randomness are fakes: nothing sleeps.
#include "FakeSleeper.h"
#include "MockClock.h"
#include "ScriptedHttpServer.h"
#include "SeededRandom.h"
#include "net/QnamTransport.h"
#include "net/RequestExecutor.h"
#include "retries/Backoff.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cumulus;
using namespace std::chrono_literals;
using test::ScriptedHttpServer;
using Step = ScriptedHttpServer::Step;

namespace {

struct Fixture {
    ScriptedHttpServer server;
    test::MockClock clock{std::chrono::system_clock::time_point(std::chrono::seconds(1764000000))};
    test::FakeSleeper sleeper{clock};
    test::SeededRandom random{7};
    net::QnamTransport transport;
    net::RequestExecutor executor{transport, clock, sleeper, random};
    std::vector<std::chrono::system_clock::time_point> signingTimes;

    net::CallHooks hooks()
    {
        net::CallHooks h;
        h.prepare = [this](const std::vector<net::Header> &retryHeaders, std::chrono::system_clock::time_point at)
            -> util::Expected<net::TransportRequest> {
            signingTimes.push_back(at);
            net::TransportRequest r{"POST", server.url() + "/", {{"Content-Type", "application/x-amz-json-1.0"}}, "{}"};
            r.headers.insert(r.headers.end(), retryHeaders.begin(), retryHeaders.end());
            return r;
        };
        h.inspect = [](const net::HttpResponse &response) {
            retries::AttemptOutcome o;
            if (response.status >= 300) {
                const QString type = QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object().value("__type").toString();
                o.errorCode = type.section('#', -1).toStdString();
            }
            return o;
        };
        return h;
    }

    net::CallResult run(std::vector<Step> steps, retries::RetrySettings settings = {}, const std::string &sdkId = "DynamoDB")
    {
        server.script(std::move(steps));
        return executor.execute(hooks(), settings, sdkId);
    }
};

Step ok()
{
    return ScriptedHttpServer::answer(200, "{}", {{"Content-Type", "application/x-amz-json-1.0"}});
}

} // namespace

class TestRequestExecutor : public QObject {
    Q_OBJECT

private slots:
    void transientErrorsRetriedThenSuccess()
    {
        Fixture f;
        const auto result = f.run({ScriptedHttpServer::answer(503), ScriptedHttpServer::answer(500), ok()});
        QVERIFY(result.last.ok());
        QCOMPARE(result.last.response.status, 200);
        QCOMPARE(result.attempts.size(), std::size_t(3));
        QCOMPARE(f.server.received().size(), std::size_t(3));
        const std::string id = f.server.received()[0].header("amz-sdk-invocation-id");
        QCOMPARE(QString::fromStdString(id).size(), 36);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(f.server.received()[i].header("amz-sdk-invocation-id"), id); // one per logical call
            QCOMPARE(f.server.received()[i].header("amz-sdk-request"), "attempt=" + std::to_string(i + 1) + "; max=3");
        }
        // Full jitter: the first retry waits in [0, 1 s), the second in [0, 2 s).
        QCOMPARE(f.sleeper.waits().size(), std::size_t(2));
        QVERIFY(f.sleeper.waits()[0] < 1000ms);
        QVERIFY(f.sleeper.waits()[1] < 2000ms);
        QCOMPARE(result.attempts[0].delayAfter, f.sleeper.waits()[0]);
        QCOMPARE(result.attempts[0].decision, std::string("retry (transient)"));
        QCOMPARE(result.attempts[0].quotaLeft, 495);
        QCOMPARE(result.attempts[1].quotaLeft, 490);
        QCOMPARE(result.attempts[2].decision, std::string("done"));
        QCOMPARE(f.executor.quota().available(), 495); // the last retry's 5 given back
        // Each attempt is signed anew, at its own time.
        QCOMPARE(f.signingTimes.size(), std::size_t(3));
        QVERIFY(f.signingTimes[2] >= f.signingTimes[1] && f.signingTimes[1] >= f.signingTimes[0]);
    }

    void successWithoutRetryRefundsOne()
    {
        Fixture f;
        f.run({ScriptedHttpServer::answer(500), ScriptedHttpServer::answer(500), ScriptedHttpServer::answer(500)});
        QCOMPARE(f.executor.quota().available(), 490);
        f.run({ok()});
        QCOMPARE(f.executor.quota().available(), 491);
    }

    void throttlingUntilAttemptsRunOut()
    {
        Fixture f;
        const auto result = f.run({ScriptedHttpServer::jsonError(400, "ThrottlingException"),
                                   ScriptedHttpServer::jsonError(400, "ProvisionedThroughputExceededException"),
                                   ScriptedHttpServer::jsonError(400, "ThrottlingException")});
        QCOMPARE(result.attempts.size(), std::size_t(3));
        QCOMPARE(result.attempts[0].kind, retries::ErrorKind::Throttling);
        QCOMPARE(result.attempts[2].decision, std::string("stop: 3 attempts made"));
        QCOMPARE(result.last.response.status, 400);
    }

    void clientErrorsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("400 validation") << 400 << "ValidationException";
        QTest::newRow("403 access denied") << 403 << "AccessDeniedException";
        QTest::newRow("404 not found") << 404 << "ResourceNotFoundException";
    }
    void clientErrorsAreNotRetried()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        Fixture f;
        const auto result = f.run({ScriptedHttpServer::jsonError(status, code.toStdString()), ok()});
        QCOMPARE(result.attempts.size(), std::size_t(1));
        QCOMPARE(result.attempts[0].decision, std::string("stop: not retryable"));
        QCOMPARE(f.server.received().size(), std::size_t(1));
        QVERIFY(f.sleeper.waits().empty());
        QCOMPARE(f.executor.quota().available(), 500);
    }

    void quotaRunsOut()
    {
        Fixture f;
        // Each failing call takes 2 retries × 5 tokens: 50 calls empty the 500-token quota.
        for (int call = 0; call < 50; ++call) {
            const auto r = f.run({ScriptedHttpServer::answer(503), ScriptedHttpServer::answer(503), ScriptedHttpServer::answer(503)});
            QCOMPARE(r.attempts.size(), std::size_t(3));
        }
        QCOMPARE(f.executor.quota().available(), 0);
        const auto result = f.run({ScriptedHttpServer::answer(503), ok()});
        QCOMPARE(result.attempts.size(), std::size_t(1));
        QCOMPARE(result.attempts[0].decision, std::string("stop: retry quota exhausted"));
        QCOMPARE(result.last.response.status, 503);
    }

    void connectionFailuresAreRetried()
    {
        Fixture f;
        const auto result = f.run({ScriptedHttpServer::close(), ScriptedHttpServer::close(), ok()});
        QCOMPARE(result.attempts.size(), std::size_t(2));
        QCOMPARE(result.attempts[0].failure, net::TransportFailure::ConnectionClosed);
        QCOMPARE(result.attempts[0].kind, retries::ErrorKind::Transient);
        QVERIFY(result.last.ok());
    }

    void timeoutsCostTen()
    {
        Fixture f;
        net::TransportOptions options;
        options.readTimeout = 200ms;
        net::QnamTransport quick(options);
        net::RequestExecutor executor(quick, f.clock, f.sleeper, f.random);
        f.server.script({ScriptedHttpServer::stall(), ok()});
        const auto result = executor.execute(f.hooks(), {}, "DynamoDB");
        QCOMPARE(result.attempts.size(), std::size_t(2));
        QCOMPARE(result.attempts[0].failure, net::TransportFailure::Timeout);
        QCOMPARE(result.attempts[0].quotaLeft, 490);
        QCOMPARE(executor.quota().available(), 500);
    }

    void clockSkewIsCorrectedOnce()
    {
        Fixture f;
        // The server's clock is an hour ahead of ours.
        const auto server = f.clock.now() + 1h;
        const QString date = QDateTime::fromSecsSinceEpoch(std::chrono::duration_cast<std::chrono::seconds>(server.time_since_epoch()).count(), QTimeZone::utc())
                                 .toString(Qt::RFC2822Date);
        const std::vector<std::pair<std::string, std::string>> dated = {{"Date", date.toStdString()}};
        const auto result = f.run({ScriptedHttpServer::jsonError(400, "InvalidSignatureException", dated), ok()});
        QCOMPARE(result.attempts.size(), std::size_t(2));
        QCOMPARE(result.attempts[0].kind, retries::ErrorKind::ClockSkew);
        QVERIFY2(result.attempts[0].decision.find("retry at once: the clock was off by 3600 s") == 0, result.attempts[0].decision.c_str());
        QVERIFY(f.sleeper.waits().empty());
        QCOMPARE(f.executor.clockOffset(), std::chrono::seconds(3600));
        QCOMPARE(f.signingTimes[1] - f.signingTimes[0], std::chrono::system_clock::duration(1h));
        // Within 4 minutes the clocks agree: a signature error is just an error.
        Fixture g;
        const auto close = g.run({ScriptedHttpServer::jsonError(400, "InvalidSignatureException", {{"Date", QDateTime::fromSecsSinceEpoch(std::chrono::duration_cast<std::chrono::seconds>((g.clock.now() + 60s).time_since_epoch()).count(), QTimeZone::utc()).toString(Qt::RFC2822Date).toStdString()}})});
        QCOMPARE(close.attempts.size(), std::size_t(1));
        QVERIFY(close.attempts[0].decision.find("stop: not retryable") == 0);
    }

    void legacyMode()
    {
        Fixture f;
        retries::RetrySettings legacy{retries::RetryMode::Legacy, 5};
        std::vector<Step> steps(5, ScriptedHttpServer::answer(503));
        const auto result = f.run(steps, legacy, "Kinesis");
        QCOMPARE(result.attempts.size(), std::size_t(5));
        QCOMPARE(result.attempts[0].quotaLeft, -1);
        QCOMPARE(f.executor.quota().available(), 500); // no quota in legacy mode
        for (std::size_t i = 0; i < f.sleeper.waits().size(); ++i)
            QVERIFY(f.sleeper.waits()[i] <= retries::maxBackoffDelay(retries::RetryMode::Legacy, int(i) + 1, "Kinesis"));
        QCOMPARE(retries::maxBackoffDelay(retries::RetryMode::Legacy, 4, "Kinesis"), 8000ms); // no 20 s cap…
        QCOMPARE(retries::maxBackoffDelay(retries::RetryMode::Standard, 6, "Kinesis"), 20000ms); // … unlike standard
        // DynamoDB's legacy delays are fixed: 50, 100, 200 ms.
        Fixture d;
        d.run({ScriptedHttpServer::answer(500), ScriptedHttpServer::answer(500), ScriptedHttpServer::answer(500), ok()},
              retries::RetrySettings{retries::RetryMode::Legacy, 10}, "DynamoDB");
        QCOMPARE(d.sleeper.waits(), (std::vector<std::chrono::milliseconds>{50ms, 100ms, 200ms}));
    }

    void adaptiveModeLimitsAfterThrottling()
    {
        Fixture f;
        retries::RetrySettings adaptive{retries::RetryMode::Adaptive, 3};
        f.run({ok()}, adaptive);
        QVERIFY(f.sleeper.waits().empty());
        QVERIFY(!f.executor.limiter().enabled()); // off until the first throttling answer
        const auto result = f.run({ScriptedHttpServer::jsonError(400, "ThrottlingException"), ok()}, adaptive);
        QCOMPARE(result.attempts.size(), std::size_t(2));
        QVERIFY(f.executor.limiter().enabled());
        QVERIFY(f.executor.limiter().fillRate() >= 0.5);
        // From now on every attempt takes a token; calls in quick succession wait for theirs.
        int waited = 0;
        for (int i = 0; i < 5; ++i)
            waited += f.run({ok()}, adaptive).attempts[0].waitedBefore > 0ms;
        QVERIFY2(waited >= 3, qPrintable(QString::number(waited)));
    }
};

QTEST_GUILESS_MAIN(TestRequestExecutor)
#include "tst_requestexecutor.moc"
