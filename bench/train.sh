#!/usr/bin/env bash
# Retraining benchmark (docs/benchmarks.md, issue 6): `musetag train` end to end on 200 tracks, as a user runs it
# (a new JVM each time), first with the embeddings not cached (a fresh data folder and library each round), then
# again with them cached (the same library). Prints every round and the medians.
# The 200 tracks: 4Q clips of ../shared/data/train-v1, the first 50 of each quadrant by clip id, as label folders
# Q1..Q4 of symbolic links in a temporary folder (the audio is never copied).
# Usage: bench/train.sh [DATA_DIR] [ROUNDS]     (defaults: ../shared/data/train-v1, 3)
#   BUILD_DIR overrides the Maven output folder; MVN_FLAGS adds Maven flags (e.g. MVN_FLAGS=-o to stay offline).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${MUSETAG_SHARED:-../shared}/data/train-v1}
rounds=${2:-3}
build=${BUILD_DIR:-$PWD/target}
[[ -f $data/clips.csv ]] || { echo "train bench: no clips.csv in $data" >&2; exit 2; }
mvn -B -q ${MVN_FLAGS:-} compile -Dmusetag.build.dir="$build"
cpfile=$(mktemp)
mvn -B -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmusetag.build.dir="$build"
cp=$(cat "$cpfile"); rm -f "$cpfile"
work=$(mktemp -d "${TMPDIR:-/tmp}/musetag-train-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$data" "$work/folders" <<'PY'
import csv, os, sys
data, out = os.path.abspath(sys.argv[1]), sys.argv[2]
rows = sorted((r for r in csv.DictReader(open(os.path.join(data, "clips.csv"))) if r["source"] == "4q"),
              key=lambda r: r["clip_id"])
for q in ("Q1", "Q2", "Q3", "Q4"):
    os.makedirs(os.path.join(out, q))
    for r in [r for r in rows if r["quadrant"] == q][:50]:
        os.symlink(os.path.join(data, r["path"]), os.path.join(out, q, os.path.basename(r["path"])))
PY

train() {  # $1: data folder, $2: label of the run; prints the wall time in seconds
  local t0 t1
  t0=$(date +%s.%N)
  java -Dai.djl.offline=true -Dmusetag.home="$1" -cp "$build/classes:$cp" org.musetag.Launcher \
    train --folders "$work/folders" --name bench >"$1/$2.txt" 2>"$1/$2.err" \
    || { cat "$1/$2.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  /usr/bin/python3 -c "print(f'{$t1 - $t0:.2f}')"
}

uncached=(); cached=()
for ((r = 1; r <= rounds; r++)); do
  home="$work/home-$r"
  mkdir -p "$home"
  u=$(train "$home" uncached)
  c=$(train "$home" cached)
  grep -q "(0 from the cache, 200 new)" "$home/uncached.txt" \
    && grep -q "(200 from the cache, 0 new)" "$home/cached.txt" \
    || { echo "train bench: the runs did not hear/cache 200 files as expected" >&2; exit 1; }
  echo "round $r: uncached ${u} s, cached ${c} s"
  uncached+=("$u"); cached+=("$c")
done
echo "first round, uncached run:"
grep -E "files, |heard|accuracy [0-9]|new head:|bundled:" "$work/home-1/uncached.txt" | sed 's/^/  /'
/usr/bin/python3 - "${uncached[*]}" "${cached[*]}" <<'PY'
import statistics, sys
u = [float(x) for x in sys.argv[1].split()]
c = [float(x) for x in sys.argv[2].split()]
print(f"median of {len(u)} rounds, 200 tracks: uncached {statistics.median(u):.2f} s (goal <= 60), "
      f"cached {statistics.median(c):.2f} s (goal <= 5)")
PY
