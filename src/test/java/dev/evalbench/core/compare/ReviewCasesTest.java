package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases aligned by id from summaries, marked and ordered for review; metric movements; JSON fields compared. */
class ReviewCasesTest {
    private static CaseSummary summary(String id, boolean passed, long latency, List<String> failedChecks) {
        return new CaseSummary(new CaseKey("triage", id, "triage", "offline", 0), "trace", passed, true, null, true,
                "reply", List.of(), true, "offline", "m", latency, 10, 5, 0.0, 1, 0, false, List.of(), null, null, null,
                null, failedChecks, List.of(), false);
    }

    /** The same verdict with another output (fingerprints known and unequal) comes before the unchanged. */
    @Test
    void aKeptVerdictWithAnotherOutputIsItsOwnStatusWhenBothFingerprintsAreKnown() {
        List<CaseSummary> before = List.of(summary("same", true, 1, List.of()).withOutputFingerprint(1L),
                summary("reworded", true, 1, List.of()).withOutputFingerprint(2L), summary("unknown", true, 1, List.of()));
        List<CaseSummary> after = List.of(summary("same", true, 1, List.of()).withOutputFingerprint(1L),
                summary("reworded", true, 1, List.of()).withOutputFingerprint(3L),
                summary("unknown", true, 1, List.of()).withOutputFingerprint(4L));

        assertThat(ReviewCases.between(before, after)).extracting(ReviewCase::key, ReviewCase::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("triage/reworded", ReviewStatus.OTHER_OUTPUT),
                org.assertj.core.groups.Tuple.tuple("triage/same", ReviewStatus.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("triage/unknown", ReviewStatus.UNCHANGED));
    }

    @Test
    void regressionsFirstThenImprovementsThenOneSidedThenUnchangedEachInTheFirstRunsOrder() {
        List<CaseSummary> before = List.of(summary("a", true, 100, List.of()), summary("b", false, 100, List.of("category")),
                summary("c", true, 100, List.of()), summary("d", true, 100, List.of()), summary("gone", true, 1, List.of()));
        List<CaseSummary> after = List.of(summary("new", true, 1, List.of()), summary("d", false, 100, List.of("order_id")),
                summary("c", true, 90, List.of()), summary("b", true, 120, List.of()), summary("a", false, 100, List.of("category")));

        List<ReviewCase> cases = ReviewCases.between(before, after);

        assertThat(cases).extracting(ReviewCase::key).containsExactly("triage/a", "triage/d", "triage/b", "triage/gone",
                "triage/new", "triage/c");
        assertThat(cases).extracting(ReviewCase::status).containsExactly(ReviewStatus.REGRESSED, ReviewStatus.REGRESSED,
                ReviewStatus.IMPROVED, ReviewStatus.ONLY_BEFORE, ReviewStatus.ONLY_AFTER, ReviewStatus.UNCHANGED);
        assertThat(cases.get(3).after()).isNull();
        assertThat(cases.get(3).either()).isSameAs(before.get(4));

        List<MetricMovement> moved = MetricMovements.of(cases);
        assertThat(moved).extracting(MetricMovement::id)
                .containsExactly("passed", "schema_valid", "category", "order_id", "latency_ms", "tokens");
        MetricMovement category = moved.get(2);
        assertThat(category.worse()).containsExactly("triage/a");
        assertThat(category.better()).containsExactly("triage/b");
        assertThat(moved.get(3).worse()).containsExactly("triage/d");
        assertThat(moved.get(4).better()).containsExactly("triage/c");
        assertThat(moved.get(4).worse()).containsExactly("triage/b");
        assertThat(moved.get(5).moved()).isFalse();
    }

    @Test
    void jsonOutputsAreComparedFieldByFieldWhateverTheMemberOrder() throws Exception {
        JsonNode a = Json.MAPPER.readTree("{\"category\":\"bug\",\"order_id\":null,\"tool_calls\":[{\"name\":\"lookup_order\"}]}");
        JsonNode b = Json.MAPPER.readTree("{\"tool_calls\":[{\"name\":\"send_reply\"}],\"order_id\":\"ORD-12345\",\"category\":\"bug\",\"extra\":1}");
        assertThat(FieldDiff.changed(a, b)).containsExactly("extra", "order_id", "tool_calls[0].name");
        assertThat(FieldDiff.changed(a, Json.MAPPER.readTree("{\"order_id\":null,\"tool_calls\":[{\"name\":\"lookup_order\"}],\"category\":\"bug\"}")))
                .isEmpty();
        assertThat(FieldDiff.changed(Json.MAPPER.readTree("[1]"), Json.MAPPER.readTree("\"x\""))).containsExactly("(the whole output)");
    }
}
