package dev.evalbench.core.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When a run started, as every list, title and sentence that names a run writes it: "2026-12-03 14:13:45", to the
 * second, in the given zone (the window's, or UTC on the terminal). Stateless.
 */
public final class RunTime {
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private RunTime() {}

    public static String of(Instant at, ZoneId zone) {
        return SECOND.format(at.atZone(zone));
    }
}
