#pragma once

#include "endpoints/RuleEvaluator.h"

#include <map>
#include <optional>
#include <string>

namespace cumulus::util {
class Environment;
}

namespace cumulus::endpoints {

// The profile's settings that endpoint resolution reads, by their config-file key: "region",
// "endpoint_url", "use_fips_endpoint", "use_dualstack_endpoint", "ignore_configured_endpoint_urls",
// "sts_regional_endpoints", "s3.addressing_style" (the nested s3 block), and
// "services.<service>.endpoint_url" (the profile's services section). The credentials layer fills it
// from ~/.aws/config; empty means no profile.
using ProfileSettings = std::map<std::string, std::string>;

// What the command line or the window says, before the environment and the profile.
struct EndpointOverrides {
    std::string region;
    std::string endpointUrl;         // --endpoint-url
    std::optional<bool> useFips;     // --fips
    std::optional<bool> useDualStack; // --dualstack
    RuleParams params;               // --param NAME=VALUE: a rule parameter, above everything else
};

// The client configuration that endpoint rules see, as botocore computes it
// (args.py compute_endpoint_resolver_builtin_defaults).
struct EndpointSettings {
    std::string region;
    std::string endpointUrl;       // the custom endpoint, when one is configured
    std::string endpointUrlSource; // where it came from ("--endpoint-url", "AWS_ENDPOINT_URL_S3", …)
    bool useFips = false;
    bool useDualStack = false;
    std::string stsRegionalEndpoints = "regional"; // or "legacy"
    // S3 (the profile's s3 block)
    std::string s3AddressingStyle = "auto"; // auto, virtual or path
    bool s3Accelerate = false;
    std::optional<bool> s3UseArnRegion;
    bool s3DisableMultiRegionAccessPoints = false;
    std::string s3UsEast1RegionalEndpoint = "legacy"; // or "regional"
    std::string accountId;
    std::string accountIdEndpointMode;
    RuleParams params; // explicit rule parameters
};

// Flag, then environment, then profile, then default — for each setting. The custom endpoint in the
// SDKs' order: the flag; then, unless ignore_configured_endpoint_urls, AWS_ENDPOINT_URL_<SERVICE>,
// AWS_ENDPOINT_URL, the services section's <service>.endpoint_url, the profile's endpoint_url.
// sdkId names the service ("Elastic Beanstalk" → AWS_ENDPOINT_URL_ELASTIC_BEANSTALK).
EndpointSettings endpointSettings(const EndpointOverrides &overrides, const util::Environment &environment,
                                  const ProfileSettings &profile, const std::string &sdkId);

// "Elastic Beanstalk" → "elastic_beanstalk": the service's key in env names and services sections.
std::string snakeCaseServiceId(const std::string &sdkId);

} // namespace cumulus::endpoints
