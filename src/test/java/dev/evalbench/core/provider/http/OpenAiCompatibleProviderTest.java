package dev.evalbench.core.provider.http;

import static dev.evalbench.core.route.RouteFixtures.params;
import static dev.evalbench.core.route.RouteFixtures.requestFor;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withKey;
import static dev.evalbench.core.route.RouteFixtures.withParams;
import static dev.evalbench.core.route.RouteFixtures.withTimeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ModelProvider;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.route.RouteFixtures;
import dev.evalbench.core.workspace.RouteSpec;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleProviderTest {
    static final String KEY = "sk-test-0penai-key";
    static final String OK_BODY = """
            {"id":"chatcmpl-42","object":"chat.completion","model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"category\\":\\"billing\\"}"},
                         "finish_reason":"stop"}],
             "usage":{"prompt_tokens":31,"completion_tokens":7,"total_tokens":38}}""";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = HttpClients.newBuilder().build();

    @AfterEach
    void shutdown() {
        HttpClients.shutdown(client);
    }

    RouteSpec openai() {
        RouteSpec r = route("openai", "openai", server.url("/v1").toString());
        return withKey(withParams(r, params("{\"temperature\":0,\"max_tokens\":50}")), "OPENAI_API_KEY");
    }

    ModelProvider provider(RouteSpec route) throws ProviderException {
        return OpenAiCompatibleProvider.factory(client, Clock.systemUTC())
                .create(route, RouteFixtures.workspace(route), Map.of("OPENAI_API_KEY", KEY));
    }

    ProviderException failure(RouteSpec route) throws ProviderException {
        ModelProvider p = provider(route);
        return catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(route, "charged twice")));
    }

    @Test
    void sendsTheChatCompletionsWireFormatAndReadsTheAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).addHeader("x-request-id", "req_abc").build());

        ModelResponse response = provider(openai()).complete(requestFor(openai(), "I was charged twice"));

        assertThat(response.text()).isEqualTo("{\"category\":\"billing\"}");
        assertThat(response.modelReported()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.tokensIn()).isEqualTo(31);
        assertThat(response.tokensOut()).isEqualTo(7);
        assertThat(response.requestId()).isEqualTo("req_abc");

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.getHeaders().get("traceparent")).isEqualTo(RouteFixtures.request("x").traceparent());
        JsonNode body = Json.MAPPER.readTree(sent.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("model-openai");
        assertThat(body.get("temperature").asInt()).isZero();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(50);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("I was charged twice");
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("output");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(RouteFixtures.SCHEMA);
    }

    @Test
    void takesTheResponseIdWhenThereIsNoRequestIdHeader() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).build());

        assertThat(provider(openai()).complete(requestFor(openai(), "x")).requestId()).isEqualTo("chatcmpl-42");
    }

    @Test
    void jsonObjectModeSendsNoSchemaAndKeepsTheSwitchOutOfTheBody() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).build());
        RouteSpec route = withParams(openai(), params("{\"structured_output\":\"json_object\",\"temperature\":0.2}"));

        provider(route).complete(requestFor(route, "x"));

        JsonNode body = Json.MAPPER.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.get("response_format")).isEqualTo(RouteFixtures.json("{\"type\":\"json_object\"}"));
        assertThat(body.has("structured_output")).isFalse();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
    }

    @Test
    void localServersNeedNoKey() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).build());
        RouteSpec local = route("local", "openai", server.url("/v1/").toString());

        OpenAiCompatibleProvider.factory(client, Clock.systemUTC())
                .create(local, RouteFixtures.workspace(local), Map.of()).complete(requestFor(local, "x"));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aNamedKeyMissingFromTheEnvironmentIsMissingKey() {
        RouteSpec route = openai();
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> OpenAiCompatibleProvider
                .factory(client, Clock.systemUTC()).create(route, RouteFixtures.workspace(route), Map.of()));

        assertThat(e.kind()).isEqualTo(FailureKind.MISSING_KEY);
        assertThat(e.getMessage()).contains("OPENAI_API_KEY");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void contentThatBreaksTheSchemaIsReturnedAsText() throws Exception {
        String body = OK_BODY.replace("{\\\"category\\\":\\\"billing\\\"}", "{\\\"category\\\":\\\"refunds\\\",\\\"extra\\\":1}");
        server.enqueue(new MockResponse.Builder().body(body).build());

        ModelResponse response = provider(openai()).complete(requestFor(openai(), "x"));

        assertThat(response.text()).isEqualTo("{\"category\":\"refunds\",\"extra\":1}");
    }

    /** A refusal and an answer the content filter withheld are the model's answers (their text, or none), not broken replies. */
    @Test
    void aRefusalOrAFilteredAnswerIsAnAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"chatcmpl-7","model":"gpt-4o","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":null,"refusal":"I can't help with that."}}],
                 "usage":{"prompt_tokens":9,"completion_tokens":6}}""").build());
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"chatcmpl-8","model":"gpt-4o","choices":[{"index":0,"finish_reason":"content_filter",
                 "message":{"role":"assistant","content":null}}],"usage":{"prompt_tokens":9,"completion_tokens":0}}""").build());
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"chatcmpl-9","model":"gpt-4o","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":null}}],"usage":{"prompt_tokens":9,"completion_tokens":0}}""").build());
        ModelProvider p = provider(openai());

        assertThat(p.complete(requestFor(openai(), "x")).text()).isEqualTo("I can't help with that.");
        assertThat(p.complete(requestFor(openai(), "x")).text()).isEmpty();
        assertThat(catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(openai(), "x"))).kind())
                .as("no content and no reason for it").isEqualTo(FailureKind.BAD_RESPONSE);
    }

    @Test
    void aPromptFlaggedForTheUsagePolicyIsAWithheldAnswerAndAnyOtherInvalidPromptAFailure() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400).body("""
                {"error":{"message":"Invalid prompt: your prompt was flagged as potentially violating our usage policy.\
                 Please try again with a different prompt.","type":"invalid_request_error","param":null,\
                "code":"invalid_prompt"}}""").build());
        server.enqueue(new MockResponse.Builder().code(400).body("""
                {"error":{"message":"Invalid prompt: messages must alternate","type":"invalid_request_error",\
                "param":"messages","code":"invalid_prompt"}}""").build());
        ModelProvider p = provider(openai());

        ModelResponse flagged = p.complete(requestFor(openai(), "x"));
        assertThat(flagged.text()).isEmpty();
        assertThat(flagged.withheld()).isTrue();
        ProviderException malformed = catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(openai(), "x")));
        assertThat(malformed.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
    }

    @Test
    void a429OutOfQuotaIsNoRateLimitNoWaitEnds() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).body("""
                {"error":{"message":"You exceeded your current quota, please check your plan and billing details.",\
                "type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""").build());
        server.enqueue(new MockResponse.Builder().code(429).body("""
                {"error":{"message":"Rate limit reached for gpt-4o-mini","type":"requests","code":"rate_limit_exceeded"}}""")
                .build());

        ProviderException quota = failure(openai());
        ProviderException rate = failure(openai());

        assertThat(quota.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(quota.httpStatus()).isEqualTo(429);
        assertThat(quota.serverSays()).isEqualTo("You exceeded your current quota, please check your plan and billing details.");
        assertThat(rate.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    }

    @Test
    void contentGivenAsPartsIsTheTextOfItsTextPartsNotTheThinking() throws Exception {
        // Mistral's reasoning models: the thinking first, then the answer, as typed parts.
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"c-1","model":"magistral-medium-2509","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":[
                   {"type":"thinking","thinking":[{"type":"text","text":"The ticket is about a charge."}]},
                   {"type":"text","text":"{\\"category\\":"},{"type":"text","text":"\\"billing\\"}"}]}}],
                 "usage":{"prompt_tokens":9,"completion_tokens":30}}""").build());
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"c-2","model":"magistral-medium-2509","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":[{"type":"thinking","thinking":[]}]}}],
                 "usage":{"prompt_tokens":9,"completion_tokens":3}}""").build());
        ModelProvider p = provider(openai());

        assertThat(p.complete(requestFor(openai(), "x")).text()).isEqualTo("{\"category\":\"billing\"}");
        assertThat(catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(openai(), "x"))).kind())
                .as("thinking and no answer").isEqualTo(FailureKind.BAD_RESPONSE);
    }

    @Test
    void aBodyThatIsNotJsonIsABadResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"choices\": [").build());

        assertThat(failure(openai()).kind()).isEqualTo(FailureKind.BAD_RESPONSE);
    }

    @Test
    void aBodyWithoutUsageIsABadResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY.replaceAll("\"usage\":\\{[^}]*}", "\"usage\":{}")).build());

        ProviderException e = failure(openai());

        assertThat(e.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("prompt_tokens");
    }

    @Test
    void rateLimitedCarriesRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("{\"error\":\"slow down\"}").build());

        ProviderException e = failure(openai());

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfterMs()).isEqualTo(2000);
        assertThat(e.getMessage()).contains("slow down");
    }

    @Test
    void statusesMapToFailureKinds() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("overloaded").build());
        server.enqueue(new MockResponse.Builder().code(400).body("bad model").build());
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "http://elsewhere.invalid/").build());

        assertThat(failure(openai()).kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failure(openai()).kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        ProviderException redirect = failure(openai());
        assertThat(redirect.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(redirect.getMessage()).contains("redirects are not followed");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsATimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).headersDelay(1, TimeUnit.SECONDS).build());

        ProviderException e = failure(withTimeout(openai(), 200));

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.getMessage()).contains("200 ms");
    }

    @Test
    void aBodyStalledPastTheTimeoutIsATimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).bodyDelay(1, TimeUnit.SECONDS).build());

        assertThat(failure(withTimeout(openai(), 200)).kind()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void aDroppedConnectionIsAConnectionFailure() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body(OK_BODY).build());

        assertThat(failure(openai()).kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(server.getRequestCount()).as("not sent again by the client: the server may have acted on it").isEqualTo(1);
    }

    /**
     * A server that closes a kept-alive connection while it lies idle (gunicorn after 2 s, uvicorn after 5 s): the next
     * call, after a pause shorter than OkHttp's own 10 s check of an idle connection, went out on the dead connection
     * and failed as CONNECTION "unexpected end of stream", a retry spent and a failure in the breaker's window for a
     * request the server never saw. The client keeps idle connections for a second only.
     */
    @Test
    void aCallAfterAPauseGoesOutOnANewConnectionNotOneTheServerClosedWhileIdle() throws Exception {
        // Answered, then the server closes the connection it left open (no "Connection: close": the client pools it).
        server.enqueue(new MockResponse.Builder().body(OK_BODY).onResponseEnd(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body(OK_BODY).build());
        ModelProvider p = provider(openai());

        p.complete(requestFor(openai(), "first"));
        Thread.sleep(HttpClients.IDLE_CONNECTION_MS + 300);
        ModelResponse second = p.complete(requestFor(openai(), "second"));

        assertThat(second.text()).isEqualTo("{\"category\":\"billing\"}");
        server.takeRequest();
        assertThat(server.takeRequest().getConnectionIndex()).as("on a new connection").isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsAConnectionFailure() throws Exception {
        RouteSpec nowhere = withKey(route("gone", "openai", "http://127.0.0.1:1/v1"), "OPENAI_API_KEY");

        assertThat(failure(nowhere).kind()).isEqualTo(FailureKind.CONNECTION);
    }

    @Test
    void anInterruptedCallerCancelsTheCall() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OK_BODY).headersDelay(1, TimeUnit.SECONDS).build());
        ModelProvider p = provider(openai());
        Thread.currentThread().interrupt();
        try {
            ProviderException e = catchThrowableOfType(ProviderException.class, () -> p.complete(requestFor(openai(), "x")));
            assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
