#pragma once

// The rule-set evaluations bench_endpoints and bench/peers/botocore_endpoints.py both time: the
// model's rule set, and the parameters as a client binds them. Keep the two lists the same.

namespace cumulus::bench {

struct EndpointCase {
    const char *name;
    const char *model; // resources/models/<model>.json
    const char *params; // JSON object
};

inline constexpr EndpointCase EndpointCases[] = {
    {"s3_virtual_host", "s3",
     R"({"Region": "us-west-2", "Bucket": "my-bucket", "UseFIPS": false, "UseDualStack": false,
         "ForcePathStyle": false, "Accelerate": false, "UseGlobalEndpoint": false, "UseArnRegion": true,
         "DisableMultiRegionAccessPoints": false})"},
    {"s3_access_point_arn", "s3",
     R"({"Region": "us-west-2", "Bucket": "arn:aws:s3:us-west-2:123456789012:accesspoint:myendpoint",
         "UseFIPS": false, "UseDualStack": false, "ForcePathStyle": false, "Accelerate": false,
         "UseGlobalEndpoint": false, "UseArnRegion": true, "DisableMultiRegionAccessPoints": false})"},
    {"dynamodb_regional", "dynamodb",
     R"({"Region": "us-west-2", "UseFIPS": false, "UseDualStack": false, "AccountIdEndpointMode": "preferred"})"},
};

} // namespace cumulus::bench
