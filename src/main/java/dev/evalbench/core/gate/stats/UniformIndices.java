package dev.evalbench.core.gate.stats;

import java.util.SplittableRandom;

/**
 * Uniform draws from 0..n-1 for the bootstrap's resampling, without a division per draw: Lemire's
 * multiply-shift of 32 random bits, rejecting the few products that would make it uneven, so every index is
 * exactly equally likely. {@link SplittableRandom#nextInt(int)} takes a remainder per draw, which made it the
 * largest single cost of a bootstrap over thousands of cases. Pure given the generator; the generator is the
 * caller's and not thread-safe.
 */
final class UniformIndices {
    private static final long TWO_32 = 1L << 32;

    private UniformIndices() {}

    /** One index in [0, n); n must be positive. */
    static int next(SplittableRandom random, int n) {
        long product = (random.nextInt() & 0xFFFFFFFFL) * n;
        long low = product & 0xFFFFFFFFL;
        if (low < n) {
            // 2^32 mod n products are one too many for an even spread: those below it are drawn again.
            long threshold = (TWO_32 - n) % n;
            while (low < threshold) {
                product = (random.nextInt() & 0xFFFFFFFFL) * n;
                low = product & 0xFFFFFFFFL;
            }
        }
        return (int) (product >>> 32);
    }

    /** Fills {@code into} with indices in [0, n). */
    static void fill(SplittableRandom random, int[] into, int n) {
        for (int i = 0; i < into.length; i++) {
            into[i] = next(random, n);
        }
    }
}
