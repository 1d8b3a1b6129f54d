#include "EndpointOptions.h"

namespace cumulus::cli {

using endpoints::RuleParameter;
using endpoints::RuleValue;

void addEndpointOptions(ArgumentParser &parser)
{
    parser.addOption({"--profile"}, "NAME", "the profile in ~/.aws/config and ~/.aws/credentials (else AWS_PROFILE, default)");
    parser.addOption({"--region"}, "R", "region (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)");
    parser.addOption({"--endpoint-url"}, "URL", "a custom endpoint (else AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL)");
    parser.addFlag({"--fips"}, "use the FIPS endpoint (else AWS_USE_FIPS_ENDPOINT)");
    parser.addFlag({"--dualstack"}, "use the dual-stack (IPv6) endpoint (else AWS_USE_DUALSTACK_ENDPOINT)");
    parser.addOption({"--param"}, "NAME=VALUE", "set an endpoint rule parameter (repeatable; e.g. ForcePathStyle=true)");
}

util::Expected<endpoints::EndpointSettings> endpointSettingsFrom(const ParsedArguments &parsed,
                                                                 const util::Environment &environment,
                                                                 const endpoints::ProfileSettings &profile,
                                                                 const std::string &sdkId,
                                                                 const endpoints::ServiceEndpoints &service)
{
    endpoints::EndpointOverrides overrides;
    overrides.region = parsed.last("--region").value_or("");
    overrides.endpointUrl = parsed.last("--endpoint-url").value_or("");
    if (parsed.has("--fips"))
        overrides.useFips = true;
    if (parsed.has("--dualstack"))
        overrides.useDualStack = true;
    for (const std::string &param : parsed.all("--param")) {
        const std::size_t equals = param.find('=');
        if (equals == std::string::npos || equals == 0)
            return util::Error{"--param wants NAME=VALUE, not '" + param + "'"};
        const std::string name = param.substr(0, equals);
        const std::string text = param.substr(equals + 1);
        const RuleParameter *declared = service.rules() ? service.rules()->parameter(name) : nullptr;
        if (!declared) {
            std::string names;
            if (service.rules()) {
                for (const RuleParameter &p : service.rules()->parameters())
                    names += (names.empty() ? "" : ", ") + p.name;
            }
            return util::Error{"--param " + name + ": the service's endpoint rules have no such parameter"
                               + (names.empty() ? std::string(" (it has no rules)") : " (they have: " + names + ")")};
        }
        RuleValue value;
        switch (declared->type) {
        case RuleParameter::Type::Boolean:
            if (text != "true" && text != "false")
                return util::Error{"--param " + name + " is a boolean: true or false, not '" + text + "'"};
            value = text == "true";
            break;
        case RuleParameter::Type::String:
            value = text;
            break;
        case RuleParameter::Type::StringArray: {
            RuleValue::Array items;
            std::size_t start = 0;
            while (start <= text.size()) {
                const std::size_t comma = std::min(text.find(',', start), text.size());
                items.emplace_back(text.substr(start, comma - start));
                start = comma + 1;
            }
            value = std::move(items);
            break;
        }
        }
        overrides.params.emplace_back(name, std::move(value));
    }
    auto settings = endpoints::endpointSettings(overrides, environment, profile, sdkId);
    if (settings.region.empty())
        settings.region = "us-east-1";
    return settings;
}

} // namespace cumulus::cli
