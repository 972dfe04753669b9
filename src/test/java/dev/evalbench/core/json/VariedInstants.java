package dev.evalbench.core.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Instants a writer of instants must get right: the epoch and a second before it, the edges of the 4-digit years,
 * a leap day, years beyond 9999 and before 0, and {@code n} drawn at random over about years 0-9999 and a little
 * beyond, with whole seconds, milli-, micro- and nanoseconds in turn.
 */
public final class VariedInstants {
    private VariedInstants() {}

    public static List<Instant> of(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z").minusNanos(1), Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
                Instant.parse("2024-02-29T12:00:00.000001Z"), Instant.parse("2024-02-29T12:00:00.001Z"),
                Instant.parse("+123456-07-01T00:00:00Z"), Instant.parse("-004713-11-24T12:00:00.5Z")));
        for (int i = 0; i < n; i++) {
            long second = r.nextLong(-62_167_219_200L - 86_400L * 400, 253_402_300_800L + 86_400L * 400);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1_000;
                default -> r.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nanos));
        }
        return instants;
    }
}
