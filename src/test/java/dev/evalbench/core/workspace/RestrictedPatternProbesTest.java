package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A pattern's answer does not depend on the stack of the thread that loads the workspace. */
class RestrictedPatternProbesTest {
    private static final Pattern RECURSING = Pattern.compile("(?:a|b)*c");

    /** And whatever the JIT compiled before: the engine compiled, its frames are smaller and recurse further. */
    @Test
    void aRecursingPatternIsRefusedEvenWhenTheLoadingThreadHasAHugeStack() throws Exception {
        for (int i = 0; i < 20_000; i++) RECURSING.matcher("ab".repeat(50)).find();
        AtomicReference<Optional<String>> answer = new AtomicReference<>();
        // 256 MB: enough for the engine to recurse through every probe without overflowing.
        Thread big = new Thread(null, () -> answer.set(RestrictedPatternProbes.problem(RECURSING)), "big-stack", 256L << 20);
        big.start();
        big.join();

        assertThat(answer.get()).hasValueSatisfying(p -> assertThat(p).contains("recursed deeper than the thread's stack allows"));
    }

    @Test
    void aLinearPatternSearchesEveryProbe() {
        assertThat(RestrictedPatternProbes.problem(Pattern.compile("(?<![0-9])[0-9]{4}-[0-9]{4}"))).isEmpty();
    }
}
