package dev.evalbench.core.provider.http;

import static dev.evalbench.core.route.RouteFixtures.params;
import static dev.evalbench.core.route.RouteFixtures.requestFor;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withKey;
import static dev.evalbench.core.route.RouteFixtures.withParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.TokenEstimate;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.route.RouteFixtures;
import dev.evalbench.core.workspace.RouteSpec;
import java.time.Clock;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An OpenAI-compatible route as teams run it behind gateways, on the wire. */
class GatewayRouteTest {
    static final String KEY = "sk-gateway-virtual-key-0001";
    static final String PORTKEY = "pk-live-secret-value-9876";
    static final String ANSWER = "{\"category\":\"billing\"}";
    static final String NO_USAGE = """
            {"id":"gw-1","model":"llama-3.1-8b","choices":[{"index":0,"message":{"role":"assistant",
             "content":"{\\"category\\":\\"billing\\"}"},"finish_reason":"stop"}]}""";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = HttpClients.newBuilder().build();
    final Map<String, String> env = Map.of("GATEWAY_KEY", KEY, "PORTKEY_API_KEY", PORTKEY);

    @AfterEach
    void shutdown() {
        HttpClients.shutdown(client);
    }

    RouteSpec gateway(String model, String paramsJson) {
        RouteSpec r = route("gw", "openai", server.url("/v1").toString());
        r = new RouteSpec(r.name(), r.provider(), model, r.baseUrl(), null, null, null, r.timeoutMs(), null,
                r.fallbacks(), null, null, r.price());
        r = withKey(withParams(r, params(paramsJson)), "GATEWAY_KEY");
        return r.withHttp(new RouteSpec.Http(Map.of("x-portkey-provider", "openai", "x-team", "triage"),
                Map.of("x-portkey-api-key", "PORTKEY_API_KEY"), null, null));
    }

    ModelProvider provider(RouteSpec route) throws ProviderException {
        return OpenAiCompatibleProvider.factory(client, Clock.systemUTC()).create(route, RouteFixtures.workspace(route), env);
    }

