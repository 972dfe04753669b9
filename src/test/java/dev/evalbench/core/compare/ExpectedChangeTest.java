package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import org.junit.jupiter.api.Test;

/** What changed in a case's expected value between two runs, field by field, as every view words it. */
class ExpectedChangeTest {
    @Test
    void namesEachChangedFieldOldToNewAndNothingThatStayed() throws Exception {
        JsonNode before = Json.MAPPER.readTree("{\"category\":\"bug\",\"priority\":\"low\",\"order_id\":null}");
        JsonNode after = Json.MAPPER.readTree("{\"category\":\"other\",\"priority\":\"low\",\"refund_amount\":20}");

        assertThat(ExpectedChange.between(before, after)).containsExactly("category \"bug\" → \"other\"",
                "order_id null → (none)", "refund_amount (none) → 20");
        assertThat(ExpectedChange.between(before, before)).isEmpty();
    }

    @Test
    void aProbeWithoutExpectedValueHasNoChangeAndAValueGainedIsOne() throws Exception {
        assertThat(ExpectedChange.between(null, null)).isEmpty();
        assertThat(ExpectedChange.between(null, Json.MAPPER.readTree("{\"category\":\"bug\"}")))
                .containsExactly("(none) → {\"category\":\"bug\"}");
    }
}
