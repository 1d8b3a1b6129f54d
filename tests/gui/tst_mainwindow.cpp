// The main window shell: title, menus, status bar, and that its actions do what they say.
#include "mainwindow/MainWindow.h"

#include <QAction>
#include <QMenuBar>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtTest>

using cumulus::gui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's settings go to a test location
    }

    void showsTheAppsNameMenusAndStatus()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Cumulus"));
        // The catalog loads off the UI thread, with its progress in the status bar, then "Ready".
        if (!window.catalogReady()) {
            QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Loading models…"));
            QVERIFY(window.findChild<QProgressBar *>(QStringLiteral("modelProgress")));
            QSignalSpy loaded(&window, &MainWindow::catalogLoaded);
            QVERIFY(loaded.wait(30000));
        }
        QVERIFY(!window.findChild<QProgressBar *>(QStringLiteral("modelProgress")));

        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text().remove('&');
        QCOMPARE(menus, (QStringList{QStringLiteral("File"), QStringLiteral("Help")}));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Ready"));
    }

    void quitClosesTheWindow()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *quit = window.findChild<QAction *>(QStringLiteral("actionQuit"));
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
        quit->trigger();
        QVERIFY(!window.isVisible());
    }

    void aboutNamesTheVersion()
    {
        MainWindow window;
        window.show();
        QAction *about = window.findChild<QAction *>(QStringLiteral("actionAbout"));
        QVERIFY(about);
        QTimer::singleShot(0, [] {
            QWidget *box = QApplication::activeModalWidget();
            QVERIFY(box);
            QVERIFY(box->findChild<QObject *>() != nullptr);
            box->close();
        });
        about->trigger();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
