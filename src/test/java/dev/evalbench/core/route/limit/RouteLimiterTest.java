package dev.evalbench.core.route.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.route.FakeClock;
import dev.evalbench.core.workspace.RouteSpec;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouteLimiterTest {
    final FakeClock clock = new FakeClock();

    @Test
    void requestsPerMinuteLetABurstThroughThenPaceTheRest() throws Exception {
        RouteLimiter limiter = new RouteLimiter(new RouteSpec.Limits(null, 60, null), clock);
        for (int i = 0; i < 60; i++) {
            limiter.acquire(1).close();
        }
        assertThat(clock.waits()).isEmpty();

        limiter.acquire(1).close();
        limiter.acquire(1).close();

        // one request a second: the 61st waits a second; the 62nd another second after that
        assertThat(clock.waits()).containsExactly(1000L, 1000L);
    }

    @Test
    void tokensPerMinuteChargeTheEstimateBeforeTheCall() throws Exception {
        RouteLimiter limiter = new RouteLimiter(new RouteSpec.Limits(null, null, 1000), clock);
        limiter.acquire(600).close();
        assertThat(clock.waits()).isEmpty();

        limiter.acquire(600).close();

        // 200 tokens short at 1000 tokens a minute: 12 s
        assertThat(clock.waits()).containsExactly(12_000L);
    }

    @Test
    void aCallLargerThanTheMinuteBudgetWaitsForAFullBucketRatherThanForever() throws Exception {
        RouteLimiter limiter = new RouteLimiter(new RouteSpec.Limits(null, null, 1000), clock);
        limiter.acquire(1000).close();

        limiter.acquire(5000).close();

        assertThat(clock.waits()).containsExactly(60_000L);
    }

    @Test
    void theStricterOfTheTwoRatesDecides() throws Exception {
        RouteLimiter limiter = new RouteLimiter(new RouteSpec.Limits(null, 2, 100_000), clock);
        limiter.acquire(10).close();
        limiter.acquire(10).close();

        limiter.acquire(10).close();

        assertThat(clock.waits()).containsExactly(30_000L);
    }

    @Test
    void concurrencyHoldsCallersUntilASlotIsReturned() throws Exception {
        RouteLimiter limiter = new RouteLimiter(new RouteSpec.Limits(1, null, null), clock);
        RouteLimiter.Lease first = limiter.acquire(1);
        CountDownLatch acquired = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try (RouteLimiter.Lease lease = limiter.acquire(1)) {
                acquired.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        awaitParked(second);
        assertThat(acquired.getCount()).isEqualTo(1);

        first.close();

        assertThat(acquired.await(5, TimeUnit.SECONDS)).isTrue();
        second.join();
    }

    /** Waits until the thread blocks (a thread that got through would end instead, and this fails). */
    private static void awaitParked(Thread t) throws InterruptedException {
        for (int i = 0; i < 5000 && t.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(1);
        }
        assertThat(t.getState()).isEqualTo(Thread.State.WAITING);
    }

    @Test
    void aWaitingCallerCanBeInterrupted() throws Exception {
        RouteLimiter limiter = new RouteLimiter(new RouteSpec.Limits(1, null, null), clock);
        RouteLimiter.Lease held = limiter.acquire(1);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> limiter.acquire(1)).isInstanceOf(InterruptedException.class);
        held.close();
        limiter.acquire(1).close();
    }

    @Test
    void noLimitsMeansNoWaiting() throws Exception {
        RouteLimiter limiter = new RouteLimiter(null, clock);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(1_000_000).close();
        }
        assertThat(clock.waits()).isEmpty();
    }
}
