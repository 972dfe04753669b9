#!/usr/bin/env bash
# Builds a self-contained Evalbench app image (its own trimmed Java runtime) into target/dist/evalbench.
# Needs only the JDK: `bash packaging/jpackage.sh`, then `target/dist/evalbench/bin/evalbench --help`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
rm -rf target/dist
mkdir -p target/dist/input
cp target/evalbench.jar target/dist/input/
# jdk.crypto.ec carries Ed25519 on Java 17 and jdeps does not see it, so it is named by hand.
jpackage --type app-image --name evalbench --dest target/dist --input target/dist/input \
  --main-jar evalbench.jar --main-class dev.evalbench.Launcher \
  --add-modules java.base,java.desktop,java.sql,java.logging,java.naming,java.management,jdk.unsupported,jdk.crypto.ec,java.net.http \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
rm -rf target/dist/input
du -sh target/dist/evalbench
