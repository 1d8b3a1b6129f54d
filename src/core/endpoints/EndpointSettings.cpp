#include "endpoints/EndpointSettings.h"

#include "util/Environment.h"

#include <cctype>

namespace cumulus::endpoints {

namespace {

std::string lower(std::string s)
{
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// botocore's ensure_boolean: "true" in any case is true, anything else false.
bool isTrue(const std::string &value)
{
    return lower(value) == "true";
}

class Lookup {
public:
    Lookup(const util::Environment &environment, const ProfileSettings &profile)
        : m_environment(environment), m_profile(profile)
    {
    }

    std::optional<std::string> env(const std::string &name) const
    {
        const auto v = m_environment.value(QString::fromStdString(name));
        if (!v || v->isEmpty())
            return std::nullopt;
        return v->toStdString();
    }
    std::optional<std::string> profile(const std::string &key) const
    {
        const auto it = m_profile.find(key);
        if (it == m_profile.end() || it->second.empty())
            return std::nullopt;
        return it->second;
    }
    // Environment first, then profile.
    std::optional<std::string> value(const std::string &envName, const std::string &profileKey) const
    {
        if (auto v = env(envName))
            return v;
        return profile(profileKey);
    }

private:
    const util::Environment &m_environment;
    const ProfileSettings &m_profile;
};

} // namespace

std::string snakeCaseServiceId(const std::string &sdkId)
{
    std::string out;
    for (char c : sdkId)
        out += (c == ' ' || c == '-') ? '_' : char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

EndpointSettings endpointSettings(const EndpointOverrides &overrides, const util::Environment &environment,
                                  const ProfileSettings &profile, const std::string &sdkId)
{
    const Lookup lookup(environment, profile);
    EndpointSettings s;
    s.params = overrides.params;

    s.region = overrides.region;
    if (s.region.empty())
        s.region = lookup.env("AWS_REGION").value_or(lookup.env("AWS_DEFAULT_REGION").value_or(lookup.profile("region").value_or("")));

    const std::string service = snakeCaseServiceId(sdkId);
    if (!overrides.endpointUrl.empty()) {
        s.endpointUrl = overrides.endpointUrl;
        s.endpointUrlSource = "--endpoint-url";
    } else if (!isTrue(lookup.value("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "ignore_configured_endpoint_urls").value_or(""))) {
        std::string upper;
        for (char c : service)
            upper += char(std::toupper(static_cast<unsigned char>(c)));
        const std::pair<std::optional<std::string>, std::string> order[] = {
            {lookup.env("AWS_ENDPOINT_URL_" + upper), "AWS_ENDPOINT_URL_" + upper},
            {lookup.env("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL"},
            {lookup.profile("services." + service + ".endpoint_url"), "the profile's services section (" + service + ".endpoint_url)"},
            {lookup.profile("endpoint_url"), "the profile's endpoint_url"},
        };
        for (const auto &[value, source] : order) {
            if (value) {
                s.endpointUrl = *value;
                s.endpointUrlSource = source;
                break;
            }
        }
    }

    if (overrides.useFips)
        s.useFips = *overrides.useFips;
    else
        s.useFips = isTrue(lookup.value("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint").value_or(""));
    if (overrides.useDualStack)
        s.useDualStack = *overrides.useDualStack;
    else if (sdkId == "S3" && lookup.profile("s3.use_dualstack_endpoint"))
        s.useDualStack = isTrue(*lookup.profile("s3.use_dualstack_endpoint"));
    else
        s.useDualStack = isTrue(lookup.value("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint").value_or(""));

    s.stsRegionalEndpoints = lower(lookup.value("AWS_STS_REGIONAL_ENDPOINTS", "sts_regional_endpoints").value_or("regional"));
    s.s3AddressingStyle = lower(lookup.profile("s3.addressing_style").value_or("auto"));
    s.s3Accelerate = isTrue(lookup.profile("s3.use_accelerate_endpoint").value_or(""));
    if (auto v = lookup.value("AWS_S3_USE_ARN_REGION", "s3.use_arn_region"))
        s.s3UseArnRegion = isTrue(*v);
    s.s3DisableMultiRegionAccessPoints = isTrue(
        lookup.value("AWS_S3_DISABLE_MULTIREGION_ACCESS_POINTS", "s3.s3_disable_multiregion_access_points").value_or(""));
    s.s3UsEast1RegionalEndpoint =
        lower(lookup.value("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT", "s3.us_east_1_regional_endpoint").value_or("legacy"));
    s.accountId = lookup.value("AWS_ACCOUNT_ID", "aws_account_id").value_or("");
    s.accountIdEndpointMode = lookup.value("AWS_ACCOUNT_ID_ENDPOINT_MODE", "account_id_endpoint_mode").value_or("preferred");
    return s;
}

} // namespace cumulus::endpoints
