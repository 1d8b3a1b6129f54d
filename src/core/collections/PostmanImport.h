#pragma once

#include "collections/Collection.h"
#include "util/Expected.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace cumulus::collections {

// A Postman collection (v2.1, or v2.0) read as a Cumulus collection: its requests signed with
// Postman's "AWS Signature" auth (their own, or a folder's or the collection's) become HTTP
// requests (SavedRequest::isHttp) with the auth's service name and region, under paths made of
// the folder and request names; the keys are left out — a profile signs them. Its variables become
// the collection's (not those that look like credentials). What was not imported, or imported
// with a change, is in the report, one line per item, naming it by its folders.
struct PostmanImport {
    Collection collection; // name, variables, requests (folder empty)
    std::vector<std::string> report;
};

// An error when the text is not a Postman collection v2.x.
util::Expected<PostmanImport> importPostman(const QByteArray &json);

// Writes an import into a folder that holds no collection yet (made as needed).
std::optional<util::Error> writeImport(const std::string &folder, const PostmanImport &imported);

} // namespace cumulus::collections
