package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.compare.MetricMovement;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.compare.ReviewStatus;
import dev.evalbench.core.service.ReviewService;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison of the sample's two runs (prompt revision 4, then 5), without a window, on real SQLite. */
@dev.evalbench.app.SharesFxToolkit
class CompareViewModelTest {
    /** Nothing masked: these tests read the sample's cases as stored. */
    private static final ComparisonMask NO_MASK = ComparisonMask.of(() ->
            new dev.evalbench.core.mask.OutboundMask(Map.of(), Map.of(), dev.evalbench.core.secret.KeyScrubber.none()));
    @TempDir Path temp;
    private ReviewRuns runs;
    private SampleHistory history;
    private CompareViewModel vm;
    private Path ws;

    @BeforeEach
    void twoRuns() throws Exception {
        ws = temp.resolve("support-triage");
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/support-triage"), ws);
        runs = ReviewRuns.make(ws);
        history = SampleHistory.of(ws);
        vm = new CompareViewModel(new SameThreadTaskRunner(), new ReviewService(Map.of()),
                new ReviewService.Side(history.store, runs.baseline.id()), new ReviewService.Side(history.store, runs.latest.id()),
                () -> ws, NO_MASK);
        vm.load();
    }

    @AfterEach
    void close() throws Exception {
        history.close();
    }

    /**
     * The history failing between the cases and the overview (the file gone, the disk failing): the overview says
     * why and marks itself failed, so the view drops its "Comparing…" lines instead of showing them for good.
     */
    @Test
    void anOverviewThatCannotBeReadSaysWhyAndIsMarkedFailed() throws Exception {
        dev.evalbench.app.fx.SameThreadTaskRunner runner = dev.evalbench.app.fx.SameThreadTaskRunner.deferred();
        CompareViewModel failing = new CompareViewModel(runner, new ReviewService(Map.of()),
                new ReviewService.Side(history.store, runs.baseline.id()), new ReviewService.Side(history.store, runs.latest.id()),
                () -> ws, NO_MASK);
        failing.load();
        runner.runQueued(); // both runs read, which queues their alignment
        runner.runQueued(); // the cases aligned and shown, which queues the overview
        assertThat(failing.headlineProperty().get()).as("the cases are shown").contains(" regressed · ");
        assertThat(failing.overviewFailedProperty().get()).isFalse();
        history.close();

        runner.runQueued();

        assertThat(failing.overviewFailedProperty().get()).isTrue();
        assertThat(failing.overviewStateProperty().get()).startsWith("Cannot compare metrics and gates: ");
        assertThat(failing.overviewProperty().get()).isNull();
    }

    /** A canary against its control: different requests, so the list is all "only in one run"; the view says why. */
    @Test
    void twoTrafficRunsSayTheirRequestsDoNotPairAndWhereTheCanaryIsJudged() throws Exception {
        String control = history.importTraffic("control.jsonl").id();
        String canary = history.importTraffic("canary-shifted.jsonl").id();
        CompareViewModel pair = loaded(control, canary, NO_MASK);

        // Only the counts that can be non-zero: "0 regressed · 0 improved · …" pushed them off a laptop's line.
        assertThat(pair.headlineProperty().get()).isEqualTo("500 only in the first run · 500 only in the second");
        assertThat(pair.remainingProperty().get()).as("no \"no regression to review\": nothing pairs to regress").isEmpty();
        assertThat(pair.scopeProperty().get()).isEqualTo("Two traffic runs hold different requests, so no case pairs with"
                + " another. The second is judged as a canary of the first, as `evalbench canary CONTROL CANARY` judges it"
                + " (promote, roll back or hold).");
        assertThat(vm.scopeProperty().get()).as("two eval runs").isEmpty();

        // The verdict the command line gives for the same two runs (the sample's shifted canary: roll back).
        var judged = new dev.evalbench.core.service.CanaryService(history.store)
                .judge(control, canary, dev.evalbench.core.canary.CanaryOptions.DEFAULTS, null, null).result();
        assertThat(judged.verdict()).isEqualTo(dev.evalbench.core.canary.CanaryVerdict.ROLL_BACK);
        assertThat(pair.canaryProperty().get()).isEqualTo(judged);
        assertThat(CanaryVerdictPane.headline(pair.canaryProperty().get()))
                .startsWith("Canary " + canary + " against control " + control + ": roll back. ");
        assertThat(vm.canaryProperty().get()).as("two eval runs").isNull();
    }

