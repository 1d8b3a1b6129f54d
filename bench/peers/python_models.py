#!/usr/bin/env python3
"""Python's figures for the same work as bench/models/bench_models.cpp: json.loads of every model
(Python's fastest way to read them), json.load of s3, a substring search over every operation
name, and memory with every model loaded. Prints one JSON object.
usage: python_models.py MODEL_FOLDER S3_MODEL_FILE"""
import glob
import json
import os
import sys
import time


def median_ms(runs, work):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2]


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return -1


def main():
    folder, s3 = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(folder, "**", "*.json"), recursive=True))

    def load_all():
        return [json.loads(open(f, "rb").read()) for f in files]

    catalog_ms = median_ms(3, load_all)
    open_s3_ms = median_ms(11, lambda: json.loads(open(s3, "rb").read()))
    models = load_all()
    names = [k.split("#", 1)[1] for m in models for k, v in m["shapes"].items() if v["type"] == "operation"]
    search_ms = median_ms(201, lambda: [n for n in names if "item" in n.lower()])
    print(json.dumps({"catalog_all_ms": catalog_ms, "open_s3_ms": open_s3_ms,
                      "search_ms": search_ms, "rss_all_loaded_mb": rss_mb()}))


if __name__ == "__main__":
    main()
