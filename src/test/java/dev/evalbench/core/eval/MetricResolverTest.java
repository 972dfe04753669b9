package dev.evalbench.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.record.CaseRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricResolverTest {
    private final MetricResolver resolver = new MetricResolver(Fixtures.triage());

    /** category A,A,A,B,B,C predicted A,A,B,B,invalid,A; order_id right in c1..c3; action decided right in c1, c2. */
    private static List<CaseRecord> records() {
        String[][] rows = {{"c1", "A", "A"}, {"c2", "A", "A"}, {"c3", "A", "B"}, {"c4", "B", "B"}, {"c6", "C", "A"}};
        List<CaseRecord> list = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            String order = i < 3 ? "\"ORD-1\"" : "\"ORD-2\"";
            String action = i < 2 ? "reply" : "close";
            list.add(CaseRecordBuilder.of("triage", rows[i][0])
                    .expected("category", rows[i][1], "priority", "low", "order_id", "ORD-1", "action", "reply")
                    .output("{\"category\":\"" + rows[i][2] + "\",\"priority\":\"low\",\"order_id\":" + order
                            + ",\"action\":\"" + action + "\"}").build("r"));
        }
        list.add(4, CaseRecordBuilder.of("triage", "c5").expected("category", "B", "priority", "low", "order_id", "ORD-1",
                "action", "reply").invalidOutput("nope").build("r"));
        return list;
    }

    @Test
    void everyMetricNameResolvesToItsValue() throws Exception {
        List<CaseRecord> r = records();

        assertThat(resolver.value("classification.category.accuracy", r)).isEqualTo(0.5);
        assertThat(resolver.value("classification.category.macro_f1", r)).isCloseTo((2.0 / 3 + 0.5) / 3, within(1e-12));
        assertThat(resolver.value("classification.category.precision.A", r)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(resolver.value("classification.category.recall.B", r)).isEqualTo(0.5);
        assertThat(resolver.value("classification.category.f1.C", r)).isZero();
        assertThat(resolver.value("classification.priority.accuracy", r)).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(resolver.value("extraction.order_id.accuracy", r)).isEqualTo(0.5);
        assertThat(resolver.value("extraction.exact_match", r)).isEqualTo(0.5);
        assertThat(resolver.value("routing.accuracy", r)).isCloseTo(2.0 / 6, within(1e-12));
    }

    @Test
    void accuracyMetricsGiveTheirPerCaseCorrectnessVector() {
        assertThat(resolver.correctnessVector("classification.category.accuracy", records())).hasValueSatisfying(
                v -> assertThat(v).containsExactly(1, 1, 0, 1, 0, 0));
        assertThat(resolver.correctnessVector("routing.accuracy", records())).hasValueSatisfying(
                v -> assertThat(v).containsExactly(1, 1, 0, 0, 0, 0));
        assertThat(resolver.correctnessVector("extraction.exact_match", records())).hasValueSatisfying(
                v -> assertThat(v).containsExactly(1, 1, 1, 0, 0, 0));
        assertThat(resolver.correctness("classification.category.macro_f1")).isEmpty();
    }

    @Test
    void aMetricWithoutAValueSaysWhy() {
        assertThatThrownBy(() -> resolver.value("classification.category.precision.Z", records()))
                .isInstanceOf(MetricUnavailableException.class).hasMessageContaining("'Z'");
        assertThatThrownBy(() -> resolver.value("classification.order_id.accuracy", records()))
                .isInstanceOf(MetricUnavailableException.class).hasMessageContaining("does not score");
        assertThatThrownBy(() -> resolver.value("routing.accuracy", List.of()))
                .isInstanceOf(MetricUnavailableException.class).hasMessageContaining("no cases");
        CaseRecord noExpectation = CaseRecordBuilder.of("triage", "q").output("{}").build("r");
        assertThatThrownBy(() -> resolver.value("classification.category.accuracy", List.of(noExpectation)))
                .isInstanceOf(MetricUnavailableException.class).hasMessageContaining("Case q");
    }

    @Test
    void namesOutsideTheGrammarAreRejectedWithTheGrammar() {
        assertThatThrownBy(() -> MetricName.parse("classification.category.f2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routing.accuracy");
        assertThat(MetricName.parse("classification.category.precision.a.b").label()).isEqualTo("a.b");
        assertThat(MetricName.parse("extraction.exact_match").isAccuracy()).isTrue();
        assertThat(MetricName.parse("classification.x.f1.y").isAccuracy()).isFalse();
    }
}
