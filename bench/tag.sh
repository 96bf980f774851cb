#!/usr/bin/env bash
# Tag-write benchmark (docs/benchmarks.md): files per second for `musetag tag --dry-run`, a real `musetag tag`
# and `musetag undo`, on a copy of the real library (analysed first, not timed).
# Usage: bench/tag.sh [LIBRARY_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-/tmp/musetag-real-library-full}
rounds=${2:-3}
[[ -d $src ]] || bash "${MUSETAG_SHARED:-../shared}/tools/real-library.sh" "$src" full
[[ -f target/musetag.jar ]] || mvn -B -q package -DskipTests
work=$(mktemp -d /tmp/musetag-tag-bench.XXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$src" "$work/music"; rm -rf "$work/music/.debs"
M=(java -Dai.djl.offline=true -Dmusetag.home="$work/home" -jar target/musetag.jar)
db="$work/library.db"
"${M[@]}" scan "$work/music" --db "$db" >/dev/null 2>&1
"${M[@]}" analyze --db "$db" >/dev/null 2>&1
n=$(find "$work/music" -type f | wc -l)
t() { local s e; s=$(date +%s.%N); "$@" > "$work/last.txt" 2>/dev/null || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
printf '| round | dry run (s) | tag (s) | files written | undo (s) |\n|---|---|---|---|---|\n'
for r in $(seq 1 "$rounds"); do
  d=$(t "${M[@]}" tag --db "$db" --dry-run)
  w=$(t "${M[@]}" tag --db "$db")
  batch=$(grep -o 'batch [0-9a-f-]*' "$work/last.txt" | head -1 | cut -d' ' -f2)
  written=$(grep -o '[0-9]* files written' "$work/last.txt" | cut -d' ' -f1)
  u=$(t "${M[@]}" undo --db "$db" "$batch")
  printf '| %d | %.1f | %.1f | %s | %.1f |\n' "$r" "$d" "$w" "$written" "$u"
done
echo "files: $n (opus files are read in the dry run and skipped when writing)"
