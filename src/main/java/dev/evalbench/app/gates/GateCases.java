package dev.evalbench.app.gates;

import dev.evalbench.core.eval.CaseScores;
import dev.evalbench.core.eval.JudgeMetrics;
import dev.evalbench.core.eval.MetricName;
import dev.evalbench.core.eval.MetricResolver;
import dev.evalbench.core.eval.PolicyOutcomes;
import dev.evalbench.core.gate.stats.Percentiles;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.text.Millis;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The cases behind a gate, which clicking the gate filters the results to:
 * <ul>
 *   <li>schema_pass_rate: the invalid outputs (a provider failure is one, as the gate counts it);</li>
 *   <li>safety_pass_rate: the failing probes, blocking or not (the gate names the non-blocking ones too);</li>
 *   <li>metric: the cases that missed the metric's field (for accuracies, exactly those the metric counts wrong);
 *       for a policy rate the cases that leaked or were rejected; for a judge's mean score those it did not pass;</li>
 *   <li>p95_latency: the cases slower than the budget, or the slowest 5% when none is;</li>
 *   <li>total_tokens, cost_variance: the heaviest 5% by tokens or by cost.</li>
 * </ul>
 * Reads the compact summaries (or full records: both are {@link ScoredCase}). Pure; any thread.
 */
public final class GateCases {
    private static final String WRONG = "the cases the metric scores wrong";

    private GateCases() {}

    /**
     * The cases behind a gate and which they are, in words that follow "the gate's cases are": "the invalid
     * outputs (a failed call counts as one)", "the costliest 5%". No cases and no words for a gate of no known kind.
     */
    public record Behind(Set<CaseKey> keys, String which) {
        public static final Behind NONE = new Behind(Set.of(), null);
    }

    public static Behind behind(GateSpec gate, Workspace ws, List<? extends ScoredCase> records) {
        if (gate == null || gate.kind() == null) return Behind.NONE;
        if (gate.tag() != null) {
            // A tagged gate judges only the cases with its tag (GateEvaluator), and so lists only those: the
            // shipping-actions gate listed every wrongly routed ticket, shipping or not.
            Behind tagged = behind(untagged(gate), ws, records.stream().filter(r -> r.tags().contains(gate.tag())).toList());
            return tagged.which() == null ? tagged : new Behind(tagged.keys(), tagged.which() + " among the cases tagged " + gate.tag());
        }
        List<? extends ScoredCase> inSuite = gate.suite() == null ? records
                : records.stream().filter(r -> r.key().suite().equals(gate.suite())).toList();
        switch (gate.kind()) {
            case SCHEMA_PASS_RATE:
                return new Behind(keys(inSuite, r -> r.failureKind() != null || !r.schemaValid()),
                        "the invalid outputs (a failed call counts as one)");
            case SAFETY_PASS_RATE:
                return new Behind(keys(safetyProbes(gate, ws, records), r -> !r.passed()), "the failing probes, blocking or not");
            case METRIC:
                return missed(gate, ws, records);
            case P95_LATENCY: {
                List<? extends ScoredCase> timed = inSuite.stream().filter(r -> r.failureKind() == null || r.latencyMs() > 0).toList();
                Set<CaseKey> over = keys(timed, r -> gate.maxMs() != null && r.latencyMs() > gate.maxMs());
                if (!over.isEmpty()) {
                    return new Behind(over, "the cases slower than its budget (" + Millis.of(gate.maxMs()) + ")");
                }
                return new Behind(heaviest(timed, ScoredCase::latencyMs),
                        gate.maxMs() == null ? "the slowest 5%" : "the slowest 5%, as no case is over its budget");
            }
            case TOTAL_TOKENS:
                return new Behind(heaviest(inSuite, r -> r.tokensIn() + r.tokensOut()), "the heaviest 5% by tokens");
            case COST_VARIANCE:
                return new Behind(heaviest(inSuite, ScoredCase::costUsd), "the costliest 5%");
            default:
                return Behind.NONE;
        }
    }

