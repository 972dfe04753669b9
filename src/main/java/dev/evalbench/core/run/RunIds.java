package dev.evalbench.core.run;

import dev.evalbench.core.store.StoreException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Run ids that sort by start time and read well in a terminal: {@code 20261127-074501-3fa2}. The random
 * suffix keeps two runs started in the same second (two CI jobs on one history) apart, and {@link #create} draws
 * another on the one pair in 65,536 whose suffixes meet.
 */
public final class RunIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    /** How many ids {@link #create} draws before it gives up (each taken: a history that is not what it seems). */
    static final int ATTEMPTS = 5;

    /**
     * Records in {@code store} the run {@code header} makes of a new id, drawing another id while the history has a run
     * with the one drawn (two runs started in the same second whose suffixes met: the second run failed to store).
     *
     * @return the header stored
     * @throws StoreException when the run cannot be stored, or {@value #ATTEMPTS} ids were all taken
     */
    public static <T> T create(Clock clock, java.util.function.Function<String, T> header, Creation<T> store)
            throws StoreException {
        for (int attempt = 1; ; attempt++) {
            T made = header.apply(next(clock));
            try {
                store.create(made);
                return made;
            } catch (StoreException e) {
                if (!e.isIdTaken() || attempt == ATTEMPTS) throw e;
            }
        }
    }

    /** How a made run is stored: {@code RunStore.createRun}, or an import with its cases. */
    @FunctionalInterface
    public interface Creation<T> {
        void create(T made) throws StoreException;
    }

    public static String next(Clock clock) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return FORMAT.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
