package dev.evalbench.core.canary;

/**
 * What a canary is judged on, each with the direction that is bad, the smallest effect that counts (below it a
 * significant change is still a pass: production samples are large enough to make any wobble significant), and
 * whether it is critical (a bad critical metric rolls back whatever the others say). Floors are in the metric's
 * effect unit: points of a rate (0.01 = 1 point), or a relative change (0.10 = 10%).
 */
public enum CanaryMetric {
    SCHEMA_PASS_RATE("schema pass rate", Bad.LOW, 0.01, true, ""),
    ERROR_RATE("error rate", Bad.HIGH, 0.01, true, ""),
    DECISION_DISTRIBUTION("decision distribution", Bad.EITHER, 0.05, false, ""),
    P95_LATENCY("p95 latency", Bad.HIGH, 0.10, false, "ms"),
    TOKENS("tokens per request", Bad.HIGH, 0.10, false, "tokens"),
    COST("cost per request", Bad.HIGH, 0.10, false, "USD");

    /** Which way a change hurts. */
    public enum Bad { HIGH, LOW, EITHER }

    private final String label;
    private final Bad bad;
    private final double floor;
    private final boolean critical;
    private final String unit;

    CanaryMetric(String label, Bad bad, double floor, boolean critical, String unit) {
        this.label = label;
        this.bad = bad;
        this.floor = floor;
        this.critical = critical;
        this.unit = unit;
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

    /**
     * The unit of a value of a latency, token count or cost ({@code ms}, {@code tokens}, {@code USD}); empty for the
     * rates and the decision distribution, whose figures are percentages.
     */
    public String unit() {
        return unit;
    }

    /** A value with its unit, as the canary's lines and tables write it: "1,010 ms", "993 tokens", "$0.000172". */
    public String figure(double v) {
        if (unit.equals("USD")) return CanaryJudge.usd(v);
        return CanaryJudge.number(v) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The metric whose {@link #id} is {@code id}, or null. */
    static CanaryMetric ofId(String id) {
        for (CanaryMetric m : values()) {
            if (m.id().equals(id)) return m;
        }
        return null;
    }

    /** The name used in JSON and on the command line: {@code schema_pass_rate}, {@code p95_latency}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