    /**
     * An imported request records no messages (Evalbench did not send it): the case's input is the variables its
     * capture holds, masked as its output is, where it read "(no user message recorded)".
     */
    @Test
    void aCapturedRequestsInputIsItsCapturedVariablesMasked() throws Exception {
        String control = history.importTraffic("control.jsonl").id();
        String canary = history.importTraffic("canary-shifted.jsonl").id();
        CompareViewModel pair = loaded(control, canary,
                ComparisonMask.of(dev.evalbench.core.service.OutboundMasks.later(java.util.List.of(history.ws), Map.of())));

        ReviewCase first = pair.visible().stream().filter(c -> c.either().key().caseId().equals("ctl-000001")).findFirst().orElseThrow();
        pair.selectedProperty().set(first);

        String input = pair.detailProperty().get().input();
        assertThat(input).startsWith(CapturedInputs.HEADING)
                .contains("ticket: cancelled my order but still got charged. order number is ORD-58830. pls sort it out")
                .contains("channel: app").contains("name: Jake Morrison")
                .doesNotContain("jake.morrison@example.org").doesNotContain("5555 5555 5555 4444");
        assertThat(pair.detailProperty().get().after()).as("only the control has this request").isNull();

        // A case Evalbench sent shows its prompt, as before: an eval run's, and a shadow run's replay of the request.
        vm.selectedProperty().set(vm.visible().get(0));
        assertSentPromptShown(vm.detailProperty().get());
        CompareViewModel shadow = loaded(control, history.shadow(history.store.run(control).orElseThrow()).id(), NO_MASK);
        shadow.selectedProperty().set(shadow.visible().get(0));
        assertThat(shadow.detailProperty().get().before()).as("the captured request").isNotNull();
        assertSentPromptShown(shadow.detailProperty().get());
    }

    /** The comparison of two runs of the history, loaded on this thread. */
    private CompareViewModel loaded(String first, String second, ComparisonMask mask) {
        CompareViewModel pair = new CompareViewModel(new SameThreadTaskRunner(), new ReviewService(Map.of()),
                new ReviewService.Side(history.store, first), new ReviewService.Side(history.store, second), () -> ws, mask);
        pair.load();
        return pair;
    }

    private static void assertSentPromptShown(CaseComparison sent) {
        assertThat(sent.input()).isEqualTo(sent.after().messages().get(sent.after().messages().size() - 1).content())
                .doesNotStartWith(CapturedInputs.HEADING);
    }

    @Test
    void regressionsComeFirstAndTheFirstIsShownThenTheOverviewFollows() {
        assertThat(vm.visible()).hasSize(159);
        assertThat(vm.visible().subList(0, ReviewRuns.REGRESSIONS)).allMatch(ReviewCase::regressed);
        assertThat(vm.visible().get(ReviewRuns.REGRESSIONS).status()).isEqualTo(ReviewStatus.OTHER_OUTPUT);
        assertThat(vm.firstShownProperty().get()).isSameAs(vm.visible().get(0));
        assertThat(vm.overviewProperty().get()).isNotNull();
        assertThat(vm.overviewProperty().get().versions().changes()).singleElement()
                .satisfies(c -> assertThat(c.describe()).startsWith("prompt triage: revision 4, sha256 "));
        assertThat(vm.overviewProperty().get().templates()).singleElement()
                .satisfies(t -> assertThat(t.available()).isTrue());
        assertThat(vm.overviewStateProperty().get()).isEqualTo("gates from the stored snapshot of run " + runs.latest.id());
    }

