#!/usr/bin/env bash
# End-to-end check on a real library: `musetag info` and `musetag spectrogram` on every track must succeed.
# Usage: bench/real-library-smoke.sh [LIBRARY_DIR]   (builds the small real library with apt if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
lib=${1:-/tmp/musetag-real-library}
if [[ ! -d $lib ]]; then
  bash "${MUSETAG_SHARED:-../shared}/tools/real-library.sh" "$lib" small || { echo "real library unavailable (needs apt and ../shared); skipped"; exit 0; }
fi
[[ -f target/musetag.jar ]] || mvn -B -q package -DskipTests
out=$(mktemp -d)
mapfile -d '' tracks < <(find "$lib" -path "$lib/.debs" -prune -o -type f -print0)
java -Dai.djl.offline=true -jar target/musetag.jar info "${tracks[@]}" > "$out/info.jsonl"
failed=0
for i in "${!tracks[@]}"; do
  java -Dai.djl.offline=true -jar target/musetag.jar spectrogram "${tracks[$i]}" --png "$out/$i.png" --npy "$out/$i.npy" \
    --start 5 --length 20 > /dev/null || { echo "spectrogram failed: ${tracks[$i]}"; failed=1; }
done
echo "info and spectrogram ok on ${#tracks[@]} tracks ($(grep -c '"codec"' "$out/info.jsonl") described)"
rm -rf "$out"
exit $failed
