package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of two routes, one of them refused for a revoked key: the server refused its first 3 calls and the rest of its
 * cases were left for resume. Resumed with a mended key, the run finished holding those 3 calls' 401s as the route's
 * answers to 3 cases, forever counted against its gates, while a run of that route alone would have run them again
 * (an outage's cases are). Now a route that answered none of its cases has them run again, as a run that answered
 * none does; the failures of a route that answered others are its own and stay. And a route down for the whole run
 * with no breaker to stop it (every call a 500, stored as its failures) left a "complete" run, exit 1, its gates 0%,
 * with nothing to resume: now the run stays incomplete, exit 3, as a run of that route alone would.
 */
class RouteDownInARunOfTwoTest {
    @TempDir
    java.nio.file.Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    @Test
    void aRouteDownForTheWholeRunLeavesTheRunIncompleteAndResumeRunsOnlyItsCases() throws Exception {
        server.setDispatcher(new FakeChatCompletions().otherwise(FakeChatCompletions.status(500,
                "{\"error\":{\"message\":\"upstream down\"}}")));
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test").fastRetries(1, 1)
                .editRoutes(OpenAiWorkspace.BREAKER, "");

        OpenAiWorkspace.Run down = ws.runWith("--route", "offline,openai", "--suite", "safety");

        assertThat(down.exit()).as(down.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(down.header().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(down.cases()).hasSize(64);
        assertThat(down.events()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("unanswered");
            assertThat(e.detail()).isEqualTo("32 cases of route openai got no answer from it (server error 32)");
        });
        Cli.Result gate = Cli.run(ws.env, "gate", down.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString());
        assertThat(gate.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(gate.out()).contains("unanswered: 32 cases of route openai got no answer from it (server error 32); the"
                + " run is incomplete and resume runs them again\n");
        // The route's gates measured its outage, in every table for people: "no answer", its sentence said once.
        assertThat(gate.out()).containsPattern("\nschema@openai +schema_pass_rate +— +≥ 99\\.0% +— +— +— +no answer\n")
                .containsPattern("\nsafety@openai +safety_pass_rate +— .* no answer\n")
                .containsPattern("\nsafety@offline +safety_pass_rate +100\\.0% .* pass\n")
                .contains("  gates@openai: Not measured: route openai answered none of its cases in this run, so its gates"
                        + " would measure its outage; resume the run once the route answers.\n")
                .doesNotContain("  schema@openai:");
        java.nio.file.Path summary = tmp.resolve("summary.md");
        java.nio.file.Path junit = tmp.resolve("gates.xml");
        java.util.Map<String, String> actions = new java.util.HashMap<>(ws.env);
        actions.put("GITHUB_ACTIONS", "true");
        Cli.Result ci = Cli.run(actions, "gate", down.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--markdown", summary.toString(), "--junit", junit.toString());
        // The job's summary page says why it failed: the run is incomplete, and the route's gates measured nothing.
        assertThat(ci.err().lines().filter(l -> l.startsWith("::error")).toList()).containsExactly(
                "::error title=Evalbench run incomplete::unanswered: 32 cases of route openai got no answer from it (server"
                        + " error 32); the run is incomplete and resume runs them again; resume with `evalbench resume "
                        + down.header().id() + " --workspace " + ws.dir + " --db " + ws.db + "`",
                "::error title=Evalbench gates@openai not measured::Not measured: route openai answered none of its cases"
                        + " in this run, so its gates would measure its outage; resume the run once the route answers.");
        // A CI test reporter reads the route's gates as errors (they could not measure), as it does an outage's.
        assertThat(java.nio.file.Files.readString(junit)).containsPattern("<testsuite [^>]*errors=\"4\"")
                .contains("<error message=\"Not measured: route openai answered none of its cases");
        java.nio.file.Path report = tmp.resolve("report");
        Cli.Result reported = Cli.run(ws.env, "report", down.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--out", report.toString());
        assertThat(reported.exit()).isZero();
        // It read "5 of 8 gates that ran failed", the route's outage counted as its model's failures.
        assertThat(reported.out()).contains("verdict: run " + down.header().id() + " is incomplete: 4 gates not measured:"
                + " route openai answered none of its cases; 0 of 4 measured gates failed (gates from ");
        for (java.nio.file.Path md : new java.nio.file.Path[] {summary, report.resolve("report.md")}) {
            assertThat(java.nio.file.Files.readString(md)).as(md.getFileName().toString())
                    .containsPattern("## ❌ Evalbench[a-z ]*: \\d+ gates not measured: route openai answered none of its"
                            + " cases; 0 of \\d+ measured gates failed\n")
                    // "@" is followed by a zero-width space in Markdown, so GitHub reads no mention of a user "openai".
                    .containsPattern("\\| ➖ no answer \\| schema@\u200Bopenai")
                    .contains("- **gates@\u200Bopenai**: Not measured: route openai answered none of its cases");
        }
        assertThat(java.nio.file.Files.readString(report.resolve("report.html")))
                .containsPattern(">INCOMPLETE</span>\\d+ gates not measured: route openai answered none of its cases")
                .contains("<span class=\"badge neutral\">no answer</span>");
        assertThat(Cli.run(ws.env, "tag", down.header().id(), "main", "--workspace", ws.dir.toString(), "--db",
                ws.db.toString()).exit()).as("no baseline").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Cli.run(ws.env, "history", "--workspace", ws.dir.toString(), "--db", ws.db.toString()).out())
                .contains(" incomplete ").endsWith("(slice: suite safety)  (cases left)\n");
        String offlineTraces = down.cases().stream().filter(c -> c.key().route().equals("offline"))
                .map(c -> c.traceId()).sorted().toList().toString();

        server.setDispatcher(new FakeChatCompletions());
        OpenAiWorkspace.Run resumed = ws.run("resume", down.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--json", "--quiet");

        assertThat(resumed.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(resumed.cases()).filteredOn(c -> c.key().route().equals("openai")).hasSize(32)
                .allSatisfy(c -> assertThat(c.failureKind()).isNull());
        assertThat(resumed.cases().stream().filter(c -> c.key().route().equals("offline")).map(c -> c.traceId()).sorted()
                .toList().toString()).isEqualTo(offlineTraces);
    }

    @Test
    void theRefusedRoutesFailuresAreRunAgainOnResumeAndTheOtherRoutesCasesAreNot() {
        server.setDispatcher(new FakeChatCompletions().otherwise(FakeChatCompletions.status(401,
                "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}")));
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-revoked");

        OpenAiWorkspace.Run refused = ws.runWith("--route", "offline,openai", "--suite", "safety", "--concurrency", "1");
        assertThat(refused.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(refused.cases()).filteredOn(c -> c.key().route().equals("openai")).hasSize(3)
                .allSatisfy(c -> assertThat(c.failureKind()).isEqualTo("CLIENT_ERROR"));
        assertThat(refused.cases()).filteredOn(c -> c.key().route().equals("offline")).hasSize(32);
        String offlineTraces = refused.cases().stream().filter(c -> c.key().route().equals("offline"))
                .map(c -> c.traceId()).sorted().toList().toString();

        server.setDispatcher(new FakeChatCompletions());
        ws.env.put("OPENAI_API_KEY", "sk-mended");
        OpenAiWorkspace.Run resumed = ws.run("resume", refused.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--json", "--quiet");

        assertThat(resumed.exit()).as(resumed.result().err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(resumed.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(resumed.cases()).filteredOn(c -> c.key().route().equals("openai")).hasSize(32)
                .allSatisfy(c -> assertThat(c.failureKind()).as(c.key().caseId() + " on openai").isNull());
        assertThat(server.getRequestCount()).as("3 refused, then every openai case once").isEqualTo(3 + 32);
        assertThat(resumed.cases().stream().filter(c -> c.key().route().equals("offline")).map(c -> c.traceId()).sorted()
                .toList().toString()).as("the offline route's cases, answered, were not run again").isEqualTo(offlineTraces);
    }

    @Test
    void aRouteWhoseBreakerKeptEveryCaseFromItHasItsGatesNotMeasuredNotTheOtherRoutesPassingForTheRuns() throws Exception {
        // More attempts than the breaker's 5 calls: the first case's fifth failed attempt opens it, before any is stored.
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test").fastRetries(6, 1);
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ws.env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + closed + "/v1"); // nothing listens there
        ws.write("gates.yaml", java.nio.file.Files.readString(Cli.SAMPLE.resolve("gates.yaml")));

        OpenAiWorkspace.Run down = ws.runWith("--route", "offline,openai", "--suite", "safety",
                "--concurrency", "1");

        assertThat(down.exit()).as(down.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(down.cases().stream().map(c -> c.key().route()).distinct())
                .as("the breaker kept every openai case from the model, none stored")
                .containsExactly("offline");
        Cli.Result gate = Cli.run(ws.env, "gate", down.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--markdown", tmp.resolve("summary.md").toString());
        // Gated on the offline route's cases alone, the table read "schema 100.0% pass" as though it were the run's.
        assertThat(gate.out()).containsPattern("\\nschema@offline +schema_pass_rate +100\\.0% .* pass\\n")
                .containsPattern("\\nschema@openai +schema_pass_rate +— .* no answer\\n")
                .doesNotContainPattern("\\nschema +")
                .contains("  gates@openai: Not measured: route openai answered none of its cases")
                .contains("\nby route: offline 30 of 32 passed, openai none stored\n");
        assertThat(java.nio.file.Files.readString(tmp.resolve("summary.md")))
                .startsWith("## ❌ Evalbench: 5 gates not measured: route openai answered none of its cases; 1 of 5"
                        + " measured gates failed, 8 not run\n");
    }
}
