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
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // each method has its own folder and child
class KillAndResumeTest {
    @TempDir
    Path tmp;

    @Test
    void killedRunKeepsFinishedCasesAndResumesWithoutRedoingThem() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path db = tmp.resolve("history.db");
        Process child = startRun(ws, db);

        List<CaseRecord> beforeKill;
        String runId;
        try (RunStore reader = waitForDb(db, child)) {
            runId = waitForCases(reader, 3, child);
            child.destroyForcibly().waitFor();
            beforeKill = reader.cases(runId);
            RunHeader header = reader.run(runId).orElseThrow();
            assertThat(header.status()).as("a killed run reads as incomplete").isEqualTo(RunStatus.INCOMPLETE);
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

    /** Ctrl-C (SIGINT) and SIGTERM (CI cancellation): exit 3, one line saying how to resume, and resume finishes. */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalEndsTheRunIncompleteWithExit3AndTheResumeLine(String signal) throws Exception {
        Path ws = Cli.copySample(tmp);
        Path db = tmp.resolve("history.db");
        Process child = startRun(ws, db);
        String runId;
        try (RunStore reader = waitForDb(db, child)) {
            runId = waitForCases(reader, 3, child);
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the child ended").isTrue();
            RunHeader header = reader.run(runId).orElseThrow();
            assertThat(header.status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(header.finishedAt()).as("marked by the process itself, not inferred from a dead pid").isNotNull();
            assertThat(reader.cases(runId).size()).isBetween(3, header.plannedCases() - 1);
        }
        String log = java.nio.file.Files.readString(tmp.resolve("child.log"));
        assertThat(child.exitValue()).as(log).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(log).contains("interrupted: run " + runId + " is incomplete")
                .contains("finish it with `evalbench resume " + runId + " --workspace " + ws + " --db " + db + "`");

        Cli.Result resumed = Cli.run("resume", runId, "--workspace", ws.toString(), "--db", db.toString(), "--quiet");
        assertThat(resumed.exit()).as(resumed.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(resumed.out()).contains("complete");
    }

    private Process startRun(Path ws, Path db) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(List.of(TestJar.java()));
        command.addAll(List.of(TestJar.jvmOptions().split(" ")));
        command.addAll(List.of("-jar", TestJar.path().toString(), "run", "--workspace", ws.toString(), "--db", db.toString(),
                "--route", "offline-live", "--suite", "safety", "--concurrency", "1", "--quiet"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
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
