package dev.evalbench.core.route;

import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.FallbackTaken;
import static dev.evalbench.core.route.RouteFixtures.request;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withBreaker;
import static dev.evalbench.core.route.RouteFixtures.withFallbacks;
import static dev.evalbench.core.route.RouteFixtures.withKey;
import static dev.evalbench.core.route.RouteFixtures.withRetries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.workspace.RouteSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Breakers, fallbacks and retry budgets, driven by scripted faults and a fake clock. */
class RouterResilienceTest {
    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock();
    final FaultyProvider primary = new FaultyProvider(clock, "{\"category\":\"billing\"}");
    final FaultyProvider backup = new FaultyProvider(clock, "{\"category\":\"other\"}");
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    Router router;

    @AfterEach
    void close() {
        router.close();
    }

    Router router(RouteSpec... routes) {
        RouterOptions options = RouterOptions.defaults(dir, Map.of()).withCacheMode(CacheMode.OFF).withCacheDb(null)
                .withClock(clock).withJitter(() -> 0.5).withEvents(events::add)
                .withProviders(ProviderRegistry.builtIn().withAll(Map.of("primary", primary.factory(), "backup", backup.factory())));
        router = RouteCallers.create(RouteFixtures.workspace(routes), options);
        return router;
    }

    static RouteSpec.Breaker breaker(int window, int minCalls, double rate, Long slaMs) {
        return new RouteSpec.Breaker(window, minCalls, rate, slaMs, 30_000, 1);
    }

    List<String> details() {
        return events.stream().map(RunEvent::detail).toList();
    }

