#pragma once

#include "ArgumentParser.h"
#include "endpoints/EndpointSettings.h"
#include "endpoints/ServiceEndpoints.h"
#include "util/Expected.h"

namespace cumulus::util {
class Environment;
}

namespace cumulus::cli {

// The options that say where a call goes, shared by `call` and `endpoint`: --profile, --region,
// --endpoint-url, --fips, --dualstack, --param NAME=VALUE.
void addEndpointOptions(ArgumentParser &parser);

// The settings those options, the environment and the profile's settings give. A --param must name a
// parameter of the service's rules; its value is read as the parameter's type.
util::Expected<endpoints::EndpointSettings> endpointSettingsFrom(const ParsedArguments &parsed,
                                                                 const util::Environment &environment,
                                                                 const endpoints::ProfileSettings &profile,
                                                                 const std::string &sdkId,
                                                                 const endpoints::ServiceEndpoints &service);

} // namespace cumulus::cli
