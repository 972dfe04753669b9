#!/usr/bin/env bash
# Runs one benchmark program in a fresh JVM (256 MB heap) on the test class path.
#   bash docs/bench.sh EngineOverheadBenchmark
#   bash docs/bench.sh RouterLoopbackBenchmark
#   bash docs/bench.sh org.openjdk.jmh.Main CasePipelineJmh      (JMH; extra words are its arguments)
#   bash docs/bench.sh workbench [RUNS CASES REPEATS]   the window (headless) over a history of RUNS runs with a
#                                                       CASES-case run open; default 200 10000 7; JVM defaults
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?a benchmark class, e.g. EngineOverheadBenchmark}; shift
if [ "$name" = workbench ]; then
    mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
    # The app's own heap settings (none), headless Monocle with software rendering, as the TestFX tests run.
    exec java ${JAVA_OPTS:-} -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
        -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.evalbench.bench.WorkbenchBench "$@"
fi
case "$name" in *.*) main=$name ;; *) main=dev.evalbench.bench.$name ;; esac
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -Xmx256m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
