#!/usr/bin/env bash
# Classification benchmark (docs/benchmarks.md): tracks/s on the full real library, split by stage.
# Usage: bench/classify.sh [LIBRARY_DIR] [ROUNDS] [WORKERS] [AUTO|CPU|GPU] [MODEL.onnx (default: the bundled one)]
set -euo pipefail
cd "$(dirname "$0")/.."
lib=${1:-/tmp/musetag-real-library-full}
rounds=${2:-3}
workers=${3:-$(nproc)}
device=${4:-AUTO}
[[ -d $lib ]] || bash "${MUSETAG_SHARED:-../shared}/tools/real-library.sh" "$lib" full
mvn -B -q test-compile -Dmusetag.build.dir="$PWD/target"
cpfile=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile"); rm -f "$cpfile"
java -Dai.djl.offline=true -cp "target/classes:target/test-classes:$cp" org.musetag.bench.ClassifyBenchmark "$lib" "$rounds" "$workers" "$device" ${5:+"$5"}
