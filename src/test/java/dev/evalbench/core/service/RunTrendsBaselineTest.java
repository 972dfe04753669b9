package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.core.record.RunHeader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which run the charts draw a run's latency against, over a real history of the sample: never a run of another
 * kind (the newest eval run's chart read "against baseline ... (500 cases)": the shadow run imported before it).
 */
class RunTrendsBaselineTest {
    @TempDir Path temp;
    private SampleHistory sample;

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
    }

    @AfterEach
    void close() throws Exception {
        sample.close();
    }

    @Test
    void anEvalRunIsDrawnAgainstTheEvalRunBeforeItNotATrafficRunBetween() throws Exception {
        RunHeader first = sample.run();
        RunHeader control = sample.importTraffic("control.jsonl");
        RunHeader second = sample.run();

        assertThat(RunTrends.baselineOf(sample.store, second.id(), "main")).contains(first.id());
        assertThat(RunTrends.baselineOf(sample.store, first.id(), "main")).as("the oldest eval run").isEmpty();
        assertThat(RunTrends.baselineOf(sample.store, control.id(), "main")).as("the only traffic run").isEmpty();
    }

    @Test
    void aTrafficRunIsDrawnAgainstTheTrafficBeforeItNotTheEvalRunTaggedMain() throws Exception {
        RunHeader control = sample.importTraffic("control.jsonl");
        RunHeader eval = sample.run();
        sample.store.tag(eval.id(), "main");
        RunHeader canary = sample.importTraffic("canary-shifted.jsonl");

        assertThat(RunTrends.baselineOf(sample.store, canary.id(), "main")).contains(control.id());
        RunHeader later = sample.run();
        assertThat(RunTrends.baselineOf(sample.store, later.id(), "main")).as("main, an eval run").contains(eval.id());
    }
}
