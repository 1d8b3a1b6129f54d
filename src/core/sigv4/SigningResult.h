#pragma once

#include "sigv4/SignableRequest.h"

#include <string>
#include <vector>

namespace cumulus::sigv4 {

// What signing produced: every intermediate stage (so a person can compare them with what AWS
// says it expected), and the request's headers and query as they must be sent.
// Contains no secret: the signing key never leaves the signer.
struct SigningResult {
    std::string canonicalRequest;
    std::string stringToSign;
    std::string signature;
    std::string signedHeaders;
    std::string authorization; // header signing; empty when presigning
    std::vector<Header> headers; // all headers after signing, in the order to send them
    std::string query; // the query after signing (presigning adds the X-Amz-* fields)

    // Puts the signature on the request (headers and query replaced; nothing else changes).
    void applyTo(SignableRequest &request) const
    {
        request.headers = headers;
        request.query = query;
    }
};

} // namespace cumulus::sigv4
