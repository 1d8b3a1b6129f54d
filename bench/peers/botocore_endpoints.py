#!/usr/bin/env python3
"""botocore's rules engine on the cases of bench/endpoints/EndpointCases.h: the same rule sets (from
Cumulus's bundled models) and the same partitions file. RuleSet.evaluate is timed directly:
EndpointProvider.resolve_endpoint adds an LRU cache that would time dictionary look-ups instead.
Prints {name: evaluations per second}."""
import json
import os
import re
import sys
import time

from botocore.endpoint_provider import RuleSet

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def cases():
    text = open(os.path.join(ROOT, "bench", "endpoints", "EndpointCases.h")).read()
    for name, model, params in re.findall(r'\{"(\w+)", "([\w-]+)",\s*R"\((.*?)\)"\}', text, re.S):
        yield name, model, json.loads(params)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    partitions = json.load(open(os.path.join(ROOT, "resources", "endpoints", "partitions.json")))
    results = {}
    for name, model_name, params in cases():
        model = json.load(open(os.path.join(ROOT, "resources", "models", model_name + ".json")))
        service = next(s for s in model["shapes"].values() if s["type"] == "service")
        rules = service["traits"]["smithy.rules#endpointRuleSet"]
        ruleset = RuleSet(**rules, partitions=partitions)
        ruleset.evaluate(dict(params))
        count, start = 0, time.perf_counter()
        while True:
            for _ in range(100):
                ruleset.evaluate(dict(params))
            count += 100
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        results[name] = count / elapsed
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
