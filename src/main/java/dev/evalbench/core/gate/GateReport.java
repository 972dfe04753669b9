package dev.evalbench.core.gate;

import java.util.List;

/** Every gate's verdict for one run; {@code passed} only when all passed. {@code baselineRunId} may be null. */
public record GateReport(String runId, String baselineRunId, List<GateVerdict> verdicts) {
    public boolean passed() {
        return verdicts.stream().allMatch(GateVerdict::passed);
    }

    /** How many gates measured nothing, their suites left out of the run ({@code run --suite}, a slice). */
    public long notRun() {
        return verdicts.stream().filter(v -> !v.ran()).count();
    }
}
