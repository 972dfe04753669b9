package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.JudgeVerdict;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's judge graded by a model behind a real HTTP server speaking OpenAI's wire format: the triage
 * suite runs on the offline route and its judge on an {@code openai} route at a MockWebServer, through the
 * real command line and a real SQLite history. The server answers by the ticket quoted in the rubric, so each
 * outcome (pass, fail, an answer off the schema, prose, a missing reason, a server that keeps failing) lands
 * on a known case.
 */
class JudgeRunTest {
    static final int TRIAGE_CASES = 127;
    /** Two triage outputs are not schema-valid: nothing to judge, no call. */
    static final int JUDGED = TRIAGE_CASES - 2;
    static final String GRADER_ROUTE = """
              http-grader:
                provider: openai
                base_url: ${OPENAI_BASE_URL}
                model: gpt-4o-mini
                api_key_env: OPENAI_API_KEY
                retries: {max_attempts: 2, base_delay_ms: 1, max_delay_ms: 2, budget: 100}
                fallbacks: []
            """;
    static final String GATES = """
            gates:
              - {id: judged-replies, kind: metric, suite: triage, metric: judge.reply-quality.pass_rate, min: 0.9}
              - {id: reply-score, kind: metric, suite: triage, metric: judge.reply-quality.mean_score, min: 4.5}
            """;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;

    private OpenAiWorkspace workspace(FakeChatCompletions grader) {
        return workspace(tmp, server, grader);
    }

    /** The sample in {@code tmp} with its judge on {@link #GRADER_ROUTE} at {@code server}, answered by {@code grader}. */
    static OpenAiWorkspace workspace(Path tmp, MockWebServer server, FakeChatCompletions grader) {
        server.setDispatcher(grader);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-judge").addRoute(GRADER_ROUTE);
        Cli.edit(ws.dir.resolve("evalbench.yaml"), "route: grader", "route: http-grader");
        ws.write("gates.yaml", GATES);
        return ws;
    }

    static FakeChatCompletions grader() {
        return new FakeChatCompletions()
                .otherwise(e -> e.answer("{\"score\":5,\"reason\":\"Clear and helpful.\"}"))
                .when("iPhone 13", e -> e.answer("{\"score\":2,\"reason\":\"Ignores the crash details.\"}"))
                .when("discount code", e -> e.answer("{\"score\":7,\"reason\":\"Off the scale.\"}"))
                .when("merge my two accounts", e -> e.answer("I would give this a 4 out of 5."))
                .when("account not found", e -> e.answer("{\"score\":4}"))
                .when("skillet is fantastic", e -> e.cutOff("{\"score\":5,\"rea", 0))
                // A request the judge's server refuses (asking again would not mend it): a recorded judge error. A
                // server error is passing trouble, and leaves its case for resume (JudgeRouteDownTest).
                .when("stuck in customs", e -> new MockResponse.Builder().code(400).body("{\"error\":\"bad request\"}").build());
    }

