#!/usr/bin/env bash
# Creates (once) a project-local Python virtual environment with pyspark from
# PyPI, so that Spark's own answer is available to the tests and to `verify`.
# Idempotent and safe to run from several processes at once (flock).
# Prints the path of the venv's python on success.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="${C360_SPARK_VENV:-$root/.venv}"
pyspark_version="3.5.8"   # the one place the Spark version is pinned
mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pyspark,sys; sys.exit(0 if pyspark.__version__=='$pyspark_version' else 1)" 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==$pyspark_version" >&2
fi
echo "$venv/bin/python"
