// The explorer window, driven as a person drives it (offscreen): find an operation, fill the form,
// watch the JSON follow and the JSON lead, be stopped by a missing required member, send to a real
// local DynamoDB (dynalite) and read the answer's tree, and see retries in the attempts table.
// Every item model also passes QAbstractItemModelTester.
#include "CallCommand.h"
#include "WindowFixture.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "PeerServer.h"
#include "collections/Collection.h"
#include "history/CallHistory.h"
#include "history/HistoryPanel.h"
#include "ScriptedHttpServer.h"
#include "SeededRandom.h"
#include "catalog/CatalogModel.h"
#include "catalog/SearchModel.h"
#include "composer/InputModel.h"
#include "composer/RequestComposer.h"
#include "credentials/profile/SharedFiles.h"
#include "mainwindow/MainWindow.h"
#include "response/JsonTreeModel.h"
#include "response/ResponseView.h"
#include "sending/RequestOptions.h"
#include "safety/WriteSafety.h"
#include "workbench/ModelWorkbench.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QInputDialog>
#include <QMessageBox>
#include <QTreeWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace cumulus;
using namespace cumulus::gui;

namespace {

using Fixture = test::WindowFixture;
using test::waitForCatalog;

} // namespace

class TestExplorer : public QObject {
    Q_OBJECT

private slots:
    void modelsPassTheTester()
    {
        Fixture f;
        QAbstractItemModelTester catalogTester(f.window->catalog()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *search = qobject_cast<SearchModel *>(f.window->results()->model());
        QAbstractItemModelTester searchTester(search, QAbstractItemModelTester::FailureReportingMode::QtTest);
        search->setQuery("item");
        search->setQuery("");

        QVERIFY(f.window->openOperation("dynamodb", "PutItem"));
        InputModel *input = f.window->composer()->inputModel();
        QAbstractItemModelTester inputTester(input, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex item = input->indexOf({"Item"});
        const QModelIndex entry = input->addElement(item);
        input->setData(entry, "Artist");
        // An attribute value is a union: one member at a time, picked in its value column.
        QCOMPARE(input->rowCount(entry), 0);
        QCOMPARE(entry.siblingAtColumn(1).data().toString(), "(choose one of 10)");
        QVERIFY(input->setData(entry.siblingAtColumn(1), "S"));
        QCOMPARE(input->rowCount(entry), 1);
        QVERIFY(input->setData(entry.siblingAtColumn(1), "N"));
        QCOMPARE(input->index(0, 0, entry).data().toString(), "N");
        QVERIFY(!input->setData(entry.siblingAtColumn(1), "X")); // not one of its members
        QVERIFY(input->setData(entry.siblingAtColumn(1), ""));
        QCOMPARE(input->rowCount(entry), 0);
        input->removeElement(input->addElement(item));
        // A list's elements move up and down.
        f.window->composer()->setDocument(QJsonDocument::fromJson(R"({"TableName": "T", "Item": {"tags": {"SS": ["a", "b", "c"]}}})").object());
        const QModelIndex list = input->indexOf({"Item", "tags", "SS"});
        QVERIFY(input->moveElement(input->index(2, 0, list), -1));
        QVERIFY(input->moveElement(input->index(0, 0, list), +1));
        QVERIFY(!input->moveElement(input->index(0, 0, list), -1)); // already first
        QVERIFY(!input->moveElement(input->index(2, 0, list), +1)); // already last
        QCOMPARE(input->document().value("Item").toObject().value("tags").toObject().value("SS").toArray(),
                 QJsonArray({"c", "a", "b"}));
        QCOMPARE(input->index(0, 0, list).data().toString(), "[0]");
        f.window->composer()->setDocument(QJsonDocument::fromJson(R"({"TableName": "T", "Item": {"a": {"S": "x"}, "b": {"L": [{"N": "1"}]}}})").object());

        JsonTreeModel json;
        QAbstractItemModelTester jsonTester(&json, QAbstractItemModelTester::FailureReportingMode::QtTest);
        json.setDocument(QJsonDocument::fromJson(R"({"a": [1, {"b": null}], "c": "d"})").object());
    }

    void searchFindsTheOperation()
    {
        Fixture f;
        QTest::keyClicks(f.window->search(), "GetItem");
        auto *results = f.window->results()->model();
        QStringList shown;
        for (int r = 0; r < results->rowCount(); ++r)
            shown << results->index(r, 0).data(SearchModel::ServiceNameRole).toString() + '/' + results->index(r, 0).data(SearchModel::OperationNameRole).toString();
        QCOMPARE(shown.first(), "dynamodb/GetItem"); // the exact name first, before BatchGetItem
        QVERIFY(shown.contains("dynamodb/BatchGetItem"));
        QVERIFY(f.window->results()->isVisible());
        QTest::keyClick(f.window->search(), Qt::Key_Return);
        QCOMPARE(f.window->composer()->inputModel()->indexOf({"TableName"}).data().toString(), "TableName *");
        // More words narrow it: the service's name counts too.
        f.window->search()->setText("list dynamodb tables");
        QCOMPARE(results->index(0, 0).data(SearchModel::OperationNameRole).toString(), "ListTables");
        // Words of the documentation find operations whose names do not hold them, after those that do.
        f.window->search()->setText("temporary security credentials");
        QStringList found;
        for (int r = 0; r < results->rowCount(); ++r)
            found << results->index(r, 0).data(SearchModel::ServiceNameRole).toString() + '/' + results->index(r, 0).data(SearchModel::OperationNameRole).toString();
        QVERIFY2(found.contains("sts/AssumeRole") && found.contains("sts/GetFederationToken"), qPrintable(found.join(' ')));
        QVERIFY(results->index(found.indexOf("sts/AssumeRole"), 0).data(Qt::ToolTipRole).toString().startsWith("Returns a set of temporary security credentials"));
        f.window->search()->setText("encrypt");
        QCOMPARE(results->index(0, 0).data(SearchModel::OperationNameRole).toString(), "Encrypt");
        int firstByDocs = -1;
        for (int r = 0; r < results->rowCount() && firstByDocs < 0; ++r)
            if (!results->index(r, 0).data(SearchModel::OperationNameRole).toString().contains("ncrypt", Qt::CaseInsensitive))
                firstByDocs = r;
        QVERIFY(firstByDocs > 0);
        for (int r = firstByDocs; r < results->rowCount(); ++r)
            QVERIFY(!results->index(r, 0).data(SearchModel::OperationNameRole).toString().contains("ncrypt", Qt::CaseInsensitive));
        // An empty search shows the catalog again.
        f.window->search()->clear();
        QVERIFY(f.window->catalog()->isVisible());
    }

    void formAndJsonFollowEachOther()
    {
        Fixture f;
        QVERIFY(f.window->openOperation("dynamodb", "GetItem"));
        RequestComposer *composer = f.window->composer();
        // The documentation beside the form: the operation's, then the selected member's.
        QVERIFY(composer->docs()->toPlainText().contains("The GetItem operation returns a set of attributes"));
        composer->form()->setCurrentIndex(composer->inputModel()->indexOf({"TableName"}));
        QVERIFY2(composer->docs()->toPlainText().contains("The name of the table containing the requested item"),
                 qPrintable(composer->docs()->toPlainText()));
        QVERIFY(composer->docs()->toPlainText().contains("string, required"));
        composer->form()->setCurrentIndex(composer->inputModel()->indexOf({"ReturnConsumedCapacity"}));
        QVERIFY(composer->docs()->toPlainText().contains("one of INDEXES, TOTAL, NONE"));
        // A missing required member blocks sending, with the reason shown.
        QVERIFY(!f.window->sendButton()->isEnabled());
        QVERIFY2(composer->problems().join('\n').contains("TableName"), qPrintable(composer->problems().join('\n')));
        QVERIFY(composer->findChild<QLabel *>("problems")->text().contains("TableName"));
        // The form leads: the JSON follows.
        InputModel *input = composer->inputModel();
        input->setData(input->indexOf({"TableName"}, 1), "Music");
        const QModelIndex entry = input->addElement(input->indexOf({"Key"}));
        input->setData(entry, "Artist");
        QVERIFY(input->setData(input->indexOf({"Key", "Artist"}, 1), "S")); // the union's choice
        input->setData(input->indexOf({"Key", "Artist", "S"}, 1), "No One");
        QCOMPARE(QJsonDocument::fromJson(composer->json()->toPlainText().toUtf8()).object(),
                 QJsonDocument::fromJson(R"({"TableName": "Music", "Key": {"Artist": {"S": "No One"}}})").object());
        QVERIFY(composer->problems().isEmpty());
        QVERIFY(f.window->sendButton()->isEnabled());
        // Where Send goes, next to it.
        QCOMPARE(f.window->resolvedEndpoint()->text(), "→ https://dynamodb.us-east-1.amazonaws.com");
        f.window->region()->setCurrentText("cn-north-1");
        QCOMPARE(f.window->resolvedEndpoint()->text(), "→ https://dynamodb.cn-north-1.amazonaws.com.cn");
        f.window->region()->setCurrentText(QString());
        // The JSON leads: the form follows.
        composer->json()->setPlainText(R"({"TableName": "Songs", "ConsistentRead": true})");
        QCOMPARE(input->indexOf({"TableName"}, 1).data().toString(), "Songs");
        QCOMPARE(input->indexOf({"ConsistentRead"}, 1).data().toString(), "true");
        QVERIFY(!f.window->sendButton()->isEnabled()); // Key is required again
        composer->json()->setPlainText("{ not json");
        QVERIFY(composer->problems().first().startsWith("The JSON does not parse"));
    }

    void sendsToDynaliteAndShowsTheAnswer()
    {
        test::PeerServer dynalite(test::PeerServer::npmBin("dynalite"), {"--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"});
        QVERIFY2(dynalite.started(), qPrintable(dynalite.problem()));
        Fixture f;
        f.window->endpoint()->setText(QString::fromStdString(dynalite.url()));
        QVERIFY(f.window->openOperation("dynamodb", "CreateTable"));
        f.window->composer()->json()->setPlainText(R"({"TableName": "Music", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}]})");
        QVERIFY(f.sendAndWait());
        QVERIFY2(f.window->response()->summary()->text().startsWith("<b>200</b>"), qPrintable(f.window->response()->summary()->text()));
        QVERIFY(f.window->openOperation("dynamodb", "PutItem"));
        f.window->composer()->json()->setPlainText(R"({"TableName": "Music", "Item": {"Artist": {"S": "No One"}, "Year": {"N": "1999"}}})");
        QVERIFY(f.sendAndWait());

        // GetItem, through the search and the form.
        QTest::keyClicks(f.window->search(), "GetItem");
        QTest::keyClick(f.window->search(), Qt::Key_Return);
        InputModel *input = f.window->composer()->inputModel();
        input->setData(input->indexOf({"TableName"}, 1), "Music");
        input->setData(input->addElement(input->indexOf({"Key"})), "Artist");
        QVERIFY(input->setData(input->indexOf({"Key", "Artist"}, 1), "S")); // the union's choice
        input->setData(input->indexOf({"Key", "Artist", "S"}, 1), "No One");
        QVERIFY(f.sendAndWait());
        const QModelIndex year = f.window->response()->outputModel()->find("Year");
        QVERIFY2(year.isValid(), qPrintable(f.window->response()->summary()->text()));
        const QModelIndex n = f.window->response()->outputModel()->find("N", year);
        QCOMPARE(n.siblingAtColumn(1).data().toString(), "1999");
        QCOMPARE(n.data(JsonTreeModel::PathRole).toString(), "Item.Year.N");
        // The raw body, indented and coloured: the key "Item" is not in the colour of a string value.
        QTextDocument *raw = f.window->response()->raw()->document();
        QVERIFY2(raw->toPlainText().startsWith("{\n    \"Item\": {"), qPrintable(raw->toPlainText()));
        const QList<QTextLayout::FormatRange> key = raw->findBlockByNumber(1).layout()->formats();
        const QTextBlock valueLine = raw->find("\"No One\"").block();
        const QList<QTextLayout::FormatRange> value = valueLine.layout()->formats();
        QVERIFY2(!key.isEmpty() && !value.isEmpty(), qPrintable(valueLine.text()));
        QVERIFY(key.first().format.foreground() != value.last().format.foreground());

        // A modeled error comes with the model's documentation of it.
        input->setData(input->indexOf({"TableName"}, 1), "NoSuchTable");
        QVERIFY(f.sendAndWait());
        QVERIFY2(f.window->response()->summary()->text().contains("ResourceNotFoundException")
                     && f.window->response()->summary()->text().contains("<i>The operation tried to access a nonexistent table or index."),
                 qPrintable(f.window->response()->summary()->text()));

        // Pages: a scan of one item a page offers the next page, and all of them merged.
        QVERIFY(f.window->openOperation("dynamodb", "PutItem"));
        f.window->composer()->json()->setPlainText(R"({"TableName": "Music", "Item": {"Artist": {"S": "Someone Else"}}})");
        QVERIFY(f.sendAndWait());
        QVERIFY(f.window->openOperation("dynamodb", "Scan"));
        f.window->composer()->json()->setPlainText(R"({"TableName": "Music", "Limit": 1})");
        QVERIFY(f.sendAndWait());
        QVERIFY(f.window->response()->nextPageButton()->isVisible());
        QSignalSpy done(f.window.get(), &MainWindow::callFinished);
        f.window->response()->allPagesButton()->click();
        QVERIFY(done.wait(60000));
        QCOMPARE(f.window->response()->outputModel()->find("Items").siblingAtColumn(1).data().toString(), "[2 items]");
        QVERIFY2(f.window->response()->summary()->text().contains("pages merged"), qPrintable(f.window->response()->summary()->text()));
        QVERIFY(!f.window->response()->nextPageButton()->isVisible());

        // Each call the window sent is in the history the CLI reads, in order, by catalog name.
        const auto sent = history::CallHistory(history::historyFile(f.environment)).entries();
        QVERIFY(sent && sent->size() >= 5);
        QCOMPARE((*sent)[0].service + " " + (*sent)[0].operation, std::string("dynamodb CreateTable"));
        QCOMPARE((*sent)[1].operation, std::string("PutItem"));
        QCOMPARE((*sent)[1].input.value("Item").toObject().value("Year").toObject().value("N").toString(), "1999");
        QCOMPARE((*sent)[1].endpoint, dynalite.url());
        QCOMPARE((*sent)[1].result, std::string("ok"));
        QCOMPARE(sent->back().operation, std::string("Scan"));

        // The history panel: newest first, searched, a call opened again and saved to a collection.
        f.window->showHistory();
        HistoryPanel *panel = f.window->historyPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->list()->topLevelItemCount(), int(sent->size()));
        QCOMPARE(panel->list()->topLevelItem(0)->text(1), "dynamodb Scan");
        panel->search()->setText("putitem 1999");
        QCOMPARE(panel->list()->topLevelItemCount(), 1);
        QTreeWidgetItem *put = panel->list()->topLevelItem(0);
        QCOMPARE(put->text(1), "dynamodb PutItem");
        QCOMPARE(put->text(4), "ok");
        panel->list()->setCurrentItem(put);
        emit panel->list()->itemActivated(put, 0);
        QCOMPARE(f.window->composer()->document().value("Item").toObject().value("Year").toObject().value("N").toString(), "1999");
        QTemporaryDir collection;
        QFile top(collection.filePath("collection.toml"));
        QVERIFY(top.open(QIODevice::WriteOnly));
        top.write("name = \"Songs\"\n");
        top.close();
        QCOMPARE(panel->saveSelected(collection.path(), "songs/put"), std::optional<std::string>());
        const auto saved = collections::loadCollection(collection.path().toStdString());
        QVERIFY(saved && saved->requests.size() == 1);
        QCOMPARE(saved->requests[0].path, std::string("songs/put.toml"));
        QCOMPARE(saved->requests[0].operation, std::string("PutItem"));
        QCOMPARE(saved->requests[0].endpoint, dynalite.url());
        QCOMPARE(saved->requests[0].input.value("TableName").toString(), "Music");
    }

    void assumedRoleBecomesTheIdentity()
    {
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        test::PeerServer server(moto, {"-H", "127.0.0.1", "-p", "{port}"}, {"INITIAL_NO_AUTH_ACTION_COUNT=5"});
        QVERIFY2(server.started(), qPrintable(server.problem()));
        // A user with a key, a role that trusts it (five unchecked bootstrap calls).
        Fixture f;
        auto cli = [&](std::vector<std::string> args) {
            std::istringstream in;
            std::ostringstream out, err;
            args.insert(args.end(), {"--endpoint-url", server.url()});
            const int code = cli::runCallCommand(args, f.environment, f.clock, f.random, f.sleeper, in, out, err);
            return std::make_pair(code, QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object());
        };
        const char *all = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";
        QCOMPARE(cli({"iam", "CreateUser", "--input", R"({"UserName": "gui"})"}).first, 0);
        QCOMPARE(cli({"iam", "PutUserPolicy", "--input", QJsonDocument(QJsonObject{{"UserName", "gui"}, {"PolicyName", "all"}, {"PolicyDocument", all}}).toJson().toStdString()}).first, 0);
        const auto key = cli({"iam", "CreateAccessKey", "--input", R"({"UserName": "gui"})"});
        QCOMPARE(key.first, 0);
        const char *trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/gui"}, "Action": "sts:AssumeRole"}]})";
        QCOMPARE(cli({"iam", "CreateRole", "--input", QJsonDocument(QJsonObject{{"RoleName", "viewer"}, {"AssumeRolePolicyDocument", trust}}).toJson().toStdString()}).first, 0);
        QCOMPARE(cli({"iam", "PutRolePolicy", "--input", QJsonDocument(QJsonObject{{"RoleName", "viewer"}, {"PolicyName", "all"}, {"PolicyDocument", all}}).toJson().toStdString()}).first, 0);
        f.environment.set("AWS_ACCESS_KEY_ID", key.second.value("AccessKey").toObject().value("AccessKeyId").toString());
        f.environment.set("AWS_SECRET_ACCESS_KEY", key.second.value("AccessKey").toObject().value("SecretAccessKey").toString());
        f.window->endpoint()->setText(QString::fromStdString(server.url()));

        // AssumeRole in the window; its credentials become the identity.
        QVERIFY(f.window->openOperation("sts", "AssumeRole"));
        f.window->composer()->json()->setPlainText(R"({"RoleArn": "arn:aws:iam::123456789012:role/viewer", "RoleSessionName": "from-the-window"})");
        QVERIFY(f.sendAndWait());
        QVERIFY2(f.window->response()->useCredentialsButton()->isVisible(), qPrintable(f.window->response()->summary()->text()));
        f.window->response()->useCredentialsButton()->click();
        QVERIFY(f.window->profile()->currentText().startsWith("session: arn:aws:sts::123456789012:assumed-role/viewer/from-the-window"));
        // Saved as a profile of the credentials file, it is one to pick, and signs as the role.
        QTimer::singleShot(100, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog && dialog->textValue() == "viewer");
            dialog->setTextValue("viewer-saved");
            dialog->accept();
        });
        f.window->response()->saveCredentialsButton()->click();
        QVERIFY(f.window->profile()->findText("viewer-saved") >= 0);
        const auto files = credentials::SharedFiles::load(f.environment);
        const credentials::Profile *saved = files.profile("viewer-saved");
        QVERIFY(saved && saved->value("aws_access_key_id") && saved->value("aws_secret_access_key") && saved->value("aws_session_token"));
        QVERIFY(f.window->openOperation("sts", "GetCallerIdentity"));
        QVERIFY(f.sendAndWait());
        const QModelIndex arn = f.window->response()->outputModel()->find("Arn");
        QCOMPARE(arn.siblingAtColumn(1).data().toString(), "arn:aws:sts::123456789012:assumed-role/viewer/from-the-window");
        QVERIFY2(f.window->identity()->text().contains("as arn:aws:sts::123456789012:assumed-role/viewer/from-the-window · expires in "),
                 qPrintable(f.window->identity()->text()));
        // Picking another profile forgets the session.
        f.window->profile()->setCurrentText(QString());
        QVERIFY(f.sendAndWait());
        QCOMPARE(f.window->response()->outputModel()->find("Arn").siblingAtColumn(1).data().toString(), "arn:aws:iam::123456789012:user/gui");
        QCOMPARE(f.window->identity()->text(), "as arn:aws:iam::123456789012:user/gui"); // keys that do not expire
        f.window->profile()->setCurrentText("viewer-saved");
        QVERIFY(f.sendAndWait());
        QCOMPARE(f.window->response()->outputModel()->find("Arn").siblingAtColumn(1).data().toString(),
                 "arn:aws:sts::123456789012:assumed-role/viewer/from-the-window");
    }

    void copyAsCode()
    {
        Fixture f;
        QVERIFY(f.window->openOperation("dynamodb", "PutItem"));
        f.window->composer()->json()->setPlainText(R"({"TableName": "Music", "Item": {"Artist": {"S": "No One"}}})");
        f.window->region()->setCurrentText("eu-west-1");
        const auto cli = f.window->exportCall("aws-cli");
        QVERIFY(cli);
        QVERIFY2(cli->find("aws dynamodb put-item --cli-input-json ") == 0 && cli->find("--region 'eu-west-1'") != std::string::npos,
                 cli->c_str());
        const auto boto3 = f.window->exportCall("boto3");
        QVERIFY(boto3 && boto3->find(".put_item(") != std::string::npos);
        const auto curl = f.window->exportCall("curl");
        QVERIFY2(curl && curl->find("--aws-sigv4 'aws:amz:eu-west-1:dynamodb'") != std::string::npos
                     && curl->find("X-Amz-Target: DynamoDB_20120810.PutItem") != std::string::npos,
                 curl ? curl->c_str() : curl.error().message.c_str());
        for (const std::string &code : {*cli, *boto3, *curl})
            QVERIFY2(code.find("window-secret") == std::string::npos && code.find("AKIDEXAMPLE") == std::string::npos, code.c_str());
        // The menu puts the same text on the clipboard.
        QAction *action = f.window->findChild<QAction *>("copyAs-aws-cli");
        QVERIFY(action);
        action->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text().toStdString(), *cli);
    }

