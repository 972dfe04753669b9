package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code importRun}: a whole run in one transaction, its kind kept; a failure part-way stores nothing of it. */
class ImportRunTest {
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    private static RunHeader traffic(String id) {
        RunHeader h = RunHeaders.running(id, START);
        return new RunHeader(h.id(), h.workspace(), h.workspacePath(), h.config(), RunStatus.COMPLETE, START, START, h.appVersion(),
                h.gitCommit(), h.inputs(), 2, h.pid(), List.of("production"), RunKind.TRAFFIC);
    }

    @Test
    void aRunIsStoredWholeWithItsKindAndTag() throws Exception {
        List<CaseRecord> cases = List.of(CaseRecords.sample("t-1", "traffic", "r1", true, 400), CaseRecords.sample("t-1", "traffic", "r2", false, 900));
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("history.db"))) {
            store.importRun(traffic("t-1"), cases);

            assertThat(store.run("t-1").orElseThrow().kind()).isEqualTo(RunKind.TRAFFIC);
            assertThat(store.resolve("production")).contains("t-1");
            assertThat(store.cases("t-1")).isEqualTo(cases);
        }
        try (SqliteRunStore reopened = SqliteRunStore.openReadOnly(dir.resolve("history.db"))) {
            assertThat(reopened.runs(5)).extracting(RunHeader::kind).containsExactly(RunKind.TRAFFIC);
        }
    }

    @Test
    void aFailureOnTheLastCaseLeavesNoTraceOfTheRun() throws Exception {
        CaseRecord first = CaseRecords.sample("t-2", "traffic", "r1", true, 400);
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("history.db"))) {
            assertThatThrownBy(() -> store.importRun(traffic("t-2"), List.of(first, CaseRecords.sample("t-2", "traffic", "r2", true, 1), first)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("twice");

            assertThat(store.run("t-2")).isEmpty();
            assertThat(store.tags()).doesNotContainKey("production");
            assertThat(store.runs(5)).isEmpty();
        }
    }

    @Test
    void anEvalRunStoredTheUsualWayReadsAsAnEval() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("history.db"))) {
            store.createRun(RunHeaders.running("e-1", START));
            assertThat(store.run("e-1").orElseThrow().kind()).isEqualTo(RunKind.EVAL);
        }
    }
}
