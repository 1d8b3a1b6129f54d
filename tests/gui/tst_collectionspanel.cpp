// The window's Collections dock on a real collection folder: the tree (with the file that does not
// load named by file:line), opening a request into the composer, Ctrl+S writing the same bytes back
// when nothing changed and the change when something did (a {{variable}} kept as it was), the
// dirty marker, rename / move / delete undone and redone, environments filling {{variables}} in
// what is copied and sent (to a real local DynamoDB, dynalite), and the collection reopened with
// the window.
#include "PeerServer.h"
#include "TestFiles.h"
#include "WindowFixture.h"
#include "collections/Collection.h"
#include "collections/CollectionsPanel.h"
#include "composer/RequestComposer.h"
#include "history/CallHistory.h"
#include "response/JsonTreeModel.h"
#include "response/ResponseView.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace cumulus;
using namespace cumulus::gui;
using test::contents;
using test::put;

namespace {

// A collection of two requests (one in a folder), a broken file, and a "dev" environment.
QString makeCollection(const QTemporaryDir &dir)
{
    const QString folder = dir.filePath("music");
    put(folder + "/collection.toml", "name = \"Music\"\nregion = \"us-west-2\"\n\n[variables]\ntable = \"Music\"\n");
    put(folder + "/environments/dev.toml", "[variables]\ntable = \"MusicDev\"\n");
    put(folder + "/tables/get-item.toml",
        "service = \"dynamodb\"\noperation = \"GetItem\"\ndescription = \"One song\"\ninput = '''\n{\n"
        "    \"Key\": {\n        \"Artist\": {\n            \"S\": \"No One You Know\"\n        }\n    },\n"
        "    \"TableName\": \"{{table}}\"\n}\n'''\n");
    put(folder + "/list-tables.toml", "service = \"dynamodb\"\noperation = \"ListTables\"\n");
    put(folder + "/broken.toml", "service = \"dynamodb\noperation = \"GetItem\"\n");
    return folder;
}

QTreeWidgetItem *itemFor(QTreeWidget *tree, const QString &path)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == path)
            return *it;
    }
    return nullptr;
}

QStringList treeText(QTreeWidget *tree)
{
    QStringList out;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        int depth = 0;
        for (QTreeWidgetItem *p = (*it)->parent(); p; p = p->parent())
            ++depth;
        out << QString(depth * 2, ' ') + (*it)->text(0);
    }
    return out;
}

} // namespace