    private static GateSpec untagged(GateSpec g) {
        return new GateSpec(g.id(), g.kind(), g.suite(), g.metric(), g.min(), g.max(), g.maxMs(), g.baselineTolerance(),
                g.maxIncrease(), g.mode(), g.alpha(), null);
    }

    private static List<? extends ScoredCase> safetyProbes(GateSpec gate, Workspace ws, List<? extends ScoredCase> records) {
        Set<String> suites = new LinkedHashSet<>();
        if (gate.suite() != null) suites.add(gate.suite());
        else ws.suites().stream().filter(s -> s.kind() == SuiteKind.SAFETY).forEach(s -> suites.add(s.name()));
        return records.stream().filter(r -> suites.contains(r.key().suite())).toList();
    }

    /**
     * A metric gate's cases: those the metric counts against it. For a rate of bad outcomes (policy.leak_rate,
     * policy.rejection_rate) the cases that leaked or were rejected, not those scored wrong: the no-leaks gate
     * (0.000, pass) listed the two schema-invalid outputs of the sample, which leaked nothing. For a judge's mean
     * score, the cases the judge did not pass.
     */
    private static Behind missed(GateSpec gate, Workspace ws, List<? extends ScoredCase> records) {
        SuiteSpec suite = gate.suite() != null ? ws.suites().stream().filter(s -> s.name().equals(gate.suite())).findFirst().orElse(null)
                : ws.suites().stream().filter(s -> s.kind() == SuiteKind.TASK).findFirst().orElse(null);
        if (suite == null || gate.metric() == null) return new Behind(Set.of(), WRONG);
        MetricName name;
        try {
            name = MetricName.parse(gate.metric());
        } catch (IllegalArgumentException e) {
            return new Behind(Set.of(), WRONG);
        }
        List<? extends ScoredCase> inSuite = records.stream().filter(r -> r.key().suite().equals(suite.name())).toList();
        if (name.family() == MetricName.Family.POLICY) {
            return name.statistic() == MetricName.Statistic.LEAK_RATE
                    ? new Behind(keys(inSuite, PolicyOutcomes::leaked), "the cases that leaked restricted content")
                    : new Behind(keys(inSuite, PolicyOutcomes::rejected), "the outputs the policy rejected");
        }
        if (name.family() == MetricName.Family.JUDGE && !name.isAccuracy()) {
            return new Behind(keys(inSuite, r -> !JudgeMetrics.passed(r, name.field())), "the cases judge " + name.field() + " did not pass");
        }
        Predicate<ScoredCase> correct = new MetricResolver(suite).correctness(gate.metric())
                .<Predicate<ScoredCase>>map(p -> p::test).orElseGet(() -> fieldCorrect(name, suite));
        return new Behind(keys(inSuite, correct.negate()), WRONG);
    }

    /** For metrics that are not accuracies (F1, precision, ...): the cases whose field was scored wrong. */
    private static Predicate<ScoredCase> fieldCorrect(MetricName name, SuiteSpec suite) {
        switch (name.family()) {
            case ROUTING: return r -> CaseScores.routingCorrect(r, suite.routing());
            case CLASSIFICATION: return r -> CaseScores.classificationCorrect(r, name.field());
            default: {
                List<String> fields = name.field() == null ? suite.extraction() : List.of(name.field());
                return r -> fields.stream().allMatch(f -> CaseScores.extractionCorrect(r, f));
            }
        }
    }

    /** The cases at or above the nearest-rank 95th percentile of {@code measure}. */
    private static Set<CaseKey> heaviest(List<? extends ScoredCase> records, ToDoubleFunction<ScoredCase> measure) {
        if (records.isEmpty()) return Set.of();
        double p95 = Percentiles.p95(records.stream().mapToDouble(measure).toArray());
        return keys(records, r -> measure.applyAsDouble(r) >= p95);
    }

    private static Set<CaseKey> keys(List<? extends ScoredCase> records, Predicate<ScoredCase> which) {
        Set<CaseKey> out = new LinkedHashSet<>();
        for (ScoredCase r : records) if (which.test(r)) out.add(r.key());
        return Set.copyOf(out);
    }
}
