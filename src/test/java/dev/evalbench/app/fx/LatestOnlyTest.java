package dev.evalbench.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.parallel.Isolated("touches process-wide state: JavaFX toolkit, System.out/err, ProxySelector or system properties")
class LatestOnlyTest {
    @Test
    void anAnswerThatArrivesAfterANewerRequestIsDropped() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        LatestOnly latest = new LatestOnly(runner);
        List<String> shown = new ArrayList<>();
        latest.submit(() -> "filter: inv", shown::add, e -> shown.add("error"));
        latest.submit(() -> "filter: invoice", shown::add, e -> shown.add("error"));
        runner.runQueued(1, 0); // the newer answer first, then the stale one arrives late
        assertThat(shown).containsExactly("filter: invoice");
    }

    @Test
    void aStaleFailureIsDroppedTooAndACurrentOneIsReported() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        LatestOnly latest = new LatestOnly(runner);
        List<String> shown = new ArrayList<>();
        latest.submit(() -> { throw new IllegalStateException("old"); }, v -> shown.add("ok"), e -> shown.add(e.getMessage()));
        latest.submit(() -> { throw new IllegalStateException("new"); }, v -> shown.add("ok"), e -> shown.add(e.getMessage()));
        runner.runQueued();
        assertThat(shown).containsExactly("new");
    }

    @Test
    void cancellingMakesEveryTaskInFlightStale() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        LatestOnly latest = new LatestOnly(runner);
        List<String> shown = new ArrayList<>();
        latest.submit(() -> "late", shown::add, e -> {});
        latest.cancelPending();
        runner.runQueued();
        assertThat(shown).isEmpty();
    }
}
