package dev.evalbench.core.gate.stats;

import java.util.SplittableRandom;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * A {@link SplittableRandom} as commons-math3's random generator, so its samplers draw from the bootstrap's
 * seeded stream (and give the same draws on any JVM). Not thread-safe, like the generator it wraps.
 */
final class SplittableSource extends AbstractRandomGenerator {
    private SplittableRandom random;

    SplittableSource(SplittableRandom random) {
        this.random = random;
    }

    @Override
    public void setSeed(long seed) {
        random = new SplittableRandom(seed);
        clear();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }
}
