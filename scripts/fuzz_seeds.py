#!/usr/bin/env python3
"""Writes the seed corpus of each libFuzzer target (tests/fuzz) from the project's test data.

Usage: fuzz_seeds.py SOURCE_DIR OUT_DIR   (OUT_DIR/<target>/seed-N files; existing files stay)
Each seed is what the target reads: a mode byte, then parts separated by NUL bytes.
"""
import glob
import json
import os
import sys

source, out = sys.argv[1], sys.argv[2]


def seeds(target, items):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = item.encode()
        with open(os.path.join(folder, "seed-%d" % i), "wb") as f:
            f.write(item)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def joined(mode, *parts):
    return bytes([mode]) + b"\0".join(p.encode() if isinstance(p, str) else p for p in parts)


# ~/.aws files: the shared-file corpus the tests compare with botocore, each with edits.
corpus = json.load(open(os.path.join(source, "tests/data/profiles/corpus.json")))
items = []
for n, case in enumerate(corpus):
    for kind, text in ((1, case.get("config", "")), (0, case.get("credentials", ""))):
        if text:
            items.append(joined(kind | ((n % 5) << 1), text, "region", "eu-west-1"))
seeds("fuzz_shared_files", items)

# Smithy JSON: the smallest bundled model and a tiny one.
tiny = {"smithy": "2.0", "shapes": {"a.b#S": {"type": "service", "version": "1", "operations": [{"target": "a.b#Op"}]},
                                     "a.b#Op": {"type": "operation", "input": {"target": "a.b#In"}},
                                     "a.b#In": {"type": "structure", "members": {"x": {"target": "smithy.api#String",
                                                "traits": {"smithy.api#required": {}}}}}}}
seeds("fuzz_smithy_json", [json.dumps(tiny), read(os.path.join(source, "resources/models/sts.json"))])

# Smithy IDL: the protocol compliance test models.
idl = sorted(glob.glob(os.path.join(source, "tests/data/protocol-tests/**/*.smithy"), recursive=True))
seeds("fuzz_smithy_idl", [b"\0" + read(p) for p in idl[:60]])

# botocore: STS from Debian's botocore when it is there, and a tiny service.
items = [joined(0, json.dumps({"version": "2.0", "metadata": {"protocol": "json", "serviceId": "X", "endpointPrefix": "x",
                                                                  "jsonVersion": "1.0", "targetPrefix": "X"},
                                "operations": {"Op": {"name": "Op", "http": {"method": "POST", "requestUri": "/"},
                                                      "input": {"shape": "In"}}},
                                "shapes": {"In": {"type": "structure", "members": {"A": {"shape": "S"}}},
                                           "S": {"type": "string"}}}), "{}")]
for path in glob.glob("/usr/lib/python3/dist-packages/botocore/data/sts/*/service-2.json"):
    items.append(joined(0, read(path), read(os.path.join(os.path.dirname(path), "paginators-1.json"))))
seeds("fuzz_botocore", items)

# Responses: a body of each kind for each target operation (mode picks operation and status).
bodies = [
    ("application/x-amz-json-1.0", "x-amzn-RequestId: R", '{"Item": {"a": {"S": "x"}, "b": {"N": "1"}, "c": {"B": "AAE="}}}'),
    ("application/x-amz-json-1.0", "x-amzn-ErrorType: ResourceNotFoundException:http://x/",
     '{"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "message": "no"}'),
    ("application/json", "x-amz-function-error: Unhandled", '{"Configuration": {"FunctionName": "f", "LastModified": "2024-01-01T00:00:00.000+0000"}}'),
    ("text/xml", "x-amz-request-id: R",
     '<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId><Expiration>2024-01-01T00:00:00Z'
     '</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>R</RequestId></ResponseMetadata></AssumeRoleResponse>'),
    ("application/xml", "x-amz-request-id: R",
     '<?xml version="1.0"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Contents><Key>k</Key>'
     '<LastModified>2024-01-01T00:00:00.000Z</LastModified><Size>1</Size></Contents><IsTruncated>false</IsTruncated></ListBucketResult>'),
    ("application/xml", "x-amz-request-id: R",
     '<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><CanonicalRequest>GET\n/\n</CanonicalRequest></Error>'),
    ("text/xml", "",
     '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>'
     '<RequestId>R</RequestId></ErrorResponse>'),
]
seeds("fuzz_responses", [joined(mode, *body) for mode in range(0, 80, 7) for body in bodies])

# Endpoint rules: STS's rule set (mode 1), and S3 parameters (mode 0).
sts = json.load(open(os.path.join(source, "resources/models/sts.json")))
rules = [s["traits"]["smithy.rules#endpointRuleSet"] for s in sts["shapes"].values()
         if s.get("type") == "service" and "smithy.rules#endpointRuleSet" in s.get("traits", {})]
items = [b"\1" + json.dumps(r).encode() for r in rules]
items += [joined(m, b, r, e, k) for (m, b, r, e, k) in [
    (0, "my-bucket", "us-east-1", "", "a/b.txt"), (2, "my.bucket", "eu-west-1", "", ""),
    (8, "bucket", "us-west-2", "http://localhost:4566", "k"),
    (32, "arn:aws:s3:us-west-2:123456789012:accesspoint:myendpoint", "us-west-2", "", ""),
    (0, "arn:aws:s3-outposts:us-west-2:123456789012:outpost:op-01234567890123456:accesspoint:reports", "us-west-2", "", ""),
    (4, "bucket--usw2-az1--x-s3", "us-west-2", "", "")]]
seeds("fuzz_endpoint_rules", items)

# SigV4: the official suite's request lines, as URLs with a header and a body.
items = []
for request in sorted(glob.glob(os.path.join(source, "tests/data/sigv4/v4/*/request.txt"))):
    lines = read(request).decode("utf-8", "replace").split("\n")
    method, target = lines[0].split(" ")[0], " ".join(lines[0].split(" ")[1:-1])
    header = lines[2] if len(lines) > 2 and ":" in lines[2] else "X-Amz-Date:20150830T123600Z"
    name, value = header.split(":", 1)
    items.append(joined(4 if method == "POST" else 0, "https://example.amazonaws.com" + target, name, value,
                        lines[-1] if method == "POST" else ""))
for mode in (16, 48, 40):
    items.append(joined(mode, "https://bucket.s3.amazonaws.com/photos/2024 summer/%7E+x.jpg?list-type=2&prefix=a%2Fb",
                        "Content-Type", "image/jpeg", "body"))
seeds("fuzz_sigv4", items)

# Collections: a collection, a request and an environment as Cumulus writes them.
collection = 'name = "Music"\nregion = "us-east-1"\nprofile = "{{profile}}"\n\n[variables]\ntable = "Music"\n'
request = ('service = "dynamodb"\noperation = "GetItem"\ndescription = "An item"\nendpoint = "{{endpoint}}"\n'
           "input = '''\n{\n    \"Key\": {\n        \"Artist\": {\n            \"S\": \"No One\"\n        }\n    },\n"
           "    \"TableName\": \"{{table}}\"\n}\n'''\n")
environment = '[variables]\nendpoint = "http://localhost:8000"\nprofile = "dev"\n'
seeds("fuzz_collection", [joined(1, collection, request, environment), joined(0, collection, request, "")])
