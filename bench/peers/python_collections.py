"""The peer of bench_collections: Python's tomllib reads the same collection folder (every .toml
file, and each request's input as JSON), median of 7 loads. Prints JSON."""
import json, os, statistics, sys, time, tomllib

folder = sys.argv[1]


def load():
    requests = 0
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".toml"):
                with open(os.path.join(root, name), "rb") as f:
                    doc = tomllib.load(f)
                if "input" in doc:
                    json.loads(doc["input"])
                    requests += 1
    return requests


times = []
for _ in range(7):
    t = time.perf_counter()
    n = load()
    times.append((time.perf_counter() - t) * 1000)
print(json.dumps({"requests": n, "load_ms": statistics.median(times)}))
