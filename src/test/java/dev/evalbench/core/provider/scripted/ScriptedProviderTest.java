package dev.evalbench.core.provider.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedProviderTest {
    private static final ScriptedModel MODEL = model("""
            captures:
              order_id: '\\b(ORD-\\d{5})\\b'
            rules:
              - when: '(?i)refund'
                answer: '{"action":"refund","order_id":${order_id}}'
                latency_ms: 420
                tokens_out: 52
              - when: '(?i)slow'
                answer: '{"action":"reply"}'
                latency_ms: 5000
            default:
              answer: '{"action":"reply","order_id":${order_id}}'
              latency_ms: 300
            """);

    private static ScriptedModel model(String yaml) {
        try {
            return ScriptedModel.parse(yaml.getBytes(StandardCharsets.UTF_8), "models/test.yaml");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ModelRequest request(long timeoutMs, Message... messages) {
        return new ModelRequest("ignored-by-scripted", List.of(messages), null, null, null, timeoutMs);
    }

    @Test
    void answersTheLastUserMessageAndReportsTheRouteModel() throws Exception {
        ScriptedProvider provider = new ScriptedProvider(MODEL, "triage-rules-v1", false);

        ModelResponse response = provider.complete(request(0,
                new Message("system", "You may refund orders."),
                new Message("user", "Please refund ORD-11111"),
                new Message("assistant", "Which order?"),
                new Message("user", "Never mind, where is ORD-22222?")));

        assertThat(response.text()).isEqualTo("{\"action\":\"reply\",\"order_id\":\"ORD-22222\"}");
        assertThat(response.modelReported()).isEqualTo("triage-rules-v1");
        assertThat(response.latencyMs()).isEqualTo(300);
    }

    @Test
    void tokensInCountEveryMessageAndTokensOutFollowTheRule() throws Exception {
        ScriptedProvider provider = new ScriptedProvider(MODEL, "m", false);
        String system = "s".repeat(101);
        String user = "refund ORD-10421 please " + "x".repeat(30);

        ModelResponse declared = provider.complete(request(0, new Message("system", system), new Message("user", user)));
        ModelResponse counted = provider.complete(request(0, new Message("user", "where is it")));

        assertThat(declared.tokensIn()).isEqualTo((system.length() + user.length()) / 4);
        assertThat(declared.tokensOut()).isEqualTo(52);
        assertThat(declared.latencyMs()).isEqualTo(420);
        assertThat(counted.tokensIn()).isEqualTo("where is it".length() / 4);
        assertThat(counted.tokensOut()).isEqualTo(counted.text().length() / 4);
    }

    @Test
    void equalRequestsGetEqualAnswersAndIds() throws Exception {
        ScriptedProvider one = new ScriptedProvider(MODEL, "m", false);
        ScriptedProvider two = new ScriptedProvider(MODEL, "m", false);
        ModelRequest request = request(0, new Message("system", "rules"), new Message("user", "refund ORD-10421"));

        ModelResponse first = one.complete(request);
        ModelResponse again = two.complete(request);
        ModelResponse other = one.complete(request(0, new Message("system", "rules"), new Message("user", "refund ORD-10422")));

        assertThat(again).isEqualTo(first);
        assertThat(first.requestId()).matches("scripted-[0-9a-f]{12}");
        assertThat(other.requestId()).isNotEqualTo(first.requestId());
    }

    @Test
    void withoutRealtimeItNeverWaitsSoAnInterruptDoesNotStopIt() throws Exception {
        ScriptedProvider provider = new ScriptedProvider(MODEL, "m", false);
        Thread.currentThread().interrupt();
        try {
            ModelResponse response = provider.complete(request(0, new Message("user", "refund ORD-10421")));
            assertThat(response.latencyMs()).isEqualTo(420);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void inRealtimeItWaitsTheLatencySoAnInterruptCancelsTheCall() {
        ScriptedProvider provider = new ScriptedProvider(MODEL, "m", true);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> provider.complete(request(0, new Message("user", "refund ORD-10421"))))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED));
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aRuleSlowerThanTheTimeoutTimesOut() throws Exception {
        ScriptedProvider provider = new ScriptedProvider(MODEL, "m", false);

        assertThatThrownBy(() -> provider.complete(request(1000, new Message("user", "a slow one"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(e.getMessage()).contains("rules[1]", "5000 ms", "1000 ms");
                });
        assertThat(provider.complete(request(0, new Message("user", "a slow one"))).latencyMs()).isEqualTo(5000);
    }

    @Test
    void aRequestWithoutUserMessageIsAClientError() {
        ScriptedProvider provider = new ScriptedProvider(MODEL, "m", false);

        assertThatThrownBy(() -> provider.complete(request(0, new Message("system", "only rules"))))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CLIENT_ERROR));
    }
}
