package dev.evalbench.core.compare;

import dev.evalbench.core.gate.GateVerdict;

/**
 * One gate for both runs: {@code before} is the first run gated on its own, {@code after} the second run gated
 * against the first as its baseline (so its p-value is the paired test against it). Either is null when the
 * gate was evaluated for one run only. A baseline-relative gate cannot judge the first run, which has no
 * baseline of its own: {@link #beforeApplicable()} is false then, and its verdict is not a "before" to compare.
 */
public record GateDelta(String id, GateVerdict before, GateVerdict after) {
    /** False when there is no before verdict or it failed only for want of a baseline. */
    public boolean beforeApplicable() {
        return before != null && !before.needsBaseline();
    }

    /**
     * Whether the first run's verdict failed only for want of a baseline ("n/a (needs a baseline)"); false too for a
     * gate the first run has no verdict of (a route only the second ran), which reads "-" as the second's does.
     */
    public boolean beforeNeedsBaseline() {
        return before != null && before.needsBaseline();
    }

    public boolean verdictChanged() {
        return beforeApplicable() && after != null && before.passed() != after.passed();
    }
}
