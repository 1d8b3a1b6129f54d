// Serializing a DynamoDB PutItem (50 attributes) and parsing its response (50 attributes back),
// per second; and a Scan's answer (1,000 such items) parsed and printed as `cumulus-cli call`
// prints it. bench/run prints the ratios to botocore's serializer and parser (and, for the Scan,
// json.dumps as the AWS CLI prints) on the same work.
#include "PutItemPayload.h"
#include "model/SmithyJsonLoader.h"
#include "protocols/Protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <benchmark/benchmark.h>

using namespace cumulus;

namespace {

class FixedRandom final : public util::Random {
public:
    std::uint64_t next64() override { return 42; }
};

// DynamoDB's bundled model, its protocol, and one operation's context.
struct DynamoDb {
    model::LoadResult loaded = model::loadSmithyJsonFile(QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/dynamodb.json"));
    const model::Shape *service = loaded.model->find("com.amazonaws.dynamodb#DynamoDB_20120810");
    std::unique_ptr<protocols::Protocol> protocol = protocols::protocolFor(*service);
    FixedRandom random;
    protocols::OperationContext context;

    explicit DynamoDb(const std::string &operation)
        : context{*loaded.model, *service, *loaded.model->find("com.amazonaws.dynamodb#" + operation), random}
    {
    }
};

enum class Half { Both, Serialize, Parse, ParseToQJsonObject };

void putItem(benchmark::State &state, Half half)
{
    DynamoDb dynamodb("PutItem");
    const auto &protocol = dynamodb.protocol;
    const auto &context = dynamodb.context;
    const QJsonObject input{{"TableName", "Music"}, {"Item", bench::putItemItem()}, {"ReturnValues", "ALL_OLD"}};
    net::HttpResponse response;
    response.status = 200;
    response.headers = {{"Content-Type", "application/x-amz-json-1.0"}, {"x-amzn-RequestId", "ABCDEF"}};
    response.body = QJsonDocument(QJsonObject{{"Attributes", bench::putItemItem()}}).toJson(QJsonDocument::Compact).toStdString();
    std::vector<protocols::InputProblem> problems;
    for (auto _ : state) {
        if (half == Half::Both || half == Half::Serialize) {
            problems.clear();
            auto request = protocol->serialize(context, input, problems);
            benchmark::DoNotOptimize(request);
        }
        if (half != Half::Serialize) {
            auto parsed = protocol->parse(context, response);
            benchmark::DoNotOptimize(parsed);
            if (half == Half::ParseToQJsonObject) // what the window and paging add
                benchmark::DoNotOptimize(parsed.output.object());
        }
    }
    state.SetItemsProcessed(state.iterations());
}

// A Scan of 1,000 items as the CLI handles its answer: parsed, then printed indented.
void DynamoDbScanPrinted(benchmark::State &state)
{
    DynamoDb dynamodb("Scan");
    const auto &protocol = dynamodb.protocol;
    const auto &context = dynamodb.context;
    QJsonArray items;
    for (int i = 0; i < 1000; ++i)
        items.append(bench::putItemItem());
    net::HttpResponse response;
    response.status = 200;
    response.headers = {{"Content-Type", "application/x-amz-json-1.0"}, {"x-amzn-RequestId", "ABCDEF"}};
    response.body = QJsonDocument(QJsonObject{{"Items", items}, {"Count", 1000}, {"ScannedCount", 1000}})
                        .toJson(QJsonDocument::Compact)
                        .toStdString();
    for (auto _ : state) {
        const auto parsed = protocol->parse(context, response);
        auto printed = parsed.output.toJson(protocols::JsonWriter::Layout::Indented);
        benchmark::DoNotOptimize(printed);
    }
    state.SetItemsProcessed(state.iterations());
}

void DynamoDbPutItemRoundTrip(benchmark::State &state) { putItem(state, Half::Both); }
// The two halves alone, to see where the time goes (bench/run compares the round trip only).
void DynamoDbPutItemSerialize(benchmark::State &state) { putItem(state, Half::Serialize); }
void DynamoDbPutItemParse(benchmark::State &state) { putItem(state, Half::Parse); }
// The output document as a QJsonObject too, as the window's tree and paging ask for it.
void DynamoDbPutItemParseToQJsonObject(benchmark::State &state) { putItem(state, Half::ParseToQJsonObject); }

} // namespace

BENCHMARK(DynamoDbPutItemRoundTrip);
BENCHMARK(DynamoDbPutItemSerialize);
BENCHMARK(DynamoDbPutItemParse);
BENCHMARK(DynamoDbPutItemParseToQJsonObject);
BENCHMARK(DynamoDbScanPrinted)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
