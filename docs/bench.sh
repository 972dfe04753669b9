#!/usr/bin/env bash
# Runs one benchmark program in a fresh JVM (256 MB heap) on the test class path.
#   bash docs/bench.sh EngineOverheadBenchmark
#   bash docs/bench.sh RouterLoopbackBenchmark
#   bash docs/bench.sh org.openjdk.jmh.Main CasePipelineJmh      (JMH; extra words are its arguments)
#   bash docs/bench.sh workbench [RUNS CASES REPEATS]   the window (headless) over a history of RUNS runs with a
#                                                       CASES-case run open; default 200 10000 7; JVM defaults
#   bash docs/bench.sh compare [CASES REPEATS [J]]     the comparison view (headless) of two CASES-case runs:
#                                                       open, J, filter; default 10000 7; JVM defaults
# Whole-process benchmarks (the real jar as a user runs it; see docs/performance.md):
#   bash docs/bench.sh e2e N DELAY_MS CONCURRENCY   one run of N calls against a loopback server, one line
#   bash docs/bench.sh grid [REPEATS]               the table of issue 12, each row REPEATS times (default 3)
#   bash docs/bench.sh cds                          builds target/evalbench.jsa, an AppCDS archive for the jar
# Profiling: EVALBENCH_JAVA_OPTS adds JVM options to the measured run, EVALBENCH_WRAP a command before java
# (for example "perf record -F 499 -g -o /tmp/run.data --").
# Needs target/evalbench.jar (built here if missing) and GNU time (/usr/bin/time) for CPU and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."

# quiet_mvn ARGS...: Maven with its output shown only when it fails (Maven 3.8's console library writes two
# colour resets even with -Dstyle.color=never, which would begin the benchmark's one line).
quiet_mvn() {
    local out
    out=$(mvn -B -q -Dstyle.color=never "$@" 2>&1) || { printf '%s\n' "$out" >&2; return 1; }
}

test_classes() {
    quiet_mvn test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
}

jar() {
    [ -f target/evalbench.jar ] || quiet_mvn package -DskipTests
}

# measure CMD...: runs CMD under GNU time; sets wall (s), cpu (user + sys, s), rss_mb (peak resident) and rc
# (its exit code: 0 all gates passed, 1 a gate failed; see README).
measure() {
    rc=0
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    read -r wall user sys rss < <(tail -1 "$tmp/time")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    rss_mb=$(( rss / 1024 ))
}

start_server() {
    java -Xmx64m -cp target/test-classes dev.evalbench.bench.LoopbackChatServer "$1" >"$tmp/server.out" &
    server_pid=$!
    for _ in $(seq 200); do grep -q '^port ' "$tmp/server.out" 2>/dev/null && break; sleep 0.05; done
    port=$(awk '/^port /{print $2}' "$tmp/server.out")
    export BENCH_BASE_URL="http://127.0.0.1:$port/v1" BENCH_API_KEY=bench-not-a-secret
}

stop_server() {
    [ -n "${server_pid:-}" ] || return 0
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}

# e2e N DELAY C: one whole run; leaves the workspace (and its history) in $tmp/ws.
e2e() {
    local calls=$1 delay=$2 conc=$3 ideal ratio bytes db
    rm -rf "$tmp/ws"
    java -cp target/test-classes dev.evalbench.bench.E2eWorkspace "$tmp/ws" "$calls"
    start_server "$delay"
    local t0 t1 first last
    t0=$(date +%s%3N)
    measure ${EVALBENCH_WRAP:-} java ${EVALBENCH_JAVA_OPTS:-} -jar target/evalbench.jar run "$tmp/ws" --route bench --concurrency "$conc" --cache off --quiet
    t1=$(date +%s%3N)
    stop_server
    # The server's timeline (LoopbackChatServer): the wall time splits into the client's start (to the first
    # request), the calls (to the last answer) and its finish (to the process's exit).
    read -r first last < <(awk '/^calls /{print $4, $6}' "$tmp/server.out") || true
    ideal=$(awk -v n="$calls" -v d="$delay" -v c="$conc" 'BEGIN { printf "%.3f", n * d / 1000 / c }')
    ratio=$(awk -v w="$wall" -v i="$ideal" 'BEGIN { if (i > 0) printf "%.2f", w / i; else print "n/a" }')
    db="$tmp/ws/.evalbench/history.db"
    bytes=$(stat -c %s "$db")
    [ -f "$db-wal" ] && bytes=$(( bytes + $(stat -c %s "$db-wal") ))
    echo "e2e calls=$calls delay_ms=$delay concurrency=$conc wall_s=$wall cpu_s=$cpu peak_rss_mb=$rss_mb" \
         "ideal_s=$ideal ratio=$ratio history_bytes_per_case=$(( bytes / calls )) exit=$rc" \
         "$(awk -v t0="$t0" -v t1="$t1" -v f="${first:-0}" -v l="${last:-0}" 'BEGIN { if (f > 0)
             printf "start_s=%.3f calls_s=%.3f finish_s=%.3f", (f - t0) / 1000, (l - f) / 1000, (t1 - l) / 1000 }')" \
         "$(waves "$conc" "$delay")"
}

