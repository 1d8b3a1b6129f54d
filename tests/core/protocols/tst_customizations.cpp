// Service customizations: Glacier's SHA-256 tree hash (checked against an independent computation
// with Python's hashlib), and the customizations the compliance tests do not reach.
#include "protocols/Customizations.h"

#include <QtTest>

using namespace cumulus;

class TestCustomizations : public QObject {
    Q_OBJECT

private slots:
    void treeHash()
    {
        // One leaf: the plain SHA-256.
        QCOMPARE(protocols::sha256TreeHash("hello world"),
                 std::string("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"));
        // Four leaves (3 MiB + 5 bytes), combined pairwise: hashlib gives the expected value.
        QCOMPARE(protocols::sha256TreeHash(std::string(3 * 1024 * 1024 + 5, 'a')),
                 std::string("a8fdd229455481bdaf37f3304b98dcfe89cc7231e2231faf24ca971392569616"));
        QCOMPARE(protocols::sha256TreeHash(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }
};

QTEST_APPLESS_MAIN(TestCustomizations)
#include "tst_customizations.moc"
