package dev.evalbench.core.route;

import dev.evalbench.core.record.Attempt;
import static dev.evalbench.core.route.RouteFixtures.request;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withRetries;
import static dev.evalbench.core.route.RouteFixtures.withTimeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.workspace.RouteSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router over real HTTP on loopback: retries, Retry-After and timeouts as a run sees them. */
class RouterHttpTest {
    static final String OK = """
            {"id":"c1","model":"served-model","choices":[{"message":{"role":"assistant","content":"{\\"category\\":\\"billing\\"}"}}],
             "usage":{"prompt_tokens":31,"completion_tokens":7}}""";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock();
    Router router;

    @AfterEach
    void close() {
        router.close();
    }

    Router router(RouteSpec route) {
        RouterOptions options = RouterOptions.defaults(dir, Map.of()).withCacheMode(CacheMode.OFF).withCacheDb(null)
                .withClock(clock).withJitter(() -> 0.5);
        router = RouteCallers.create(RouteFixtures.workspace(route), options);
        return router;
    }

    RouteSpec openai() {
        return withRetries(route("openai", "openai", server.url("/v1").toString()), 3, 100, 8000, 10);
    }

    @Test
    void honoursRetryAfterWhenItIsLongerThanTheBackoff() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        server.enqueue(new MockResponse.Builder().body(OK).build());

        CallResult result = router(openai()).call("openai", request("charged twice"), false);

        assertThat(result.failure()).isNull();
        assertThat(result.response().text()).isEqualTo("{\"category\":\"billing\"}");
        assertThat(clock.waits()).containsExactly(2000L);
        assertThat(result.attempts()).extracting(Attempt::outcome).containsExactly("RATE_LIMITED", "ok");
        assertThat(result.attempts().get(0).httpStatus()).isEqualTo(429);
        assertThat(result.retries()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesServerErrorsWithJitteredExponentialBackoff() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(new MockResponse.Builder().code(502).build());
        server.enqueue(new MockResponse.Builder().body(OK).build());

        CallResult result = router(openai()).call("openai", request("charged twice"), false);

        assertThat(result.response()).isNotNull();
        assertThat(result.attempts()).extracting(Attempt::outcome).containsExactly("SERVER_ERROR", "SERVER_ERROR", "ok");
        assertThat(result.retries()).isEqualTo(2);
        // jitter 0.5 of min(8000, 100 * 2^(n-1)): 50 then 100
        assertThat(clock.waits()).containsExactly(50L, 100L);
        assertThat(result.routeUsed()).isEqualTo("openai");
        assertThat(result.provider()).isEqualTo("openai");
        assertThat(result.model()).isEqualTo("model-openai");
        assertThat(result.response().modelReported()).isEqualTo("served-model");
        assertThat(result.costUsd()).isCloseTo(31 * 1.0 / 1e6 + 7 * 2.0 / 1e6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(router.retryBudgetLeft("openai")).isEqualTo(8);
    }

    @Test
    void aRetryAfterBeyondMaxDelayEndsTheRetries() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "60").build());

        CallResult result = router(openai()).call("openai", request("x"), false);

        assertThat(result.failure()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(result.failureMessage()).contains("max_delay_ms");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(clock.waits()).isEmpty();
    }

    @Test
    void timeoutsAreRetriedThenReportedAsTimeout() {
        server.enqueue(new MockResponse.Builder().body(OK).headersDelay(1, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().body(OK).headersDelay(1, TimeUnit.SECONDS).build());
        RouteSpec route = withTimeout(withRetries(openai(), 2, 10, 100, 5), 150);

        CallResult result = router(route).call("openai", request("x"), false);

        assertThat(result.failure()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(result.attempts()).extracting(Attempt::outcome).containsExactly("TIMEOUT", "TIMEOUT");
        assertThat(result.failureMessage()).contains("after 2 attempts");
    }

    @Test
    void aBadRequestIsNotRetried() {
        server.enqueue(new MockResponse.Builder().code(400).body("unknown parameter").build());

        CallResult result = router(openai()).call("openai", request("x"), false);

        assertThat(result.failure()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(result.attempts()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
