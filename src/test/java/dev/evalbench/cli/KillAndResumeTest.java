package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `evalbench run` in a child process, killed with SIGKILL mid-run: every finished case survives, the
 * history reads the run as incomplete, and `resume` finishes it without running the finished cases again.
 * Started as users start it (`java -jar evalbench.jar run ...`, no JVM options), the command runs in a second JVM
 * that the first starts ({@code dev.evalbench.CommandJvm}): the signals and the kill go to the first, as a shell
 * or a CI runner sends them.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // each method has its own folder and child
class KillAndResumeTest {
    @TempDir
    Path tmp;

    @Test
    void killedRunKeepsFinishedCasesAndResumesWithoutRedoingThem() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path db = tmp.resolve("history.db");
        Process child = startRun(ws, db, true);

        List<CaseRecord> beforeKill;
        String runId;
        try (RunStore reader = waitForDb(db, child)) {
            runId = waitForCases(reader, 3, child);
            child.destroyForcibly().waitFor();
            // The command's JVM notices its launcher is gone and stops as a killed process would (after writing the
            // class archive this run makes, which the JDK does even on a halt): the run then reads as
            // incomplete, and no case is stored after that (the route stores one about every half second).
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (reader.run(runId).orElseThrow().status() != RunStatus.INCOMPLETE) {
                assertThat(Instant.now()).as("a killed run reads as incomplete once its command JVM is gone").isBefore(deadline);
                Thread.sleep(100);
            }
            beforeKill = reader.cases(runId);
            Thread.sleep(1_000);
            assertThat(reader.cases(runId)).as("the command's JVM stopped with its launcher").hasSameSizeAs(beforeKill);
            RunHeader header = reader.run(runId).orElseThrow();
            assertThat(beforeKill.size()).isBetween(3, header.plannedCases() - 1);
        }

        Cli.Result history = Cli.run("history", ws.toString(), "--db", db.toString());
        assertThat(history.out()).contains(runId).contains("incomplete");

