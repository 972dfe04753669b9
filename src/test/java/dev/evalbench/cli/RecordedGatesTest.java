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

    /**
     * A threshold made of more than one setting (min 0.850 and a baseline tolerance) keeps the user's words in
     * gate --json and report.json, and reads back with them: the window showed a report's recorded gate as "≥ 0.901"
     * where the terminal and report.md said "≥ 0.901 (min 0.850; baseline 0.921 − 0.020)".
     */
    @Test
    void aThresholdMadeOfTwoSettingsKeepsItsWordsInTheJsonAndReadsBackWithThem() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", ws.toString(), "--quiet").exit()).isBetween(0, 1);
        assertThat(Cli.run("run", ws.toString(), "--quiet").exit()).isBetween(0, 1);
        Path folder = tmp.resolve("report");
        assertThat(Cli.run("report", "latest", "--baseline", "latest~1", "-w", ws.toString(), "--out", folder.toString())
                .exit()).isZero();
        Cli.Result gate = Cli.run("gate", ws.toString(), "--baseline", "latest~1", "--json");

        GateVerdict recorded = ReportGates.read(folder.resolve("report.json")).orElseThrow().verdicts().stream()
                .filter(v -> v.id().equals("action-vs-baseline")).findFirst().orElseThrow();
        assertThat(recorded.bound()).matches("min 0\\.850; baseline 0\\.\\d{3} − 0\\.020");
        assertThat(VerdictFormat.threshold(recorded)).isEqualTo("≥ " + String.format(java.util.Locale.ROOT, "%.3f",
                recorded.threshold()) + " (" + recorded.bound() + ")");
        com.fasterxml.jackson.databind.JsonNode printed = dev.evalbench.core.json.Json.MAPPER.readTree(gate.out());
        java.util.List<String> bounds = new java.util.ArrayList<>();
        printed.path("gates").forEach(g -> {
            if (g.has("bound")) bounds.add(g.path("id").asText() + ": " + g.path("bound").asText());
        });
        assertThat(bounds).containsExactly("action-vs-baseline: " + recorded.bound());
    }
}
