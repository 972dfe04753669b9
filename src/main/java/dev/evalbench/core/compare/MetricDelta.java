package dev.evalbench.core.compare;

/**
 * One metric of two runs side by side, with the paired test of the change over the cases both runs have.
 *
 * <p>{@code id} is stable for scripts ("pass_rate", "pass_rate.triage", "schema_valid_rate", "p95_latency_ms",
 * "tokens_per_case", "cost_per_case_usd"); {@code label} is for people. {@code unit} is "rate", "ms",
 * "tokens" or "usd". Values are NaN when a run has no case to measure. The {@code ...Low/High} intervals are
 * 95%: Wilson intervals of each run's rate (null for non-rates) and the paired-bootstrap interval of
 * {@code delta}. {@code pValue} is the two-sided p-value of "no change" by {@code test} ("mcnemar-exact" for
 * rates, "paired-bootstrap" otherwise); null, like the delta interval, when no case is in both runs.
 */
public record MetricDelta(
        String id,
        String label,
        String unit,
        double before,
        double after,
        Double beforeLow,
        Double beforeHigh,
        Double afterLow,
        Double afterHigh,
        Double deltaLow,
        Double deltaHigh,
        Double pValue,
        String test,
        int pairs) {

    public double delta() {
        return after - before;
    }

    /** Significant at the 5% level by its paired test. */
    public boolean significant() {
        return pValue != null && pValue < 0.05;
    }
}
