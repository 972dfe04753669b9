package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.RunHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the run picker and a comparison's title say of a run of the history. */
class RunChoiceTest {
    private static final Instant AT = Instant.parse("2026-12-02T13:16:38Z");

    private static String label(RunHeader h) {
        return RunChoice.ofHistory(h, ZoneOffset.UTC, () -> null).label();
    }

    @Test
    void aCompleteEvalRunReadsByIdTagsAndTheSecondItStarted() {
        RunHeader h = RunHeaders.with(RunHeaders.running("r1", AT), RunStatus.COMPLETE, AT.plusSeconds(3), List.of("main"));
        assertThat(label(h)).isEqualTo("run r1 [main] · 2026-12-02 13:16:38");
    }

    /** Beside complete runs of the same minute, an outage's or a cancelled run reads apart, as in the history. */
    @Test
    void anIncompleteOrTrafficRunSaysSo() {
        RunHeader incomplete = RunHeaders.with(RunHeaders.running("r2", AT), RunStatus.INCOMPLETE, AT.plusSeconds(3), List.of());
        assertThat(label(incomplete)).isEqualTo("run r2 · 2026-12-02 13:16:38 · incomplete");
        RunHeader traffic = RunHeaders.with(RunHeaders.running("r3", AT), RunStatus.COMPLETE, AT, List.of("production"))
                .withKind(RunKind.TRAFFIC);
        assertThat(label(traffic)).isEqualTo("run r3 [production] · 2026-12-02 13:16:38 · traffic");
        // A run of chosen cases (Run case, Rerun failing) is marked as the runs list marks it.
        RunHeader oneCase = RunHeaders.with(RunHeaders.running("r4", AT), RunStatus.COMPLETE, AT, List.of())
                .withConfig(new dev.evalbench.core.record.RunConfig(List.of("offline"), List.of("triage"), 1, 4, "off",
                        List.of(), List.of("t001")));
        assertThat(label(oneCase)).isEqualTo("run r4 · 2026-12-02 13:16:38 · slice");
    }
}
