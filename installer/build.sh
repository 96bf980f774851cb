#!/usr/bin/env bash
# Builds Musetag's installable app with jpackage: the fat jar without other platforms' native libraries, on a Java
# runtime trimmed by jlink, so users need neither Maven nor a JDK (docs/decisions/0007-installer.md).
#
#   installer/build.sh app-image [--gpu] [--jar JAR]  a folder with the musetag launcher (any OS)
#   installer/build.sh deb [--gpu] [--jar JAR]        Debian/Ubuntu package (on Linux; needs fakeroot, dpkg-deb)
#   installer/build.sh msi [--gpu] [--jar JAR]        Windows installer (on Windows in Git Bash; WiX 3 on PATH)
#   installer/build.sh dmg [--jar JAR]                macOS disk image (on macOS)
#
# --gpu builds the ONNX Runtime GPU flavour (mvn -Pgpu; needs CUDA 12 and cuDNN 9 where it runs). Without --jar
# it uses target/musetag.jar (target/gpu/musetag.jar for --gpu), building it first if missing. Writes everything
# under target/installer/<cpu|gpu>/ and prints the sizes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
here=$root/installer
usage() { sed -n '5,8p' "$0" >&2; exit 2; }

type=${1:-}
[[ $type =~ ^(app-image|deb|msi|dmg)$ ]] || usage
shift
flavour=cpu
jar=
while (($#)); do
  case $1 in
    --gpu) flavour=gpu ;;
    --jar) jar=${2:?--jar needs a file}; shift ;;
    *) usage ;;
  esac
  shift
done

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-aarch64 ;;
  Darwin-arm64) platform=osx-aarch64 ;;
  Darwin-x86_64) platform=osx-x64 ;;
  MINGW*-x86_64 | MSYS*-x86_64 | CYGWIN*-x86_64) platform=win-x64 ;;
  *) echo "no installer for $(uname -sm)" >&2; exit 1 ;;
esac
case $platform in
  linux-*) name=musetag ;;   # the launcher is also the command: /usr/bin/musetag
  *) name=Musetag ;;         # Musetag.app, Musetag.exe
esac
package=musetag
other=musetag-gpu
if [[ $flavour == gpu ]]; then
  package=musetag-gpu
  other=musetag
fi
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)
description="Listens to your music and tags its genre and mood"
out=$root/target/installer/$flavour
started=$SECONDS
mark() { echo "[$((SECONDS - started)) s] $*"; }

# 1. The fat jar, without the native libraries other platforms need.
if [[ -z $jar ]]; then
  build=$root/target
  profile=-Dmusetag.flavour=cpu   # a no-op property, so the command line is the same for both flavours
  if [[ $flavour == gpu ]]; then
    build=$root/target/gpu
    profile=-Pgpu
  fi
  jar=$build/musetag.jar
  if [[ ! -f $jar ]]; then
    echo "building $jar"
    (cd "$root" && mvn -B -q package -DskipTests "$profile" -Dmusetag.build.dir="$build")
  fi
fi
mark "jar ready"
rm -rf "$out"
mkdir -p "$out/input"
java "$here/StripNatives.java" "$jar" "$out/input/musetag.jar" "$platform"
mark "natives stripped"

# 2. A Java runtime with only the modules the jar uses (jdeps), plus those it reaches by reflection or service
#    lookup: tag text in legacy charsets (jdk.charsets) and zip file systems (jdk.zipfs).
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$out/input/musetag.jar")
modules=$modules,jdk.charsets,jdk.zipfs
echo "runtime modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
mark "runtime linked"

# 3. The app image: launcher, jar, runtime, icon; on Linux also the desktop files the package installs.
#    "Open with Musetag" on Windows and macOS: jpackage's file associations (the .deb uses its .desktop file).
associations=()
for pair in mp3:audio/mpeg flac:audio/flac ogg:audio/ogg opus:audio/opus m4a:audio/mp4 wav:audio/wav aiff:audio/aiff; do
  printf 'extension=%s\nmime-type=%s\ndescription=%s audio\n' "${pair%%:*}" "${pair#*:}" "${pair%%:*}" \
    > "$out/open-${pair%%:*}.properties"
  associations+=(--file-associations "$out/open-${pair%%:*}.properties")
