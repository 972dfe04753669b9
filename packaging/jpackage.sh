#!/usr/bin/env bash
# Builds a self-contained Evalbench app image (its own trimmed Java runtime) into target/dist/evalbench.
# Needs only the JDK: `bash packaging/jpackage.sh`, then `target/dist/evalbench/bin/evalbench --help`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
rm -rf target/dist
mkdir -p target/dist/input
cp target/evalbench.jar target/dist/input/
# JVM options of the image (docs/performance.md has the measurements behind each):
#   SerialGC: one collector thread; on a 2-core CI machine G1's parallel and concurrent threads cost more
#     than they save, and the heap stays as small as the live set.
#   TieredStopAtLevel=1: C1 only; a run lasts seconds, and C2 compiling the hot paths cost ~40% of its CPU.
#   Xmx512m: the live set of a 50,000-call run fits in 256 MB, but at 100,000 calls 256 MB thrashed
#     (docs/performance.md), so the cap leaves room for the largest runs measured.
#   SharedArchiveFile: the AppCDS archive made below, so startup maps classes instead of parsing them.
JAVA_OPTIONS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx512m -Xshare:auto '-XX:SharedArchiveFile=$APPDIR/evalbench.jsa')
# jdk.crypto.ec carries Ed25519 on Java 17 and jdeps does not see it, so it is named by hand.
args=(--type app-image --name evalbench --dest target/dist --input target/dist/input
  --main-jar evalbench.jar --main-class dev.evalbench.Launcher
  --add-modules java.base,java.desktop,java.sql,java.logging,java.naming,java.management,jdk.unsupported,jdk.crypto.ec,java.net.http
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2")
for option in "${JAVA_OPTIONS[@]}"; do args+=(--java-options "$option"); done
jpackage "${args[@]}"
rm -rf target/dist/input
# Class data sharing: the trimmed runtime gets its own base archive, then a dynamic archive of the classes the
# command line loads is recorded with the image's own java and class path (a moved image falls back to
# loading classes normally: -Xshare:auto).
image=target/dist/evalbench
"$image/lib/runtime/bin/java" -Xshare:dump >/dev/null
"$image/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$image/lib/app/evalbench.jsa" \
  -cp "$(cd "$image/lib/app" && pwd)/evalbench.jar" dev.evalbench.Launcher validate workspaces/support-triage >/dev/null || true
du -sh "$image"
