#!/usr/bin/env python3
"""Prints, as JSON, every service of the botocore on the machine: [serviceId, botocore's name,
[[operation, botocore.xform_name(operation, '-')], ...]] (tests/cli/tst_codeexport)."""
import json

import botocore
import botocore.session

session = botocore.session.get_session()
loader = session.get_component("data_loader")
out = []
for name in session.get_available_services():
    model = loader.load_service_model(name, "service-2")
    out.append([model["metadata"]["serviceId"], name,
                [[op, botocore.xform_name(op, "-")] for op in model["operations"]]])
print(json.dumps(out))
