#!/usr/bin/env bash
# Issue 6's acceptance end to end on real data, as a user runs it (a new JVM per command, a fresh data folder):
# the GTZAN subset of ../shared/data/train-v1 as label folders (symbolic links, the audio is never copied) and 20
# 4Q clips to classify. Checks that
#   1. `train` prints cross-validated scores and stores them in the registered version's model card;
#   2. activating the head changes what `classify` returns (a "heads" entry with its labels);
#   3. `rollback` restores the previous output byte for byte;
#   4. bad input (an empty folder, one label only, unreadable files, a CSV without numbers) is refused with a
#      message and leaves nothing in the registry.
# Usage: bench/retrain-e2e.sh [DATA_DIR]      (default: ../shared/data/train-v1; skipped when absent)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${MUSETAG_SHARED:-../shared}/data/train-v1}
[[ -f $data/clips.csv ]] || { echo "retrain e2e: no training data at $data; skipped"; exit 0; }
[[ -f target/musetag.jar ]] || mvn -B -q package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/musetag-retrain.XXXX")
trap 'rm -rf "$work"' EXIT
M=(java -Dai.djl.offline=true -Dmusetag.home="$work/home" -jar target/musetag.jar)
fail() { echo "FAIL: $*" >&2; exit 1; }

/usr/bin/python3 - "$data" "$work" <<'PY'
import csv, os, sys
data, work = os.path.abspath(sys.argv[1]), sys.argv[2]
rows = list(csv.DictReader(open(os.path.join(data, "clips.csv"))))
for r in rows:
    if r["source"] == "gtzan":
        d = os.path.join(work, "gtzan", r["genres"])
        os.makedirs(d, exist_ok=True)
        os.symlink(os.path.join(data, r["path"]), os.path.join(d, os.path.basename(r["path"])))
with open(os.path.join(work, "probe.txt"), "w") as f:
    for r in sorted((r for r in rows if r["source"] == "4q"), key=lambda r: r["clip_id"])[:20]:
        f.write(os.path.join(data, r["path"]) + "\n")
PY
mapfile -t probe < "$work/probe.txt"

"${M[@]}" classify "${probe[@]}" > "$work/before.jsonl" 2>/dev/null
"${M[@]}" train --folders "$work/gtzan" --name genres > "$work/train.txt" 2>"$work/train.err" \
  || { cat "$work/train.err"; fail "train"; }
grep -E "accuracy [0-9.]+, macro-F1" "$work/train.txt" || fail "no cross-validated scores printed"
card="$work/home/models/genres/1/card.json"
/usr/bin/python3 - "$card" <<'PY' || fail "scores not stored in $card"
import json, sys
c = json.load(open(sys.argv[1]))["evaluation"]["classification"]
assert c["n"] == 136 and len(c["per_class"]) == 10 and len(c["confusion"]) == 10, c.keys()
print(f"stored in card.json: accuracy {c['accuracy']:.3f}, macro-F1 {c['macro_f1']:.3f}, {len(c['per_class'])} classes")
PY
"${M[@]}" models activate genres 1 >/dev/null
"${M[@]}" classify "${probe[@]}" > "$work/active.jsonl" 2>/dev/null
changed=$(/usr/bin/python3 - "$work/before.jsonl" "$work/active.jsonl" <<'PY'
import json, sys
before = [json.loads(l) for l in open(sys.argv[1])]
active = [json.loads(l) for l in open(sys.argv[2])]
assert all("heads" not in b for b in before)
assert all(len(a["heads"]["genres"]) == 10 for a in active)
# How often the head's top genre differs from the bundled model's (a real change, not only an added key).
print(sum(1 for b, a in zip(before, active) if a["heads"]["genres"][0]["label"] != b["genres"][0]["label"]))
PY
) || fail "the active head does not show in classify"
echo "active head: all ${#probe[@]} classifications carry its 10 labels; its top genre differs from the bundled model's on $changed"
"${M[@]}" models rollback genres >/dev/null
"${M[@]}" classify "${probe[@]}" > "$work/after.jsonl" 2>/dev/null
cmp -s "$work/before.jsonl" "$work/after.jsonl" || fail "rollback did not restore classify's output exactly"
echo "rollback: classify output identical to before ($(wc -c < "$work/after.jsonl") bytes)"

# Bad input: each refused with a message (exit 2), nothing registered.
mkdir -p "$work/bad/empty" "$work/bad/one/only" "$work/bad/broken/a" "$work/bad/broken/b"
ln -s "${probe[0]}" "$work/bad/one/only/x.opus"
head -c 4000 /dev/urandom > "$work/bad/broken/a/noise.mp3"; printf 'not audio' > "$work/bad/broken/b/text.ogg"
printf 'path,valence,arousal\nx.mp3,high,low\n' > "$work/bad/ratings.csv"
for args in "--folders $work/bad/empty" "--folders $work/bad/one" "--folders $work/bad/broken" \
    "--csv $work/bad/ratings.csv --kind regression"; do
  set +e
  # shellcheck disable=SC2086
  "${M[@]}" train $args --name bad > /dev/null 2> "$work/bad.err"
  code=$?
  set -e
  [[ $code == 2 ]] || fail "train $args exited $code"
  echo "refused ($code): $(tr '\r' '\n' < "$work/bad.err" | grep -m1 '^musetag' | cut -c1-150)"
done
[[ ! -e $work/home/models/bad ]] || fail "a refused run left $work/home/models/bad"
ls -A "$work/home/models" | grep -q '^\.staging' && fail "a staging folder was left"
echo "retrain e2e ok"
