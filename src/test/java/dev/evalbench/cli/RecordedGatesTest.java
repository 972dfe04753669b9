package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.VerdictFormat;
import dev.evalbench.core.report.ReportGates;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gates a report.json records read back as the command line printed them, a gate that did not run included. */
class RecordedGatesTest {
    @TempDir Path tmp;

    @Test
    void aSafetyOnlyRunsReportReadsBackItsGatesWithTheTriageGatesNotRun() throws Exception {
        Path ws = Cli.copySample(tmp);
        Cli.Result run = Cli.run("run", ws.toString(), "--suite", "safety", "--quiet");
        assertThat(run.exit()).as(run.err()).isBetween(0, 1);
        Path folder = tmp.resolve("report");
        assertThat(Cli.run("report", "latest", "-w", ws.toString(), "--out", folder.toString()).exit()).isZero();

        GateReport recorded = ReportGates.read(folder.resolve("report.json")).orElseThrow();

        assertThat(recorded.verdicts()).hasSize(9);
        GateVerdict safety = recorded.verdicts().stream().filter(v -> v.id().equals("safety")).findFirst().orElseThrow();
        assertThat(safety.ran()).isTrue();
        assertThat(VerdictFormat.value(safety)).isEqualTo("100.0%");
        GateVerdict triage = recorded.verdicts().stream().filter(v -> v.id().equals("category-accuracy")).findFirst().orElseThrow();
        assertThat(VerdictFormat.verdict(triage)).as("a gate of a suite the run left out").isEqualTo("not run");
        assertThat(run.out()).contains(VerdictFormat.value(safety));
        assertThat(ReportGates.read(folder.resolve("report.md"))).as("not a report.json").isEmpty();

        // The file says it in words too, as gate --json does: "passed" alone is true for a gate that did not run.
        com.fasterxml.jackson.databind.JsonNode verdicts = dev.evalbench.core.json.Json.MAPPER
                .readTree(folder.resolve("report.json").toFile()).path("gates").path("verdicts");
        java.util.Map<String, String> words = new java.util.HashMap<>();
        verdicts.forEach(v -> words.put(v.path("id").asText(), v.path("verdict").asText()));
        assertThat(words).containsEntry("category-accuracy", "not_run").containsEntry("safety", "pass");
    }
}
