package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.RunConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What running some cases of a stored run again asks the engine for. */
class RunAgainTest {
    private static final RunConfig ASKED = new RunConfig(List.of("openai", "offline", "local"), List.of(), 3, 8, "read-write");

    @Test
    void runsTheCasesSuitesAndRoutesAskedForWithTheRunsRepeatAndTheLaunchersConcurrencyAndCache() {
        RunConfig again = RunAgain.of(ASKED, List.of(
                new CaseKey("triage", "t014", "triage", "offline", 2),
                new CaseKey("triage", "t003", "triage", "openai", 0),
                new CaseKey("safety", "p07", "triage", "offline", 0),
                new CaseKey("triage", "t014", "triage", "offline", 0)), 16, "off");
        assertThat(again.routes()).as("in the order the run named them, without the route nothing failed on")
                .containsExactly("openai", "offline");
        assertThat(again.suites()).containsExactly("triage", "safety");
        assertThat(again.caseIds()).containsExactly("t014", "t003", "p07");
        assertThat(again.repeat()).isEqualTo(3);
        assertThat(again.concurrency()).isEqualTo(16);
        assertThat(again.cacheMode()).isEqualTo("off");
        assertThat(again.tags()).isEmpty();
        assertThat(again.coversAll()).isFalse();
    }

    @Test
    void aRouteTheRunsConfigDoesNotNameStillRuns() {
        RunConfig again = RunAgain.of(new RunConfig(List.of(), List.of(), 1, 4, "read"),
                List.of(new CaseKey("triage", "t001", "triage", "offline", 0)), 4, "read");
        assertThat(again.routes()).containsExactly("offline");
    }

    @Test
    void nothingToRunAgainIsRefused() {
        assertThatThrownBy(() -> RunAgain.of(ASKED, List.of(), 4, "read")).isInstanceOf(IllegalArgumentException.class);
    }
}
