package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.otlp.Captures;
import dev.evalbench.core.otlp.SpanExport;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.traffic.TrafficRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code traffic export} and {@code run --otlp}: OTLP JSON Lines that validate and read back, and OTLP/HTTP to a collector. */
class OtlpExportTest {
    @TempDir
    Path tmp;

    @StartStop
    final MockWebServer collector = FakeChatCompletions.newServer();

    Path ws;

    @BeforeEach
    void copy() {
        ws = Cli.copySample(tmp);
    }

    @Test
    void anExportedRunValidatesAsOtlpJsonAndImportsBackAsTheSameRequests() throws Exception {
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        Path spans = tmp.resolve("spans.jsonl");

        Cli.Result exported = Cli.run("traffic", "export", "latest", "-w", ws.toString(), "--out", spans.toString());

        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("sent 159 spans to " + spans);
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines).hasSize(159);
        for (String line : lines) OtlpJsonRules.check(Json.MAPPER.readTree(line));

        Cli.Result imported = Cli.run("traffic", "import", spans.toString(), "-w", ws.toString(), "--json");
        assertThat(imported.exit()).as(imported.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(imported.out());
        assertThat(result.get("format").asText()).isEqualTo("otlp");
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            StoredRun back = RunLookup.run(store, result.get("run_id").asText());
            StoredRun raw = RunLookup.run(store, store.runs(2).get(1).id());
            StoredRun original = OutboundMasks.of(null, store, Map.of(), raw).run(raw);
            assertThat(back.header().kind()).isEqualTo(RunKind.TRAFFIC);
            List<TrafficRequest> expected = SpanExport.requests(original);
            List<TrafficRequest> actual = SpanExport.requests(back);
            assertThat(actual).hasSize(159);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as(expected.get(i).id()).isEqualTo(expected.get(i));
            }
            assertThat(actual).anySatisfy(r -> assertThat(r.validation()).isEqualTo(TrafficRequest.INVALID))
                    .anySatisfy(r -> assertThat(r.decision().accepted()).isFalse());
        }
    }

    @Test
    void aTrafficRunWithRetriesSurvivesExportAndImport() throws Exception {
        Path capture = tmp.resolve("capture.jsonl");
        Files.write(capture, TrafficLines.lines(12));
        assertThat(Cli.run("traffic", "import", capture.toString(), "-w", ws.toString(), "--tag", "first").exit()).isZero();
        Path spans = tmp.resolve("spans.jsonl");
        assertThat(Cli.run("traffic", "export", "first", "-w", ws.toString(), "--out", spans.toString()).exit()).isZero();
        assertThat(Cli.run("traffic", "import", spans.toString(), "-w", ws.toString(), "--tag", "second").exit()).isZero();

        try (SqliteRunStore store = SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            StoredRun firstRun = RunLookup.run(store, "first");
            StoredRun secondRun = RunLookup.run(store, "second");
            List<TrafficRequest> first = SpanExport.requests(firstRun, Captures.vars(firstRun.header(), Captures.captureSha256(firstRun.cases()), store));
            List<TrafficRequest> second = SpanExport.requests(secondRun, Captures.vars(secondRun.header(), Captures.captureSha256(secondRun.cases()), store));
            assertThat(second).isEqualTo(first);
            assertThat(second.get(0).vars().get("ticket").asText()).isEqualTo("Where is my order ORD-10001?");
            assertThat(second.get(4).retries()).isEqualTo(1);
            assertThat(second.get(4).attempts()).hasSize(2);
        }
    }

    @Test
    void runWithOtlpSendsEveryCaseToACollectorOverHttpWithItsTraceId() throws Exception {
        collector.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/x-protobuf").build());

        Cli.Result r = Cli.run("run", "-w", ws.toString(), "--quiet", "--otlp", collector.url("/").toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.err()).contains("sent 159 spans to " + collector.url("/"));
        RecordedRequest request = collector.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/traces");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-protobuf");
        byte[] body = request.getBody().toByteArray();
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            var cases = store.summaries(store.runs(1).get(0).id());
            for (var c : List.of(cases.get(0), cases.get(158))) {
                assertThat(indexOf(body, HexFormat.of().parseHex(c.traceId()))).as(c.traceId()).isNotNegative();
            }
        }
        assertThat(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("gen_ai.usage.input_tokens")
                .contains("evalbench.validation.outcome").contains("triage-rules-v1");
    }

    @Test
    void aCollectorThatRefusesTheSpansIsExitThreeAndTheRunIsKept() throws Exception {
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        collector.enqueue(new MockResponse.Builder().code(400).body("bad").build());

        Cli.Result r = Cli.run("traffic", "export", "latest", "-w", ws.toString(), "--out", collector.url("/v1/traces").toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.err()).contains("the spans were not delivered to " + collector.url("/v1/traces"));
    }

    @Test
    void aCollectorNotThereIsToldAtOnceWithTheCommandThatSendsTheRunAgain() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;

        Cli.Result r = Cli.run("run", "-w", ws.toString(), "--suite", "safety", "--quiet", "--otlp", url);

        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        String id;
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            id = RunLookup.run(store, "latest").header().id();
        }
        // It said "traffic export RUN": the run it had just stored, by name, and where its history is.
        String again = "evalbench traffic export " + id + " --workspace " + ws + " --out " + url;
        assertThat(r.err()).contains("the spans were not delivered to " + url + ": connection refused (nothing listens at"
                + " that address) (the run is stored; send it again with `" + again + "`)");

        collector.enqueue(new MockResponse.Builder().code(200).build());
        Cli.Result sent = Cli.run(again.replace(url, collector.url("/v1/traces").toString())
                .substring("evalbench ".length()).split(" ", -1));

        assertThat(sent.exit()).as(sent.err()).isZero();
        assertThat(sent.out()).isEqualTo("sent 32 spans to " + collector.url("/v1/traces") + "\n");
    }

    @Test
    void aCollectorThatIsBusyIsAskedAgain() throws Exception {
        assertThat(Cli.run("run", "-w", ws.toString(), "--suite", "safety", "--quiet").exit())
                .isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        collector.enqueue(new MockResponse.Builder().code(503).body("restarting").build());
        collector.enqueue(new MockResponse.Builder().code(200).build());

        Cli.Result r = Cli.run("traffic", "export", "latest", "-w", ws.toString(), "--out", collector.url("/").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(collector.getRequestCount()).isEqualTo(2);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void anIncompleteRunSendsNoSpansAndResumeSendsThemOnceItIsWhole() throws Exception {
        collector.setDispatcher(new FakeChatCompletions().otherwise(FakeChatCompletions.status(401, "{\"error\":\"bad key\"}")));
        OpenAiWorkspace ows = new OpenAiWorkspace(tmp.resolve("openai"), collector, "sk-test");
        Path spans = tmp.resolve("resumed-spans.jsonl");

        OpenAiWorkspace.Run outage = ows.runSafety("--otlp", spans.toString());
        assertThat(outage.result().exit()).as(outage.result().err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(spans).doesNotExist();

        collector.setDispatcher(new FakeChatCompletions());
        OpenAiWorkspace.Run resumed = ows.run("resume", outage.header().id(), "--workspace", ows.dir.toString(), "--db", ows.db.toString(),
                "--json", "--quiet", "--otlp", spans.toString());
        assertThat(resumed.result().exit()).as(resumed.result().err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        List<String> lines = Files.readAllLines(spans);
        assertThat(lines).hasSize(resumed.cases().size()).isNotEmpty();
        for (String line : lines) OtlpJsonRules.check(Json.MAPPER.readTree(line));
        assertThat(resumed.result().err()).contains("sent " + lines.size() + " spans to " + spans);
    }
}
