#pragma once

#include "collections/Collection.h"
#include "util/Expected.h"

namespace cumulus::util {
class Environment;
}

namespace cumulus::collections {

// A saved request with its `{{name}}` variables filled in, and the collection's defaults applied.
struct ResolvedRequest {
    std::string region;
    std::string profile;
    std::string endpoint;
    QJsonObject input;
    // An HTTP request's (SavedRequest::isHttp).
    std::string url;
    std::vector<std::string> headers;
    std::string body;
};

// Fills `{{name}}` in the input's strings, region, profile and endpoint (an HTTP request's URL,
// headers and body too): from the environment
// chosen (environments/NAME.toml; empty: none), then the collection's [variables], then the
// process environment. Unresolved names are an error that lists each with where it is.
util::Expected<ResolvedRequest> resolveRequest(const Collection &collection, const SavedRequest &request,
                                               const std::string &environmentName, const util::Environment &process);

} // namespace cumulus::collections
