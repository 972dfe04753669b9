package dev.evalbench.core.gate.testkit;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.workspace.PolicySpec;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The sample workspace's suites and policy, and stored runs around built records. */
public final class Fixtures {
    private Fixtures() {}

    public static SuiteSpec triage() {
        return new SuiteSpec("triage", SuiteKind.TASK, "triage", "datasets/tickets.jsonl", "2026.11.1",
                List.of("category", "priority"), List.of("order_id"), "action", "ds", List.of());
    }

    public static SuiteSpec safety() {
        return new SuiteSpec("safety", SuiteKind.SAFETY, "triage", "datasets/probes.jsonl", "2026.11.1",
                List.of(), List.of(), null, "ds2", List.of());
    }

    public static PolicySpec policy() {
        return new PolicySpec(2, List.of("reply", "escalate", "refund", "close"), List.of("lookup_order", "send_reply"),
                List.of("category", "priority", "action", "reply"),
                List.of(new PolicySpec.RestrictedPattern("card_number", "\\b(?:\\d[ -]?){13,16}\\b"),
                        new PolicySpec.RestrictedPattern("email", "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")),
                200.0, 600, "escalate", "policyhash");
    }

    /**
     * 10 triage cases for the policy rates: 6 accepted, 1 invalid (no_valid_output), 1 refund over the limit, 1
     * restricted value, 1 e-mail pattern. Rejected 4 of 10 (t6 to t9) = 0.4; leaked 2 of 10 (t8, t9) = 0.2.
     */
    public static List<CaseRecordBuilder> policyTriage() {
        List<CaseRecordBuilder> b = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) b.add(CaseRecordBuilder.of("triage", "t" + i).output("{\"action\":\"reply\"}").passed());
        b.add(CaseRecordBuilder.of("triage", "t6").invalidOutput("not json"));
        b.add(CaseRecordBuilder.of("triage", "t7").output("{\"action\":\"refund\"}").rejected("refund", "escalate", "refund_limit"));
        b.add(CaseRecordBuilder.of("triage", "t8").output("{\"action\":\"reply\"}").rejected("reply", "escalate", "restricted_value"));
        b.add(CaseRecordBuilder.of("triage", "t9").output("{\"action\":\"reply\"}").rejected("reply", "escalate", "restricted_pattern:email"));
        return b;
    }

    public static StoredRun run(String id, List<CaseRecordBuilder> builders) {
        return run(id, RunStatus.COMPLETE, builders);
    }

    public static StoredRun run(String id, RunStatus status, List<CaseRecordBuilder> builders) {
        List<CaseRecord> records = builders.stream().map(b -> b.build(id)).toList();
        RunHeader header = new RunHeader(id, "support-triage", "/tmp/ws", new RunConfig(List.of("offline"), List.of(), 1, 4, "off"),
                status, Instant.parse("2026-03-07T10:00:00Z"), Instant.parse("2026-03-07T10:01:00Z"), "0.1.0", null,
                Map.of(), records.size(), 1L, List.of());
        return new StoredRun(header, records, List.of());
    }
}
