package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large run's summaries are read with their repeated texts sent as codes (CodedTextColumns) past the first
 * rows; what a reader gets must be exactly what reading every column as stored gives, whatever the values:
 * NULLs, non-ASCII and astral characters, more repeating values than there are codes, values seen only once,
 * counts too large to pack.
 */
class CodedSummaryReadTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00Z");

    @TempDir Path dir;

    @Test
    void summariesOfALargeRunEqualTheRowsReadAsStored() throws Exception {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            // 128 suites repeat twice in the first 256 rows: more repeating values than the 126 codes of a column.
            String suite = i % 11 == 0 ? "tri😀ge-ü-" + (i % 3) : i < 700 ? "s" + (i % 128) : "late-" + i;
            CaseRecords.Builder b = CaseRecords.builder("run-1", suite, "c" + i).promptId(i % 5 == 0 ? "prompt-é" : "triage")
                    .route(i % 3 == 0 ? "primary" : "route-" + (i % 400)).sample(i == 1_200 ? 5_000 : i % 130).passed(i % 4 != 0).latencyMs(100 + i);
            if (i % 7 == 0) b.failure(i % 2 == 0 ? FailureKind.TIMEOUT : FailureKind.RATE_LIMITED);
            records.add(b.build());
        }
        Path db = dir.resolve(".evalbench/history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.importRun(RunHeaders.running("run-1", START), records);
            store.finishRun("run-1", RunStatus.COMPLETE, START.plusSeconds(5));
        }
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(db)) {
            List<CaseSummary> read = store.summaries("run-1");
            // A page is read column by column as stored: the reference.
            assertThat(read).hasSize(records.size()).isEqualTo(store.summaries("run-1", 0, records.size()));
            assertThat(read).isEqualTo(records.stream().map(r -> CaseSummary.of(r, List.of())).toList());
            assertThat(read.get(1_499).key().suite()).isEqualTo("late-1499");
            assertThat(read.get(990).key().suite()).isEqualTo("tri😀ge-ü-0");
            assertThat(read.get(700).failureKind()).isEqualTo("TIMEOUT");
            assertThat(read.get(1_200).key().sample()).isEqualTo(5_000);
            assertThat(read.get(1_299).key().sample()).isEqualTo(129);
        }
    }
}
