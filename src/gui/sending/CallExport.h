#pragma once

#include "credentials/profile/SharedFiles.h"
#include "model/Model.h"
#include "util/Expected.h"

#include <QJsonObject>

#include <memory>
#include <string>

namespace cumulus::util {
class Environment;
class Random;
}

namespace cumulus::gui {

// The call the window holds, for Copy as….
struct CallToExport {
    std::shared_ptr<const model::Model> model;
    const model::Shape *service = nullptr;
    const model::Shape *operation = nullptr;
    QJsonObject input;
    std::string profile;  // empty: none named
    std::string region;   // empty: the profile's
    std::string endpoint; // empty: AWS's
};

// The call as code that signs where it runs: "aws-cli", "boto3" or "curl" (the request serialized
// as it would be sent, unsigned, for curl --aws-sigv4) — what cumulus-cli call --export prints.
util::Expected<std::string> exportCall(const CallToExport &call, const std::string &format, const util::Environment &environment,
                                       const credentials::SharedFiles &files, util::Random &random);

} // namespace cumulus::gui
