#include "sending/CallExport.h"

#include "calls/PreparedCall.h"
#include "collections/CodeExport.h"
#include "endpoints/ServiceEndpoints.h"
#include "model/OperationIndex.h"
#include "model/ServiceSummary.h"
#include "sending/CallWorker.h"

namespace cumulus::gui {

util::Expected<std::string> exportCall(const CallToExport &call, const std::string &format, const util::Environment &environment,
                                       const credentials::SharedFiles &files, util::Random &random)
{
    const collections::ExportedCall exported{model::sdkIdOf(*call.service), std::string(call.operation->id.name()), call.input,
                                             call.profile, call.region, call.endpoint, call.model.get(),
                                             model::inputOf(*call.model, *call.operation)};
    if (format == "aws-cli")
        return collections::awsCliCommand(exported) + "\n";
    if (format == "boto3")
        return collections::boto3Snippet(exported);
    // curl signs the serialized request itself: the request as it would be sent, unsigned.
    calls::CallSpec spec = callSpecOf(call.model, call.service, call.operation, call.input, call.region, call.endpoint, environment,
                                      files.settingsOf(credentials::SharedFiles::selectedProfile(call.profile, environment)));
    auto compiled = endpoints::ServiceEndpoints::forService(*call.model, *call.service);
    if (!compiled)
        return compiled.error();
    spec.endpoints = std::make_shared<const endpoints::ServiceEndpoints>(std::move(*compiled));
    const auto prepared = calls::PreparedCall::prepare(spec, random);
    if (const auto *problem = std::get_if<calls::PrepareError>(&prepared))
        return util::Error{problem->message.empty() && !problem->problems.empty()
                               ? problem->problems.front().path + ": " + problem->problems.front().message
                               : problem->message};
    const calls::PreparedCall &first = std::get<calls::PreparedCall>(prepared);
    auto command = collections::curlCommand(first.request(), first.url(), first.endpoint().signingRegion, first.endpoint().signingName);
    if (!command)
        return command.error();
    return *command + "\n";
}

} // namespace cumulus::gui
