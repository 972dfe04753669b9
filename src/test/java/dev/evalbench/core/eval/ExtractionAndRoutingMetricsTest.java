package dev.evalbench.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.record.CaseRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionAndRoutingMetricsTest {

    /**
     * order_id right in e1 and e2 (absent = null), wrong in e3 (case differs); amount right in e1 and e3
     * (5 = 5.0), wrong in e2; e4 is invalid, so all its fields are wrong. order_id 2/4, amount 2/4, exact 1/4.
     */
    static List<CaseRecord> fourCases() {
        return List.of(
                CaseRecordBuilder.of("triage", "e1").expected("order_id", "ORD-1", "amount", 10)
                        .output("{\"order_id\":\"ORD-1\",\"amount\":10}").build("r"),
                CaseRecordBuilder.of("triage", "e2").expected("order_id", null, "amount", 3)
                        .output("{\"amount\":4}").build("r"),
                CaseRecordBuilder.of("triage", "e3").expected("order_id", "ORD-3", "amount", 5)
                        .output("{\"order_id\":\"ord-3\",\"amount\":5.0}").build("r"),
                CaseRecordBuilder.of("triage", "e4").expected("order_id", "ORD-4", "amount", 7)
                        .invalidOutput("{\"order_id\":\"ORD-4\",\"amount\":7, oops}").build("r"));
    }

    @Test
    void fieldAccuracyAndExactMatchMatchTheHandComputedValues() {
        ExtractionMetrics m = ExtractionMetrics.of(fourCases(), List.of("order_id", "amount"));

        assertThat(m.accuracy("order_id")).isEqualTo(0.5);
        assertThat(m.accuracy("amount")).isEqualTo(0.5);
        assertThat(m.exactMatch()).isEqualTo(0.25);
        assertThat(m.correctByField()).containsEntry("order_id", 2).containsEntry("amount", 2);
    }

    @Test
    void routingCountsTheDecidedActionAndNeverAProviderFailure() {
        List<CaseRecord> records = List.of(
                CaseRecordBuilder.of("triage", "r1").expected("action", "refund").output("{\"action\":\"refund\"}").build("r"),
                CaseRecordBuilder.of("triage", "r2").expected("action", "refund").output("{\"action\":\"refund\"}")
                        .rejected("refund", "escalate", "refund_limit").build("r"),
                CaseRecordBuilder.of("triage", "r3").expected("action", "escalate").output("{\"action\":\"refund\"}")
                        .rejected("refund", "escalate", "refund_limit").build("r"),
                CaseRecordBuilder.of("triage", "r4").expected("action", "escalate").providerFailure("TIMEOUT", 100).build("r"));

        RoutingMetrics m = RoutingMetrics.of(records, "action");

        assertThat(m.total()).isEqualTo(4);
        assertThat(m.correct()).isEqualTo(2);
        assertThat(m.accuracy()).isEqualTo(0.5);
    }
}