        Cli.Result resumed = Cli.run(Map.of(), "resume", runId, "--workspace", ws.toString(), "--db", db.toString(),
                "--concurrency", "8", "--quiet", "--json");
        assertThat(resumed.exit()).as(resumed.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(dev.evalbench.core.json.Json.MAPPER.readTree(resumed.out()).get("status").asText()).isEqualTo("complete");

        try (RunStore reader = SqliteRunStore.open(db)) {
            List<CaseRecord> after = reader.cases(runId);
            assertThat(after).hasSize(reader.run(runId).orElseThrow().plannedCases());
            Map<String, String> traceByKey = after.stream().collect(Collectors.toMap(c -> c.key().toString(), CaseRecord::traceId));
            for (CaseRecord kept : beforeKill) {
                assertThat(traceByKey.get(kept.key().toString())).as("not re-run: " + kept.key()).isEqualTo(kept.traceId());
            }
            assertThat(reader.run(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
        }
    }

    /**
     * Ctrl-C (SIGINT) and SIGTERM (CI cancellation): exit 3, one line saying how to resume, and resume finishes.
     * "INT to both" is Ctrl-C at a terminal, which reaches the launcher and the command's JVM at once (one request,
     * not the second Ctrl-C that stops at once); "TERM" goes to the process the user started, as a CI runner sends
     * it; "one JVM" is a JVM started with options of its own, which runs the command itself (the packaged image).
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT to both", "TERM", "TERM, one JVM"})
    void aSignalEndsTheRunIncompleteWithExit3AndTheResumeLine(String how) throws Exception {
        Path ws = Cli.copySample(tmp);
        Path db = tmp.resolve("history.db");
        boolean relaunched = !how.endsWith("one JVM");
        Process child = startRun(ws, db, relaunched);
        String runId;
        try (RunStore reader = waitForDb(db, child)) {
            runId = waitForCases(reader, 3, child);
            String signal = how.split("[ ,]")[0];
            List<String> kill = new java.util.ArrayList<>(List.of("kill", "-" + signal, Long.toString(child.pid())));
            if (relaunched) {
                ProcessHandle command = commandJvm(child);
                assertThat(command.info().arguments().map(List::of).orElseThrow())
                        .as("the command runs with the packaged image's options").contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
                if (how.endsWith("both")) kill.add(Long.toString(command.pid()));
            }
            assertThat(new ProcessBuilder(kill).inheritIO().start().waitFor()).isZero();
            assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the child ended").isTrue();
            RunHeader header = reader.run(runId).orElseThrow();
            assertThat(header.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(header.finishedAt()).as("marked by the process itself, not inferred from a dead pid").isNotNull();
            assertThat(reader.cases(runId).size()).isBetween(3, header.plannedCases() - 1);
        }
        String log = java.nio.file.Files.readString(tmp.resolve("child.log"));
        assertThat(child.exitValue()).as(log).isEqualTo(ExitCodes.INCOMPLETE);
        if (relaunched) {
            try (var archives = java.nio.file.Files.list(tmp.resolve("cache/evalbench/jvm"))) {
                assertThat(archives.map(p -> p.getFileName().toString()).filter(name -> !name.equals("run-seen")))
                        .as("the run made the class archive, quietly").singleElement().asString().endsWith(".jsa");
            }
            assertThat(log).doesNotContainIgnoringCase("cds").doesNotContainIgnoringCase("warning");
        }
        assertThat(log).contains("interrupted: run " + runId + " is incomplete")
                .contains("finish it with `evalbench resume " + runId + " --workspace " + ws + " --db " + db + "`");

        // The run went one case at a time on a route that answers in real time; the resume need not (11 s less).
        Cli.Result resumed = Cli.run("resume", runId, "--workspace", ws.toString(), "--db", db.toString(),
                "--concurrency", "8", "--quiet");
        assertThat(resumed.exit()).as(resumed.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(resumed.out()).contains("complete");
    }

    /**
     * @param asUsersStartIt {@code java -jar} with no JVM options, so the command runs in a second JVM; otherwise
     *     with the test jar's options, in the JVM started (as the packaged image runs)
     */
    private Process startRun(Path ws, Path db, boolean asUsersStartIt) throws java.io.IOException {
        // With SIGINT at its default, as a terminal's shell starts a command: a JVM that starts with it ignored
        // (Maven started as a background job of a script, where the shell ignores it) keeps ignoring it, as it should.
        List<String> command = new java.util.ArrayList<>(List.of("env", "--default-signal=INT", TestJar.java()));
        if (!asUsersStartIt) command.addAll(List.of(TestJar.jvmOptions().split(" ")));
        command.addAll(List.of("-jar", TestJar.path().toString(), "run", "--workspace", ws.toString(), "--db", db.toString(),
                "--route", "offline-live", "--suite", "safety", "--concurrency", "1", "--quiet"));
        ProcessBuilder builder = new ProcessBuilder(TestJar.yielding(command));
        List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS").forEach(builder.environment()::remove);
        builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString()); // the class archive's folder
        // A run has been here before (ClassArchive.RUN_SEEN), so this one makes the class archive as it stops.
        java.nio.file.Files.createDirectories(tmp.resolve("cache/evalbench/jvm"));
        if (!java.nio.file.Files.exists(tmp.resolve("cache/evalbench/jvm/run-seen"))) {
            java.nio.file.Files.createFile(tmp.resolve("cache/evalbench/jvm/run-seen"));
        }
        return builder.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    /** The JVM the launcher started for the command. */
    private static ProcessHandle commandJvm(Process launcher) {
        return launcher.children().findFirst().orElseThrow(() -> new AssertionError("the launcher started no JVM"));
    }

    private static RunStore waitForDb(Path db, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!db.toFile().exists() || db.toFile().length() == 0) {
            assertThat(child.isAlive()).as("child ended early").isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }
        return SqliteRunStore.open(db);
    }

    private static String waitForCases(RunStore reader, int n, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            List<RunHeader> runs = reader.runs(1);
            if (!runs.isEmpty() && reader.finishedKeys(runs.get(0).id()).size() >= n) return runs.get(0).id();
            assertThat(child.isAlive()).as("child ended before %d cases were stored", n).isTrue();
            assertThat(Instant.now()).as("cases never appeared").isBefore(deadline);
            Thread.sleep(20);
        }
    }

}
