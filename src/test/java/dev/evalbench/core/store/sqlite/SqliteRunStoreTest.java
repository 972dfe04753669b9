package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run written to a real history file, closed, and read back by a freshly opened store. */
class SqliteRunStoreTest {
    private static final Instant START = Instant.parse("2026-03-07T10:15:00.000123456Z");

    @TempDir Path dir;

    private Path db() {
        return dir.resolve("nested/folders/.evalbench/history.db");
    }

    @Test
    void everythingWrittenReadsBackEqualAfterReopening() throws Exception {
        RunHeader header = RunHeaders.running("run-1", START);
        List<CaseRecord> written = List.of(
                CaseRecords.sample("run-1", "triage", "t001", true, 412),
                CaseRecords.builder("run-1", "triage", "t002").failure(FailureKind.TIMEOUT).latencyMs(30_001).build(),
                CaseRecords.sample("run-1", "safety", "p001", false, 95),
                CaseRecords.builder("run-1", "triage", "t001").route("openai").sample(1).build());
        List<RunEvent> events = List.of(
                new RunEvent(START.plusSeconds(3), "breaker", "openai", "openai: closed -> open (error rate 0.60 over 10 calls)"),
                new RunEvent(START.plusSeconds(9), "breaker", "openai", "openai: open -> half_open"));
        byte[] prompt = "id: triage\nrevision: 3\n".getBytes(StandardCharsets.UTF_8);
        Instant end = START.plusSeconds(12).plusNanos(7);
        String promptHash;
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            promptHash = store.putSnapshot(prompt);
            store.createRun(header);
            for (CaseRecord record : written) {
                store.appendCase(record);
            }
            for (RunEvent event : events) {
                store.appendEvent("run-1", event);
            }
            store.tag("run-1", "main");
            store.finishRun("run-1", RunStatus.COMPLETE, end);
        }

        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            assertThat(store.run("run-1")).contains(RunHeaders.with(header, RunStatus.COMPLETE, end, List.of("main")));
            assertThat(store.cases("run-1")).containsExactlyElementsOf(written);
            assertThat(store.events("run-1")).containsExactlyElementsOf(events);
            assertThat(store.snapshot(promptHash)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(prompt));
            assertThat(store.tags()).containsExactly(java.util.Map.entry("main", "run-1"));
        }
    }

    @Test
    void readBackRecordKeepsJsonFieldsNestedRecordsAndNanoseconds() throws Exception {
        CaseRecord failed = CaseRecords.builder("run-1", "triage", "t002").failure(FailureKind.SERVER_ERROR).build();
        CaseRecord answered = CaseRecords.sample("run-1", "triage", "t003", true, 250);
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            store.createRun(RunHeaders.running("run-1", START));
            store.appendCase(failed);
            store.appendCase(answered);

            List<CaseRecord> back = store.cases("run-1");

            assertThat(back.get(0).parsed()).isNull();
            assertThat(back.get(0).fallbacks()).isEqualTo(failed.fallbacks());
            assertThat(back.get(1).parsed()).isEqualTo(answered.parsed());
            assertThat(back.get(1).expected()).isEqualTo(answered.expected());
            assertThat(back.get(1).decision()).isEqualTo(answered.decision());
            assertThat(back.get(1).evaluation().checks()).isEqualTo(answered.evaluation().checks());
            assertThat(back.get(1).versions()).isEqualTo(answered.versions());
            assertThat(back.get(1).startedAt()).isEqualTo(CaseRecords.BASE);
        }
    }

    @Test
    void aSecondRecordForTheSameCaseKeyIsRejectedAndTheFirstIsKept() throws Exception {
        CaseRecord first = CaseRecords.sample("run-1", "triage", "t001", true, 100);
        CaseRecord again = CaseRecords.sample("run-1", "triage", "t001", false, 900);
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            store.createRun(RunHeaders.running("run-1", START));
            store.appendCase(first);

            assertThatThrownBy(() -> store.appendCase(again))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("run-1 already has a record for case triage/t001/triage@offline#0");
            assertThat(store.cases("run-1")).containsExactly(first);
        }
    }

    @Test
    void aBatchWithOneBadRecordStoresTheOthersAndThrowsItsFailure() throws Exception {
        CaseRecord first = CaseRecords.sample("run-1", "triage", "t001", true, 100);
        CaseRecord second = CaseRecords.sample("run-1", "triage", "t002", true, 100);
        CaseRecord again = CaseRecords.sample("run-1", "triage", "t001", false, 900);
        CaseRecord third = CaseRecords.sample("run-1", "triage", "t003", false, 100);
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            store.createRun(RunHeaders.running("run-1", START));
            store.appendCase(first);

            assertThatThrownBy(() -> store.appendCases(List.of(second, again, third)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("run-1 already has a record for case triage/t001/triage@offline#0");
            assertThat(store.cases("run-1")).containsExactly(first, second, third);
        }
    }

    @Test
    void finishedKeysNameEveryStoredCaseOfThatRunOnly() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            store.createRun(RunHeaders.running("run-1", START));
            store.createRun(RunHeaders.running("run-2", START.plusSeconds(60)));
            store.appendCase(CaseRecords.sample("run-1", "triage", "t001", true, 10));
            store.appendCase(CaseRecords.builder("run-1", "triage", "t001").sample(1).build());
            store.appendCase(CaseRecords.builder("run-1", "safety", "p001").route("openai").build());
            store.appendCase(CaseRecords.sample("run-2", "triage", "t009", true, 10));

            assertThat(store.finishedKeys("run-1")).containsExactlyInAnyOrder(
                    new CaseKey("triage", "t001", "triage", "offline", 0),
                    new CaseKey("triage", "t001", "triage", "offline", 1),
                    new CaseKey("safety", "p001", "triage", "openai", 0));
            assertThat(store.finishedKeys("no-such-run")).isEmpty();
        }
    }

    @Test
    void writingToAnUnknownRunFailsWithItsId() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            assertThatThrownBy(() -> store.appendCase(CaseRecords.sample("ghost", "triage", "t001", true, 1)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no run ghost");
            assertThatThrownBy(() -> store.finishRun("ghost", RunStatus.COMPLETE, START))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no run ghost");
            assertThatThrownBy(() -> store.tag("ghost", "main"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no run ghost");
            assertThat(store.run("ghost")).isEmpty();
            assertThat(store.cases("ghost")).isEmpty();
        }
    }

    @Test
    void aRunIdCanBeCreatedOnlyOnce() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            store.createRun(RunHeaders.running("run-1", START));
            assertThatThrownBy(() -> store.createRun(RunHeaders.running("run-1", START.plusSeconds(1))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("run-1 already exists");
            assertThat(store.run("run-1").orElseThrow().startedAt()).isEqualTo(START);
        }
    }

    @Test
    void reopeningAnIncompleteRunMakesItRunningUnderTheNewProcess() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            store.createRun(RunHeaders.running("run-1", START));
            store.finishRun("run-1", RunStatus.INCOMPLETE, START.plusSeconds(5));

            store.reopenRun("run-1", ProcessHandle.current().pid());

            RunHeader back = store.run("run-1").orElseThrow();
            assertThat(back.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(back.finishedAt()).isNull();
        }
    }

    @Test
    void snapshotsAreContentAddressedAndStoredOnce() throws Exception {
        byte[] content = "{\"type\":\"object\"}".getBytes(StandardCharsets.UTF_8);
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            String first = store.putSnapshot(content);
            String second = store.putSnapshot(content.clone());
            String empty = store.putSnapshot(new byte[0]);

            assertThat(first).isEqualTo(second)
                    .isEqualTo(dev.evalbench.core.json.Digests.sha256(content));
            assertThat(Sql.count(db(), "SELECT COUNT(*) FROM snapshots")).isEqualTo(2);
            assertThat(store.snapshot(empty)).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
            assertThat(store.snapshot("0".repeat(64))).isEmpty();
        }
    }

    @Test
    void theFileIsInWalModeAndAFileThatIsNotAHistoryIsRefused() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            assertThat(Sql.text(db(), "PRAGMA journal_mode")).isEqualTo("wal");
        }
        Path notes = dir.resolve("notes.db");
        Files.writeString(notes, "these are my notes, not a database; ".repeat(200));

        assertThatThrownBy(() -> SqliteRunStore.open(notes))
                .isInstanceOf(StoreException.class).hasMessageContaining(notes.toString())
                .hasMessageContaining("not a run history: the file is not a SQLite database");
        assertThatThrownBy(() -> SqliteRunStore.openReadOnly(notes))
                .isInstanceOf(StoreException.class)
                .hasMessage(notes.toAbsolutePath() + ": cannot read the history: not a run history: the file is not a"
                        + " SQLite database (move it aside) [SQLITE_NOTADB]");
    }

    /** A history whose pages were overwritten (a disk's fault, a copy cut short) is said to be damaged, and what helps. */
    @Test
    void aDamagedHistorySaysSoAndWhatMayHelp() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(db())) {
            for (int i = 0; i < 40; i++) store.createRun(RunHeaders.running("run-" + i, START.plusSeconds(i)));
        }
        byte[] bytes = Files.readAllBytes(db());
        java.util.Arrays.fill(bytes, 4096, bytes.length, (byte) 0x5a); // every page after the first
        Files.write(db(), bytes);

        assertThatThrownBy(() -> {
            try (SqliteRunStore store = SqliteRunStore.openReadOnly(db())) {
                store.runs(10);
            }
        }).isInstanceOf(StoreException.class).hasMessageStartingWith(db().toAbsolutePath().toString())
                .hasMessageContaining("the history file is damaged: restore it from a backup, or let `sqlite3 FILE"
                        + " .recover` copy what is still readable into a new file [SQLITE_CORRUPT");
    }

    @Test
    void aClosedStoreSaysSo() throws Exception {
        SqliteRunStore store = SqliteRunStore.open(db());
        store.close();
        store.close();

        assertThatThrownBy(() -> store.createRun(RunHeaders.running("run-1", START)))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.runs(10))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }
}
