package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code canary} on the sample's generated traffic (workspaces/support-triage/traffic): the shifted pair (canary
 * p95 latency +40%, schema pass rate -3 points) rolls back naming exactly those two metrics, the unshifted pair
 * promotes, a pair of 20 requests holds; the verdict is a signed report {@code verify} accepts.
 */
class CanaryCommandTest {
    @TempDir
    static Path tmp;

    static Path ws;

    @BeforeAll
    static void importTheSampleTraffic() {
        ws = Cli.copySample(tmp);
        for (String capture : List.of("control", "canary-shifted", "canary-steady", "control-small", "canary-small")) {
            Cli.Result r = Cli.run("traffic", "import", ws.resolve("traffic/" + capture + ".jsonl").toString(), "-w", ws.toString(), "--tag", capture);
            assertThat(r.exit()).as(r.err()).isZero();
        }
    }

    private static JsonNode canary(String control, String canary, int expectedExit) throws Exception {
        Cli.Result r = Cli.run("canary", control, canary, "-w", ws.toString(), "--json");
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(expectedExit);
        return Json.MAPPER.readTree(r.out());
    }

    private static List<String> bad(JsonNode result) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : result.get("metrics")) if (m.get("bad").asBoolean()) out.add(m.get("metric").asText() + ":" + m.get("status").asText());
        return out;
    }

    @Test
    void theShiftedCanaryRollsBackNamingLatencyAndSchemaPassRate() throws Exception {
        JsonNode result = canary("control", "canary-shifted", ExitCodes.GATE_FAILED);

        assertThat(result.get("verdict").asText()).isEqualTo("roll_back");
        assertThat(bad(result)).containsExactly("schema_pass_rate:low", "p95_latency:high");
        assertThat(result.get("reason").asText()).contains("schema pass rate low (critical)").contains("p95 latency high");
        JsonNode latency = result.get("metrics").get(3);
        assertThat(latency.get("effect").asDouble()).isBetween(0.35, 0.45);
        assertThat(latency.get("interval_low").asDouble()).isGreaterThan(0.10);
        assertThat(latency.get("p_value").asDouble()).isLessThan(0.001);
        JsonNode schema = result.get("metrics").get(0);
        assertThat(schema.get("effect").asDouble()).isCloseTo(-0.03, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(schema.get("interval_high").asDouble()).isNegative();
        assertThat(result.get("rollback_target").get("prompt_revision").asInt()).isEqualTo(4);
        assertThat(result.get("rollback_target").get("route").asText()).isEqualTo("offline");
        assertThat(result.get("rollback_target").get("files")).anySatisfy(f -> assertThat(f).isNotNull());
        assertThat(result.get("rollback_target").get("files").has("prompts/triage.yaml")).isTrue();
        assertThat(result.get("rollback_target").get("files").has("policy.yaml")).isTrue();
    }

    /**
     * The sentences write their figures as the gate table does: latencies in groups of three, p-values in four
     * decimals or "<0.0001" (not "1010 ms" and "p=8.69e-46" beside a gate table's "2,000 ms" and "<0.0001").
     */
    @Test
    void theCanarysSentencesWriteFiguresAsTheGateTableDoes() {
        Cli.Result r = Cli.run("canary", "control", "canary-shifted", "-w", ws.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("p95 latency 722 -> 1,010 ms (+39.9%, 95% interval ")
                .contains("Mann-Whitney p<0.0001, rank-biserial +0.52; n=500 vs 500)")
                .contains("493/500 vs 478/500; Fisher exact p=0.0073)")
                .contains("Bonferroni-corrected p=1.0000 over 5 actions")
                .doesNotContainPattern("p=[0-9.]+e-");
    }

    @Test
    void theUnshiftedCanaryPromotes() throws Exception {
        JsonNode result = canary("control", "canary-steady", ExitCodes.OK);

        assertThat(result.get("verdict").asText()).isEqualTo("promote");
        assertThat(bad(result)).isEmpty();
        assertThat(result.get("score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void twentyRequestsHoldEvenWhenNothingLooksWorse() throws Exception {
        JsonNode result = canary("control-small", "canary-small", ExitCodes.INCOMPLETE);

        assertThat(result.get("verdict").asText()).isEqualTo("hold");
        assertThat(result.get("reason").asText()).startsWith("too few requests to judge: control 20, canary 20");
    }

    @Test
    void anEvalRunIsNotACanaryAndIsBadInput() throws Exception {
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(Cli.run("tag", "latest", "an-eval", "-w", ws.toString()).exit()).isZero();

        Cli.Result r = Cli.run("canary", "control", "an-eval", "-w", ws.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("a canary compares two traffic runs");
    }

    @Test
    void theReportFolderReadsBackWithTheFiguresAndUnitsTheCommandPrinted() throws Exception {
        Path out = tmp.resolve("canary-words");
        Cli.Result r = Cli.run("canary", "control", "canary-shifted", "-w", ws.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.GATE_FAILED);

        // What the window shows of the folder (the verdict tab's table), row by row.
        var rows = dev.evalbench.core.service.VerdictReport.read(out.resolve("report.json")).orElseThrow().rows();
        var schema = rows.get(0);
        assertThat(schema.metric()).isEqualTo("schema pass rate (critical)");
        assertThat(r.out()).contains("schema pass rate " + schema.first() + " -> " + schema.second() + " ("
                + schema.effect() + ", 95% interval " + schema.interval().replace(" points", "") + ";");
        assertThat(List.of(schema.first(), schema.effect(), schema.interval())).allMatch(t -> t.matches("[-+]?\\d+\\.\\d\\d(%| points| to .*)"));
        var latency = rows.stream().filter(row -> row.metric().equals("p95 latency")).findFirst().orElseThrow();
        assertThat(latency.first()).endsWith(" ms");
        assertThat(r.out()).contains("p95 latency " + latency.first().replace(" ms", "") + " -> " + latency.second() + " ("
                + latency.effect() + ", 95% interval " + latency.interval() + ";");
        var decisions = rows.stream().filter(row -> row.metric().equals("decision distribution")).findFirst().orElseThrow();
        assertThat(r.out()).contains("decisions moved by " + decisions.effect().replace(" of requests", "") + " of requests (95% interval "
                + decisions.interval() + ")");
        var cost = rows.stream().filter(row -> row.metric().equals("cost per request")).findFirst().orElseThrow();
        assertThat(cost.first()).matches("\\$0\\.\\d{6}");
        assertThat(r.out()).contains("cost per request " + cost.first() + " -> " + cost.second() + " (" + cost.effect() + ", ");
        // The pull request's table says the same figures as the window's, row for row.
        String md = Files.readString(out.resolve("report.md"));
        for (var row : rows) {
            assertThat(md).contains("| " + row.metric() + " | " + (row.bad() ? "❌ " : "") + row.status() + " | "
                    + (row.first().isEmpty() ? "–" : row.first()) + " | " + (row.second().isEmpty() ? "–" : row.second())
                    + " | " + row.effect() + " | " + row.interval() + " | " + row.p() + " | ");
        }
        assertThat(md).contains("| p95 latency | ❌ high | 722 ms | 1,010 ms | +39.9% | +25.6% to +55.9% | <0.0001 | 10.0% |");
    }

    @Test
    void theVerdictIsASignedReportThatVerifies() throws Exception {
        Path keys = tmp.resolve("keys");
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "release").exit()).isZero();
        Path out = tmp.resolve("canary-report");

        Cli.Result r = Cli.run("canary", "control", "canary-shifted", "-w", ws.toString(), "--out", out.toString(),
                "--sign", keys.resolve("release.key").toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("format").asText()).isEqualTo("evalbench-canary/1");
        assertThat(report.get("verdict").asText()).isEqualTo("roll_back");
        assertThat(Files.readString(out.resolve("report.md"))).contains("Canary verdict: ❌ roll back").contains("### Rollback target")
                .contains("p95 latency");
        // -w as every command takes the workspace (verify refused it: "Unknown options: '-w'").
        Cli.Result verify = Cli.run("verify", out.resolve("report.intoto.json").toString(), "--key", keys.resolve("release.pub").toString(),
                "-w", ws.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("report.json, report.md");
        // The verdict a pull request shows, edited: the signature covers report.md too.
        String md = Files.readString(out.resolve("report.md"));
        Files.writeString(out.resolve("report.md"), md.replace("❌ roll back", "✅ promote"));
        Cli.Result editedMd = Cli.run("verify", out.resolve("report.intoto.json").toString(), "--key",
                keys.resolve("release.pub").toString(), "-w", ws.toString());
        assertThat(editedMd.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(editedMd.out()).contains("report.md: sha256 differs from the signed subject");
        Files.writeString(out.resolve("report.md"), md);

        // Judged again into the same folder without a key: the old signature stays, and the command says so.
        Cli.Result unsigned = Cli.run("canary", "control", "canary-shifted", "-w", ws.toString(), "--out", out.toString());
        assertThat(unsigned.out()).contains("note: " + out.resolve("report.intoto.json")
                + " was left as it is; it signs the report.json it was made with (verify tells)");

        Files.writeString(out.resolve("report.json"), Files.readString(out.resolve("report.json")).replace("roll_back", "promote"));
        Cli.Result tampered = Cli.run("verify", out.resolve("report.intoto.json").toString(), "--key", keys.resolve("release.pub").toString());
        assertThat(tampered.exit()).isEqualTo(ExitCodes.GATE_FAILED);
    }
}
