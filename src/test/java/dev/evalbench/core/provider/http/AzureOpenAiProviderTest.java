package dev.evalbench.core.provider.http;

import static dev.evalbench.core.route.RouteFixtures.requestFor;
import static dev.evalbench.core.route.RouteFixtures.route;
import static dev.evalbench.core.route.RouteFixtures.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
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

class AzureOpenAiProviderTest {
    static final String KEY = "azure-key-0123456789abcdef";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = HttpClients.newBuilder().build();

    @AfterEach
    void shutdown() {
        HttpClients.shutdown(client);
    }

    RouteSpec azure(String apiVersion) {
        RouteSpec r = route("az", "azure", server.url("/").toString());
        r = new RouteSpec(r.name(), r.provider(), "triage-gpt4o", r.baseUrl(), null, null, null, r.timeoutMs(), null,
                r.fallbacks(), null, null, r.price());
        return withKey(r, "AZURE_OPENAI_API_KEY").withHttp(new RouteSpec.Http(null, null, apiVersion, null));
    }

    ModelResponse call(RouteSpec route) throws ProviderException {
        return AzureOpenAiProvider.factory(client, Clock.systemUTC())
                .create(route, RouteFixtures.workspace(route), Map.of("AZURE_OPENAI_API_KEY", KEY))
                .complete(requestFor(route, "charged twice"));
    }

    @Test
    void postsToTheDeploymentWithApiVersionAndTheApiKeyHeader() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY).build());

        ModelResponse response = call(azure(null));

        assertThat(response.text()).isEqualTo("{\"category\":\"billing\"}");
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/openai/deployments/triage-gpt4o/chat/completions");
        assertThat(sent.getUrl().queryParameter("api-version")).isEqualTo(AzureOpenAiProvider.DEFAULT_API_VERSION);
        assertThat(sent.getHeaders().get("api-key")).isEqualTo(KEY);
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        JsonNode body = Json.MAPPER.readTree(sent.getBody().utf8());
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
    }

    @Test
    void aPromptTheContentFilterStoppedIsAWithheldEmptyAnswerNotAFailure() throws Exception {
        // Azure's jailbreak shield, on by default: a safety probe's prompt is refused with a 400 before the model sees it.
        server.enqueue(new MockResponse.Builder().code(400).body("""
                {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content \
                management policy. Please modify your prompt and retry.","type":null,"param":"prompt",\
                "code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation",\
                "content_filter_result":{"jailbreak":{"filtered":true,"detected":true}}}}}""").build());
        // The same filter on the answer: finish_reason content_filter and no content.
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"chatcmpl-8","model":"gpt-4o","choices":[{"index":0,"finish_reason":"content_filter",
                 "message":{"role":"assistant","content":null}}],"usage":{"prompt_tokens":9,"completion_tokens":0}}""").build());
        // Another 400 is the failure it says.
        server.enqueue(new MockResponse.Builder().code(400).body("""
                {"error":{"message":"Unsupported value: 'temperature'","type":"invalid_request_error",\
                "param":"temperature","code":"unsupported_value"}}""").build());

        ModelResponse prompt = call(azure(null));
        ModelResponse answer = call(azure(null));
        ProviderException other = catchThrowableOfType(ProviderException.class, () -> call(azure(null)));

        assertThat(prompt.text()).isEmpty();
        assertThat(prompt.withheld()).isTrue();
        assertThat(prompt.tokensEstimated()).as("the 400 reports no usage").isTrue();
        assertThat(prompt.modelReported()).isEqualTo("triage-gpt4o");
        assertThat(answer.text()).isEmpty();
        assertThat(answer.withheld()).isTrue();
        assertThat(other.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(other.httpStatus()).isEqualTo(400);
        assertThat(other.serverSays()).isEqualTo("Unsupported value: 'temperature'");
    }

    @Test
    void theRouteSetsTheApiVersion() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OpenAiCompatibleProviderTest.OK_BODY).build());

        call(azure("2025-01-01-preview"));

        assertThat(server.takeRequest().getUrl().queryParameter("api-version")).isEqualTo("2025-01-01-preview");
    }

    @Test
    void withoutABaseUrlTheRouteCannotBeBuilt() {
        RouteSpec r = azure(null);
        RouteSpec noBase = new RouteSpec(r.name(), r.provider(), r.model(), null, r.apiKeyEnv(), null, null,
                r.timeoutMs(), null, r.fallbacks(), null, null, r.price(), null, r.http());

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> call(noBase));

        assertThat(e.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(e.getMessage()).contains("azure needs base_url");
    }
}
