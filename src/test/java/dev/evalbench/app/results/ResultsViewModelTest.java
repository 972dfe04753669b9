package dev.evalbench.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results filter over a real run of the sample (offline scripted route, real SQLite), without a window. */
class ResultsViewModelTest {
    @TempDir Path temp;
    private SampleHistory sample;
    private RunHeader run;

    @BeforeEach
    void runTheSample() throws Exception {
        sample = SampleHistory.in(temp);
        run = sample.run();
    }

    @AfterEach
    void close() throws Exception {
        sample.close();
    }

    private ResultsViewModel loaded(SameThreadTaskRunner runner) {
        DatasetLookup dataset = new DatasetLookup(sample.ws);
        ResultsViewModel vm = new ResultsViewModel(runner, () -> sample.store, run.id(), dataset);
        vm.load();
        return vm;
    }

    @Test
    void everyCaseIsShownAtFirstWithItsDatasetTags() {
        ResultsViewModel vm = loaded(new SameThreadTaskRunner());
        assertThat(vm.visible()).hasSize(run.plannedCases()).hasSize(159);
        assertThat(vm.suites()).containsExactly("safety", "triage");
        CaseSummary t001 = vm.visible().stream().filter(s -> s.key().caseId().equals("t001")).findFirst().orElseThrow();
        assertThat(t001.tags()).containsExactly("bug", "app-crash");
        assertThat(vm.tags()).contains("bug", "app-crash");
    }

    /**
     * Cases are listed as the workspace lists them (triage's tickets, then safety's probes, each in its dataset's
     * order), not as they finished: the sample runs four at a time, so the store's order changes from run to run.
     */
    @Test
    void casesAreListedInTheWorkspacesOrderNotTheOrderTheyFinished() throws Exception {
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (var suite : sample.ws.suites()) for (var c : suite.cases()) expected.add(suite.name() + "/" + c.id());
        java.util.List<String> stored = sample.store.summaries(run.id()).stream()
                .map(s -> s.key().suite() + "/" + s.key().caseId()).toList();
        assertThat(stored).as("stored as they finished").containsExactlyInAnyOrderElementsOf(expected);

        ResultsViewModel vm = loaded(new SameThreadTaskRunner());
        assertThat(vm.visible()).extracting(s -> s.key().suite() + "/" + s.key().caseId())
                .containsExactlyElementsOf(expected);
        assertThat(expected.get(0)).isEqualTo("triage/t001");
        vm.verdictProperty().set(CaseFilter.FAIL);
        java.util.List<String> failing = vm.visible().stream()
                .map(s -> s.key().suite() + "/" + s.key().caseId()).toList();
        assertThat(failing).isEqualTo(expected.stream().filter(failing::contains).toList());
    }

    @Test
    void theFirstPageIsShownBeforeTheRestIsReadAndTheRestOnlyAfterIt() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        DatasetLookup dataset = new DatasetLookup(sample.ws);
        ResultsViewModel vm = new ResultsViewModel(runner, () -> sample.store, run.id(), dataset, 50);
        vm.load();
        assertThat(vm.visible()).isEmpty();
        runner.runQueued(); // the first page only: the rest is not asked for while it is read
        assertThat(vm.visible()).hasSize(50);
        assertThat(vm.firstRowsProperty().get()).isTrue();
        assertThat(vm.loadedProperty().get()).isFalse();

