#!/usr/bin/env bash
# Scan benchmark (docs/benchmarks.md): `musetag scan` beside `beet import -A -C -W` (Debian beets, no autotagging,
# no copying, no tag writing) on the same ~10,000-file library, in the same script. The library is the real
# library hard-linked many times over (no extra disk), so every path is a distinct file to both tools.
# Usage: bench/scan.sh [SOURCE_LIBRARY] [COPIES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-/tmp/musetag-real-library}
copies=${2:-200}
rounds=${3:-3}
[[ -d $src ]] || bash "${MUSETAG_SHARED:-../shared}/tools/real-library.sh" "$src" small
[[ -f target/musetag.jar ]] || mvn -B -q package -DskipTests
work=$(mktemp -d /tmp/musetag-scan-bench.XXXX)
trap 'rm -rf "$work"' EXIT
lib="$work/library"
mkdir -p "$lib"
for i in $(seq 1 "$copies"); do cp -al "$src" "$lib/copy$i"; rm -rf "$lib/copy$i/.debs"; done
n=$(find "$lib" -type f | wc -l)
echo "library: $n files ($copies hard-linked copies of $src)" >&2

cat > "$work/beets.yaml" <<YAML
directory: $work/beets-dir
library: $work/beets.db
statefile: $work/state.pickle
import:
  copy: no
  write: no
  autotag: no
  quiet: yes
  log: $work/beets-import.log
plugins: []
YAML

t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
musetag() { java -Dai.djl.offline=true -jar target/musetag.jar scan "$lib" --db "$work/musetag.db"; }
beet_cold() { beet -c "$work/beets.yaml" import -A -C -W -q "$lib"; }
beet_warm() { beet -c "$work/beets.yaml" import -A -C -W -q -i "$lib"; }

printf '| round | musetag cold (s) | musetag warm (s) | beets cold (s) | beets warm, -i (s) |\n|---|---|---|---|---|\n'
for r in $(seq 1 "$rounds"); do
  rm -f "$work/musetag.db"* "$work/beets.db" "$work/beets-import.log" "$work/state.pickle"
  mc=$(t musetag); mw=$(t musetag)
  bc_=$(t beet_cold); bw=$(t beet_warm)
  printf '| %d | %.1f | %.1f | %.1f | %.1f |\n' "$r" "$mc" "$mw" "$bc_" "$bw"
done
echo "files: $n"
