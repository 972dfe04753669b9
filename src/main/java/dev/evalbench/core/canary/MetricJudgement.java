package dev.evalbench.core.canary;

/**
 * One metric of a canary judged: the control's and the canary's values, the effect (canary minus control in
 * points for rates, relative change for latency, tokens and cost, total variation distance for the decision
 * distribution) with its 95% interval, the test and its two-sided p-value, and the status. {@code bad} is true
 * when the status moves the way that hurts ({@link CanaryMetric#bad()}). {@code detail} says it in words.
 * Values are null when there is no data.
 */
public record MetricJudgement(
        CanaryMetric metric,
        MetricStatus status,
        boolean bad,
        Double control,
        Double canary,
        Double effect,
        Double intervalLow,
        Double intervalHigh,
        String test,
        Double pValue,
        double floor,
        int controlSamples,
        int canarySamples,
        String detail) {

    static MetricJudgement noData(CanaryMetric metric, int controlSamples, int canarySamples, String why) {
        return new MetricJudgement(metric, MetricStatus.NO_DATA, false, null, null, null, null, null, null, null,
                metric.floor(), controlSamples, canarySamples, why);
    }
}
