package dev.evalbench.app.gates;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored run held to its gates, with what the gates panel needs beside the verdicts: the cases behind each
 * gate (by key), the baseline's tag when one was used, and the workspace the gates came from. Immutable. It
 * keeps the run's header, not its records, so an open 10,000-case run does not hold every text in memory.
 *
 * @param baselineTag     the tag that named the baseline ("main"), or null when there was none
 * @param gatesFrom       where the gates came from, in words ("the stored snapshot of run ...")
 * @param whyRecorded     for a report's recorded gates shown while a workspace is open, why they are not gated here
 *                        ("the open workspace's gates judge it otherwise (gate schema: pass there, FAIL in the
 *                        report)"), else null
 */
public record GatedRun(RunHeader header, GateReport report, String baselineTag, Workspace workspace, String gatesFrom,
                       Map<String, GateCases.Behind> casesBehind, String whyRecorded) {

    /** Gates {@code run} already read and gated: finds the cases behind each verdict. */
    public static GatedRun of(RunCases run, GateReport report, String baselineTag, Workspace ws, String gatesFrom) {
        Map<String, GateCases.Behind> behind = new LinkedHashMap<>();
        // A verdict of one route ("schema@openai") has that route's cases behind it: the run's cases split once.
        Map<String, List<ScoredCase>> byRoute = new java.util.HashMap<>();
        for (GateVerdict v : report.verdicts()) {
            String gate = dev.evalbench.core.gate.GateRoutes.gateOf(v.id());
            String route = dev.evalbench.core.gate.GateRoutes.routeOf(v.id());
            GateSpec spec = ws.gates().stream().filter(g -> g.id().equals(gate)).findFirst().orElse(null);
            List<? extends ScoredCase> cases = route == null ? run.cases() : byRoute.computeIfAbsent(route,
                    r -> run.cases().stream().filter(c -> c.key().route().equals(r)).map(c -> (ScoredCase) c).toList());
            behind.put(v.id(), GateCases.behind(spec, ws, cases));
        }
        return new GatedRun(run.header(), report, baselineTag, ws, gatesFrom, Map.copyOf(behind), null);
    }

    /** Where the gates of {@link #asRecorded} come from, in words. */
    public static final String FROM_REPORT = "the report.json it was opened from, as written when the report was made";

    /**
     * The gates a report recorded, for a run that cannot be gated again here: no workspace, so no cases behind
     * its gates (the gates panel then filters nothing when one is clicked) and no baseline tag.
     */
    public static GatedRun asRecorded(RunCases run, GateReport recorded) {
        return new GatedRun(run.header(), recorded, null, null, FROM_REPORT, Map.of(), null);
    }

    /**
     * The gates a report recorded, for a run that the open workspace does not gate here, {@code why} in words: its
     * gates judge the run otherwise (edited since the report was signed: the reviewer reads the verdict that was
     * signed), or the baseline the report was gated against is not at hand.
     */
    public static GatedRun asRecorded(RunCases run, GateReport recorded, String why) {
        return new GatedRun(run.header(), recorded, null, null, FROM_REPORT, Map.of(), why);
    }

    /** Whether the gates are the ones a report recorded ({@link #asRecorded}), not computed here. */
    public boolean recorded() {
        return FROM_REPORT.equals(gatesFrom);
    }

    /** The baseline "tag" of a report's run gated again against the baseline the report brought. */
    public static final String REPORTS_BASELINE = "the report's baseline";

    public long failedGates() {
        return report.verdicts().stream().filter(v -> !v.passed()).count();
    }

    /** The history's gate column: "pass" when every gate passed, else "FAIL n" (n gates failed). */
    public String summary() {
        return summary(report.verdicts());
    }

    public static String summary(List<GateVerdict> verdicts) {
        long failed = verdicts.stream().filter(v -> !v.passed()).count();
        return failed == 0 ? "pass" : "FAIL " + failed;
    }

    /** The verdict in words, naming the failed gates: "2 of 9 gates failed: schema, cost"; "all 9 gates pass". */
    public String inWords() {
        List<String> failed = report.verdicts().stream().filter(v -> !v.passed()).map(GateVerdict::id).toList();
        int total = report.verdicts().size();
        return failed.isEmpty() ? Counted.allGatesPass(total, report.notRun())
                : Counted.gatesFailed(failed.size(), total, report.notRun()) + ": " + String.join(", ", failed);
    }
}
