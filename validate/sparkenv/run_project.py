#!/usr/bin/env python3
"""Run a layered Spark SQL project (spark_src/) on real Spark and show its tables.

Usage:
    $(bash validate/sparkenv/venv.sh) validate/sparkenv/run_project.py [spark_src] [--json OUT] [--samples N]

The project folder holds one .sql file per table in the layer folders
sources/, dimensions/, intermediates/, facts/ and views/. Files run in
dependency order: a file that reads a table another file defines runs after
it; between files that do not depend on each other, the layer order and then
the file path decide. Each file is split into statements on ';' outside
strings, quoted identifiers and comments, and every statement is executed with
spark.sql(), with the repository root as working directory (the CSV paths in
the project are relative to it).

Spark runs in-process: local[2], no UI, UTC session time zone, quiet logs, and
a temporary warehouse directory (spark.sql.warehouse.dir) that is removed at
the end, so tables created with CREATE TABLE ... USING parquet never land in
the repository.

Afterwards every table or view the project defines (raw CSV views included)
is read back: its row count and a few sample rows are printed. With --json
OUT, all rows of every table are written to OUT, rows sorted, values made
JSON-safe (DECIMAL as string, DATE as YYYY-MM-DD, TIMESTAMP as
YYYY-MM-DD HH:MM:SS[.ffffff]), for a later equivalence check.

Exit code: 0 on success; 1 when a statement or a table read fails (the message
names the file, the line and the statement); 2 on a usage or project error
(missing folder, dependency cycle).
"""

import argparse
import datetime
import decimal
import heapq
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time

LAYERS = ["sources", "dimensions", "intermediates", "facts", "views"]

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# ---------------------------------------------------------------------------
# Reading the project
# ---------------------------------------------------------------------------


def split_statements(text):
    """Split SQL text into (line, text_line, statement) triples on ';'
    outside strings, backquoted identifiers and comments. line is the 1-based
    line of the statement's first significant character; the statement text
    is passed on unchanged (leading comments included), and text_line is the
    line on which it begins, so that Spark's "line L" maps to the file line
    text_line + L - 1. Comment-only pieces are dropped."""
    out = []
    i, n, line = 0, len(text), 1
    start, start_line, first_line = 0, 1, None
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r\f":
            i += 1
        elif text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += text[i] == "\n"
                    i += 1
        elif c == ";":
            if first_line is not None:
                out.append((first_line, start_line, text[start:i]))
            start, start_line, first_line = i + 1, line, None
            i += 1
        else:
            if first_line is None:
                first_line = line
            if c in "'\"`":
                i += 1
                while i < n:
                    d = text[i]
                    if d == "\n":
                        line += 1
                    if d == "\\" and c != "`":
                        line += i + 1 < n and text[i + 1] == "\n"
                        i += 2
                        continue
                    i += 1
                    if d == c:
                        if i < n and text[i] == c:   # doubled quote
                            i += 1
                            continue
                        break
            else:
                i += 1
    if first_line is not None and text[start:].strip():
        out.append((first_line, start_line, text[start:]))
    return out


def code_only(sql):
    """The statement with comments and string literals blanked out, for
    finding names (a table name in a comment or a string is no reference)."""
    sql = re.sub(r"/\*.*?\*/", " ", sql, flags=re.S)
    sql = re.sub(r"--[^\n]*", " ", sql)
    sql = re.sub(r"'(?:[^'\\]|\\.|'')*'", "''", sql, flags=re.S)
    sql = re.sub(r'"(?:[^"\\]|\\.|"")*"', '""', sql, flags=re.S)
    return sql.replace("`", "")


NAME = r"([A-Za-z_][\w.]*)"
DEFINES = re.compile(
    r"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:GLOBAL\s+)?(?:TEMPORARY\s+|TEMP\s+)?"
    r"(?:VIEW|TABLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?" + NAME, re.I)
WRITES = re.compile(r"^\s*INSERT\s+(?:OVERWRITE|INTO)\s+(?:TABLE\s+)?" + NAME, re.I)
WORD = re.compile(r"[A-Za-z_][\w.]*")


