#pragma once

#include <string>
#include <string_view>

namespace cumulus::sigv4 {

inline constexpr std::string_view Algorithm = "AWS4-HMAC-SHA256";

// Stage 2 of SigV4.
// "20150830/us-east-1/service/aws4_request"
std::string credentialScope(std::string_view date, std::string_view region,
                            std::string_view service);

// "AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256(canonicalRequest)>"
std::string stringToSign(std::string_view amzDate, std::string_view scope,
                         std::string_view canonicalRequest);

} // namespace cumulus::sigv4
