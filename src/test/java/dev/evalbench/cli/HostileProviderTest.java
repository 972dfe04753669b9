package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile provider answers, one per test, each given to one probe of a real run over loopback (the other
 * probes are answered normally): the case ends as a recorded outcome of the right kind with a plain message,
 * the run completes, and nothing of the hostile answer is written (no 10 MB in the history, no key anywhere).
 */
class HostileProviderTest {
    static final String KEY = "sk-hostile-7c1f29d4e8b05a63";

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();
    @StartStop
    final MockWebServer elsewhere = new MockWebServer();
    @TempDir
    Path tmp;

    /** Runs the safety suite with {@code behaviour} for probe p01 (Victor Lang); returns p01's record. */
    private CaseRecord p01(FakeChatCompletions.Behaviour behaviour, String... routeEdits) {
        return p01(1, behaviour, routeEdits);
    }

    private CaseRecord p01(int maxAttempts, FakeChatCompletions.Behaviour behaviour, String... routeEdits) {
        FakeChatCompletions chat = new FakeChatCompletions().when("Victor Lang", behaviour);
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, KEY).fastRetries(maxAttempts, 1000).editRoutes(OpenAiWorkspace.BREAKER, "");
        for (int i = 0; i + 1 < routeEdits.length; i += 2) ws.editRoutes(routeEdits[i], routeEdits[i + 1]);
        OpenAiWorkspace.Run run = ws.runSafety();
        assertThat(run.header().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(run.cases()).hasSize(32);
        assertThat(run.exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(run.result().err()).doesNotContain("Exception");
        return run.caseOf("p01");
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aTenMegabyteAnswerIsTooLargeAndNotStored() throws IOException {
        CaseRecord p01 = p01(x -> new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .chunkedBody("{\"choices\":[{\"message\":{\"content\":\"" + "A".repeat(10_000_000) + "\"}}]}", 64 * 1024).build());
        assertThat(p01.failureKind()).isEqualTo("TOO_LARGE");
        assertThat(p01.failureMessage()).contains("larger than the route's max_response_bytes (1048576)");
        long stored;
        try (Stream<Path> files = Files.list(tmp)) {
            stored = files.filter(f -> f.getFileName().toString().startsWith("history.db")).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(stored).as("history bytes").isLessThan(4_000_000);
    }

    @Test
    void anAnswerThatIsNotUtf8() {
        CaseRecord p01 = p01(x -> new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(new Buffer().write("{\"choices\":[{\"message\":{\"content\":\"caf\u00e9\"}}]}".getBytes(StandardCharsets.ISO_8859_1))).build());
        assertThat(p01.failureKind()).isEqualTo("BAD_RESPONSE");
        assertThat(p01.failureMessage()).contains("the answer is not valid UTF-8 text");
    }

    @Test
    void anAnswerWithADuplicateKey() {
        CaseRecord p01 = p01(x -> json("{\"id\":\"a\",\"id\":\"b\",\"choices\":[]}"));
        assertThat(p01.failureKind()).isEqualTo("BAD_RESPONSE");
        assertThat(p01.failureMessage()).contains("response body is not JSON").contains("Duplicate field 'id'");
    }

    @Test
    void htmlWithStatus200() {
        CaseRecord p01 = p01(x -> new MockResponse.Builder().addHeader("Content-Type", "text/html")
                .body("<html><body>Please sign in to the captive portal</body></html>").build());
        assertThat(p01.failureKind()).isEqualTo("BAD_RESPONSE");
        assertThat(p01.failureMessage()).contains("response body is not JSON");
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() {
        String target = elsewhere.url("/v1/chat/completions").toString();
        CaseRecord p01 = p01(x -> new MockResponse.Builder().code(307).addHeader("Location", target).build());
        assertThat(p01.failureKind()).isEqualTo("CLIENT_ERROR");
        assertThat(p01.failureMessage()).contains("HTTP 307").contains("redirects are not followed");
        assertThat(elsewhere.getRequestCount()).as("the key never went to the other host").isZero();
    }

    @Test
    void aStalledBodyTimesOut() {
        CaseRecord p01 = p01(x -> new MockResponse.Builder(x.ok()).throttleBody(1, 1, TimeUnit.SECONDS).build(),
                OpenAiWorkspace.TIMEOUT, "timeout_ms: 800");
        assertThat(p01.failureKind()).isEqualTo("TIMEOUT");
        assertThat(p01.failureMessage()).contains("no complete answer within 800 ms");
    }

    @Test
    void aConnectionResetMidAnswer() {
        CaseRecord p01 = p01(x -> new MockResponse.Builder(x.ok()).onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());
        assertThat(p01.failureKind()).isEqualTo("CONNECTION");
        assertThat(p01.failureMessage()).contains("the connection closed before the answer was complete").doesNotContain("Exception");
    }

    @Test
    void retryAfterADayEndsTheCallWithoutWaiting() {
        CaseRecord p01 = p01(3, x -> new MockResponse.Builder().code(429).addHeader("Retry-After", "86400")
                .body("{\"error\":{\"message\":\"come back tomorrow\"}}").build());
        assertThat(p01.failureKind()).isEqualTo("RATE_LIMITED");
        assertThat(p01.failureMessage()).contains("server asks to wait 86400000 ms");
        assertThat(p01.attempts()).hasSize(1);
    }

    @Test
    void anAnswerEchoingTheKeyFailsAndTheKeyIsWrittenNowhere() throws IOException {
        CaseRecord p01 = p01(x -> x.answer("{\"category\":\"other\",\"priority\":\"low\",\"action\":\"reply\",\"order_id\":null,"
                + "\"reply\":\"your key is " + x.authorization().substring("Bearer ".length(), 20) + "\"}"));
        assertThat(p01.failureKind()).isEqualTo("SECRET_IN_OUTPUT");
        assertThat(p01.rawOutput()).isNull();
        assertThat(p01.failureMessage()).contains("carried an API key").doesNotContain(KEY.substring(0, 12));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tmp)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.toString()).doesNotContain(KEY.substring(0, 12)).doesNotContain(KEY.substring(7, 19));
        }
    }

    @Test
    void anAnswerEchoingRestrictedValuesIsBlockedAndMaskedInEveryOutput() throws IOException {
        // p01's restricted values are victor.lang@example.com and 6011 1111 1111 1117: echoed in other spacing and case.
        FakeChatCompletions chat = new FakeChatCompletions().when("Victor Lang", x -> x.answer(
                "{\"category\":\"account\",\"priority\":\"low\",\"action\":\"reply\",\"order_id\":null,"
                        + "\"reply\":\"Card 6011111111111117 and VICTOR.LANG@example.com\"}"));
        server.setDispatcher(chat);
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, KEY).fastRetries(1, 1000);
        Path junit = tmp.resolve("junit.xml");
        Path summary = tmp.resolve("summary.md");
        OpenAiWorkspace.Run run = ws.runSafety("--junit", junit.toString(), "--markdown", summary.toString());

        CaseRecord p01 = run.caseOf("p01");
        assertThat(p01.decision().rule()).isEqualTo("restricted_value");
        assertThat(p01.rawOutput()).as("the history keeps the evidence").contains("6011111111111117");
        Cli.Result report = Cli.run(ws.env, "report", run.header().id(), "--db", ws.db.toString(), "--workspace",
                ws.dir.toString(), "--out", tmp.resolve("report").toString());
        assertThat(report.exit()).as(report.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        for (Path file : List.of(junit, summary, tmp.resolve("report/report.json"), tmp.resolve("report/report.md"),
                tmp.resolve("report/report.html"))) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContainIgnoringCase("victor.lang@example.com")
                    .doesNotContain("6011111111111117").doesNotContain("6011 1111 1111 1117");
        }
        // report.json keeps failing cases only (p01 passed: the policy blocked it); every record is in the cases file.
        String cases = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(
                tmp.resolve("report/" + dev.evalbench.core.report.ReportCases.FILE))).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cases).doesNotContainIgnoringCase("victor.lang@example.com").doesNotContain("6011111111111117")
                .doesNotContain("6011 1111 1111 1117").contains("[masked restricted value: 6011 •••• 1117]");
        assertThat(Files.readString(summary)).contains("are masked in everything written here");
    }

    /**
     * A model that repeats itself ("AB-" to 100,002 characters, within the route's 1 MB), under a policy with a
     * pattern that backtracks on such a run but searches the texts {@code validate} tries to the end, so it loads:
     * unbounded, the decision alone would take most of a minute for this case, and each masking of the output as
     * long again. The search is stopped; the output is rejected as a possible leak, with a reason that says so;
     * and the report masks the text it could not search, whole.
     */
    @Test
    void aModelThatRepeatsItselfIsRejectedAndMaskedWholeUnderABacktrackingPattern() throws IOException {
        String repeated = "AB-".repeat(33_334);
        server.setDispatcher(new FakeChatCompletions().when("Victor Lang", x -> x.answer(
                "{\"category\":\"account\",\"priority\":\"low\",\"action\":\"reply\",\"order_id\":null,\"reply\":\""
                        + repeated + "\"}")));
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, KEY).fastRetries(1, 1000);
        Cli.edit(ws.dir.resolve("policy.yaml"), "restricted_patterns:\n",
                "restricted_patterns:\n  - {name: ticket_ref, regex: '(?:[A-Z]{2}-)+\\d{6}'}\n");
        OpenAiWorkspace.Run run = ws.runSafety();

        assertThat(run.header().status()).isEqualTo(RunStatus.COMPLETE);
        CaseRecord p01 = run.caseOf("p01");
        assertThat(p01.decision().rule()).isEqualTo("restricted_pattern:ticket_ref");
        assertThat(p01.decision().reason()).startsWith("The output could not be searched for the restricted pattern "
                + "'ticket_ref' (the pattern read a text of 100,002 characters more than 256 times a character and was stopped");
        Cli.Result report = Cli.run(ws.env, "report", run.header().id(), "--db", ws.db.toString(), "--workspace",
                ws.dir.toString(), "--out", tmp.resolve("report").toString());
        assertThat(report.exit()).as(report.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        String cases = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(
                tmp.resolve("report/" + dev.evalbench.core.report.ReportCases.FILE))).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cases).doesNotContain("AB-AB-AB-AB-").contains("[masked ticket_ref: a text of 100,");
    }
}
