#!/usr/bin/env bash
# Tempo and key benchmark (docs/benchmarks.md): train-v1's GTZAN clips against gtzan-rhythm-key's human tempo and
# key, per genre and overall, with aubio and bpm-tools side by side in the same run.
# Usage: bench/rhythm-key.sh [TRAIN_V1] [GTZAN_RHYTHM_KEY]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MUSETAG_SHARED:-../shared}
mvn -B -q test-compile -Dmusetag.build.dir="$PWD/target"
cpfile=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cpfile"
cp=$(cat "$cpfile"); rm -f "$cpfile"
java -cp "target/classes:target/test-classes:$cp" org.musetag.bench.RhythmKeyBenchmark \
  "${1:-$shared/data/train-v1}" "${2:-$shared/data/gtzan-rhythm-key}"
