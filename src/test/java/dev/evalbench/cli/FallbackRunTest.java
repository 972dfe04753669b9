package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.CaseRecord;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openai route starts failing mid-run; with {@code fallbacks: [offline]} and a breaker, the run still
 * answers every case, the records say who answered and why, the breaker opens once and stops the calls, and
 * all of it is stored: re-gating the run later shows the same routes and breaker event.
 *
 * <p>The run uses {@code --concurrency 1} so the sequence is exact: calls 1-2 succeed, calls 3-4 get 500 and
 * fall back, which fills the window of 4 at an error rate of 0.5 and opens the breaker; the other 28 cases
 * never reach the server.
 */
class FallbackRunTest {
    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;

    @Test
    void failingRouteFallsBackAndItsBreakerOpensAndStaysOnRecord() {
        FakeChatCompletions chat = new FakeChatCompletions().otherwise(x -> x.number() <= 2 ? x.ok()
                : new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"The server had an error\"}}").build());
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-fallback")
                .fastRetries(1, 1000)
                .editRoutes(OpenAiWorkspace.FALLBACKS, "fallbacks: [offline]")
                .editRoutes(OpenAiWorkspace.BREAKER, "breaker: {window: 4, min_calls: 4, error_rate: 0.5, open_ms: 600000}");

        OpenAiWorkspace.Run run = ws.runSafety("--concurrency", "1");

        assertThat(run.json().get("status").asText()).isEqualTo("complete");
        assertThat(run.cases()).hasSize(32).allSatisfy(c -> assertThat(c.failureKind()).as(c.key().toString()).isNull());
        assertThat(chat.exchanges()).as("an open breaker makes no calls").hasSize(4);

        List<CaseRecord> byOpenAi = run.cases().stream().filter(c -> c.routeUsed().equals("openai")).toList();
        List<CaseRecord> byOffline = run.cases().stream().filter(c -> c.routeUsed().equals("offline")).toList();
        assertThat(byOpenAi).hasSize(2).allSatisfy(c -> {
            assertThat(c.fallbacks()).isEmpty();
            assertThat(c.modelUsed()).isEqualTo(FakeChatCompletions.SERVED_MODEL);
        });
        assertThat(byOffline).hasSize(30).allSatisfy(c -> {
            assertThat(c.provider()).isEqualTo("scripted");
            assertThat(c.modelUsed()).isEqualTo("triage-rules-v1");
            assertThat(c.fallbacks()).singleElement().satisfies(f -> {
                assertThat(f.from()).isEqualTo("openai");
                assertThat(f.to()).isEqualTo("offline");
            });
        });
        List<CaseRecord> afterServerError = byOffline.stream()
                .filter(c -> c.fallbacks().get(0).reason().equals("SERVER_ERROR")).toList();
        assertThat(afterServerError).hasSize(2).allSatisfy(c -> {
            assertThat(c.attempts()).extracting(Attempt::route, Attempt::outcome)
                    .startsWith(tuple("openai", "SERVER_ERROR"));
            assertThat(c.attempts().get(0).httpStatus()).isEqualTo(500);
        });
        assertThat(byOffline).extracting(c -> c.fallbacks().get(0).reason()).filteredOn("circuit_open"::equals).hasSize(28);
        assertThat(byOffline).filteredOn(c -> c.fallbacks().get(0).reason().equals("circuit_open")).allSatisfy(c ->
                assertThat(c.attempts().get(0)).extracting(Attempt::route, Attempt::outcome).containsExactly("openai", "CIRCUIT_OPEN"));

        assertThat(run.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("breaker");
            assertThat(e.route()).isEqualTo("openai");
            assertThat(e.detail()).startsWith("openai: closed -> open");
        });
        assertRoutesSummary(run.json());
        assertThat(run.json().at("/counts/provider_failures").asInt()).isZero();

        OpenAiWorkspace.Run regated = ws.run("gate", ws.dir.toString(), "--run", run.header().id(), "--json", "--db", ws.db.toString());
        assertThat(chat.exchanges()).as("re-gating calls no model").hasSize(4);
        assertThat(regated.json().get("run_id").asText()).isEqualTo(run.header().id());
        assertRoutesSummary(regated.json());
        assertThat(regated.json().get("events")).isEqualTo(run.json().get("events"));
        assertThat(regated.json().get("gates")).isEqualTo(run.json().get("gates"));
        assertThat(regated.exit()).isEqualTo(run.exit());
    }

    private static void assertRoutesSummary(JsonNode json) {
        assertThat(json.at("/routes/answered/openai").asInt()).isEqualTo(2);
        assertThat(json.at("/routes/answered/offline").asInt()).isEqualTo(30);
        assertThat(json.at("/routes/fallbacks")).hasSize(2);
        assertThat(json.at("/routes/fallbacks").get("openai -> offline (SERVER_ERROR)").asInt()).isEqualTo(2);
        assertThat(json.at("/routes/fallbacks").get("openai -> offline (circuit_open)").asInt()).isEqualTo(28);
        assertThat(json.at("/routes/failures")).isEmpty();
        assertThat(json.at("/routes/retries").asInt()).as("a fallback is not a retry").isZero();
        JsonNode events = json.get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("kind").asText()).isEqualTo("breaker");
        assertThat(events.get(0).get("route").asText()).isEqualTo("openai");
        assertThat(events.get(0).get("detail").asText()).isEqualTo("openai: closed -> open (error rate 0.50 over 4 calls;"
                + " the last failure: HTTP 500 (\"The server had an error\"))");
    }
}
