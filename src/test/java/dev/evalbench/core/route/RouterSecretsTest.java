package dev.evalbench.core.route;

import static dev.evalbench.core.route.RouteFixtures.request;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withKey;
import static dev.evalbench.core.route.RouteFixtures.withTimeout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.workspace.RouteSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An API key reaches the provider's auth header and nothing else: no message, no result, no cache byte. */
class RouterSecretsTest {
    static final String KEY = "sk-live-ZEBRA-7731-distinctive-secret";
    static final String OK = """
            {"id":"c1","model":"m","choices":[{"message":{"role":"assistant","content":"{\\"category\\":\\"billing\\"}"}}],
             "usage":{"prompt_tokens":3,"completion_tokens":2}}""";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    @Test
    void aSecretHeaderValueEchoedInAnAnswerIsScreenedLikeAKey() {
        String secret = "pk-gateway-HERON-5521-secret-value";
        server.enqueue(new MockResponse.Builder().body(OK.replace("billing", "your header was " + secret)).build());
        server.enqueue(new MockResponse.Builder().code(403).body("bad x-gateway-key " + secret).build());
        RouteSpec route = route("gw", "openai", server.url("/v1").toString())
                .withHttp(new RouteSpec.Http(null, Map.of("x-gateway-key", "GATEWAY_KEY"), null, null));
        RouterOptions options = RouterOptions.defaults(dir, Map.of("GATEWAY_KEY", secret)).withClock(new FakeClock())
                .withCacheMode(CacheMode.OFF).withCacheDb(null);

        CallResult echoed;
        CallResult refused;
        try (Router router = RouteCallers.create(RouteFixtures.workspace(route), options)) {
            echoed = router.call("gw", request("case 1"), false);
            refused = router.call("gw", request("case 2"), false);
        }

        assertThat(echoed.failure()).isEqualTo(FailureKind.SECRET_IN_OUTPUT);
        assertThat(echoed.response()).isNull();
        assertThat(refused.failure()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(refused.failureMessage()).doesNotContain(secret).doesNotContain(secret.substring(4, 16));
        assertThat(refused.attempts()).allSatisfy(a -> assertThat(String.valueOf(a.message())).doesNotContain(secret));
    }

    @Test
    void theKeyAppearsInNoMessageNoResultAndNoCacheByte() throws Exception {
        // servers that echo the key back in error bodies, as some do
        server.enqueue(new MockResponse.Builder().body(OK).build());
        server.enqueue(new MockResponse.Builder().code(401).body("Incorrect API key provided: " + KEY).build());
        server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"upstream rejected " + KEY + "\"}").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body(KEY).build());
        server.enqueue(new MockResponse.Builder().body(OK).headersDelay(1, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body("not json " + KEY).build());
        // 500 ms: well under the 1 s the fifth answer is held back (a timeout), and room for the sixth (a closed
        // socket) to be served on a busy machine; at 200 ms a loaded CI run once timed out there too.
        RouteSpec route = withTimeout(withKey(route("openai", "openai", server.url("/v1").toString()), "OPENAI_API_KEY"), 500);
        RouterOptions options = RouterOptions.defaults(dir, Map.of("OPENAI_API_KEY", KEY)).withClock(new FakeClock());

        List<CallResult> results = new ArrayList<>();
        try (Router router = RouteCallers.create(RouteFixtures.workspace(route), options)) {
            for (int i = 0; i < 7; i++) {
                results.add(router.call("openai", request("case " + i), false));
            }
        }

        assertThat(results).extracting(CallResult::failure).containsExactly(null, FailureKind.CLIENT_ERROR,
                FailureKind.SERVER_ERROR, FailureKind.RATE_LIMITED, FailureKind.TIMEOUT, FailureKind.CONNECTION,
                FailureKind.BAD_RESPONSE);
        for (int i = 0; i < 7; i++) {
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        }
        assertThat(results.get(1).failureMessage()).contains("Incorrect API key provided: [redacted]");
        for (CallResult result : results) {
            assertThat(Json.MAPPER.writeValueAsString(result)).doesNotContain(KEY);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(KEY);
        }
    }
}
