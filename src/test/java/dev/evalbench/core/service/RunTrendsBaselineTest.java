package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.core.record.RunHeader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the charts read of a real history of the sample. Which run they draw a run's latency against: never a run of
 * another kind (the newest eval run's chart read "against baseline ... (500 cases)": the shadow run imported before
 * it). Which runs they draw: not one the model answered nothing of.
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

    /**
     * An outage's run drew every rate, the tokens and the cost at zero between two runs that measured them, and the
     * next run's "Previous" and since-previous line read it: "22 cases now pass".
     */
    @Test
    void aRunTheModelAnsweredNothingOfIsNoPointOfTheTrendsNorAnyRunsPrevious() throws Exception {
        RunHeader before = sample.run();
        RunHeader outage = sample.runOnRouteDown();
        RunHeader after;
        // Read again: the route added for the outage changed routes.yaml, which a run started from the old read refuses.
        try (SampleHistory again = SampleHistory.of(sample.workspace)) {
            after = again.run();
        }

        List<RunTrends.Point> points = RunTrends.read(sample.store, sample.workspace, new GateService(), 10);

        assertThat(points).extracting(RunTrends.Point::runId).containsExactly(before.id(), after.id())
                .doesNotContain(outage.id());
        assertThat(points).allSatisfy(p -> assertThat(p.tokens()).isPositive());
        // Nor is it the run the next one is read against: against it every case "now passed".
        assertThat(ReviewService.previous(sample.store, after.id(), 10)).contains(before.id());
        assertThat(ReviewService.previous(sample.store, outage.id(), 10)).as("its own previous run").contains(before.id());
        assertThat(RunTrends.baselineOf(sample.store, after.id(), "none")).contains(before.id());
        // Nor can it be tagged as one (`tag RUN main`, the window's Tag main).
        RequestException tagged = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> new HistoryService(sample.store).tag(outage.id(), "main"), RequestException.class);
        assertThat(tagged.getMessage()).contains("run " + outage.id() + " got no answer from the model (an outage)");
        assertThat(sample.store.tags()).doesNotContainKey("main");
    }

    /**
     * A run of one chosen case (Run case, Rerun failing) drew its one case as the suite's rate: category accuracy
     * 0.000 between two runs near 0.9. The trends are of runs of the suites; a run of cases by id is left out.
     */
    @Test
    void aRunOfCasesChosenByIdIsNoPointOfTheTrends() throws Exception {
        RunHeader whole = sample.run();
        RunHeader oneCase = new RunService(java.time.Clock.systemUTC(), java.util.Map.of()).run(sample.ws, sample.workspace,
                new dev.evalbench.core.record.RunConfig(List.of("offline"), List.of("triage"), 1, 4, "off", List.of(),
                        List.of("t001")), sample.store, dev.evalbench.core.run.RunListener.NONE,
                new dev.evalbench.core.run.Cancellation());
        RunHeader safety = sample.runSuites("safety");

        List<RunTrends.Point> points = RunTrends.read(sample.store, sample.workspace, new GateService(), 10);

        assertThat(points).extracting(RunTrends.Point::runId).containsExactly(whole.id(), safety.id())
                .doesNotContain(oneCase.id());
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
