#pragma once

// A main window on fakes (environment with static keys, clock, sleeper, seeded randomness) in a
// temporary home, shown, with its catalog loaded.
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "SeededRandom.h"
#include "mainwindow/MainWindow.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace cumulus::test {

// The catalog loads off the UI thread; a window is usable for opening operations once it is in.
inline bool waitForCatalog(gui::MainWindow &window)
{
    if (window.catalogReady())
        return true;
    QSignalSpy loaded(&window, &gui::MainWindow::catalogLoaded);
    return loaded.wait(30000);
}

struct WindowFixture {
    QTemporaryDir home;
    FakeEnvironment environment{home.path()};
    MockClock clock{std::chrono::system_clock::time_point(std::chrono::seconds(1764000000))};
    FakeSleeper sleeper{clock};
    SeededRandom random{11};
    std::unique_ptr<gui::MainWindow> window;

    WindowFixture()
    {
        environment.set("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        environment.set("AWS_SECRET_ACCESS_KEY", "window-secret");
        environment.set("AWS_REGION", "us-east-1");
        environment.set("AWS_CONFIG_FILE", home.filePath("config"));
        environment.set("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials"));
        window = std::make_unique<gui::MainWindow>(
            gui::WindowServices{&environment, &clock, &random, &sleeper, {}, home.filePath("cumulus.ini")});
        window->show();
        QVERIFY(waitForCatalog(*window));
    }

    // Sends what the composer holds and waits for the answer.
    bool sendAndWait()
    {
        QSignalSpy done(window.get(), &gui::MainWindow::callFinished);
        window->sendButton()->click();
        return done.wait(60000);
    }
};

} // namespace cumulus::test
