// OpenSSL's one-shot SHA256 is deprecated in 3.0 in favour of EVP, but for the short inputs of
// request signing the EVP layer costs more than the hash itself (method fetch, context
// allocation). The low-level API is still shipped and is what this file uses.
#define OPENSSL_SUPPRESS_DEPRECATED

#include "crypto/Sha256.h"

#include "crypto/Hex.h"

#include <openssl/sha.h>

namespace cumulus::crypto {

Sha256Digest sha256(std::string_view data)
{
    // Not SHA256(): in OpenSSL 3 the one-shot call fetches the algorithm (locks, name lookups)
    // on every call, which costs more than hashing a canonical request.
    Sha256Digest digest;
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, data.data(), data.size());
    SHA256_Final(digest.data(), &context);
    return digest;
}

std::string sha256Hex(std::string_view data)
{
    return toHex(sha256(data));
}

} // namespace cumulus::crypto
