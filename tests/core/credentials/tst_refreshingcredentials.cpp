// The refresh windows with a fake clock and a background runner driven by hand: nothing sleeps.
#include "MockClock.h"
#include "credentials/RefreshingCredentials.h"

#include <QtTest>

#include <deque>

using namespace cumulus;
using namespace std::chrono_literals;

namespace {

struct Harness {
    test::MockClock clock{std::chrono::system_clock::time_point(std::chrono::seconds(1764000000))};
    std::deque<std::function<void()>> background;
    int fetches = 0;
    bool failNext = false;
    credentials::RefreshingCredentials credentials{
        [this]() -> util::Expected<credentials::Credentials> {
            ++fetches;
            if (failNext) {
                failNext = false;
                return util::Error{"AssumeRole: Throttling"};
            }
            credentials::Credentials c;
            c.accessKeyId = "ASIA" + std::to_string(fetches);
            c.secretAccessKey = "secret";
            c.expiration = clock.now() + 1h;
            return c;
        },
        clock, [this](std::function<void()> task) { background.push_back(std::move(task)); }};
};

} // namespace

class TestRefreshingCredentials : public QObject {
    Q_OBJECT

private slots:
    void windows()
    {
        Harness h;
        QCOMPARE(h.credentials.get()->accessKeyId, std::string("ASIA1")); // fetched on first use
        h.clock.advance(30min);
        QCOMPARE(h.credentials.get()->accessKeyId, std::string("ASIA1")); // 30 min left: nothing to do
        QVERIFY(h.background.empty());

        h.clock.advance(16min); // 14 minutes left: a background refresh starts, the old ones serve
        QCOMPARE(h.credentials.get()->accessKeyId, std::string("ASIA1"));
        QCOMPARE(h.background.size(), std::size_t(1));
        QCOMPARE(h.credentials.get()->accessKeyId, std::string("ASIA1"));
        QCOMPARE(h.background.size(), std::size_t(1)); // one refresh at a time
        h.background.front()();
        h.background.pop_front();
        QCOMPARE(h.fetches, 2);
        QCOMPARE(h.credentials.get()->accessKeyId, std::string("ASIA2"));

        h.clock.advance(51min); // 9 minutes left: the caller waits for fresh credentials
        QCOMPARE(h.credentials.get()->accessKeyId, std::string("ASIA3"));
        QVERIFY(h.background.empty());
    }

    void backgroundFailureKeepsServing()
    {
        Harness h;
        h.credentials.get();
        h.clock.advance(46min);
        h.failNext = true;
        h.credentials.get();
        h.background.front()();
        h.background.pop_front();
        QCOMPARE(h.credentials.lastBackgroundError(), std::optional<std::string>("AssumeRole: Throttling"));
        QCOMPARE(h.credentials.get()->accessKeyId, std::string("ASIA1")); // still 14 min left: still valid
        QCOMPARE(h.background.size(), std::size_t(1)); // and another refresh is tried
    }

    void mandatoryFailureIsAnError()
    {
        Harness h;
        h.credentials.get();
        h.clock.advance(55min);
        h.failNext = true;
        const auto result = h.credentials.get();
        QVERIFY(!result);
        QCOMPARE(result.error().message, std::string("AssumeRole: Throttling"));
    }

    void noExpiryMeansFetchOnce()
    {
        test::MockClock clock;
        int fetches = 0;
        credentials::RefreshingCredentials c(
            [&]() -> util::Expected<credentials::Credentials> {
                ++fetches;
                return credentials::Credentials{"AKID", "secret", "", {}, ""};
            },
            clock, [](std::function<void()>) { QFAIL("no background refresh for keys that do not expire"); });
        c.get();
        clock.advance(std::chrono::hours(100));
        c.get();
        QCOMPARE(fetches, 1);
    }
};

QTEST_GUILESS_MAIN(TestRefreshingCredentials)
#include "tst_refreshingcredentials.moc"
