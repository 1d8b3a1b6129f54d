// SigV4 signatures per second, from a request description to a signed request, on one core.
// Each iteration builds the request from its URL and signs it, as the peer script does with
// botocore (bench/peers/botocore_sigv4.py); bench/run prints the ratio.
#include "BenchRequests.h"
#include "sigv4/AmzDate.h"
#include "sigv4/Signer.h"

#include <benchmark/benchmark.h>

using namespace cumulus;

namespace {

sigv4::SigningParams params(const char *service, const char *token = "")
{
    sigv4::SigningParams p;
    p.credentials.accessKeyId = bench::AccessKey;
    p.credentials.secretAccessKey = bench::SecretKey;
    p.credentials.sessionToken = token;
    p.region = "us-east-1";
    p.service = service;
    p.time = *sigv4::parseAmzDate("20240715T183005Z");
    return p;
}

void DynamoDbGetItem(benchmark::State &state)
{
    const sigv4::Signer signer;
    const sigv4::SigningParams p = params("dynamodb");
    for (auto _ : state) {
        auto request =
            sigv4::SignableRequest::fromUrl("POST", bench::DynamoUrl,
                                            {{"Content-Type", "application/x-amz-json-1.0"},
                                             {"X-Amz-Target", "DynamoDB_20120810.GetItem"}},
                                            bench::DynamoBody);
        auto result = signer.sign(*request, p);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}

void S3GetObjectLongKey(benchmark::State &state)
{
    const sigv4::Signer signer;
    sigv4::SigningParams p = params("s3");
    p.useS3Rules(false);
    for (auto _ : state) {
        auto request = sigv4::SignableRequest::fromUrl("GET", bench::S3Url);
        auto result = signer.sign(*request, p);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}

void S3PresignGet(benchmark::State &state)
{
    const sigv4::Signer signer;
    sigv4::SigningParams p = params("s3", bench::SessionToken);
    p.useS3Rules(true);
    p.expiresSeconds = 3600;
    for (auto _ : state) {
        auto request = sigv4::SignableRequest::fromUrl("GET", bench::PresignUrl);
        auto result = signer.presign(*request, p);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(DynamoDbGetItem);
BENCHMARK(S3GetObjectLongKey);
BENCHMARK(S3PresignGet);
BENCHMARK_MAIN();
