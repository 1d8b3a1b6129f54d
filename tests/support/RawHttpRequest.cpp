#include "RawHttpRequest.h"

#include <QFile>
#include <QtTest>

#include <algorithm>

namespace cumulus::test {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

} // namespace

RawHttpRequest RawHttpRequest::parse(const QByteArray &text)
{
    RawHttpRequest request;
    const std::string all = text.toStdString();
    std::size_t pos = 0;
    auto nextLine = [&](std::string &line) {
        if (pos > all.size())
            return false;
        std::size_t end = all.find('\n', pos);
        if (end == std::string::npos)
            end = all.size();
        line = all.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        pos = end + 1;
        return true;
    };

    std::string line;
    nextLine(line);
    const std::size_t firstSpace = line.find(' ');
    const std::size_t version = line.rfind(" HTTP/");
    request.method = line.substr(0, firstSpace);
    const std::string target =
        line.substr(firstSpace + 1,
                    version == std::string::npos ? std::string::npos : version - firstSpace - 1);
    const std::size_t question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos)
        request.query = target.substr(question + 1);

    while (nextLine(line)) {
        if (line.empty())
            break;
        if ((line[0] == ' ' || line[0] == '\t') && !request.headers.empty()) {
            request.headers.back().value += "\n" + line;
            continue;
        }
        const std::size_t colon = line.find(':');
        request.headers.push_back({line.substr(0, colon), line.substr(colon + 1)});
    }
    if (pos <= all.size())
        request.body = all.substr(pos);
    return request;
}

sigv4::SignableRequest RawHttpRequest::toSignable() const
{
    sigv4::SignableRequest signable;
    signable.method = method;
    signable.scheme = "https";
    for (const sigv4::Header &header : headers) {
        if (lower(header.name) == "host")
            signable.authority = header.value;
    }
    signable.path = path;
    signable.query = query;
    signable.headers = headers;
    signable.body = body;
    return signable;
}

std::vector<std::string> RawHttpRequest::sortedQueryFields() const
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos)
            end = query.size();
        fields.push_back(query.substr(start, end - start));
        start = end + 1;
    }
    std::sort(fields.begin(), fields.end());
    return fields;
}

std::vector<std::pair<std::string, std::string>> RawHttpRequest::normalizedHeaders() const
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const sigv4::Header &header : headers) {
        std::string value = header.value;
        // "Authorization: AWS4-…" in the legacy suite has a space after the colon.
        const std::size_t first = value.find_first_not_of(' ');
        out.emplace_back(lower(header.name), first == std::string::npos ? "" : value.substr(first));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    return out;
}

QByteArray readTestFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read test data %s", qPrintable(path));
        return {};
    }
    return file.readAll();
}

} // namespace cumulus::test
