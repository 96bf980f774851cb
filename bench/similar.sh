#!/usr/bin/env bash
# Similar-songs benchmark (docs/benchmarks.md): one query on a 100,000-track SQLite library (median, warm), the
# index's load time and memory, and the same index in memory at 1,000,000 tracks.
# Usage: bench/similar.sh [TRACKS] [BIG]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile -Dmusetag.build.dir="$PWD/target"
cpfile=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile"); rm -f "$cpfile"
java -Xmx3g -cp "target/classes:target/test-classes:$cp" org.musetag.bench.SimilarBenchmark "${1:-100000}" "${2:-1000000}"
