package dev.evalbench.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run's events read to its readers: the gate table, the CI summary, report.md and report.html. */
class EventWordsTest {
    private static final RunEvent FIRST_END = new RunEvent(Instant.EPOCH.plusSeconds(1), RunEvent.UNSENT, "openai",
            "159 cases not sent: the breaker of route openai was open");
    private static final RunEvent RESUMED_END = new RunEvent(Instant.EPOCH.plusSeconds(61), RunEvent.UNSENT, "openai",
            "151 cases not sent: route openai not called: the server rejected its first 3 calls with HTTP 400 (\"bad\")");

    /**
     * A run resumed and left incomplete again listed "unsent 159 cases not sent" beside the "151 cases not sent" it
     * stands with now, as though both were so; the end a resume went past reads as past.
     */
    @Test
    void anEndAResumeWentPastReadsAsPast() {
        List<RunEvent> events = List.of(FIRST_END, RESUMED_END);

        assertThat(EventWords.detail(FIRST_END, RunStatus.INCOMPLETE, events))
                .isEqualTo("159 cases not sent: the breaker of route openai was open; resumed since");
        assertThat(EventWords.detail(RESUMED_END, RunStatus.INCOMPLETE, events)).isEqualTo(RESUMED_END.detail());
        assertThat(EventWords.detail(FIRST_END, RunStatus.COMPLETE, List.of(FIRST_END)))
                .isEqualTo("159 cases not sent: the breaker of route openai was open; resumed since, the run is complete");
    }

    @Test
    void anOutageResumedToItsEndLosesWhatItSaidOfTheRunThen() {
        RunEvent outage = new RunEvent(Instant.EPOCH, RunEvent.OUTAGE, null, "no case got an answer from the model (3"
                + " provider failures); the run is incomplete and resume retries those cases");

        assertThat(EventWords.detail(outage, RunStatus.COMPLETE, List.of(outage)))
                .isEqualTo("no case got an answer from the model (3 provider failures); resumed since, the run is complete");
        assertThat(EventWords.detail(outage, RunStatus.INCOMPLETE, List.of(outage))).isEqualTo(outage.detail());
    }
}
