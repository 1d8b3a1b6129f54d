#pragma once

#include "model/Shape.h"
#include "net/HttpRequest.h"

#include <cstddef>

namespace cumulus::protocols {

// @requestCompression: a body of at least minimumSize bytes (the SDKs' default is 10 KiB) of an
// operation that accepts gzip is sent gzip-compressed, "gzip" appended to any Content-Encoding the
// input set, Content-Length updated. Streaming bodies are left alone.
void applyRequestCompression(const model::Shape &operation, net::HttpRequest &request,
                             std::size_t minimumSize = 10240);

} // namespace cumulus::protocols
