#!/usr/bin/env bash
# Builds the Linux app image of Evalbench: target/dist/evalbench, with its own trimmed Java runtime (jlink), so
# the target machine needs no JDK. Its launcher opens the workbench without arguments and runs the command line
# with them:
#   bash packaging/build-image.sh                  # builds the jar (mvn package -DskipTests), then the image
#   target/dist/evalbench/bin/evalbench            # the workbench (needs a display)
#   target/dist/evalbench/bin/evalbench validate workspaces/support-triage
# Options: --skip-build (use the existing target/evalbench.jar), --dest DIR (default target/dist).
# Needs only JDK 17+ (jlink, jpackage) and Maven. packaging/README.md explains every setting, and the Windows
# and macOS equivalents.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
dest=target/dist
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) build=0; shift ;;
    --dest) dest="$2"; shift 2 ;;
    *) echo "build-image.sh: unknown option $1 (use --skip-build, --dest DIR)" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ]; then mvn -B -q package -DskipTests; fi
[ -f target/evalbench.jar ] || { echo "build-image.sh: target/evalbench.jar is missing (run without --skip-build)" >&2; exit 2; }
input="$dest/input"
rm -rf "$dest/evalbench" "$input"
mkdir -p "$input"
cp target/evalbench.jar "$input/"
# JVM options of the image (docs/performance.md has the measurements behind each):
#   SerialGC: one collector thread; on a 2-core CI machine G1's parallel and concurrent threads cost more
#     than they save, and the heap stays as small as the live set.
#   TieredStopAtLevel=1: C1 only; a run lasts seconds, and C2 compiling the hot paths cost ~40% of its CPU.
#   Xms128m: the default start (a 64th of RAM) made a young generation every command filled before its first
#     collection (234 MB for 10,000 calls); 128 MB peaks at 158 MB for a CPU cost of 1-4% (32 MB: 11%).
#   Xmx512m: the live set of a 50,000-call run fits in 256 MB, but at 100,000 calls 256 MB thrashed
#     (docs/performance.md), so the cap leaves room for the largest runs measured.
#   SharedArchiveFile: the AppCDS archive made below, so startup maps classes instead of parsing them.
JAVA_OPTIONS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -Xmx512m -Xshare:auto '-XX:SharedArchiveFile=$APPDIR/evalbench.jsa')
# The runtime's modules, named by hand because the jar is not modular (jdeps cannot see reflection):
#   java.desktop, java.xml, jdk.unsupported: what JavaFX 21 (on the class path, in the jar) requires;
#   java.sql (SQLite's JDBC driver), java.naming and java.management (JDBC and logging lookups),
#   java.logging, java.net.http; jdk.crypto.ec holds Ed25519 on Java 17 and jdeps does not see it;
#   jdk.localedata is left out: every text is formatted in Locale.ROOT.
MODULES=java.base,java.desktop,java.xml,java.sql,java.logging,java.naming,java.management,jdk.unsupported,jdk.crypto.ec,java.net.http
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)
args=(--type app-image --name evalbench --app-version "$version" --vendor Evalbench --dest "$dest" --input "$input"
  --main-jar evalbench.jar --main-class dev.evalbench.Launcher
  --add-modules "$MODULES"
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2")
for option in "${JAVA_OPTIONS[@]}"; do args+=(--java-options "$option"); done
jpackage "${args[@]}"
rm -rf "$input"
# Class data sharing: the trimmed runtime gets its own base archive, then a dynamic archive of the classes the
# command line loads is recorded with the image's own java and class path (a moved image falls back to
# loading classes normally: -Xshare:auto). It is recorded by a run of the sample, on its offline route, in a
# copy of it with its own history and cache folder: a run loads what validate loads and what running, storing and
# gating add (SQLite, the run engine, the gates), which validate alone left out of the archive.
image="$dest/evalbench"
"$image/lib/runtime/bin/java" -Xshare:dump >/dev/null
train=$(mktemp -d)
cp -R workspaces/support-triage "$train/ws"
XDG_CACHE_HOME="$train/cache" "$image/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$image/lib/app/evalbench.jsa" \
  -Devalbench.classArchive.making=true -cp "$(cd "$image/lib/app" && pwd)/evalbench.jar" dev.evalbench.Launcher \
  run "$train/ws" --route offline --quiet >/dev/null || true
rm -rf "$train"
du -sh "$image"
