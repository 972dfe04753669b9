package dev.evalbench.core.workspace;

/**
 * One gate from gates.yaml. Which fields are set depends on {@code kind}; see docs/workspace-format.md.
 * {@code suite} null means every suite. {@code mode} is "strict" (default) or "significant". {@code tag}, when
 * set, restricts the gate to the cases carrying that dataset tag, in the run and in the baseline alike.
 */
public record GateSpec(
        String id,
        GateKind kind,
        String suite,
        String metric,
        Double min,
        Double max,
        Double maxMs,
        Double baselineTolerance,
        Double maxIncrease,
        String mode,
        Double alpha,
        String tag) {

    /** A gate over whole suites (no tag). */
    public GateSpec(String id, GateKind kind, String suite, String metric, Double min, Double max, Double maxMs,
                    Double baselineTolerance, Double maxIncrease, String mode, Double alpha) {
        this(id, kind, suite, metric, min, max, maxMs, baselineTolerance, maxIncrease, mode, alpha, null);
    }

    public enum GateKind { SCHEMA_PASS_RATE, METRIC, SAFETY_PASS_RATE, P95_LATENCY, TOTAL_TOKENS, COST_VARIANCE }
}