    /**
     * A case can keep its verdict and answer otherwise (the prompt changed): the review lists those after the
     * one-sided cases and before the unchanged, and counts them, as many as {@code evalbench compare} lists as
     * "other outputs changed" from the full records; the status filter steps through them.
     */
    @Test
    void casesThatKeptTheirVerdictWithAnotherOutputAreAStatusOfTheirOwnCountedAsCompareCountsThem() {
        dev.evalbench.cli.Cli.Result compared = dev.evalbench.cli.Cli.run("compare", runs.baseline.id(), runs.latest.id(),
                "--workspace", ws.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) other outputs changed").matcher(compared.out());
        assertThat(m.find()).as(compared.out()).isTrue();
        int changed = Integer.parseInt(m.group(1));

        assertThat(changed).as("the prompt edit changes some outputs without changing their verdicts").isPositive();
        assertThat(vm.headlineProperty().get()).isEqualTo(ReviewRuns.REGRESSIONS + " regressed · 0 improved · " + changed
                + " with another output · " + (159 - ReviewRuns.REGRESSIONS - changed) + " unchanged · 0 only in the first run · 0 only in the second");
        assertThat(vm.visible().subList(ReviewRuns.REGRESSIONS, ReviewRuns.REGRESSIONS + changed))
                .allMatch(c -> c.status() == ReviewStatus.OTHER_OUTPUT);
        vm.statusProperty().set(ReviewStatus.OTHER_OUTPUT);
        assertThat(vm.visible()).hasSize(changed);
    }

    /**
     * A run of one suite against a whole run is compared on the cases both ran, as {@code evalbench compare} does:
     * the whole run's safety probes are not "only in the first run", its pass rate is not set against the triage
     * run's, and the headline says what was left out. The gates too are of those cases: the whole run's safety
     * gate reads "not run" there, and its tokens are the triage cases' tokens.
     */
    @Test
    void aTriageRunAgainstAWholeRunIsComparedOnTheTriageCasesAndTheHeadlineSaysWhatWasLeftOut() throws Exception {
        String triage = history.runSuites("triage").id();
        CompareViewModel partial = new CompareViewModel(new SameThreadTaskRunner(), new ReviewService(Map.of()),
                new ReviewService.Side(history.store, runs.latest.id()), new ReviewService.Side(history.store, triage),
                () -> history.workspace, NO_MASK);
        partial.load();

        assertThat(partial.visible()).hasSize(127).allMatch(c -> c.either().key().suite().equals("triage"));
        assertThat(partial.visible()).noneMatch(c -> c.status() == ReviewStatus.ONLY_BEFORE);
        assertThat(partial.headlineProperty().get()).endsWith(" · 0 only in the first run · 0 only in the second");
        assertThat(partial.scopeProperty().get()).isEqualTo("Compared within what both runs ran; left out: 32 cases"
                + " of the first run outside what the second ran (suite triage).");
        assertThat(vm.scopeProperty().get()).as("two whole runs").isEmpty();
        dev.evalbench.core.compare.ChangeOverview overview = partial.overviewProperty().get();
        assertThat(overview.metrics()).noneMatch(m -> m.label().contains("safety"));
        assertThat(overview.gates()).anySatisfy(g -> {
            assertThat(g.id()).isEqualTo("safety");
            assertThat(g.before().ran()).as("no safety probe within the compared cases").isFalse();
            assertThat(g.after().ran()).isFalse();
        });
        assertThat(overview.gates()).anySatisfy(g -> {
            assertThat(g.id()).isEqualTo("tokens");
            assertThat(g.before().value()).as("the same cases' tokens on both sides").isEqualTo(g.after().value());
        });
        assertThat(overview.versions().changes()).as("no eval set 'changed' to nothing").isEmpty();
    }

