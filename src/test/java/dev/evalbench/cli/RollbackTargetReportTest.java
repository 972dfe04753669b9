package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report names what to roll back to: the baseline's prompt, policy, route, and the exact files to restore. */
class RollbackTargetReportTest {
    @TempDir
    Path tmp;

    @Test
    void aReportAgainstABaselineNamesTheBaselinesVersionsAndFiles() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(Cli.run("tag", "latest", "main", "-w", ws.toString()).exit()).isZero();
        Cli.edit(ws.resolve("policy.yaml"), "revision: 2", "revision: 3");
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        Path out = tmp.resolve("report");

        Cli.Result r = Cli.run("report", "latest", "--baseline", "main", "-w", ws.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        JsonNode target = Json.MAPPER.readTree(out.resolve("report.json").toFile()).get("rollback_target");
        RunHeader main;
        try (SqliteRunStore store = SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            main = store.run(store.resolve("main").orElseThrow()).orElseThrow();
        }
        assertThat(target.get("run_id").asText()).isEqualTo(main.id());
        assertThat(target.get("prompt_id").asText()).isEqualTo("triage");
        assertThat(target.get("prompt_revision").asInt()).isEqualTo(4);
        assertThat(target.get("policy_revision").asInt()).isEqualTo(2);
        assertThat(target.get("route").asText()).isEqualTo("offline");
        assertThat(target.get("files").get("policy.yaml").asText()).isEqualTo(main.inputs().get("policy.yaml"));
        assertThat(target.get("files").get("prompts/triage.yaml").asText()).isEqualTo(main.inputs().get("prompts/triage.yaml"));
        assertThat(target.get("files").has("datasets/tickets.jsonl")).isFalse();
        assertThat(target.get("restore").asText()).contains("no git commit was recorded");
        assertThat(Files.readString(out.resolve("report.md"))).contains("### Rollback target").contains("policy revision 2")
                .contains("`policy.yaml`");
    }

    /**
     * The restore command, copied from the report as it is and run in the workspace folder, brings the baseline's
     * files back. It ended with "   (in the workspace folder)" inside the command, which made the shell refuse it.
     */
    @Test
    void theRestoreCommandPastedInTheWorkspaceFolderBringsTheBaselinesFilesBack() throws Exception {
        Path ws = Cli.copySample(tmp);
        git(ws, "init", "-q");
        git(ws, "add", ".");
        git(ws, "commit", "-qm", "baseline");
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(Cli.run("tag", "latest", "main", "-w", ws.toString()).exit()).isZero();
        Cli.edit(ws.resolve("policy.yaml"), "revision: 2", "revision: 3");
        git(ws, "commit", "-qam", "policy r3");
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        Path out = tmp.resolve("report");
        assertThat(Cli.run("report", "latest", "--baseline", "main", "-w", ws.toString(), "--out", out.toString()).exit()).isZero();
        JsonNode target = Json.MAPPER.readTree(out.resolve("report.json").toFile()).get("rollback_target");
        String restore = target.get("restore").asText();

        assertThat(restore).startsWith("git checkout " + target.get("git_commit").asText() + " -- ").contains(" policy.yaml")
                .doesNotContain("(");
        assertThat(Files.readString(out.resolve("report.md"))).contains("Restore, in the workspace folder:\n\n```sh\n" + restore + "\n```");
        Process paste = new ProcessBuilder("bash", "-c", restore).directory(ws.toFile()).redirectErrorStream(true).start();
        String said = new String(paste.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(paste.waitFor()).as(said).isZero();
        assertThat(Files.readString(ws.resolve("policy.yaml"))).contains("revision: 2");
        assertThat(dev.evalbench.core.json.Digests.sha256(Files.readAllBytes(ws.resolve("policy.yaml"))))
                .isEqualTo(target.get("files").get("policy.yaml").asText());
    }

    private static void git(Path dir, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-c", "user.name=Evalbench Test",
                "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", args) + ": " + said).isZero();
    }

    @Test
    void aReportWithoutABaselineSaysThereIsNoRollbackTarget() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", "-w", ws.toString(), "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        Path out = tmp.resolve("report");

        assertThat(Cli.run("report", "latest", "-w", ws.toString(), "--out", out.toString()).exit()).isIn(0, 1);

        assertThat(Json.MAPPER.readTree(out.resolve("report.json").toFile()).get("rollback_target").isNull()).isTrue();
        assertThat(Files.readString(out.resolve("report.md"))).contains("No baseline was given, so no rollback target is named");
    }
}
