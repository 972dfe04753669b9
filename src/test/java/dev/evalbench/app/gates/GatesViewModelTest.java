package dev.evalbench.app.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.RunService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gates panel over real runs of the sample (offline scripted route, real SQLite), without a window. */
class GatesViewModelTest {
    @TempDir Path temp;
    private SampleHistory sample;
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
    }

    @AfterEach
    void close() throws Exception {
        sample.close();
    }

    private GatesViewModel gated(RunHeader run) {
        GatesViewModel vm = new GatesViewModel(runner, () -> sample.store, new RunGating(Map.of(), () -> sample.ws), run.id());
        vm.load();
        return vm;
    }

    private GateRow row(GatesViewModel vm, String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Production's requests are not the eval set's cases: a traffic run's results said "Against baseline main" though
     * none of its gates compared anything with it. It is gated alone and says where it is compared; an eval run of
     * the same history still against main.
     */
    @Test
    void aTrafficRunAndItsShadowAreGatedAloneAndSayWhereTheyAreCompared() throws Exception {
        RunHeader eval = run();
        sample.store.tag(eval.id(), RunGating.BASELINE_TAG);
        RunHeader traffic = sample.importTraffic("control.jsonl", "control");

        GatesViewModel vm = gated(traffic);

        assertThat(vm.gatedProperty().get().report().baselineRunId()).isNull();
        assertThat(vm.baselineProperty().get()).isEqualTo("A traffic run is gated alone: compare it with its control in"
                + " Compare shadow or canary.");
        // Its requests replayed (a shadow run) are no eval cases either: they said "Against baseline main" over a
        // baseline column of dashes.
        GatesViewModel shadow = gated(sample.shadow(traffic));
        assertThat(shadow.gatedProperty().get().report().baselineRunId()).isNull();
        assertThat(shadow.baselineProperty().get()).isEqualTo("A shadow run is gated alone: compare it with the traffic"
                + " it replayed in Compare shadow or canary.");
        RunHeader later = run();
        assertThat(gated(later).baselineProperty().get()).isEqualTo("Against baseline main (run " + eval.id() + ").");
    }

    @Test
    void anIncompleteRunsHeadlineSaysToResumeItFromTheHistory() throws Exception {
        // It said "INCOMPLETE: resume with `evalbench resume …`", a command, cut at the panel's width.
        RunHeader cancelled = sample.runStoppedAtCall(10);

        GatesViewModel vm = gated(cancelled);
        assertThat(vm.headlineProperty().get())
                .isEqualTo("INCOMPLETE: Resume finishes it (beside Rerun failing, or in the history)");
        // Stopped in the triage cases: the safety probes were never reached, and their gate measured nothing yet (it
        // read "FAIL" with dashes); the triage gates read the cases stored so far.
        assertThat(row(vm, "safety").word()).isEqualTo("not run");
        assertThat(row(vm, "safety").sentence()).isEqualTo("Not run yet: this incomplete run has no case of suite safety"
                + " stored; resume it to run them.");
        assertThat(row(vm, "category-accuracy").word()).isIn("pass", "FAIL");
    }

    /**
     * A run no case of which got an answer measured the outage, not the model: its headline says what happened, as
     * `evalbench run` does (exit 3). It said only "Resume finishes it" above gates that all failed.
     */
    @Test
    void anOutageRunsHeadlineSaysNoCaseGotAnAnswer() throws Exception {
        RunHeader outage = sample.runOnRouteDown();

        GatesViewModel vm = gated(outage);
        assertThat(vm.headlineProperty().get()).isEqualTo("INCOMPLETE: no answer from the model. Resume once the route"
                + " answers");
        // Its gates measured the outage: none reads "pass" (no-leaks and tokens did, over no answers) or "FAIL" with
        // a value ("schema 0.0%"); each says why, and the threshold it will be held to stays.
        assertThat(vm.rows()).extracting(GateRow::word).containsOnly("no answer");
        assertThat(vm.rows()).extracting(GateRow::value).containsOnly("—");
        assertThat(vm.rows()).extracting(GateRow::measured).containsOnly(false);
        assertThat(row(vm, "tokens").threshold()).isEqualTo("≤ 220,000");
        assertThat(row(vm, "schema").sentence()).startsWith("Not measured: the model answered no case of this run");
    }

    @Test
    void aRunOfOneSuiteShowsTheGatesOfTheOthersAsNotRun() throws Exception {
        // The panel said "pass" with dashes for them, where the command line says "not run".
        RunHeader safety = new dev.evalbench.core.service.RunService(java.time.Clock.systemUTC(), Map.of()).run(sample.ws,
                sample.workspace, new dev.evalbench.core.record.RunConfig(List.of("offline"), List.of("safety"), 1, 4, "off"),
                sample.store, dev.evalbench.core.run.RunListener.NONE, new dev.evalbench.core.run.Cancellation());
        GatesViewModel vm = gated(safety);

        assertThat(row(vm, "category-accuracy").word()).isEqualTo("not run");
        assertThat(row(vm, "shipping-actions").word()).isEqualTo("not run");
        assertThat(row(vm, "safety").word()).isEqualTo("pass");
    }

    @Test
    void everyGateReadsInTheCliWordsAndTheHeadlineCountsTheFailures() {
        GatesViewModel vm = gated(run());
        assertThat(vm.rows()).extracting(GateRow::id)
                .containsExactly("schema", "category-accuracy", "action-vs-baseline", "safety", "no-leaks", "shipping-actions",
                        "latency", "tokens", "cost");
        GateRow schema = row(vm, "schema");
        assertThat(schema.word()).isEqualTo("FAIL");
        assertThat(schema.value()).isEqualTo("98.7%");
        assertThat(schema.threshold()).isEqualTo("≥ 99.0%");
        assertThat(schema.interval()).isEqualTo(VerdictFormat.interval(schema.verdict())).startsWith("[");
        assertThat(schema.sentence()).startsWith("98.7% of 159 outputs are schema-valid (2 invalid");
        long failed = vm.rows().stream().filter(r -> !r.passed()).count();
        assertThat(vm.headlineProperty().get()).isEqualTo("FAILED: " + failed + " of 9 gates failed");
        assertThat(vm.baselineProperty().get()).startsWith("No baseline");
        // The core sentence the CLI prints; the variance the gate allows in the threshold's column, not "—".
        assertThat(row(vm, "cost").sentence()).startsWith(dev.evalbench.core.gate.GateEvaluator.NEEDS_BASELINE)
                .contains(" over 159 cases; the allowed variance is ±10.0%");
        assertThat(row(vm, "cost").threshold()).isEqualTo("≤ 10.0%");
        assertThat(row(vm, "cost").value()).isEqualTo("—");
    }

    @Test
    void choosingTheSchemaGateGivesExactlyTheInvalidOutputs() throws Exception {
        RunHeader run = run();
        GatesViewModel vm = gated(run);
        List<Set<CaseKey>> chosen = new ArrayList<>();
        vm.setOnChosen(row -> chosen.add(row.cases()));
        vm.choose(row(vm, "schema"));
        Set<CaseKey> invalid = sample.store.cases(run.id()).stream().filter(r -> !r.schemaValid())
                .map(CaseRecord::key).collect(Collectors.toSet());
        assertThat(invalid).hasSize(SampleHistory.SCHEMA_INVALID);
        assertThat(chosen).containsExactly(invalid);
    }

    @Test
    void theSafetyAndMetricGatesPointAtTheCasesThatFailedThem() throws Exception {
        RunHeader run = run();
        GatesViewModel vm = gated(run);
        List<CaseRecord> records = sample.store.cases(run.id());
        Set<CaseKey> failingProbes = records.stream().filter(r -> r.key().suite().equals("safety") && !r.passed())
                .map(CaseRecord::key).collect(Collectors.toSet());
        assertThat(row(vm, "safety").cases()).isEqualTo(failingProbes);
        Set<CaseKey> wrongCategory = records.stream().filter(r -> r.key().suite().equals("triage")
                && !Boolean.TRUE.equals(r.evaluation().checks().get("category"))).map(CaseRecord::key).collect(Collectors.toSet());
        assertThat(wrongCategory).isNotEmpty();
        assertThat(row(vm, "category-accuracy").cases()).isEqualTo(wrongCategory);
        assertThat(row(vm, "latency").cases()).isNotEmpty();
        // A tagged gate lists only cases with its tag: shipping-actions, routing over the tickets tagged shipping
        // (0.947 over 38 cases: two wrongly routed).
        Set<CaseKey> shipping = records.stream().filter(r -> r.tags().contains("shipping")).map(CaseRecord::key).collect(Collectors.toSet());
        assertThat(row(vm, "shipping-actions").cases()).hasSize(2).allMatch(shipping::contains);
        // Which cases they are, as the detail pane says: the sample fails two non-blocking probes (p18, p27), which
        // the safety gate names without failing, and no case is over its latency budget.
        assertThat(failingProbes).extracting(CaseKey::caseId).containsExactlyInAnyOrder("p18", "p27");
        assertThat(row(vm, "safety").casesInWords())
                .isEqualTo("The results below list its 2 cases: the failing probes, blocking or not.");
        assertThat(row(vm, "latency").casesInWords()).isEqualTo("The results below list its "
                + row(vm, "latency").cases().size() + " cases: the slowest 5%, as no case is over its budget.");
        assertThat(row(vm, "cost").casesInWords()).endsWith(" cases: the costliest 5%.");
    }

    @Test
    void aRunTaggedMainIsTheBaselineOfTheNextOne() throws Exception {
        RunHeader first = run();
        sample.store.tag(first.id(), RunGating.BASELINE_TAG);
        GatesViewModel vm = gated(run());
        assertThat(vm.baselineProperty().get()).isEqualTo("Against baseline main (run " + first.id() + ").");
        GateRow action = row(vm, "action-vs-baseline");
        assertThat(action.baseline()).isNotEqualTo(VerdictFormat.NONE);
        assertThat(action.pValue()).isNotEqualTo(VerdictFormat.NONE);
        assertThat(row(vm, "cost").passed()).isTrue();
        // The baseline itself is not gated against itself, and says why it has none (it said "No baseline: tag a
        // run main", beside the run just tagged main).
        assertThat(gated(first).baselineProperty().get())
                .isEqualTo("This run is the baseline (main): later runs are gated against it.");
    }

    @Test
    void aFinishedRunIsGatedOnceUntilTheBaselineMoves() throws Exception {
        RunHeader first = run();
        RunHeader second = run();
        RunGating gating = new RunGating(Map.of(), () -> sample.ws);
        GatedRun once = gating.gate(sample.store, second.id());
        assertThat(gating.gate(sample.store, second.id())).isSameAs(once); // the history gated it: opening reuses it
        assertThat(once.report().baselineRunId()).isNull();

        sample.store.tag(first.id(), RunGating.BASELINE_TAG);
        GatedRun again = gating.gate(sample.store, second.id());
        assertThat(again).isNotSameAs(once);
        assertThat(again.report().baselineRunId()).isEqualTo(first.id());
        assertThat(gating.gate(sample.store, second.id())).isSameAs(again);
    }

    private RunHeader run() {
        try {
            return sample.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A run of two routes: a row per gate and route, and a route's row points at that route's cases alone. Gated as
     * one, the schema row blended the two models (50.0%) and listed the invalid outputs of both.
     */
    @Test
    void eachRoutesRowPointsAtItsOwnCases() throws Exception {
        // The grader's answers are no triage JSON: every one of its outputs is invalid, none of the offline model's.
        RunHeader run = new RunService(Clock.systemUTC(), Map.of()).run(sample.ws, sample.workspace,
                new RunConfig(List.of("offline", "grader"), List.of("safety"), 1, 4, "off"), sample.store,
                RunListener.NONE, new Cancellation());
        GatesViewModel vm = new GatesViewModel(new SameThreadTaskRunner(), () -> sample.store,
                new RunGating(Map.of(), () -> sample.ws), run.id());
        vm.load();

        assertThat(vm.rows()).extracting(GateRow::id).contains("schema@grader", "schema@offline", "safety@grader",
                "safety@offline").doesNotContain("schema");
        GateRow grader = vm.rows().stream().filter(r -> r.id().equals("schema@grader")).findFirst().orElseThrow();
        GateRow offline = vm.rows().stream().filter(r -> r.id().equals("schema@offline")).findFirst().orElseThrow();
        assertThat(grader.word()).isEqualTo("FAIL");
        assertThat(offline.word()).isEqualTo("pass");
        Set<CaseKey> graderCases = sample.store.cases(run.id()).stream().filter(c -> c.key().route().equals("grader"))
                .map(c -> c.key()).collect(Collectors.toSet());
        assertThat(grader.cases()).hasSize(32).isEqualTo(graderCases);
        assertThat(offline.cases()).isEmpty();
        // The heaviest 5% by tokens of each route, not of both together.
        GateRow tokens = vm.rows().stream().filter(r -> r.id().equals("tokens@offline")).findFirst().orElseThrow();
        assertThat(tokens.cases()).isNotEmpty().allSatisfy(k -> assertThat(k.route()).isEqualTo("offline"));
    }
}
