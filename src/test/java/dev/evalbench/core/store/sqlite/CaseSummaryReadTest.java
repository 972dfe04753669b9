package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the results table reads: a compact summary per case in stored order, and one case in full on demand. */
class CaseSummaryReadTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00Z");

    @TempDir Path dir;

    @Test
    void summariesCarryTheTableColumnsInStoredOrderAndOneCaseReadsBackWhole() throws Exception {
        CaseRecord answered = CaseRecords.sample("run-1", "triage", "t001", true, 412);
        CaseRecord failedCheck = CaseRecords.sample("run-1", "triage", "t002", false, 95);
        CaseRecord timedOut = CaseRecords.builder("run-1", "safety", "p001").failure(FailureKind.TIMEOUT)
                .latencyMs(30_001).build();
        Path db = dir.resolve(".evalbench/history.db");
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            store.createRun(RunHeaders.running("run-1", START));
            for (CaseRecord r : List.of(answered, failedCheck, timedOut)) store.appendCase(r);
            store.finishRun("run-1", RunStatus.COMPLETE, START.plusSeconds(5));
        }
        try (SqliteRunStore store = SqliteRunStore.open(db)) {
            List<CaseSummary> rows = store.summaries("run-1");
            assertThat(rows).extracting(s -> s.key().caseId()).containsExactly("t001", "t002", "p001");
            assertThat(rows).extracting(CaseSummary::passed).containsExactly(true, false, false);
            assertThat(rows.get(0).latencyMs()).isEqualTo(412);
            assertThat(rows.get(0).traceId()).isEqualTo(answered.traceId());
            assertThat(rows.get(0).tokensIn()).isEqualTo(answered.tokensIn());
            assertThat(rows.get(0).finalAction()).isEqualTo(answered.decision().finalAction());
            assertThat(rows.get(1).failures()).isEqualTo(failedCheck.evaluation().failures());
            assertThat(rows.get(2).errored()).isTrue();
            assertThat(rows.get(2).failureKind()).isEqualTo("TIMEOUT");
            assertThat(rows.get(0).errored()).isFalse();
            // The store reads summaries with SQL; they must equal the one derivation from the full record.
            assertThat(rows).containsExactly(CaseSummary.of(answered, List.of()), CaseSummary.of(failedCheck, List.of()),
                    CaseSummary.of(timedOut, List.of()));

            assertThat(store.summaries("run-1", 1, 5)).isEqualTo(rows.subList(1, 3));
            assertThat(store.summaries("run-1", 0, 1)).isEqualTo(rows.subList(0, 1));
            assertThat(store.summaries("run-1", 3, 10)).isEmpty();

            CaseKey key = failedCheck.key();
            assertThat(store.caseRecord("run-1", key)).contains(failedCheck);
            assertThat(store.caseRecord("run-1", new CaseKey("triage", "nope", key.promptId(), key.route(), 0))).isEmpty();
        }
    }
}
