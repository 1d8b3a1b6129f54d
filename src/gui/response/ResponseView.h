#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;
class QTreeView;

namespace cumulus::credentials {
struct Credentials;
}

namespace cumulus::gui {

class BodyHighlighter;

struct CallResult;
class JsonTreeModel;

// A call's answer: a summary line (status, time, error code, message, request id), the output as
// a tree, the raw body, the headers, every attempt (status, error, decision, delay, quota) and the
// signing inspector (canonical request and string to sign of each attempt; for a signature error,
// the canonical request AWS expected).
class ResponseView : public QWidget {
    Q_OBJECT

public:
    explicit ResponseView(QWidget *parent = nullptr);

    void showResult(const CallResult &result);
    void showSending(const QString &what);
    void showRefusal(const QString &why);

    JsonTreeModel *outputModel() const { return m_outputModel; }
    QTreeView *outputTree() const { return m_output; }
    QTableWidget *attempts() const { return m_attempts; }
    QLabel *summary() const { return m_summary; }
    QPlainTextEdit *signing() const { return m_signing; }
    QPlainTextEdit *raw() const { return m_raw; }
    QPushButton *useCredentialsButton() const { return m_useCredentials; }
    QPushButton *saveCredentialsButton() const { return m_saveCredentials; }
    QPushButton *nextPageButton() const { return m_nextPage; }
    QPushButton *allPagesButton() const { return m_allPages; }
    QPushButton *decodeButton() const { return m_decode; }

signals:
    // The answer carried temporary credentials (STS AssumeRole, GetSessionToken, …) and the person
    // chose to call with them.
    void useCredentials(const cumulus::credentials::Credentials &credentials, const QString &label);
    void saveCredentials(const cumulus::credentials::Credentials &credentials, const QString &suggestedName);
    // The answer is one page of more: the person asked for the next one, or for all of them.
    void nextPage(const QJsonObject &nextInput);
    void allPages();
    // The error carried an encoded authorization failure message (STS can decode it).
    void decodeAuthorization(const QString &encodedMessage);

private:
    QLabel *m_summary;
    QTabWidget *m_tabs;
    JsonTreeModel *m_outputModel;
    QTreeView *m_output;
    QPlainTextEdit *m_raw;
    BodyHighlighter *m_rawHighlighter;
    QTableWidget *m_headers;
    QTableWidget *m_attempts;
    QPlainTextEdit *m_signing;
    QPushButton *m_useCredentials;
    QPushButton *m_saveCredentials;
    QPushButton *m_nextPage;
    QPushButton *m_allPages;
    QPushButton *m_decode;
    QString m_encoded;
    QJsonObject m_nextInput;
    QJsonObject m_lastOutput;
};

} // namespace cumulus::gui
