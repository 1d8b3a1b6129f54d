#include "sigv4/StringToSign.h"

#include "crypto/Hex.h"
#include "crypto/Sha256.h"

namespace cumulus::sigv4 {

std::string credentialScope(std::string_view date, std::string_view region,
                            std::string_view service)
{
    std::string out;
    out.reserve(date.size() + region.size() + service.size() + 16);
    out.append(date).append("/").append(region).append("/").append(service).append("/aws4_request");
    return out;
}

std::string stringToSign(std::string_view amzDate, std::string_view scope,
                         std::string_view canonicalRequest)
{
    std::string out;
    out.reserve(Algorithm.size() + amzDate.size() + scope.size() + 67);
    out.append(Algorithm).append("\n").append(amzDate).append("\n").append(scope).append("\n");
    const crypto::Sha256Digest digest = crypto::sha256(canonicalRequest);
    crypto::appendHex(out, digest.data(), digest.size());
    return out;
}

} // namespace cumulus::sigv4