done
icon=$root/assets/musetag-256.png
extra=()
case $platform in
  win-*)
    icon=$out/musetag.ico
    java "$here/windows/PngToIco.java" "$icon" "$root"/assets/musetag-{32,64,256}.png
    extra=(--add-launcher "musetag-cli=$here/windows/console-launcher.properties")
    ;;
  osx-*)
    # macOS keeps the identifier and the document types in the app's Info.plist, so they go into the image
    icon=$out/musetag.icns
    iconset=$out/musetag.iconset
    mkdir -p "$iconset"
    cp "$root/assets/musetag-32.png" "$iconset/icon_32x32.png"
    cp "$root/assets/musetag-32.png" "$iconset/icon_16x16@2x.png"
    cp "$root/assets/musetag-64.png" "$iconset/icon_32x32@2x.png"
    cp "$root/assets/musetag-256.png" "$iconset/icon_256x256.png"
    cp "$root/assets/musetag-256.png" "$iconset/icon_128x128@2x.png"
    iconutil -c icns -o "$icon" "$iconset"
    extra=(--mac-package-identifier org.musetag "${associations[@]}")
    ;;
esac
jpackage --type app-image --name "$name" --app-version "$version" --vendor Musetag --description "$description" \
  --copyright "Musetag contributors, GPL-3.0-or-later" --icon "$icon" \
  --input "$out/input" --main-jar musetag.jar --main-class org.musetag.Launcher --runtime-image "$out/runtime" \
  --java-options -Dai.djl.offline=true --java-options -Xss4m ${extra[@]+"${extra[@]}"} --dest "$out/image"
image=$out/image/$name
[[ $platform == osx-* ]] && image=$out/image/$name.app
if [[ $platform == linux-* ]]; then
  desktop=$image/lib/desktop
  mkdir -p "$desktop"
  sed "s|@INSTALL_DIR@|/opt/$package|g" "$here/linux/musetag.desktop" > "$desktop/musetag.desktop"
  cp "$root"/assets/musetag-{32,64,256}.png "$root/assets/icons/musetag.svg" "$desktop/"
fi

mark "app image built"

# 4. The installer, from that image.
common=(--name "$name" --app-version "$version" --vendor Musetag --description "$description"
  --copyright "Musetag contributors, GPL-3.0-or-later" --license-file "$root/LICENSE" --app-image "$image"
  --dest "$out")
case $type in
  deb)
    resources=$out/resources
    mkdir -p "$resources"
    for f in control postinst prerm; do
      sed "s|@INSTALL_DIR@|/opt/$package|g; s|@OTHER_FLAVOUR@|$other|g" "$here/linux/$f" > "$resources/$f"
    done
    chmod 755 "$resources/postinst" "$resources/prerm"
    jpackage --type deb "${common[@]}" --linux-package-name "$package" --linux-app-release 1 \
      --linux-app-category sound --linux-deb-maintainer musetag@users.noreply.github.com \
      --linux-package-deps "libgtk-3-0 | libgtk-3-0t64" --install-dir /opt --resource-dir "$resources"
    ;;
  msi)
    jpackage --type msi "${common[@]}" --win-menu --win-shortcut --win-dir-chooser --win-menu-group Musetag \
      --win-upgrade-uuid 5b0f3c9e-6f7e-4d55-9a63-2f7d7c1e0a17 "${associations[@]}"
    ;;
  dmg)
    jpackage --type dmg "${common[@]}"
    ;;
esac

size() { du -sk "$1" | awk '{printf "%.1f MB", $1 / 1024}'; }
echo "jar:     $(size "$jar") -> $(size "$out/input/musetag.jar") without other platforms' natives"
echo "runtime: $(size "$out/runtime")"
echo "image:   $(size "$image")  ($image)"
for p in "$out"/*.deb "$out"/*.msi "$out"/*.dmg; do
  [[ -f $p ]] && echo "package: $(size "$p")  ($p)"
done
echo "built in $((SECONDS - started)) s"
