package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-test").editRoutes("${OPENAI_MODEL:-gpt-4o-mini}", "gpt-4o-mnii");

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

    private static String modelOf(RecordedRequest request) {
        try {
            return Json.MAPPER.readTree(request.getBody().utf8()).get("model").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
