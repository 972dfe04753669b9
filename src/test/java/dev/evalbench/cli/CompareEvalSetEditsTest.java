package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.compare.VersionChange;
import dev.evalbench.core.compare.VersionComponent;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewer comparing two runs whose eval set changed is told which cases changed and how, not two hashes alone: a
 * relabelled expected value (what turns a failing case into a passing one without a better model), an edited input,
 * a case added and one removed. In the terminal, the Markdown, the JSON (against its schema), the report against a
 * baseline, and the overview the window's comparison shows.
 */
class CompareEvalSetEditsTest {
    @TempDir
    Path tmp;

    @Test
    void theChangedEvalSetNamesTheCasesRelabelledEditedAddedAndRemoved() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        assertThat(Cli.run("run", w, "--suite", "triage").exit()).isIn(0, 1);
        String before = latest(ws);
        editTickets(ws.resolve("datasets/tickets.jsonl"));
        assertThat(Cli.run("run", w, "--suite", "triage").exit()).isIn(0, 1);
        String after = latest(ws);
        String edits = "2 cases edited: t002 (expected), t005 (input); 1 case added: t900; 1 case removed: t127";
        Path md = tmp.resolve("compare.md");

        Cli.Result compared = Cli.run("compare", before, after, "--workspace", w, "--markdown", md.toString());

        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out()).containsPattern("\n  eval set triage: version [^\n]+ → version [^\n]+\n    " + java.util.regex.Pattern
                .quote(edits) + "\n");
        assertThat(Files.readString(md)).contains("\n- eval set triage: " + edits + "\n");
        JsonNode json = JsonOutputTest.json(Cli.run("compare", before, after, "--workspace", w, "--json"), "compare");
        assertThat(json.get("version_changes")).anySatisfy(v -> {
            assertThat(v.get("component").asText()).isEqualTo("eval set");
            assertThat(v.get("detail").asText()).isEqualTo(edits);
        });
        Path report = tmp.resolve("report");
        assertThat(Cli.run("report", after, "--baseline", before, "--out", report.toString(), "--workspace", w).exit()).isZero();
        assertThat(Files.readString(report.resolve("report.md"))).contains("\n- eval set triage: " + edits + "\n");
        assertThat(Files.readString(report.resolve("report.html")))
                .contains("<tr class=\"change-detail\"><td></td><td colspan=\"2\">" + edits + "</td></tr>");
        // The window's comparison reads the same overview.
        try (RunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            ReviewService review = new ReviewService(Map.of());
            ReviewService.Side a = new ReviewService.Side(store, before);
            ReviewService.Side b = new ReviewService.Side(store, after);
            List<VersionChange> changes = review.overview(a, b, review.cases(a, b), ws).versions().changes();
            assertThat(changes).filteredOn(c -> c.component() == VersionComponent.EVAL_SET).singleElement()
                    .satisfies(c -> assertThat(c.detail()).isEqualTo(edits));
        }
    }

    @Test
    void anUnchangedEvalSetSaysNothingMore() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        assertThat(Cli.run("run", w, "--suite", "safety").exit()).isIn(0, 1);
        String before = latest(ws);
        assertThat(Cli.run("run", w, "--suite", "safety").exit()).isIn(0, 1);

        Cli.Result compared = Cli.run("compare", before, latest(ws), "--workspace", w);

        assertThat(compared.out()).doesNotContain("eval set").doesNotContain("edited");
    }

    /** t002 relabelled, t005's ticket reworded, t900 added (a copy of t001), t127 removed. */
    private static void editTickets(Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            ObjectNode c = (ObjectNode) Json.MAPPER.readTree(line);
            String id = c.get("id").asText();
            if (id.equals("t127")) continue;
            if (id.equals("t002")) ((ObjectNode) c.get("expected")).put("category", "billing");
            if (id.equals("t005")) {
                ObjectNode vars = (ObjectNode) c.get("vars");
                vars.put("ticket", vars.get("ticket").asText() + " Please hurry.");
            }
            lines.add(Json.MAPPER.writeValueAsString(c));
            if (id.equals("t001")) lines.add(Json.MAPPER.writeValueAsString(c.deepCopy().put("id", "t900")));
        }
        Files.write(file, lines);
    }

    private static String latest(Path ws) throws Exception {
        try (RunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            return store.runs(1).get(0).id();
        }
    }
}
