#!/usr/bin/env python3
"""botocore's serializer and parser on the same work as bench/protocols/bench_protocols.cpp: a DynamoDB
PutItem (serialize the request of 50 attributes, parse the response of 50), and a Scan's answer of
1,000 such items parsed and printed as the AWS CLI prints JSON (json.dumps, indent 4). Prints
{name: per second}."""
import json
import sys
import time

import botocore.session
from botocore.parsers import create_parser
from botocore.serialize import create_serializer


def attribute(i):
    kind = i % 5
    if kind == 0:
        return {"S": "value number %d with some text" % i}
    if kind == 1:
        return {"N": str(i * 1000 + 7)}
    if kind == 2:
        return {"BOOL": i % 2 == 0}
    if kind == 3:
        return {"SS": ["red", "green", "blue"]}
    return {"M": {"nested": {"S": "deep"}, "count": {"N": "42"}}}


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    model = botocore.session.get_session().get_service_model("dynamodb")
    operation = model.operation_model("PutItem")
    serializer = create_serializer("json", include_validation=True)  # botocore validates by default
    parser = create_parser("json")
    item = {"attribute%d" % i: attribute(i) for i in range(50)}
    params = {"TableName": "Music", "Item": item, "ReturnValues": "ALL_OLD"}
    body = json.dumps({"Attributes": item}).encode()
    response = {"status_code": 200, "headers": {"x-amzn-requestid": "ABCDEF"}, "body": body}

    def once():
        serializer.serialize_to_request(params, operation)
        parser.parse(response, operation.output_shape)

    scan = model.operation_model("Scan")
    scan_body = json.dumps({"Items": [item] * 1000, "Count": 1000, "ScannedCount": 1000}).encode()
    scan_response = {"status_code": 200, "headers": {"x-amzn-requestid": "ABCDEF"}, "body": scan_body}

    def scan_printed():
        json.dumps(parser.parse(scan_response, scan.output_shape), indent=4, ensure_ascii=False)

    print(json.dumps({"DynamoDbPutItemRoundTrip": per_second(once, seconds, 100),
                      "DynamoDbScanPrinted": per_second(scan_printed, seconds, 1)}))


def per_second(work, seconds, batch):
    for _ in range(batch):
        work()
    count, start = 0, time.perf_counter()
    while True:
        for _ in range(batch):
            work()
        count += batch
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed


if __name__ == "__main__":
    main()
