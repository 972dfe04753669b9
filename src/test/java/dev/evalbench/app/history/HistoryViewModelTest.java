package dev.evalbench.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.app.gates.RunGating;
import dev.evalbench.core.record.RunHeader;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history over a real SQLite history of the sample, without a window. */
class HistoryViewModelTest {
    @TempDir Path temp;
    private SampleHistory sample;
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private HistoryViewModel vm;

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
        vm = new HistoryViewModel(runner, () -> sample.store, new RunGating(Map.of(), () -> sample.ws), ZoneOffset.UTC);
    }

    @AfterEach
    void close() throws Exception {
        sample.close();
    }

    @Test
    void runsAreListedNewestFirstWithGateSummaryPromptRevisionAndCases() throws Exception {
        RunHeader first = sample.run();
        RunHeader second = sample.run();
        vm.refresh();
        assertThat(vm.rows()).extracting(RunRow::id).containsExactly(second.id(), first.id());
        RunRow newest = vm.rows().get(0);
        assertThat(newest.status()).isEqualTo("complete");
        assertThat(newest.routes()).isEqualTo("offline");
        assertThat(newest.cases()).isEqualTo("159/159");
        assertThat(newest.gates()).matches("FAIL \\d");
        // every template of the workspace, the judge's rubric included: a changed rubric is a changed run too
        assertThat(newest.prompts()).isEqualTo("reply-rubric r" + sample.ws.prompts().get("reply-rubric").revision()
                + ", triage r" + sample.ws.prompts().get("triage").revision());
    }

    @Test
    void aCancelledRunIsListedIncompleteAndResumable() throws Exception {
        sample.runStoppedAtCall(10);
        vm.refresh();
        RunRow row = vm.rows().get(0);
        assertThat(row.status()).isEqualTo("incomplete");
        assertThat(row.resumable()).isTrue();
        assertThat(row.casesStored()).isLessThan(159);
        assertThat(row.outage()).as("stopped, not an outage").isFalse();
    }

    /** A run left incomplete because its route never answered is told apart from one someone stopped. */
    @Test
    void aRunTheModelAnsweredNothingOfIsListedAsSuch() throws Exception {
        var outage = sample.runOnRouteDown();
        vm.refresh();
        RunRow row = vm.rows().stream().filter(r -> r.id().equals(outage.id())).findFirst().orElseThrow();
        assertThat(row.resumable()).isTrue();
        assertThat(row.outage()).isTrue();
        assertThat(row.description(java.time.ZoneOffset.UTC)).startsWith("Run " + outage.id()
                + " · incomplete (no case got an answer from the model) · started ");
        // The compare dialog names runs with what the list says of them: not the outage's "FAIL 7".
        assertThat(vm.gatesOf(outage.id())).isEqualTo("no answer");
    }

    /** A run provider trouble left with cases for resume says why in its row, not as if someone had paused it. */
    @Test
    void aRunWithCasesAJudgesRouteLeftUngradedSaysSo() throws Exception {
        var left = sample.runWithJudgeDown();
        vm.refresh();
        RunRow row = vm.rows().stream().filter(r -> r.id().equals(left.id())).findFirst().orElseThrow();
        assertThat(row.resumable()).isTrue();
        assertThat(row.outage()).as("the model answered").isFalse();
        assertThat(row.left()).startsWith("125 cases not judged: judge reply-quality's route down gave no answer (");
        assertThat(row.description(java.time.ZoneOffset.UTC)).startsWith("Run " + left.id() + " · incomplete (125 cases"
                + " not judged: judge reply-quality's route down gave no answer (");
    }

    /**
     * A stopped run's stored cases and the event that left it so are read at the first listing after it ended, not at
     * every refresh (one every few seconds while a terminal's run goes): each read every case key of the run. Resumed
     * and stopped again, it ended anew, and its row says what it holds now.
     */
    @Test
    void aStoppedRunIsReadOncePerEndNotAtEveryRefresh() throws Exception {
        RunHeader stopped = sample.runStoppedAtCall(10);
        java.util.concurrent.atomic.AtomicInteger keyReads = new java.util.concurrent.atomic.AtomicInteger();
        // The real store, counting the reads of this run's case keys.
        dev.evalbench.core.store.RunStore counting = (dev.evalbench.core.store.RunStore) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {dev.evalbench.core.store.RunStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("finishedKeys") && stopped.id().equals(args[0])) keyReads.incrementAndGet();
                    try {
                        return method.invoke(sample.store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        HistoryViewModel listed = new HistoryViewModel(runner, () -> counting, new RunGating(Map.of(), () -> sample.ws),
                ZoneOffset.UTC);

        listed.refresh();
        int stored = listed.rows().get(0).casesStored();
        listed.refresh();
        listed.refresh();

        assertThat(keyReads.get()).isEqualTo(1);
        var stopAgain = new dev.evalbench.core.run.Cancellation();
        new dev.evalbench.core.service.RunService(java.time.Clock.systemUTC(), Map.of()).resume(stopped.id(), sample.workspace,
                sample.store, null, new dev.evalbench.core.run.RunListener() {
                    @Override
                    public void caseFinished(dev.evalbench.core.record.CaseRecord record, int done, int planned) {
                        if (done >= stored + 5) stopAgain.cancel();
                    }
                }, stopAgain);
        listed.refresh();
        assertThat(listed.rows().get(0).status()).isEqualTo("incomplete");
        assertThat(listed.rows().get(0).casesStored()).isGreaterThanOrEqualTo(stored + 5).isLessThan(159);
        assertThat(keyReads.get()).isEqualTo(2);
    }

    /** Its gates summary is of the run as it was then: resumed since (here or in a terminal), it is gated again. */
    @Test
    void aRunResumedSinceItWasGatedIsGatedAgain() throws Exception {
        RunHeader stopped = sample.runStoppedAtCall(10);
        vm.refresh();
        RunRow before = vm.rows().get(0);
        new dev.evalbench.core.service.RunService(java.time.Clock.systemUTC(), Map.of()).resume(stopped.id(), sample.workspace,
                sample.store, null, dev.evalbench.core.run.RunListener.NONE, new dev.evalbench.core.run.Cancellation());
        vm.refresh();
        RunRow after = vm.rows().get(0);
        HistoryViewModel fresh = new HistoryViewModel(runner, () -> sample.store, new RunGating(Map.of(), () -> sample.ws),
                ZoneOffset.UTC);
        fresh.refresh();
        assertThat(after.status()).isEqualTo("complete");
        assertThat(after.gatesInWords()).isEqualTo(fresh.rows().get(0).gatesInWords()).isNotEqualTo(before.gatesInWords());
        assertThat(after.gates()).isEqualTo(fresh.rows().get(0).gates());
    }

    @Test
    void searchNarrowsTheListAndTaggingMainShowsTheTagAndRegatesAgainstIt() throws Exception {
        RunHeader first = sample.run();
        RunHeader second = sample.run();
        vm.refresh();
        vm.searchProperty().set(second.id());
        assertThat(vm.shown()).extracting(RunRow::id).containsExactly(second.id());
        vm.searchProperty().set("");
        assertThat(vm.shown()).hasSize(2);
        String before = vm.rows().get(0).gates();
        int[] told = {0};
        vm.setOnBaselineMoved(() -> told[0]++);
        vm.tag(vm.rows().get(1), RunGating.BASELINE_TAG);
        assertThat(told[0]).as("the open results are told once that the baseline moved").isEqualTo(1);
        assertThat(vm.rows().get(1).tags()).isEqualTo("main");
        assertThat(sample.store.resolve("main")).contains(first.id());
        // Against the baseline, the cost gate of the newer run can be measured: one gate fewer fails.
        assertThat(vm.rows().get(0).gates()).isNotEqualTo(before);
        vm.searchProperty().set("main");
        assertThat(vm.shown()).extracting(RunRow::id).containsExactly(first.id());
        // Tagging the run that is main already moves nothing: nothing is re-gated.
        vm.tag(vm.rows().get(1), RunGating.BASELINE_TAG);
        assertThat(told[0]).isEqualTo(1);
    }

    @Test
    void aTagMovedByAnotherProcessIsNoticedAtTheNextListing() throws Exception {
        RunHeader first = sample.run();
        sample.run();
        vm.refresh();
        String before = vm.rows().get(0).gates();
        int[] told = {0};
        vm.setOnBaselineMoved(() -> told[0]++);
        // `evalbench tag` in a terminal: its own connection to the same file.
        try (var terminal = dev.evalbench.core.store.sqlite.SqliteRunStore.open(dev.evalbench.core.store.HistoryLocation.prepare(sample.workspace))) {
            terminal.tag(first.id(), RunGating.BASELINE_TAG);
        }
        vm.refresh();
        assertThat(told[0]).isEqualTo(1);
        assertThat(vm.rows().get(1).tags()).isEqualTo("main");
        assertThat(vm.rows().get(0).gates()).as("re-gated against the new baseline").isNotEqualTo(before);
    }
}
