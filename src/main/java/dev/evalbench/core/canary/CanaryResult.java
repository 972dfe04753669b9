package dev.evalbench.core.canary;

import java.util.List;

/**
 * A canary judged: the two traffic runs, their request counts, each metric, the score (share of metrics with data
 * that passed) and the verdict with its reason in words (naming the metrics that decided it). Immutable.
 */
public record CanaryResult(
        String controlRunId,
        String canaryRunId,
        int controlRequests,
        int canaryRequests,
        CanaryOptions options,
        List<MetricJudgement> metrics,
        double score,
        CanaryVerdict verdict,
        String reason) {

    public CanaryResult {
        metrics = List.copyOf(metrics);
    }

    /** The metrics whose change hurts, in metric order. */
    public List<MetricJudgement> badMetrics() {
        return metrics.stream().filter(MetricJudgement::bad).toList();
    }
}
