package dev.evalbench.cli;

import static dev.evalbench.cli.FakeChatCompletions.dropConnection;
import static dev.evalbench.cli.FakeChatCompletions.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user trusts about secrets and destinations, checked on a whole CLI run:
 * the API key reaches the server's Authorization header and no byte of anything evalbench writes or prints;
 * and no host is contacted but the one the user configured.
 */
@org.junit.jupiter.api.parallel.Isolated("touches process-wide state: JavaFX toolkit, System.out/err, ProxySelector or system properties")
class SecretsAndDestinationsTest {
    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @TempDir
    Path tmp;

    @Test
    void theKeyIsSentToTheServerAndWrittenNowhere() throws Exception {
        String secret = HexFormat.of().formatHex(randomBytes());
        String key = "sk-test-" + secret;
        // Servers that echo the Authorization header back, as some gateways do, in every kind of reply.
        FakeChatCompletions chat = new FakeChatCompletions()
                .when("Victor Lang", x -> status(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                        + x.authorization() + "\"}}").respond(x))
                .when("Erin Walsh", x -> status(500, "upstream refused " + x.authorization()).respond(x))
                .when("Hugo Brandt", x -> new MockResponse.Builder().body("not json: " + x.authorization()).build())
                .when("Nadia Petersen", x -> x.attempt() == 1
                        ? new MockResponse.Builder().code(429).addHeader("retry-after-ms", "1")
                                .body("slow down, " + x.authorization()).build()
                        : x.ok())
                .when("Owen Price", dropConnection());
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, key).historyInWorkspace().fastRetries(3, 1000)
                .editRoutes(OpenAiWorkspace.BREAKER, "");
        ws.env.put("GITHUB_ACTIONS", "true"); // annotations on stderr are one more output to check
        Path out = Files.createDirectories(tmp.resolve("ci"));

        List<String> printed = new ArrayList<>();
        String jvmOutput = captureJvmOutput(() -> {
            OpenAiWorkspace.Run run = ws.runSafety("--junit", out.resolve("junit.xml").toString(),
                    "--markdown", out.resolve("summary.md").toString());
            printed.add(run.result().out());
            printed.add(run.result().err());
            assertThat(run.json().get("status").asText()).isEqualTo("complete");
            assertThat(run.failureKinds()).containsKeys("CLIENT_ERROR", "SERVER_ERROR", "BAD_RESPONSE", "CONNECTION");
            assertThat(run.caseOf("p04").failureKind()).isNull();
            CaseRecord unauthorized = run.caseOf("p01");
            assertThat(unauthorized.failureMessage()).as("the echo reached the record, scrubbed").contains("HTTP 401").contains("[redacted]");

            for (String[] args : List.of(
                    new String[] {"gate", ws.dir.toString(), "--json", "--junit", out.resolve("gate-junit.xml").toString()},
                    new String[] {"gate", ws.dir.toString()},
                    new String[] {"history", ws.dir.toString()},
                    new String[] {"export", run.header().id(), "--workspace", ws.dir.toString(), "--out", out.resolve("run.json").toString()})) {
                Cli.Result result = Cli.run(ws.env, args);
                assertThat(result.exit()).as(String.join(" ", args) + ": " + result.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
                printed.add(result.out());
                printed.add(result.err());
            }
        });
        printed.add(jvmOutput);

        assertThat(chat.exchanges()).isNotEmpty()
                .allSatisfy(x -> assertThat(x.authorization()).isEqualTo("Bearer " + key));
        Set<String> written = Set.of(".evalbench/history.db", ".evalbench/cache.db", "junit.xml", "summary.md",
                "gate-junit.xml", "run.json");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tmp)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the files evalbench wrote are among those searched")
                .anySatisfy(f -> assertThat(f.toString()).endsWith("history.db"))
                .anySatisfy(f -> assertThat(f.toString()).endsWith("cache.db"));
        assertThat(written).allSatisfy(name -> assertThat(files).anySatisfy(f -> assertThat(f.toString().replace('\\', '/')).endsWith(name)));
        boolean redactionStored = false;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(contains(bytes, secret)).as("the key in " + tmp.relativize(file)).isFalse();
            redactionStored |= file.getFileName().toString().startsWith("history.db") && contains(bytes, "[redacted]");
        }
        assertThat(redactionStored).as("the search reads the history's bytes: the scrubbed echo is there").isTrue();
        assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain(secret));
        assertThat(String.join("", printed)).contains("::error"); // the annotations were printed and searched
    }

    @Test
    void noDestinationIsContactedButTheConfiguredServer() {
        FakeChatCompletions chat = new FakeChatCompletions()
                .when("Victor Lang", status(500, "{\"error\":{\"message\":\"down\"}}"));
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-destinations").fastRetries(2, 1000)
                .editRoutes(OpenAiWorkspace.FALLBACKS, "fallbacks: [offline]")
                .editRoutes(OpenAiWorkspace.LIMITS, "limits: {concurrency: 8}") // the whole workspace in one go
                // Configured but never called: their default hosts must not be contacted either.
                .addRoute("""
                          anthropic:
                            provider: anthropic
                            model: claude-haiku
                            api_key_env: ANTHROPIC_API_KEY
                          local:
                            provider: ollama
                            model: llama3
                        """);
        ws.env.put("ANTHROPIC_API_KEY", "sk-ant-unused");
        String mock = server.url("/").host() + ":" + server.url("/").port();

        OpenAiWorkspace.Run run;
        List<String> asked;
        try (RecordingProxySelector selector = RecordingProxySelector.install(mock)) {
            run = ws.runWith("--route", "openai"); // every suite
            asked = selector.asked();
        }

        int cases = run.json().at("/counts/planned_cases").asInt();
        assertThat(run.cases()).hasSize(cases).allSatisfy(c -> assertThat(c.failureKind()).isNull());
        assertThat(cases).isGreaterThan(100);
        assertThat(run.caseOf("p01").routeUsed()).isEqualTo("offline");
        assertThat(server.getRequestCount()).isEqualTo(cases - 1 + 2);
        assertThat(Set.copyOf(asked)).as("OkHttp's route and the JVM's socket connect both asked, for the server only")
                .containsExactlyInAnyOrder("http://" + mock, "socket://" + mock);
    }

    @Test
    void theRecorderCatchesADestinationTheUserDidNotMean() {
        // The control for the test above: without OPENAI_BASE_URL the route's default host is asked for, and
        // the trap refuses the connection, so a stray destination would show.
        FakeChatCompletions chat = new FakeChatCompletions();
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-control").fastRetries(1, 1000);
        ws.env.remove("OPENAI_BASE_URL");
        String mock = server.url("/").host() + ":" + server.url("/").port();

        OpenAiWorkspace.Run run;
        List<String> asked;
        try (RecordingProxySelector selector = RecordingProxySelector.install(mock)) {
            run = ws.runSafety();
            asked = selector.asked();
        }

        assertThat(asked).filteredOn(a -> a.startsWith("https://")).isNotEmpty().containsOnly("https://api.openai.com:443");
        assertThat(asked).filteredOn(a -> a.startsWith("socket://")).as("no socket went to the stray host")
                .isNotEmpty().noneMatch(a -> a.contains("openai.com"));
        assertThat(run.cases()).allSatisfy(c -> assertThat(c.failureKind()).isIn("CONNECTION", "CIRCUIT_OPEN"));
        assertThat(server.getRequestCount()).isZero();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /** Runs {@code body} with the JVM's stdout and stderr captured, so a library printing the key would show. */
    private static String captureJvmOutput(ThrowingRunnable body) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            body.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
