#pragma once

#include "model/CatalogScanner.h"
#include "model/ModelError.h"

#include <QString>

#include <string>
#include <string_view>

namespace cumulus::model {

// botocore's JSON models (service-2.json, plain or .json.gz, with paginators-1.json beside it
// when present) mapped onto the same shapes and traits as Smithy: botocore's protocols become
// aws.protocols#awsQuery/awsJson1_0/…, location/locationName become httpHeader/httpQuery/
// httpLabel/xmlName/jsonName, min/max become length/range, enums become enum shapes, paginators
// become smithy.api#paginated. Shapes live in the namespace com.amazonaws.<endpoint prefix>.
// botocore's metadata is kept whole in the service trait cumulus.botocore#metadata.
// Errors name a JSON pointer into the botocore file.
LoadResult loadBotocoreJson(std::string_view serviceJson, std::string_view paginatorsJson,
                            const std::string &source);
LoadResult loadBotocoreFile(const QString &serviceFile);

// The catalog entry of a botocore service file.
CatalogScan scanBotocoreFile(const QString &serviceFile);

// True for botocore service file names (service-2.json, service-2.json.gz).
bool isBotocoreServiceFile(const QString &path);

// The file's bytes, gunzipped when the name ends in .gz; nullopt with a reason in error.
std::optional<QByteArray> readModelFile(const QString &path, std::string &error);

} // namespace cumulus::model
