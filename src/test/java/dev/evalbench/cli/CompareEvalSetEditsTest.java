package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.compare.VersionComponent;
import dev.evalbench.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
        RunsAroundAnEdit runs = RunsAroundAnEdit.of(tmp, "triage", ws -> editTickets(ws.resolve("datasets/tickets.jsonl")));
        String edits = "2 cases edited: t002 (expected), t005 (input); 1 case added: t900; 1 case removed: t127";
        Path md = tmp.resolve("compare.md");

        Cli.Result compared = runs.compare("--markdown", md.toString());

        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out()).containsPattern("\n  eval set triage: version [^\n]+ → version [^\n]+\n    "
                + Pattern.quote(edits) + "\n");
        assertThat(Files.readString(md)).contains("\n- eval set triage: " + edits + "\n");
        JsonNode json = JsonOutputTest.json(runs.compare("--json"), "compare");
        assertThat(json.get("version_changes")).anySatisfy(v -> {
            assertThat(v.get("component").asText()).isEqualTo("eval set");
            assertThat(v.get("detail").asText()).isEqualTo(edits);
        });
        Path report = tmp.resolve("report");
        assertThat(Cli.run("report", runs.after(), "--baseline", runs.before(), "--out", report.toString(), "--workspace",
                runs.ws().toString()).exit()).isZero();
        assertThat(Files.readString(report.resolve("report.md"))).contains("\n- eval set triage: " + edits + "\n");
        assertThat(Files.readString(report.resolve("report.html")))
                .contains("<tr class=\"change-detail\"><td></td><td colspan=\"2\">" + edits + "</td></tr>");
        assertThat(runs.overview().versions().changes()).filteredOn(c -> c.component() == VersionComponent.EVAL_SET)
                .singleElement().satisfies(c -> assertThat(c.detail()).isEqualTo(edits));
    }

    /**
     * A reviewer with CI's files and no history: an export or a report folder carries no dataset (it holds restricted
     * values), so the runs' own cases say what they can, the relabel and the cases added and removed, and that an
     * input's edit is not seen.
     */
    @Test
    void withoutTheDatasetFilesTheRunsCasesNameTheRelabelAndTheCasesAddedAndRemoved() throws Exception {
        RunsAroundAnEdit runs = RunsAroundAnEdit.of(tmp, "triage", ws -> editTickets(ws.resolve("datasets/tickets.jsonl")));
        String edits = "1 case edited: t002 (expected); 1 case added: t900; 1 case removed: t127 (from the runs' cases: an"
                + " input's edit is not seen without the dataset files)";
        RunsAroundAnEdit.Exports files = runs.exported(tmp);

        Cli.Result fromFiles = Cli.run("compare", files.before().toString(), files.after().toString());

        assertThat(fromFiles.out()).as(fromFiles.err()).contains("\n    " + edits + "\n");
        // A report folder, written where the history held both files (report.md names t005 too), compared alone.
        Path report = tmp.resolve("report");
        assertThat(Cli.run("report", runs.after(), "--baseline", runs.before(), "--out", report.toString(),
                "--workspace", runs.ws().toString()).exit()).isZero();
        assertThat(Files.readString(report.resolve("report.md"))).contains("t005 (input)");
        assertThat(Cli.run("compare", report.toString()).out()).contains("\n    " + edits + "\n");
    }

    @Test
    void anUnchangedEvalSetSaysNothingMore() throws Exception {
        RunsAroundAnEdit runs = RunsAroundAnEdit.of(tmp, "safety", ws -> { });

        assertThat(runs.compare().out()).doesNotContain("eval set").doesNotContain("edited");
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
}
