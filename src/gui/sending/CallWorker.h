#pragma once

#include "calls/CallRunner.h"
#include "credentials/CredentialChain.h"
#include "credentials/profile/SharedFiles.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace cumulus::util {
class Clock;
class Environment;
class Random;
class Sleeper;
}

namespace cumulus::gui {

// What the window asks to send.
struct CallRequest {
    std::shared_ptr<const model::Model> model;
    const model::Shape *service = nullptr;
    const model::Shape *operation = nullptr;
    std::string serviceName;  // the catalog's name ("dynamodb"), for the history
    QJsonObject input;
    std::string profile;      // empty: AWS_PROFILE / default
    std::string region;       // empty: the profile's
    std::string endpointUrl;  // empty: the configured one, else AWS's
    // A session the person chose (temporary credentials from an STS answer): used instead of the chain.
    std::optional<credentials::Credentials> session;
    std::string sessionLabel;
    std::optional<std::string> retryMode;   // else AWS_RETRY_MODE, the profile's, standard
    std::optional<std::string> maxAttempts; // else AWS_MAX_ATTEMPTS, the profile's, 3
    std::optional<std::string> connectTimeout; // seconds; else 60 (0: no limit)
    std::optional<std::string> readTimeout;    // seconds; else 60 (0: no limit)
    bool allPages = false;                  // follow the paginator and merge the pages
};

// What came back, for the response view.
struct CallResult {
    std::string error;               // before or instead of an answer: credentials, endpoint, network
    std::string credentialSource;
    std::optional<std::chrono::system_clock::time_point> credentialsExpire; // temporary credentials' end
    std::string url;
    std::optional<calls::CallOutcome> outcome;
    std::string errorDocumentation; // the modeled error's documentation, when the answer is one
    std::chrono::milliseconds elapsed{0};
    int pages = 0;            // with allPages: how many were merged into outcome's output
    QJsonObject nextInput;    // the input of the next page, when there is one (empty otherwise)
};

// The spec of a call the window holds, without credentials: where it goes follows the profile's
// settings, the region and endpoint given and the environment (us-east-1 when nothing names one).
calls::CallSpec callSpecOf(std::shared_ptr<const model::Model> model, const model::Shape *service, const model::Shape *operation,
                           const QJsonObject &input, const std::string &region, const std::string &endpointUrl,
                           const util::Environment &environment, const std::map<std::string, std::string> &settings);

// Sends calls off the UI thread: lives on a worker thread, resolves credentials (the AWS CLI's
// chain), prepares, sends with retries; emits finished(). One call at a time; cancel() stops it.
class CallWorker : public QObject {
    Q_OBJECT

public:
    CallWorker(const util::Environment &environment, const util::Clock &clock, util::Random &random,
               util::Sleeper &sleeper);
    ~CallWorker() override;

    void cancel() { m_cancel = true; }
    // Asks for an MFA code (called on the worker thread; the window answers from the UI thread).
    void setMfaPrompt(credentials::MfaPrompt prompt) { m_mfa = std::move(prompt); }

public slots:
    void send(const cumulus::gui::CallRequest &request);

signals:
    void finished(const cumulus::gui::CallResult &result);

private:
    const util::Environment &m_environment;
    const util::Clock &m_clock;
    util::Random &m_random;
    util::Sleeper &m_sleeper;
    std::atomic<bool> m_cancel{false};
    credentials::MfaPrompt m_mfa;
};

} // namespace cumulus::gui

Q_DECLARE_METATYPE(cumulus::gui::CallRequest)
Q_DECLARE_METATYPE(cumulus::gui::CallResult)
