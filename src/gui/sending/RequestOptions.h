#pragma once

#include <QToolButton>

class QComboBox;

namespace cumulus::gui {

struct CallRequest;

// Per-request options, as the SDKs take them, behind one button next to the profile: retry mode,
// attempts, connect and read timeouts. Empty is "as configured": the environment's, the profile's,
// then the default. The button reads "options" while everything is default, else what is set.
class RequestOptions : public QToolButton {
    Q_OBJECT

public:
    explicit RequestOptions(QWidget *parent = nullptr);

    QComboBox *retryMode() const { return m_retryMode; }
    QComboBox *maxAttempts() const { return m_maxAttempts; }
    QComboBox *connectTimeout() const { return m_connectTimeout; }
    QComboBox *readTimeout() const { return m_readTimeout; }
    // Copies what is set into a request (the worker checks the values and says what is wrong).
    void applyTo(CallRequest &request) const;

private:
    void updateSummary();

    QComboBox *m_retryMode = nullptr;
    QComboBox *m_maxAttempts = nullptr;
    QComboBox *m_connectTimeout = nullptr;
    QComboBox *m_readTimeout = nullptr;
};

} // namespace cumulus::gui
