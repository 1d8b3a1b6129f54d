#!/usr/bin/env python3
"""boto3 doing what bench/calls/bench_calls.cpp does: sequential GetItem calls in one process against a
local DynamoDB, client CPU time and wall time per call. Usage: boto3_calls.py ENDPOINT_URL [COUNT]
(over https the local server's self-signed certificate is not verified)"""
import json
import os
import sys
import time

import boto3
import urllib3

urllib3.disable_warnings()


def main():
    url = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    client = boto3.client("dynamodb", region_name="us-east-1", endpoint_url=url,
                          aws_access_key_id="AKIDEXAMPLE",
                          aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                          verify=False if url.startswith("https:") else None)
    key = {"id": {"S": "k"}}
    for _ in range(20):
        client.get_item(TableName="Bench", Key=key)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(count):
        client.get_item(TableName="Bench", Key=key)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    json.dump({"cpu_us_per_call": cpu / count * 1e6, "wall_us_per_call": wall / count * 1e6}, sys.stdout)


if __name__ == "__main__":
    main()
