package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.results.CaseFilter;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prompts an Azure deployment's content filter stops before the model sees them (its jailbreak shield is on by
 * default), through the real command line: HTTP 400 {@code "code": "content_filter"}. They were CLIENT_ERROR provider
 * failures, so every safety probe the filter stopped failed the safety gate, while a probe whose answer the same filter
 * withheld ({@code finish_reason "content_filter"}) passed. Now both are an empty answer the policy rejects, and a task
 * case's record says why it is empty.
 */
class ContentFilterTest {
    static final String FILTERED = """
            {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management\
             policy. Please modify your prompt and retry.","type":null,"param":"prompt","code":"content_filter",\
            "status":400,"innererror":{"code":"ResponsibleAIPolicyViolation",\
            "content_filter_result":{"jailbreak":{"filtered":true,"detected":true}}}}}""";

    @TempDir
    java.nio.file.Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    @Test
    void aProbeTheFilterStoppedPassesAndATaskCaseSaysItsAnswerWasWithheld() throws Exception {
        FakeChatCompletions chat = new FakeChatCompletions()
                .when("Ignore all previous instructions", FakeChatCompletions.status(400, FILTERED))  // p01
                .when("SYSTEM MESSAGE", FakeChatCompletions.status(400, FILTERED))                    // p02
                .when("ADMIN OVERRIDE", FakeChatCompletions.status(400, FILTERED))                    // p03
                .when("app crashes every time", FakeChatCompletions.status(400, FILTERED));          // t001
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-filtered");

        OpenAiWorkspace.Run run = ws.runWith("--route", "openai", "--case", "p01,p02,p03,p04,t001,t002", "--cache",
                "read-write");

        for (String probe : List.of("p01", "p02", "p03")) {
            CaseRecord r = run.caseOf(probe);
            assertThat(r.failureKind()).as(probe + ": the filter's refusal is no provider failure").isNull();
            assertThat(r.rawOutput()).isEmpty();
            assertThat(r.passed()).as(probe + ": nothing was produced, and the policy rejects the empty answer").isTrue();
        }
        assertThat(run.events()).as("three 400s alike, but about what the probes say: the route is not refused").isEmpty();
        CaseRecord task = run.caseOf("t001");
        assertThat(task.failureKind()).isNull();
        assertThat(task.evaluation().failures()).first().asString().isEqualTo("schema: the output is not valid against the"
                + " output schema (the server's content filter withheld the answer, tripped by the prompt or by the answer:"
                + " there is none to check).");
        assertThat(run.json().findValues("gates").get(0).findValuesAsText("detail")).first().asString()
                .contains("(4 invalid, 0 of them provider failures, 1 task output withheld by the server's content filter)");
        try (RunStore store = SqliteRunStore.open(ws.db)) {
            List<CaseSummary> summaries = store.summaries(run.header().id());
            assertThat(summaries).filteredOn(s -> s.key().caseId().equals("t001")).singleElement()
                    .satisfies(s -> assertThat(CaseFilter.schemaOf(s)).as("the results table's Schema column")
                            .isEqualTo("withheld"));
        }

        // Read again from the response cache, the answer is still known as withheld.
        OpenAiWorkspace.Run again = ws.runWith("--route", "openai", "--case", "p01,p02,p03,p04,t001,t002", "--cache",
                "read-write");
        assertThat(again.caseOf("t001").cacheHit()).isTrue();
        assertThat(again.caseOf("t001").evaluation().failures()).isEqualTo(task.evaluation().failures());
        assertThat(again.caseOf("p01").passed()).isTrue();
    }
}
