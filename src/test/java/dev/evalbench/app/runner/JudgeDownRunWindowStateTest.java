package dev.evalbench.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.app.gates.GatesViewModel;
import dev.evalbench.app.gates.RunGating;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.RunService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's judge on a route over a real loopback server that fails one case's rubric with server errors, run
 * from the window's launcher: the run bar, the status line and the gates headline say a case got no grade, why, and
 * that Resume sends it. It read "complete", with the gates counting the ungraded reply as a failed one. Resumed after
 * an edit, the status line keeps the warning that the edit is not in it; where the judge's model variable reads
 * otherwise, the window says the resume was refused.
 */
class JudgeDownRunWindowStateTest {
    private static final String GRADE = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"{\\\"score\\\":5,\\\"reason\\\":\\\"Clear.\\\"}\"},\"finish_reason\":\"stop\"}],"
            + "\"model\":\"m\",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}";

    @TempDir Path temp;
    private SampleHistory sample;
    private HttpServer server;

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fails = request.contains("stuck in customs"); // t005's rubric
            byte[] body = (fails ? "{\"error\":{\"message\":\"overloaded\"}}" : GRADE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fails ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Files.writeString(sample.workspace.resolve("routes.yaml"), "  http-grader:\n    provider: openai\n"
                + "    base_url: http://127.0.0.1:" + server.getAddress().getPort() + "/v1\n    model: ${GRADER_MODEL:-m}\n"
                + "    api_key_env: GRADER_KEY\n    retries: {max_attempts: 1}\n", StandardOpenOption.APPEND);
        Path manifest = sample.workspace.resolve("evalbench.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("route: grader", "route: http-grader"));
    }

    @AfterEach
    void close() throws Exception {
        server.stop(0);
        sample.close();
    }

    @Test
    void theRunBarAndTheGatesSayACaseGotNoGrade() throws Exception {
        Map<String, String> env = Map.of("GRADER_KEY", "not-a-secret");
        SameThreadTaskRunner runner = new SameThreadTaskRunner();
        RunLauncherViewModel vm = new RunLauncherViewModel(runner, () -> sample.store, () -> sample.workspace,
                new RunService(Clock.systemUTC(), env));
        var workspace = Components.loadChecked(sample.workspace, env);
        vm.setWorkspace(workspace);
        vm.chosenRoutes().setAll("offline");
        vm.chosenSuites().setAll("triage");

        RunProgress run = vm.run();

        assertThat(run.stateProperty().get()).isEqualTo(RunProgress.State.UNJUDGED);
        assertThat(run.textProperty().get())
                .startsWith("incomplete, cases no judge graded (Resume is in its results tab): 126 / 127");
        assertThat(vm.problemProperty().get()).isEqualTo("1 case not judged: judge reply-quality's route http-grader gave"
                + " no answer (SERVER_ERROR). Resume (in its results tab) sends them.");
        String id = run.runIdProperty().get();
        assertThat(sample.store.run(id).orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);

        GatesViewModel gates = new GatesViewModel(runner, () -> sample.store, new RunGating(env, () -> workspace), id);
        gates.load();
        assertThat(gates.headlineProperty().get())
                .isEqualTo("INCOMPLETE: some cases got no grade from a judge. Resume sends them");

        // Resumed after an edit, the judge still down: the status line says why again, and keeps the start's warning.
        Path prompt = sample.workspace.resolve("prompts/triage.yaml");
        Files.writeString(prompt, Files.readString(prompt) + "# edited after the run\n");
        vm.setWorkspace(Components.loadChecked(sample.workspace, env));
        RunProgress again = vm.resume(id);
        assertThat(again.stateProperty().get()).isEqualTo(RunProgress.State.UNJUDGED);
        assertThat(vm.problemProperty().get()).isEqualTo("1 case not judged: judge reply-quality's route http-grader gave"
                + " no answer (SERVER_ERROR). Resume (in its results tab) sends them. Warning: prompts/triage.yaml changed"
                + " since run " + id + " started: resume runs its cases on the files as the run recorded them (a new run"
                + " uses the edits)");

        // Resumed where the judge's model variable reads otherwise: refused, the run left as it was.
        RunLauncherViewModel elsewhere = new RunLauncherViewModel(runner, () -> sample.store, () -> sample.workspace,
                new RunService(Clock.systemUTC(), Map.of("GRADER_KEY", "not-a-secret", "GRADER_MODEL", "m2")));
        RunProgress refused = elsewhere.resume(id);
        assertThat(refused.stateProperty().get()).isEqualTo(RunProgress.State.REFUSED);
        assertThat(refused.textProperty().get()).startsWith("refused: route http-grader asks for model m2 here");
        assertThat(elsewhere.problemProperty().get()).startsWith("Refused: route http-grader asks for model m2 here, where"
                + " the run asked for m: ");
        assertThat(sample.store.summaries(id)).hasSize(126);
    }
}
