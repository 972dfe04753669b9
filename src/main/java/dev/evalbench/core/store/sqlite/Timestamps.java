package dev.evalbench.core.store.sqlite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as stored: UTC ISO-8601 with exactly nine fractional digits. Fixed width makes text order equal
 * time order (so ORDER BY works on any database), and nanoseconds make the round trip exact.
 */
final class Timestamps {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** Null stays null (an unfinished run has no finish time). */
    static String format(Instant instant) {
        return instant == null ? null : FIXED.format(instant);
    }

    /**
     * The instant a stored text names. The stored form ({@link #format}) is read field by field, which costs a
     * fraction of {@link Instant#parse} (a comparison reads thousands of records, each with its start time); any
     * other text, and any stored text whose fields are out of range, goes to {@link Instant#parse}, which accepts
     * or rejects it as ever.
     *
     * @throws java.time.format.DateTimeParseException as {@link Instant#parse} throws it
     */
    static Instant parse(String text) {
        if (text == null) return null;
        Instant fixed = fixedWidth(text);
        return fixed != null ? fixed : Instant.parse(text);
    }

    /** The instant of {@code uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ}, or null for any other text or an out-of-range field. */
    private static Instant fixedWidth(String t) {
        if (t.length() != 30 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != '.' || t.charAt(29) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int nanos = digits(t, 20, 29);
        // Leap seconds (":60") and impossible dates are Instant.parse's to judge.
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
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
