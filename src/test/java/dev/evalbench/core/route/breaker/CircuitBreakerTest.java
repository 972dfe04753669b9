package dev.evalbench.core.route.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.route.FakeClock;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.workspace.RouteSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    final FakeClock clock = new FakeClock();
    final List<RunEvent> events = new ArrayList<>();

    CircuitBreaker breaker(int window, int minCalls, double rate, int probes) {
        return new CircuitBreaker("r", new RouteSpec.Breaker(window, minCalls, rate, null, 1000, probes), clock, events::add);
    }

    void run(CircuitBreaker b, CallVerdict verdict) {
        b.record(b.tryAcquire(), verdict, 0);
    }

    @Test
    void staysClosedBelowMinCallsWhateverTheRate() {
        CircuitBreaker b = breaker(10, 5, 0.5, 1);
        for (int i = 0; i < 4; i++) {
            run(b, CallVerdict.FAILURE);
        }
        assertThat(b.state()).isEqualTo("closed");

        run(b, CallVerdict.FAILURE);

        assertThat(b.state()).isEqualTo("open");
        assertThat(events).extracting(RunEvent::detail).containsExactly("r: closed -> open (error rate 1.00 over 5 calls)");
    }

    @Test
    void anOpeningNamesTheLastFailureMaskedAndAFailedProbeItsOwn() {
        CircuitBreaker b = new CircuitBreaker("r", new RouteSpec.Breaker(10, 3, 0.5, null, 1000, 1), clock, events::add,
                text -> text.replace("ann@example.com", "[restricted]"));
        b.record(b.tryAcquire(), CallVerdict.FAILURE, 0, "timeout: no answer in 30000 ms");
        b.record(b.tryAcquire(), CallVerdict.FAILURE, 0, "HTTP 500 (\"bad input ann@example.com\")");
        b.record(b.tryAcquire(), CallVerdict.FAILURE, 0, "HTTP 503 (\"overloaded\")");
        clock.advance(1000);
        b.record(b.tryAcquire(), CallVerdict.FAILURE, 0, "connection: connection refused");

        assertThat(events).extracting(RunEvent::detail).containsExactly(
                "r: closed -> open (error rate 1.00 over 3 calls; the last failure: HTTP 503 (\"overloaded\"))",
                "r: open -> half-open (after 1000 ms)",
                "r: half-open -> open (probe failed: connection: connection refused)");
        events.clear();
        CircuitBreaker masked = new CircuitBreaker("m", new RouteSpec.Breaker(10, 1, 0.5, null, 1000, 1), clock,
                events::add, text -> text.replace("ann@example.com", "[restricted]"));
        masked.record(masked.tryAcquire(), CallVerdict.FAILURE, 0, "HTTP 500 (\"bad input ann@example.com\")");
        assertThat(events).extracting(RunEvent::detail)
                .containsExactly("m: closed -> open (error rate 1.00 over 1 calls; the last failure: HTTP 500 (\"bad input"
                        + " [restricted]\"))");
    }

    @Test
    void theWindowForgetsOldCalls() {
        CircuitBreaker b = breaker(4, 4, 0.75, 1);
        run(b, CallVerdict.FAILURE);
        run(b, CallVerdict.FAILURE);
        run(b, CallVerdict.SUCCESS);
        run(b, CallVerdict.SUCCESS);
        run(b, CallVerdict.SUCCESS);
        run(b, CallVerdict.FAILURE);
        assertThat(b.state()).isEqualTo("closed");

        run(b, CallVerdict.FAILURE);
        run(b, CallVerdict.FAILURE);

        assertThat(b.state()).isEqualTo("open");
    }

    @Test
    void neutralOutcomesDoNotCount() {
        CircuitBreaker b = breaker(2, 2, 0.5, 1);
        assertThat(CallVerdict.of(FailureKind.CLIENT_ERROR)).isEqualTo(CallVerdict.NEUTRAL);
        assertThat(CallVerdict.of(FailureKind.TIMEOUT)).isEqualTo(CallVerdict.FAILURE);
        for (int i = 0; i < 10; i++) {
            run(b, CallVerdict.NEUTRAL);
        }
        assertThat(b.state()).isEqualTo("closed");
    }

    @Test
    void halfOpenLetsExactlyTheProbesThroughAndNeedsThemAllToClose() {
        CircuitBreaker b = breaker(1, 1, 1.0, 2);
        run(b, CallVerdict.FAILURE);
        assertThat(b.tryAcquire().granted()).isFalse();
        clock.advance(1000);

        CircuitBreaker.Permit p1 = b.tryAcquire();
        CircuitBreaker.Permit p2 = b.tryAcquire();
        assertThat(p1.granted()).isTrue();
        assertThat(p2.granted()).isTrue();
        assertThat(b.tryAcquire().granted()).isFalse();
        b.record(p1, CallVerdict.SUCCESS, 0);
        assertThat(b.state()).isEqualTo("half-open");
        b.record(p2, CallVerdict.SUCCESS, 0);

        assertThat(b.state()).isEqualTo("closed");
        assertThat(events).extracting(RunEvent::detail).last().isEqualTo("r: half-open -> closed (2 probes succeeded)");
    }

    @Test
    void aStragglerFromBeforeTheOpeningCannotCloseIt() {
        CircuitBreaker b = breaker(1, 1, 1.0, 1);
        CircuitBreaker.Permit straggler = b.tryAcquire();
        run(b, CallVerdict.FAILURE);
        clock.advance(1000);
        CircuitBreaker.Permit probe = b.tryAcquire();

        b.record(straggler, CallVerdict.SUCCESS, 0);

        assertThat(b.state()).isEqualTo("half-open");
        b.record(probe, CallVerdict.FAILURE, 0);
        assertThat(b.state()).isEqualTo("open");
    }

    @Test
    void aSlowProbeReopens() {
        CircuitBreaker b = new CircuitBreaker("r", new RouteSpec.Breaker(1, 1, 1.0, 500L, 1000, 1), clock, events::add);
        run(b, CallVerdict.FAILURE);
        clock.advance(1000);

        b.record(b.tryAcquire(), CallVerdict.SUCCESS, 900);

        assertThat(b.state()).isEqualTo("open");
        assertThat(events).extracting(RunEvent::detail).last()
                .isEqualTo("r: half-open -> open (probe took 900 ms, over the 500 ms SLA)");
    }

    @Test
    void aRouteWithoutBreakerConfigNeverOpens() {
        CircuitBreaker b = new CircuitBreaker("r", null, clock, events::add);
        for (int i = 0; i < 100; i++) {
            run(b, CallVerdict.FAILURE);
        }
        assertThat(b.tryAcquire().granted()).isTrue();
        assertThat(events).isEmpty();
    }
}
