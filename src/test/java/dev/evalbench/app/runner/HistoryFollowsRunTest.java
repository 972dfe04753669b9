package dev.evalbench.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A run's steps read the history again: the first at once, then at most once a second. */
class HistoryFollowsRunTest {
    @Test
    void theFirstStepReadsAtOnceAndLaterOnesAtMostOnceASecond() {
        AtomicInteger reads = new AtomicInteger();
        AtomicLong clock = new AtomicLong(5_000);
        HistoryFollowsRun follows = new HistoryFollowsRun(reads::incrementAndGet, clock::get);
        follows.stepped();
        assertThat(reads).hasValue(1);
        clock.addAndGet(400);
        follows.stepped();
        clock.addAndGet(599);
        follows.stepped();
        assertThat(reads).as("within the second").hasValue(1);
        clock.addAndGet(1);
        follows.stepped();
        assertThat(reads).hasValue(2);
        clock.addAndGet(5_000);
        follows.stepped();
        follows.stepped();
        assertThat(reads).hasValue(3);
    }
}