# waves C DELAY_MS: with a delay, how the client filled its C slots, from the server's arrivals (in order, ms after
# the first): first_wave_s, the time to send its first C calls (cold code, new connections); wave_gap_ms, the
# median time from a call to the one C calls later, which a client that resends the moment an answer comes keeps
# at DELAY_MS.
waves() {
    [ "$2" -gt 0 ] || return 0
    local first_wave gap
    first_wave=$(awk -v c="$1" '/^arrival_ms /{ if (++n == c) { printf "%.3f", $2 / 1000; exit } }' "$tmp/server.out")
    gap=$(awk -v c="$1" '/^arrival_ms /{ a[++n] = $2; if (n > c) print a[n] - a[n - c] }' "$tmp/server.out" \
          | sort -n | awk '{ g[NR] = $1 } END { if (NR) print g[int((NR + 1) / 2)] }')
    [ -n "$first_wave" ] && [ -n "$gap" ] && echo "first_wave_s=$first_wave wave_gap_ms=$gap"
    return 0
}

# stored LABEL CMD...: times a command over the stored runs in $tmp/ws.
stored() {
    local label=$1; shift
    measure "$@"
    echo "$label wall_s=$wall cpu_s=$cpu peak_rss_mb=$rss_mb exit=$rc"
}

# cds_archive: an AppCDS archive of the classes a real run loads (JDK 17: dynamic archive at exit), trained on
# a 200-call run; used with java -XX:SharedArchiveFile=target/evalbench.jsa -jar target/evalbench.jar ...
cds_archive() {
    rm -rf "$tmp/ws" target/evalbench.jsa
    java -cp target/test-classes dev.evalbench.bench.E2eWorkspace "$tmp/ws" 200
    start_server 0
    java -XX:ArchiveClassesAtExit=target/evalbench.jsa -jar target/evalbench.jar run "$tmp/ws" --route bench \
        --concurrency 64 --cache off --quiet >/dev/null 2>&1 || true
    stop_server
    java -XX:SharedArchiveFile=target/evalbench.jsa -jar target/evalbench.jar --help >/dev/null 2>&1
}

# A second run in the same history (not timed), tagged runs "base" and latest, for compare.
second_run() {
    java -jar target/evalbench.jar tag latest base --workspace "$tmp/ws" >/dev/null
    start_server 0
    java -jar target/evalbench.jar run "$tmp/ws" --route bench --concurrency 64 --cache off --quiet >/dev/null || true
    stop_server
}

name=${1:?a benchmark class, e.g. EngineOverheadBenchmark, or e2e / grid / workbench / compare}; shift
if [ "$name" = workbench ] || [ "$name" = compare ]; then
    main=dev.evalbench.bench.WorkbenchBench
    [ "$name" = compare ] && main=dev.evalbench.bench.CompareBench
    test_classes
    # The app's own heap settings (none), headless Monocle with software rendering, as the TestFX tests run.
    exec java ${JAVA_OPTS:-} -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
        -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
fi
case "$name" in
    e2e|grid|cds)
        jar; test_classes
        tmp=$(mktemp -d); server_pid=
        trap 'stop_server; rm -rf "$tmp"' EXIT
        if [ "$name" = cds ]; then
            cds_archive; ls -l target/evalbench.jsa; exit 0
        fi
        if [ "$name" = e2e ]; then
            e2e "${1:?N calls}" "${2:-0}" "${3:-64}"
            exit 0
        fi
        repeats=${1:-3}
        for _ in $(seq "$repeats"); do stored version java -jar target/evalbench.jar --version; done
        cds_archive
        for _ in $(seq "$repeats"); do
            stored version-cds java -XX:SharedArchiveFile=target/evalbench.jsa -jar target/evalbench.jar --version
        done
        for _ in $(seq "$repeats"); do
            EVALBENCH_JAVA_OPTS=-XX:SharedArchiveFile=target/evalbench.jsa e2e 1000 0 64 | sed 's/^e2e/e2e-cds/'
        done
        for row in "1000 0" "1000 200" "5000 0" "10000 0"; do
            for _ in $(seq "$repeats"); do e2e $row 64; done
        done
        for _ in $(seq "$repeats"); do stored gate-10000 java -jar target/evalbench.jar gate "$tmp/ws"; done
        second_run
        for _ in $(seq "$repeats"); do
            stored compare-10000 java -jar target/evalbench.jar compare base latest --workspace "$tmp/ws" --json
        done
        for calls in 50000 100000; do
            e2e "$calls" 0 64
            for _ in $(seq "$repeats"); do stored "gate-$calls" java -jar target/evalbench.jar gate "$tmp/ws"; done
            for _ in $(seq "$repeats"); do
                rm -rf "$tmp/report"
                stored "report-$calls" java -jar target/evalbench.jar report latest --workspace "$tmp/ws" --out "$tmp/report"
                echo "report-$calls report_json_bytes=$(stat -c %s "$tmp/report/report.json" 2>/dev/null || echo 0)"
            done
        done
        # The same runs with the JVM options the packaged image uses (docs/performance.md: why).
        tuned="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms128m -Xmx512m -XX:SharedArchiveFile=target/evalbench.jsa"
        for row in "1000 0" "1000 200" "5000 0" "10000 0" "50000 0" "100000 0"; do
            EVALBENCH_JAVA_OPTS="$tuned" e2e $row 64 | sed 's/^e2e/e2e-tuned/'
        done
        exit 0 ;;
    *.*) main=$name ;;
    *) main=dev.evalbench.bench.$name ;;
esac
test_classes
exec java -Xmx256m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
