// The composition root: builds the objects, wires them, starts the event loop. No logic here.
#include "Version.h"
#include "mainwindow/MainWindow.h"
#include "workbench/ModelWorkbench.h"
#include "util/Sleeper.h"
#include "util/SystemClock.h"
#include "util/SystemEnvironment.h"
#include "util/SystemRandom.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(cumulus::ApplicationName));
    QApplication::setApplicationVersion(QString::fromLatin1(cumulus::Version));
    QApplication::setOrganizationName(QStringLiteral("Cumulus"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.cumulus.Cumulus"));
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/cumulus-%1.png").arg(size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A native desktop explorer for AWS APIs"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption quitAfterReady(
        QStringLiteral("quit-after-ready"),
        QStringLiteral("Open the window, then quit as soon as it is ready (smoke tests)."));
    parser.addOption(quitAfterReady);
    const QCommandLineOption models(QStringLiteral("models"),
                                    QStringLiteral("A model file or folder to load besides the bundled ones (repeatable)."),
                                    QStringLiteral("PATH"));
    parser.addOption(models);
    const QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Open an operation, e.g. dynamodb/GetItem."),
                                  QStringLiteral("SERVICE/OPERATION"));
    parser.addOption(open);
    const QCommandLineOption workbench(QStringLiteral("workbench"), QStringLiteral("Open a Smithy IDL file in the model workbench."),
                                       QStringLiteral("FILE"));
    parser.addOption(workbench);
    parser.process(app);

    const cumulus::util::SystemEnvironment environment;
    const cumulus::util::SystemClock clock;
    cumulus::util::SystemRandom random;
    cumulus::util::SystemSleeper sleeper;
    cumulus::gui::MainWindow window({&environment, &clock, &random, &sleeper, parser.values(models), {}});
    window.show();
    // What the command line asks for, once the catalog is there.
    auto ready = [&] {
        if (parser.isSet(open)) {
            const QString which = parser.value(open);
            if (!window.openOperation(which.section('/', 0, 0), which.section('/', 1)))
                std::fprintf(stderr, "cumulus: no operation %s\n", qPrintable(which));
        }
        if (parser.isSet(workbench)) {
            if (window.workbench()->openFile(parser.value(workbench)))
                window.showWorkbench();
            else
                std::fprintf(stderr, "cumulus: cannot read %s\n", qPrintable(parser.value(workbench)));
        }
        if (parser.isSet(quitAfterReady)) {
            QTimer::singleShot(0, &app, [&] {
                std::printf("ready in %lld ms\n", static_cast<long long>(started.elapsed()));
                QCoreApplication::quit();
            });
        }
    };
    QObject::connect(&window, &cumulus::gui::MainWindow::catalogLoaded, &app, ready, Qt::SingleShotConnection);
    return app.exec();
}
