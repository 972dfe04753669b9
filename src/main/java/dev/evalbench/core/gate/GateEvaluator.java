package dev.evalbench.core.gate;

import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.gate.stats.Bootstrap;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds a stored run (and optionally a baseline run) to the workspace's gates. Reads stored records only, so
 * an old run can be re-gated without calling a model. Every gate yields a verdict; a gate that cannot
 * measure (a bad spec, no cases, no baseline) fails with a detail saying why, and never throws.
 *
 * <p>Rules that hold for every kind:
 * <ul>
 *   <li>A record with a failure kind (provider trouble) counts as a failed case in every rate: an invalid
 *       output, a wrong prediction, a failed probe. Latency keeps it unless it has no latency.</li>
 *   <li>Pairing with the baseline always goes through {@link dev.evalbench.core.record.CaseAlignment}.</li>
 *   <li>With several samples per case ({@code --repeat}), every sample is one record in every rate; see
 *       {@link RepeatStats} for per-case consistency.</li>
 *   <li>Baseline-relative gates ({@code metric} with {@code baseline_tolerance}, {@code cost_variance}) fail
 *       without a baseline, with {@link #NEEDS_BASELINE} as their detail; a metric gate that also has
 *       {@code min} falls back to {@code min}. Passing silently would let a PR whose baseline download broke
 *       merge unchecked; a first run on main seeds the baseline and may fail these gates once (docs/ci.md).</li>
 *   <li>Intervals are 95%; the bootstrap is seeded, so the same runs give the same report.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class GateEvaluator {
    public static final String NEEDS_BASELINE =
            "This gate compares with a baseline and none was given.";

    private final List<SuiteSpec> suites;
    private final Bootstrap bootstrap;
    /** The number of cases from which a run's gates are evaluated side by side. */
    static final int SIDE_BY_SIDE_FROM = 2_000;
    private final int sideBySideFrom;

    /** @param suites the workspace's suites: which are task or safety suites, and the fields they score */
    public GateEvaluator(List<SuiteSpec> suites) {
        this(suites, Bootstrap.standard());
    }

    public GateEvaluator(List<SuiteSpec> suites, Bootstrap bootstrap) {
        this(suites, bootstrap, SIDE_BY_SIDE_FROM);
    }

    /** @param sideBySideFrom the number of cases from which the gates are evaluated side by side */
    GateEvaluator(List<SuiteSpec> suites, Bootstrap bootstrap, int sideBySideFrom) {
        this.suites = List.copyOf(suites);
        this.bootstrap = bootstrap;
        this.sideBySideFrom = sideBySideFrom;
    }

    /** @param baseline the run to compare with, or null */
    public GateReport evaluate(List<GateSpec> gates, StoredRun run, StoredRun baseline) {
        return evaluate(gates, RunCases.of(run), baseline == null ? null : RunCases.of(baseline));
    }

    /**
     * The same verdicts from whatever form of the cases the caller holds: the history's compact summaries
     * (what a gate of a large run should read) or full records.
     *
     * @param baseline the run to compare with, or null
     */
    public GateReport evaluate(List<GateSpec> gates, RunCases run, RunCases baseline) {
        // A partial run is held against the baseline's cases of what it ran, not the baseline's whole totals.
        RunCases base = baseline == null ? null : baseline.within(run.header().config());
        GateInputs in = new GateInputs(run, base, suites, bootstrap);
        // Each gate of a large run is a pass or a bootstrap over all its cases, and the gates share nothing but
        // what they read: side by side they take the longest gate's time, not the sum (the caller's thread and the
        // common pool's). A small run's gates are quicker than the hand-over.
        List<String> routes = GateRoutes.of(run);
        String baselineId = baseline == null ? null : baseline.id();
        if (routes.size() > 1) return new GateReport(run.id(), baselineId, byRoute(gates, routes, in));
        List<GateVerdict> verdicts = (gates.size() > 1 && run.cases().size() >= sideBySideFrom
                ? gates.parallelStream() : gates.stream()).map(gate -> evaluate(gate, in)).toList();
        return new GateReport(run.id(), baseline == null ? null : baseline.id(), verdicts);
    }

    /**
     * A run of several routes: each gate once per route, over that route's cases ({@link GateRoutes#id}: "schema@openai").
     * Gated as one, two models' cases were one blend: tokens summed over both against one budget, an accuracy of
     * neither model.
     */
    private List<GateVerdict> byRoute(List<GateSpec> gates, List<String> routes, GateInputs in) {
        List<GateVerdict> verdicts = new java.util.ArrayList<>();
        java.util.Map<String, GateInputs> inputs = new java.util.LinkedHashMap<>();
        for (String route : routes) inputs.put(route, in.onlyRoute(route));
        for (GateSpec gate : gates) {
            for (String route : routes) {
                GateVerdict v = evaluate(gate, inputs.get(route));
                verdicts.add(new GateVerdict(GateRoutes.id(gate.id(), route), v.kind(), v.suite(), v.passed(), v.value(),
                        v.threshold(), v.comparator(), v.baselineValue(), v.intervalLow(), v.intervalHigh(), v.pValue(),
                        v.mode(), "Route " + route + ": " + v.detail(), v.ran(), v.bound()));
            }
        }
        return verdicts;
    }

    /**
     * The suites a gate measures; empty when it measures every case (schema, safety, latency, tokens, cost
     * without a suite), so it applies to any run.
     */
    private static List<String> suitesRead(GateSpec gate, GateInputs in) {
        if (gate.suite() != null) return List.of(gate.suite());
        SuiteKind kind = switch (gate.kind()) {
            case METRIC -> SuiteKind.TASK;
            default -> null;
        };
        return kind == null ? List.of() : in.suitesOfKind(kind).stream().map(SuiteSpec::name).toList();
    }

    /**
     * The suites the run ran, or null for all of them: those {@code --suite} named; and of a slice by case id or
     * tag ({@code run --case t001}), only the suites it chose some cases of. A slice of triage cases did not run
     * the safety probes, and the safety gate must say "not run" rather than fail for want of probes.
     */
    private static List<String> suitesRun(GateInputs in) {
        RunConfig config = in.run().header().config();
        if (config == null) return null;
        if (config.caseIds().isEmpty() && config.tags().isEmpty()) {
            return config.suites().isEmpty() ? null : config.suites();
        }
        Set<String> chosen = in.run().cases().stream().map(c -> c.key().suite()).collect(Collectors.toSet());
        if (config.suites().isEmpty()) return List.copyOf(chosen);
        return config.suites().stream().filter(chosen::contains).toList();
    }

    /**
     * Whether the run is incomplete (cancelled, interrupted) and stopped before any case of {@code suites}: a gate of
     * them measured nothing yet, and read "FAIL" with dashes for its numbers ("safety FAIL —" after a cancel part way
     * through the triage cases) where a slice's gate without its cases reads "not run". Resume runs them.
     */
    private static boolean stoppedBefore(List<String> suites, GateInputs in) {
        if (in.run().header().status() != dev.evalbench.core.record.RunStatus.INCOMPLETE) return false;
        Set<String> stored = in.run().cases().stream().map(c -> c.key().suite()).collect(Collectors.toSet());
        return suites.stream().noneMatch(stored::contains);
    }

    /**
     * Whether a traffic or shadow run (production's requests, nothing expected) is held to {@code gate}: run-wide
     * rates that do not depend on the suite's size or a baseline (schema pass rate, p95 latency). Totals budgets
     * are sized for the eval set, a baseline comparison is the canary's job, and suite metrics need expected values.
     */
    public static boolean appliesToTraffic(GateSpec gate) {
        return gate.suite() == null && (gate.kind() == GateSpec.GateKind.SCHEMA_PASS_RATE
                || gate.kind() == GateSpec.GateKind.P95_LATENCY);
    }

    private static GateVerdict evaluate(GateSpec gate, GateInputs in) {
        if (in.run().header().kind() != dev.evalbench.core.record.RunKind.EVAL && !appliesToTraffic(gate)) {
            return Verdicts.notRunOnTraffic(gate, in.run().header().kind());
        }
        if (gate.tag() != null) {
            GateVerdict v = evaluateUntagged(gate, in.onlyTag(gate.tag()));
            // Left out with its suite, it measured no tagged case: "Not run: this run did not include suite triage."
            if (!v.ran()) return v;
            return new GateVerdict(v.id(), v.kind(), v.suite(), v.passed(), v.value(), v.threshold(), v.comparator(),
                    v.baselineValue(), v.intervalLow(), v.intervalHigh(), v.pValue(), v.mode(),
                    "Cases tagged " + gate.tag() + ": " + v.detail(), v.ran(), v.bound());
        }
        return evaluateUntagged(gate, in);
    }

    private static GateVerdict evaluateUntagged(GateSpec gate, GateInputs in) {
        if (gate.kind() == null) {
            return Verdicts.cannotMeasure(gate, null, null, "The gate has no kind.");
        }
        List<String> read = suitesRead(gate, in);
        List<String> ran = suitesRun(in);
        if (!read.isEmpty() && ran != null && read.stream().noneMatch(ran::contains)) {
            return Verdicts.notRun(gate, read);
        }
        if (!read.isEmpty() && stoppedBefore(read, in)) return Verdicts.notRunYet(gate, read);
        switch (gate.kind()) {
            case SCHEMA_PASS_RATE: return SchemaPassRateGate.evaluate(gate, in);
            case METRIC: return MetricGate.evaluate(gate, in);
            case SAFETY_PASS_RATE: return SafetyPassRateGate.evaluate(gate, in);
            case P95_LATENCY: return LatencyGate.evaluate(gate, in);
            case TOTAL_TOKENS: return TotalTokensGate.evaluate(gate, in);
            case COST_VARIANCE: return CostVarianceGate.evaluate(gate, in);
            default: throw new IllegalStateException("unhandled gate kind " + gate.kind());
        }
    }
}
