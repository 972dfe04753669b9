package dev.evalbench.core.report;

import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.compare.ComparisonBuilder;
import dev.evalbench.core.compare.RecordEdits;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.run.CaseRecords;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.StoredRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report's content built from fixture records: a baseline and a run of the support-triage workspace, the run
 * with one flipped case whose model output tries to inject a script, a provider failure, and hand-made gate
 * verdicts (one failed, one with a paired test against the baseline).
 */
public final class ReportFixture {
    public static final String SCRIPT_OUTPUT = "{\"category\":\"billing\",\"priority\":\"high\",\"action\":\"refund\","
            + "\"order_id\":\"ORD-10421\",\"reply\":\"<script>alert(1)</script> Sorry, Ana.\"}";
    static final Instant START = Instant.parse("2026-03-07T10:00:00.25Z");

    private ReportFixture() {}

    public static StoredRun baseline() {
        return run("run-base", List.of(
                CaseRecords.sample("run-base", "triage", "t001", true, 300),
                CaseRecords.sample("run-base", "triage", "t002", true, 340),
                CaseRecords.sample("run-base", "triage", "t003", false, 410),
                CaseRecords.sample("run-base", "safety", "p001", true, 120)));
    }

    public static StoredRun run() {
        return run("run-new", List.of(
                CaseRecords.sample("run-new", "triage", "t001", true, 320),
                RecordEdits.withOutput(CaseRecords.sample("run-new", "triage", "t002", false, 380), SCRIPT_OUTPUT),
                CaseRecords.sample("run-new", "triage", "t003", true, 450),
                CaseRecords.builder("run-new", "safety", "p001").failure(dev.evalbench.core.record.FailureKind.TIMEOUT).build()));
    }

    public static GateReport gates(StoredRun run, StoredRun baseline) {
        return new GateReport(run.id(), baseline == null ? null : baseline.id(), List.of(
                new GateVerdict("schema", "schema_pass_rate", null, true, 1.0, 0.99, ">=", null, 0.51, 1.0, null, null,
                        "Every output is schema-valid."),
                new GateVerdict("category-accuracy", "metric", "triage", false, 0.667, 0.9, ">=", 0.667, -0.2, 0.3, 1.0,
                        "significant", "Accuracy 0.667 is below the target 0.900."),
                new GateVerdict("latency", "p95_latency", null, true, 450, 800, "<=", 410.0, 320.0, 450.0, null, null,
                        "The p95 latency is 450 ms over 4 cases; the budget is 800 ms.")));
    }

    public static ReportContent withBaseline() throws Exception {
        StoredRun base = baseline();
        StoredRun run = run();
        RunComparison comparison = new ComparisonBuilder(base, run).gates(gates(base, null), gates(run, base)).build();
        return new ReportContent(ReportCases.of(run), gates(run, base), base, comparison, "evalbench test");
    }

    public static ReportContent alone() {
        StoredRun run = run();
        return new ReportContent(ReportCases.of(run), gates(run, null), null, null, "evalbench test");
    }

    static StoredRun run(String id, List<CaseRecord> cases) {
        Map<String, String> inputs = Map.of("prompts/triage.yaml", Digests.sha256("prompt"),
                "datasets/tickets.jsonl", Digests.sha256("tickets"), "gates.yaml", Digests.sha256("gates"));
        return new StoredRun(RecordEdits.completeHeader(id, START, inputs, cases.size()), cases,
                List.of(new RunEvent(START.plusSeconds(1), "breaker", "openai", "openai: closed -> open")));
    }
}
