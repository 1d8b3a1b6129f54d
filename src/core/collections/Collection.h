#pragma once

#include "util/Expected.h"

#include <QJsonObject>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cumulus::collections {

// One saved call: an operation, its input document (--cli-input-json style, `{{variables}}`
// allowed in its strings), optional overrides, a description. Never credentials: only a profile's
// name.
struct SavedRequest {
    std::string path;      // relative to the collection's folder, '/'-separated, e.g. "tables/get-item.toml"
    std::string service;   // a catalog name: "dynamodb"
    std::string operation; // "GetItem"
    std::string description;
    std::string region;    // empty: the collection's, then the profile's
    std::string profile;   // empty: the collection's, then AWS_PROFILE / default
    std::string endpoint;  // empty: the configured one
    QJsonObject input;

    // An HTTP request as written (imported from Postman), instead of an operation: `service` is
    // then the name it is signed for ("execute-api"), and it is sent as it is, signed anew.
    std::string method;               // "POST"
    std::string url;                  // "https://{{host}}/items?limit=10"
    std::vector<std::string> headers; // "Name: value", in order
    std::string body;
    bool isHttp() const { return !url.empty(); }
};

// A problem with one file of a collection; the other files still load.
struct FileProblem {
    std::string file; // relative path
    int line = 0;     // 0 when the problem is not on one line
    std::string message;
    std::string text() const; // "file:line: message"
};

// A collection is a folder: collection.toml (name, default region and profile, [variables]), one
// .toml file per request (sub-folders are groups), environments/NAME.toml ([variables]). Files are
// written by hand-set rules (stable key order, the input as pretty JSON in a multi-line string, one
// value per line), so saving what was loaded rewrites no byte and diffs stay small.
struct Collection {
    std::string folder;
    std::string name;
    std::string region;
    std::string profile;
    std::map<std::string, std::string> variables;
    std::vector<SavedRequest> requests;                                  // by path
    std::map<std::string, std::map<std::string, std::string>> environments; // name -> variables
    std::vector<FileProblem> problems;
};

// Reads a collection folder; a file that cannot be read is a problem with its file:line, the rest
// loads. An error only when the folder itself is not a collection (no collection.toml).
util::Expected<Collection> loadCollection(const std::string &folder);

// The text a request is saved as (what saveRequest writes).
std::string requestText(const SavedRequest &request);
std::string collectionText(const Collection &collection);

// Saves one request (atomically; nothing when the file already holds these bytes). Refused, with
// the JSON path, when its input holds something that looks like a secret.
std::optional<util::Error> saveRequest(const std::string &folder, const SavedRequest &request);
// Whether `path` may name a request's file: NAME.toml inside the collection, not collection.toml
// nor under environments/. The error says why not.
std::optional<util::Error> checkRequestPath(const std::string &path);
// Renames or moves a request's file inside the collection (sub-folders made as needed, left
// empty ones removed); refused when `to` is taken or is no request file name.
std::optional<util::Error> moveRequest(const std::string &folder, const std::string &from, const std::string &to);
// Deletes a request's file and gives back its bytes (for an undo: restoreRequest).
util::Expected<std::string> deleteRequest(const std::string &folder, const std::string &path);
std::optional<util::Error> restoreRequest(const std::string &folder, const std::string &path, const std::string &bytes);

// Saves collection.toml (name, defaults, variables).
std::optional<util::Error> saveCollectionFile(const Collection &collection);

// Something in an input that looks like a credential: an access key id (AKIA…/ASIA…), a member
// named like a secret (SecretAccessKey, SessionToken, Password…) with a value, or an STS session
// token. The JSON path of the first one found.
std::optional<std::string> secretIn(const QJsonObject &input);
// The same for a whole request: its input, and an HTTP request's URL, headers and body
// (Authorization, X-Amz-Security-Token, a presigned URL's signature…).
std::optional<std::string> secretIn(const SavedRequest &request);

} // namespace cumulus::collections
