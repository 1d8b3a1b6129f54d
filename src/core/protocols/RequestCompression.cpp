#include "protocols/RequestCompression.h"

#include "model/JsonText.h"

#include <QJsonArray>
#include <QJsonObject>

#include <zlib.h>

namespace cumulus::protocols {

namespace {

std::optional<std::string> gzip(const std::string &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    std::string out(deflateBound(&stream, uLong(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return std::nullopt;
    return out;
}

} // namespace

void applyRequestCompression(const model::Shape &operation, net::HttpRequest &request, std::size_t minimumSize)
{
    const model::Trait *trait = operation.trait("smithy.api#requestCompression");
    if (!trait || request.body.size() < minimumSize)
        return;
    const QJsonArray encodings = model::parseJsonValue(trait->json).toObject().value("encodings").toArray();
    if (!encodings.contains(QStringLiteral("gzip")))
        return;
    const auto compressed = gzip(request.body);
    if (!compressed)
        return; // sent as it is: compression is an optimisation
    request.body = *compressed;
    bool hadEncoding = false;
    for (net::Header &h : request.headers) {
        if (QString::fromStdString(h.name).compare("Content-Encoding", Qt::CaseInsensitive) == 0) {
            h.value += ", gzip";
            hadEncoding = true;
        } else if (QString::fromStdString(h.name).compare("Content-Length", Qt::CaseInsensitive) == 0) {
            h.value = std::to_string(request.body.size());
        }
    }
    if (!hadEncoding)
        request.headers.push_back({"Content-Encoding", "gzip"});
}

} // namespace cumulus::protocols
