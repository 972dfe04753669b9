package dev.evalbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new run's id, on a real history: two runs started in the same second whose random suffixes meet (one pair in
 * 65,536; it happened in a test run, where the second run failed with "a run with id … already exists") are kept
 * apart by drawing another suffix, not by failing the run.
 */
class RunIdsTest {
    private static final Instant SECOND = Instant.parse("2026-12-08T02:18:03Z");
    private final Clock clock = Clock.fixed(SECOND, ZoneOffset.UTC);
    @TempDir Path tmp;

    @Test
    void anIdTakenByARunStartedInTheSameSecondIsDrawnAgain() throws Exception {
        try (SqliteRunStore store = SqliteRunStore.open(tmp.resolve("history.db"))) {
            List<String> drawn = new ArrayList<>();
            RunHeader made = RunIds.create(clock, id -> {
                drawn.add(id);
                return RunHeaders.running(id, SECOND);
            }, header -> {
                // Another job stored a run under the first id drawn, a moment before this one.
                if (drawn.size() == 1) store.createRun(RunHeaders.running(header.id(), SECOND));
                store.createRun(header);
            });

            assertThat(drawn).hasSize(2).allMatch(id -> id.matches("20261208-021803-[0-9a-f]{4}"));
            assertThat(made.id()).isEqualTo(drawn.get(1)).isNotEqualTo(drawn.get(0));
            assertThat(store.run(drawn.get(0))).isPresent();
            assertThat(store.run(made.id())).isPresent();
        }
    }

    @Test
    void anotherFailureIsNotRetriedAndIdsAllTakenGiveUp() throws Exception {
        List<String> drawn = new ArrayList<>();
        java.util.function.Function<String, String> noted = id -> {
            drawn.add(id);
            return id;
        };
        assertThatThrownBy(() -> RunIds.create(clock, noted, id -> {
            throw new StoreException("disk full");
        })).hasMessage("disk full");
        assertThat(drawn).as("a full disk is not an id to draw again").hasSize(1);

        drawn.clear();
        assertThatThrownBy(() -> RunIds.create(clock, noted, id -> {
            throw StoreException.idTaken("a run with id " + id + " already exists");
        })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isIdTaken()).isTrue());
        assertThat(drawn).hasSize(RunIds.ATTEMPTS);
    }
}
