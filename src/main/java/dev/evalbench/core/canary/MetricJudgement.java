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

    /** The metric's line mark, as the terminal and the window print it: "FAIL" (it hurts), "--" (no data) or "ok". */
    public String mark() {
        return bad ? "FAIL" : status == MetricStatus.NO_DATA ? "--" : "ok";
    }

    /** The status in words: "pass", "high", "low", "no data". */
    public String statusWords() {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static MetricJudgement noData(CanaryMetric metric, int controlSamples, int canarySamples, String why) {
        return new MetricJudgement(metric, MetricStatus.NO_DATA, false, null, null, null, null, null, null, null,
                metric.floor(), controlSamples, canarySamples, why);
    }
}
