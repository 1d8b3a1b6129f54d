#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace cumulus::gui {

// The application window. For now a shell: name, menus, status bar; the explorer, composer and
// response views are added by their own features.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void showAbout();

private:
    std::unique_ptr<Ui::MainWindow> m_ui;
};

} // namespace cumulus::gui
