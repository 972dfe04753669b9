package dev.evalbench.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Stored instants read back exactly as {@link Instant#parse} reads them, on the field-by-field path for the stored
 * form and on {@link Instant#parse} itself for anything else; texts it rejects are still rejected.
 */
class TimestampsTest {
    @Test
    void everyStoredInstantReadsBackAsInstantParseReadsIt() {
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < 20_000; i++) {
            // from 1900 to 2200, any nanosecond: leap days, month ends and the years before 1970 included
            Instant instant = Instant.ofEpochSecond(r.nextLong(-2_208_988_800L, 7_258_118_400L), r.nextInt(1_000_000_000));
            String stored = Timestamps.format(instant);
            assertThat(Timestamps.parse(stored)).as(stored).isEqualTo(instant).isEqualTo(Instant.parse(stored));
        }
        assertThat(Timestamps.parse("2024-02-29T23:59:59.999999999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
        assertThat(Timestamps.parse(null)).isNull();
    }

    @Test
    void instantsInACaseDetailReadAsJacksonReadsThem() throws Exception {
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 5000; i++) {
            // whole seconds, milliseconds and nanoseconds: Jackson writes as many fractional digits as it needs
            int nanos = switch (i % 3) { case 0 -> 0; case 1 -> r.nextInt(1000) * 1_000_000; default -> r.nextInt(1_000_000_000); };
            Instant instant = Instant.ofEpochSecond(r.nextLong(0, 4_102_444_800L), nanos);
            String json = Json.MAPPER.writeValueAsString(detailFinishedAt(instant));
            assertThat(Json.MAPPER.readValue(json, StoredDetail.class).finishedAt()).as(json).isEqualTo(instant);
        }
        // Jackson's own forms still read: an offset, epoch seconds, no value
        assertThat(Json.MAPPER.readValue("{\"finished_at\":\"2026-03-07T11:00:00+01:00\"}", StoredDetail.class).finishedAt())
                .isEqualTo(Instant.parse("2026-03-07T10:00:00Z"));
        assertThat(Json.MAPPER.readValue("{\"finished_at\":1772877600.5}", StoredDetail.class).finishedAt())
                .isEqualTo(Instant.ofEpochSecond(1_772_877_600L, 500_000_000));
        assertThat(Json.MAPPER.readValue("{}", StoredDetail.class).finishedAt()).isNull();
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"finished_at\":\"2026-02-30T10:00:00Z\"}", StoredDetail.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }

    /**
     * What is written is what the JDK's formatters write, byte for byte: histories written before and after read
     * alike, and stored text order stays time order. Years 0-9999 (written digit by digit) at any nanosecond, the
     * edges of that range, and years outside it (left to the formatters, with their sign and extra digits).
     */
    @Test
    void instantsAreWrittenAsTheFormattersWriteThem() throws Exception {
        java.time.format.DateTimeFormatter fixed = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.List<Instant> instants = dev.evalbench.core.json.VariedInstants.of(14, 20_000);
        for (Instant instant : instants) {
            assertThat(Timestamps.format(instant)).as("stored %s", instant).isEqualTo(fixed.format(instant));
            assertThat(Json.MAPPER.writeValueAsString(detailFinishedAt(instant)))
                    .as("detail %s", instant).isEqualTo("{\"finished_at\":\"" + java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant) + "\"}");
        }
        assertThat(Timestamps.format(null)).isNull();
    }

    private static StoredDetail detailFinishedAt(Instant instant) {
        return new StoredDetail(null, null, null, null, null, null, null, null, null, null, instant, 0, false);
    }

    @Test
    void otherFormsAndBadTextsAreInstantParsesToJudge() {
        assertThat(Timestamps.parse("2026-03-07T10:00:00Z")).isEqualTo(Instant.parse("2026-03-07T10:00:00Z"));
        assertThat(Timestamps.parse("2026-03-07T10:00:00.5Z")).isEqualTo(Instant.parse("2026-03-07T10:00:00.5Z"));
        // Instant.parse reads 24:00 as the next midnight and folds a leap second into the next
        assertThat(Timestamps.parse("2026-03-07T24:00:00.000000000Z")).isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
        assertThat(Timestamps.parse("2016-12-31T23:59:60.000000000Z")).isEqualTo(Instant.parse("2016-12-31T23:59:60.000000000Z"));
        for (String bad : new String[] {"2026-02-30T10:00:00.000000000Z", "2026-13-01T10:00:00.000000000Z",
                "2026-03-07T10:00:00.00000000xZ", "yesterday"}) {
            assertThatThrownBy(() -> Timestamps.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
