// Endpoint rule-set evaluations per second (S3 and DynamoDB rules, as a client binds them);
// bench/run prints the ratio to botocore's rules engine on the same rule sets and partitions.
#include "EndpointCases.h"
#include "endpoints/RuleEvaluator.h"
#include "endpoints/RuleSet.h"
#include "model/SmithyJsonLoader.h"

#include <benchmark/benchmark.h>

using namespace cumulus;

namespace {

void Evaluate(benchmark::State &state, const bench::EndpointCase &c)
{
    const model::LoadResult loaded = model::loadSmithyJsonFile(
        QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/") + QString::fromLatin1(c.model) + ".json");
    const model::Shape *service = loaded.model->shapesOfType(model::ShapeType::Service).front();
    const auto rules = endpoints::RuleSet::parse(service->trait("smithy.rules#endpointRuleSet")->json);
    const auto params = endpoints::RuleValue::fromJson(c.params);
    const endpoints::RuleParams bound = params->toObject();
    const endpoints::Partitions &partitions = endpoints::Partitions::bundled();
    if (!endpoints::evaluateRules(**rules, bound, partitions)) {
        state.SkipWithError("the case does not resolve");
        return;
    }
    for (auto _ : state) {
        auto endpoint = endpoints::evaluateRules(**rules, bound, partitions);
        benchmark::DoNotOptimize(endpoint);
    }
    state.SetItemsProcessed(state.iterations());
}

const int Registered = [] {
    for (const bench::EndpointCase &c : bench::EndpointCases)
        benchmark::RegisterBenchmark(c.name, Evaluate, c);
    return 0;
}();

} // namespace

BENCHMARK_MAIN();
