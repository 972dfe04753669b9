package dev.evalbench.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one mapper writes every instant exactly as Jackson's own writer did ({@link DateTimeFormatter#ISO_INSTANT}):
 * whole seconds, milli-, micro- and nanoseconds, the first and last 4-digit years and years beyond them.
 */
class IsoInstantsTest {

    @Test
    void instantsAreWrittenExactlyAsIsoInstant() throws Exception {
        List<Instant> instants = new ArrayList<>(VariedInstants.of(30, 20_000));
        instants.add(Instant.MIN);
        instants.add(Instant.MAX);
        // Jackson's own writer, asked by a module registered later, would not say so: the mapper must ask ours.
        assertThat(Json.MAPPER.getSerializerProviderInstance().findValueSerializer(Instant.class)).isInstanceOf(IsoInstants.Writer.class);
        for (Instant instant : instants) {
            String iso = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(IsoInstants.iso(instant)).as("%s", instant).isEqualTo(iso);
            assertThat(Json.MAPPER.writeValueAsString(Map.of("at", instant))).as("%s", instant).isEqualTo("{\"at\":\"" + iso + "\"}");
            assertThat(Json.MAPPER.readValue("\"" + iso + "\"", Instant.class)).isEqualTo(instant);
        }
    }
}
