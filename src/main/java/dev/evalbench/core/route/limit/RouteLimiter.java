package dev.evalbench.core.route.limit;

import dev.evalbench.core.record.Message;
import dev.evalbench.core.route.time.RouterClock;
import dev.evalbench.core.workspace.RouteSpec;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A route's client-side limits: at most {@code concurrency} calls in flight, at most
 * {@code requests_per_minute} calls and {@code tokens_per_minute} estimated tokens per minute (token
 * buckets). A call first takes a concurrency slot, then reserves one request and its estimated tokens and
 * sleeps until both are available. Waits block the worker thread and end with {@link InterruptedException}
 * when it is interrupted (the run is cancelled); nothing is then held. Limits the route leaves out are not
 * enforced. Thread-safe.
 */
public final class RouteLimiter {
    /** A concurrency slot, given back by {@link #close()}. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore slots;
    private final TokenBucket requests;
    private final TokenBucket tokens;
    private final RouterClock clock;

    public RouteLimiter(RouteSpec.Limits limits, RouterClock clock) {
        this.clock = clock;
        this.slots = limits != null && limits.concurrency() != null ? new Semaphore(limits.concurrency(), true) : null;
        this.requests = limits != null && limits.requestsPerMinute() != null
                ? new TokenBucket(limits.requestsPerMinute(), clock) : null;
        this.tokens = limits != null && limits.tokensPerMinute() != null
                ? new TokenBucket(limits.tokensPerMinute(), clock) : null;
    }

    /** Waits for a slot and for rate; {@code estimatedTokens} is charged against the tokens-per-minute limit. */
    public Lease acquire(int estimatedTokens) throws InterruptedException {
        if (slots != null) {
            slots.acquire();
        }
        Lease lease = slots != null ? slots::release : () -> { };
        try {
            long wait = 0;
            if (requests != null) {
                wait = requests.reserve(1);
            }
            if (tokens != null) {
                wait = Math.max(wait, tokens.reserve(estimatedTokens));
            }
            clock.sleep(wait);
            return lease;
        } catch (InterruptedException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Message characters / 4, at least 1: the estimate charged before a call, when real counts are unknown. */
    public static int estimateTokens(List<Message> messages) {
        long chars = 0;
        for (Message m : messages) {
            chars += m.content() == null ? 0 : m.content().length();
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, chars / 4));
    }
}
