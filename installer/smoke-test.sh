#!/usr/bin/env bash
# Smoke test of a built or installed Musetag launcher, headless: --version, classify on a generated tone, and, where
# xvfb-run exists, the desktop window opening and taking a file from a second start.
#   installer/smoke-test.sh target/installer/cpu/image/musetag/bin/musetag   (or /usr/bin/musetag once installed)
set -euo pipefail
launcher=${1:?usage: installer/smoke-test.sh LAUNCHER}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the test's own data folder, never the user's
export JAVA_TOOL_OPTIONS="-Dmusetag.home=$work/home -Dprism.order=sw"

"$launcher" --version 2>/dev/null | grep -qx 'musetag [0-9].*' || { echo "FAIL: --version"; exit 1; }
ffmpeg -loglevel error -f lavfi -i sine=f=440:d=8 "$work/tone.ogg"
json=$("$launcher" classify "$work/tone.ogg" 2>"$work/classify.log") || { cat "$work/classify.log"; exit 1; }
# the contract, whichever musetag-base is bundled (1.x or 2.x, whose windows are longer than this tone): genres,
# a quadrant and the model's id; never what a tone is classified as
[[ $json == *'"genres":[{"label":'* && $json == *'"quadrant":"Q'* && $json == *'"model":"musetag-base@'* ]] \
  || { echo "FAIL: classify printed $json"; exit 1; }
echo "ok: $("$launcher" --version 2>/dev/null), classify: ${json:0:120}..."

# No locale at all (a bare server, a service): a non-ASCII name still opens (the launcher relaunches in C.UTF-8).
name=$(printf 'Caf\303\251 \342\200\223 \303\234n\303\257c\303\266d\303\251.ogg')
cp "$work/tone.ogg" "$work/$name"
info=$(env -u LANG -u LC_ALL -u LC_CTYPE -u LANGUAGE "$launcher" info "$work/$name" 2>"$work/info.log") \
  || { echo "FAIL: info on a non-ASCII name with no locale"; cat "$work/info.log"; exit 1; }
[[ $info == *"\"duration_s\""* ]] || { echo "FAIL: info printed $info"; exit 1; }
echo "ok: with no locale, info opens $name"

if command -v xvfb-run >/dev/null; then
  cat > "$work/window.sh" <<WINDOW
"$launcher" > "$work/first.log" 2>&1 &
first=\$!
for _ in \$(seq 90); do grep -q "window shown" "$work/first.log" && break; sleep 1; done
"$launcher" "$work/tone.ogg" > "$work/second.log" 2>&1
for _ in \$(seq 30); do grep -q "handed 1 file" "$work/second.log" && break; sleep 1; done
kill \$first
WINDOW
  xvfb-run -a -s "-screen 0 1280x800x24" bash "$work/window.sh" || true
  grep -o "window shown .*" "$work/first.log" || { echo "FAIL: no window"; cat "$work/first.log"; exit 1; }
  grep -q "handed 1 file" "$work/second.log" || { echo "FAIL: second start"; cat "$work/second.log"; exit 1; }
  echo "ok: a second start handed its file to the window"
fi
