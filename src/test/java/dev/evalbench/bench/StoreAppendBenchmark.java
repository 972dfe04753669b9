package dev.evalbench.bench;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Appends 10,000 realistic case records one by one (each its own committed transaction, as a run does) and
 * prints the median and p95 time per append and the size of the history file. Not a test: run it by hand with
 * {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.evalbench.bench.StoreAppendBenchmark} (optional argument: the number of records).
 */
public final class StoreAppendBenchmark {
    private StoreAppendBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("evalbench-bench");
        Path db = dir.resolve("history.db");
        long[] micros = new long[count];
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("bench-run", Instant.now()));
            for (int i = 0; i < count; i++) {
                CaseRecord record = recordFor(i);
                long t0 = System.nanoTime();
                store.appendCase(record);
                micros[i] = (System.nanoTime() - t0) / 1_000;
            }
            store.finishRun("bench-run", RunStatus.COMPLETE, Instant.now());
            System.out.printf("stored %d cases; read back %d%n", count, store.cases("bench-run").size());
        }
        Arrays.sort(micros);
        System.out.printf("append: median %d us, p95 %d us, max %d us%n",
                micros[count / 2], micros[(int) (count * 0.95)], micros[count - 1]);
        System.out.printf("history.db: %.1f MB (%d bytes per case)%n", Files.size(db) / 1e6, Files.size(db) / count);
        deleteTree(dir);
    }

    /** A mix like a real suite: mostly answered cases, a tenth failing the eval, one in fifty a provider failure. */
    private static CaseRecord recordFor(int i) {
        CaseRecords.Builder builder = CaseRecords.builder("bench-run", i % 5 == 0 ? "safety" : "triage",
                String.format("t%05d", i / 2)).route(i % 2 == 0 ? "offline" : "openai").latencyMs(200 + i % 700);
        if (i % 50 == 7) {
            builder.failure(FailureKind.TIMEOUT);
        } else {
            builder.passed(i % 10 != 3);
        }
        return builder.build();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
