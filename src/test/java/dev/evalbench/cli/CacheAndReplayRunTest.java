package dev.evalbench.cli;

import static dev.evalbench.cli.FakeChatCompletions.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.CaseRecord;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response cache and replay as a user drives them from the command line: {@code --cache read-write}
 * (the default), {@code read} and {@code off}, {@code --repeat} samples that skip the cache, and a replay
 * route that answers from recorded calls without a network call, a missing recording being a recorded
 * REPLAY_MISS. The server's request count says whether a call was made.
 */
class CacheAndReplayRunTest {
    static final int CASES = 32;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;

    @Test
    void cacheModesDecideWhetherTheServerIsCalled() {
        server.setDispatcher(new FakeChatCompletions());
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-cache");

        OpenAiWorkspace.Run live = ws.runSafety("--cache", "read-write");
        assertThat(server.getRequestCount()).isEqualTo(CASES);
        assertThat(live.cases()).noneMatch(CaseRecord::cacheHit);

        OpenAiWorkspace.Run cached = ws.runSafety("--cache", "read-write");
        assertThat(server.getRequestCount()).as("a cached run calls nobody").isEqualTo(CASES);
        assertThat(cached.json().at("/routes/cache_hits").asInt()).isEqualTo(CASES);
        Map<String, CaseRecord> liveById = live.cases().stream().collect(Collectors.toMap(c -> c.key().caseId(), Function.identity()));
        assertThat(cached.cases()).hasSize(CASES).allSatisfy(c -> {
            CaseRecord recorded = liveById.get(c.key().caseId());
            assertThat(c.cacheHit()).isTrue();
            assertThat(c.routeUsed()).isEqualTo("openai");
            assertThat(c.rawOutput()).isEqualTo(recorded.rawOutput());
            assertThat(c.requestId()).as("the recorded answer, request id included").isEqualTo(recorded.requestId());
            assertThat(c.tokensIn()).isEqualTo(recorded.tokensIn());
            assertThat(c.tokensOut()).isEqualTo(recorded.tokensOut());
            assertThat(c.costUsd()).isEqualTo(recorded.costUsd());
            assertThat(c.attempts()).extracting(Attempt::outcome, Attempt::message).containsExactly(tuple("ok", "cache hit"));
        });
        assertThat(cached.gateValue("tokens")).isEqualTo(live.gateValue("tokens"));
        // Said in the terminal's words, as the answers are the old ones whatever the server answers now.
        Cli.Result gated = Cli.run(ws.env, "gate", "--run", cached.header().id(), "--workspace", ws.dir.toString(),
                "--db", ws.db.toString());
        assertThat(gated.out()).contains("cache: " + CASES + " of " + CASES + " answers came from the response cache, "
                + "not from the model; --cache off asks the model every time\n");
        assertThat(Cli.run(ws.env, "gate", "--run", live.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString()).out()).doesNotContain("cache:");

        OpenAiWorkspace.Run off = ws.runSafety("--cache", "off");
        assertThat(server.getRequestCount()).isEqualTo(2 * CASES);
        assertThat(off.cases()).noneMatch(CaseRecord::cacheHit);

        OpenAiWorkspace.Run repeated = ws.runSafety("--repeat", "2");
        assertThat(server.getRequestCount()).as("the second samples skip the cache").isEqualTo(3 * CASES);
        assertThat(repeated.cases()).hasSize(2 * CASES);
        assertThat(repeated.cases()).filteredOn(c -> c.key().sample() == 0).hasSize(CASES).allMatch(CaseRecord::cacheHit);
        assertThat(repeated.cases()).filteredOn(c -> c.key().sample() == 1).hasSize(CASES).noneMatch(CaseRecord::cacheHit);

        // Another model is another key: read mode calls it, and stores nothing, so calls it again.
        ws.env.put("OPENAI_MODEL", "gpt-4o-mini-next");
        ws.runSafety("--cache", "read");
        assertThat(server.getRequestCount()).isEqualTo(4 * CASES);
        OpenAiWorkspace.Run readAgain = ws.runSafety("--cache", "read");
        assertThat(server.getRequestCount()).as("read mode wrote nothing").isEqualTo(5 * CASES);
        assertThat(readAgain.cases()).noneMatch(CaseRecord::cacheHit);
        // Back on the recorded model, read mode answers from the cache.
        ws.env.remove("OPENAI_MODEL");
        OpenAiWorkspace.Run read = ws.runSafety("--cache", "read");
        assertThat(server.getRequestCount()).isEqualTo(5 * CASES);
        assertThat(read.cases()).allMatch(CaseRecord::cacheHit);
    }

    @Test
    void replayAnswersFromRecordedCallsAndAMissIsRecorded() {
        // The recording run: one probe fails, so it has no recorded answer.
        server.setDispatcher(new FakeChatCompletions().when("Victor Lang", status(500, "{\"error\":{\"message\":\"down\"}}")));
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-replay").fastRetries(1, 1000)
                .editRoutes(OpenAiWorkspace.BREAKER, "")
                .addRoute("""
                          replay-openai:
                            provider: replay
                            model: gpt-4o-mini
                            params: {replays: openai}
                        """);
        OpenAiWorkspace.Run recorded = ws.runSafety();
        assertThat(recorded.caseOf("p01").failureKind()).isEqualTo("SERVER_ERROR");
        int calls = server.getRequestCount();

        // Replay reads the cache whatever the mode, and needs no key.
        ws.env.remove("OPENAI_API_KEY");
        OpenAiWorkspace.Run replay = ws.runWith("--route", "replay-openai", "--suite", "safety", "--cache", "off");

        assertThat(server.getRequestCount()).as("replay calls nobody").isEqualTo(calls);
        assertThat(replay.json().get("status").asText()).isEqualTo("complete");
        CaseRecord miss = replay.caseOf("p01");
        assertThat(miss.failureKind()).isEqualTo("REPLAY_MISS");
        assertThat(miss.routeUsed()).isEqualTo("replay-openai");
        assertThat(miss.failureMessage()).as("a miss names the case, the replay route and the recorded route")
                .startsWith("case safety/p01 on route replay-openai: ").contains("route openai");
        assertThat(replay.routes("failures")).isEqualTo(Map.of("REPLAY_MISS", 1));
        assertThat(replay.json().at("/counts/provider_failures").asInt()).isEqualTo(1);
        Map<String, CaseRecord> recordedById = recorded.cases().stream().collect(Collectors.toMap(c -> c.key().caseId(), Function.identity()));
        assertThat(replay.cases()).hasSize(CASES).filteredOn(c -> !c.key().caseId().equals("p01")).hasSize(CASES - 1).allSatisfy(c -> {
            CaseRecord original = recordedById.get(c.key().caseId());
            assertThat(c.failureKind()).isNull();
            assertThat(c.routeUsed()).isEqualTo("replay-openai");
            assertThat(c.provider()).isEqualTo("replay");
            assertThat(c.rawOutput()).isEqualTo(original.rawOutput());
            assertThat(c.requestId()).isEqualTo(original.requestId());
            assertThat(c.modelUsed()).isEqualTo(FakeChatCompletions.SERVED_MODEL);
            assertThat(c.tokensIn()).isEqualTo(original.tokensIn());
        });
    }
}
