#!/usr/bin/env bash
# Builds and tests the catalogue job (spark/) on the desktop jar the root build just packaged; called by the root
# pom's verify phase (exec-maven-plugin). Usage: spark/build.sh DESKTOP_THIN_JAR [offline=true|offline=false]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$1
offline=${2:-offline=false}
flags=(-B -q)
[[ $offline == offline=true ]] && flags+=(-o)
# the job depends on org.musetag:musetag like any library: put this build's jar and pom where Maven finds them
mvn "${flags[@]}" install:install-file -Dfile="$jar" -DpomFile=pom.xml
mvn "${flags[@]}" -f spark/pom.xml verify
echo "catalogue job: spark/target/musetag-spark.jar ($(du -m spark/target/musetag-spark.jar | cut -f1) MB)"
