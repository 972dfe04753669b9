package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunStatus;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A judge whose route has a bad minute, through the real command line: the triage suite runs on the offline route
 * and its judge at a MockWebServer that answers one case's rubric with server errors. That case got no grade, which
 * is the judge's route's trouble, not the reply's: it is left for resume (the run ends incomplete, exit 3) instead of
 * stored as an ERROR that the judge's pass-rate gate counts as a failed reply. Before, the run was complete, the gate
 * read one reply fewer passed, and nothing could grade that case again but a new run.
 */
class JudgeRouteDownTest {
    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;

    /** A judge's server that grades every reply, but answers t005's with a server error while {@code down} is set. */
    static FakeChatCompletions downOnT005(AtomicBoolean down) {
        return new FakeChatCompletions()
                .otherwise(e -> e.answer("{\"score\":5,\"reason\":\"Clear and helpful.\"}"))
                .when("stuck in customs", e -> down.get() // t005's rubric
                        ? new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build()
                        : e.answer("{\"score\":4,\"reason\":\"Helpful.\"}"));
    }

    @Test
    void aCaseTheJudgesRouteLeftUngradedIsLeftForResumeNotCountedAFailedReply() {
        AtomicBoolean down = new AtomicBoolean(true);
        FakeChatCompletions grader = downOnT005(down);
        OpenAiWorkspace ws = JudgeRunTest.workspace(tmp, server, grader);

        OpenAiWorkspace.Run run = ws.runWith("--suite", "triage", "--cache", "off");

        assertThat(run.exit()).as(run.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.header().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(run.cases()).as("every case but the ungraded one").hasSize(JudgeRunTest.TRIAGE_CASES - 1)
                .noneMatch(c -> c.key().caseId().equals("t005"))
                .noneMatch(c -> c.judgements().stream().anyMatch(v -> v.errored()));
        assertThat(run.events()).extracting(e -> e.kind() + " " + e.detail()).containsExactly(
                "unjudged 1 case not judged: judge reply-quality's route http-grader gave no answer (SERVER_ERROR)");
        Cli.Result text = Cli.run(ws.env, "gate", run.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString());
        assertThat(text.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(text.out()).contains("unjudged: 1 case not judged: judge reply-quality's route http-grader gave no answer"
                + " (SERVER_ERROR); the run is incomplete and resume sends them\nINCOMPLETE: resume with `evalbench resume");
        Cli.Result tag = Cli.run(ws.env, "tag", run.header().id(), "main", "--workspace", ws.dir.toString(), "--db",
                ws.db.toString());
        assertThat(tag.exit()).as("not a baseline: a case has no grade").isEqualTo(ExitCodes.BAD_INPUT);

        // The judge's route answers again: resume runs that case, and only it, and grades it.
        down.set(false);
        int before = grader.exchanges().size();
        OpenAiWorkspace.Run resumed = ws.run("resume", run.header().id(), "--workspace", ws.dir.toString(),
                "--db", ws.db.toString(), "--json", "--quiet");

        assertThat(resumed.exit()).as(resumed.result().err()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(grader.exchanges().size() - before).as("one judge call: the case left ungraded").isEqualTo(1);
        CaseRecord t005 = resumed.caseOf("t005");
        assertThat(t005.judgements()).singleElement().satisfies(v -> {
            assertThat(v.outcome()).isEqualTo("PASS");
            assertThat(v.score()).isEqualTo(4);
        });
        // Every reply with a valid output was graded and passed: the gate reads all of them, none lost to the outage.
        assertThat(resumed.gateValue("judged-replies")).isEqualTo((double) JudgeRunTest.JUDGED / JudgeRunTest.TRIAGE_CASES);
    }

    /**
     * The judge's key revoked: the server answers 401. No reply gets a grade, and none is stored as a judge ERROR that
     * a new key could never mend: the cases are left for resume, which grades them once the key is replaced.
     */
    @Test
    void aRefusedJudgeKeyLeavesTheCasesForResumeWhichGradesThemWithANewKey() {
        FakeChatCompletions grader = new FakeChatCompletions().otherwise(e -> e.authorization().contains("sk-revoked")
                ? new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"Incorrect API key provided\"}}").build()
                : e.answer("{\"score\":5,\"reason\":\"Clear and helpful.\"}"));
        OpenAiWorkspace ws = JudgeRunTest.workspace(tmp, server, grader);
        ws.env.put("OPENAI_API_KEY", "sk-revoked-0123456789");

        OpenAiWorkspace.Run run = ws.runWith("--suite", "triage", "--cache", "off");

        assertThat(run.exit()).as(run.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.cases()).as("only the two outputs with nothing to judge")
                .hasSize(JudgeRunTest.TRIAGE_CASES - JudgeRunTest.JUDGED)
                .allSatisfy(c -> assertThat(c.judgements().get(0).outcome()).isEqualTo("NO_OUTPUT"));
        // Three refusals, and at most the other seven of the 8 cases in flight (the default concurrency) already asking.
        assertThat(grader.exchanges().size()).as("the route refused after its first calls, not called 125 times")
                .isLessThanOrEqualTo(3 + 7);
        assertThat(run.events()).extracting(e -> e.kind()).containsExactly("refused", "unjudged");
        assertThat(run.events().get(1).detail()).startsWith(JudgeRunTest.JUDGED + " cases not judged: judge reply-quality's"
                + " route http-grader gave no answer (").doesNotContain("sk-revoked");

        ws.env.put("OPENAI_API_KEY", "sk-new-0123456789");
        OpenAiWorkspace.Run resumed = ws.run("resume", run.header().id(), "--workspace", ws.dir.toString(),
                "--db", ws.db.toString(), "--json", "--quiet");

        assertThat(resumed.exit()).as(resumed.result().err()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.cases()).hasSize(JudgeRunTest.TRIAGE_CASES)
                .noneMatch(c -> c.judgements().get(0).errored());
    }

    /**
     * A judge's route the server rejects as a bad request (a model name it does not know, set in a variable): its
     * first three calls were stored as judge errors, the rest left for resume, and resume with the name mended graded
     * the rest but kept those three as errors, which the judge's pass-rate gate counts as failed replies. A judge that
     * graded none of the run's cases has them all graded again, as a route that answered none has its cases run again.
     */
    @Test
    void aJudgeRouteRejectedBeforeItGradedAnyHasEveryCaseGradedOnResume() {
        AtomicBoolean unknownModel = new AtomicBoolean(true); // the server's view of the name the variable gave
        FakeChatCompletions grader = new FakeChatCompletions().otherwise(e -> unknownModel.get()
                ? new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"The model `gpt-nosuch` does not"
                        + " exist\",\"code\":\"model_not_found\"}}").build()
                : e.answer("{\"score\":5,\"reason\":\"Clear and helpful.\"}"));
        OpenAiWorkspace ws = JudgeRunTest.workspace(tmp, server, grader);

        OpenAiWorkspace.Run run = ws.runWith("--suite", "triage", "--cache", "off", "--concurrency", "1");

        assertThat(run.exit()).as(run.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.events()).extracting(e -> e.kind()).containsExactly("refused", "unjudged");

        unknownModel.set(false);
        OpenAiWorkspace.Run resumed = ws.run("resume", run.header().id(), "--workspace", ws.dir.toString(),
                "--db", ws.db.toString(), "--json", "--quiet");

        assertThat(resumed.exit()).as(resumed.result().err()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.cases()).hasSize(JudgeRunTest.TRIAGE_CASES)
                .noneMatch(c -> c.judgements().get(0).errored());
    }
}
