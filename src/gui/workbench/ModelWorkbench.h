#pragma once

#include "model/ModelError.h"

#include <QWidget>

class QListWidget;
class QPlainTextEdit;
class QTimer;

namespace cumulus::gui {

// Model-first design, as Smithy intends: a Smithy IDL file edited with highlighting and live
// validation (each unresolved name or syntax error listed and marked on its line), whose valid part
// the explorer shows at once (modelChanged) — so a service can be called before its server exists.
class ModelWorkbench : public QWidget {
    Q_OBJECT

public:
    explicit ModelWorkbench(QWidget *parent = nullptr);

    bool openFile(const QString &path);
    bool save();
    void setText(const QString &text, const QString &fileName = QStringLiteral("untitled.smithy"));
    // Validates now (edits validate 300 ms after the last keystroke).
    void validateNow();

    QPlainTextEdit *editor() const { return m_editor; }
    QListWidget *problems() const { return m_problems; }
    const QString &fileName() const { return m_fileName; }

signals:
    void modelChanged(const QString &key, const cumulus::model::LoadResult &result);

private:
    void markProblems(const std::vector<model::ModelError> &errors);

    QPlainTextEdit *m_editor;
    QListWidget *m_problems;
    QTimer *m_debounce;
    QString m_fileName;
    QString m_path;
};

} // namespace cumulus::gui
