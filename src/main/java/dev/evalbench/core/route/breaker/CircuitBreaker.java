package dev.evalbench.core.route.breaker;

import dev.evalbench.core.route.time.RouterClock;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.workspace.RouteSpec;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One route's circuit breaker. Rules:
 * <ul>
 *   <li><b>closed</b>: every call goes through; the verdicts of the last {@code window} counted calls are kept.
 *       It opens when the window holds at least {@code min_calls} and the share of failures is at least
 *       {@code error_rate}. A call slower than {@code sla_ms} counts as a failure there (its answer is still
 *       used): sustained slowness opens the breaker, one slow call among fast ones does not.</li>
 *   <li><b>open</b>: no call goes through, until {@code open_ms} have passed; then it is half-open.</li>
 *   <li><b>half-open</b>: {@code half_open_probes} calls go through. The first failing (or slow) probe opens it
 *       again; when all probes succeed it closes with an empty window.</li>
 * </ul>
 * Neutral verdicts change nothing (a neutral probe gives its slot back). A result from a call let through in an
 * earlier state is ignored, so a straggler cannot close a breaker it never probed. Every state change is
 * emitted as a {@link RunEvent} of kind "breaker" with detail like
 * {@code "openai: closed -> open (error rate 0.60 over 10 calls; the last failure: HTTP 503 (\"overloaded\"))"},
 * outside the lock. A route without a
 * breaker config never opens. Thread-safe.
 */
public final class CircuitBreaker {
    /** A call's pass; {@link #granted()} is false when the breaker refused it. */
    public record Permit(long generation) {
        static final Permit DENIED = new Permit(-1);

        public boolean granted() {
            return generation >= 0;
        }
    }

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final String route;
    private final RouteSpec.Breaker config;
    private final RouterClock clock;
    private final Consumer<RunEvent> events;
    private final BreakerWindow window;
    private final UnaryOperator<String> masking;
    /** The last failed call in a few words ("HTTP 503 ("upstream overloaded")"), unmasked, or null. */
    private String lastFailure;
    private State state = State.CLOSED;
    private long generation;
    private long openedAtNanos;
    private int probesGranted;
    private int probesSucceeded;

    /** The message of a call an open breaker of {@code route} refused, as its attempt records it. */
    public static String refusal(String route) {
        return "circuit breaker of route " + route + " is open";
    }

    public CircuitBreaker(String route, RouteSpec.Breaker config, RouterClock clock, Consumer<RunEvent> events) {
        this(route, config, clock, events, UnaryOperator.identity());
    }

    /**
     * @param masking masks the last failure's words (which may quote the server) when an opening names them; called
     *                only then, under the breaker's lock (its first call may build the mask: the calls it holds up
     *                are refused either way), and must be thread-safe
     */
    public CircuitBreaker(String route, RouteSpec.Breaker config, RouterClock clock, Consumer<RunEvent> events,
                          UnaryOperator<String> masking) {
        this.route = route;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.masking = masking;
        this.window = new BreakerWindow(config == null ? 1 : config.window());
    }

    public Permit tryAcquire() {
        if (config == null) {
            return new Permit(0);
        }
        String change = null;
        Permit permit;
        synchronized (this) {
            if (state == State.OPEN && clock.nanoTime() - openedAtNanos >= TimeUnit.MILLISECONDS.toNanos(config.openMs())) {
                change = move(State.HALF_OPEN, "after " + config.openMs() + " ms");
            }
            if (state == State.CLOSED) {
                permit = new Permit(generation);
            } else if (state == State.HALF_OPEN && probesGranted < Math.max(1, config.halfOpenProbes())) {
                probesGranted++;
                permit = new Permit(generation);
            } else {
                permit = Permit.DENIED;
            }
        }
        emit(change);
        return permit;
    }

    /** Records the outcome of a granted call; {@code latencyMs} turns a success into SLOW past the SLA. */
    public void record(Permit permit, CallVerdict verdict, long latencyMs) {
        record(permit, verdict, latencyMs, null);
    }

    /**
     * As {@link #record(Permit, CallVerdict, long)}, with a failed call's words ({@code "HTTP 503 (\"upstream
     * overloaded\")"}, {@code "connection refused"}), which an opening names as its last failure: "error rate 1.00
     * over 5 calls" alone did not say whether the server was down, overloaded or elsewhere.
     */
    public void record(Permit permit, CallVerdict verdict, long latencyMs, String failure) {
        if (config == null || !permit.granted()) {
            return;
        }
        CallVerdict v = verdict == CallVerdict.SUCCESS && config.slaMs() != null && latencyMs > config.slaMs()
                ? CallVerdict.SLOW : verdict;
        String change = null;
        synchronized (this) {
            if (permit.generation() != generation) {
                return;
            }
            if (v.failed() && failure != null) lastFailure = failure;
            if (state == State.CLOSED && v != CallVerdict.NEUTRAL) {
                window.add(v);
                if (window.count() >= config.minCalls() && window.errorRate() >= config.errorRate()) {
                    change = move(State.OPEN, openReason());
                }
            } else if (state == State.HALF_OPEN) {
                change = probed(v, latencyMs);
            }
        }
        emit(change);
    }

    public synchronized String state() {
        return label(state);
    }

    private String probed(CallVerdict v, long latencyMs) {
        if (v == CallVerdict.NEUTRAL) {
            probesGranted--;
            return null;
        }
        if (v.failed()) {
            String why = v == CallVerdict.SLOW ? "probe took " + latencyMs + " ms, over the " + config.slaMs() + " ms SLA"
                    : "probe failed" + (lastFailure == null ? "" : ": " + masking.apply(lastFailure));
            return move(State.OPEN, why);
        }
        probesSucceeded++;
        if (probesSucceeded >= Math.max(1, config.halfOpenProbes())) {
            return move(State.CLOSED, probesSucceeded + (probesSucceeded == 1 ? " probe" : " probes") + " succeeded");
        }
        return null;
    }

    private String openReason() {
        String reason = String.format(Locale.ROOT, "error rate %.2f over %d calls", window.errorRate(), window.count());
        if (window.slow() > 0) {
            reason += String.format(Locale.ROOT, ", %d over the %d ms SLA", window.slow(), config.slaMs());
        }
        if (lastFailure != null && window.slow() < window.failures()) {
            reason += "; the last failure: " + masking.apply(lastFailure);
        }
        return reason;
    }

    private String move(State to, String reason) {
        String detail = route + ": " + label(state) + " -> " + label(to) + " (" + reason + ")";
        state = to;
        generation++;
        window.clear();
        probesGranted = 0;
        probesSucceeded = 0;
        if (to == State.OPEN) {
            openedAtNanos = clock.nanoTime();
        } else if (to == State.CLOSED) {
            lastFailure = null;
        }
        return detail;
    }

    private void emit(String detail) {
        if (detail != null) {
            events.accept(new RunEvent(clock.now(), "breaker", route, detail));
        }
    }

    private static String label(State s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
