#!/usr/bin/env bash
# The catalogue job (spark/, decision 0017) in Spark's local mode on MUSIC_DIR, as spark-submit would run it on one
# machine: local[1], then local[2], each into a fresh OUT_DIR/local-N, then `musetag analyze` on the same files, all
# in this run. Prints each one's tracks/s, local[2] against local[1] (scaling on this machine) and the job against
# analyze (the job's overhead). Then runs local[2] again on its own output to show that nothing is heard twice.
# Usage: bench/spark-local.sh MUSIC_DIR OUT_DIR   (builds target/musetag.jar and spark/target/musetag-spark.jar first)
set -euo pipefail
cd "$(dirname "$0")/.."
music=$(realpath "$1"); out=$(realpath -m "$2")
rm -rf "$out"; mkdir -p "$out"
[[ -f target/musetag.jar && -f spark/target/musetag-spark.jar ]] || mvn -B -q verify -DskipTests
cpfile=$(mktemp)
mvn -B -q -f spark/pom.xml dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$cpfile"
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
s1=$(job 1 "$out/local-1"); echo "local[1]: $s1"
s2=$(job 2 "$out/local-2"); echo "local[2]: $s2"
start=$(date +%s.%N)
java -Dai.djl.offline=true -Dmusetag.home="$out/home" -jar target/musetag.jar scan "$music" --db "$out/analyze.db" >/dev/null
java -Dai.djl.offline=true -Dmusetag.home="$out/home" -jar target/musetag.jar analyze --db "$out/analyze.db" >"$out/analyze.json" 2>/dev/null
seconds=$(/usr/bin/python3 -c "import sys,time; print(time.time()-float(sys.argv[1]))" "$start")
heard=$(field "$(tail -1 "$out/analyze.json")" analysed)
again=$(job 2 "$out/local-2"); echo "local[2] again: $again"
/usr/bin/python3 - "$s1" "$s2" "$heard" "$seconds" <<'PY'
import json, sys
one, two = json.loads(sys.argv[1]), json.loads(sys.argv[2])
analyze = int(sys.argv[3]) / float(sys.argv[4])
print(f"tracks/s: local[1] {one['tracks_per_second']:.2f}, local[2] {two['tracks_per_second']:.2f}, "
      f"musetag analyze {analyze:.2f} (scan + analyze, {sys.argv[3]} tracks in {float(sys.argv[4]):.1f} s)")
print(f"scaling local[2]/local[1]: {two['tracks_per_second'] / one['tracks_per_second']:.2f}x; "
      f"job local[2] against analyze: {two['tracks_per_second'] / analyze:.2f}x")
PY