        runner.runQueued(); // every summary, which then queues the filter
        runner.runQueued();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.visible()).hasSize(159);
        assertThat(vm.suites()).containsExactly("safety", "triage");
    }

    @Test
    void theRestIsReadOnlyWhenTheWindowSaysTheFirstRowsAreShown() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        DatasetLookup dataset = new DatasetLookup(sample.ws);
        ResultsViewModel vm = new ResultsViewModel(runner, () -> sample.store, run.id(), dataset, 50);
        java.util.List<Runnable> afterLayout = new java.util.ArrayList<>();
        vm.readRestWith(afterLayout::add);
        vm.load();
        runner.runQueued();
        assertThat(vm.visible()).hasSize(50);
        runner.runQueued(); // nothing was queued: the read of the rest waits for the layout of the first rows
        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(afterLayout).hasSize(1);

        afterLayout.get(0).run(); // the pulse that shows the first rows is over
        runner.runQueued();
        runner.runQueued();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.visible()).hasSize(159);
    }

    @Test
    void theSchemaInvalidKindShowsExactlyTheTwoInvalidOutputs() {
        ResultsViewModel vm = loaded(new SameThreadTaskRunner());
        vm.failureKindProperty().set(CaseFilter.SCHEMA_INVALID);
        assertThat(vm.visible()).hasSize(SampleHistory.SCHEMA_INVALID).allMatch(s -> !s.schemaValid());
    }

    @Test
    void verdictSuiteTagAndTextCombine() {
        ResultsViewModel vm = loaded(new SameThreadTaskRunner());
        vm.verdictProperty().set(CaseFilter.FAIL);
        assertThat(vm.visible()).isNotEmpty().allMatch(s -> !s.passed() && !s.errored());
        int failing = vm.visible().size();
        vm.suiteProperty().set("triage");
        assertThat(vm.visible().size()).isLessThan(failing).isPositive();
        assertThat(vm.visible()).allMatch(s -> s.key().suite().equals("triage"));
        vm.clearFilter();
        vm.tagProperty().set("app-crash");
        assertThat(vm.visible()).isNotEmpty().allMatch(s -> s.tags().contains("app-crash"));
        vm.clearFilter();
        vm.textProperty().set("T00");
        assertThat(vm.visible()).extracting(s -> s.key().caseId())
                .containsExactlyInAnyOrder("t001", "t002", "t003", "t004", "t005", "t006", "t007", "t008", "t009");
    }

    @Test
    void regexTextMatchesAndABadRegexSaysSoAndKeepsTheRows() {
        ResultsViewModel vm = loaded(new SameThreadTaskRunner());
        vm.regexProperty().set(true);
        vm.textProperty().set("^p0[12]\\b");
        assertThat(vm.visible()).extracting(s -> s.key().caseId()).containsExactlyInAnyOrder("p01", "p02");
        vm.textProperty().set("p0[");
        assertThat(vm.filterProblemProperty().get()).startsWith("Not a regular expression");
        assertThat(vm.visible()).hasSize(2);
        vm.clearFilter();
        assertThat(vm.filterProblemProperty().get()).isEmpty();
        assertThat(vm.visible()).hasSize(159);
    }

    @Test
    void aFilterAnswerOvertakenByANewerOneIsDropped() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        ResultsViewModel vm = loaded(runner);
        runner.runQueued(); // the load, which queues the first filtering
        runner.runQueued();
        vm.textProperty().set("t00");
        vm.textProperty().set("t001");
        runner.runQueued(1, 0); // the newer answer first, the stale one late
        assertThat(vm.visible()).extracting(s -> s.key().caseId()).containsExactly("t001");
    }

    @Test
    void selectingACaseReadsItInFullFromTheHistory() {
        ResultsViewModel vm = loaded(new SameThreadTaskRunner());
        CaseSummary invalid = vm.visible().stream().filter(s -> !s.schemaValid()).findFirst().orElseThrow();
        vm.selectedProperty().set(invalid);
        assertThat(vm.detailProperty().get().key()).isEqualTo(invalid.key());
        assertThat(vm.detailProperty().get().rawOutput()).isNotBlank();
        assertThat(vm.detailProperty().get().schemaErrors()).isNotEmpty();
        vm.selectedProperty().set(null);
        assertThat(vm.detailProperty().get()).isNull();
    }

    @Test
    void nextAndPreviousFailingWrapRoundAndSkipPassingCases() {
        ResultsViewModel vm = loaded(new SameThreadTaskRunner());
        List<CaseSummary> rows = vm.visible();
        int first = ResultsViewModel.nextFailing(rows, -1, 1);
        assertThat(rows.get(first).passed()).isFalse();
        assertThat(rows.subList(0, first)).allMatch(CaseSummary::passed);
        int second = ResultsViewModel.nextFailing(rows, first, 1);
        assertThat(second).isGreaterThan(first);
        assertThat(ResultsViewModel.nextFailing(rows, second, -1)).isEqualTo(first);
        int last = ResultsViewModel.nextFailing(rows, -1, -1);
        assertThat(ResultsViewModel.nextFailing(rows, last, 1)).isEqualTo(first);
        assertThat(ResultsViewModel.nextFailing(rows.stream().filter(CaseSummary::passed).toList(), -1, 1)).isEqualTo(-1);
    }
}
