#!/usr/bin/env bash
# The catalogue job (spark/, decision 0017) in Spark's local mode on MUSIC_DIR, as spark-submit would run it on one
# machine. Each round: local[1], then local[2], each into a fresh OUT_DIR/local-N, then `musetag scan` + `analyze`
# (its default threads) on the same files. Prints each run, then the medians over the rounds: tracks/s of each,
# local[2] against local[1] (scaling on this machine) and the job against analyze (the job's overhead). The job's
# seconds are the whole driver run: listing, the anti-join, loading the model, hearing, writing Parquet and JSON.
# Last, local[2] runs again on its own output to show that nothing is heard twice.
# Usage: bench/spark-local.sh MUSIC_DIR OUT_DIR [ROUNDS=3]   (builds the jars first when they are missing;
#   MVN_FLAGS=-o keeps Maven offline)
set -euo pipefail
cd "$(dirname "$0")/.."
music=$(realpath "$1"); out=$(realpath -m "$2"); rounds=${3:-3}
rm -rf "$out"; mkdir -p "$out"
[[ -f target/musetag.jar && -f spark/target/musetag-spark.jar ]] || mvn -B -q ${MVN_FLAGS:-} verify -DskipTests
cpfile=$(mktemp)
mvn -B -q ${MVN_FLAGS:-} -f spark/pom.xml dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$cpfile"
sparkcp=$(cat "$cpfile"); rm -f "$cpfile"
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED)
job() { # N OUT: runs the job in local[N]; prints its summary line
  java "${opens[@]}" -Dai.djl.offline=true -Dspark.master="local[$1]" -Dspark.ui.enabled=false \
    -Dlog4j2.configurationFile="$PWD/spark/src/test/resources/log4j2.properties" \
    -cp "spark/target/musetag-spark.jar:$sparkcp" org.musetag.spark.CatalogueJob \
    --in "file://$music" --out "file://$2" 2>"$2.log" | tail -1
}
field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
results=()
for r in $(seq 1 "$rounds"); do
  rm -rf "$out/local-1" "$out/local-2" "$out/home" "$out/analyze.db"
  s1=$(job 1 "$out/local-1"); echo "round $r local[1]: $s1"
  s2=$(job 2 "$out/local-2"); echo "round $r local[2]: $s2"
  start=$(date +%s.%N)
  java -Dai.djl.offline=true -Dmusetag.home="$out/home" -jar target/musetag.jar scan "$music" --db "$out/analyze.db" >/dev/null
  java -Dai.djl.offline=true -Dmusetag.home="$out/home" -jar target/musetag.jar analyze --db "$out/analyze.db" >"$out/analyze.json" 2>/dev/null
  seconds=$(/usr/bin/python3 -c "import sys,time; print(time.time()-float(sys.argv[1]))" "$start")
  heard=$(field "$(tail -1 "$out/analyze.json")" analysed)
  echo "round $r musetag scan + analyze: $heard tracks in $seconds s"
  results+=("$s1|$s2|$heard|$seconds")
done
again=$(job 2 "$out/local-2"); echo "local[2] again: $again"
/usr/bin/python3 - "${results[@]}" <<'PY'
import json, statistics, sys
one, two, ana = [], [], []
for r in sys.argv[1:]:
    s1, s2, heard, seconds = r.split("|")
    one.append(json.loads(s1)["tracks_per_second"]); two.append(json.loads(s2)["tracks_per_second"])
    ana.append(int(heard) / float(seconds))
m1, m2, ma = statistics.median(one), statistics.median(two), statistics.median(ana)
print(f"medians over {len(one)} rounds, tracks/s: local[1] {m1:.2f}, local[2] {m2:.2f}, musetag scan + analyze {ma:.2f}")
print(f"scaling local[2]/local[1]: {m2 / m1:.2f}x; job local[2] against scan + analyze: {m2 / ma:.2f}x")
PY
