package dev.evalbench.core.compare;

import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.VerdictCells;

/**
 * One gate for both runs: {@code before} is the first run gated on its own, {@code after} the second run gated
 * against the first as its baseline (so its p-value is the paired test against it). Either is null when the
 * gate was evaluated for one run only. A baseline-relative gate cannot judge the first run, which has no
 * baseline of its own: {@link #beforeApplicable()} is false then, and its verdict is not a "before" to compare.
 * {@code beforeUnanswered} and {@code afterUnanswered} say that side's verdict measured an outage (its run, or its
 * route, got no answer: {@link dev.evalbench.core.gate.ci.UnansweredGates}): tables for people read it "no answer",
 * as the run's own gate table does, not "FAIL —"; the JSON keeps the verdict as computed, beside the runs' status.
 */
public record GateDelta(String id, GateVerdict before, GateVerdict after, boolean beforeUnanswered,
                        boolean afterUnanswered) {
    /** A gate both of whose runs got answers. */
    public GateDelta(String id, GateVerdict before, GateVerdict after) {
        this(id, before, after, false, false);
    }

    /** False when there is no before verdict or it failed only for want of a baseline. */
    public boolean beforeApplicable() {
        return before != null && !before.needsBaseline();
    }

    /**
     * Whether the first run's verdict failed only for want of a baseline ("n/a (needs a baseline)"); false too for a
     * gate the first run has no verdict of (a route only the second ran), which reads "-" as the second's does.
     */
    public boolean beforeNeedsBaseline() {
        return before != null && before.needsBaseline() && !beforeUnanswered;
    }

    /** As {@link GateVerdict#passed} computed them; the JSON's {@code verdict_changed}. */
    public boolean verdictChanged() {
        return beforeApplicable() && after != null && before.passed() != after.passed();
    }

    /** {@link #verdictChanged}, of two verdicts that measured the model: a route that got no answer changed nothing. */
    public boolean measuredChange() {
        return verdictChanged() && !beforeUnanswered && !afterUnanswered;
    }

    /** The first run's cells for people, or null when it has no verdict of this gate. */
    public VerdictCells beforeCells() {
        return before == null ? null : new VerdictCells(before, beforeUnanswered);
    }

    /** The second run's cells for people, or null when it has no verdict of this gate. */
    public VerdictCells afterCells() {
        return after == null ? null : new VerdictCells(after, afterUnanswered);
    }
}
