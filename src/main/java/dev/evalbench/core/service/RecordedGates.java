package dev.evalbench.core.service;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import java.util.Optional;

/**
 * The gates a report recorded for both runs of its comparison: its baseline's ({@code before}, held alone) and its
 * run's ({@code after}, held against that baseline). Shown as recorded where nothing is at hand to gate the runs
 * again (a reviewer with CI's report folder and no workspace). Immutable.
 */
public record RecordedGates(GateReport before, GateReport after) {
    /**
     * Both recorded reports as a pair, when {@code after} was recorded against the run {@code before} is of;
     * empty when either is missing or they belong to different comparisons.
     */
    public static Optional<RecordedGates> of(GateReport before, GateReport after) {
        if (before == null || after == null || before.runId() == null || !before.runId().equals(after.baselineRunId())) {
            return Optional.empty();
        }
        return Optional.of(new RecordedGates(before, after));
    }

    /**
     * How gates computed again ({@code before}, {@code after}) judge otherwise than these recorded ones, in words
     * ("gate schema: pass there, FAIL in the report"), or empty when every gate has the same id, verdict, value
     * and threshold in both. A gate only one side has is a difference too.
     */
    public Optional<String> differenceFrom(GateReport before, GateReport after) {
        Optional<String> first = differenceOf(before, this.before);
        return first.isPresent() ? first : differenceOf(after, this.after);
    }

    /** As {@link #differenceFrom}, for one run's gates: {@code computed} again, {@code recorded} as a report has them. */
    public static Optional<String> differenceOf(GateReport computed, GateReport recorded) {
        if (computed == null) return Optional.of("no gates there");
        java.util.Map<String, GateVerdict> byId = new java.util.LinkedHashMap<>();
        for (GateVerdict v : recorded.verdicts()) byId.put(v.id(), v);
        for (GateVerdict v : computed.verdicts()) {
            GateVerdict r = byId.remove(v.id());
            if (r == null) return Optional.of("gate " + v.id() + " is not in the report");
            if (v.passed() != r.passed() || v.ran() != r.ran()) {
                return Optional.of("gate " + v.id() + ": " + word(v) + " there, " + word(r) + " in the report");
            }
            if (!same(v.value(), r.value()) || !same(v.threshold(), r.threshold())
                    || !java.util.Objects.equals(v.comparator(), r.comparator())) {
                return Optional.of("gate " + v.id() + ": another value or threshold there than in the report");
            }
        }
        return byId.isEmpty() ? Optional.empty()
                : Optional.of("gate " + byId.keySet().iterator().next() + " is only in the report");
    }

    private static String word(GateVerdict v) {
        return !v.ran() ? "not run" : v.passed() ? "pass" : "FAIL";
    }

    /** Equal as stored numbers: the report's went through JSON, which keeps a double's shortest exact form. */
    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0 || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }
}
