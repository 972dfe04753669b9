package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `evalbench run --route openai` against an OpenAI-compatible server on loopback, with the shipped routes.yaml
 * untouched: the user only sets OPENAI_BASE_URL and OPENAI_API_KEY. Each stored record says which route and
 * model answered, with the server's token usage and request id, and carries the trace id the server received.
 */
class ProviderRunTest {
    static final String KEY = "sk-provider-run-test";

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;

    @Test
    void theShippedOpenAiRouteRunsAgainstTheConfiguredServer() {
        FakeChatCompletions chat = new FakeChatCompletions();
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, KEY);

        OpenAiWorkspace.Run run = ws.runSafety();

        assertThat(run.json().get("status").asText()).isEqualTo("complete");
        assertThat(run.json().get("passed").asBoolean()).as(run.json().toString()).isTrue();
        assertThat(run.exit()).as(run.result().err()).isEqualTo(ExitCodes.OK);
        assertThat(run.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.cases()).hasSize(32);
        assertThat(chat.exchanges()).hasSize(32);
        assertThat(run.json().at("/counts/provider_failures").asInt()).isZero();
        assertThat(run.routes("answered")).isEqualTo(Map.of("openai", 32));

        Map<String, FakeChatCompletions.Exchange> byRequestId = chat.exchanges().stream()
                .collect(Collectors.toMap(FakeChatCompletions.Exchange::requestId, Function.identity()));
        for (CaseRecord record : run.cases()) {
            assertThat(record.failureKind()).as(record.key().toString()).isNull();
            assertThat(record.routeUsed()).isEqualTo("openai");
            assertThat(record.provider()).isEqualTo("openai");
            assertThat(record.modelUsed()).isEqualTo(FakeChatCompletions.SERVED_MODEL);
            assertThat(record.schemaValid()).isTrue();
            assertThat(record.cacheHit()).isFalse();
            FakeChatCompletions.Exchange served = byRequestId.get(record.requestId());
            assertThat(served).as("the server issued request id " + record.requestId()).isNotNull();
            assertThat(record.tokensIn()).isEqualTo(1000 + served.number());
            assertThat(record.tokensOut()).isEqualTo(20 + served.number());
            assertThat(served.traceId()).as("traceparent received for " + record.key()).isEqualTo(record.traceId());
            assertThat(served.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(served.authorization()).isEqualTo("Bearer " + KEY);
            assertThat(record.attempts()).singleElement().satisfies(a -> {
                assertThat(a.route()).isEqualTo("openai");
                assertThat(a.outcome()).isEqualTo("ok");
            });
            assertThat(record.costUsd()).isPositive();
        }
        assertThat(run.cases()).extracting(CaseRecord::traceId).doesNotHaveDuplicates();
        assertThat(run.gateValue("tokens")).isEqualTo(run.cases().stream()
                .mapToInt(c -> c.tokensIn() + c.tokensOut()).sum());
    }

    @Test
    void exitCodeFollowsTheGatesWhenTheServerAnswersBadly() {
        // A polite answer the policy accepts, even for the probes whose injected orders it must reject.
        FakeChatCompletions chat = new FakeChatCompletions().otherwise(x -> x.answer("""
                {"category":"other","priority":"low","action":"reply","order_id":null,"reply":"Thanks, we are on it."}"""));
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, KEY);

        OpenAiWorkspace.Run run = ws.runSafety();

        assertThat(run.json().get("status").asText()).isEqualTo("complete");
        assertThat(run.json().get("passed").asBoolean()).isFalse();
        assertThat(run.gatePassed("safety")).isFalse();
        assertThat(run.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(run.cases()).allSatisfy(c -> assertThat(c.routeUsed()).isEqualTo("openai"));
    }
}
