#!/usr/bin/env python3
"""botocore's SigV4 signers on the same three requests as bench/sigv4/bench_sigv4.cpp.

Each iteration builds the AWSRequest and signs it (SigV4Auth / S3SigV4Auth / S3SigV4QueryAuth
.add_auth), as a botocore client does per call. Prints one JSON object: {name: signatures/s}.
"""
import json
import sys
import time

from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = ("IQoJb3JpZ2luX2VjEXAMPLEtokenFwoGZXIvYXdzEBYaDHhBTEXAMPLEsessionTOKENvalue"
                 "0123456789abcdef==")
DYNAMO_URL = "https://dynamodb.us-east-1.amazonaws.com/"
DYNAMO_BODY = (b'{"TableName":"Music","Key":{"Artist":{"S":"No One You Know"},'
               b'"SongTitle":{"S":"Call Me Today"}},"ConsistentRead":true}')
S3_URL = ("https://examplebucket.s3.us-east-1.amazonaws.com/photos/2024/summer%20holiday/"
          "family/IMG_20240715_183005%20%28edited%29%20final%20version%20%C3%A9t%C3%A9.jpeg"
          "?versionId=3HL4kqtJlcpXroDTDmJ%2Bj5dn3pk0q9QXUcCW&response-content-type=image%2Fjpeg"
          "&response-cache-control=no-cache&partNumber=1")
PRESIGN_URL = ("https://examplebucket.s3.us-east-1.amazonaws.com/reports/2024/q3/"
               "summary%20final.pdf")


def dynamo(signer):
    req = AWSRequest(method="POST", url=DYNAMO_URL, data=DYNAMO_BODY,
                     headers={"Content-Type": "application/x-amz-json-1.0",
                              "X-Amz-Target": "DynamoDB_20120810.GetItem"})
    signer.add_auth(req)


def s3_get(signer):
    signer.add_auth(AWSRequest(method="GET", url=S3_URL))


def presign(signer):
    signer.add_auth(AWSRequest(method="GET", url=PRESIGN_URL))


def rate(fn, signer, seconds):
    for _ in range(200):  # warm up
        fn(signer)
    count, start = 0, time.perf_counter()
    while True:
        for _ in range(500):
            fn(signer)
        count += 500
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    static = Credentials(ACCESS_KEY, SECRET_KEY)
    temporary = Credentials(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)
    print(json.dumps({
        "DynamoDbGetItem": rate(dynamo, SigV4Auth(static, "dynamodb", "us-east-1"), seconds),
        "S3GetObjectLongKey": rate(s3_get, S3SigV4Auth(static, "s3", "us-east-1"), seconds),
        "S3PresignGet": rate(presign, S3SigV4QueryAuth(temporary, "s3", "us-east-1",
                                                        expires=3600), seconds),
    }))


if __name__ == "__main__":
    main()
