package dev.evalbench.core.run;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Run ids that sort by start time and read well in a terminal: {@code 20261127-074501-3fa2}. The random
 * suffix keeps two runs started in the same second (two CI jobs on one history) apart.
 */
public final class RunIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    public static String next(Clock clock) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return FORMAT.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