    @Test
    void breakerOpensOnErrorRateFallbackServesWhileOpenAndAProbeClosesIt() {
        RouteSpec main = withFallbacks(withBreaker(route("main", "primary", null), breaker(4, 4, 0.5, null)), "spare");
        router(main, route("spare", "backup", null));
        primary.play("ok", "SERVER_ERROR", "ok", "SERVER_ERROR");

        List<CallResult> first = List.of(call(), call(), call(), call());

        assertThat(first).extracting(CallResult::routeUsed).containsExactly("main", "spare", "main", "spare");
        assertThat(first.get(1).fallbacks()).containsExactly(new FallbackTaken("main", "spare", "SERVER_ERROR"));
        assertThat(router.breakerState("main")).isEqualTo("open");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("breaker");
            assertThat(e.route()).isEqualTo("main");
            assertThat(e.detail()).isEqualTo("main: closed -> open (error rate 0.50 over 4 calls; the last failure: HTTP 500)");
        });

        CallResult whileOpen = call();
        assertThat(whileOpen.response().text()).isEqualTo("{\"category\":\"other\"}");
        assertThat(whileOpen.routeUsed()).isEqualTo("spare");
        assertThat(whileOpen.provider()).isEqualTo("backup");
        assertThat(whileOpen.model()).isEqualTo("model-spare");
        assertThat(whileOpen.fallbacks()).containsExactly(new FallbackTaken("main", "spare", "circuit_open"));
        assertThat(whileOpen.attempts()).extracting(Attempt::outcome).containsExactly("CIRCUIT_OPEN", "ok");
        assertThat(whileOpen.retries()).isZero();
        assertThat(primary.calls()).isEqualTo(4);

        clock.advance(30_000);
        CallResult probe = call();
        assertThat(probe.routeUsed()).isEqualTo("main");
        assertThat(primary.calls()).isEqualTo(5);
        assertThat(router.breakerState("main")).isEqualTo("closed");
        assertThat(details()).containsExactly(
                "main: closed -> open (error rate 0.50 over 4 calls; the last failure: HTTP 500)",
                "main: open -> half-open (after 30000 ms)",
                "main: half-open -> closed (1 probe succeeded)");
        assertThat(events).extracting(RunEvent::at).isSorted();
    }

    @Test
    void aFailedProbeOpensTheBreakerAgain() {
        RouteSpec main = withFallbacks(withBreaker(route("main", "primary", null), breaker(2, 2, 1.0, null)), "spare");
        router(main, route("spare", "backup", null));
        primary.play("CONNECTION", "TIMEOUT", "SERVER_ERROR");
        call();
        call();
        clock.advance(30_000);

        CallResult probe = call();

        assertThat(probe.routeUsed()).isEqualTo("spare");
        assertThat(probe.fallbacks()).containsExactly(new FallbackTaken("main", "spare", "SERVER_ERROR"));
        assertThat(router.breakerState("main")).isEqualTo("open");
        assertThat(details()).last().isEqualTo("main: half-open -> open (probe failed: HTTP 500)");
        assertThat(call().fallbacks()).extracting(FallbackTaken::reason).containsExactly("circuit_open");
    }

    @Test
    void callsSlowerThanTheSlaCountAsFailuresButTheirAnswersAreKept() {
        router(withBreaker(route("main", "primary", null), breaker(3, 3, 0.6, 1000L)));
        primary.play("slow:1500", "ok", "slow:2000");

        List<CallResult> results = List.of(call(), call(), call());

        assertThat(results).allSatisfy(r -> assertThat(r.response()).isNotNull());
        assertThat(results.get(0).attempts().get(0).latencyMs()).isEqualTo(1500);
        assertThat(router.breakerState("main")).isEqualTo("open");
        assertThat(details()).containsExactly("main: closed -> open (error rate 0.67 over 3 calls, 2 over the 1000 ms SLA)");
    }

    @Test
    void anOpenBreakerWithoutFallbackIsCircuitOpen() {
        router(withBreaker(route("main", "primary", null), breaker(1, 1, 1.0, null)));
        primary.play("SERVER_ERROR");
        call();

        CallResult result = call();

        assertThat(result.failure()).isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(result.routeUsed()).isEqualTo("main");
        assertThat(result.response()).isNull();
        assertThat(primary.calls()).isEqualTo(1);
    }

    @Test
    void aRetryTheOpenBreakerRefusedIsNotCountedAsARetry() {
        // The first failure opens a one-call breaker; the retry that follows is refused and sends nothing.
        RouteSpec main = withFallbacks(withRetries(withBreaker(route("main", "primary", null), breaker(1, 1, 1.0, null)),
                3, 10, 100, 10), "spare");
        router(main, route("spare", "backup", null));
        primary.play("SERVER_ERROR");

        CallResult result = call();

        assertThat(result.attempts()).extracting(Attempt::route, Attempt::number, Attempt::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("main", 1, "SERVER_ERROR"),
                org.assertj.core.groups.Tuple.tuple("main", 2, "CIRCUIT_OPEN"),
                org.assertj.core.groups.Tuple.tuple("spare", 1, "ok"));
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(result.retries()).isZero();
        assertThat(Attempt.retries(result.attempts())).isZero();
        assertThat(router.retryBudgetLeft("main")).as("the refused retry is given back").isEqualTo(10);
    }

    @Test
    void theRetryBudgetIsSharedByAllCallsOfARouteAndThenRetriesStop() {
        router(withRetries(route("main", "primary", null), 3, 10, 100, 2));
        primary.play("SERVER_ERROR", "SERVER_ERROR", "SERVER_ERROR", "SERVER_ERROR", "ok");

        CallResult first = call();
        CallResult second = call();

        assertThat(first.attempts()).hasSize(3);
        assertThat(first.retries()).isEqualTo(2);
        assertThat(first.failure()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(second.attempts()).hasSize(1);
        assertThat(second.failure()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(second.failureMessage()).contains("retry budget of route main is spent");
        assertThat(router.retryBudgetLeft("main")).isZero();
        assertThat(primary.calls()).isEqualTo(4);
    }

    @Test
    void fallbacksGoDepthFirstNeverVisitARouteTwiceAndPriceTheAnsweringRoute() {
        RouteSpec a = withFallbacks(route("a", "primary", null), "b", "c");
        RouteSpec b = withFallbacks(route("b", "primary", null), "a", "d");
        RouteSpec d = withFallbacks(route("d", "primary", null), "b");
        RouteSpec c = new RouteSpec("c", "backup", "model-c", null, null, null, null, null, null, List.of(), null, null,
                new RouteSpec.Price(10.0, 20.0));
        router(a, b, c, d);
        primary.play("SERVER_ERROR", "BAD_RESPONSE", "CONNECTION");

        CallResult result = call("a");

        assertThat(result.routeUsed()).isEqualTo("c");
        assertThat(result.fallbacks()).containsExactly(
                new FallbackTaken("a", "b", "SERVER_ERROR"),
                new FallbackTaken("b", "d", "BAD_RESPONSE"),
                new FallbackTaken("d", "c", "CONNECTION"));
        assertThat(result.attempts()).extracting(Attempt::route).containsExactly("a", "b", "d", "c");
        assertThat(result.retries()).isZero();
        assertThat(result.costUsd()).isCloseTo(100 * 10.0 / 1e6 + 20 * 20.0 / 1e6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(backup.seen().get(0).model()).isEqualTo("model-c");
    }

    @Test
    void whenEveryRouteFailsTheLastFailureIsReported() {
        router(withFallbacks(route("a", "primary", null), "b"), withFallbacks(route("b", "primary", null), "a"));
        primary.play("SERVER_ERROR", "TIMEOUT");

        CallResult result = call("a");

        assertThat(result.failure()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(result.routeUsed()).isEqualTo("b");
        assertThat(result.fallbacks()).containsExactly(new FallbackTaken("a", "b", "SERVER_ERROR"));
        assertThat(result.costUsd()).isZero();
    }

    @Test
    void aMissingKeyFallsBackWithoutCallingAnything() {
        RouteSpec keyed = withFallbacks(withKey(route("cloud", "openai", "http://127.0.0.1:9/v1"), "NOT_SET_KEY"), "spare");
        router(keyed, route("spare", "backup", null));

        CallResult result = call("cloud");

        assertThat(result.routeUsed()).isEqualTo("spare");
        assertThat(result.fallbacks()).containsExactly(new FallbackTaken("cloud", "spare", "MISSING_KEY"));
        assertThat(result.attempts().get(0).message()).contains("NOT_SET_KEY");
    }

    @Test
    void aCancelledCallTakesNoFallbackAndKeepsTheInterrupt() {
        router(withFallbacks(route("main", "primary", null), "spare"), route("spare", "backup", null));
        Thread.currentThread().interrupt();
        CallResult result;
        try {
            result = call();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(result.failure()).isEqualTo(FailureKind.CANCELLED);
        assertThat(result.fallbacks()).isEmpty();
        assertThat(primary.calls() + backup.calls()).isZero();
    }

    @Test
    void eachRouteSendsItsOwnModelAndParams() {
        RouteSpec main = RouteFixtures.withParams(withFallbacks(route("main", "primary", null), "spare"),
                RouteFixtures.params("{\"temperature\":0}"));
        router(main, RouteFixtures.withParams(route("spare", "backup", null), RouteFixtures.params("{\"top_p\":0.5}")));
        primary.play("SERVER_ERROR");

        call();

        assertThat(primary.seen().get(0).model()).isEqualTo("model-main");
        assertThat(primary.seen().get(0).params()).isEqualTo(RouteFixtures.params("{\"temperature\":0}"));
        assertThat(primary.seen().get(0).timeoutMs()).isEqualTo(2000);
        assertThat(backup.seen().get(0).params()).isEqualTo(RouteFixtures.params("{\"top_p\":0.5}"));
        assertThat(backup.seen().get(0).traceparent()).isEqualTo(request("x").traceparent());
    }

    @Test
    void aRoutesRateLimitPacesItsCalls() {
        router(RouteFixtures.withLimits(route("main", "primary", null), new RouteSpec.Limits(4, 2, null)));

        List<CallResult> results = List.of(call(), call(), call());

        assertThat(results).allSatisfy(r -> assertThat(r.response()).isNotNull());
        assertThat(clock.waits()).containsExactly(30_000L);
        assertThat(results.get(2).attempts().get(0).latencyMs()).isZero();
    }

    @Test
    void anUnknownRouteIsARecordedFailure() {
        router(route("main", "primary", null));

        CallResult result = call("nope");

        assertThat(result.failure()).isEqualTo(FailureKind.INTERNAL);
        assertThat(result.failureMessage()).contains("no route named 'nope'");
    }

    CallResult call() {
        return call("main");
    }

    CallResult call(String route) {
        return router.call(route, request("I was charged twice"), false);
    }
}
