#pragma once

// The requests both sides sign: keep in step with bench/peers/botocore_sigv4.py.
namespace cumulus::bench {

inline constexpr const char *AccessKey = "AKIDEXAMPLE";
inline constexpr const char *SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
inline constexpr const char *SessionToken =
    "IQoJb3JpZ2luX2VjEXAMPLEtokenFwoGZXIvYXdzEBYaDHhBTEXAMPLEsessionTOKENvalue0123456789abcdef==";

// 1. DynamoDB GetItem: awsJson1_0 POST, small JSON body.
inline constexpr const char *DynamoUrl = "https://dynamodb.us-east-1.amazonaws.com/";
inline constexpr const char *DynamoBody =
    R"({"TableName":"Music","Key":{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Call Me Today"}},"ConsistentRead":true})";

// 2. S3 GetObject: long key with escapes, several query fields, S3 rules.
inline constexpr const char *S3Url =
    "https://examplebucket.s3.us-east-1.amazonaws.com/photos/2024/summer%20holiday/"
    "family/IMG_20240715_183005%20%28edited%29%20final%20version%20%C3%A9t%C3%A9.jpeg"
    "?versionId=3HL4kqtJlcpXroDTDmJ%2Bj5dn3pk0q9QXUcCW&response-content-type=image%2Fjpeg"
    "&response-cache-control=no-cache&partNumber=1";

// 3. S3 presigned GET URL with temporary credentials.
inline constexpr const char *PresignUrl =
    "https://examplebucket.s3.us-east-1.amazonaws.com/reports/2024/q3/summary%20final.pdf";

} // namespace cumulus::bench
