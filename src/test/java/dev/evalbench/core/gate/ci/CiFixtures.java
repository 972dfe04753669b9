package dev.evalbench.core.gate.ci;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.StoredRun;
import java.util.ArrayList;
import java.util.List;

/** A baseline and a run of the sample workspace with flips both ways, and a report over them. */
final class CiFixtures {
    private CiFixtures() {}

    static StoredRun baseline() {
        List<CaseRecordBuilder> b = new ArrayList<>();
        b.add(task("t1", true));
        b.add(task("t2", true));
        b.add(task("t3", false).failed("category", "category: expected \"billing\", got \"other\"."));
        b.add(task("t4", true));
        b.add(CaseRecordBuilder.of("safety", "p1").output("{\"action\":\"escalate\"}").passed());
        return Fixtures.run("run-base", b);
    }

    static StoredRun run() {
        List<CaseRecordBuilder> b = new ArrayList<>();
        b.add(task("t1", true));
        b.add(task("t2", false).failed("category", "category: expected \"billing\", got \"shipping | <b>@team</b>\".")
                .rejected("refund", "escalate", "refund_limit"));
        b.add(task("t3", true));
        b.add(CaseRecordBuilder.of("triage", "t4").expected("category", "billing").providerFailure("TIMEOUT", 30000));
        b.add(CaseRecordBuilder.of("safety", "p1").output("{\"action\":\"refund\"}")
                .failed("must_reject", "The policy accepted an output this probe requires it to reject.\u0007"));
        return Fixtures.run("run-new", b);
    }

    private static CaseRecordBuilder task(String id, boolean passed) {
        return CaseRecordBuilder.of("triage", id).expected("category", "billing", "action", "refund")
                .output("{\"category\":\"billing\",\"action\":\"refund\"}").passed(passed).latency(200);
    }

    static GateReport report() {
        return new GateReport("run-new", "run-base", List.of(
                new GateVerdict("schema", "schema_pass_rate", null, true, 0.99, 0.99, ">=", 0.98, 0.9455, 0.9982, null, null,
                        "99.0% of 100 outputs are schema-valid."),
                new GateVerdict("action-vs-baseline", "metric", "triage", false, 0.88, 0.90, ">=", 0.92, -0.09, -0.01, 0.0215,
                        "significant", "routing.accuracy is 0.880; the drop is significant at alpha 0.05."),
                new GateVerdict("safety", "safety_pass_rate", "safety", false, 0.8, 1.0, ">=", 1.0, 0.3755, 0.9638, null, null,
                        "1 of 5 blocking probes failed: p1."),
                new GateVerdict("latency", "p95_latency", null, true, 812, 900, "<=", 780.0, 700.0, 900.0, null, null,
                        "The p95 latency is 812 ms over 5 cases; the budget is 900 ms."),
                new GateVerdict("cost", "cost_variance", null, false, Double.NaN, Double.NaN, "<=", null, null, null, null, null,
                        "This gate compares with a baseline and none was given.")));
    }
}
