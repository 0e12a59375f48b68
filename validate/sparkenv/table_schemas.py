#!/usr/bin/env python3
"""Run a layered Spark SQL project on real Spark and print every table's schema.

Usage:
    $(bash validate/sparkenv/venv.sh) validate/sparkenv/table_schemas.py [spark_src]

The project runs exactly as run_project.py runs it (same file order, same
statement splitting, same Spark session settings, repository root as working
directory); afterwards the schema of every table or view the project defines
(raw CSV views included) is printed on stdout as JSON:

    {"spark_version": "3.5.8",
     "tables": {table: [[name, simpleString type, nullable], ...], ...}}

Exit code: 0 on success, 1 when a statement fails, 2 on a project error.
"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_project import (REPO_ROOT, ProjectError, error_text, load_project,  # noqa: E402
                         order_files, start_spark)


def compact(doc):
    """JSON with one line per column, so diffs of the cached answer are readable."""
    lines = ['{', f' "spark_version": {json.dumps(doc["spark_version"])},', ' "tables": {']
    names = sorted(doc["tables"])
    for i, name in enumerate(names):
        cols = doc["tables"][name]
        lines.append(f'  {json.dumps(name)}: [')
        lines += [f'   {json.dumps(c)}' + ("," if j < len(cols) - 1 else "") for j, c in enumerate(cols)]
        lines.append('  ]' + ("," if i < len(names) - 1 else ""))
    lines += [' }', '}']
    return "\n".join(lines) + "\n"


def main():
    project = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "spark_src")
    if not os.path.isdir(project):
        print(f"error: no project folder {project}", file=sys.stderr)
        return 2
    try:
        files = order_files(load_project(project))
    except ProjectError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    os.chdir(REPO_ROOT)
    scratch = tempfile.mkdtemp(prefix="c360-table-schemas-")
    spark = None
    try:
        spark = start_spark(scratch)
        for f in files:
            for line, _, sql in f.statements:
                try:
                    spark.sql(sql)
                except Exception as e:
                    print(f"FAILED {os.path.relpath(f.path, REPO_ROOT)}:{line}: {error_text(e)}",
                          file=sys.stderr)
                    return 1
        tables = {}
        for f in files:
            for name in f.defines:
                schema = spark.table(name).schema
                tables[name] = [[x.name, x.dataType.simpleString(), x.nullable] for x in schema.fields]
        sys.stdout.write(compact({"spark_version": spark.version, "tables": tables}))
        return 0
    finally:
        if spark is not None:
            spark.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
