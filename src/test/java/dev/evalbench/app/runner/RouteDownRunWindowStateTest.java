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
 * The sample run from the window's launcher on its offline route and on a second route whose loopback server answers
 * every call 500, with no breaker to stop it: the run bar, the status line and the gates headline say the second
 * route answered none of its cases and that Resume runs them again. It read "complete", FAILED, the second route's
 * gates at 0%, with nothing to resume.
 */
class RouteDownRunWindowStateTest {
    @TempDir Path temp;
    private SampleHistory sample;
    private HttpServer server;

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"error\":{\"message\":\"upstream down\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Files.writeString(sample.workspace.resolve("routes.yaml"), "  http-model:\n    provider: openai\n"
                + "    base_url: http://127.0.0.1:" + server.getAddress().getPort() + "/v1\n    model: m\n"
                + "    api_key_env: MODEL_KEY\n    retries: {max_attempts: 1}\n", StandardOpenOption.APPEND);
    }

    @AfterEach
    void close() throws Exception {
        server.stop(0);
        sample.close();
    }

    @Test
    void theRunBarAndTheGatesSayARouteAnsweredNone() throws Exception {
        Map<String, String> env = Map.of("MODEL_KEY", "not-a-secret");
        SameThreadTaskRunner runner = new SameThreadTaskRunner();
        RunLauncherViewModel vm = new RunLauncherViewModel(runner, () -> sample.store, () -> sample.workspace,
                new RunService(Clock.systemUTC(), env));
        var workspace = Components.loadChecked(sample.workspace, env);
        vm.setWorkspace(workspace);
        vm.chosenRoutes().setAll("offline", "http-model");
        vm.chosenSuites().setAll("safety");

        RunProgress run = vm.run();

        assertThat(run.stateProperty().get()).isEqualTo(RunProgress.State.UNANSWERED);
        assertThat(run.textProperty().get())
                .startsWith("incomplete, a route answered none of its cases (Resume is in its results tab): 64 / 64");
        assertThat(vm.problemProperty().get()).isEqualTo("32 cases of route http-model got no answer from it (server error"
                + " 32). Resume (in its results tab) runs them again.");
        String id = run.runIdProperty().get();
        assertThat(sample.store.run(id).orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);

        GatesViewModel gates = new GatesViewModel(runner, () -> sample.store, new RunGating(env, () -> workspace), id);
        gates.load();
        assertThat(gates.headlineProperty().get())
                .isEqualTo("INCOMPLETE: a route answered none of its cases. Resume runs them again");
    }
}