class SqlFile:
    def __init__(self, project, path):
        self.path = path
        self.rel = os.path.relpath(path, project)
        self.layer = self.rel.split(os.sep)[0]
        self.layer_index = LAYERS.index(self.layer) if self.layer in LAYERS else len(LAYERS)
        with open(path, encoding="utf-8") as f:
            self.statements = split_statements(f.read())
        self.defines = []        # in statement order
        self.words = set()
        for _, _, sql in self.statements:
            code = code_only(sql)
            m = DEFINES.match(code)
            if m and m.group(1).lower() not in self.defines:
                self.defines.append(m.group(1).lower())
            m = WRITES.match(code)
            if m and m.group(1).lower() not in self.defines:
                self.defines.append(m.group(1).lower())
            self.words |= {w.lower() for w in WORD.findall(code)}
        self.depends = set()


def load_project(project):
    files = []
    for layer in LAYERS:
        folder = os.path.join(project, layer)
        for root, _, names in os.walk(folder):
            files += [SqlFile(project, os.path.join(root, n)) for n in names if n.endswith(".sql")]
    stray = []
    for root, _, names in os.walk(project):
        top = os.path.relpath(root, project).split(os.sep)[0]
        if top not in LAYERS:
            stray += [os.path.join(root, n) for n in names if n.endswith(".sql")]
    for s in sorted(stray):
        print(f"warning: {s} is outside the layer folders {LAYERS}; not run", file=sys.stderr)
    return files


def order_files(files):
    """Topological order of the files by the names they define and read;
    ties are broken by (layer, path), so the order is deterministic."""
    owner = {}
    for f in files:
        for name in f.defines:
            if name in owner and owner[name] is not f:
                raise ProjectError(f"{name} is defined by both {owner[name].rel} and {f.rel}")
            owner[name] = f
    for f in files:
        f.depends = {owner[w] for w in f.words if w in owner and owner[w] is not f}
        for d in f.depends:
            if d.layer_index > f.layer_index:
                print(f"warning: {f.rel} ({f.layer}) reads {', '.join(sorted(set(d.defines) & f.words))} "
                      f"from a later layer ({d.rel})", file=sys.stderr)
    waiting = {f: len(f.depends) for f in files}
    readers = {f: [g for g in files if f in g.depends] for f in files}
    ready = [(f.layer_index, f.rel, id(f), f) for f in files if waiting[f] == 0]
    heapq.heapify(ready)
    ordered = []
    while ready:
        f = heapq.heappop(ready)[3]
        ordered.append(f)
        for g in readers[f]:
            waiting[g] -= 1
            if waiting[g] == 0:
                heapq.heappush(ready, (g.layer_index, g.rel, id(g), g))
    if len(ordered) != len(files):
        stuck = sorted(f.rel for f in files if f not in ordered)
        raise ProjectError("dependency cycle among: " + ", ".join(stuck))
    return ordered


class ProjectError(Exception):
    pass


# ---------------------------------------------------------------------------
# Spark
# ---------------------------------------------------------------------------

LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %c: %m%n
"""


def start_spark(scratch):
    log_conf = os.path.join(scratch, "log4j2.properties")
    with open(log_conf, "w") as f:
        f.write(LOG4J2)
    # driver JVM options must be set before the JVM starts
    os.environ["PYSPARK_SUBMIT_ARGS"] = (
        f"--driver-java-options -Dlog4j.configurationFile=file:{log_conf} pyspark-shell")
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder
             .master("local[2]")
             .appName("c360-run-project")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.warehouse.dir", os.path.join(scratch, "warehouse"))
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.sql.shuffle.partitions", "2")
             .config("spark.driver.extraJavaOptions", f"-Djava.io.tmpdir={scratch}")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def error_text(e):
    msg = getattr(e, "desc", None) or str(e)
    msg = msg.strip()
    # py4j errors carry a Java stack trace, analysis errors the logical plan:
    # keep the message part
    msg = msg.split("\n\tat ")[0].split("\nJVM stacktrace:")[0]
    msg = re.split(r";\n(?=['!+:]|\w+ )", msg)[0]
    return msg.strip()


SPARK_POS = re.compile(r"line (\d+),? pos (\d+)")


def locate(shown, first_line, text_line, msg):
    """file:line:col from Spark's "line L pos P" (P 0-based, L counted from
    the start of the statement text), else file:line of the statement."""
    m = SPARK_POS.search(msg)
    if not m:
        return f"{shown}:{first_line}"
    return f"{shown}:{text_line + int(m.group(1)) - 1}:{int(m.group(2)) + 1}"


def json_value(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else str(v)
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, datetime.datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray)):
        return v.hex()
    if isinstance(v, dict):
        return {str(k): json_value(x) for k, x in v.items()}
    if hasattr(v, "asDict"):
        return {k: json_value(x) for k, x in v.asDict().items()}
    if isinstance(v, (list, tuple)):
        return [json_value(x) for x in v]
    return str(v)


def read_table(spark, name):
    df = spark.table(name)
    columns = [{"name": f.name, "type": f.dataType.simpleString()} for f in df.schema.fields]
    rows = [[json_value(v) for v in r] for r in df.collect()]
    rows.sort(key=lambda r: json.dumps(r, sort_keys=True))
    return columns, rows


# ---------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("project", nargs="?", default="spark_src",
                    help="project folder (default: spark_src)")
    ap.add_argument("--json", metavar="OUT", help="write every table's rows to OUT as JSON")
    ap.add_argument("--samples", type=int, default=3, help="sample rows printed per table (default 3)")
    ap.add_argument("--keep-warehouse", action="store_true",
                    help="do not delete the temporary warehouse directory")
    args = ap.parse_args()

    project = os.path.abspath(args.project)
    json_out = os.path.abspath(args.json) if args.json else None
    if not os.path.isdir(project):
        print(f"error: no project folder {args.project}", file=sys.stderr)
        return 2
    try:
        files = order_files(load_project(project))
    except ProjectError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not files:
        print(f"error: no .sql files under {args.project}/{{{','.join(LAYERS)}}}", file=sys.stderr)
        return 2

    os.chdir(REPO_ROOT)           # CSV paths in the project are relative to it
    t0 = time.time()
    scratch = tempfile.mkdtemp(prefix="c360-run-project-")
    spark = None
    try:
        spark = start_spark(scratch)
        t_started = time.time()
        print(f"Spark {spark.version}, warehouse {os.path.join(scratch, 'warehouse')}")
        print(f"running {len(files)} files from {os.path.relpath(project, REPO_ROOT)}")

        n_statements = 0
        for f in files:
            shown = os.path.relpath(f.path, REPO_ROOT)
            for no, (line, text_line, sql) in enumerate(f.statements, 1):
                started = time.time()
                try:
                    spark.sql(sql)
                except Exception as e:   # AnalysisException, ParseException, Py4JJavaError
                    msg = error_text(e)
                    head = " ".join(code_only(sql).split())[:160]
                    print(f"\nFAILED {locate(shown, line, text_line, msg)}: "
                          f"statement {no} of {len(f.statements)} (line {line}): {head}",
                          file=sys.stderr)
                    print(msg, file=sys.stderr)
                    return 1
                n_statements += 1
                print(f"  ok  {shown}:{line}  ({time.time() - started:.2f}s)")
        t_executed = time.time()

        tables = {}
        print()
        for f in files:
            for name in f.defines:
                try:
                    columns, rows = read_table(spark, name)
                except Exception as e:
                    print(f"\nFAILED reading {name} (defined in {os.path.relpath(f.path, REPO_ROOT)})",
                          file=sys.stderr)
                    print(error_text(e), file=sys.stderr)
                    return 1
                tables[name] = {"file": os.path.relpath(f.path, REPO_ROOT), "layer": f.layer,
                                "columns": columns, "row_count": len(rows), "rows": rows}
                print(f"== {name}  [{f.layer}]  {len(rows)} rows, {len(columns)} columns")
                names = [c["name"] for c in columns]
                for r in rows[:args.samples]:
                    print("   " + json.dumps(dict(zip(names, r)), ensure_ascii=False))
        t_read = time.time()

        empty = [n for n, t in tables.items() if t["row_count"] == 0]
        print()
        print(f"{len(files)} files, {n_statements} statements, {len(tables)} tables")
        if empty:
            print("empty tables: " + ", ".join(empty))
        print(f"time: spark start {t_started - t0:.1f}s, statements {t_executed - t_started:.1f}s, "
              f"reading tables {t_read - t_executed:.1f}s, total {t_read - t0:.1f}s")

        if json_out:
            doc = {"spark_version": spark.version,
                   "session_time_zone": "UTC",
                   "current_date": str(spark.sql("SELECT current_date()").first()[0]),
                   "tables": tables}
            with open(json_out, "w", encoding="utf-8") as out:
                json.dump(doc, out, indent=1, ensure_ascii=False)
                out.write("\n")
            print(f"wrote {json_out}")
        return 0
    finally:
        if spark is not None:
            spark.stop()
        if args.keep_warehouse:
            print(f"warehouse kept in {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
