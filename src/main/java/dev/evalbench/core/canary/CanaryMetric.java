package dev.evalbench.core.canary;

/**
 * What a canary is judged on, each with the direction that is bad, the smallest effect that counts (below it a
 * significant change is still a pass: production samples are large enough to make any wobble significant), and
 * whether it is critical (a bad critical metric rolls back whatever the others say). Floors are in the metric's
 * effect unit: points of a rate (0.01 = 1 point), or a relative change (0.10 = 10%).
 */
public enum CanaryMetric {
    SCHEMA_PASS_RATE("schema pass rate", Bad.LOW, 0.01, true),
    ERROR_RATE("error rate", Bad.HIGH, 0.01, true),
    DECISION_DISTRIBUTION("decision distribution", Bad.EITHER, 0.05, false),
    P95_LATENCY("p95 latency", Bad.HIGH, 0.10, false),
    TOKENS("tokens per request", Bad.HIGH, 0.10, false),
    COST("cost per request", Bad.HIGH, 0.10, false);

    /** Which way a change hurts. */
    public enum Bad { HIGH, LOW, EITHER }

    private final String label;
    private final Bad bad;
    private final double floor;
    private final boolean critical;

    CanaryMetric(String label, Bad bad, double floor, boolean critical) {
        this.label = label;
        this.bad = bad;
        this.floor = floor;
        this.critical = critical;
    }

    public String label() {
        return label;
    }

    public Bad bad() {
        return bad;
    }

    public double floor() {
        return floor;
    }

    public boolean critical() {
        return critical;
    }

    /** The name used in JSON and on the command line: {@code schema_pass_rate}, {@code p95_latency}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
