#include "calls/HttpCall.h"

#include "sigv4/Signer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <map>

namespace cumulus::calls {

util::Expected<net::TransportRequest> signHttpCall(const HttpCallSpec &spec, const std::vector<net::Header> &extraHeaders,
                                                   std::chrono::system_clock::time_point time, std::string *canonicalRequest)
{
    std::vector<net::Header> headers = spec.headers;
    headers.insert(headers.end(), extraHeaders.begin(), extraHeaders.end());
    auto signable = sigv4::SignableRequest::fromUrl(spec.method, spec.url, std::move(headers), spec.body);
    if (!signable)
        return util::Error{spec.url + ": " + signable.error().message};
    if (spec.credentials) {
        if (spec.signingName.empty() || spec.region.empty())
            return util::Error{"signing needs a service name and a region"};
        sigv4::SigningParams params;
        params.credentials = *spec.credentials;
        params.region = spec.region;
        params.service = spec.signingName;
        params.time = std::chrono::floor<std::chrono::seconds>(time);
        if (spec.signingName == "s3" || spec.signingName == "s3-outposts")
            params.useS3Rules(false); // as botocore signs S3: the path as sent, the payload hash header
        static const sigv4::Signer signer;
        auto result = signer.sign(*signable, params);
        if (!result)
            return result.error();
        result->applyTo(*signable);
        if (canonicalRequest)
            *canonicalRequest = result->canonicalRequest;
    }
    return net::TransportRequest{signable->method, signable->url(), signable->headers, signable->body};
}

std::string errorCodeOf(const net::HttpResponse &response)
{
    if (response.status < 300)
        return {};
    if (const net::Header *type = response.header("x-amzn-ErrorType")) {
        const std::string value = type->value.substr(0, type->value.find(':'));
        if (!value.empty())
            return value;
    }
    const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(response.body));
    if (json.isObject()) {
        for (const char *key : {"__type", "code", "Code"}) {
            QString code = json.object().value(QLatin1String(key)).toString();
            if (!code.isEmpty())
                return code.mid(code.lastIndexOf('#') + 1).section(':', 0, 0).toStdString();
        }
        return {};
    }
    static const QRegularExpression xmlCode(QStringLiteral("<Code>\\s*([^<\\s]+)\\s*</Code>"));
    const auto match = xmlCode.match(QString::fromStdString(response.body.substr(0, 64 * 1024)));
    return match.hasMatch() ? match.captured(1).toStdString() : std::string();
}

std::string sdkIdOfSigningName(const std::string &signingName)
{
    // The services whose retries differ (ErrorClassifier, Backoff); the others retry alike.
    static const std::map<std::string, std::string> sdkIds{{"dynamodb", "DynamoDB"}, {"ec2", "EC2"}, {"s3", "S3"}, {"sts", "STS"}};
    const auto it = sdkIds.find(signingName);
    return it == sdkIds.end() ? signingName : it->second;
}

HttpCallOutcome sendHttpCall(net::RequestExecutor &executor, const HttpCallSpec &spec,
                             const retries::RetrySettings &settings, const std::atomic<bool> *cancel)
{
    HttpCallOutcome outcome;
    net::CallHooks hooks;
    hooks.prepare = [&](const std::vector<net::Header> &retryHeaders, std::chrono::system_clock::time_point time)
        -> util::Expected<net::TransportRequest> {
        std::string canonical;
        auto request = signHttpCall(spec, retryHeaders, time, &canonical);
        if (request && spec.credentials)
            outcome.canonicalRequests.push_back(std::move(canonical));
        return request;
    };
    hooks.inspect = [&](const net::HttpResponse &response) {
        retries::AttemptOutcome o;
        o.errorCode = errorCodeOf(response);
        outcome.errorCode = o.errorCode;
        return o;
    };
    outcome.result = executor.execute(hooks, settings, sdkIdOfSigningName(spec.signingName), cancel);
    return outcome;
}

} // namespace cumulus::calls
