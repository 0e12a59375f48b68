#!/usr/bin/env python3
"""Check SQL files with Apache Spark's own parser.

Usage:
    $(bash validate/sparkenv/venv.sh) validate/sparkenv/parse_check.py [--expect-error] [-v] PATH...

Each PATH is a .sql/.txt file or a folder (searched for *.sql, and with
--expect-error also for *.txt). Files are split into statements on ';' outside
string literals, quoted identifiers and comments. Every statement is handed to
Spark's SQL parser (parsePlan: syntax only, no catalog, no tables needed), in
one local JVM for all files.

Output: one line per statement, "file:line: OK" or "file:line: ERROR message",
then a summary line "N passed, N failed". The exit code is non-zero when any
statement fails.

A file whose first lines hold "-- parse_check: requires spark X.Y" states
that its statements need Spark X.Y or later: under an older Spark they are
checked to be rejected (so the file documents exactly what the pinned Spark
lacks), and under X.Y or later to be accepted. "-- parse_check: requires
databricks" marks syntax that only Databricks SQL accepts: every open-source
Spark must reject each of its statements.

--expect-error inverts the check: every statement must be rejected by Spark.
A file that holds lines starting with "-- ERROR" (the negative-corpus format,
see translate/parser/testdata/corpus/README.md) is split into blocks at those
lines instead of at ';'; each block is one statement.
"""

import argparse
import os
import re
import sys


def split_statements(text):
    """Split SQL text into (first_line, text_line, statement) triples.

    Handles '...' and "..." strings (with backslash escapes and doubled quotes),
    `...` identifiers, -- line comments and /* */ block comments (nested, as
    Spark allows). The start line is the line of the first character that is
    neither whitespace nor part of a comment; text_line is the line on which
    the statement text (right after the previous ';') begins, so that a
    position inside the statement maps back to the file. Statements made only
    of comments and whitespace are dropped.
    """
    out = []
    i, n = 0, len(text)
    line = 1
    start = 0            # offset where the current statement text begins
    start_line = 1       # its line
    first_line = None    # line of the first significant character
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
            continue
        if c in " \t\r\f":
            i += 1
            continue
        if c == "-" and text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "/" and text.startswith("/*", i):
            # A hint /*+ ... */ is part of the statement, but it can never be
            # the first token, so it does not move first_line: that is fine.
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    if text[i] == "\n":
                        line += 1
                    i += 1
            continue
        if first_line is None and c != ";":
            first_line = line
        if c in "'\"`":
            q = c
            i += 1
            while i < n:
                d = text[i]
                if d == "\n":
                    line += 1
                if d == "\\" and q != "`":
                    if i + 1 < n and text[i + 1] == "\n":
                        line += 1
                    i += 2
                    continue
                if d == q:
                    if i + 1 < n and text[i + 1] == q:   # doubled quote
                        i += 2
                        continue
                    i += 1
                    break
                i += 1
            continue
        if c == ";":
            if first_line is not None:
                out.append((first_line, start_line, text[start:i]))
            start, start_line, first_line = i + 1, line, None
            i += 1
            continue
        i += 1
    if first_line is not None:
        out.append((first_line, start_line, text[start:]))
    return out


def split_error_blocks(text):
    """Split a negative-corpus file into (line, line, statement) blocks.

    A block is everything between two "-- ERROR" lines; its leading blank lines
    and "--" comment lines are dropped, and so is one trailing ';'.
    """
    out = []
    cur, cur_start = [], None
    for no, raw in enumerate(text.split("\n"), 1):
        s = raw.strip()
        if s.startswith("-- ERROR"):
            if cur:
                out.append((cur_start, "\n".join(cur).rstrip()))
            cur, cur_start = [], None
            continue
        if not cur and (s == "" or s.startswith("--")):
            continue
        if not cur:
            cur_start = no
        cur.append(raw)
    if cur and "\n".join(cur).strip():
        out.append((cur_start, "\n".join(cur).rstrip()))
    return [(ln, ln, sql[:-1] if sql.endswith(";") else sql) for ln, sql in out]


