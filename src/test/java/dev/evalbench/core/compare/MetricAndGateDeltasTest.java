package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.GateEvaluator;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.record.StoredRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numbers a reviewer reads to tell a regression from noise. */
class MetricAndGateDeltasTest {
    @Test
    void passRateDeltaCarriesWilsonIntervalsAndTheExactMcNemarTestOfThePairs() throws Exception {
        List<CaseRecord> before = new ArrayList<>();
        List<CaseRecord> after = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = String.format("t%03d", i);
            before.add(CaseRecords.sample("a", "triage", id, true, 300));
            after.add(CaseRecords.sample("b", "triage", id, i >= 8, 300)); // 8 pass → fail, none the other way
        }
        RunComparison c = new ComparisonBuilder(run("a", before), run("b", after)).build();

        MetricDelta passRate = c.metrics().stream().filter(m -> m.id().equals("pass_rate")).findFirst().orElseThrow();
        assertThat(passRate.before()).isEqualTo(1.0);
        assertThat(passRate.after()).isEqualTo(0.6);
        assertThat(passRate.delta()).isCloseTo(-0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(passRate.test()).isEqualTo("mcnemar-exact");
        assertThat(passRate.pairs()).isEqualTo(20);
        assertThat(passRate.pValue()).isCloseTo(2 * Math.pow(0.5, 8), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(passRate.significant()).isTrue();
        assertThat(passRate.afterLow()).isLessThan(0.6);
        assertThat(passRate.afterHigh()).isGreaterThan(0.6);
        assertThat(passRate.deltaHigh()).isLessThan(0);
        assertThat(c.metrics()).extracting(MetricDelta::id).containsExactly("pass_rate", "pass_rate.triage",
                "schema_valid_rate", "p95_latency_ms", "tokens_per_case", "cost_per_case_usd");
    }

    @Test
    void aProviderFailureCountsAsFailedAndNotSchemaValid() throws Exception {
        StoredRun a = run("a", List.of(CaseRecords.sample("a", "triage", "t1", true, 300)));
        StoredRun b = run("b", List.of(CaseRecords.builder("b", "triage", "t1").failure(FailureKind.TIMEOUT).build()));

        RunComparison c = new ComparisonBuilder(a, b).build();

        assertThat(c.metrics()).filteredOn(m -> m.id().equals("schema_valid_rate")).singleElement()
                .satisfies(m -> assertThat(m.after()).isZero());
        assertThat(c.flips()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(CaseChange.Kind.PASS_TO_FAIL));
    }

    @Test
    void aBaselineGateThatFailedTheFirstRunOnlyForWantOfABaselineIsNotABeforeVerdict() throws Exception {
        StoredRun a = run("a", List.of(CaseRecords.sample("a", "triage", "t1", true, 300)));
        StoredRun b = run("b", List.of(CaseRecords.sample("b", "triage", "t1", true, 300)));
        GateVerdict needs = new GateVerdict("cost", "cost_variance", null, false, Double.NaN, Double.NaN, "<=", null, null,
                null, null, null, GateEvaluator.NEEDS_BASELINE);
        GateVerdict passes = new GateVerdict("cost", "cost_variance", null, true, 0.0, 0.1, "<=", 0.03, null, null, null, null,
                "Cost rose 0.0% against the baseline.");

        RunComparison c = new ComparisonBuilder(a, b)
                .gates(new GateReport("a", null, List.of(needs)), new GateReport("b", "a", List.of(passes))).build();

        assertThat(c.gates()).singleElement().satisfies(g -> {
            assertThat(g.beforeApplicable()).isFalse();
            assertThat(g.verdictChanged()).isFalse();
        });
        assertThat(CompareMarkdown.render(c)).contains("| cost | n/a (needs a baseline) | pass 0.0% |");
    }

    @Test
    void aGateOnlyTheSecondRunHasReadsADashForTheFirstNotNeedsABaseline() throws Exception {
        // A run of one route against a run of two: the second's "schema@openai" read "n/a (needs a baseline) -> FAIL".
        StoredRun a = run("a", List.of(CaseRecords.sample("a", "triage", "t1", true, 300)));
        StoredRun b = run("b", List.of(CaseRecords.sample("b", "triage", "t1", true, 300)));
        GateVerdict only = new GateVerdict("schema@openai", "schema_pass_rate", null, true, 1.0, 0.99, ">=", null, null,
                null, null, null, "Route openai: 100.0% of 1 outputs are schema-valid.");

        RunComparison c = new ComparisonBuilder(a, b)
                .gates(new GateReport("a", null, List.of()), new GateReport("b", "a", List.of(only))).build();

        assertThat(c.gates()).singleElement().satisfies(g -> assertThat(g.beforeNeedsBaseline()).isFalse());
        assertThat(CompareMarkdown.render(c)).contains("| schema@\u200Bopenai | — | pass 100.0% |");
        assertThat(CompareText.render(c, 10, null)).containsPattern("\n  schema@openai +- +-> pass 100\\.0%");
    }

    @Test
    void aGateTheLaterRunDidNotRunReadsNotRunNotPass() throws Exception {
        // compare main (every suite) with a run of the safety suite only: it said "pass 0.913 -> pass —".
        StoredRun a = run("a", List.of(CaseRecords.sample("a", "triage", "t1", true, 300)));
        StoredRun b = run("b", List.of(CaseRecords.sample("b", "safety", "p1", true, 300)));
        GateVerdict measured = new GateVerdict("category-accuracy", "metric", "triage", true, 0.913, 0.85, ">=", null,
                0.85, 0.95, null, "strict", "Accuracy 0.913.");
        GateVerdict notRun = new GateVerdict("category-accuracy", "metric", "triage", true, Double.NaN, 0.85, ">=", null,
                null, null, null, "strict", "Suite triage was not run.", false);

        RunComparison c = new ComparisonBuilder(a, b)
                .gates(new GateReport("a", null, List.of(measured)), new GateReport("b", "a", List.of(notRun))).build();

        assertThat(CompareMarkdown.render(c)).contains("| category-accuracy | pass 0.913 | not run |");
        assertThat(CompareText.render(c, 20, "")).containsPattern("category-accuracy +pass 0\\.913 +-> not run");
    }

    private static StoredRun run(String id, List<CaseRecord> cases) {
        return new StoredRun(RecordEdits.completeHeader(id, Instant.parse("2026-03-07T10:00:00Z"), Map.of(), cases.size()),
                cases, List.of());
    }
}
