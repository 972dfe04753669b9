package dev.evalbench.core.report.model;

import dev.evalbench.core.gate.stats.Interval;
import dev.evalbench.core.gate.stats.Percentiles;
import dev.evalbench.core.gate.stats.Wilson;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One run's numbers for a report, counted the way the gates count them: a provider failure is a failed case
 * and not a schema-valid output, and keeps its latency unless it has none ({@code latency_ms <= 0}). Rates
 * carry 95% Wilson intervals. {@code latencies} are the latencies counted, in case order, for the histogram.
 * {@code reasoningTokens} are part of {@code tokensOut}; {@code estimatedTokenCases} counts the cases whose
 * tokens (and so cost) are estimates because the provider reported no usage.
 * Immutable.
 */
public record RunSummary(
        Rate passed,
        List<Rate> suites,
        Rate schemaValid,
        int providerFailures,
        double p95LatencyMs,
        double meanLatencyMs,
        long tokensIn,
        long tokensOut,
        double costUsd,
        List<Long> latencies,
        long reasoningTokens,
        int estimatedTokenCases) {

    /** {@code successes} of {@code trials} with its 95% Wilson interval; {@code label} is a suite or a name. */
    public record Rate(String label, int successes, int trials, double low, double high) {
        public double value() {
            return trials == 0 ? Double.NaN : (double) successes / trials;
        }

        static Rate of(String label, List<Counted> records, Predicate<Counted> success) {
            int k = (int) records.stream().filter(success).count();
            Interval ci = Wilson.interval95(k, records.size());
            return new Rate(label, k, records.size(), ci.low(), ci.high());
        }
    }

    public RunSummary {
        suites = List.copyOf(suites);
        latencies = List.copyOf(latencies);
    }

    /**
     * What a summary counts of one case: a few numbers, so a report of a run streamed case by case keeps these
     * and not the records. {@code providerFailure} is a non-null failure kind.
     */
    public record Counted(String suite, boolean passed, boolean providerFailure, boolean schemaValid, long latencyMs,
                          int tokensIn, int tokensOut, double costUsd, int reasoningTokens, boolean tokensEstimated) {
        public static Counted of(CaseRecord r) {
            return new Counted(r.key().suite(), r.passed(), r.failureKind() != null, r.schemaValid(), r.latencyMs(),
                    r.tokensIn(), r.tokensOut(), r.costUsd(), r.reasoningTokens(), r.tokensEstimated());
        }
    }

    public static RunSummary of(StoredRun run) {
        return of(run.cases().stream().map(Counted::of).toList());
    }

    /** The summary of cases counted in stored order (the order sums and the histogram follow). */
    public static RunSummary of(List<Counted> cases) {
        Map<String, List<Counted>> bySuite = new LinkedHashMap<>();
        cases.forEach(r -> bySuite.computeIfAbsent(r.suite(), k -> new ArrayList<>()).add(r));
        List<Rate> suites = new ArrayList<>();
        bySuite.forEach((suite, records) -> suites.add(Rate.of(suite, records, Counted::passed)));
        List<Long> latencies = cases.stream().filter(r -> !r.providerFailure() || r.latencyMs() > 0)
                .map(Counted::latencyMs).toList();
        double[] values = latencies.stream().mapToDouble(Long::doubleValue).toArray();
        return new RunSummary(
                Rate.of("all cases", cases, Counted::passed),
                suites,
                Rate.of("schema-valid outputs", cases, r -> !r.providerFailure() && r.schemaValid()),
                (int) cases.stream().filter(Counted::providerFailure).count(),
                values.length == 0 ? Double.NaN : Percentiles.p95(values),
                values.length == 0 ? Double.NaN : java.util.Arrays.stream(values).average().orElse(Double.NaN),
                cases.stream().mapToLong(Counted::tokensIn).sum(),
                cases.stream().mapToLong(Counted::tokensOut).sum(),
                cases.stream().mapToDouble(Counted::costUsd).sum(),
                latencies,
                cases.stream().mapToLong(Counted::reasoningTokens).sum(),
                (int) cases.stream().filter(Counted::tokensEstimated).count());
    }

    /** "" when every count was reported; otherwise a note that says how many cases' tokens are estimates. */
    public String tokenEstimateNote() {
        return estimatedTokenCases == 0 ? "" : estimatedTokenCases + " of " + passed.trials()
                + " cases estimated (no usage reported; " + CaseRecord.TOKEN_ESTIMATE_METHOD + ")";
    }

    /** The rate of a suite, or null when the run has no case of it. */
    public Rate suite(String name) {
        return suites.stream().filter(s -> s.label().equals(name)).findFirst().orElse(null);
    }
}
