#pragma once

#include "endpoints/RuleEvaluator.h"
#include "model/Model.h"

#include <QJsonObject>

namespace cumulus::endpoints {

// The rule parameters an operation binds itself, as botocore does, strongest first:
// staticContextParams (fixed values on the operation), contextParam (input members, e.g. S3's
// Bucket), operationContextParams (a JMESPath into the input, e.g. DynamoDB's keys(RequestItems)).
RuleParams operationContextParams(const model::Model &model, const model::Shape &operation, const QJsonObject &input);

// The subset of JMESPath that operationContextParams use: "A.B", "A[*].B", "keys(A)". A string, a
// list of strings, or unset.
RuleValue searchInput(const QJsonValue &input, std::string_view path);

} // namespace cumulus::endpoints
