package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.evalbench.core.json.IsoInstants;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as stored: UTC ISO-8601 with exactly nine fractional digits. Fixed width makes text order equal
 * time order (so ORDER BY works on any database), and nanoseconds make the round trip exact. Also reads the
 * instants of a case's detail JSON ({@link DetailInstant}); the one mapper writes them ({@link IsoInstants}). Pure
 * and thread-safe.
 */
final class Timestamps {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Always nine fractional digits, as {@link #FIXED} writes them. */
    private static final int FIXED_DIGITS = 9;

    private Timestamps() {}

    /**
     * Null stays null (an unfinished run has no finish time). Years 0-9999 are written digit by digit (every case
     * stores two instants; under the quick compiler the formatter's field-by-field printing costs several times
     * more); any other year by the formatter, which the digits match everywhere else (TimestampsTest).
     */
    static String format(Instant instant) {
        if (instant == null) return null;
        String plain = IsoInstants.utc(instant, FIXED_DIGITS);
        return plain != null ? plain : FIXED.format(instant);
    }

    /**
     * The instant a stored text names. ISO-8601 instants in UTC with up to nine fractional digits (the stored
     * form, {@link #format}, and what Jackson writes in a case's detail) are read field by field, at a fraction
     * of {@link Instant#parse}'s cost (a comparison reads thousands of records, each with two instants); any other
     * text, and any whose fields are out of range, goes to {@link Instant#parse}, which accepts or rejects it as
     * ever.
     *
     * @throws java.time.format.DateTimeParseException as {@link Instant#parse} throws it
     */
    static Instant parse(String text) {
        if (text == null) return null;
        Instant plain = plainUtc(text);
        return plain != null ? plain : Instant.parse(text);
    }

    /**
     * The instant of {@code uuuu-MM-ddTHH:mm:ss[.f]Z} with one to nine digits f, or null for any other text or an
     * out-of-range field.
     */
    private static Instant plainUtc(String t) {
        int length = t.length();
        if (length < 20 || length == 21 || length > 30 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(length - 1) != 'Z'
                || (length > 20 && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int nanos = length == 20 ? 0 : digits(t, 20, length - 1);
        // Leap seconds (":60"), 24:00 and impossible dates are Instant.parse's to judge.
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        for (int i = length - 1; i < 29; i++) nanos *= 10;
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /**
     * Reads a case detail's instants ({@link StoredDetail#finishedAt}): the plain UTC form Jackson writes field by
     * field ({@link #parse}), anything else (a number, an offset, a bad text) as Jackson's own reader reads it.
     */
    static final class DetailInstant extends StdDeserializer<Instant> {
        DetailInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Instant plain = p.hasToken(JsonToken.VALUE_STRING) ? plainUtc(p.getText()) : null;
            if (plain != null) return plain;
            return (Instant) ctxt.findRootValueDeserializer(ctxt.constructType(Instant.class)).deserialize(p, ctxt);
        }
    }

    /** The decimal number in {@code t[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