    /** Within a status, the workspace's order: J walks the regressions as the dataset lists them. */
    @Test
    void withTheWorkspaceOpenEachStatusListsItsCasesInTheWorkspacesOrder() {
        dev.evalbench.app.results.DatasetLookup dataset = new dev.evalbench.app.results.DatasetLookup(history.ws);
        CompareViewModel ordered = new CompareViewModel(new SameThreadTaskRunner(), new ReviewService(Map.of()),
                new ReviewService.Side(history.store, runs.baseline.id()),
                new ReviewService.Side(history.store, runs.latest.id()), () -> history.workspace, NO_MASK, dataset);
        ordered.load();
        java.util.List<ReviewCase> rows = ordered.visible();
        assertThat(rows).hasSize(159);
        assertThat(rows.subList(0, ReviewRuns.REGRESSIONS)).allMatch(ReviewCase::regressed);
        java.util.List<Integer> places = rows.subList(0, ReviewRuns.REGRESSIONS).stream()
                .map(c -> dataset.place(c.either().key())).toList();
        assertThat(places).isSorted();
        java.util.List<Integer> rest = rows.subList(ReviewRuns.REGRESSIONS, rows.size()).stream()
                .filter(c -> c.status() == ReviewStatus.UNCHANGED).map(c -> dataset.place(c.either().key())).toList();
        assertThat(rest).isSorted();
        assertThat(ordered.firstShownProperty().get()).isSameAs(rows.get(0));
    }

    @Test
    void selectingACaseReadsBothRecordsAndNamesTheChangedField() {
        vm.selectedProperty().set(vm.visible().get(0));
        CaseComparison c = vm.detailProperty().get();
        assertThat(c.before().key()).isEqualTo(vm.visible().get(0).before().key());
        assertThat(c.after().key()).isEqualTo(vm.visible().get(0).after().key());
        assertThat(c.changedFields()).containsExactly("order_id");
        assertThat(c.json()).isTrue();
        assertThat(c.input()).contains("The customer wrote:").contains("  - ORD-");
        assertThat(CasePairPane.changedText(c)).isEqualTo("Changed fields: order_id");
        // A case one run lacks (compared with a run of one suite): it said "The outputs differ: marked line by line".
        assertThat(CasePairPane.changedText(CaseComparison.of(null, c.before(), null)))
                .isEqualTo("Only the first run has this case: no second output to compare.");
        assertThat(CasePairPane.changedText(CaseComparison.of(null, null, c.after())))
                .isEqualTo("Only the second run has this case: no first output to compare.");
        vm.selectedProperty().set(null);
        assertThat(vm.detailProperty().get()).isNull();
    }

    /**
     * A case that flipped with the same output in both runs (its expected value was relabelled) says why where the
     * reviewer looks first; it said only "The two outputs are the same." over a regression.
     */
    @Test
    void aCaseThatFlippedWithTheSameOutputSaysWhatItIsNowHeldTo() {
        dev.evalbench.core.record.CaseRecord passing = dev.evalbench.core.run.CaseRecords.sample("r1", "triage", "t001", true, 40);
        dev.evalbench.core.record.CaseRecord failing = dev.evalbench.core.compare.RecordEdits.withOutput(
                dev.evalbench.core.run.CaseRecords.sample("r2", "triage", "t001", false, 40), passing.rawOutput());
        // Held to the same expected value: how it is checked changed (the policy, the schema, the checks).
        assertThat(CasePairPane.changedText(CaseComparison.of(null, passing, failing))).isEqualTo("Both runs wrote the "
                + "same output: the verdict changed with how the case is checked. The second run fails it: category: "
                + "expected billing, got shipping");
        // Relabelled: each field of the expected value that changed, old → new.
        dev.evalbench.core.record.CaseRecord relabelled = dev.evalbench.core.compare.RecordEdits.withExpected(failing,
                "{\"category\":\"shipping\",\"priority\":\"high\",\"action\":\"refund\",\"order_id\":\"ORD-10421\"}");
        assertThat(CasePairPane.changedText(CaseComparison.of(null, relabelled, passing))).isEqualTo("Both runs wrote the "
                + "same output; what the case expects changed: category \"shipping\" → \"billing\". The first run "
                + "failed it: category: expected billing, got shipping");
        assertThat(CasePairPane.changedText(CaseComparison.of(null, passing, passing))).isEqualTo("The two outputs are the same.");
    }

