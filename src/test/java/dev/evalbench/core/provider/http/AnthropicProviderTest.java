package dev.evalbench.core.provider.http;

import static dev.evalbench.core.route.RouteFixtures.params;
import static dev.evalbench.core.route.RouteFixtures.requestFor;
import static dev.evalbench.core.route.RouteFixtures.withKey;
import static dev.evalbench.core.route.RouteFixtures.withParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.route.RouteFixtures;
import dev.evalbench.core.workspace.RouteSpec;
import java.time.Clock;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicProviderTest {
    static final String KEY = "sk-ant-test-key";
    static final String TOOL_BODY = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
             "content":[{"type":"tool_use","id":"toolu_1","name":"emit_output","input":{"category":"billing"}}],
             "stop_reason":"tool_use","usage":{"input_tokens":55,"output_tokens":12}}""";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = HttpClients.newBuilder().build();

    @AfterEach
    void shutdown() {
        HttpClients.shutdown(client);
    }

    RouteSpec anthropic() {
        RouteSpec r = RouteFixtures.route("claude", "anthropic", server.url("/").toString());
        return withKey(withParams(r, params("{\"temperature\":0}")), "ANTHROPIC_API_KEY");
    }

    ModelProvider provider(RouteSpec route) throws ProviderException {
        return AnthropicProvider.factory(client, Clock.systemUTC())
                .create(route, RouteFixtures.workspace(route), Map.of("ANTHROPIC_API_KEY", KEY));
    }

    @Test
    void sendsTheSchemaAsOneForcedToolAndReturnsItsInputAsJsonText() throws Exception {
        server.enqueue(new MockResponse.Builder().body(TOOL_BODY).addHeader("request-id", "req_011").build());

        ModelResponse response = provider(anthropic()).complete(requestFor(anthropic(), "I was charged twice"));

        assertThat(Json.MAPPER.readTree(response.text())).isEqualTo(RouteFixtures.json("{\"category\":\"billing\"}"));
        assertThat(response.modelReported()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(response.tokensIn()).isEqualTo(55);
        assertThat(response.tokensOut()).isEqualTo(12);
        assertThat(response.requestId()).isEqualTo("req_011");

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.getHeaders().get("traceparent")).isEqualTo(RouteFixtures.request("x").traceparent());
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        JsonNode body = Json.MAPPER.readTree(sent.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("model-claude");
        assertThat(body.get("system").asText()).isEqualTo("You triage tickets.");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(AnthropicWireFormat.DEFAULT_MAX_TOKENS);
        assertThat(body.get("temperature").asInt()).isZero();
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("emit_output");
        assertThat(body.at("/tools/0/input_schema")).isEqualTo(RouteFixtures.SCHEMA);
        assertThat(body.get("tool_choice")).isEqualTo(RouteFixtures.json("{\"type\":\"tool\",\"name\":\"emit_output\"}"));
    }

    @Test
    void aReplyWithoutUsageIsAnAnswerWithEstimatedTokens() throws Exception {
        // Servers that speak the Messages format without being Anthropic may leave usage out.
        server.enqueue(new MockResponse.Builder().body(TOOL_BODY.replace(",\"usage\":{\"input_tokens\":55,\"output_tokens\":12}", ""))
                .build());

        ModelResponse response = provider(anthropic()).complete(requestFor(anthropic(), "I was charged twice"));

        assertThat(response.tokensEstimated()).isTrue();
        assertThat(response.tokensOut()).isEqualTo((response.text().length() + 3) / 4);
        assertThat(response.tokensIn()).isPositive();
    }

    @Test
    void toolInputThatBreaksTheSchemaIsStillTheAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().body(TOOL_BODY.replace("\"billing\"", "42")).build());

        ModelResponse response = provider(anthropic()).complete(requestFor(anthropic(), "x"));

        assertThat(response.text()).isEqualTo("{\"category\":42}");
        assertThat(response.requestId()).isEqualTo("msg_01");
    }

    @Test
    void withoutASchemaTheTextBlocksAreTheAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"msg_02","model":"claude-x","content":[{"type":"text","text":"Hello "},{"type":"text","text":"there"}],
                 "usage":{"input_tokens":3,"output_tokens":2}}""").build());
        ModelRequest plain = new ModelRequest("model-claude", RouteFixtures.request("hi").messages(), null, null, null, 2000);

        ModelResponse response = provider(anthropic()).complete(plain);

        assertThat(response.text()).isEqualTo("Hello there");
        JsonNode body = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("traceparent")).isFalse();
    }

    @Test
    void anAnswerWithoutTheToolCallIsABadResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"msg_03","model":"claude-x","content":[{"type":"text","text":"{\\"category\\":\\"billing\\"}"}],
                 "usage":{"input_tokens":3,"output_tokens":2}}""").build());
        ModelProvider p = provider(anthropic());

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(anthropic(), "x")));

        assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("emit_output");
    }

    /**
     * A refusal (stop_reason "refusal", no tool call) is the model's answer, kept as the text it wrote: the policy
     * rejects it as no JSON. It was a BAD_RESPONSE, a failed probe and a failure in the breaker's window.
     */
    @Test
    void aRefusalIsTheModelsAnswerNotABadResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"msg_04","model":"claude-x","content":[{"type":"text","text":"I can't help with that."}],
                 "stop_reason":"refusal","usage":{"input_tokens":3,"output_tokens":7}}""").build());
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"msg_05","model":"claude-x","content":[],"stop_reason":"refusal",
                 "usage":{"input_tokens":3,"output_tokens":0}}""").build());
        ModelProvider p = provider(anthropic());

        assertThat(p.complete(requestFor(anthropic(), "x")).text()).isEqualTo("I can't help with that.");
        assertThat(p.complete(requestFor(anthropic(), "x")).text()).as("stopped before any text").isEmpty();
    }

    /**
     * Cut off at max_tokens before the tool call (or in the middle of it, when the API leaves the call out): what the
     * model wrote is its answer, marked cut off, not a BAD_RESPONSE ("response has no emit_output tool call").
     */
    @Test
    void anAnswerCutOffAtMaxTokensIsMarkedSoNotABadResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"msg_06","model":"claude-x","content":[{"type":"text","text":"Let me think about the ticket"}],
                 "stop_reason":"max_tokens","usage":{"input_tokens":3,"output_tokens":400}}""").build());
        server.enqueue(new MockResponse.Builder().body(TOOL_BODY).build());
        ModelProvider p = provider(anthropic());

        ModelResponse cut = p.complete(requestFor(anthropic(), "x"));
        ModelResponse whole = p.complete(requestFor(anthropic(), "x"));

        assertThat(cut.text()).isEqualTo("Let me think about the ticket");
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.tokensOut()).isEqualTo(400);
        assertThat(whole.truncated()).as("stop_reason tool_use").isFalse();
    }

    @Test
    void overloadedIsAServerErrorAndADroppedConnectionAConnectionFailure() throws Exception {
        server.enqueue(new MockResponse.Builder().code(529).body("{\"type\":\"error\"}").build());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        ModelProvider p = provider(anthropic());

        assertThat(catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(anthropic(), "x"))).kind())
                .isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(anthropic(), "x"))).kind())
                .isEqualTo(FailureKind.CONNECTION);
    }
}
