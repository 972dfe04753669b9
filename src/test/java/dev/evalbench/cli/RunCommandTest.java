package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}, {@code gate}, {@code history}, {@code tag} and {@code export} on the sample workspace, by exit code and output. */
class RunCommandTest {
    /** The sample's gates, minus the two that need a baseline or fail by design, so a clean run passes. */
    static final String PASSABLE_GATES = """
            gates:
              - {id: schema, kind: schema_pass_rate, min: 0.98}
              - {id: category-accuracy, kind: metric, suite: triage, metric: classification.category.accuracy, min: 0.85}
              - {id: safety, kind: safety_pass_rate, suite: safety}
              - {id: latency, kind: p95_latency, max_ms: 2000}
              - {id: tokens, kind: total_tokens, max: 220000}
            """;

    @TempDir
    Path tmp;

    Path ws;

    @BeforeEach
    void copy() {
        ws = Cli.copySample(tmp);
    }

    private static JsonNode json(Cli.Result r) throws IOException {
        return Json.MAPPER.readTree(r.out());
    }

    private static JsonNode gate(JsonNode result, String id) {
        for (JsonNode g : result.get("gates")) if (g.get("id").asText().equals(id)) return g;
        throw new AssertionError("no gate " + id + " in " + result);
    }

    @Test
    void sampleRunStoresTheRunAndFailsItsSchemaGate() throws IOException {
        Cli.Result r = Cli.run("run", ws.toString(), "--json");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        JsonNode result = json(r);
        assertThat(result.get("status").asText()).isEqualTo("complete");
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(gate(result, "schema").get("passed").asBoolean()).isFalse();
        assertThat(gate(result, "category-accuracy").get("passed").asBoolean()).isTrue();
        assertThat(gate(result, "safety").get("passed").asBoolean()).isTrue();
        assertThat(result.get("counts").get("cases").asInt()).isEqualTo(159);
        assertThat(ws.resolve(".evalbench/history.db")).exists();

        Cli.Result history = Cli.run("history", ws.toString());
        assertThat(history.exit()).isEqualTo(ExitCodes.OK);
        assertThat(history.out()).contains(result.get("run_id").asText()).contains("complete").contains("159/159");
    }

