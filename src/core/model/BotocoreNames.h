#pragma once

#include <string>
#include <string_view>

namespace cumulus::model {

// The names botocore and the AWS CLI give a service and an operation, for commands and code that
// people run with them.

// botocore's service name (boto3.client("…")): "DynamoDB" -> "dynamodb", "Secrets Manager" ->
// "secretsmanager", "Elastic Load Balancing v2" -> "elbv2".
std::string botocoreServiceName(std::string_view sdkId);
// The AWS CLI's command: botocore's name but for its renames ("S3" -> "s3api").
std::string awsCliServiceName(std::string_view sdkId);
// botocore's xform_name with '-': "ListObjectsV2" -> "list-objects-v2", "GetBucketACLs" ->
// "get-bucket-acls" (the AWS CLI's operation commands; with '_' for boto3 they differ only in it).
std::string xformName(std::string_view operation);

} // namespace cumulus::model
