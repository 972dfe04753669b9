package dev.evalbench.core.gate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.StoredRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {
    private final String md = new MarkdownSummary().render(CiFixtures.report(), CiFixtures.run(), CiFixtures.baseline());

    @Test
    void theGatesTableHasARowPerGateWithEveryNumber() {
        assertThat(md).startsWith("## ❌ Evalbench: 3 of 5 gates failed");
        assertThat(md).contains("| | Gate | Kind | Value | Threshold | Baseline | Δ | 95% interval | p-value |");
        assertThat(md).contains("| ✅ | schema | schema_pass_rate | 99.0% | ≥ 99.0% | 98.0% | +1.0 pp | [94.6%, 99.8%] | — |");
        assertThat(md).contains("| ❌ | action-vs-baseline (triage) | metric | 0.880 | ≥ 0.900 | 0.920 | -0.040 | Δ [-0.090, -0.010] | 0.0215 |");
        assertThat(md).contains("| ❌ | safety (safety) | safety_pass_rate | 80.0% | ≥ 100.0% | 100.0% | -20.0 pp | [37.6%, 96.4%] | — |");
        assertThat(md).contains("| ✅ | latency | p95_latency | 812 ms | ≤ 900 ms | 780 ms | +32 ms | [700 ms, 900 ms] | — |");
        assertThat(md).contains("| ❌ | cost | cost_variance | — | — | — | — | — | — |");
        assertThat(md).contains("- **cost**: This gate compares with a baseline and none was given");
    }

    /** A cost variance is a share, as its value, threshold and baseline say: its Δ in points, not "+0.045". */
    @Test
    void aCostVarianceChangeIsInPercentagePointsAsItsValueIsAPercentage() {
        GateReport report = new GateReport("r", "b", List.of(new GateVerdict("cost", "cost_variance", null, true, 0.045,
                0.10, "<=", 0.0, 0.01, 0.08, null, null, "Cost rose 4.5% against the baseline.")));

        String text = new MarkdownSummary().render(report, CiFixtures.run(), CiFixtures.baseline());

        assertThat(text).contains("| ✅ | cost | cost_variance | 4.5% | ≤ 10.0% | 0.0% | +4.5 pp | [1.0%, 8.0%] | — |");
    }

    @Test
    void theBaselineTableShowsWholeRunDeltas() {
        assertThat(md).contains("| Cases passed | 2/5 (40.0%) | 4/5 (80.0%) | -40.0 pp |");
        assertThat(md).contains("| Provider failures | 1 | 0 | +1 |");
        assertThat(md).contains("| p95 latency | 30,000 ms | 200 ms | +29,800 ms |");
    }

    @Test
    void flipsListPassToFailFirstWithWhatChangedAndModelTextEscaped() {
        assertThat(md).contains("### Flipped cases: 3 pass → fail, 1 fail → pass");
        int t2 = md.indexOf("| triage/t2 | ✅ → ❌ |");
        int t4 = md.indexOf("| triage/t4 | ✅ → ❌ |");
        int p1 = md.indexOf("| safety/p1 | ✅ → ❌ |");
        int t3 = md.indexOf("| triage/t3 | ❌ → ✅ |");
        // Pass → fail first, then fail → pass; each in key order (suite, then case).
        assertThat(p1).isPositive().isLessThan(t2);
        assertThat(t2).isLessThan(t4);
        assertThat(t4).isLessThan(t3);
        assertThat(md).contains("got \"shipping \\| &lt;b&gt;@\u200Bteam&lt;/b&gt;\". Decision: refund (accepted) → escalate (rejected: refund_limit).");
        assertThat(md).contains("Provider failure TIMEOUT: provider said no. Decision: refund (accepted) → escalate (rejected: no_valid_output).");
        assertThat(md).contains("Fixed: category: expected \"billing\", got \"other\".");
        assertThat(md).doesNotContain("<b>");
    }

    @Test
    void onlyTheTopTenFlipsAreListed() {
        List<CaseRecordBuilder> before = new ArrayList<>();
        List<CaseRecordBuilder> after = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            before.add(CaseRecordBuilder.of("triage", "f" + i).passed(i < 11));
            after.add(CaseRecordBuilder.of("triage", "f" + i).passed(i == 11));
        }
        StoredRun base = Fixtures.run("b", before);
        StoredRun run = Fixtures.run("r", after);

        String text = new MarkdownSummary().render(new GateReport("r", "b", List.of()), run, base);

        assertThat(text).contains("| triage/f9 | ✅ → ❌ |").doesNotContain("| triage/f10 |").doesNotContain("| triage/f11 |");
        assertThat(text).contains("2 more flipped cases");
    }

    @Test
    void withoutABaselineThereAreNoDeltasOrFlipsAndAnIncompleteRunIsSaid() {
        StoredRun incomplete = Fixtures.run("r", RunStatus.INCOMPLETE, List.of(CaseRecordBuilder.of("triage", "a")));
        GateReport report = new GateReport("r", null, List.of(new GateVerdict("tokens", "total_tokens", null, true, 1200,
                60000, "<=", null, 1100.0, 1300.0, null, null, "ok")));

        String text = new MarkdownSummary().render(report, incomplete, null);

        assertThat(text).startsWith("## ✅ Evalbench: the 1 gate passes");
        assertThat(text).contains("| ✅ | tokens | total_tokens | 1,200 | ≤ 60,000 | — | — | [1,100; 1,300] | — |");
        assertThat(text).contains("the run is incomplete").doesNotContain("Flipped").doesNotContain("Against the baseline");
    }

    @Test
    void repeatedRunsListTheirFlakyCases() {
        StoredRun run = Fixtures.run("r", List.of(
                CaseRecordBuilder.of("triage", "a").sample(0).passed(true), CaseRecordBuilder.of("triage", "a").sample(1).passed(false),
                CaseRecordBuilder.of("triage", "b").sample(0).passed(true), CaseRecordBuilder.of("triage", "b").sample(1).passed(true)));

        String text = new MarkdownSummary().render(new GateReport("r", null, List.of()), run, null);

        assertThat(text).contains("### Repeats: 2 samples per case").contains("pass^k (every sample passed): 50.0% of cases; 1 flaky cases: triage/a (1/2)");
    }
}