REQUIRES = re.compile(r"^--\s*parse_check:\s*requires (spark\s+(\d+(?:\.\d+)*)|databricks)", re.M)


def version_tuple(v):
    return tuple(int(x) for x in re.findall(r"\d+", v)[:3])


def collect(paths, expect_error):
    exts = (".sql", ".txt") if expect_error else (".sql",)
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, f) for f in names if f.endswith(exts)]
        else:
            files.append(p)
    return sorted(files)


LOG4J2 = """\
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %c: %m%n
logger.utils.name = org.apache.spark.util.Utils
logger.utils.level = error
logger.native.name = org.apache.hadoop.util.NativeCodeLoader
logger.native.level = error
"""


def start_spark():
    import tempfile
    conf_dir = tempfile.mkdtemp(prefix="c360-parse-check-")
    log_conf = os.path.join(conf_dir, "log4j2.properties")
    with open(log_conf, "w") as f:
        f.write(LOG4J2)
    # The driver JVM is started by spark-submit, so its options must be given
    # before it starts: through PYSPARK_SUBMIT_ARGS.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_SUBMIT_ARGS"] = (
        f"--driver-java-options -Dlog4j.configurationFile=file:{log_conf} pyspark-shell")
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[1]")
             .appName("c360-parse-check")
             .config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def first_line_of(msg):
    msg = msg.strip()
    for ln in msg.split("\n"):
        if ln.strip():
            return ln.strip()
    return msg


SPARK_POS = re.compile(r"\(line (\d+), pos (\d+)\)")


def locate(path, first_line, text_line, msg):
    """Return "file:line:col" for Spark's "(line L, pos P)" (P is 0-based),
    translated from the statement to the file, or "file:line" without one."""
    m = SPARK_POS.search(msg)
    if not m:
        return f"{path}:{first_line}"
    return f"{path}:{text_line + int(m.group(1)) - 1}:{int(m.group(2)) + 1}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--expect-error", action="store_true",
                    help="every statement must be rejected (negative corpus)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print Spark's full error message")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="print only failures and the summary")
    args = ap.parse_args()

    files = collect(args.paths, args.expect_error)
    if not files:
        print("no .sql files found", file=sys.stderr)
        return 2

    spark = start_spark()
    parser = spark._jsparkSession.sessionState().sqlParser()
    from py4j.protocol import Py4JJavaError

    import pyspark
    running = version_tuple(pyspark.__version__)
    passed = failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        expect_error = args.expect_error
        m = REQUIRES.search(text[:2000])
        if m and (m.group(2) is None or running < version_tuple(m.group(2))):
            expect_error = True
            need = "Databricks" if m.group(2) is None else "Spark " + m.group(2)
            print(f"{path}: needs {need}, running Spark {pyspark.__version__}: "
                  "checking that every statement is rejected")
        if args.expect_error and "\n-- ERROR" in "\n" + text:
            stmts = split_error_blocks(text)
        else:
            stmts = split_statements(text)
        for line, text_line, sql in stmts:
            err = None
            try:
                parser.parsePlan(sql)
            except Py4JJavaError as e:
                err = str(e.java_exception.getMessage())
            except Exception as e:  # pyspark converts ParseException
                err = str(e)
            if (err is None) != expect_error:
                passed += 1
                if not args.quiet:
                    if err is None:
                        print(f"{path}:{line}: OK")
                    else:
                        msg = err.strip() if args.verbose else first_line_of(err)
                        print(f"{path}:{line}: OK (rejected: {msg})")
            else:
                failed += 1
                if err is None:
                    print(f"{path}:{line}: ERROR Spark accepted a statement expected to fail")
                else:
                    msg = err.strip() if args.verbose else first_line_of(err)
                    print(f"{locate(path, line, text_line, err)}: ERROR {msg}")
    print(f"{len(files)} files, {passed + failed} statements")
    print(f"{passed} passed, {failed} failed")
    spark.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
