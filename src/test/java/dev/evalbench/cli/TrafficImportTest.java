package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code traffic import}: a capture becomes a traffic run every reader can use; a bad capture stores nothing. */
class TrafficImportTest {
    @TempDir
    Path tmp;

    Path ws;

    @BeforeEach
    void copy() {
        ws = Cli.copySample(tmp);
    }

    private Path capture(String name, List<String> lines) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void aCaptureBecomesATrafficRunThatHistoryGateCompareAndReportRead() throws Exception {
        Path file = capture("monday.jsonl", TrafficLines.lines(30));

        Cli.Result imported = Cli.run("traffic", "import", file.toString(), "-w", ws.toString(), "--tag", "control", "--json");

        assertThat(imported.exit()).as(imported.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(imported.out());
        assertThat(result.get("requests").asInt()).isEqualTo(30);
        assertThat(result.get("format").asText()).isEqualTo("jsonl");
        String runId = result.get("run_id").asText();
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            RunHeader header = store.run(runId).orElseThrow();
            assertThat(header.kind()).isEqualTo(RunKind.TRAFFIC);
            assertThat(header.tags()).containsExactly("control");
            assertThat(header.inputs()).containsKey("captures/monday.jsonl").containsKey("gates.yaml");
            List<CaseSummary> cases = store.summaries(runId);
            assertThat(cases).hasSize(30);
            CaseSummary first = cases.get(0);
            assertThat(first.key().caseId()).isEqualTo("req-00001");
            assertThat(first.traceId()).isEqualTo(String.format("%032x", 0xabc001L));
            assertThat(first.latencyMs()).isEqualTo(410);
            assertThat(first.finalAction()).isEqualTo("reply");
            assertThat(first.schemaValid()).isTrue();
            assertThat(cases.get(4).retries()).isEqualTo(1);
            var full = store.caseRecord(runId, cases.get(0).key()).orElseThrow();
            assertThat(full.versions().promptRevision()).isEqualTo(4);
            assertThat(full.versions().evalSetVersion()).isEqualTo("traffic");
            assertThat(full.rawOutput()).contains("\"action\":\"reply\"");
        }

        Cli.Result history = Cli.run("history", "-w", ws.toString());
        assertThat(history.out()).contains(runId).contains("(traffic)");
        Cli.Result gate = Cli.run("gate", "--run", runId, "-w", ws.toString(), "--json");
        assertThat(gate.exit()).as(gate.err() + gate.out()).isIn(0, 1);
        JsonNode gated = Json.MAPPER.readTree(gate.out());
        assertThat(gated.get("counts").get("cases").asInt()).isEqualTo(30);
        // Production's requests are held to the run-wide rates only: the eval set's token budget (220,000 for its
        // 159 cases) and the cost gate's baseline are not a capture's, so they do not run (they failed every import).
        List<String> ran = new ArrayList<>();
        for (JsonNode g : gated.get("gates")) {
            if (!g.get("verdict").asText().equals("not_run")) ran.add(g.get("id").asText());
            else assertThat(g.get("detail").asText()).startsWith("Not run: a traffic run is held only to run-wide rates");
        }
        assertThat(ran).containsExactlyInAnyOrder("schema", "latency");
        assertThat(gate.exit()).isEqualTo(gated.get("gates").findValues("verdict").stream().anyMatch(v -> v.asText().equals("fail")) ? 1 : 0);

        Cli.Result second = Cli.run("traffic", "import", capture("tuesday.jsonl", TrafficLines.lines(25)).toString(), "-w", ws.toString(), "--tag", "canary");
        assertThat(second.exit()).as(second.err()).isZero();
        Cli.Result compare = Cli.run("compare", "control", "canary", "-w", ws.toString());
        assertThat(compare.exit()).as(compare.err()).isIn(0, 1);
        assertThat(compare.out()).contains("traffic");
        Cli.Result report = Cli.run("report", "canary", "-w", ws.toString(), "--out", tmp.resolve("report").toString());
        assertThat(report.exit()).as(report.err()).isIn(0, 1);
        assertThat(tmp.resolve("report/report.json")).exists();
    }

