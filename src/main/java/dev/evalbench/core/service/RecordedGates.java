package dev.evalbench.core.service;

import dev.evalbench.core.gate.GateReport;
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
}
