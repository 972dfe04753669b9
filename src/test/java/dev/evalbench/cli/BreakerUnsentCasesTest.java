package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunStatus;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route with no fallback whose breaker opens mid-run, through the real command line: the cases the open breaker
 * kept from the model are not stored as the model's failures (they would be 28 "circuit open" failures, and the
 * gates a measure of the breaker), the run ends incomplete with exit 3 and says how many were not sent, and resume
 * sends exactly those, never an answered case again.
 */
class BreakerUnsentCasesTest {
    @TempDir
    Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    @Test
    void casesAnOpenBreakerKeptFromTheModelAreLeftForResume() throws Exception {
        // Two answers, then two server errors: the window of 4 at an error rate of 0.5 opens the breaker for ten
        // minutes, and the 28 cases after it are refused without a call.
        FakeChatCompletions chat = new FakeChatCompletions().otherwise(x -> x.number() <= 2 ? x.ok()
                : new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"The server had an error\"}}").build());
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-breaker")
                .fastRetries(1, 1000)
                .editRoutes(OpenAiWorkspace.BREAKER, "breaker: {window: 4, min_calls: 4, error_rate: 0.5, open_ms: 600000}");

        OpenAiWorkspace.Run run = ws.runSafety("--concurrency", "1");

        assertThat(run.exit()).as(run.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.header().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(chat.exchanges()).as("an open breaker makes no calls").hasSize(4);
        assertThat(run.cases()).as("two answers and two server errors stored, nothing the breaker refused").hasSize(4)
                .noneMatch(c -> "CIRCUIT_OPEN".equals(c.failureKind()));
        assertThat(run.failureKinds()).containsOnlyKeys("SERVER_ERROR");
        assertThat(run.events()).extracting(e -> e.kind() + " " + e.detail()).containsExactly(
                "breaker openai: closed -> open (error rate 0.50 over 4 calls; the last failure: HTTP 500 (\"The server had"
                        + " an error\"))",
                "unsent 28 cases not sent: the breaker of route openai was open");

        Cli.Result text = Cli.run(ws.env, "gate", run.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString());
        assertThat(text.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(text.out()).contains("run " + run.header().id() + "  incomplete  4/32 cases stored")
                .contains("unsent: 28 cases not sent: the breaker of route openai was open; the run is incomplete and resume"
                        + " sends them\nINCOMPLETE: resume with `evalbench resume " + run.header().id())
                .as("said once, as the closing line, not also among the events").doesNotContain("event: unsent");
        // Not a baseline: it measured part of the eval set.
        Cli.Result tag = Cli.run(ws.env, "tag", run.header().id(), "main", "--workspace", ws.dir.toString(), "--db",
                ws.db.toString());
        assertThat(tag.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(tag.err()).contains("run " + run.header().id() + " is incomplete (28 cases not sent: the breaker of route"
                + " openai was open): resume it, then tag it");
        Set<String> answered = new HashSet<>();
        for (CaseRecord c : run.cases()) answered.add(c.key().caseId());

        // The route answers again: resume sends the 28 and nothing else.
        FakeChatCompletions again = new FakeChatCompletions();
        server.setDispatcher(again);
        OpenAiWorkspace.Run resumed = ws.run("resume", run.header().id(), "--workspace", ws.dir.toString(),
                "--db", ws.db.toString(), "--json", "--quiet");
        assertThat(resumed.exit()).as(resumed.result().err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(resumed.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(resumed.cases()).hasSize(32);
        assertThat(again.exchanges()).as("one call for each case not sent, none for a stored one").hasSize(28);
        assertThat(resumed.cases()).filteredOn(c -> answered.contains(c.key().caseId()))
                .as("the cases stored before kept their records").hasSize(4)
                .filteredOn(c -> c.failureKind() == null).hasSize(2);
        assertThat(resumed.cases()).filteredOn(c -> !answered.contains(c.key().caseId()))
                .hasSize(28).allSatisfy(c -> assertThat(c.failureKind()).isNull());

        Cli.Result after = Cli.run(ws.env, "gate", run.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString());
        // Past: the resume sent them (it read as though 28 cases were still unsent in a complete run).
        assertThat(after.out()).contains("event: unsent 28 cases not sent: the breaker of route openai was open; resumed"
                        + " since, the run is complete\n")
                .doesNotContain("INCOMPLETE").doesNotContain("the run is incomplete");
        assertThat(Cli.run(ws.env, "tag", run.header().id(), "main", "--workspace", ws.dir.toString(), "--db",
                ws.db.toString()).exit()).as("resumed to its end, it is a baseline").isZero();
    }
}
