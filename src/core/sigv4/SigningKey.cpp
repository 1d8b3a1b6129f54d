#include "sigv4/SigningKey.h"

#include "crypto/HmacSha256.h"

#include <openssl/crypto.h>

#include <string>

namespace cumulus::sigv4 {

crypto::Sha256Digest deriveSigningKey(std::string_view secretAccessKey, std::string_view date,
                                      std::string_view region, std::string_view service)
{
    auto view = [](const crypto::Sha256Digest &d) {
        return std::string_view(reinterpret_cast<const char *>(d.data()), d.size());
    };
    std::string seed = "AWS4";
    seed.append(secretAccessKey);
    crypto::Sha256Digest key = crypto::HmacSha256::compute(seed, date);
    OPENSSL_cleanse(seed.data(), seed.size());
    key = crypto::HmacSha256::compute(view(key), region);
    key = crypto::HmacSha256::compute(view(key), service);
    return crypto::HmacSha256::compute(view(key), "aws4_request");
}

} // namespace cumulus::sigv4
