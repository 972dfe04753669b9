package dev.evalbench.core.workspace;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What one load has already checked of the datasets that more than one suite reads (two prompts over the same
 * tickets), so the second suite does not check it again: that the file's bytes are UTF-8, and which lines
 * conform to the case schema (the schema check is most of a large load's time, and it does not depend on the
 * suite). Suite-specific checks (the suite kind's rules, labels, tags) run for every suite. A line that failed
 * is checked (and reported) by each suite as before. Only facts are kept, never a line's tree: holding every
 * line's tree while the next suite loaded was the peak of a large run's memory. Facts are kept for the very
 * bytes they were found in ({@link LoadContext} gives every suite the same array for one path). Confined to the
 * loading thread, like {@link LoadContext}.
 */
final class CheckedLines {
    private final Set<String> shared = new HashSet<>();
    private final Map<String, byte[]> decoded = new HashMap<>();
    private final Map<String, Conformed> conformed = new HashMap<>();

    private record Conformed(byte[] bytes, BitSet lines) {}

    /** Declares the datasets more than one suite reads; only their facts are kept (others need none). */
    void shareAmong(Collection<String> datasetsOfSuites) {
        Set<String> seen = new HashSet<>();
        for (String path : datasetsOfSuites) {
            if (!seen.add(path)) shared.add(path);
        }
    }

    /**
     * Whether these bytes of {@code path} are UTF-8: known from an earlier suite of this load, else {@code check}'s
     * answer (which records the error when they are not; a file that fails is checked, and reported, by each suite).
     */
    boolean decodes(String path, byte[] bytes, BooleanSupplier check) {
        if (decoded.get(path) == bytes) return true;
        boolean ok = check.getAsBoolean();
        if (ok && shared.contains(path)) decoded.put(path, bytes);
        return ok;
    }

    /**
     * The lines (0-based) of these bytes of {@code path} known to conform to the case schema: filled by earlier
     * suites of this load, or empty (and kept for later suites) when none read them yet; null when no other suite
     * reads the dataset.
     */
    BitSet conformed(String path, byte[] bytes) {
        if (!shared.contains(path)) return null;
        Conformed known = conformed.get(path);
        if (known != null && known.bytes() == bytes) return known.lines();
        Conformed fresh = new Conformed(bytes, new BitSet());
        conformed.put(path, fresh);
        return fresh.lines();
    }
}
