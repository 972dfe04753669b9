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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route whose breaker opens after two answers, run from the window's launcher over a real loopback server: the
 * run bar, the status line and the run's gates headline say that cases were not sent, why, and that Resume sends
 * them. It read "cancelled",
 * which nobody had asked for, and before that the run was "complete" with 28 "circuit open" failures. And a second
 * route on the same server with no breaker, every call of it a server error, beside the offline route: the window
 * says that route answered none of its cases and that Resume runs them again (it read "complete", FAILED, the route's
 * gates at 0%, with nothing to resume).
 */
class BreakerOpenRunWindowStateTest {
    private static final String ANSWER = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"{\\\"category\\\":\\\"other\\\",\\\"priority\\\":\\\"low\\\",\\\"action\\\":\\\"reply\\\","
            + "\\\"order_id\\\":null,\\\"reply\\\":\\\"Hello.\\\"}\"},\"finish_reason\":\"stop\"}],"
            + "\"model\":\"m\",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}";

    private static final Map<String, String> ENV = Map.of("FLAKY_KEY", "not-a-secret");

    @TempDir Path temp;
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private SampleHistory sample;
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
        // Two answers, then server errors: a window of 4 at an error rate of 0.5 opens the breaker for ten minutes.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean answers = calls.incrementAndGet() <= 2;
            byte[] body = (answers ? ANSWER : "{\"error\":{\"message\":\"overloaded\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answers ? 200 : 500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Files.writeString(sample.workspace.resolve("routes.yaml"), "  flaky:\n    provider: openai\n"
                + "    base_url: http://127.0.0.1:" + server.getAddress().getPort() + "/v1\n    model: m\n"
                + "    api_key_env: FLAKY_KEY\n    retries: {max_attempts: 1}\n"
                + "    breaker: {window: 4, min_calls: 4, error_rate: 0.5, open_ms: 600000}\n", StandardOpenOption.APPEND);
    }

    /** The window's launcher over the sample, on this thread, with the key the loopback routes name. */
    private RunLauncherViewModel launcher() throws Exception {
        RunLauncherViewModel vm = new RunLauncherViewModel(runner, () -> sample.store, () -> sample.workspace,
                new RunService(Clock.systemUTC(), ENV));
        vm.setWorkspace(Components.loadChecked(sample.workspace, ENV));
        return vm;
    }

    /** The gates panel of run {@code id}, as its results tab shows them. */
    private GatesViewModel gates(String id) throws Exception {
        var workspace = Components.loadChecked(sample.workspace, ENV);
        return new GatesViewModel(runner, () -> sample.store, new RunGating(ENV, () -> workspace), id);
    }

    @AfterEach
    void close() throws Exception {
        server.stop(0);
        sample.close();
    }

    @Test
    void theRunBarAndTheGatesSayTheBreakerKeptCasesFromTheModel() throws Exception {
        RunLauncherViewModel vm = launcher();
        vm.chosenRoutes().setAll("flaky");
        vm.chosenSuites().setAll("safety");
        vm.concurrencyProperty().set(1);

        RunProgress run = vm.run();

        assertThat(calls.get()).as("no call while the breaker is open").isEqualTo(4);
        assertThat(run.stateProperty().get()).isEqualTo(RunProgress.State.UNSENT);
        assertThat(run.textProperty().get())
                .startsWith("incomplete, cases not sent to the model (Resume is in its results tab): 4 / 32");
        String id = run.runIdProperty().get();
        assertThat(vm.problemProperty().get())
                .isEqualTo("28 cases not sent: the breaker of route flaky was open. Resume (in its results tab) sends them.");
        assertThat(sample.store.run(id).orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);

        GatesViewModel gates = gates(id);
        gates.load();
        assertThat(gates.headlineProperty().get())
                .isEqualTo("INCOMPLETE: some cases were not sent to the model. Resume sends them");
    }

    @Test
    void theRunBarAndTheGatesSayARouteOfTwoAnsweredNone() throws Exception {
        calls.set(2); // past the two answers: every call a server error
        Files.writeString(sample.workspace.resolve("routes.yaml"), "  down:\n    provider: openai\n"
                + "    base_url: http://127.0.0.1:" + server.getAddress().getPort() + "/v1\n    model: m\n"
                + "    api_key_env: FLAKY_KEY\n    retries: {max_attempts: 1}\n", StandardOpenOption.APPEND);
        RunLauncherViewModel vm = launcher();
        vm.chosenRoutes().setAll("offline", "down");
        vm.chosenSuites().setAll("safety");

        RunProgress run = vm.run();

        assertThat(run.stateProperty().get()).isEqualTo(RunProgress.State.UNANSWERED);
        assertThat(run.textProperty().get())
                .startsWith("incomplete, a route answered none of its cases (Resume is in its results tab): 64 / 64");
        assertThat(vm.problemProperty().get()).isEqualTo("32 cases of route down got no answer from it (server error"
                + " 32). Resume (in its results tab) runs them again.");
        String id = run.runIdProperty().get();
        assertThat(sample.store.run(id).orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);

        GatesViewModel gates = gates(id);
        gates.load();
        assertThat(gates.headlineProperty().get())
                .isEqualTo("INCOMPLETE: a route answered none of its cases. Resume runs them again");
        // The route's gates measured its outage: "no answer", not "0.0% FAIL" or a "pass" of tokens over no answer;
        // those of the suite the run left out are "not run", as the other route's are.
        assertThat(gates.rows()).filteredOn(r -> r.id().endsWith("@down") && !"triage".equals(r.verdict().suite()))
                .hasSize(5).allSatisfy(r -> {
                    assertThat(r.word()).isEqualTo("no answer");
                    assertThat(r.sentence()).startsWith("Not measured: route down answered none of its cases in this run");
                });
        assertThat(gates.rows()).filteredOn(r -> r.id().endsWith("@down") && "triage".equals(r.verdict().suite()))
                .hasSize(4).allSatisfy(r -> assertThat(r.word()).isEqualTo("not run"));
        assertThat(gates.rows()).filteredOn(r -> r.id().equals("safety@offline")).singleElement()
                .satisfies(r -> assertThat(r.word()).isEqualTo("pass"));
    }

    @Test
    void theGatesOfARouteTheBreakerKeptEveryCaseFromReadNoAnswerBesideTheOtherRoutes() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        // More attempts than the breaker's window: the first case's fourth failure opens it before any is stored.
        Files.writeString(sample.workspace.resolve("routes.yaml"), "  gone:\n    provider: openai\n"
                + "    base_url: http://127.0.0.1:" + closed + "/v1\n    model: m\n    api_key_env: FLAKY_KEY\n"
                + "    retries: {max_attempts: 6, base_delay_ms: 1, max_delay_ms: 1}\n"
                + "    breaker: {window: 4, min_calls: 4, error_rate: 0.5, open_ms: 600000}\n", StandardOpenOption.APPEND);
        RunLauncherViewModel vm = launcher();
        vm.chosenRoutes().setAll("offline", "gone");
        vm.chosenSuites().setAll("safety");
        vm.concurrencyProperty().set(1);

        String id = vm.run().runIdProperty().get();

        assertThat(sample.store.summaries(id)).allSatisfy(c -> assertThat(c.key().route()).isEqualTo("offline"));
        GatesViewModel gates = gates(id);
        gates.load();
        // They read as the run's own gates ("schema 100.0% pass"), the offline route's alone.
        assertThat(gates.rows()).extracting(r -> r.id() + " " + r.word()).contains("schema@offline pass",
                "schema@gone no answer", "safety@gone no answer", "category-accuracy@gone not run");
        assertThat(gates.rows()).filteredOn(r -> r.id().equals("schema@gone")).singleElement().satisfies(r ->
                assertThat(r.casesInWords()).isEqualTo("The results below list none: the run stored no case of it;"
                        + " resume sends them."));
    }
}
