// Every protocol's response and error parser, on any status, content type and body: a service's
// answer is input Cumulus does not control. One operation per protocol of the bundled models.
#include "FuzzInput.h"
#include "SeededRandom.h"
#include "model/ModelRegistry.h"
#include "model/OperationIndex.h"
#include "protocols/Protocol.h"

#include <cstdlib>
#include <memory>

using namespace cumulus;

namespace {

struct Target {
    std::shared_ptr<const model::Model> model;
    const model::Shape *service = nullptr;
    const model::Shape *operation = nullptr;
    std::unique_ptr<protocols::Protocol> protocol;
};

std::vector<Target> load()
{
    model::ModelRegistry registry;
    registry.addBundled();
    const std::pair<const char *, const char *> wanted[] = {
        {"dynamodb", "GetItem"},     // awsJson1_0
        {"kinesis", "GetRecords"},   // awsJson1_1
        {"sqs", "ReceiveMessage"},   // awsJson1_0 with awsQueryCompatible
        {"lambda", "GetFunction"},   // restJson1
        {"lambda", "Invoke"},        // restJson1, blob payload and headers
        {"sts", "AssumeRole"},       // awsQuery
        {"cloudwatch", "GetMetricData"}, // awsQuery, timestamps and lists
        {"s3", "ListObjectsV2"},     // restXml
        {"s3", "GetObject"},         // restXml, streaming payload and many headers
        {"s3", "GetBucketLocation"}, // restXml, S3's bare root customization
    };
    std::vector<Target> out;
    for (const auto &[serviceName, operationName] : wanted) {
        const model::ServiceSummary *summary = registry.find(serviceName);
        if (!summary)
            std::abort();
        Target t;
        t.model = registry.open(*summary).model;
        t.service = t.model->find(summary->shapeId);
        for (const model::Shape *op : model::operationsOf(*t.model, *t.service))
            if (op->id.name() == operationName)
                t.operation = op;
        t.protocol = protocols::protocolFor(*t.service);
        if (!t.operation || !t.protocol)
            std::abort();
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::vector<Target> targets = load();
    const fuzz::FuzzInput input(data, size);
    const auto parts = input.parts(3); // content type, a header line "Name: value", body
    const Target &t = targets[input.mode % targets.size()];
    static const int statuses[] = {200, 200, 206, 301, 400, 403, 404, 500};
    net::HttpResponse response;
    response.status = statuses[(input.mode / targets.size()) % 8];
    response.headers = {{"Content-Type", parts[0]}};
    if (const std::size_t colon = parts[1].find(':'); colon != std::string::npos)
        response.headers.push_back({parts[1].substr(0, colon), parts[1].substr(colon + 1)});
    response.body = parts[2];
    test::SeededRandom random(1);
    (void)t.protocol->parse({*t.model, *t.service, *t.operation, random}, response);
    return 0;
}
