package dev.evalbench.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Instants as UTC ISO-8601 text, written digit by digit for years 0-9999: under the quick compiler the commands run
 * on, {@link DateTimeFormatter}'s field-by-field printing costs several times more, and a report writes two instants
 * for every case (docs/performance.md, rounds 7 and 30). Any other year goes to the formatter, which the digits match
 * everywhere else ({@code IsoInstantsTest}, {@code TimestampsTest}). Pure and thread-safe.
 */
public final class IsoInstants {
    /** Fractional digits as {@link DateTimeFormatter#ISO_INSTANT} writes them: none, 3, 6 or 9, as few as exact. */
    public static final int ISO_DIGITS = -1;
    private static final long FIRST_4_DIGIT_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_4_DIGIT_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private IsoInstants() {}

    /** Exactly {@link DateTimeFormatter#ISO_INSTANT}'s text of {@code instant}. */
    public static String iso(Instant instant) {
        String plain = utc(instant, ISO_DIGITS);
        return plain != null ? plain : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ss[.f]Z} in UTC with {@code fractionDigits} digits (or {@link #ISO_DIGITS}), or null
     * when the year is not 0-9999 (the formatters then write a sign and more digits).
     */
    public static String utc(Instant instant, int fractionDigits) {
        long seconds = instant.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400L);
        if (epochDay < FIRST_4_DIGIT_DAY || epochDay > LAST_4_DIGIT_DAY) return null;
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int nanos = instant.getNano();
        int digits = fractionDigits != ISO_DIGITS ? fractionDigits
                : nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        byte[] out = new byte[20 + (digits == 0 ? 0 : digits + 1)];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3_600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        if (digits > 0) {
            out[19] = '.';
            int fraction = nanos;
            for (int i = digits; i < 9; i++) fraction /= 10;
            put(out, 20, fraction, digits);
        }
        out[out.length - 1] = 'Z';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, at {@code out[at]}. */
    private static void put(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Writes an instant as {@link #iso}: the text Jackson's own writer gives with dates as text. */
    public static final class Writer extends StdSerializer<Instant> {
        public Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(iso(value));
        }
    }
}
