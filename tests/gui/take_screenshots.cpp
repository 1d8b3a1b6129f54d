// Drives the real window through its main views and saves what the screen shows, for the README
// and docs/screenshots. Not a test: scripts/screenshot.sh runs it in Xvfb (the xcb platform, real
// fonts and style) with a throwaway HOME. Calls go to dynalite and to a scripted server on
// loopback; the keys are made up.
#include "FakeEnvironment.h"
#include "PeerServer.h"
#include "history/HistoryPanel.h"
#include "collections/Collection.h"
#include "collections/CollectionsPanel.h"
#include "ScriptedHttpServer.h"
#include "composer/InputModel.h"
#include "composer/RequestComposer.h"
#include "mainwindow/MainWindow.h"
#include "profiles/ProfileEditor.h"
#include "response/ResponseView.h"
#include "sending/RequestOptions.h"
#include "util/Sleeper.h"
#include "util/SystemClock.h"
#include "util/SystemRandom.h"

#include <QApplication>
#include <QComboBox>
#include <QMenu>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace cumulus;
using namespace cumulus::gui;

namespace {

void showTab(QWidget *page)
{
    for (QWidget *w = page->parentWidget(); w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentWidget(page);
            return;
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: take_screenshots OUTPUT-FOLDER\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QTemporaryDir home;
    test::FakeEnvironment environment(home.path());
    environment.set("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    environment.set("AWS_SECRET_ACCESS_KEY", "not-a-real-secret");
    environment.set("AWS_REGION", "us-east-1");
    environment.set("AWS_CONFIG_FILE", home.filePath("config"));
    environment.set("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials"));
    auto write = [&](const char *name, const char *text) {
        QFile file(home.filePath(QString::fromLatin1(name)));
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
    };
    write("config", "# Team profiles\n[default]\nregion = eu-west-1 # home\noutput = json\n\n"
                    "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = default\n"
                    "mfa_serial = arn:aws:iam::123456789012:mfa/jane\nduration_seconds = 3600\nregion = eu-west-1\n\n"
                    "[profile ci]\ncredential_process = /usr/bin/cumulus-cli credential-process --profile ci\n");
    write("credentials", "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n");
    util::SystemClock clock;
    util::SystemRandom random;
    util::SystemSleeper sleeper;

    test::PeerServer dynalite(test::PeerServer::npmBin("dynalite"), {"--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"});
    if (!dynalite.started()) {
        std::fprintf(stderr, "dynalite: %s\n", qPrintable(dynalite.problem()));
        return 1;
    }
    test::ScriptedHttpServer scripted;

    MainWindow window(WindowServices{&environment, &clock, &random, &sleeper, {}, home.filePath("cumulus.ini")});
    window.resize(1100, 720);
    window.move(0, 0);
    window.show();
    if (!window.catalogReady() && !QSignalSpy(&window, &MainWindow::catalogLoaded).wait(30000))
        return 1;
    int failures = 0;
    auto shot = [&](const char *name) {
        QTest::qWait(500);
        const QString file = out.filePath(QString::fromLatin1(name) + ".png");
        if (!window.screen()->grabWindow(0).save(file))
            ++failures;
        std::printf("%s\n", qPrintable(file));
    };
    auto send = [&] {
        QSignalSpy done(&window, &MainWindow::callFinished);
        window.send();
        if (!done.wait(60000))
            ++failures;
    };
    RequestComposer *composer = window.composer();
    ResponseView *response = window.response();
    auto useJson = [&](const char *json) { composer->json()->setPlainText(QString::fromUtf8(json)); };

    // The form of an operation, filled in, and the same input as JSON.
    window.endpoint()->setText(QString::fromStdString(dynalite.url()));
    window.openOperation("dynamodb", "CreateTable");
    useJson(R"({"TableName": "Music", "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}]})");
    send();
    window.openOperation("dynamodb", "PutItem");
    useJson(R"({"TableName": "Music", "Item": {"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"},
        "Year": {"N": "1999"}, "Tags": {"SS": ["pop", "radio"]}}, "ReturnConsumedCapacity": "TOTAL"})");
    send();
    showTab(composer->form());
    composer->form()->expandAll();
    shot("form");
    showTab(composer->json());
    shot("json");
    showTab(composer->form());

    // The search across every operation.
    QTest::keyClicks(window.search(), "get item");
    shot("search");
    window.search()->clear();

    // An answer: the item back from dynalite, as a tree.
    window.openOperation("dynamodb", "GetItem");
    useJson(R"({"TableName": "Music", "Key": {"Artist": {"S": "No One You Know"}}})");
    showTab(composer->form());
    composer->form()->expandAll();
    send();
    showTab(response->outputTree());
    shot("response");

    // Retries: 503, 503, then the answer, in the attempts timeline.
    window.endpoint()->setText(QString::fromStdString(scripted.url()));
    scripted.script({test::ScriptedHttpServer::answer(503), test::ScriptedHttpServer::answer(503),
                     test::ScriptedHttpServer::answer(200, "{\"TableNames\": [\"Music\"]}", {{"Content-Type", "application/x-amz-json-1.0"}})});
    window.openOperation("dynamodb", "ListTables");
    send();
    showTab(response->attempts());
    shot("attempts");

    // A signature AWS refused, with the canonical request it expected, next to ours.
    window.openOperation("s3", "ListBuckets");
    scripted.script({test::ScriptedHttpServer::answer(403,
        "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message>"
        "<CanonicalRequest>GET\n/\n\nhost:s3.amazonaws.com\nx-amz-content-sha256:UNSIGNED-PAYLOAD\n\nhost;x-amz-content-sha256\nUNSIGNED-PAYLOAD</CanonicalRequest>"
        "<RequestId>4442587FB7D0A2F9</RequestId></Error>", {{"Content-Type", "application/xml"}})});
    send();
    showTab(response->signing());
    shot("signing");
    showTab(response->raw());
    shot("raw");

    // The per-request options.
    window.openOperation("dynamodb", "GetItem");
    useJson(R"({"TableName": "Music", "Key": {"Artist": {"S": "No One You Know"}}})");
    window.endpoint()->setText(QString::fromStdString(dynalite.url()));
    window.options()->retryMode()->setCurrentText(QStringLiteral("adaptive"));
    window.options()->readTimeout()->setCurrentText(QStringLiteral("10"));
    QTimer::singleShot(0, [&] {
        shot("options");
        window.options()->menu()->close();
    });
    window.options()->showMenu();

    // The history of the calls above, searched.
    window.showHistory();
    window.historyPanel()->search()->setText(QStringLiteral("dynamodb"));
    shot("history");
    window.historyPanel()->parentWidget()->hide();

    // A collection open, one request changed in the window (the dot), the dev environment chosen.
    {
        const std::string music = home.filePath(QStringLiteral("music")).toStdString();
        collections::Collection c;
        c.folder = music;
        c.name = "Music";
        c.region = "us-east-1";
        c.variables = {{"table", "Music"}, {"endpoint", dynalite.url()}};
        QDir().mkpath(QString::fromStdString(music));
        collections::saveCollectionFile(c);
        QDir().mkpath(home.filePath(QStringLiteral("music/environments")));
        QFile dev(home.filePath(QStringLiteral("music/environments/dev.toml")));
        if (dev.open(QIODevice::WriteOnly))
            dev.write("[variables]\ntable = \"MusicDev\"\n");
        dev.close();
        auto request = [&](const char *path, const char *operation, const char *input) {
            collections::SavedRequest r;
            r.path = path;
            r.service = "dynamodb";
            r.operation = operation;
            r.endpoint = "{{endpoint}}";
            r.input = QJsonDocument::fromJson(input).object();
            collections::saveRequest(music, r);
        };
        request("tables/create.toml", "CreateTable", R"({"TableName": "{{table}}", "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}]})");
        request("tables/describe.toml", "DescribeTable", R"({"TableName": "{{table}}"})");
        request("songs/put.toml", "PutItem", R"({"TableName": "{{table}}", "Item": {"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"}}})");
        request("songs/get.toml", "GetItem", R"({"TableName": "{{table}}", "Key": {"Artist": {"S": "No One You Know"}}})");
        window.collectionsPanel()->openCollection(QString::fromStdString(music));
        window.collectionsPanel()->setEnvironment(QStringLiteral("dev"));
        window.findChild<QAction *>(QStringLiteral("actionCollections"))->trigger();
        window.collectionsPanel()->openRequest(QStringLiteral("tables/create.toml"));
        window.profile()->setCurrentText(QString());
        send(); // makes MusicDev, the dev environment's table
        window.collectionsPanel()->openRequest(QStringLiteral("songs/put.toml"));
        useJson(R"({"TableName": "{{table}}", "Item": {"Artist": {"S": "Acme Band"}, "SongTitle": {"S": "Happy Day"}}})");
        send();
        window.collectionsPanel()->openRequest(QStringLiteral("songs/get.toml"));
        useJson(R"({"TableName": "{{table}}", "Key": {"Artist": {"S": "Acme Band"}}})");
        send();
        shot("collections");
        window.collectionsPanel()->parentWidget()->hide();
    }

    // The profile editor: a role's form with a pending change, then the lines it will write.
    ProfileEditor *profiles = window.showProfileEditor();
    profiles->move(100, 50);
    profiles->select(QStringLiteral("deploy"));
    profiles->setField(QStringLiteral("duration_seconds"), QStringLiteral("7200"));
    profiles->setField(QStringLiteral("role_session_name"), QStringLiteral("jane-deploys"));
    shot("profiles");
    showTab(profiles->changes());
    shot("profiles-changes");
    profiles->reload();
    return failures == 0 ? 0 : 1;
}
