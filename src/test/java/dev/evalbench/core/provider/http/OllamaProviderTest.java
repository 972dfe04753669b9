package dev.evalbench.core.provider.http;

import static dev.evalbench.core.route.RouteFixtures.params;
import static dev.evalbench.core.route.RouteFixtures.requestFor;
import static dev.evalbench.core.route.RouteFixtures.withParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.TokenEstimate;
import dev.evalbench.core.route.RouteFixtures;
import dev.evalbench.core.workspace.RouteSpec;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OllamaProviderTest {
    static final String OK_BODY = """
            {"model":"llama3.2:3b","created_at":"2026-01-01T00:00:00Z",
             "message":{"role":"assistant","content":"{\\"category\\":\\"other\\"}"},
             "done":true,"total_duration":1000,"prompt_eval_count":40,"eval_count":9}""";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = HttpClients.newBuilder().build();

    @AfterEach
    void shutdown() {
        HttpClients.shutdown(client);
    }

    RouteSpec ollama() {
        return withParams(RouteFixtures.route("local", "ollama", server.url("").toString()),
                params("{\"temperature\":0,\"num_predict\":128}"));
    }

    ModelProvider provider(RouteSpec route) throws ProviderException {
        return OllamaProvider.factory(client, Clock.systemUTC()).create(route, RouteFixtures.workspace(route), Map.of());
    }

    @Test
    void sendsTheNativeChatFormatAndReadsEvalCounts() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).build());

        ModelResponse response = provider(ollama()).complete(requestFor(ollama(), "where is my parcel"));

        assertThat(response.text()).isEqualTo("{\"category\":\"other\"}");
        assertThat(response.modelReported()).isEqualTo("llama3.2:3b");
        assertThat(response.tokensIn()).isEqualTo(40);
        assertThat(response.tokensOut()).isEqualTo(9);
        assertThat(response.requestId()).isNull();

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/chat");
        assertThat(sent.getHeaders().get("traceparent")).isEqualTo(RouteFixtures.request("x").traceparent());
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        JsonNode body = Json.MAPPER.readTree(sent.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("model-local");
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.get("format")).isEqualTo(RouteFixtures.SCHEMA);
        assertThat(body.get("options")).isEqualTo(RouteFixtures.json("{\"temperature\":0,\"num_predict\":128}"));
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("where is my parcel");
    }

    @Test
    void aPromptServedFromOllamasCacheCountsZeroInputTokens() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY.replace("\"prompt_eval_count\":40,", "")).build());

        assertThat(provider(ollama()).complete(requestFor(ollama(), "x")).tokensIn()).isZero();
    }

    @Test
    void aReplyWithoutCountsIsAnAnswerWithEstimatedTokens() throws Exception {
        // Servers imitating Ollama's API may send no counts at all.
        server.enqueue(new MockResponse.Builder().body(OK_BODY.replace(",\"eval_count\":9", "")).build());

        ModelResponse response = provider(ollama()).complete(requestFor(ollama(), "x"));

        assertThat(response.tokensEstimated()).isTrue();
        assertThat(response.tokensOut()).isEqualTo(TokenEstimate.of(response.text())).isPositive();
        assertThat(response.tokensIn()).isPositive();
    }

    @Test
    void keepAliveAndThinkAreRequestFieldsAndOtherParamsOptions() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).build());
        RouteSpec route = RouteFixtures.withParams(ollama(),
                RouteFixtures.params("{\"keep_alive\":\"10m\",\"think\":false,\"seed\":7,\"top_p\":0.9}"));

        provider(route).complete(requestFor(route, "x"));

        JsonNode body = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.get("keep_alive").asText()).isEqualTo("10m");
        assertThat(body.get("think").asBoolean()).isFalse();
        assertThat(body.get("options")).isEqualTo(RouteFixtures.json("{\"seed\":7,\"top_p\":0.9}"));
    }

    @Test
    void aSlowModelLoadPastTheTimeoutIsATimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).headersDelay(1, TimeUnit.SECONDS).build());
        RouteSpec quick = RouteFixtures.withTimeout(ollama(), 150);
        ModelProvider p = provider(quick);

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(quick, "x")));

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
    }

    /** {@code done_reason "length"}: the model stopped at {@code num_predict}; the answer is kept, marked cut off. */
    @Test
    void anAnswerThatStoppedAtNumPredictIsMarkedCutOff() throws Exception {
        String cutOff = OK_BODY.replace("\"done\":true", "\"done\":true,\"done_reason\":\"length\"")
                .replace("{\\\"category\\\":\\\"other\\\"}", "{\\\"categ");
        String stopped = OK_BODY.replace("\"done\":true", "\"done\":true,\"done_reason\":\"stop\"");
        server.enqueue(new MockResponse.Builder().body(cutOff).build());
        server.enqueue(new MockResponse.Builder().body(stopped).build());
        ModelProvider p = provider(ollama());

        ModelResponse cut = p.complete(requestFor(ollama(), "where is my parcel"));
        ModelResponse whole = p.complete(requestFor(ollama(), "where is my parcel"));

        assertThat(cut.text()).isEqualTo("{\"categ");
        assertThat(cut.truncated()).isTrue();
        assertThat(whole.truncated()).isFalse();
    }
}
