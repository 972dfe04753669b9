package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records read ahead on a second thread reach the caller as the store holds them, in order, each prepared
 * once; a failure on either side stops the reading and leaves the store usable. A real SQLite history with an
 * offline run of the sample, read in batches of two so the run spans many batches.
 */
class CaseReadAheadTest {
    @TempDir static Path temp;
    static RunStore store;
    static String runId;
    static List<CaseRecord> stored;

    @BeforeAll
    static void storeARun() throws Exception {
        Path ws = temp.resolve("support-triage");
        Path from = Path.of("workspaces/support-triage");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = from.relativize(p).toString();
                if (rel.startsWith(".evalbench")) continue;
                if (Files.isDirectory(p)) Files.createDirectories(ws.resolve(rel));
                else Files.copy(p, ws.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        store = SqliteRunStore.open(HistoryLocation.prepare(ws));
        RunHeader run = new RunService(Clock.systemUTC(), Map.of()).run(Components.loadChecked(ws, Map.of()), ws,
                new RunConfig(List.of("offline"), List.of(), 1, 4, "off"), store, RunListener.NONE, new Cancellation());
        runId = run.id();
        stored = store.cases(runId);
        assertThat(stored).hasSizeGreaterThan(10);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    /** Marks a record as prepared by appending to its request id, so a record prepared twice shows it. */
    private static final UnaryOperator<CaseRecord> MARK = r -> new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(),
            r.rawOutput(), r.failureKind(), r.failureMessage(), r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(),
            r.evaluation(), r.expected(), r.blocking(), r.routeUsed(), r.provider(), r.modelUsed(), r.requestId() + "|prepared",
            r.latencyMs(), r.tokensIn(), r.tokensOut(), r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(),
            r.startedAt(), r.finishedAt(), r.reasoningTokens(), r.tokensEstimated(), r.tags(), r.judgements());

    @Test
    void everyRecordArrivesInStoredOrderPreparedExactlyOnce() throws Exception {
        List<CaseRecord> handed = new ArrayList<>();
        AtomicInteger prepared = new AtomicInteger();
        try (CaseReadAhead ahead = CaseReadAhead.start(store, runId, 2, 2)) {
            // Let the reader fill the queue before the caller says how to prepare, as a report's mask is built.
            while (ahead.waiting() < 2) Thread.onSpinWait();
            ahead.forEach(r -> {
                prepared.incrementAndGet();
                return MARK.apply(r);
            }, handed::add);
        }
        assertThat(prepared).hasValue(stored.size());
        assertThat(handed).isEqualTo(stored.stream().map(MARK).toList());
    }

    @Test
    void aFailureWhileHandlingStopsTheReaderAndTheStoreStillReads() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        CaseReadAhead ahead = CaseReadAhead.start(store, runId, 2, 2);
        try (ahead) {
            assertThatThrownBy(() -> ahead.forEach(UnaryOperator.identity(), r -> {
                if (handled.incrementAndGet() == 3) throw new IllegalStateException("disk full");
            })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        }
        assertThat(handled).hasValue(3);
        // Its own reader: other tests' read-aheads may run in this JVM at the same time.
        assertThat(ahead.readerAlive()).as("the reader thread ended").isFalse();
        assertThat(store.cases(runId)).isEqualTo(stored);
    }

    @Test
    void aFailureWhilePreparingReachesTheCaller() throws Exception {
        CaseRecord fifth = stored.get(4);
        try (CaseReadAhead ahead = CaseReadAhead.start(store, runId, 2, 2)) {
            assertThatThrownBy(() -> ahead.forEach(r -> {
                if (r.key().equals(fifth.key())) throw new IllegalArgumentException("cannot mask " + r.key());
                return r;
            }, r -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot mask");
        }
        assertThat(store.cases(runId)).isEqualTo(stored);
    }
}
