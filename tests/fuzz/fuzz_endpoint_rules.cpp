// The endpoint rules: any rule set compiled and evaluated, and S3's real rules with any bucket,
// region, endpoint and key (the parameters people and ARNs feed them).
#include "FuzzInput.h"
#include "endpoints/RuleEvaluator.h"
#include "endpoints/RuleSet.h"
#include "endpoints/ServiceEndpoints.h"
#include "model/ModelRegistry.h"

#include <cstdlib>

using namespace cumulus;

namespace {

// The S3 rule set, kept with the model that holds it.
const endpoints::RuleSet &s3Rules()
{
    static model::LoadResult loaded;
    model::ModelRegistry registry;
    registry.addBundled();
    const model::ServiceSummary *s3 = registry.find("s3");
    loaded = registry.open(*s3);
    static const auto endpoints = endpoints::ServiceEndpoints::forService(*loaded.model, *loaded.model->find(s3->shapeId));
    if (!endpoints || !endpoints->rules())
        std::abort();
    return *endpoints->rules();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const endpoints::RuleSet &s3 = s3Rules();
    const fuzz::FuzzInput input(data, size);
    if (input.mode & 1) {
        const auto rules = endpoints::RuleSet::parse(input.rest);
        if (rules) {
            (void)endpoints::evaluateRules(**rules, {{"Region", "us-east-1"}});
            (void)endpoints::evaluateRules(**rules, {{"Region", "cn-north-1"}, {"UseFIPS", true}, {"UseDualStack", true},
                                                     {"Endpoint", "https://example.com/path"}, {"Bucket", "a.b"}});
        }
        return 0;
    }
    const auto parts = input.parts(4); // bucket, region, endpoint, key
    endpoints::RuleParams params = {{"Bucket", parts[0]}, {"Region", parts[1]}, {"Key", parts[3]},
                                    {"UseFIPS", bool(input.mode & 2)}, {"UseDualStack", bool(input.mode & 4)},
                                    {"ForcePathStyle", bool(input.mode & 8)}, {"Accelerate", bool(input.mode & 16)},
                                    {"UseArnRegion", bool(input.mode & 32)}};
    if (!parts[2].empty())
        params.push_back({"Endpoint", parts[2]});
    (void)endpoints::evaluateRules(s3, params);
    return 0;
}