private:
    // A window that opens an operation, takes an input (and an endpoint) and closes, keeping its
    // settings in `file`.
    static void closeAfter(Fixture &f, const QString &file, const QString &service, const QString &operation,
                           const QString &input, const QString &endpoint = {})
    {
        MainWindow first(WindowServices{&f.environment, &f.clock, &f.random, &f.sleeper, {}, file});
        QVERIFY(waitForCatalog(first));
        QVERIFY(first.openOperation(service, operation));
        first.composer()->json()->setPlainText(input);
        if (!endpoint.isEmpty())
            first.endpoint()->setText(endpoint);
        first.close();
    }

private slots:
    void restoresTheLastCall()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("cumulus.ini");
        Fixture f;
        closeAfter(f, file, "sqs", "SendMessage", "{\"QueueUrl\": \"http://q\", \"MessageBody\": \"hello\"}",
                   "http://localhost:9324");
        MainWindow second(WindowServices{&f.environment, &f.clock, &f.random, &f.sleeper, {}, file});
        QCOMPARE(second.endpoint()->text(), QStringLiteral("http://localhost:9324"));
        QVERIFY(waitForCatalog(second));
        QCOMPARE(second.composer()->document(), QJsonDocument::fromJson("{\"QueueUrl\": \"http://q\", \"MessageBody\": \"hello\"}").object());
        QVERIFY(second.sendButton()->isEnabled());
    }

    void settingsHoldNoSecret()
    {
        // The last input is kept for the next start, but not what looks like a secret in it.
        QTemporaryDir dir;
        const QString file = dir.filePath("cumulus.ini");
        Fixture f;
        closeAfter(f, file, "secrets-manager", "PutSecretValue", R"({"SecretId": "prod/db", "SecretString": "hunter2-in-the-window"})");
        QFile settings(file);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray written = settings.readAll();
        QVERIFY2(written.contains("prod/db") && !written.contains("hunter2"), written.constData());
        MainWindow second(WindowServices{&f.environment, &f.clock, &f.random, &f.sleeper, {}, file});
        QVERIFY(waitForCatalog(second));
        QCOMPARE(second.composer()->document().value("SecretString").toString(), "(redacted)");
    }

    void signatureMismatchShowsTheDifference()
    {
        // An S3-style SignatureDoesNotMatch that says which canonical request AWS computed (moto's
        // answers do not, so a scripted server plays S3 here): the inspector lines them up.
        test::ScriptedHttpServer server;
        Fixture f;
        f.window->endpoint()->setText(QString::fromStdString(server.url()));
        QVERIFY(f.window->openOperation("s3", "ListBuckets"));
        const QString theirs = "GET\n/\n\nhost:elsewhere\n\nhost\nUNSIGNED-PAYLOAD";
        server.script({test::ScriptedHttpServer::answer(403,
            "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message>"
            "<CanonicalRequest>" + theirs.toStdString() + "</CanonicalRequest><RequestId>R1</RequestId></Error>",
            {{"Content-Type", "application/xml"}})});
        QVERIFY(f.sendAndWait());
        QVERIFY(f.window->response()->summary()->text().contains("SignatureDoesNotMatch"));
        const QString signing = f.window->response()->signing()->toPlainText();
        QVERIFY2(signing.contains("— the canonical request AWS expected\n" + theirs), qPrintable(signing));
        QVERIFY2(signing.contains("— differences (ours ≠ AWS's)"), qPrintable(signing));
        QVERIFY2(signing.contains("AWS's: host:elsewhere"), qPrintable(signing));
        // Shown at once, at the difference.
        QCOMPARE(f.window->response()->signing()->textCursor().position(), signing.indexOf("— differences"));
        QVERIFY(f.window->response()->signing()->isVisible());
    }

    void wrongSecretAgainstMoto()
    {
        // moto checks signatures but does not say which canonical request it computed: the inspector
        // opens on our side of it with what to check, and the secret is nowhere in the view.
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        test::PeerServer server(moto, {"-H", "127.0.0.1", "-p", "{port}"}, {"INITIAL_NO_AUTH_ACTION_COUNT=2"});
        QVERIFY2(server.started(), qPrintable(server.problem()));
        Fixture f;
        std::istringstream in;
        std::ostringstream out, err;
        QCOMPARE(cli::runCallCommand({"iam", "CreateUser", "--input", R"({"UserName": "wrong"})", "--endpoint-url", server.url()},
                                     f.environment, f.clock, f.random, f.sleeper, in, out, err), 0);
        out.str({});
        QCOMPARE(cli::runCallCommand({"iam", "CreateAccessKey", "--input", R"({"UserName": "wrong"})", "--endpoint-url", server.url()},
                                     f.environment, f.clock, f.random, f.sleeper, in, out, err), 0);
        const QJsonObject key = QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object().value("AccessKey").toObject();
        f.environment.set("AWS_ACCESS_KEY_ID", key.value("AccessKeyId").toString());
        f.environment.set("AWS_SECRET_ACCESS_KEY", "not-" + key.value("SecretAccessKey").toString());
        f.window->endpoint()->setText(QString::fromStdString(server.url()));
        QVERIFY(f.window->openOperation("sts", "GetCallerIdentity"));
        QVERIFY(f.sendAndWait());
        QVERIFY2(f.window->response()->summary()->text().contains("SignatureDoesNotMatch"), qPrintable(f.window->response()->summary()->text()));
        const QString signing = f.window->response()->signing()->toPlainText();
        QVERIFY2(signing.contains("— attempt 1: canonical request\nPOST\n/\n"), qPrintable(signing));
        const int explanation = signing.indexOf("— the service refused the signature without saying which canonical request it computed");
        QVERIFY2(explanation > 0, qPrintable(signing));
        QCOMPARE(f.window->response()->signing()->textCursor().position(), explanation);
        QVERIFY(f.window->response()->signing()->isVisible());
        for (const QString &text : {signing, f.window->response()->summary()->text(), f.window->response()->raw()->toPlainText()})
            QVERIFY(!text.contains(key.value("SecretAccessKey").toString()));
    }

    void blobsFromFiles()
    {
        Fixture f;
        QVERIFY(f.window->openOperation("kinesis", "PutRecord"));
        QFile file(f.home.filePath("record.bin"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x00\x01" "binary\xff", 9));
        file.close();
        RequestComposer *composer = f.window->composer();
        QVERIFY(composer->loadBlobFromFile(composer->inputModel()->indexOf({"Data"}), file.fileName()));
        QCOMPARE(composer->document().value("Data").toString(), QString::fromLatin1(QByteArray("\x00\x01" "binary\xff", 9).toBase64()));
        QVERIFY(!composer->loadBlobFromFile(composer->inputModel()->indexOf({"Data"}), f.home.filePath("missing")));
        QVERIFY(composer->setBlobText(composer->inputModel()->indexOf({"Data"}), "héllo"));
        QCOMPARE(composer->document().value("Data").toString(), QString::fromLatin1(QByteArray("h\xc3\xa9llo").toBase64()));
    }

    void workbenchShowsProblemsAndFeedsTheExplorer()
    {
        // The seed's example: three names that resolve to nothing, each on its line.
        const QString seed = "namespace com.amazonaws.s3\n"
                             "service SimpleS3 { version: \"2023-12-21\", operations: [ListBuckets, PutObject] }\n"
                             "operation ListBuckets { output: ListBucketsOutput }\n"
                             "structure ListBucketOutput { buckets: BucketList }\n"
                             "list BucketList { member: Bucket }\n";
        Fixture f;
        f.window->showWorkbench();
        ModelWorkbench *bench = f.window->workbench();
        bench->setText(seed, "simple.smithy");
        QStringList problems;
        for (int i = 0; i < bench->problems()->count(); ++i)
            problems << bench->problems()->item(i)->text();
        QCOMPARE(problems, (QStringList{"line 2: PutObject is not defined (an operation of SimpleS3)",
                                        "line 3: ListBucketsOutput is not defined (the output of ListBuckets)",
                                        "line 5: Bucket is not defined (the target of BucketList$member)"}));
        QCOMPARE(bench->editor()->extraSelections().size(), 3);
        // What is valid is already in the explorer.
        f.window->search()->setText("ListBuckets");
        auto *results = f.window->results()->model();
        QStringList found;
        for (int r = 0; r < results->rowCount(); ++r)
            found << results->index(r, 0).data(SearchModel::ServiceNameRole).toString();
        QVERIFY2(found.contains("SimpleS3") || found.contains("simples3"), qPrintable(found.join(", ")));
        const QString service = found.contains("SimpleS3") ? "SimpleS3" : "simples3";
        // Fixed: no problems, and the explorer shows the corrected service with its output shape.
        QString fixed = seed;
        fixed.replace("ListBuckets, PutObject", "ListBuckets").replace("ListBucketOutput", "ListBucketsOutput");
        fixed += "structure Bucket { name: String }\n";
        bench->editor()->setPlainText(fixed);
        bench->validateNow();
        QCOMPARE(bench->problems()->count(), 1);
        QCOMPARE(bench->problems()->item(0)->text(), "No problems: the explorer shows this model.");
        QVERIFY(bench->editor()->extraSelections().isEmpty());
        QVERIFY(f.window->openOperation(service, "ListBuckets"));
        QVERIFY(!f.window->openOperation(service, "PutObject"));
    }

    void safetyOfProfiles()
    {
        QVERIFY(isReadOperation("GetItem") && isReadOperation("ListTables") && isReadOperation("DescribeTable"));
        QVERIFY(!isReadOperation("PutItem") && !isReadOperation("DeleteTable") && !isReadOperation("Getaway"));

        test::ScriptedHttpServer server;
        Fixture f;
        f.window->endpoint()->setText(QString::fromStdString(server.url()));
        // Read-only: a write is not sent, a read is.
        f.window->setSafety(QString(), WriteSafety::ReadOnly);
        QVERIFY(f.window->openOperation("dynamodb", "DeleteTable"));
        f.window->composer()->json()->setPlainText(R"({"TableName": "Music"})");
        f.window->sendButton()->click();
        QVERIFY2(f.window->response()->summary()->text().contains("read-only here: DeleteTable may change something"),
                 qPrintable(f.window->response()->summary()->text()));
        QVERIFY(server.received().empty());
        server.script({test::ScriptedHttpServer::answer(200, "{\"TableNames\": []}", {{"Content-Type", "application/x-amz-json-1.0"}})});
        QVERIFY(f.window->openOperation("dynamodb", "ListTables"));
        QVERIFY(f.sendAndWait());
        QCOMPARE(server.received().size(), std::size_t(1));
        // Confirm writes: asked first; "No" sends nothing, "Yes" sends.
        f.window->setSafety(QString(), WriteSafety::ConfirmWrites);
        QCOMPARE(f.window->safetySelector()->currentIndex(), int(WriteSafety::ConfirmWrites));
        QVERIFY(f.window->openOperation("dynamodb", "DeleteTable"));
        f.window->composer()->json()->setPlainText(R"({"TableName": "Music"})");
        auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box && box->text().contains("DeleteTable may change something"));
                box->button(button)->click();
            });
        };
        answer(QMessageBox::No);
        f.window->sendButton()->click();
        QCOMPARE(server.received().size(), std::size_t(1));
        server.script({test::ScriptedHttpServer::answer(200, "{}", {{"Content-Type", "application/x-amz-json-1.0"}})});
        answer(QMessageBox::Yes);
        QSignalSpy done(f.window.get(), &MainWindow::callFinished);
        f.window->sendButton()->click();
        QVERIFY(done.wait(60000));
        QCOMPARE(server.received().size(), std::size_t(2));
    }

    void encodedAuthorizationMessagesDecode()
    {
        test::ScriptedHttpServer server;
        Fixture f;
        f.window->endpoint()->setText(QString::fromStdString(server.url()));
        server.script({test::ScriptedHttpServer::answer(
            403, "{\"__type\": \"AccessDeniedException\", \"message\": \"not allowed. Encoded authorization failure message: Zm9v-bar_baz\"}",
            {{"Content-Type", "application/x-amz-json-1.0"}})});
        QVERIFY(f.window->openOperation("dynamodb", "ListTables"));
        QVERIFY(f.sendAndWait());
        QVERIFY(f.window->response()->decodeButton()->isVisible());
        server.script({test::ScriptedHttpServer::answer(200,
            "<DecodeAuthorizationMessageResponse><DecodeAuthorizationMessageResult><DecodedMessage>{\"allowed\":false}</DecodedMessage>"
            "</DecodeAuthorizationMessageResult></DecodeAuthorizationMessageResponse>", {{"Content-Type", "text/xml"}})});
        QSignalSpy done(f.window.get(), &MainWindow::callFinished);
        f.window->response()->decodeButton()->click();
        QVERIFY(done.wait(60000));
        QVERIFY(server.received().back().body.find("Action=DecodeAuthorizationMessage") != std::string::npos);
        QVERIFY(server.received().back().body.find("EncodedMessage=Zm9v-bar_baz") != std::string::npos);
        QCOMPARE(f.window->response()->outputModel()->find("DecodedMessage").siblingAtColumn(1).data().toString(), "{\"allowed\":false}");
    }

    void mfaCodeIsAskedFor()
    {
        // A profile whose role needs MFA: the window asks, and the code goes into AssumeRole.
        test::ScriptedHttpServer server;
        Fixture f;
        QFile config(f.home.filePath("config"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = keys\n"
                     "mfa_serial = arn:aws:iam::123456789012:mfa/me\n"
                     "[profile keys]\naws_access_key_id = AKIDKEYS\naws_secret_access_key = keys-secret\n");
        config.close();
        f.environment.set("AWS_ENDPOINT_URL", QString::fromStdString(server.url()));
        server.script({test::ScriptedHttpServer::answer(200,
                           "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId>"
                           "<SecretAccessKey>role-secret</SecretAccessKey><SessionToken>token</SessionToken>"
                           "<Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>"
                           "<Arn>arn:aws:sts::123456789012:assumed-role/admin/s</Arn><AssumedRoleId>X:s</AssumedRoleId>"
                           "</AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>", {{"Content-Type", "text/xml"}}),
                       test::ScriptedHttpServer::answer(200, "{\"TableNames\": []}", {{"Content-Type", "application/x-amz-json-1.0"}})});
        f.window->profile()->setCurrentText("mfa");
        QVERIFY(f.window->openOperation("dynamodb", "ListTables"));
        bool asked = false;
        QTimer::singleShot(100, [&asked] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog && dialog->labelText().contains("arn:aws:iam::123456789012:mfa/me"));
            asked = true;
            dialog->setTextValue("123456");
            dialog->accept();
        });
        QVERIFY(f.sendAndWait());
        QVERIFY(asked);
        QCOMPARE(server.received().size(), std::size_t(2));
        QVERIFY(server.received()[0].body.find("TokenCode=123456") != std::string::npos);
        QVERIFY(server.received()[0].body.find("SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Fme") != std::string::npos);
        QVERIFY(server.received()[1].header("Authorization").find("Credential=ASIAROLE/") != std::string::npos);
    }

    void retriesShowInTheAttempts()
    {
        test::ScriptedHttpServer server;
        server.script({test::ScriptedHttpServer::answer(503), test::ScriptedHttpServer::answer(503),
                       test::ScriptedHttpServer::answer(200, "{\"TableNames\": [\"a\"]}", {{"Content-Type", "application/x-amz-json-1.0"}})});
        Fixture f;
        f.window->endpoint()->setText(QString::fromStdString(server.url()));
        QVERIFY(f.window->openOperation("dynamodb", "ListTables"));
        QVERIFY(f.sendAndWait());
        QTableWidget *attempts = f.window->response()->attempts();
        QCOMPARE(attempts->rowCount(), 3);
        QCOMPARE(attempts->item(0, 1)->text(), "503");
        QCOMPARE(attempts->item(0, 4)->text(), "retry (transient)");
        QCOMPARE(attempts->item(2, 1)->text(), "200");
        QVERIFY(f.window->response()->outputModel()->find("TableNames").isValid());
        QVERIFY(f.window->response()->signing()->toPlainText().contains("amz-sdk-request:attempt=3; max=3"));
        QVERIFY(!f.window->response()->signing()->toPlainText().contains("window-secret"));
        // One attempt in all, for this request only.
        server.script({test::ScriptedHttpServer::answer(503), test::ScriptedHttpServer::answer(200, "{}")});
        f.window->options()->maxAttempts()->setCurrentText("1");
        QVERIFY(f.sendAndWait());
        QCOMPARE(attempts->rowCount(), 1);
        QCOMPARE(attempts->item(0, 4)->text(), "stop: 1 attempt made");
    }

    void timeoutsPerRequest()
    {
        test::ScriptedHttpServer server;
        server.script({test::ScriptedHttpServer::stall()});
        Fixture f;
        f.window->endpoint()->setText(QString::fromStdString(server.url()));
        QVERIFY(f.window->openOperation("dynamodb", "ListTables"));
        RequestOptions *options = f.window->options();
        QCOMPARE(options->text(), "options");
        options->maxAttempts()->setCurrentText("1");
        options->readTimeout()->setCurrentText("0.3");
        QCOMPARE(options->text(), "1 attempts · read 0.3 s");
        QVERIFY(f.sendAndWait());
        QVERIFY2(f.window->response()->summary()->text().contains("no answer for 0.3 s"),
                 qPrintable(f.window->response()->summary()->text()));
        // A value that is not seconds is said, and nothing is sent.
        options->connectTimeout()->setCurrentText("soon");
        QVERIFY(f.sendAndWait());
        QVERIFY2(f.window->response()->summary()->text().contains("connect timeout wants seconds"),
                 qPrintable(f.window->response()->summary()->text()));
        QCOMPARE(server.received().size(), std::size_t(1));
    }
};

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
