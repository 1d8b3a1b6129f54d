#!/usr/bin/env python3
"""How botocore (so the AWS CLI and boto3) reads pairs of shared config and credentials files.

Reads a JSON list of {"config": TEXT, "credentials": TEXT} on stdin (TEXT may be null: no file),
writes each pair to temporary files, loads them through botocore.session.Session.full_config and
prints a JSON list of {"profiles": ..., "sso_sessions": ..., "services": ...} or {"error": ...}.
"""
import json
import os
import sys
import tempfile

import botocore.session


def read(case):
    with tempfile.TemporaryDirectory() as folder:
        env = {}
        for key, var in (("config", "AWS_CONFIG_FILE"), ("credentials", "AWS_SHARED_CREDENTIALS_FILE")):
            path = os.path.join(folder, key)
            if case.get(key) is not None:
                with open(path, "wb") as f:
                    f.write(case[key].encode("utf-8"))
            env[var] = path
        for name in list(os.environ):
            if name.startswith("AWS_"):
                del os.environ[name]
        os.environ.update(env)
        try:
            config = botocore.session.Session().full_config
        except Exception as e:  # botocore refuses the file
            return {"error": "%s: %s" % (type(e).__name__, e)}
        return {"profiles": config.get("profiles", {}), "sso_sessions": config.get("sso_sessions", {}),
                "services": config.get("services", {})}


def main():
    json.dump([read(c) for c in json.load(sys.stdin)], sys.stdout)


if __name__ == "__main__":
    main()
