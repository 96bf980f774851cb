#!/usr/bin/env bash
# End to end on a copy of the real library: scan, analyze, dry run, tag, interop check (ffprobe, kid3-cli and
# mutagen read what Musetag wrote), undo, and a check that every file's tags are back exactly as they were.
# Usage: bench/library-e2e.sh [LIBRARY_DIR]   (builds the small real library with apt if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-/tmp/musetag-real-library}
if [[ ! -d $src ]]; then
  bash "${MUSETAG_SHARED:-../shared}/tools/real-library.sh" "$src" small || { echo "real library unavailable (needs apt and ../shared); skipped"; exit 0; }
fi
[[ -f target/musetag.jar ]] || mvn -B -q package -DskipTests
work=$(mktemp -d /tmp/musetag-e2e.XXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$src" "$work/music"; rm -rf "$work/music/.debs"
M=(java -Dai.djl.offline=true -Dmusetag.home="$work/home" -jar target/musetag.jar)
db="$work/library.db"
snapshot() { /usr/bin/python3 - "$1" <<'PY'
import json, os, sys, mutagen
out = {}
for root, _, files in os.walk(sys.argv[1]):
    for f in sorted(files):
        p = os.path.join(root, f)
        t = mutagen.File(p)
        out[os.path.relpath(p, sys.argv[1])] = sorted((k, str(v)) for k, v in (t.tags.items() if t and t.tags else []))
print(json.dumps(out, sort_keys=True))
PY
}
before=$(snapshot "$work/music")
"${M[@]}" scan "$work/music" --db "$db"
"${M[@]}" analyze --db "$db"
"${M[@]}" tag --db "$db" --dry-run > "$work/dry-run.txt"
echo "dry run: $(tail -1 "$work/dry-run.txt")"
[[ $(snapshot "$work/music") == "$before" ]] || { echo "FAIL: the dry run changed files"; exit 1; }
"${M[@]}" tag --db "$db" | tail -2 | tee "$work/tag.txt"
batch=$(grep -o 'batch [0-9a-f-]*' "$work/tag.txt" | head -1 | cut -d' ' -f2)
bash bench/interop-check.sh "$work/music" > "$work/interop.txt" || { cat "$work/interop.txt"; echo "FAIL: interop"; exit 1; }
echo "interop: $(tail -1 "$work/interop.txt")"
"${M[@]}" undo --db "$db" "$batch"
[[ $(snapshot "$work/music") == "$before" ]] || { echo "FAIL: undo did not restore every tag"; exit 1; }
echo "e2e ok: scan, analyze, dry run, tag (batch $batch), interop, undo restored every file's tags"