    @Test
    void jToACaseBeingReadAheadWaitsForThatReadInsteadOfReadingItAgain() {
        SameThreadTaskRunner deferred = SameThreadTaskRunner.deferred();
        java.util.List<String> read = new java.util.ArrayList<>();
        CompareViewModel ahead = new CompareViewModel(deferred, new ReviewService(Map.of()),
                new ReviewService.Side(history.store, runs.baseline.id()), new ReviewService.Side(history.store, runs.latest.id()),
                () -> null, new ComparisonMask() {
                    @Override
                    public dev.evalbench.core.record.CaseRecord record(dev.evalbench.core.record.CaseRecord r) {
                        read.add(r.runId() + " " + r.key().caseId());
                        return r;
                    }

                    @Override
                    public com.fasterxml.jackson.databind.JsonNode vars(String caseId, com.fasterxml.jackson.databind.JsonNode vars) {
                        return vars;
                    }
                });
        ahead.load();
        for (int i = 0; i < 4; i++) deferred.runQueued(); // both runs read, aligned, the overview
        ReviewCase first = ahead.visible().get(0);
        ReviewCase second = ahead.visible().get(1);
        ahead.selectedProperty().set(first);
        deferred.runQueued(); // the first case; its read-ahead is queued, not run
        assertThat(ahead.detailProperty().get().row()).isSameAs(first);

        ahead.selectedProperty().set(second); // J while the second case is being read ahead
        deferred.runQueued();

        assertThat(ahead.detailProperty().get().row()).isSameAs(second);
        assertThat(read).filteredOn(r -> r.equals(runs.latest.id() + " " + second.after().key().caseId())).hasSize(1);
        assertThat(deferred.unhandled).isEmpty();
    }

    @Test
    void nextRegressionWrapsAndMarkingReviewedCountsDown() {
        assertThat(CompareViewModel.nextRegression(vm.visible(), 0, 1)).isEqualTo(1);
        assertThat(CompareViewModel.nextRegression(vm.visible(), ReviewRuns.REGRESSIONS - 1, 1)).isZero();
        assertThat(CompareViewModel.nextRegression(vm.visible(), 0, -1)).isEqualTo(ReviewRuns.REGRESSIONS - 1);
        assertThat(vm.remainingProperty().get()).isEqualTo("18 of 18 regressions left to review");
        vm.toggleReviewed(vm.visible().get(0));
        vm.toggleReviewed(vm.visible().get(1));
        assertThat(vm.remainingProperty().get()).isEqualTo("16 of 18 regressions left to review");
        vm.toggleReviewed(vm.visible().get(1));
        assertThat(vm.remainingProperty().get()).isEqualTo("17 of 18 regressions left to review");
        vm.statusProperty().set(ReviewStatus.UNCHANGED);
        assertThat(CompareViewModel.nextRegression(vm.visible(), -1, 1)).isEqualTo(-1);
    }

