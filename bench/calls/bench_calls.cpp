// 1,000 sequential DynamoDB GetItem calls in one process against a local server, through the whole
// pipeline (serialize, resolve the endpoint, sign, send with retries, parse): client CPU time and
// wall time per call. bench/run runs it beside boto3 doing the same (bench/peers/boto3_calls.py).
// Usage: bench_calls ENDPOINT_URL [COUNT [TRUSTED_SHA256]]   (the table "Bench" with key id = "k"
// must exist; over https, the server's self-signed certificate is trusted by its SHA-256)
#include "calls/CallRunner.h"
#include "model/SmithyJsonLoader.h"
#include "net/QnamTransport.h"
#include "util/SystemClock.h"
#include "util/SystemRandom.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <ctime>

using namespace cumulus;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_calls ENDPOINT_URL [COUNT]\n");
        return 2;
    }
    const int count = argc > 2 ? std::atoi(argv[2]) : 1000;
    const model::LoadResult loaded = model::loadSmithyJsonFile(QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/dynamodb.json"));
    calls::CallSpec spec;
    spec.model = loaded.model.get();
    spec.service = loaded.model->find("com.amazonaws.dynamodb#DynamoDB_20120810");
    spec.operation = loaded.model->find("com.amazonaws.dynamodb#GetItem");
    spec.input = QJsonObject{{"TableName", "Bench"}, {"Key", QJsonObject{{"id", QJsonObject{{"S", "k"}}}}}};
    spec.endpoint.region = "us-east-1";
    spec.endpoint.endpointUrl = argv[1];
    spec.endpoints = std::make_shared<const endpoints::ServiceEndpoints>(
        endpoints::ServiceEndpoints::forService(*spec.model, *spec.service).value());
    spec.credentials = credentials::Credentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "", {}, ""};
    util::SystemClock clock;
    util::SystemRandom random;
    util::SystemSleeper sleeper;
    net::TransportOptions options;
    if (argc > 3)
        options.trustedCertificates.push_back(argv[3]);
    net::QnamTransport transport(options);
    net::RequestExecutor executor(transport, clock, sleeper, random);
    calls::CallRunner runner(executor, random);

    auto once = [&] {
        // Each call from its input, as a person's call would be: prepare (serialize, endpoint), send.
        auto prepared = calls::PreparedCall::prepare(spec, random);
        const auto outcome = runner.send(std::get<calls::PreparedCall>(prepared), {});
        if (!outcome.last.ok() || !outcome.parsed || outcome.parsed->error) {
            std::fprintf(stderr, "a call failed: %s\n", outcome.last.message.c_str());
            std::exit(1);
        }
    };
    for (int i = 0; i < 20; ++i)
        once();
    const std::clock_t cpu0 = std::clock();
    const auto wall0 = std::chrono::steady_clock::now();
    for (int i = 0; i < count; ++i)
        once();
    const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    std::printf("{\"cpu_us_per_call\": %.1f, \"wall_us_per_call\": %.1f}\n", cpu / count * 1e6, wall / count * 1e6);
    return 0;
}
