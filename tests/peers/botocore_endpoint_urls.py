#!/usr/bin/env python3
"""Where botocore sends requests: the URL of each call, resolved by botocore itself.

Reads a JSON list of cases on stdin, each
  {"service": "s3", "operation": "ListObjectsV2", "params": {...}, "region": "eu-west-1",
   "endpoint_url": "http://localhost:4568" (optional), "s3": {"addressing_style": "path"} (optional),
   "env": {"AWS_STS_REGIONAL_ENDPOINTS": "legacy"} (optional)}
and prints a JSON list with {"url": ...} or {"error": ...} for each, in order. Nothing is sent: a
before-send hook stops each call with the prepared request's URL. No shared config file or
environment credentials are read.
"""
import json
import os
import sys

import botocore.session
from botocore.config import Config


class Stop(Exception):
    def __init__(self, url):
        super().__init__(url)
        self.url = url


def stop(request, **kwargs):
    raise Stop(request.url)


def resolve(case):
    for name in list(os.environ):
        if name.startswith("AWS_"):
            del os.environ[name]
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    os.environ.update(case.get("env", {}))
    session = botocore.session.get_session()
    config = Config(s3=case["s3"]) if "s3" in case else None
    client = session.create_client(
        case["service"], region_name=case["region"], endpoint_url=case.get("endpoint_url"),
        aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret", config=config)
    client.meta.events.register("before-send", stop)
    method = getattr(client, botocore.xform_name(case["operation"]))
    try:
        method(**case.get("params", {}))
    except Stop as s:
        return {"url": s.url}
    except Exception as e:  # an error botocore raises before sending
        return {"error": str(e)}
    return {"error": "the call was not stopped"}


def main():
    cases = json.load(sys.stdin)
    json.dump([resolve(c) for c in cases], sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