    static JudgeVerdict verdict(OpenAiWorkspace.Run run, String caseId) {
        List<JudgeVerdict> verdicts = run.caseOf(caseId).judgements();
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    @Test
    void eachAnswerIsAPassAFailOrARecordedJudgeErrorAndGatesReadTheMetrics() {
        FakeChatCompletions grader = grader();
        OpenAiWorkspace ws = workspace(grader);

        OpenAiWorkspace.Run run = ws.runWith("--suite", "triage", "--cache", "off");

        assertThat(run.exit()).as(run.result().err()).isEqualTo(ExitCodes.OK);
        // one call per judged case: a 400 is not retried
        assertThat(server.getRequestCount()).isEqualTo(JUDGED);
        assertThat(grader.exchanges()).allSatisfy(e -> assertThat(e.userMessage()).contains("The reply to grade (reply):\n<<<"));

        assertThat(verdict(run, "t002")).extracting(JudgeVerdict::outcome, JudgeVerdict::score, JudgeVerdict::reason)
                .containsExactly("PASS", 5, "Clear and helpful.");
        assertThat(verdict(run, "t001")).extracting(JudgeVerdict::outcome, JudgeVerdict::score)
                .containsExactly("FAIL", 2);
        JudgeVerdict offScale = verdict(run, "t003");
        assertThat(offScale.outcome()).isEqualTo("ERROR");
        assertThat(offScale.score()).as("an answer off the schema is no score").isNull();
        assertThat(offScale.error()).contains("the judge's answer is not valid").contains("/score");
        assertThat(verdict(run, "t004").error()).startsWith("the judge's answer is not valid").contains("JSON");
        assertThat(verdict(run, "t006").error()).contains("reason");
        assertThat(verdict(run, "t005").error()).startsWith("the judge's route failed: CLIENT_ERROR");
        assertThat(verdict(run, "t008").error()).as("an answer cut off at the judge route's limit says so")
                .startsWith("the judge's answer is not valid").endsWith("(the model stopped at its output token limit after "
                        + "400 tokens, so the answer is cut off: raise the limit in the route's params)");
        assertThat(verdict(run, "t072").outcome()).as("no valid output: nothing judged").isEqualTo("NO_OUTPUT");
        // the case's own verdict is the model's, whatever the judge said
        assertThat(run.caseOf("t001").passed()).isTrue();

        JsonNode judge = run.json().at("/judges/0");
        assertThat(judge.get("passed").asInt()).isEqualTo(JUDGED - 6);
        assertThat(judge.get("failed").asInt()).isEqualTo(1);
        assertThat(judge.get("errors").asInt()).isEqualTo(5);
        assertThat(judge.get("no_output").asInt()).isEqualTo(2);
        assertThat(run.gateValue("judged-replies")).isEqualTo((double) (JUDGED - 6) / TRIAGE_CASES);
        assertThat(run.gatePassed("judged-replies")).isTrue();
        // mean over the 120 scores: 119 fives and one two
        assertThat(run.gateValue("reply-score")).isEqualTo((119 * 5 + 2) / 120.0);
    }

    @Test
    void aReRunWithTheCacheOnAsksTheJudgeNothing() {
        OpenAiWorkspace ws = workspace(grader());
        OpenAiWorkspace.Run first = ws.runWith("--suite", "triage", "--cache", "read-write");
        int calls = server.getRequestCount();
        assertThat(calls).isEqualTo(JUDGED);

        OpenAiWorkspace.Run again = ws.runWith("--suite", "triage", "--cache", "read-write");

        // the failed call was not cached, so only its case asks again
        assertThat(server.getRequestCount() - calls).isEqualTo(1);
        assertThat(again.cases()).filteredOn(c -> c.judgements().get(0).judged())
                .hasSize(JUDGED - 5).allSatisfy(c -> assertThat(c.judgements().get(0).cacheHit()).isTrue());
        for (CaseRecord c : first.cases()) {
            assertThat(again.caseOf(c.key().caseId()).judgements().get(0).score()).isEqualTo(c.judgements().get(0).score());
        }
    }

    @Test
    void aChangedRubricIsAJudgeVersionChangeInCompare() throws Exception {
        OpenAiWorkspace ws = workspace(grader());
        OpenAiWorkspace.Run before = ws.runWith("--suite", "triage", "--cache", "off");
        assertThat(before.caseOf("t002").versions().judges()).singleElement().satisfies(j -> {
            assertThat(j.promptId()).isEqualTo("reply-rubric");
            assertThat(j.promptRevision()).isEqualTo(1);
            assertThat(j.route()).isEqualTo("http-grader");
            assertThat(j.model()).isEqualTo("gpt-4o-mini");
        });
        Cli.edit(ws.dir.resolve("prompts/reply-rubric.yaml"), "revision: 1", "revision: 2");
        Cli.edit(ws.dir.resolve("prompts/reply-rubric.yaml"), "in a friendly tone.", "in a warm, friendly tone.");
        OpenAiWorkspace.Run after = ws.runWith("--suite", "triage", "--cache", "off");

        Cli.Result compared = Cli.run(ws.env, "compare", before.header().id(), after.header().id(), "--json",
                "--db", ws.db.toString(), "--workspace", ws.dir.toString());

        JsonNode json = Json.MAPPER.readTree(compared.out());
        assertThat(json.get("what_changed")).extracting(JsonNode::asText).containsExactly("judge");
        JsonNode change = json.at("/version_changes/0");
        assertThat(change.get("component").asText()).isEqualTo("judge");
        assertThat(change.get("subject").asText()).isEqualTo("triage/reply-quality");
        assertThat(change.get("before").asText()).contains("reply-rubric revision 1 on http-grader (openai/gpt-4o-mini)");
        assertThat(change.get("after").asText()).contains("reply-rubric revision 2");
    }
}
