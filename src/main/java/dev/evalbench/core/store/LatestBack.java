package dev.evalbench.core.store;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run named by its place from the newest, as git names commits from HEAD: {@code latest} is the newest run,
 * {@code latest~1} (or {@code latest~}) the one before it, {@code latest~N} the N-th before it, in the order
 * {@code evalbench history} lists runs. A tag cannot contain '~', so these never shadow one.
 */
public final class LatestBack {
    public static final String LATEST = "latest";
    private static final Pattern BACK = Pattern.compile("latest(?:~(\\d{0,6}))?");

    private LatestBack() {}

    /** How many runs back from the newest {@code reference} names (0 for {@code latest}); empty if it names none so. */
    public static OptionalInt steps(String reference) {
        if (reference == null) return OptionalInt.empty();
        Matcher m = BACK.matcher(reference);
        if (!m.matches()) return OptionalInt.empty();
        if (m.group(1) == null) return OptionalInt.of(0);
        return OptionalInt.of(m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1)));
    }
}
