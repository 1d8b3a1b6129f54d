#pragma once

#include <QTemporaryDir>

#include <random>
#include <string>
#include <vector>

namespace cumulus::test {

// Generates `sign` argument lists for the differential test against botocore: methods, Unicode
// and reserved characters in paths and query fields, repeated and empty query fields, header
// values with runs of spaces, empty, text and binary bodies, S3 and other services, with and
// without a session token, header and presigned signing. Deterministic for a given seed.
//
// It stays inside what both signers define alike (see SignCaseGenerator.cpp for the few corners
// where botocore's own pipeline, not SigV4, decides, and that it therefore leaves out).
class SignCaseGenerator {
public:
    SignCaseGenerator(std::uint64_t seed, const QTemporaryDir &bodies);

    std::vector<std::string> next();

private:
    int below(int n);
    bool chance(double p);
    template <typename T> const T &oneOf(const std::vector<T> &items)
    {
        return items[std::size_t(below(int(items.size())))];
    }

    std::string rawText(int maxLength, bool allowSlash);
    std::string encoded(const std::string &raw, bool keepSlash);
    std::string path(bool s3);
    std::string query(bool allowRepeats);
    std::string headerValue();
    std::string token(int length, const std::string &alphabet);

    std::mt19937_64 m_rng;
    const QTemporaryDir &m_bodies;
    int m_count = 0;
};

} // namespace cumulus::test
