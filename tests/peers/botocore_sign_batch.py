#!/usr/bin/env python3
"""Runs botocore_sign.main(argv) for every argument list in a JSON file, in one process.

usage: botocore_sign_batch.py CASES.json OUT.json
CASES.json is a list of argument lists; OUT.json receives a list of the texts each run printed
(exactly what `botocore_sign.py ARGS...` would print on standard output).
"""
import contextlib
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import botocore_sign  # noqa: E402


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    outputs = []
    for argv in cases:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            botocore_sign.main(argv)
        outputs.append(buffer.getvalue())
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(outputs, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
