// The composition root: builds the objects, wires them, starts the event loop. No logic here.
#include "Version.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(cumulus::ApplicationName));
    QApplication::setApplicationVersion(QString::fromLatin1(cumulus::Version));
    QApplication::setOrganizationName(QStringLiteral("Cumulus"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.cumulus.Cumulus"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A native desktop explorer for AWS APIs"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption quitAfterReady(
        QStringLiteral("quit-after-ready"),
        QStringLiteral("Open the window, then quit as soon as it is ready (smoke tests)."));
    parser.addOption(quitAfterReady);
    parser.process(app);

    cumulus::gui::MainWindow window;
    window.show();

    if (parser.isSet(quitAfterReady))
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    return app.exec();
}
