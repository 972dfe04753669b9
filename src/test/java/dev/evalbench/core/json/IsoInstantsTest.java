package dev.evalbench.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one mapper writes every instant exactly as Jackson's own writer did ({@link DateTimeFormatter#ISO_INSTANT}):
 * whole seconds, milli-, micro- and nanoseconds, the first and last 4-digit years and years beyond them.
 */
class IsoInstantsTest {

    @Test
    void instantsAreWrittenExactlyAsIsoInstant() throws Exception {
        SplittableRandom r = new SplittableRandom(30);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
                Instant.parse("+123456-07-01T00:00:00Z"), Instant.parse("-004713-11-24T12:00:00.5Z"), Instant.MIN, Instant.MAX));
        for (int i = 0; i < 20_000; i++) {
            long second = r.nextLong(-62_167_219_200L - 86_400L * 400, 253_402_300_800L + 86_400L * 400);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1_000;
                default -> r.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nanos));
        }
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
