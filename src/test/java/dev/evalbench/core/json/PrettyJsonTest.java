package dev.evalbench.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSON a person reads in the window or edits there: {@code "key": value}, two spaces a level, as people write it. */
class PrettyJsonTest {
    @Test
    void membersReadAsPeopleWriteThem() throws Exception {
        String pretty = Json.pretty(Json.MAPPER.readTree("{\"category\":\"billing\",\"refund\":null,\"items\":{\"n\":2}}"));

        assertThat(pretty).isEqualTo("{\n  \"category\": \"billing\",\n  \"refund\": null,\n"
                + "  \"items\": {\n    \"n\": 2\n  }\n}");
    }
}
