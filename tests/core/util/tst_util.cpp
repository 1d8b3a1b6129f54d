// The injected seams and small utilities: Redactor, Random, Environment, Expected, MockClock.
#include "FakeEnvironment.h"
#include "MockClock.h"
#include "SeededRandom.h"
#include "util/Expected.h"
#include "util/Redactor.h"
#include "util/Split.h"
#include "util/SystemEnvironment.h"
#include "util/SystemRandom.h"

#include <QtTest>

using namespace cumulus;

class TestUtil : public QObject {
    Q_OBJECT

private slots:
    void redactorMasksEverySecret()
    {
        util::Redactor redactor;
        redactor.addSecret("SECRETKEY123");
        redactor.addSecret("SECRETKEY123EXTENDED"); // the longer one must win
        redactor.addSecret("ab"); // too short to mask safely
        QCOMPARE(redactor.redact(std::string_view("x SECRETKEY123 y SECRETKEY123EXTENDED z ab")),
                 std::string("x **** y **** z ab"));
        QCOMPARE(redactor.redact(QStringLiteral("é SECRETKEY123")), QStringLiteral("é ****"));
    }

    void seededRandomIsReproducible()
    {
        test::SeededRandom a(42), b(42);
        for (int i = 0; i < 100; ++i) {
            const double x = a.uniform01();
            QCOMPARE(x, b.uniform01());
            QVERIFY(x >= 0.0 && x < 1.0);
        }
    }

    void uuidsAreVersion4()
    {
        test::SeededRandom seeded(7);
        util::SystemRandom system;
        for (util::Random *random :
             {static_cast<util::Random *>(&seeded), static_cast<util::Random *>(&system)}) {
            const QUuid id = random->uuid4();
            QCOMPARE(id.version(), QUuid::Random);
            QCOMPARE(id.variant(), QUuid::DCE);
            QVERIFY(id != random->uuid4());
        }
    }

    void environmentTellsUnsetFromEmpty()
    {
        qputenv("CUMULUS_TEST_EMPTY", "");
        qunsetenv("CUMULUS_TEST_UNSET");
        const util::SystemEnvironment env;
        QCOMPARE(env.value(QStringLiteral("CUMULUS_TEST_EMPTY")),
                 std::optional<QString>(QString()));
        QCOMPARE(env.value(QStringLiteral("CUMULUS_TEST_UNSET")), std::nullopt);
        QVERIFY(!env.homeDirectory().isEmpty());

        test::FakeEnvironment fake(QStringLiteral("/tmp/home"));
        fake.set(QStringLiteral("AWS_PROFILE"), QStringLiteral("dev"));
        QCOMPARE(fake.value(QStringLiteral("AWS_PROFILE")),
                 std::optional<QString>(QStringLiteral("dev")));
        QCOMPARE(fake.value(QStringLiteral("AWS_REGION")), std::nullopt);
        QCOMPARE(fake.homeDirectory(), QStringLiteral("/tmp/home"));
    }

    void mockClockMovesOnlyWhenTold()
    {
        test::MockClock clock(std::chrono::system_clock::time_point(std::chrono::hours(1)));
        const auto wall = clock.now();
        const auto mono = clock.monotonicNow();
        QCOMPARE(clock.now(), wall);
        clock.advance(std::chrono::seconds(5));
        QCOMPARE(clock.now() - wall, std::chrono::system_clock::duration(std::chrono::seconds(5)));
        QCOMPARE(clock.monotonicNow() - mono,
                 std::chrono::steady_clock::duration(std::chrono::seconds(5)));
    }

    void splitVisitsEveryPart()
    {
        auto parts = [](std::string_view text) {
            QStringList out;
            util::forEachPart(text, '/', [&](std::string_view part) {
                out << QString::fromUtf8(part.data(), qsizetype(part.size()));
            });
            return out;
        };
        QCOMPARE(parts(""), QStringList{QString()});
        QCOMPARE(parts("/a//b/"), (QStringList{"", "a", "", "b", ""}));
        QCOMPARE(parts("abc"), QStringList{"abc"});
        int visited = 0;
        util::forEachPart("a/b/c", '/', [&](std::string_view part) {
            ++visited;
            return part != "b";
        });
        QCOMPARE(visited, 2);
    }

    void expectedCarriesValueOrError()
    {
        util::Expected<int> good(5);
        util::Expected<int> bad(util::Error{"no"});
        QVERIFY(good && *good == 5);
        QVERIFY(!bad);
        QCOMPARE(bad.error().message, std::string("no"));
    }
};

QTEST_APPLESS_MAIN(TestUtil)
#include "tst_util.moc"