    @Test
    void passingGatesExitZeroAndOneBlockingSafetyFailureAloneExitsOne() throws IOException {
        Files.writeString(ws.resolve("gates.yaml"), PASSABLE_GATES);
        Cli.Result clean = Cli.run("run", ws.toString(), "--json");
        assertThat(clean.exit()).as(clean.out()).isEqualTo(ExitCodes.OK);
        assertThat(json(clean).get("passed").asBoolean()).isTrue();

        // The team decides that asking about a friend's order must block: one probe the system fails today.
        makeBlocking(ws.resolve("datasets/probes.jsonl"), "p18");
        Cli.Result blocked = Cli.run("run", ws.toString(), "--json");

        assertThat(blocked.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        JsonNode result = json(blocked);
        List<String> failed = new ArrayList<>();
        result.get("gates").forEach(g -> { if (!g.get("passed").asBoolean()) failed.add(g.get("id").asText()); });
        assertThat(failed).containsExactly("safety");
        assertThat(gate(result, "safety").get("detail").asText()).contains("p18").contains("1 of 29");
    }

    @Test
    void gateReGatesAStoredRunWithTheWorkspacesCurrentGatesAndCallsNoModel() throws IOException {
        Cli.Result first = Cli.run("run", ws.toString(), "--json");
        String runId = json(first).get("run_id").asText();
        Files.writeString(ws.resolve("gates.yaml"), PASSABLE_GATES);
        // The scripted model is gone: re-gating must not need it.
        Cli.edit(ws.resolve("routes.yaml"), "script: models/triage-rules.yaml", "script: models/missing.yaml");
        Files.delete(ws.resolve("models/triage-rules.yaml"));

        Cli.Result regated = Cli.run("gate", ws.toString(), "--run", runId, "--json");

        // The workspace now fails validation (a route names a missing script), which gate must report, not ignore.
        assertThat(regated.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(regated.err()).contains("models/missing.yaml");

        Cli.edit(ws.resolve("routes.yaml"), "script: models/missing.yaml", "script: models/triage-rules.yaml");
        Files.copy(Cli.SAMPLE.resolve("models/triage-rules.yaml"), ws.resolve("models/triage-rules.yaml"));
        Cli.Result ok = Cli.run("gate", ws.toString(), "--run", runId, "--json");
        assertThat(ok.exit()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(json(ok).get("run_id").asText()).isEqualTo(runId);
        assertThat(Cli.run("history", ws.toString(), "--json").out()).contains(runId);
        assertThat(Json.MAPPER.readTree(Cli.run("history", ws.toString(), "--json").out())).hasSize(1);
    }

    @Test
    void aTaggedRunServesAsBaselineByTagAndAsAnExportedFile() throws IOException {
        Cli.Result first = Cli.run("run", ws.toString(), "--json");
        String baseId = json(first).get("run_id").asText();
        assertThat(Cli.run("tag", baseId, "main", "--workspace", ws.toString()).exit()).isEqualTo(ExitCodes.OK);
        Path export = tmp.resolve("baseline/run.json");
        assertThat(Cli.run("export", "main", "--out", export.toString(), "--workspace", ws.toString()).exit()).isEqualTo(ExitCodes.OK);

        JsonNode byTag = json(Cli.run("run", ws.toString(), "--json", "--baseline", "main"));
        assertThat(byTag.get("baseline_run_id").asText()).isEqualTo(baseId);
        assertThat(gate(byTag, "cost").get("passed").asBoolean()).isTrue();

        // CI starts with an empty history: the exported file alone is the baseline.
        Path freshDb = tmp.resolve("ci/history.db");
        Cli.Result ci = Cli.run("run", ws.toString(), "--json", "--baseline", export.toString(), "--db", freshDb.toString(),
                "--junit", tmp.resolve("gates.xml").toString(), "--markdown", tmp.resolve("gates.md").toString());
        JsonNode byFile = json(ci);
        assertThat(byFile.get("baseline_run_id").asText()).isEqualTo(baseId);
        assertThat(gate(byFile, "action-vs-baseline").get("baseline_value").asDouble()).isGreaterThan(0.85);
        assertThat(tmp.resolve("gates.xml")).content().contains("<testsuite").contains("schema");
        assertThat(tmp.resolve("gates.md")).content().contains("| schema");
    }

    @Test
    void aRunWithoutBaselineWhileMainIsTaggedSaysHowToGateAgainstIt() throws IOException {
        Cli.Result first = Cli.run("run", ws.toString(), "--quiet");
        // No run is tagged main yet: "none was given" is all there is to say.
        assertThat(first.out()).contains("cost: " + dev.evalbench.core.gate.GateEvaluator.NEEDS_BASELINE);
        assertThat(first.err()).doesNotContain("tagged main");
        String mainId = json(Cli.run("history", ws.toString(), "--json")).get(0).get("run_id").asText();
        assertThat(Cli.run("tag", mainId, "main", "--workspace", ws.toString()).exit()).isZero();

        Cli.Result second = Cli.run("run", ws.toString(), "--quiet");
        assertThat(second.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(second.err()).contains("note: run " + mainId + " is tagged main; add --baseline main to gate against it");
        Cli.Result gate = Cli.run("gate", ws.toString());
        assertThat(gate.err()).contains("note: run " + mainId + " is tagged main; add --baseline main");
        // A report written without one says so too: its cost gate failed for want of the baseline main would give.
        Cli.Result report = Cli.run("report", "latest", "--workspace", ws.toString(), "--out", tmp.resolve("report").toString());
        assertThat(report.exit()).isZero();
        assertThat(report.out()).contains("verdict: 2 of 9 gates failed");
        assertThat(report.err()).contains("note: run " + mainId + " is tagged main; add --baseline main");
        Cli.Result reportAgainst = Cli.run("report", "latest", "--workspace", ws.toString(), "--baseline", "main",
                "--out", tmp.resolve("report-main").toString());
        assertThat(reportAgainst.err()).doesNotContain("tagged main");
        // Given a baseline, the cost gate measures and nothing more is said.
        Cli.Result against = Cli.run("run", ws.toString(), "--quiet", "--baseline", "main");
        assertThat(against.out()).doesNotContain(dev.evalbench.core.gate.GateEvaluator.NEEDS_BASELINE);
        assertThat(against.err()).doesNotContain("tagged main");
    }

    @Test
    void repeatedSamplesReportPassAllRateAndFlakyCases() throws IOException {
        JsonNode result = json(Cli.run("run", ws.toString(), "--suite", "safety", "--repeat", "2", "--json"));

        assertThat(result.get("counts").get("cases").asInt()).isEqualTo(64);
        JsonNode repeat = result.get("repeat");
        assertThat(repeat.get("samples_per_case").asInt()).isEqualTo(2);
        // The scripted model is deterministic: the same 30 of 32 probes pass in both samples, none is flaky.
        assertThat(repeat.get("pass_all_rate").asDouble()).isEqualTo(30 / 32.0);
        assertThat(repeat.get("flaky")).isEmpty();
    }

    @Test
    void compareJsonHoldsEveryFlipWithItsRecordsWhileTheTerminalReadsOnlyTheOnesItShows() throws IOException {
        String before = json(Cli.run("run", ws.toString(), "--json")).get("run_id").asText();
        // The order list's bullet changed: the scripted model then misses order ids, and cases flip to fail.
        Path prompt = ws.resolve("prompts/triage.yaml");
        Cli.edit(prompt, "revision: 4", "revision: 5");
        Cli.edit(prompt, "{% for order in customer.orders %}  * {{ order.id }}",
                "{% for order in customer.orders %}  - {{ order.id }}");
        String after = json(Cli.run("run", ws.toString(), "--json")).get("run_id").asText();

        JsonNode compared = json(Cli.run("compare", before, after, "--workspace", ws.toString(), "--json",
                "--max-cases", "1"));
        List<JsonNode> flips = new java.util.ArrayList<>();
        compared.get("cases").forEach(c -> { if (c.get("kind").asText().equals("pass_to_fail")) flips.add(c); });
        assertThat(flips).hasSizeGreaterThan(2)
                .allMatch(c -> c.get("before").isObject() && c.get("after").isObject() && c.get("diff").isArray());
        int changed = compared.get("cases").size();

        Cli.Result text = Cli.run("compare", before, after, "--workspace", ws.toString(), "--max-cases", "1");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("cases: " + flips.size() + " pass -> fail")
                .contains("... " + (changed - 1) + " more changed cases");
    }

    /** A reviewer with CI's two exported runs and no checkout: the comparison, without the gates it cannot know. */
    @Test
    void twoExportedRunsCompareWithoutAWorkspaceOrAHistory() throws IOException {
        String before = json(Cli.run("run", ws.toString(), "--json")).get("run_id").asText();
        Cli.edit(ws.resolve("prompts/triage.yaml"), "{% for order in customer.orders %}  * {{ order.id }}",
                "{% for order in customer.orders %}  - {{ order.id }}");
        String after = json(Cli.run("run", ws.toString(), "--json")).get("run_id").asText();
        Path main = tmp.resolve("main.json");
        Path pr = tmp.resolve("pr.json");
        assertThat(Cli.run("export", before, "--out", main.toString(), "-w", ws.toString()).exit()).isZero();
        assertThat(Cli.run("export", after, "--out", pr.toString(), "-w", ws.toString()).exit()).isZero();

        // No --workspace, and none in the folder the command runs in (the project's root holds no evalbench.yaml).
        assertThat(Path.of("evalbench.yaml")).doesNotExist();
        Cli.Result alone = Cli.run("compare", main.toString(), pr.toString(), "--max-cases", "1");
        assertThat(alone.exit()).as(alone.err()).isZero();
        assertThat(alone.out()).contains("compare " + before + " -> " + after, "cases: 18 pass -> fail")
                .contains("gates: not compared (the history lacks run " + after
                        + "'s snapshots and no workspace was named)");

        // With the workspace named (its history at hand), the same files are compared with their gates too.
        Cli.Result withGates = Cli.run("compare", main.toString(), pr.toString(), "--max-cases", "1",
                "-w", ws.toString());
        assertThat(withGates.exit()).as(withGates.err()).isZero();
        assertThat(withGates.out())
                .contains("cases: 18 pass -> fail", "gates from the stored snapshot of run " + after);

        // CI's report folder of the second run against the first (as docs/ci.md uploads it), named as a folder:
        // compared with main's export, with the gate deltas the report recorded, still with no workspace.
        Path report = tmp.resolve("report");
        assertThat(Cli.run("report", after, "--baseline", main.toString(), "--out", report.toString(), "-w", ws.toString()).exit()).isZero();
        Cli.Result recorded = Cli.run("compare", main.toString(), report.toString(), "--max-cases", "1");
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        assertThat(recorded.out()).contains("compare " + before + " -> " + after, "cases: 18 pass -> fail")
                .contains("gates (both runs held to the same gates; the second against the first as its baseline):")
                .containsPattern("(?m)^  cost +n/a \\(needs a baseline\\) +-> pass ")
                .contains("gates from the report " + report.resolve("report.json") + ", as it recorded them");
        // The report folder alone: the comparison it was written for, from the baseline it keeps, with the
        // template's diff (its report-templates.json holds the baseline's template too).
        Cli.Result folderAlone = Cli.run("compare", report.toString(), "--max-cases", "1");
        assertThat(folderAlone.exit()).as(folderAlone.err()).isZero();
        assertThat(folderAlone.out()).contains("compare " + before + " -> " + after, "cases: 18 pass -> fail")
                .contains("template of prompt triage (prompts/triage.yaml):")
                .contains("gates from the report " + report.resolve("report.json") + ", as it recorded them")
                .doesNotContain("is not in this run history");
        // Named beside another workspace (a reviewer's invoice checkout): its gates are not this run's; the report's stand.
        Path invoices = tmp.resolve("invoices");
        Cli.copyTree(Path.of("workspaces/invoice-extraction"), invoices);
        Cli.Result otherWorkspace = Cli.run("compare", report.toString(), "--max-cases", "1", "-w", invoices.toString());
        assertThat(otherWorkspace.exit()).as(otherWorkspace.err()).isZero();
        assertThat(otherWorkspace.out()).contains("gates from the report " + report.resolve("report.json") + ", as it recorded them")
                .doesNotContain("totals-de");
        Path unbased = tmp.resolve("report-alone");
        assertThat(Cli.run("report", after, "--out", unbased.toString(), "-w", ws.toString()).exit()).isZero();
        Cli.Result noBaseline = Cli.run("compare", unbased.toString());
        assertThat(noBaseline.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noBaseline.err()).contains(unbased + ": holds no baseline to compare with");
        // The report against another run than the one it recorded: no gates claimed.
        Cli.Result other = Cli.run("compare", pr.toString(), report.toString(), "--max-cases", "0");
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.out()).contains("gates: not compared");
    }

    @Test
    void editingTheScriptedModelsRulesShowsAsARouteChangeInCompare() throws IOException {
        String before = json(Cli.run("run", ws.toString(), "--suite", "safety", "--json")).get("run_id").asText();
        Cli.edit(ws.resolve("models/triage-rules.yaml"), "latency_ms: 260", "latency_ms: 270");
        String after = json(Cli.run("run", ws.toString(), "--suite", "safety", "--json")).get("run_id").asText();

        JsonNode compared = json(Cli.run("compare", before, after, "--workspace", ws.toString(), "--json"));

        assertThat(compared.get("what_changed")).extracting(JsonNode::asText).containsExactly("route/model");
    }

    @Test
    void anUnknownBaselineIsBadInputAndWritesNoRun() throws IOException {
        Cli.Result r = Cli.run("run", ws.toString(), "--baseline", "nightly");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nightly");
        // Checked before anything is created: not even an empty history appears.
        assertThat(ws.resolve(".evalbench")).doesNotExist();
        assertThat(Cli.run("history", ws.toString()).err()).contains("no run history here");
    }

    @Test
    void aHistoryThatIsNotADatabaseIsBadInputAndStaysAsItWas() throws IOException {
        Path db = tmp.resolve("broken.db");
        Files.writeString(db, "this is not an SQLite file, but it is in the way");
        Cli.Result r = Cli.run("run", ws.toString(), "--db", db.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("broken.db");
        assertThat(Files.readString(db)).isEqualTo("this is not an SQLite file, but it is in the way");
    }

    @Test
    void readingCommandsWithoutAHistoryAreBadInputAndCreateNothing() {
        Cli.Result r = Cli.run("gate", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no run history");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }

    static void makeBlocking(Path probes, String id) throws IOException {
        List<String> lines = Files.readAllLines(probes);
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"id\": \"" + id + "\"")) {
                assertThat(lines.get(i)).contains("\"blocking\": false");
                lines.set(i, lines.get(i).replace("\"blocking\": false", "\"blocking\": true"));
                found = true;
            }
        }
        assertThat(found).as("probe " + id).isTrue();
        Files.write(probes, lines);
    }
}
