#!/usr/bin/env python3
"""Checks PartnerGraph's JSON output against the schemas in schema/json/.

    python3 scripts/check-json-schemas.py SCHEMA_DIR CASES.json

CASES.json is a list of {"label", "schema", "file"}: the output in `file` must validate
against SCHEMA_DIR/<schema>.schema.json. Every schema in SCHEMA_DIR is first checked against
the JSON Schema 2020-12 meta-schema, and its $id must end with its file name, so that the
relative $refs between them resolve. Prints {"checked": N, "schemas": [...], "failures": [...]}
as JSON; exits 0 even when cases fail (the caller reads the failures), 2 on bad usage.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    folder = pathlib.Path(sys.argv[1])
    cases = json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8"))
    failures = []
    schemas = {}
    for path in sorted(folder.glob("*.schema.json")):
        name = path.name[: -len(".schema.json")]
        schema = json.loads(path.read_text(encoding="utf-8"))
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # the meta-schema's verdict, whatever its type
            failures.append({"label": f"schema {path.name}", "error": f"not a valid 2020-12 schema: {error}"})
        if not str(schema.get("$id", "")).endswith("/" + path.name):
            failures.append({"label": f"schema {path.name}", "error": f"$id {schema.get('$id')!r} does not end with /{path.name}"})
        schemas[name] = schema
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values() if "$id" in schema)
    for case in cases:
        schema = schemas.get(case["schema"])
        if schema is None:
            failures.append({"label": case["label"], "error": f"no schema {case['schema']}.schema.json in {folder}"})
            continue
        text = pathlib.Path(case["file"]).read_text(encoding="utf-8")
        try:
            instance = json.loads(text)
        except json.JSONDecodeError as error:
            failures.append({"label": case["label"], "error": f"not JSON ({error}): {text[:200]!r}"})
            continue
        validator = Draft202012Validator(schema, registry=registry)
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))[:5]:
            where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
            failures.append({"label": case["label"], "error": f"{where}: {error.message}"})
    print(json.dumps({"checked": len(cases), "schemas": sorted(schemas), "failures": failures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
