// Smithy's AWS protocol compliance tests, client side: every request and response case (errors
// included) for each protocol Cumulus implements, one named row each. A case that fails must be
// listed, with the reason, in tests/data/protocol-tests-known-failures.txt; a listed case that
// passes fails the test, so the list stays true.
#include "ComplianceRunner.h"

#include <QtTest>

using namespace cumulus;

namespace {

const char *const Protocols[] = {"awsJson1_0", "awsJson1_1", "restJson1", "awsQuery", "ec2Query", "restXml"};

} // namespace

class TestProtocolCompliance : public QObject {
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<int>("index");
        for (const char *protocol : Protocols) {
            const auto cases = test::complianceCases(protocol);
            QVERIFY2(!cases.empty(), protocol);
            for (std::size_t i = 0; i < cases.size(); ++i)
                QTest::newRow(qPrintable(QString::fromLatin1(protocol) + "/" + QString::fromStdString(cases[i].id)))
                    << QString::fromLatin1(protocol) << int(i);
        }
    }

    void cases()
    {
        QFETCH(QString, protocol);
        QFETCH(int, index);
        const auto cases = test::complianceCases(protocol.toStdString());
        const test::ComplianceCase &c = cases[std::size_t(index)];
        const std::string failure = test::runCase(c);
        m_total[protocol]++;
        m_failed[protocol] += failure.empty() ? 0 : 1;
        const auto known = test::knownFailures().find(c.id);
        if (known != test::knownFailures().end()) {
            QVERIFY2(!failure.empty(), "passes now: remove it from protocol-tests-known-failures.txt");
            m_known[protocol]++;
            return;
        }
        QVERIFY2(failure.empty(), (c.kind + ": " + failure).c_str());
    }

    void cleanupTestCase()
    {
        for (const char *protocol : Protocols) {
            const QString p = QString::fromLatin1(protocol);
            qInfo("%s: %d client cases, %d pass, %d fail (%d of them listed as known failures)", protocol,
                  m_total[p], m_total[p] - m_failed[p], m_failed[p], m_known[p]);
        }
    }

private:
    QMap<QString, int> m_total, m_failed, m_known;
};

QTEST_GUILESS_MAIN(TestProtocolCompliance)
#include "tst_protocolcompliance.moc"
