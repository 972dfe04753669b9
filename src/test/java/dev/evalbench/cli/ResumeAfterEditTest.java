package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model name the server does not know, fixed in routes.yaml after the run: resume runs the run's cases on the files
 * it recorded, so it asks for the old name again, and says so before it starts; a new run uses the fix. Before, the
 * resume met the same refusal and said only to resume again.
 */
class ResumeAfterEditTest {
    @TempDir
    java.nio.file.Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    /** The model each request asked for, in order. */
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @Test
    void aResumeAfterFixingRoutesYamlSaysItRunsTheRecordedFilesAndANewRunUsesTheFix() {
        FakeChatCompletions chat = new FakeChatCompletions();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String model = modelOf(request);
                asked.add(model);
                return model.equals("gpt-4o-mnii")
                        ? new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"The model `gpt-4o-mnii` does"
                                + " not exist\"}}").build()
                        : chat.dispatch(request);
            }
        });
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test")
                .editRoutes("${OPENAI_MODEL:-gpt-4o-mini}", "gpt-4o-mnii");

        OpenAiWorkspace.Run refused = ws.runSafety("--concurrency", "1");
        assertThat(refused.exit()).as(refused.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(refused.events().get(0).detail()).contains("refused its first 3 calls with HTTP 404");
        String id = refused.header().id();

        Cli.Result unchanged = Cli.run(ws.env, "resume", id, "--workspace", ws.dir.toString(), "--db", ws.db.toString());
        assertThat(unchanged.err()).as("nothing edited, nothing to say").doesNotContain("note:");

        ws.editRoutes("gpt-4o-mnii", "gpt-4o-mini");
        asked.clear();
        Cli.Result resumed = Cli.run(ws.env, "resume", id, "--workspace", ws.dir.toString(), "--db", ws.db.toString());

        assertThat(resumed.err()).contains("note: routes.yaml changed since run " + id + " started: resume runs its cases"
                + " on the files as the run recorded them (a new run uses the edits)\n");
        assertThat(resumed.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(asked).as("the run as recorded asks for the recorded name").isNotEmpty().containsOnly("gpt-4o-mnii");

        asked.clear();
        OpenAiWorkspace.Run fresh = ws.runSafety();
        assertThat(fresh.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(asked).hasSize(refused.header().plannedCases()).containsOnly("gpt-4o-mini");
    }

    /**
     * A run left incomplete (a judge's route down for one case), resumed where the judge's model variable reads
     * otherwise: refused before anything is sent (exit 2), or the run would hold two models' grades under one id. With
     * the variable as it was, the resume finishes it.
     */
    @Test
    void aResumeWhoseEnvironmentChangesAnAnsweringRoutesModelIsRefused() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        FakeChatCompletions grader = JudgeRouteDownTest.downOnT005(down);
        OpenAiWorkspace ws = JudgeRunTest.workspace(tmp, server, grader)
                .editRoutes("model: gpt-4o-mini", "model: ${GRADER_MODEL:-gpt-4o-mini}");
        // Every suite, safety first: its probes answer first on the same route, and their records name no judge.
        String manifest = java.nio.file.Files.readString(ws.dir.resolve("evalbench.yaml"));
        int triage = manifest.indexOf("  - name: triage");
        int safety = manifest.indexOf("  - name: safety");
        ws.write("evalbench.yaml", manifest.substring(0, triage) + manifest.substring(safety).stripTrailing() + "\n"
                + manifest.substring(triage, safety));
        OpenAiWorkspace.Run run = ws.runWith("--cache", "off");
        assertThat(run.cases().get(0).key().suite()).as("the first stored answer").isEqualTo("safety");
        assertThat(run.exit()).as(run.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        String id = run.header().id();
        down.set(false);

        ws.env.put("GRADER_MODEL", "gpt-4o");
        int before = grader.exchanges().size();
        Cli.Result refused = Cli.run(ws.env, "resume", id, "--workspace", ws.dir.toString(), "--db", ws.db.toString());

        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains(id + ": route http-grader asks for model gpt-4o here, where the run asked for"
                + " gpt-4o-mini: routes.yaml takes it from environment variables, which read differently now. Resume calls"
                + " the routes the run's answers came from: set the variables as they were, or start a new run");
        assertThat(grader.exchanges()).as("nothing sent").hasSize(before);

        ws.env.remove("GRADER_MODEL");
        String baseUrl = ws.env.get("OPENAI_BASE_URL");
        ws.env.put("OPENAI_BASE_URL", baseUrl + "/");
        Cli.Result elsewhere = Cli.run(ws.env, "resume", id, "--workspace", ws.dir.toString(), "--db", ws.db.toString());
        assertThat(elsewhere.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(elsewhere.err()).contains("route http-grader is defined otherwise here than when the run called it (its"
                + " base_url, params, headers or limits)");
        ws.env.put("OPENAI_BASE_URL", baseUrl);
        OpenAiWorkspace.Run resumed = ws.run("resume", id, "--workspace", ws.dir.toString(), "--db", ws.db.toString(),
                "--json", "--quiet");
        assertThat(resumed.exit()).as(resumed.result().err()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(resumed.cases()).flatExtracting(c -> c.versions().judges()).extracting(j -> j.model())
                .containsOnly("gpt-4o-mini");
    }

    /**
     * A judge whose model variable named a model the server did not know graded nothing: the route was refused and its
     * cases left. Resumed with the variable corrected, it is not held to the old definition, and grades them.
     */
    @Test
    void aJudgeThatGradedNothingMayBeMendedByItsVariable() {
        FakeChatCompletions grades = new FakeChatCompletions().otherwise(e -> e.answer("{\"score\":5,\"reason\":\"Clear.\"}"));
        OpenAiWorkspace ws = JudgeRunTest.workspace(tmp, server, grades)
                .editRoutes("model: gpt-4o-mini", "model: ${GRADER_MODEL:-gpt-4o-mini}");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return modelOf(request).equals("gpt-4o-mnii")
                        ? new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no such model\"}}").build()
                        : grades.dispatch(request);
            }
        });
        ws.env.put("GRADER_MODEL", "gpt-4o-mnii");
        OpenAiWorkspace.Run run = ws.runWith("--suite", "triage", "--cache", "off");
        assertThat(run.exit()).as(run.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        // A 404 is the route's, whatever the reply: no case is stored with a judge ERROR a corrected name would not mend.
        assertThat(run.cases()).as("only the outputs with nothing to judge")
                .hasSize(JudgeRunTest.TRIAGE_CASES - JudgeRunTest.JUDGED)
                .allSatisfy(c -> assertThat(c.judgements().get(0).outcome()).isEqualTo("NO_OUTPUT"));

        ws.env.remove("GRADER_MODEL");
        OpenAiWorkspace.Run resumed = ws.run("resume", run.header().id(), "--workspace", ws.dir.toString(), "--db",
                ws.db.toString(), "--json", "--quiet");

        assertThat(resumed.exit()).as(resumed.result().err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(resumed.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(resumed.cases()).as("every reply graded by the corrected model").hasSize(JudgeRunTest.TRIAGE_CASES)
                .filteredOn(c -> c.judgements().get(0).outcome().equals("PASS")).hasSize(JudgeRunTest.JUDGED);
    }

    private static String modelOf(RecordedRequest request) {
        try {
            return Json.MAPPER.readTree(request.getBody().utf8()).get("model").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
