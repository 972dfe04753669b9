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

    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
