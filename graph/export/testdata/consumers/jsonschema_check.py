"""Validates JSON documents against a JSON Schema (draft 2020-12).

Usage: python3 jsonschema_check.py SCHEMA FILE...

Checks the schema itself first, then prints one line a file: "ok", or the
first error with its path in the document. Uses Debian's python3-jsonschema.
"""

import json
import sys

from jsonschema import Draft202012Validator

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        print("/".join(str(p) for p in e.path) + ": " + e.message[:200])
    else:
        print("ok")
