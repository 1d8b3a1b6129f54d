#pragma once

#include "sigv4/SignableRequest.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace cumulus::test {

// A request as written in the SigV4 test suites: "METHOD TARGET HTTP/1.1", header lines
// ("Name:value", continuation lines start with whitespace), a blank line, the body.
struct RawHttpRequest {
    std::string method;
    std::string path;
    std::string query;
    std::vector<sigv4::Header> headers;
    std::string body;

    static RawHttpRequest parse(const QByteArray &text);

    // https://<Host header><path>?<query>
    sigv4::SignableRequest toSignable() const;

    // Query fields, split at '&', sorted (the suites and botocore order the X-Amz-* fields
    // differently; the order carries no meaning).
    std::vector<std::string> sortedQueryFields() const;

    // Headers with lowercased names, sorted by name, values in their order.
    std::vector<std::pair<std::string, std::string>> normalizedHeaders() const;
};

QByteArray readTestFile(const QString &path);

} // namespace cumulus::test
