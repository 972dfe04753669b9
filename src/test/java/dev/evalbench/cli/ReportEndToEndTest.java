package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.store.RunExport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer's path through the real command line, on a copy of the sample workspace: run, change the prompt,
 * run again, compare, write a signed report against the first run, verify it (and see a changed prompt caught).
 */
class ReportEndToEndTest {
    @TempDir Path tmp;

    @Test
    void runTwiceCompareReportSignAndVerify() throws Exception {
        Path ws = Cli.copySample(tmp);
        Cli.Result first = Cli.run("run", ws.toString(), "--quiet");
        assertThat(first.exit()).as(first.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(Cli.run("tag", "latest", "main", "--workspace", ws.toString()).exit()).isZero();
        Path prompt = ws.resolve("prompts/triage.yaml");
        String revision = Files.readAllLines(prompt).stream().filter(l -> l.startsWith("revision: ")).findFirst().orElseThrow();
        int next = Integer.parseInt(revision.substring("revision: ".length()).trim()) + 1;
        Cli.edit(prompt, revision, "revision: " + next);
        Cli.Result second = Cli.run("run", ws.toString(), "--quiet");
        assertThat(second.exit()).as(second.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);

        Cli.Result compare = Cli.run("compare", "main", "latest", "--workspace", ws.toString(),
                "--markdown", tmp.resolve("compare.md").toString());
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("what changed: prompt changed")
                .contains("prompt triage: revision " + (next - 1)).contains("→ revision " + next)
                .contains("{+" + next + "+}").contains("gates from the stored snapshot of run");
        assertThat(Files.readString(tmp.resolve("compare.md"))).contains("**What changed:** prompt changed");
        JsonNode json = Json.MAPPER.readTree(Cli.run("compare", "main", "latest", "--workspace", ws.toString(), "--json").out());
        assertThat(json.path("what_changed").toString()).isEqualTo("[\"prompt\"]");
        assertThat(json.path("templates").get(0).path("available").asBoolean()).isTrue();
        assertThat(json.path("gates").size()).isPositive();

        Path keys = tmp.resolve("keys");
        assertThat(Cli.run("keygen", "--out", keys.toString()).exit()).isZero();
        Path out = tmp.resolve("report");
        Cli.Result report = Cli.run("report", "latest", "--baseline", "main", "--out", out.toString(),
                "--sign", keys.resolve("evalbench.key").toString(), "--workspace", ws.toString());
        assertThat(report.exit()).as(report.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(out.resolve("report.json")).isRegularFile();
        assertThat(Files.readString(out.resolve("report.md"))).contains("**What changed:** prompt changed");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Prompt template triage").doesNotContain("<script");

        Cli.Result verify = Cli.run("verify", out.resolve("report.intoto.json").toString(),
                "--key", keys.resolve("evalbench.pub").toString(), "--workspace", ws.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("VALID").contains("prompts/triage.yaml").contains("report.json")
                .doesNotContain("not checked");

        StoredRun asBaseline = RunExport.read(out.resolve("report.json"));
        assertThat(asBaseline.header().inputs()).containsKey("prompts/triage.yaml");
        Cli.Result gateAgainstReport = Cli.run("gate", ws.toString(), "--baseline", out.resolve("report.json").toString());
        assertThat(gateAgainstReport.exit()).as(gateAgainstReport.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);

        Cli.edit(prompt, "revision: " + next, "revision: " + (next + 1));
        Cli.Result tampered = Cli.run("verify", out.resolve("report.intoto.json").toString(),
                "--key", keys.resolve("evalbench.pub").toString(), "--workspace", ws.toString());
        assertThat(tampered.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(tampered.out()).contains("prompts/triage.yaml: sha256 differs");
    }
}
