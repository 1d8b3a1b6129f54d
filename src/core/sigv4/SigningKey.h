#pragma once

#include "crypto/Sha256.h"

#include <string_view>

namespace cumulus::sigv4 {

// Stage 3 of SigV4: HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
// The result is as secret as the secret key: never print it.
crypto::Sha256Digest deriveSigningKey(std::string_view secretAccessKey, std::string_view date,
                                      std::string_view region, std::string_view service);

} // namespace cumulus::sigv4
