package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunHeaders;
import dev.evalbench.core.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming a run the way a user types it: latest (or latest~N), full id, tag, or unique prefix. */
class RunResolveTest {
    private static final Instant T0 = Instant.parse("2026-03-07T10:00:00Z");

    @TempDir Path dir;
    private SqliteRunStore store;

    @BeforeEach
    void threeRuns() throws Exception {
        store = SqliteRunStore.open(dir.resolve("history.db"));
        // Created out of time order, so "latest" must come from start times, not insertion order.
        store.createRun(RunHeaders.running("20260307-1100-b7e1", T0.plusSeconds(3600)));
        store.createRun(RunHeaders.running("20260307-1000-a3f9", T0));
        store.createRun(RunHeaders.running("20260307-1000-a3c2", T0.plusSeconds(60)));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void latestIsTheRunThatStartedLast() throws Exception {
        assertThat(store.resolve("latest")).contains("20260307-1100-b7e1");
        assertThat(store.runs(10)).extracting(RunHeader::id)
                .containsExactly("20260307-1100-b7e1", "20260307-1000-a3c2", "20260307-1000-a3f9");
        assertThat(store.runs(1)).extracting(RunHeader::id).containsExactly("20260307-1100-b7e1");
    }

    @Test
    void latestTildeNCountsBackFromTheNewestInHistoryOrder() throws Exception {
        assertThat(store.resolve("latest~0")).contains("20260307-1100-b7e1");
        assertThat(store.resolve("latest~1")).contains("20260307-1000-a3c2");
        assertThat(store.resolve("latest~")).contains("20260307-1000-a3c2");
        assertThat(store.resolve("latest~2")).contains("20260307-1000-a3f9");
        assertThat(store.resolve("latest~3")).as("past the oldest run").isEmpty();
        assertThat(store.resolve("latest~-1")).isEmpty();
        assertThat(store.resolve("latest~x")).isEmpty();
    }

    @Test
    void aFullIdOrAUniquePrefixNamesItsRun() throws Exception {
        assertThat(store.resolve("20260307-1000-a3f9")).contains("20260307-1000-a3f9");
        assertThat(store.resolve("20260307-11")).contains("20260307-1100-b7e1");
        assertThat(store.resolve("20260307-1000-a3c")).contains("20260307-1000-a3c2");
        assertThat(store.resolve("20260307-1000-A3C")).isEmpty();
        assertThat(store.resolve("2026_")).isEmpty();
        assertThat(store.resolve("nothing")).isEmpty();
        assertThat(store.resolve("")).isEmpty();
    }

    @Test
    void anAmbiguousPrefixIsAnErrorNamingTheCandidates() {
        assertThatThrownBy(() -> store.resolve("20260307-1000-a3"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("ambiguous")
                .hasMessageContaining("20260307-1000-a3c2")
                .hasMessageContaining("20260307-1000-a3f9");
    }

    @Test
    void aTagNamesItsRunAndMovesWhenPointedElsewhere() throws Exception {
        store.tag("20260307-1000-a3f9", "main");
        assertThat(store.resolve("main")).contains("20260307-1000-a3f9");

        store.tag("20260307-1100-b7e1", "main");

        assertThat(store.resolve("main")).contains("20260307-1100-b7e1");
        assertThat(store.tags()).isEqualTo(Map.of("main", "20260307-1100-b7e1"));
        assertThat(store.run("20260307-1000-a3f9").orElseThrow().tags()).isEmpty();
        assertThat(store.run("20260307-1100-b7e1").orElseThrow().tags()).containsExactly("main");
    }

    @Test
    void aTagWinsOverAPrefixItLooksLike() throws Exception {
        store.tag("20260307-1000-a3c2", "20260307-11");

        assertThat(store.resolve("20260307-11")).contains("20260307-1000-a3c2");
    }

    @Test
    void latestAndBlankWordsCannotBeTags() {
        assertThatThrownBy(() -> store.tag("20260307-1000-a3f9", "latest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newest run");
        assertThatThrownBy(() -> store.tag("20260307-1000-a3f9", "release candidate"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
