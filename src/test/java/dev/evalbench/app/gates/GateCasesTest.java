package dev.evalbench.app.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.workspace.GateSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases behind a policy-rate gate are the cases the rate counts: the leaks for policy.leak_rate, the rejections
 * for policy.rejection_rate. They were the cases with a wrong field, so the sample's no-leaks gate (0.000, pass)
 * listed its two schema-invalid outputs, which leaked nothing.
 */
class GateCasesTest {
    /** 10 triage cases, by hand: t6 invalid, t7 rejected for its refund, t8 and t9 rejected for leaking. */
    private static final List<CaseRecord> TRIAGE = Fixtures.policyTriage().stream().map(b -> b.build("r")).toList();
    private static final Workspace WS = new Workspace("w", "", null, "offline", List.of(), "", List.of(Fixtures.triage(),
            Fixtures.safety()), Map.of(), Map.of(), null, List.of(), Map.of());

    private static GateSpec ceiling(String metric) {
        return new GateSpec("g", GateSpec.GateKind.METRIC, "triage", metric, null, 0.0, null, null, null, "strict", null);
    }

    private static List<String> ids(GateCases.Behind behind) {
        return behind.keys().stream().map(CaseKey::caseId).sorted().toList();
    }

    @Test
    void aLeakRateGateListsTheCasesThatLeaked() {
        GateCases.Behind leaks = GateCases.behind(ceiling("policy.leak_rate"), WS, TRIAGE);

        assertThat(ids(leaks)).containsExactly("t8", "t9");
        assertThat(leaks.which()).isEqualTo("the cases that leaked restricted content");
    }

    @Test
    void aRejectionRateGateListsTheRejectedOutputs() {
        GateCases.Behind rejected = GateCases.behind(ceiling("policy.rejection_rate"), WS, TRIAGE);

        // t6's invalid output was rejected too: nothing valid to accept (PolicyRateGatesTest counts 4 of 10).
        assertThat(ids(rejected)).containsExactly("t6", "t7", "t8", "t9");
        assertThat(rejected.which()).isEqualTo("the outputs the policy rejected");
    }

    /** A judge's mean score counts every case; the cases behind its gate are those the judge did not pass. */
    @Test
    void aJudgesMeanScoreGateListsTheCasesTheJudgeDidNotPass() {
        List<CaseRecord> judged = new ArrayList<>();
        for (int i = 0; i < TRIAGE.size(); i++) {
            String outcome = i % 3 == 0 ? dev.evalbench.core.record.JudgeVerdict.FAIL : dev.evalbench.core.record.JudgeVerdict.PASS;
            judged.add(TRIAGE.get(i).withJudgements(List.of(new dev.evalbench.core.record.JudgeVerdict("tone", outcome,
                    i % 3 == 0 ? 2 : 5, "why", null, null, null, false))));
        }
        GateSpec gate = new GateSpec("g", GateSpec.GateKind.METRIC, "triage", "judge.tone.mean_score", 4.0, null, null, null, null, "strict", null);

        GateCases.Behind behind = GateCases.behind(gate, WS, judged);

        assertThat(ids(behind)).containsExactly("t0", "t3", "t6", "t9");
        assertThat(behind.which()).isEqualTo("the cases judge tone did not pass");
    }

    /** A tagged gate judges the cases with its tag only, and lists only those. */
    @Test
    void aTaggedGateListsOnlyTheCasesWithItsTag() {
        List<CaseRecord> tagged = new ArrayList<>();
        for (int i = 0; i < TRIAGE.size(); i++) {
            CaseRecordBuilder b = Fixtures.policyTriage().get(i);
            tagged.add((i % 2 == 0 ? b.tags("shipping") : b.tags("billing")).build("r"));
        }
        GateSpec shippingLeaks = new GateSpec("g", GateSpec.GateKind.METRIC, "triage", "policy.leak_rate", null, 0.0, null,
                null, null, "strict", null, "shipping");

        GateCases.Behind behind = GateCases.behind(shippingLeaks, WS, tagged);

        assertThat(ids(behind)).as("t8 leaked and is tagged shipping; t9 leaked and is not").containsExactly("t8");
        assertThat(behind.which()).isEqualTo("the cases that leaked restricted content among the cases tagged shipping");
    }
}
