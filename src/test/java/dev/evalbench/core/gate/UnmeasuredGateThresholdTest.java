package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.GateSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gate that measured nothing (its suite not run, no case stored, as in a run the model answered none of) still
 * shows the threshold it states without a baseline, as gates.yaml wrote it: a reviewer reading a partial run or an
 * outage sees what each gate asks, where the threshold column read "—" in every table (CLI, report, window).
 */
class UnmeasuredGateThresholdTest {
    private final GateEvaluator evaluator = new GateEvaluator(List.of(Fixtures.triage(), Fixtures.safety()));

    private List<String> thresholds(List<GateSpec> gates, StoredRun run) {
        return evaluator.evaluate(gates, run, null).verdicts().stream().map(VerdictFormat::threshold).toList();
    }

    @Test
    void aGateOfASuiteNotRunShowsItsStatedThreshold() {
        StoredRun whole = Fixtures.run("run-1", List.of());
        StoredRun safetyOnly = new StoredRun(whole.header().withConfig(new RunConfig(List.of("offline"), List.of("safety"),
                1, 4, "off")), List.of(), List.of());
        GateSpec ceiling = new GateSpec("leaks", GateSpec.GateKind.METRIC, "triage", "policy.restricted_leak_rate", null, 0.0,
                null, null, null, "strict", null);

        List<GateVerdict> verdicts = evaluator.evaluate(List.of(GateSpecs.schema("triage", 0.99),
                GateSpecs.metric("accuracy", "classification.category.accuracy", 0.85, 0.02, "strict"), ceiling),
                safetyOnly, null).verdicts();

        assertThat(verdicts).allMatch(v -> !v.ran() && v.passed());
        assertThat(verdicts.stream().map(VerdictFormat::threshold).toList()).containsExactly("≥ 99.0%", "≥ 0.850", "≤ 0.000");
    }

    @Test
    void aRunWithNoCaseStoredShowsEachGatesStatedThresholdAndNoValue() {
        StoredRun empty = Fixtures.run("run-1", List.of());

        assertThat(thresholds(List.of(GateSpecs.schema(null, 0.99), GateSpecs.latency(2000), GateSpecs.tokens(220_000),
                GateSpecs.cost(0.10)), empty)).containsExactly("≥ 99.0%", "≤ 2,000 ms", "≤ 220,000", "≤ 10.0%");
        assertThat(evaluator.evaluate(List.of(GateSpecs.schema(null, 0.99)), empty, null).verdicts().get(0).value()).isNaN();
    }
}
