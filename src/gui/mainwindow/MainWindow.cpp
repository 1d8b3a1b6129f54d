#include "mainwindow/MainWindow.h"

#include "Version.h"
#include "ui_MainWindow.h"

#include <QKeySequence>
#include <QMessageBox>

namespace cumulus::gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
{
    m_ui->setupUi(this);
    setWindowTitle(QString::fromLatin1(ApplicationName));

    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.4);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->centralLayout->setSpacing(12);

    m_ui->actionQuit->setShortcut(QKeySequence::Quit);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cumulus"),
                       tr("<h3>Cumulus %1</h3>"
                          "<p>A native desktop explorer for AWS APIs.</p>"
                          "<p>Requests are signed with AWS Signature Version 4, checked against "
                          "the official test suite and botocore.</p>")
                           .arg(QString::fromLatin1(Version)));
}

} // namespace cumulus::gui
