package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gate --run FILE}: CI's exported run, or its report folder, gated with the workspace's gates, as a run of the
 * history is (it read "no run, tag or run file named run.json" of a file that was there). Through the real command
 * line; the gates are the same as those of the run in the history it was exported from.
 */
class GateRunFileTest {
    @TempDir
    Path tmp;

    @Test
    void anExportedRunAndAReportFolderAreGatedAsTheRunTheyWereMadeFrom() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        assertThat(Cli.run("run", w, "--quiet").exit()).isEqualTo(ExitCodes.GATE_FAILED);
        Path exported = tmp.resolve("ci/run.json");
        Files.createDirectories(exported.getParent());
        assertThat(Cli.run("export", "latest", "-w", w, "--out", exported.toString()).exit()).isZero();
        Path report = tmp.resolve("ci/report");
        assertThat(Cli.run("report", "latest", "-w", w, "--out", report.toString()).exit()).isZero();

        JsonNode fromHistory = Json.MAPPER.readTree(Cli.run("gate", "--run", "latest", "-w", w, "--json").out());
        Cli.Result fromFile = Cli.run("gate", "--run", exported.toString(), "-w", w, "--json");
        Cli.Result fromReport = Cli.run("gate", "--run", report.toString(), "-w", w);

        assertThat(fromFile.exit()).as(fromFile.err()).isEqualTo(ExitCodes.GATE_FAILED);
        JsonNode gated = Json.MAPPER.readTree(fromFile.out());
        assertThat(gated.get("run_id")).isEqualTo(fromHistory.get("run_id"));
        assertThat(gated.get("gates")).isEqualTo(fromHistory.get("gates"));
        assertThat(fromReport.exit()).as(fromReport.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(fromReport.out()).contains("FAILED: 2 of 9 gates failed");

        // A file that is no run: bad input, saying what it is not.
        Cli.Result notARun = Cli.run("gate", "--run", ws.resolve("gates.yaml").toString(), "-w", w);
        assertThat(notARun.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notARun.err()).contains("gates.yaml:1:1: not a run export");
    }
}
