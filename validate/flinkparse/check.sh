#!/usr/bin/env bash
# Checks .sql files with Apache Flink's own SQL parser (flink-sql-parser from
# Maven Central, version pinned in pom.xml). Builds once into target/.
#   bash validate/flinkparse/check.sh [--expect-error] [-q] PATH...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
src="$here/src/main/java/c360/flinkparse/ParseCheck.java"
mkdir -p "$target/classes"
if [ ! -s "$target/cp.txt" ] || [ "$here/pom.xml" -nt "$target/cp.txt" ]; then
  mvn -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$target/cp.txt" >&2
fi
cp="$(cat "$target/cp.txt")"
if [ ! -f "$target/classes/c360/flinkparse/ParseCheck.class" ] || [ "$src" -nt "$target/classes/c360/flinkparse/ParseCheck.class" ]; then
  javac -nowarn -d "$target/classes" -cp "$cp" "$src" >&2
fi
exec java -cp "$target/classes:$cp" c360.flinkparse.ParseCheck "$@"
