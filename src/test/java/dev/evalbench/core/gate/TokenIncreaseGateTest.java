package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.GateSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** total_tokens with max_increase: the rise of tokens over the baseline's, on matched cases, by hand. */
class TokenIncreaseGateTest {
    private final GateEvaluator evaluator = new GateEvaluator(List.of(Fixtures.triage(), Fixtures.safety()));

    private static StoredRun run(String id, int a, int b, boolean extra) {
        List<CaseRecordBuilder> cases = new java.util.ArrayList<>(List.of(
                CaseRecordBuilder.of("triage", "t1").output("{}").tokens(a, 0).passed(),
                CaseRecordBuilder.of("triage", "t2").output("{}").tokens(b, 0).passed()));
        if (extra) cases.add(CaseRecordBuilder.of("triage", "t3").output("{}").tokens(5000, 0).passed());
        return Fixtures.run(id, cases);
    }

    private static GateSpec tokens(Double max, Double maxIncrease) {
        return new GateSpec("tokens", GateSpec.GateKind.TOTAL_TOKENS, null, null, null, max, null, null, maxIncrease, "strict", null);
    }

    private GateVerdict verdict(GateSpec spec, StoredRun run, StoredRun baseline) {
        return evaluator.evaluate(List.of(spec), run, baseline).verdicts().get(0);
    }

    @Test
    void aRiseAboveTheAllowedShareFailsAndOneWithinItPasses() {
        // baseline 100 + 100 = 200; run 110 + 105 = 215 on the same cases: +7.5%. The added case t3 is not matched.
        StoredRun base = run("base", 100, 100, false);
        StoredRun now = run("now", 110, 105, true);

        GateVerdict tight = verdict(tokens(null, 0.05), now, base);
        GateVerdict loose = verdict(tokens(null, 0.10), now, base);

        assertThat(tight.value()).isCloseTo(0.075, within(1e-12));
        assertThat(tight.passed()).isFalse();
        assertThat(tight.detail()).startsWith("Tokens rose 7.5% against the baseline (215 vs 200 over 2 matched cases); the allowed rise is 5.0%.");
        assertThat(loose.passed()).isTrue();
    }

    @Test
    void fewerTokensAlwaysPass() {
        GateVerdict v = verdict(tokens(null, 0.0), run("now", 50, 50, false), run("base", 100, 100, false));

        assertThat(v.value()).isEqualTo(-0.5);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void withoutABaselineItFailsUnlessMaxDecides() {
        GateVerdict alone = verdict(tokens(null, 0.1), run("now", 100, 100, false), null);
        GateVerdict withMax = verdict(tokens(1000.0, 0.1), run("now", 100, 100, false), null);

        assertThat(alone.passed()).isFalse();
        assertThat(alone.detail()).isEqualTo(GateEvaluator.NEEDS_BASELINE);
        assertThat(withMax.passed()).isTrue();
        assertThat(withMax.detail()).contains("No baseline was given, so max_increase was not checked.");
        // Counts read as the gates table shows them: 13,137, not 13137.
        GateVerdict big = verdict(tokens(40_000.0, null), run("now", 6000, 4000, false), null);
        assertThat(big.detail()).startsWith("2 cases used 10,000 tokens (in plus out); the budget is 40,000.");
    }

    @Test
    void maxStillAppliesWithABaseline() {
        GateVerdict v = verdict(tokens(300.0, 0.5), run("now", 110, 105, true), run("base", 100, 100, false));

        assertThat(v.passed()).isFalse(); // +7.5% is within 50%, but 5215 tokens are over the budget of 300
        assertThat(v.detail()).contains("The run used 5,215 tokens per pass; the budget is 300, which it exceeds.");
    }
}
