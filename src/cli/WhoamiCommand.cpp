#include "WhoamiCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "ProfileOptions.h"
#include "net/CaBundle.h"
#include "net/QnamTransport.h"
#include "util/Redactor.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <ostream>

namespace cumulus::cli {

int runWhoamiCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                     const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, std::istream &in,
                     std::ostream &out, std::ostream &err)
{
    ArgumentParser parser("whoami");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--profile"}, "NAME", "the profile (else AWS_PROFILE, default)");
    parser.addOption({"--region"}, "R", "STS's region (else AWS_REGION, the profile's)");
    parser.addOption({"--endpoint-url"}, "URL", "STS's endpoint (else AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile's)");
    parser.addFlag({"--json"}, "print one JSON object: Account, Arn, UserId, Source, Expiration");
    util::Redactor redactor;
    auto fail = [&](const std::string &message, int code) {
        err << "cumulus-cli whoami: error: " << redactor.redact(message) << '\n';
        return code;
    };
    const auto parsed = parser.parse(arguments);
    if (const auto exit = helpOrError(parser, parsed, out, [&](const std::string &message) { return fail(message, UsageError); }))
        return *exit;
    const auto profile = loadProfile(*parsed, environment, err);
    if (!profile)
        return fail(profile.error().message, ConfigurationError);
    const auto resolved = resolveCredentials(*profile, environment, clock, random, sleeper, in, err);
    if (!resolved)
        return fail(resolved.error().message, ConfigurationError);
    if (!*resolved)
        return fail("no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or name a profile that has some",
                    ConfigurationError);
    const credentials::ResolvedCredentials &who = **resolved;
    redactor.addSecret(who.credentials.secretAccessKey);
    redactor.addSecret(who.credentials.sessionToken);

    endpoints::EndpointOverrides overrides;
    overrides.region = parsed->last("--region").value_or("");
    overrides.endpointUrl = parsed->last("--endpoint-url").value_or("");
    net::TransportOptions transportOptions;
    if (auto error = net::useCaBundle(transportOptions, std::nullopt, environment, profile->settings)) // AWS_CA_BUNDLE, ca_bundle
        return fail(error->message, ConfigurationError);
    net::QnamTransport transport(transportOptions);
    net::RequestExecutor executor(transport, clock, sleeper, random);
    calls::CallRunner runner(executor, random);
    credentials::StsClient sts(runner, random, endpoints::endpointSettings(overrides, environment, profile->settings, "STS"));
    const auto identity = sts.call("GetCallerIdentity", {}, who.credentials);
    if (!identity)
        return fail(identity.error().message, ServiceError);

    std::string expires;
    if (who.credentials.expiration) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(who.credentials.expiration->time_since_epoch()).count();
        expires = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate).toStdString();
    }
    if (parsed->has("--json")) {
        QJsonObject o{{"Account", identity->value("Account")}, {"Arn", identity->value("Arn")},
                      {"UserId", identity->value("UserId")}, {"Source", QString::fromStdString(who.source)}};
        if (!expires.empty())
            o.insert("Expiration", QString::fromStdString(expires));
        out << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
        return Success;
    }
    out << "Account:     " << identity->value("Account").toString().toStdString() << '\n'
        << "Arn:         " << identity->value("Arn").toString().toStdString() << '\n'
        << "UserId:      " << identity->value("UserId").toString().toStdString() << '\n'
        << "Credentials: " << who.source << '\n';
    if (!expires.empty()) {
        const auto left = std::chrono::duration_cast<std::chrono::minutes>(*who.credentials.expiration - clock.now()).count();
        out << "Expires:     " << expires << " (in " << left << " min)\n";
    }
    return Success;
}

} // namespace cumulus::cli
