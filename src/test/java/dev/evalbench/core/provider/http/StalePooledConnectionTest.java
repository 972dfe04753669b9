package dev.evalbench.core.provider.http;

import static dev.evalbench.core.route.RouteFixtures.params;
import static dev.evalbench.core.route.RouteFixtures.requestFor;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withKey;
import static dev.evalbench.core.route.RouteFixtures.withParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.route.RouteFixtures;
import dev.evalbench.core.workspace.RouteSpec;
import java.time.Clock;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server that closes a kept-alive connection while it lies idle (gunicorn after 2 s, uvicorn after 5 s), over real
 * loopback HTTP: the next call, after a pause shorter than the client's own 10 s health check, went out on that dead
 * connection and failed as CONNECTION "unexpected end of stream": a retry spent and a failure in the breaker's window
 * for a request the server never saw. The client keeps idle connections for a second only, so a call after a longer
 * pause opens a new one; a connection that drops is still the provider's failure, never sent again by the client.
 */
class StalePooledConnectionTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = HttpClients.newBuilder().build();

    @AfterEach
    void shutdown() {
        HttpClients.shutdown(client);
    }

    ModelProvider provider() throws ProviderException {
        RouteSpec route = withKey(withParams(route("openai", "openai", server.url("/v1").toString()),
                params("{\"temperature\":0}")), "OPENAI_API_KEY");
        return OpenAiCompatibleProvider.factory(client, Clock.systemUTC())
                .create(route, RouteFixtures.workspace(route), Map.of("OPENAI_API_KEY", "sk-stale"));
    }

    @Test
    void aCallAfterAPauseGoesOutOnANewConnectionNotOneTheServerClosedWhileIdle() throws Exception {
        // Answered, then the server closes the connection it left open (no "Connection: close": the client pools it).
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY)
                .onResponseEnd(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY).build());
        ModelProvider provider = provider();

        provider.complete(requestFor(route("openai", "openai", "http://x"), "first"));
        // Longer than the client keeps a connection, shorter than OkHttp's own check of an idle one (10 s).
        Thread.sleep(HttpClients.IDLE_CONNECTION_MS + 300);
        var second = provider.complete(requestFor(route("openai", "openai", "http://x"), "second"));

        assertThat(second.text()).isEqualTo("{\"category\":\"billing\"}");
        assertThat(server.getRequestCount()).isEqualTo(2);
        server.takeRequest();
        assertThat(server.takeRequest().getConnectionIndex()).as("on a new connection").isEqualTo(1);
    }

    @Test
    void aConnectionThatDropsIsTheProvidersFailureAndNotSentAgain() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY).build());

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider().complete(requestFor(route("openai", "openai", "http://x"), "dropped")));

        assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(server.getRequestCount()).as("not sent again: the server may have acted on it").isEqualTo(1);
    }
}
