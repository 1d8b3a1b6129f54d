#include "KeyRotationCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "ProfileOptions.h"
#include "calls/BundledServiceClient.h"
#include "credentials/rotation/KeyRotation.h"
#include "net/CaBundle.h"
#include "net/QnamTransport.h"
#include "net/RequestExecutor.h"

#include <QJsonArray>

#include <ostream>

namespace cumulus::cli {

bool isKeyRotationAction(const std::string &action)
{
    return action == "rotate-key" || action == "delete-key";
}

int runKeyRotationCommand(const std::string &action, const std::vector<std::string> &arguments,
                          const util::Environment &environment, const util::Clock &clock, util::Random &random,
                          util::Sleeper &sleeper, std::ostream &out, std::ostream &err)
{
    ArgumentParser parser("profiles " + action);
    parser.addPositional("NAME", "the profile (an IAM user's long-term keys)");
    if (action == "delete-key")
        parser.addPositional("KEYID", "the inactive access key to delete");
    else
        parser.addFlag({"--delete-old"}, "delete the old key at the end (else it stays, inactive)");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    auto fail = [&](const std::string &message, int code) {
        err << "cumulus-cli profiles " << action << ": error: " << message << '\n';
        return code;
    };
    const auto parsed = parser.parse(arguments);
    if (const auto exit = helpOrError(parser, parsed, out, [&](const std::string &message) { return fail(message, UsageError); }))
        return *exit;
    const std::string name = parsed->positional[0];
    ParsedArguments withProfile = *parsed;
    withProfile.values["--profile"] = {name};
    const auto context = loadProfile(withProfile, environment, err);
    if (!context)
        return fail(context.error().message, ConfigurationError);
    const auto keys = credentials::rotatableKeysOf(context->files, name, credentials::SharedFiles::credentialsPath(environment));
    if (!keys)
        return fail(keys.error().message, ConfigurationError);
    const credentials::Credentials &current = keys->current;

    net::TransportOptions transportOptions;
    if (auto error = net::useCaBundle(transportOptions, std::nullopt, environment, context->settings)) // AWS_CA_BUNDLE, ca_bundle
        return fail(error->message, ConfigurationError);
    net::QnamTransport transport(transportOptions);
    net::RequestExecutor executor(transport, clock, sleeper, random);
    calls::CallRunner runner(executor, random);
    const endpoints::EndpointOverrides overrides;
    const calls::BundledServiceClient iam("iam", runner, random, endpoints::endpointSettings(overrides, environment, context->settings, "IAM"));
    const calls::BundledServiceClient sts("sts", runner, random, endpoints::endpointSettings(overrides, environment, context->settings, "STS"));

    if (action == "delete-key") {
        const std::string keyId = parsed->positional[1];
        if (keyId == current.accessKeyId)
            return fail(keyId + " is the key the profile " + name + " uses: rotate first", UsageError);
        const auto keys = iam.call("ListAccessKeys", {}, current);
        if (!keys)
            return fail(keys.error().message, ServiceError);
        bool found = false;
        for (const QJsonValue &k : keys->value("AccessKeyMetadata").toArray()) {
            if (k.toObject().value("AccessKeyId").toString().toStdString() != keyId)
                continue;
            found = true;
            if (k.toObject().value("Status").toString() != QLatin1String("Inactive"))
                return fail(keyId + " is still active: deactivate it first (a rotation does), so that whatever still uses it "
                                    "fails visibly before it is gone",
                            UsageError);
        }
        if (!found)
            return fail("the user of " + name + " has no key " + keyId, UsageError);
        if (const auto done = iam.call("DeleteAccessKey", {{"AccessKeyId", QString::fromStdString(keyId)}}, current); !done)
            return fail(done.error().message, ServiceError);
        out << "deleted the access key " << keyId << '\n';
        return Success;
    }

    credentials::KeyRotation rotation(iam, sts, sleeper, current, keys->write);
    const auto last = parsed->has("--delete-old") ? credentials::KeyRotation::Step::Deleted
                                                  : credentials::KeyRotation::Step::Deactivated;
    while (rotation.step() != last) {
        const auto step = rotation.step();
        if (auto failed = rotation.next()) {
            err << "cumulus-cli profiles rotate-key: could not " << credentials::KeyRotation::describe(step) << ": "
                << failed->message << '\n';
            while (rotation.step() != credentials::KeyRotation::Step::Start) {
                const auto back = rotation.step();
                if (auto stuck = rotation.undo())
                    return fail("undoing '" + std::string(credentials::KeyRotation::describe(
                                    credentials::KeyRotation::Step(int(back) - 1)))
                                    + "' failed too: " + stuck->message,
                                GeneralError);
                err << "  undone: " << credentials::KeyRotation::describe(credentials::KeyRotation::Step(int(back) - 1)) << '\n';
            }
            return ServiceError;
        }
        out << "done: " << credentials::KeyRotation::describe(step)
            << (step == credentials::KeyRotation::Step::Start ? " (" + rotation.newKeyId() + ")" : std::string()) << '\n';
    }
    if (last == credentials::KeyRotation::Step::Deactivated)
        out << "the old key " << rotation.oldKeyId() << " is inactive; once nothing needs it: cumulus-cli profiles delete-key "
            << name << ' ' << rotation.oldKeyId() << '\n';
    return Success;
}

} // namespace cumulus::cli
