package dev.evalbench.core.gate;

import java.util.List;

/** Every gate's verdict for one run; {@code passed} only when all passed. {@code baselineRunId} may be null. */
public record GateReport(String runId, String baselineRunId, List<GateVerdict> verdicts) {
    public boolean passed() {
        return verdicts.stream().allMatch(GateVerdict::passed);
    }
}
