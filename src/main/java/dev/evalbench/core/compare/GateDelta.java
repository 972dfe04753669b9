package dev.evalbench.core.compare;

import dev.evalbench.core.gate.GateVerdict;

/**
 * One gate for both runs: {@code before} is the first run gated on its own, {@code after} the second run gated
 * against the first as its baseline (so its p-value is the paired test against it). Either is null when the
 * gate was evaluated for one run only.
 */
public record GateDelta(String id, GateVerdict before, GateVerdict after) {
    public boolean verdictChanged() {
        return before != null && after != null && before.passed() != after.passed();
    }
}