    @Test
    void badLinesAreNamedByFileAndLineExitTwoAndNothingIsStored() throws Exception {
        List<String> lines = new ArrayList<>(TrafficLines.lines(5));
        lines.set(1, "{\"id\": \"broken\", ");
        lines.set(3, TrafficLines.request(4).put("latency_ms", -3).put("trace_id", "xyz").toString());
        // A first import creates the history, so "nothing stored" is about this run, not about a missing file.
        assertThat(Cli.run("traffic", "import", capture("ok.jsonl", TrafficLines.lines(3)).toString(), "-w", ws.toString()).exit()).isZero();
        Path bad = capture("bad.jsonl", lines);

        Cli.Result r = Cli.run("traffic", "import", bad.toString(), "-w", ws.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(bad + ":2:").contains(bad + ":4: \"trace_id\" must be a W3C trace id")
                .contains(bad + ":4: \"latency_ms\" must be a whole number of at least 0");
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            assertThat(store.runs(10)).hasSize(1);
        }
    }

    @Test
    void aRepeatedRequestIdIsABadLine() throws Exception {
        List<String> lines = new ArrayList<>(TrafficLines.lines(3));
        lines.add(TrafficLines.request(2).put("trace_id", String.format("%032x", 77)).toString());
        Path file = capture("dup.jsonl", lines);

        Cli.Result r = Cli.run("traffic", "import", file.toString(), "-w", ws.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file + ":4: request id \"req-00002\" was already used on line 2");
    }

    @Test
    void anOtlpSpanWithoutWhatTheSeedRequiresIsNamedByLineAndOtherSpansAreSkipped() throws Exception {
        String genAi = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[]},\"scopeSpans\":[{\"scope\":{\"name\":\"svc\"},\"spans\":["
                + "{\"traceId\":\"%s\",\"spanId\":\"00f067aa0ba902b7\",\"name\":\"chat m\",\"kind\":3,"
                + "\"startTimeUnixNano\":\"1763280000000000000\",\"endTimeUnixNano\":\"1763280000450000000\",\"attributes\":["
                + "{\"key\":\"gen_ai.operation.name\",\"value\":{\"stringValue\":\"chat\"}},"
                + "{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"gpt-4o-mini\"}},"
                + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"812\"}},"
                + "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":\"57\"}},"
                + "{\"key\":\"gen_ai.input.messages\",\"value\":{\"stringValue\":\"[{\\\"role\\\":\\\"user\\\",\\\"parts\\\":[{\\\"type\\\":\\\"text\\\",\\\"content\\\":\\\"hi\\\"}]}]\"}},"
                + "{\"key\":\"evalbench.route\",\"value\":{\"stringValue\":\"openai\"}},"
                + "{\"key\":\"evalbench.prompt.id\",\"value\":{\"stringValue\":\"triage\"}}%s]},"
                + "{\"traceId\":\"%s\",\"spanId\":\"00f067aa0ba902b8\",\"name\":\"GET /tickets\",\"kind\":2,\"attributes\":[]}]}]}]}";
        String valid = ",{\"key\":\"evalbench.validation.outcome\",\"value\":{\"stringValue\":\"no_output\"}}";
        String t1 = "4bf92f3577b34da6a3ce929d0e0e4736";
        String t2 = "4bf92f3577b34da6a3ce929d0e0e4737";
        Path file = capture("spans.jsonl", List.of(genAi.formatted(t1, valid, t1), genAi.formatted(t2, "", t2)));

        Cli.Result bad = Cli.run("traffic", "import", file.toString(), "-w", ws.toString());

        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains(file + ":2: \"validation\" is missing").doesNotContain(file + ":1:");

        Path good = capture("good.jsonl", List.of(genAi.formatted(t1, valid, t1)));
        Cli.Result ok = Cli.run("traffic", "import", good.toString(), "-w", ws.toString(), "--json");
        assertThat(ok.exit()).as(ok.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(ok.out());
        assertThat(result.get("format").asText()).isEqualTo("otlp");
        assertThat(result.get("requests").asInt()).isEqualTo(1);
        assertThat(result.get("skipped_spans").asInt()).isEqualTo(1);
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            CaseSummary c = store.summaries(result.get("run_id").asText()).get(0);
            assertThat(c.traceId()).isEqualTo(t1);
            assertThat(c.key().caseId()).isEqualTo("00f067aa0ba902b7");
            assertThat(c.latencyMs()).isEqualTo(450);
            assertThat(c.tokensIn()).isEqualTo(812);
            assertThat(c.modelUsed()).isEqualTo("gpt-4o-mini");
        }
    }
}
