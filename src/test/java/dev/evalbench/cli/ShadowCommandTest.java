package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shadow} on the sample: a shadow run stored as such, its verdict a signed report, bad references refused. */
class ShadowCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shadowOfTheSampleTrafficIsAStoredShadowRunAndASignedReport() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("traffic", "import", ws.resolve("traffic/control-small.jsonl").toString(), "-w", ws.toString(), "--tag", "prod").exit()).isZero();
        Path keys = tmp.resolve("keys");
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "release").exit()).isZero();
        Path out = tmp.resolve("shadow-report");

        Cli.Result r = Cli.run("shadow", "prod", "--route", "offline", "--calibrate", "-w", ws.toString(), "--out", out.toString(),
                "--sign", keys.resolve("release.key").toString(), "--json");

        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        JsonNode result = Json.MAPPER.readTree(r.out());
        assertThat(result.get("compared").asInt()).isEqualTo(20);
        assertThat(result.get("verdict").asText()).isEqualTo(r.exit() == 0 ? "pass" : "changed");
        assertThat(result.get("calibration_run_id").isTextual()).isTrue();
        assertThat(result.get("rollback_target").get("prompt_revision").asInt()).isEqualTo(4);
        Cli.Result history = Cli.run("history", "-w", ws.toString());
        assertThat(history.out()).contains(result.get("shadow_run_id").asText()).contains("(shadow)").contains("(traffic)");
        Cli.Result verify = Cli.run("verify", out.resolve("report.intoto.json").toString(), "--key", keys.resolve("release.pub").toString(),
                "--workspace", ws.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void aShadowChangedOnlyByAFailedGateNamesTheGateWhereItsVerdictIsRead() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("traffic", "import", ws.resolve("traffic/control-small.jsonl").toString(), "-w", ws.toString(), "--tag", "prod").exit()).isZero();
        Path gates = ws.resolve("gates.yaml");
        String text = Files.readString(gates);
        Files.writeString(gates, text.replace("{id: latency, kind: p95_latency, max_ms: 2000}", "{id: latency, kind: p95_latency, max_ms: 1}"));
        Path out = tmp.resolve("gated-shadow");

        Cli.Result r = Cli.run("shadow", "prod", "--route", "offline", "-w", ws.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("gate latency failed: The p95 latency is");
        // Latency and cost as the gate table and the canary write them, in the terminal and the pull request's text.
        assertThat(r.out()).containsPattern("  20 requests; validation agrees \\d+\\.\\d%, decision \\d+\\.\\d%; p95 latency "
                + "[\\d,]+ -> [\\d,]+ ms; cost per request \\$0\\.\\d{6} -> \\$0\\.\\d{6}\n");
        assertThat(Files.readString(out.resolve("report.md"))).containsPattern(
                "p95 latency [\\d,]+ -> [\\d,]+ ms; cost per request \\$0\\.\\d{6} -> \\$0\\.\\d{6}\\.");
        // The folder opened in the window: the reason under the red headline says which gate, in the same words.
        var verdict = dev.evalbench.core.service.VerdictReport.read(out.resolve("report.json")).orElseThrow();
        assertThat(verdict.headline()).isEqualTo("shadow verdict: changed");
        String failed = r.out().lines().filter(l -> l.strip().startsWith("gate latency failed: ")).findFirst().orElseThrow().strip();
        assertThat(verdict.reason()).startsWith("20 requests compared on route offline, ").endsWith("; " + failed);
    }

    @Test
    void anUnknownRouteIsBadInputAndRunsNothing() {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("traffic", "import", ws.resolve("traffic/control-small.jsonl").toString(), "-w", ws.toString(), "--tag", "prod").exit()).isZero();

        Cli.Result r = Cli.run("shadow", "prod", "--route", "nope", "-w", ws.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--route nope: no such route");
        assertThat(Cli.run("history", "-w", ws.toString()).out()).doesNotContain("(shadow)");
    }
}
