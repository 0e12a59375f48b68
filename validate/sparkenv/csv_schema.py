#!/usr/bin/env python3
"""Print the schema (and rows) Spark infers for CSV files, as JSON.

Usage:
    $(bash validate/sparkenv/venv.sh) validate/sparkenv/csv_schema.py [-o KEY=VALUE ...] FILE...
    $(bash validate/sparkenv/venv.sh) validate/sparkenv/csv_schema.py --manifest cases.json

With files, every file is read with spark.read.csv(FILE) and the options
header=true, inferSchema=true, overridden or extended by each -o KEY=VALUE.
With --manifest, the file holds a JSON list of {"name": ..., "path": ...,
"options": {...}} and each CSV is read with its options (header and
inferSchema default to true unless given); name (default: the path) keys
the answer, so one file can be read with several option sets.

Output (stdout), one JSON object keyed by the name (or path as given):
    {path: {"columns": [[name, simpleString type, nullable], ...],
            "rows": [[value, ...], ...]}}
Rows keep the file's order; values are JSON-safe: DECIMAL as string, DATE as
YYYY-MM-DD, TIMESTAMP as YYYY-MM-DD HH:MM:SS[.ffffff] in the session time
zone (UTC), doubles as numbers (NaN/Infinity as strings), or
{"error": message} when Spark cannot read the file.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_project import error_text, json_value, start_spark  # noqa: E402


def read_csv(spark, path, options):
    opts = {"header": "true", "inferSchema": "true"}
    opts.update(options)
    df = spark.read.options(**opts).csv(path)
    columns = [[f.name, f.dataType.simpleString(), f.nullable] for f in df.schema.fields]
    rows = [[json_value(v) for v in r] for r in df.collect()]
    return {"columns": columns, "rows": rows}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("files", nargs="*")
    ap.add_argument("-o", "--option", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--manifest", help="JSON list of {path, options}")
    args = ap.parse_args()

    cases = []
    if args.manifest:
        with open(args.manifest, encoding="utf-8") as f:
            cases = [(c.get("name", c["path"]), c["path"], c.get("options") or {}) for c in json.load(f)]
    common = dict(o.split("=", 1) for o in args.option)
    cases += [(p, p, common) for p in args.files]
    if not cases:
        ap.error("no CSV files given")

    scratch = tempfile.mkdtemp(prefix="c360-csv-schema-")
    spark = None
    out = {}
    try:
        spark = start_spark(scratch)
        for name, path, options in cases:
            try:
                out[name] = read_csv(spark, path, options)
            except Exception as e:  # AnalysisException, Py4JJavaError
                out[name] = {"error": error_text(e)}
    finally:
        if spark is not None:
            spark.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