    @Test
    void filtersKeepBothRunsAndAMetricsCountFiltersToTheCasesItMoved() {
        MetricMovement passed = vm.movements().stream().filter(m -> m.id().equals("passed")).findFirst().orElseThrow();
        assertThat(passed.worse()).hasSize(ReviewRuns.REGRESSIONS);
        assertThat(passed.better()).isEmpty();
        vm.showMoved(passed, false);
        assertThat(vm.visible()).hasSize(ReviewRuns.REGRESSIONS).allMatch(ReviewCase::regressed);
        vm.clearFilter();
        vm.verdictProperty().set("fail");
        // A case matches when either run failed it: the regressions (failed in the second run only) stay listed.
        assertThat(vm.visible()).filteredOn(ReviewCase::regressed).hasSize(ReviewRuns.REGRESSIONS);
        assertThat(vm.visible()).allMatch(r -> !r.before().passed() || !r.after().passed());
        vm.clearFilter();
        vm.suiteProperty().set("safety");
        assertThat(vm.visible()).hasSize(32).allMatch(r -> r.either().key().suite().equals("safety"));
        vm.clearFilter();
        vm.regexProperty().set(true);
        vm.textProperty().set("t00[13]");
        assertThat(vm.visible()).extracting(r -> r.either().key().caseId()).containsExactly("t003", "t001");
        vm.textProperty().set("(");
        assertThat(vm.problemProperty().get()).startsWith("Not a regular expression");
    }
    /**
     * A gate of the overview scopes the list to the cases behind it in either run: the schema gate to the outputs
     * that broke the schema (the scripted model breaks it on the same two tickets in both runs), the safety gate to
     * the probes that failed; Esc lists every case again.
     */
    @Test
    void aGateListsTheCasesBehindItInEitherRun() {
        java.util.Set<String> invalid = vm.visible().stream().filter(r -> java.util.stream.Stream.of(r.before(), r.after())
                .anyMatch(s -> s != null && (!s.schemaValid() || s.failureKind() != null))).map(ReviewCase::key)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(invalid).hasSize(2);

        assertThat(vm.showGate("schema")).isTrue();
        assertThat(vm.visible()).extracting(ReviewCase::key).containsExactlyInAnyOrderElementsOf(invalid);
        assertThat(vm.movedProperty().get().name()).isEqualTo("gate schema: 2 cases");
        assertThat(vm.movedProperty().get().description())
                .isEqualTo("The cases behind gate schema in either run: the invalid outputs (a failed call counts as one).");

        assertThat(vm.showGate("safety")).isTrue();
        java.util.List<String> failedProbes = vm.loaded().cases().stream().filter(r -> r.either().key().suite().equals("safety"))
                .filter(r -> (r.before() != null && !r.before().passed()) || (r.after() != null && !r.after().passed()))
                .map(ReviewCase::key).toList();
        assertThat(failedProbes).isNotEmpty();
        assertThat(vm.visible()).extracting(ReviewCase::key).containsExactlyInAnyOrderElementsOf(failedProbes);

        assertThat(vm.showGate("no-such-gate")).isFalse();
        vm.clearFilter();
        assertThat(vm.visible()).hasSize(159);
    }

    /**
     * A gate with no case behind it in either run says so in the filter bar's words and in the sentence the empty
     * list shows (it read "gate no-leaks: 0 cases" over "No case matches the filter."): the sample as shipped leaks
     * nothing, so a run of it compared with itself has no case behind its no-leaks gate.
     */
    @Test
    void aGateWithNoCaseBehindItSaysSo(@org.junit.jupiter.api.io.TempDir Path other) throws Exception {
        try (dev.evalbench.app.SampleHistory sample = dev.evalbench.app.SampleHistory.in(other)) {
            String run = sample.run().id();
            CompareViewModel same = new CompareViewModel(new SameThreadTaskRunner(), new ReviewService(Map.of()),
                    new ReviewService.Side(sample.store, run), new ReviewService.Side(sample.store, run),
                    () -> sample.workspace, NO_MASK);
            same.load();

            assertThat(same.showGate("no-leaks")).isTrue();
            assertThat(same.visible()).isEmpty();
            assertThat(same.movedProperty().get().name()).isEqualTo("gate no-leaks: none");
            assertThat(same.movedProperty().get().description())
                    .isEqualTo("No case is behind gate no-leaks in either run: its cases would be the cases that leaked restricted content.");
        }
    }
}