    static String reply(String model, String usage) {
        return "{\"id\":\"c1\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"{\\\"category\\\":\\\"billing\\\"}\"},\"finish_reason\":\"stop\"}],\"usage\":" + usage + "}";
    }

    @Test
    void sendsTheRouteHeadersAndTheSecretHeaderFromTheEnvironment() throws Exception {
        server.enqueue(new MockResponse.Builder().body(reply("gpt-4o-mini", "{\"prompt_tokens\":5,\"completion_tokens\":3}")).build());
        RouteSpec route = gateway("gpt-4o-mini", "{}");

        provider(route).complete(requestFor(route, "x"));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeaders().get("x-portkey-provider")).isEqualTo("openai");
        assertThat(sent.getHeaders().get("x-team")).isEqualTo("triage");
        assertThat(sent.getHeaders().get("x-portkey-api-key")).isEqualTo(PORTKEY);
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aSecretHeaderValueEchoedByTheServerIsScrubbedLikeTheKey() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":\"bad header x-portkey-api-key: " + PORTKEY + " with key " + KEY + "\"}").build());
        RouteSpec route = gateway("gpt-4o-mini", "{}");
        ModelProvider p = provider(route);

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(route, "x")));

        assertThat(e.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(e.getMessage()).doesNotContain(PORTKEY).doesNotContain(KEY).contains(Redactor.MARK);
        assertThat(p.toString()).doesNotContain(PORTKEY);
    }

    @Test
    void anUnsetSecretHeaderVariableIsAMissingKeyNamingTheVariableOnly() {
        RouteSpec route = gateway("gpt-4o-mini", "{}");

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> OpenAiCompatibleProvider
                .factory(client, Clock.systemUTC()).create(route, RouteFixtures.workspace(route), Map.of("GATEWAY_KEY", KEY)));

        assertThat(e.kind()).isEqualTo(FailureKind.MISSING_KEY);
        assertThat(e.getMessage()).contains("PORTKEY_API_KEY").contains("x-portkey-api-key");
    }

    @Test
    void paramsWeDoNotModelPassThroughIntoTheBody() throws Exception {
        server.enqueue(new MockResponse.Builder().body(reply("gpt-4o-mini", "{\"prompt_tokens\":5,\"completion_tokens\":3}")).build());
        RouteSpec route = gateway("gpt-4o-mini",
                "{\"seed\":7,\"top_p\":0.9,\"logprobs\":true,\"top_logprobs\":2,\"metadata\":{\"team\":\"triage\"},\"max_tokens\":64}");

        provider(route).complete(requestFor(route, "x"));

        JsonNode body = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.get("seed").asInt()).isEqualTo(7);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("logprobs").asBoolean()).isTrue();
        assertThat(body.get("top_logprobs").asInt()).isEqualTo(2);
        assertThat(body.at("/metadata/team").asText()).isEqualTo("triage");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void reasoningModelsGetMaxCompletionTokensAndTheirReasoningTokensAreRecorded() throws Exception {
        server.enqueue(new MockResponse.Builder().body(reply("o3-mini-2025-01-31",
                "{\"prompt_tokens\":40,\"completion_tokens\":900,\"completion_tokens_details\":{\"reasoning_tokens\":832}}")).build());
        RouteSpec route = gateway("o3-mini", "{\"max_tokens\":2000}");

        ModelResponse response = provider(route).complete(requestFor(route, "x"));

        JsonNode body = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(2000);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(response.tokensOut()).isEqualTo(900);
        assertThat(response.reasoningTokens()).isEqualTo(832);
        assertThat(response.tokensEstimated()).isFalse();
    }

    @Test
    void gatewayPrefixedReasoningModelsAndGpt5AreRecognised() throws Exception {
        for (String model : new String[] {"openai/o4-mini", "gpt-5-mini", "o1"}) {
            server.enqueue(new MockResponse.Builder().body(reply(model, "{\"prompt_tokens\":1,\"completion_tokens\":1}")).build());
            RouteSpec route = gateway(model, "{\"max_tokens\":10}");
            provider(route).complete(requestFor(route, "x"));
            assertThat(Json.MAPPER.readTree(server.takeRequest().getBody().utf8()).has("max_completion_tokens"))
                    .as(model).isTrue();
        }
    }

    @Test
    void theRouteCanSayWhichTokenLimitFieldToSend() throws Exception {
        server.enqueue(new MockResponse.Builder().body(reply("my-alias", "{\"prompt_tokens\":1,\"completion_tokens\":1}")).build());
        server.enqueue(new MockResponse.Builder().body(reply("o3", "{\"prompt_tokens\":1,\"completion_tokens\":1}")).build());
        RouteSpec alias = gateway("my-alias", "{\"max_tokens\":10,\"max_tokens_field\":\"max_completion_tokens\"}");
        RouteSpec old = gateway("o3", "{\"max_tokens\":10,\"max_tokens_field\":\"max_tokens\"}");

        provider(alias).complete(requestFor(alias, "x"));
        provider(old).complete(requestFor(old, "x"));

        JsonNode first = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
        JsonNode second = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
        assertThat(first.get("max_completion_tokens").asInt()).isEqualTo(10);
        assertThat(first.has("max_tokens_field")).isFalse();
        assertThat(second.get("max_tokens").asInt()).isEqualTo(10);
        assertThat(second.has("max_completion_tokens")).isFalse();
    }

    @Test
    void aReplyWithoutUsageIsAnAnswerWithEstimatedTokens() throws Exception {
        server.enqueue(new MockResponse.Builder().body(NO_USAGE).build());
        RouteSpec route = gateway("llama-3.1-8b", "{}");
        var request = requestFor(route, "I was charged twice this month");

        ModelResponse response = provider(route).complete(request);

        assertThat(response.text()).isEqualTo(ANSWER);
        assertThat(response.tokensEstimated()).isTrue();
        assertThat(response.tokensIn()).isEqualTo(TokenEstimate.of(request.messages())).isPositive();
        assertThat(response.tokensOut()).isEqualTo((ANSWER.length() + 3) / 4);
    }
}
