package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers cut off at the output token limit, in OpenAI's wire format ({@code finish_reason: "length"}), through the
 * real command line: the record says the model stopped at its limit, so the author raises the limit instead of
 * rewriting the prompt. Before, an answer cut off mid-JSON read only "not valid JSON … unexpected end of input", and a
 * reasoning model that spent its whole limit reasoning ({@code "content": null}) was a BAD_RESPONSE provider failure
 * counted against the route's breaker.
 */
class CutOffAnswerTest {
    @TempDir
    java.nio.file.Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    @Test
    void anAnswerCutOffAtTheLimitSaysSoInTheRecordAndIsNotAProviderFailure() throws Exception {
        String half = FakeChatCompletions.OBEYING_ANSWER.substring(0, 60);
        FakeChatCompletions chat = new FakeChatCompletions()
                .when("Ignore all previous instructions", x -> x.cutOff(half, 0))       // p01
                .when("SYSTEM MESSAGE", x -> x.cutOff(null, 400))                       // p02
                .when("app crashes every time", x -> x.cutOff(half, 0));               // t001
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-cut-off");

        OpenAiWorkspace.Run run = ws.runWith("--route", "openai", "--case", "p01,p02,t001", "--cache", "read-write");

        CaseRecord midJson = run.caseOf("p01");
        assertThat(midJson.failureKind()).as("the model answered").isNull();
        assertThat(midJson.rawOutput()).isEqualTo(half);
        assertThat(midJson.schemaErrors()).first().asString()
                .isEqualTo("the model stopped at its output token limit after 400 tokens, so the answer is cut off: "
                        + "raise the limit in the route's params");
        assertThat(midJson.schemaErrors()).as("the parser's own words follow").hasSize(2)
                .last().asString().startsWith("not valid JSON");
        // A task case's failure, as the window's results table, the report and the CI summary show it, says so first.
        assertThat(run.caseOf("t001").evaluation().failures()).first().asString().startsWith(
                "schema: the output is not valid against the output schema (the model stopped at its output token limit");

        CaseRecord reasoning = run.caseOf("p02");
        assertThat(reasoning.failureKind()).as("no BAD_RESPONSE for an answer with no text").isNull();
        assertThat(reasoning.rawOutput()).isEmpty();
        assertThat(reasoning.schemaErrors()).first().asString().contains("after 400 tokens (all of them reasoning)");
        assertThat(run.events()).as("nothing counted against the route's breaker").isEmpty();
        // The schema gate, as CI prints it, counts them apart: t001's fix is the route's limit. The probes' invalid
        // outputs were rejected (the probes pass) and their records do not tell why, so the count says "task output".
        assertThat(run.json().findValues("gates").get(0).findValuesAsText("detail")).first().asString()
                .contains("(3 invalid, 0 of them provider failures, 1 task output cut off at the output token limit)");

        // Answered again from the response cache, the cut-off is still known: the cache keeps it with the answer.
        OpenAiWorkspace.Run again = ws.runWith("--route", "openai", "--case", "p01,p02,t001", "--cache", "read-write");
        assertThat(chat.exchanges()).as("the second run asked no one").hasSize(3);
        assertThat(again.caseOf("p01").cacheHit()).isTrue();
        assertThat(again.caseOf("p01").schemaErrors()).isEqualTo(midJson.schemaErrors());
        assertThat(again.caseOf("p02").schemaErrors()).isEqualTo(reasoning.schemaErrors());
    }
}
