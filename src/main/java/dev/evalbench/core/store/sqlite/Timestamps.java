package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as stored: UTC ISO-8601 with exactly nine fractional digits. Fixed width makes text order equal
 * time order (so ORDER BY works on any database), and nanoseconds make the round trip exact. Also reads the
 * instants of a case's detail JSON ({@link DetailInstant}) and writes them ({@link DetailInstantWriter}). Pure and
 * thread-safe.
 */
final class Timestamps {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Fractional digits as {@link DateTimeFormatter#ISO_INSTANT} writes them: none, 3, 6 or 9, as few as exact. */
    private static final int ISO_DIGITS = -1;
    /** Always nine fractional digits, as {@link #FIXED} writes them. */
    private static final int FIXED_DIGITS = 9;
    private static final long FIRST_4_DIGIT_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_4_DIGIT_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private Timestamps() {}

    /**
     * Null stays null (an unfinished run has no finish time). Years 0-9999 are written digit by digit (every case
     * stores two instants; under the quick compiler the formatter's field-by-field printing costs several times
     * more); any other year by the formatter, which the digits match everywhere else (TimestampsTest).
     */
    static String format(Instant instant) {
        if (instant == null) return null;
        String plain = plainUtc(instant, FIXED_DIGITS);
        return plain != null ? plain : FIXED.format(instant);
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ss[.f]Z} in UTC with {@code fractionDigits} digits (or {@link #ISO_DIGITS}), or null
     * when the year is not 0-9999 (the formatters then write a sign and more digits).
     */
    private static String plainUtc(Instant instant, int fractionDigits) {
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

    /**
     * Writes a case detail's instants ({@link StoredDetail#finishedAt}) exactly as Jackson's own writer does
     * ({@link DateTimeFormatter#ISO_INSTANT}), digit by digit for years 0-9999, as {@link #format} does.
     */
    static final class DetailInstantWriter extends StdSerializer<Instant> {
        DetailInstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String plain = plainUtc(value, ISO_DIGITS);
            gen.writeString(plain != null ? plain : DateTimeFormatter.ISO_INSTANT.format(value));
        }
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