class TestCollectionsPanel : public QObject {
    Q_OBJECT

private slots:
    void openEditSaveAndTheMarker()
    {
        test::WindowFixture f;
        const QString folder = makeCollection(f.home);
        CollectionsPanel *panel = f.window->collectionsPanel();
        QVERIFY(!panel->openCollection(folder));
        QCOMPARE(treeText(panel->tree()), (QStringList{"list-tables", "tables", "  get-item", "broken.toml"}));
        QTreeWidgetItem *broken = panel->tree()->topLevelItem(2);
        QVERIFY2(broken->text(1).startsWith("broken.toml:1:"), qPrintable(broken->text(1)));
        QVERIFY(!(broken->flags() & Qt::ItemIsEnabled));
        QCOMPARE(panel->status()->text(), "Music: 2 request(s), 1 file(s) with problems");
        QCOMPARE(panel->environments()->count(), 2);
        QCOMPARE(panel->environments()->itemText(1), "dev");

        // Opening: the operation, its input as saved ({{table}} as it is), the collection's region.
        const QByteArray saved = contents(folder + "/tables/get-item.toml");
        panel->tree()->setCurrentItem(itemFor(panel->tree(), "tables/get-item.toml"));
        emit panel->tree()->itemActivated(panel->tree()->currentItem(), 0);
        QCOMPARE(panel->openPath(), "tables/get-item.toml");
        QCOMPARE(f.window->composer()->document().value("TableName").toString(), "{{table}}");
        QCOMPARE(f.window->region()->currentText(), "us-west-2");
        QVERIFY(!panel->isDirty());
        QCOMPARE(itemFor(panel->tree(), "tables/get-item.toml")->text(0), "get-item");
        QVERIFY(itemFor(panel->tree(), "tables/get-item.toml")->font(0).bold());

        // Ctrl+S with nothing changed writes nothing new: the same bytes.
        QTest::keyClick(f.window.get(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(contents(folder + "/tables/get-item.toml"), saved);

        // A change marks the request; saving writes it, keeping {{table}} and the collection's region.
        f.window->composer()->json()->setPlainText(
            R"({"TableName": "{{table}}", "Key": {"Artist": {"S": "Acme Band"}}, "ConsistentRead": true})");
        QVERIFY(panel->isDirty());
        QCOMPARE(itemFor(panel->tree(), "tables/get-item.toml")->text(0), QString("get-item \u2022"));
        QTest::keyClick(f.window.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!panel->isDirty());
        QCOMPARE(itemFor(panel->tree(), "tables/get-item.toml")->text(0), "get-item");
        const QByteArray changed = contents(folder + "/tables/get-item.toml");
        QVERIFY2(changed.contains("\"S\": \"Acme Band\"") && changed.contains("\"TableName\": \"{{table}}\"")
                     && changed.contains("description = \"One song\"") && !changed.contains("region"),
                 changed.constData());

        // A region picked in the window is the request's own from then on.
        f.window->region()->setCurrentText("eu-west-1");
        QVERIFY(panel->isDirty());
        QVERIFY(!panel->save());
        QVERIFY2(contents(folder + "/tables/get-item.toml").contains("region = \"eu-west-1\"\n"),
                 contents(folder + "/tables/get-item.toml").constData());

        // Reopened as saved: the same form values.
        QVERIFY(panel->openRequest("list-tables.toml"));
        QVERIFY(panel->openRequest("tables/get-item.toml"));
        QCOMPARE(f.window->composer()->document(),
                 QJsonDocument::fromJson(R"({"TableName": "{{table}}", "Key": {"Artist": {"S": "Acme Band"}}, "ConsistentRead": true})").object());
        QCOMPARE(f.window->region()->currentText(), "eu-west-1");
    }

    void saveAsAndSecretsRefused()
    {
        test::WindowFixture f;
        const QString folder = makeCollection(f.home);
        CollectionsPanel *panel = f.window->collectionsPanel();
        QVERIFY(panel->saveAs("x"));  // no collection open yet
        QVERIFY(!panel->openCollection(folder));
        QVERIFY(f.window->openOperation("dynamodb", "DescribeTable"));
        f.window->composer()->json()->setPlainText(R"({"TableName": "{{table}}"})");
        QVERIFY(panel->save()); // nothing open: Save As is needed
        QVERIFY(!panel->saveAs("tables/describe"));
        QCOMPARE(panel->openPath(), "tables/describe.toml");
        const QByteArray text = contents(folder + "/tables/describe.toml");
        QVERIFY2(text.startsWith("service = \"dynamodb\"\noperation = \"DescribeTable\"\ninput = '''\n{\n    \"TableName\": \"{{table}}\"\n}\n'''\n"),
                 text.constData()); // the window's region is the profile's (empty): not pinned
        QVERIFY(itemFor(panel->tree(), "tables/describe.toml"));
        const auto taken = panel->saveAs("list-tables");
        QVERIFY(taken && taken->find("already exists") != std::string::npos);

        f.window->composer()->json()->setPlainText(R"({"TableName": "AKIAIOSFODNN7EXAMPLE"})");
        const auto refused = panel->saveAs("leaky");
        QVERIFY(refused && refused->find("never credentials") != std::string::npos);
        QVERIFY(!QFileInfo::exists(folder + "/leaky.toml"));
    }

    void renameMoveDeleteAndUndo()
    {
        test::WindowFixture f;
        const QString folder = makeCollection(f.home);
        CollectionsPanel *panel = f.window->collectionsPanel();
        QVERIFY(!panel->openCollection(folder));
        const QByteArray bytes = contents(folder + "/tables/get-item.toml");
        QVERIFY(panel->openRequest("tables/get-item.toml"));

        // The open request renamed stays the window's request; Ctrl+S writes the new file.
        QVERIFY(!panel->moveRequest("tables/get-item.toml", "reads/song"));
        QCOMPARE(panel->openPath(), "reads/song.toml");
        QCOMPARE(contents(folder + "/reads/song.toml"), bytes);
        QVERIFY(!QFileInfo::exists(folder + "/tables"));
        QCOMPARE(treeText(panel->tree()), (QStringList{"list-tables", "reads", "  song", "broken.toml"}));
        const auto taken = panel->moveRequest("reads/song.toml", "list-tables");
        QVERIFY(taken && taken->find("already exists") != std::string::npos);

        QVERIFY(!panel->deleteRequest("list-tables.toml"));
        QVERIFY(!QFileInfo::exists(folder + "/list-tables.toml"));
        QCOMPARE(panel->undoStack()->count(), 2);

        panel->undoStack()->undo(); // the delete
        QCOMPARE(contents(folder + "/list-tables.toml"), QByteArray("service = \"dynamodb\"\noperation = \"ListTables\"\n"));
        panel->undoStack()->undo(); // the rename
        QCOMPARE(contents(folder + "/tables/get-item.toml"), bytes);
        QCOMPARE(panel->openPath(), "tables/get-item.toml");
        QCOMPARE(treeText(panel->tree()), (QStringList{"list-tables", "tables", "  get-item", "broken.toml"}));
        panel->undoStack()->redo();
        panel->undoStack()->redo();
        QVERIFY(QFileInfo::exists(folder + "/reads/song.toml") && !QFileInfo::exists(folder + "/list-tables.toml"));

        // Delete with the keyboard, undone with the keyboard.
        f.window->findChild<QAction *>("actionCollections")->trigger();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        QVERIFY(panel->tree()->hasFocus());
        panel->tree()->setCurrentItem(itemFor(panel->tree(), "reads/song.toml"));
        QTest::keyClick(panel->tree(), Qt::Key_Delete);
        QVERIFY(!QFileInfo::exists(folder + "/reads/song.toml"));
        QVERIFY(panel->openPath().isEmpty()); // the window keeps the call, no longer saved
        QTest::keyClick(panel->tree(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(contents(folder + "/reads/song.toml"), bytes);
    }

    void environmentsFillVariablesInWhatIsSentAndCopied()
    {
        test::WindowFixture f;
        const QString folder = makeCollection(f.home);
        CollectionsPanel *panel = f.window->collectionsPanel();
        QVERIFY(!panel->openCollection(folder));
        QVERIFY(panel->openRequest("tables/get-item.toml"));

        auto copied = f.window->exportCall("aws-cli");
        QVERIFY2(copied && copied->find(R"("TableName":"Music")") != std::string::npos
                     && copied->find("--region 'us-west-2'") != std::string::npos,
                 copied ? copied->c_str() : copied.error().message.c_str());
        panel->setEnvironment("dev");
        copied = f.window->exportCall("aws-cli");
        QVERIFY2(copied && copied->find("MusicDev") != std::string::npos, copied ? copied->c_str() : "");

        // An unknown variable: nothing copied or sent, the name said.
        f.window->composer()->json()->setPlainText(R"({"TableName": "{{nowhere}}", "Key": {"Artist": {"S": "x"}}})");
        copied = f.window->exportCall("aws-cli");
        QVERIFY(!copied && copied.error().message.find("nowhere") != std::string::npos);
        f.window->sendButton()->click();
        QVERIFY2(f.window->response()->summary()->text().contains("nowhere"), qPrintable(f.window->response()->summary()->text()));
        QVERIFY(!f.window->busy());

        // Sent to a real DynamoDB with the environment's table: dynalite names the table it lacks.
        test::PeerServer dynalite(test::PeerServer::npmBin("dynalite"), {"--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"});
        QVERIFY2(dynalite.started(), qPrintable(dynalite.problem()));
        f.window->composer()->json()->setPlainText(R"({"TableName": "{{table}}", "Key": {"Artist": {"S": "x"}}})");
        f.window->endpoint()->setText(QString::fromStdString(dynalite.url()));
        QVERIFY(f.sendAndWait());
        QVERIFY2(f.window->response()->summary()->text().contains("ResourceNotFoundException"),
                 qPrintable(f.window->response()->summary()->text()));
        // What was sent, as the history keeps it: the environment's table.
        const auto sent = history::CallHistory(history::historyFile(f.environment)).entries();
        QVERIFY(sent && !sent->empty());
        QCOMPARE(sent->back().input.value("TableName").toString(), "MusicDev");
        QCOMPARE(sent->back().region, std::string("us-west-2"));
    }

    void reopenedWithTheWindow()
    {
        QTemporaryDir dir;
        QString folder;
        {
            test::WindowFixture f;
            folder = makeCollection(f.home);
            QVERIFY(!f.window->collectionsPanel()->openCollection(folder));
            f.window->collectionsPanel()->setEnvironment("dev");
            const QString settings = f.home.filePath("cumulus.ini");
            f.window->close();
            auto second = std::make_unique<MainWindow>(
                WindowServices{&f.environment, &f.clock, &f.random, &f.sleeper, {}, settings});
            QCOMPARE(second->collectionsPanel()->folder(), QDir::cleanPath(folder));
            QCOMPARE(second->collectionsPanel()->environment(), "dev");
            QVERIFY(test::waitForCatalog(*second));
        }
    }

    void whatTheWindowCannotOpen()
    {
        test::WindowFixture f;
        const QString folder = makeCollection(f.home);
        put(folder + "/api/ping.toml", "service = \"execute-api\"\nmethod = \"GET\"\nurl = \"https://{{api}}/ping\"\n");
        CollectionsPanel *panel = f.window->collectionsPanel();
        QVERIFY(!panel->openCollection(folder));
        QTreeWidgetItem *ping = itemFor(panel->tree(), "api/ping.toml");
        QVERIFY(ping);
        QCOMPARE(ping->text(1), "execute-api GET https://{{api}}/ping");
        QVERIFY(!panel->openRequest("api/ping.toml"));
        QVERIFY(panel->openPath().isEmpty());
        QVERIFY2(panel->status()->text().contains("cumulus-cli request or run sends it"), qPrintable(panel->status()->text()));

        // An operation the catalog lacks: not opened, so Ctrl+S cannot write the window's call over it.
        const QByteArray unknown = "service = \"dynamodb\"\noperation = \"NoSuchOperation\"\n";
        put(folder + "/unknown.toml", unknown);
        QVERIFY(!panel->openCollection(folder));
        QVERIFY(panel->openRequest("tables/get-item.toml"));
        QVERIFY(!panel->openRequest("unknown.toml"));
        QCOMPARE(panel->openPath(), "tables/get-item.toml");
        QVERIFY2(panel->status()->text().contains("dynamodb NoSuchOperation is not in the catalog"), qPrintable(panel->status()->text()));
        QTest::keyClick(f.window.get(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(contents(folder + "/unknown.toml"), unknown);
    }
};

QTEST_MAIN(TestCollectionsPanel)
#include "tst_collectionspanel.moc"
