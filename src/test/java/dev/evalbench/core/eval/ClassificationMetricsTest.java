package dev.evalbench.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.record.CaseRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Six cases by hand: A→A, A→A, A→B, B→B, B→(invalid output), C→A.
 * accuracy 3/6; A: P 2/3, R 2/3; B: P 1/2, R 1/2; C: P 0 (never predicted), R 0; macro F1 (2/3 + 1/2 + 0)/3.
 */
class ClassificationMetricsTest {
    static List<CaseRecord> sixCases() {
        return List.of(
                rec("c1", "A", "A"), rec("c2", "A", "A"), rec("c3", "A", "B"), rec("c4", "B", "B"),
                CaseRecordBuilder.of("triage", "c5").expected("category", "B").invalidOutput("{\"category\":\"B\"").build("r"),
                rec("c6", "C", "A"));
    }

    static CaseRecord rec(String id, String expected, String predicted) {
        return CaseRecordBuilder.of("triage", id).expected("category", expected)
                .output("{\"category\":\"" + predicted + "\"}").build("r");
    }

    @Test
    void accuracyPrecisionRecallAndF1MatchTheHandComputedValues() {
        ClassificationMetrics m = ClassificationMetrics.of(sixCases(), "category");

        assertThat(m.total()).isEqualTo(6);
        assertThat(m.correct()).isEqualTo(3);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.precision("A")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall("A")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.f1("A")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.precision("B")).isEqualTo(0.5);
        assertThat(m.recall("B")).isEqualTo(0.5);
        assertThat(m.f1("B")).isEqualTo(0.5);
        assertThat(m.precision("C")).isZero();
        assertThat(m.recall("C")).isZero();
        assertThat(m.f1("C")).isZero();
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 0.5 + 0) / 3, within(1e-12));
    }

    @Test
    void theConfusionMatrixCountsAnInvalidOutputAsItsOwnPrediction() {
        ClassificationMetrics m = ClassificationMetrics.of(sixCases(), "category");

        assertThat(m.confusion()).isEqualTo(Map.of(
                "A", Map.of("A", 2, "B", 1),
                "B", Map.of("B", 1, "<invalid>", 1),
                "C", Map.of("A", 1)));
        assertThat(m.labels()).containsExactly("A", "B", "C");
        assertThat(m.knows("<invalid>")).isTrue();
        assertThat(m.knows("D")).isFalse();
    }

    @Test
    void aProviderFailureIsAWrongPredictionLabelledInvalid() {
        CaseRecord failed = CaseRecordBuilder.of("triage", "x").expected("category", "A").providerFailure("TIMEOUT", 30000).build("r");

        ClassificationMetrics m = ClassificationMetrics.of(List.of(failed, rec("y", "A", "A")), "category");

        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.confusion().get("A")).containsEntry("<invalid>", 1);
        assertThat(m.recall("A")).isEqualTo(0.5);
        assertThat(m.precision("A")).isEqualTo(1.0);
    }

    @Test
    void noRecordsHaveNoAccuracy() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of(), "category");

        assertThat(m.accuracy()).isNaN();
        assertThat(m.macroF1()).isNaN();
    }
}
