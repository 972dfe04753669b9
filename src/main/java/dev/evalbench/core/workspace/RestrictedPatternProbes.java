package dev.evalbench.core.workspace;

import dev.evalbench.core.mask.BoundedSearch;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Long texts of the kind a model writes when it repeats itself, each searched with a restricted pattern as the
 * policy loads, with the bound every search of a model's text has ({@link BoundedSearch}). A pattern that cannot
 * search one of them would, in a run, reject every long output of that kind as a possible leak and mask it whole
 * in reports: the author hears of it from {@code validate}, with the fix, instead. The probes cannot try every text,
 * so a run keeps its own bound. About 50,000 characters read per pattern; stateless.
 */
final class RestrictedPatternProbes {
    /** Long enough that a search costing the square of its text's length overruns its bound 10 times over. */
    static final int LENGTH = 5_000;
    private static final List<String> UNITS = List.of("a", "A", "7", " ", "a ", "a.", "a@", "a-", "7 ", "7-");

    private RestrictedPatternProbes() {}

    /**
     * The stack the probes run on. Whether a pattern that recurses once a character overflows on a probe depended
     * on the stack of the thread that loaded the workspace (a test framework's worker had 4 MB) and on how far the
     * JIT had compiled the regex engine: on 1 MB, (a|b)*c searched 1,200 characters interpreted, 1,550 compiled by
     * C1 and 5,600 by C2, so the 5,000-character probe passed or failed by what the JIT had compiled. On 256 KB it searches
     * 200 to 940 characters: every probe overflows, whatever ran before. A pattern whose recursion is bounded
     * (a group repeated {13,16} times) needs a few KB.
     */
    static final long STACK_BYTES = 256L << 10;

    /**
     * Why {@code pattern} cannot search long outputs, or empty when it searched every probe to the end. Runs the
     * probes on a thread of its own with {@link #STACK_BYTES} of stack and waits for it.
     */
    static Optional<String> problem(Pattern pattern) {
        AtomicReference<Optional<String>> found = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread probe = new Thread(null, () -> {
            try {
                found.set(probeAll(pattern));
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "evalbench-pattern-probe", STACK_BYTES);
        probe.setDaemon(true);
        probe.start();
        boolean interrupted = false;
        while (true) {
            try {
                probe.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the probes are bounded (about 50,000 reads): wait for them
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable t = failed.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error err) throw err;
        return found.get();
    }

    private static Optional<String> probeAll(Pattern pattern) {
        for (String unit : UNITS) {
            String text = unit.repeat(LENGTH / unit.length());
            try {
                BoundedSearch.find(pattern, text);
            } catch (BoundedSearch.Exhausted e) {
                return Optional.of(String.format(Locale.ROOT, "cannot search long outputs: on \"%s\" repeated to %,d "
                        + "characters, %s; see docs/workspace-format.md, policy.yaml", unit, LENGTH, e.getMessage()));
            }
        }
        return Optional.empty();
    }
}
