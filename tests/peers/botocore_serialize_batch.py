#!/usr/bin/env python3
"""Serializes request documents with botocore's own serializers, in one process.

usage: botocore_serialize_batch.py CASES.json OUT.json
       botocore_serialize_batch.py --data-dir      (prints botocore's version, then its data folder)
CASES.json: a list of {"service": botocore name, "operation": name, "params": document}. Documents
use the AWS CLI's --cli-input-json meaning: blobs as base64 text, timestamps as ISO 8601 text.
OUT.json: a list of {"method", "url_path", "query": [[k, v]...], "headers": {...}, "body_base64"}
or {"error": text}.
"""
import base64
import json
import os
import sys

import botocore
import botocore.session
from botocore.awsrequest import AWSRequest
from botocore.serialize import create_serializer


def convert(shape, value):
    """Documents carry blobs as base64; botocore wants bytes."""
    if value is None or shape is None:
        return value
    if shape.type_name == "blob":
        return base64.b64decode(value)
    if shape.type_name == "structure":
        return {k: convert(shape.members.get(k), v) for k, v in value.items()}
    if shape.type_name == "list":
        return [convert(shape.member, v) for v in value]
    if shape.type_name == "map":
        return {k: convert(shape.value, v) for k, v in value.items()}
    return value


def main():
    if sys.argv[1] == "--data-dir":
        print(botocore.__version__)
        print(os.path.join(os.path.dirname(botocore.__file__), "data"))
        return
    session = botocore.session.get_session()
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    out = []
    models = {}
    for case in cases:
        try:
            model = models.get(case["service"])
            if model is None:
                model = models[case["service"]] = session.get_service_model(case["service"])
            operation = model.operation_model(case["operation"])
            serializer = create_serializer(model.metadata["protocol"], include_validation=False)
            params = convert(operation.input_shape, case["params"]) if operation.input_shape else {}
            request = serializer.serialize_to_request(params, operation)
            body = request["body"]
            if isinstance(body, dict):  # query protocols: botocore's HTTP layer form-encodes it
                body = AWSRequest(method="POST", url="https://example.com/", data=body).prepare().body
            if isinstance(body, str):
                body = body.encode("utf-8")
            query = []
            query_string = request["query_string"]  # a dict for REST protocols, "" for RPC ones
            for key, value in (query_string.items() if isinstance(query_string, dict) else []):
                for v in value if isinstance(value, list) else [value]:
                    query.append([key, v if isinstance(v, str) else str(v)])  # the HTTP layer str()s numbers
            out.append({"method": request["method"], "url_path": request["url_path"], "query": query,
                        "headers": {k: v for k, v in request["headers"].items()},
                        "body_base64": base64.b64encode(body or b"").decode("ascii")})
        except Exception as e:  # reported per case, with its type
            out.append({"error": "%s: %s" % (type(e).__name__, e)})
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
