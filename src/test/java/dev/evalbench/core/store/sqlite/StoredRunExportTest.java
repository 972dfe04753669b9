package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.RunExport;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI gates against an exported run of main: the export of a stored run must read back as the same run. */
class StoredRunExportTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00.5Z");

    @TempDir Path dir;

    @Test
    void aRunReadFromTheStoreSurvivesExportAndImport() throws Exception {
        StoredRun stored;
        try (SqliteRunStore store = SqliteRunStore.open(dir.resolve("history.db"))) {
            store.createRun(RunHeaders.running("run-1", START));
            store.appendCase(CaseRecords.sample("run-1", "triage", "t001", true, 300));
            store.appendCase(CaseRecords.builder("run-1", "triage", "t002").failure(FailureKind.RATE_LIMITED).build());
            store.appendCase(CaseRecords.sample("run-1", "safety", "p001", false, 120));
            store.appendEvent("run-1", new RunEvent(START.plusSeconds(2), "breaker", "openai", "openai: closed -> open"));
            store.tag("run-1", "main");
            store.finishRun("run-1", RunStatus.COMPLETE, START.plusSeconds(9));
            stored = new StoredRun(store.run("run-1").orElseThrow(), store.cases("run-1"), store.events("run-1"));
        }
        Path file = dir.resolve("exports/main-run.json");

        RunExport.write(stored, file);
        StoredRun back = RunExport.read(file);

        assertThat(back).isEqualTo(stored);
        assertThat(back.cases().get(1).parsed()).isNull();
    }
}
