#!/usr/bin/env bash
# Interoperability check (shared/guide/tags.md): do other tools read the tags Musetag writes as Musetag meant them?
# For every audio file in DIR, compares genre, mood, valence, arousal, moodmodel, a head's field (STYLES), bpm and key as read by ffprobe (Debian's
# ffmpeg), kid3-cli and python3-mutagen with DIR/expected.json (or, without it, checks the tools agree with mutagen).
# Exits non-zero on any disagreement.
# Usage: bench/interop-check.sh [DIR]
#   Without DIR, builds the test classes and writes one tagged file per format (Opus, ALAC m4a and Ogg FLAC included) with
#   org.musetag.tags.InteropFixtures into a temporary folder first. BUILD_DIR overrides the Maven output folder;
#   MVN_FLAGS adds Maven flags (e.g. MVN_FLAGS=-o to stay offline).
# Needs: ffprobe, kid3-cli, /usr/bin/python3 with mutagen (apt: ffmpeg kid3-cli python3-mutagen).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in ffprobe kid3-cli; do
  command -v "$tool" >/dev/null || { echo "interop-check: $tool is not installed" >&2; exit 2; }
done
if ! /usr/bin/python3 -c 'import mutagen' 2>/dev/null; then
  echo "interop-check: python3-mutagen is not installed" >&2
  exit 2
fi

dir=${1:-}
if [[ -z $dir ]]; then
  build=${BUILD_DIR:-$PWD/target}
  dir=$(mktemp -d "${TMPDIR:-/tmp}/musetag-interop.XXXXXX")
  mvn -B -q ${MVN_FLAGS:-} test-compile -Dmusetag.build.dir="$build"
  cpfile=$(mktemp)
  mvn -B -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.outputFile="$cpfile"
  cp=$(cat "$cpfile"); rm -f "$cpfile"
  java -Djava.awt.headless=true -cp "$build/classes:$build/test-classes:$cp" org.musetag.tags.InteropFixtures "$dir"
fi
[[ -d $dir ]] || { echo "interop-check: $dir is not a folder" >&2; exit 2; }
exec /usr/bin/python3 bench/interop_check.py "$dir"
