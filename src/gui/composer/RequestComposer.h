#pragma once

#include "model/Model.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace cumulus::gui {

class InputModel;

// Composes an operation's input: a form generated from the input shape and the raw
// --cli-input-json document, kept in sync both ways, with the problems the serializer finds shown
// under them (a request with problems is not sent).
class RequestComposer : public QWidget {
    Q_OBJECT

public:
    explicit RequestComposer(QWidget *parent = nullptr);
    ~RequestComposer() override;

    // The model stays owned by the caller and must outlive the operation's use here.
    void setOperation(std::shared_ptr<const model::Model> model, const model::Shape *service, const model::Shape *operation);
    QJsonObject document() const;
    void setDocument(const QJsonObject &document);
    // What stands between the input and a request ("$.Key: missing required member Key"), empty when nothing.
    QStringList problems() const { return m_problems; }

    InputModel *inputModel() const { return m_model; }
    QTreeView *form() const { return m_form; }
    QPlainTextEdit *json() const { return m_json; }
    QTextBrowser *docs() const { return m_docs; }
    // A blob member's value from a file's bytes (base64 in the document); false when unreadable.
    bool loadBlobFromFile(const QModelIndex &blob, const QString &path);
    // A blob's value from text (its UTF-8 bytes, base64 in the document).
    bool setBlobText(const QModelIndex &blob, const QString &text);

signals:
    void problemsChanged(const QStringList &problems);

private:
    void formChanged();
    void jsonEdited();
    void validate();
    void showFormMenu(const QPoint &position);
    void showDocs(const QModelIndex &index);

    InputModel *m_model;
    QTreeView *m_form;
    QPlainTextEdit *m_json;
    QTabWidget *m_tabs;
    QLabel *m_problemLabel;
    QTextBrowser *m_docs;
    QString m_operationDocs;
    QStringList m_problems;
    bool m_syncing = false;
    std::shared_ptr<const model::Model> m_modelGraph;
    const model::Shape *m_service = nullptr;
    const model::Shape *m_operation = nullptr;
};

} // namespace cumulus::gui
