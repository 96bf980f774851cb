#!/usr/bin/env bash
# Decode benchmark (docs/benchmarks.md): Musetag's decoder beside the ffmpeg CLI on the real library, same run.
# Usage: bench/decode.sh [LIBRARY_DIR] [ROUNDS]   (needs apt's ffmpeg; builds the library if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
lib=${1:-/tmp/musetag-real-library}
rounds=${2:-3}
[[ -d $lib ]] || bash "${MUSETAG_SHARED:-../shared}/tools/real-library.sh" "$lib" small
mvn -B -q test-compile -Dmusetag.build.dir="$PWD/target"
cpfile=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile"); rm -f "$cpfile"
java -Dai.djl.offline=true -cp "target/classes:target/test-classes:$cp" org.musetag.bench.DecodeBenchmark "$lib" "$rounds"
