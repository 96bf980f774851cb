#!/usr/bin/env bash
# Saves a PNG of every view of the desktop app with real data, under Xvfb at 1280x800, and measures how long the
# app takes to show its window and how fast the player's live spectrogram redraws. See docs/screenshots.md.
#
#   bench/screenshots.sh [MUSIC_DIR] [OUT_DIR]
#
# MUSIC_DIR defaults to /tmp/reallib (the real library; shared/tools/real-library.sh makes it), OUT_DIR to
# target/screenshots. Needs xvfb-run, ImageMagick's import and xwininfo; builds nothing: run
# `mvn -B -q package -DskipTests` first (JAR=... points at another jar). Nothing is written outside OUT_DIR and a
# temporary data folder, which is deleted at the end.
set -euo pipefail

MUSIC=${1:-/tmp/reallib}
OUT=${2:-target/screenshots}
JAR=${JAR:-target/musetag.jar}
SCREEN="1280x800x24"
[ -f "$JAR" ] || { echo "no $JAR: build it with mvn -B -q package -DskipTests (or set JAR)" >&2; exit 1; }
[ -d "$MUSIC" ] || { echo "no music folder $MUSIC" >&2; exit 1; }
for tool in xvfb-run import xwininfo; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
JAVA=(java -Dai.djl.offline=true -Dmusetag.home="$HOME_DIR")

echo "indexing and analysing $MUSIC (command line) ..."
"${JAVA[@]}" -jar "$JAR" scan "$MUSIC" >/dev/null 2>&1
"${JAVA[@]}" -jar "$JAR" analyze >/dev/null 2>&1

# The first three audio files of the library, for the classify and player views.
mapfile -t FILES < <(find "$MUSIC" -type f \( -name '*.mp3' -o -name '*.ogg' -o -name '*.flac' -o -name '*.m4a' \
  -o -name '*.opus' -o -name '*.wav' \) | sort | head -3)
CLASSIFY=$(IFS=:; echo "${FILES[*]}")
# The bulk-tag preview works on a copy, so the screenshots never touch the real files' tags.
TAGDIR="$HOME_DIR/bulk-copy"
mkdir -p "$TAGDIR"
cp "${FILES[@]}" "$TAGDIR/"

# shot NAME SECONDS [java options...]: starts the app, waits, photographs the screen, stops the app.
shot() {
  local name=$1 wait=$2
  shift 2
  xvfb-run -a -s "-screen 0 $SCREEN" bash -c '
    out=$1; wait=$2; log=$3; shift 3
    start=$(date +%s%N)
    "$@" > "$log" 2>&1 &
    pid=$!
    until xwininfo -root -tree 2>/dev/null | grep -q "\"Musetag\""; do
      sleep 0.05
      kill -0 $pid 2>/dev/null || { echo "the app stopped; see $log" >&2; exit 1; }
    done
    echo "window after $(( ($(date +%s%N) - start) / 1000000 )) ms" > "${log%.log}.startup"
    sleep "$wait"
    import -window root "$out"
    kill $pid; wait $pid 2>/dev/null || true
  ' shot "$OUT/$name.png" "$wait" "$OUT/$name.log" "${JAVA[@]}" -Dprism.order=sw "$@" -jar "$JAR"
  echo "$name.png: $(cat "$OUT/$name.startup")"
}

shot library 4
shot classify 8 -Dmusetag.ui.classify="$CLASSIFY"
shot circumplex 4 -Dmusetag.ui.tab=circumplex
shot bulktag 8 -Dmusetag.ui.bulktag="$TAGDIR"
shot player 12 -Dmusetag.ui.play="${FILES[0]}"
shot similar 8 -Dmusetag.ui.similar="${FILES[0]}"
shot settings 4 -Dmusetag.ui.tab=settings

# The expert pane with a real trained head: the GTZAN subset of the shared training data as label folders of
# symbolic links (the audio is not copied), trained and activated with the command line, then shown in the app.
DATA=${MUSETAG_SHARED:-../shared}/data/train-v1
if [[ -f $DATA/clips.csv ]]; then
  /usr/bin/python3 - "$DATA" "$HOME_DIR/gtzan" <<'PY'
import csv, os, sys
data, out = os.path.abspath(sys.argv[1]), sys.argv[2]
for r in csv.DictReader(open(os.path.join(data, "clips.csv"))):
    if r["source"] == "gtzan":
        os.makedirs(os.path.join(out, r["genres"]), exist_ok=True)
        os.symlink(os.path.join(data, r["path"]), os.path.join(out, r["genres"], os.path.basename(r["path"])))
PY
  "${JAVA[@]}" -jar "$JAR" train --folders "$HOME_DIR/gtzan" --name gtzan-genres --activate > "$OUT/retrain-cli.txt" 2>&1
  shot retrain 6 -Dmusetag.ui.retrain="$HOME_DIR/gtzan"
else
  echo "no shared training data at $DATA: no retrain.png"
fi

echo "player spectrogram redraws (Xvfb, software renderer):"
grep -o 'spectrogram redraws: [0-9.]* frames/s' "$OUT/player.log" || echo "  (none logged)"
echo "in-app start-up times:"
grep -ho 'window shown [0-9]* ms after the JVM started' "$OUT"/*.log
echo "screenshots in $OUT"
