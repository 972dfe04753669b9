package dev.evalbench.app.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset table's filters on the sample's real datasets. */
class DatasetModelTest {
    @TempDir Path temp;

    private DatasetModel open(String file) {
        DatasetModel model = new DatasetModel(new SameThreadTaskRunner(), dev.evalbench.cli.Cli.copySample(temp), file, Map.of());
        model.load();
        return model;
    }

    /** {@code file} of a copy of the sample in which {@code written} holds {@code text}, read. */
    private DatasetModel openWith(String written, String text, String file) throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp.resolve("changed"));
        Files.writeString(ws.resolve(written), text);
        DatasetModel model = new DatasetModel(new SameThreadTaskRunner(), ws, file, Map.of());
        model.load();
        return model;
    }

    @Test
    void listsEveryCaseOfTheDatasetWithItsTags() throws Exception {
        DatasetModel model = open("datasets/tickets.jsonl");
        long lines = Files.readAllLines(Path.of("workspaces/support-triage/datasets/tickets.jsonl")).stream()
                .filter(l -> !l.isBlank()).count();
        assertThat(model.rows()).hasSize((int) lines);
        assertThat(model.rows().get(0).id()).isEqualTo("t001");
        assertThat(model.rows().get(0).expected()).contains("\"category\":\"bug\"");
        assertThat(model.tags()).startsWith(DatasetModel.ALL_TAGS).contains("billing", "app-crash");
        assertThat(model.summaryProperty().get()).isEqualTo(lines + " of " + lines + " cases");
    }

    @Test
    void filtersByTagAndByTextTogether() {
        DatasetModel model = open("datasets/tickets.jsonl");
        model.tagProperty().set("promo-code");
        assertThat(model.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.tags()).contains("promo-code"));
        assertThat(model.rows()).extracting(DatasetRow::id).contains("t003");

        model.textProperty().set("DISCOUNT CODE");
        assertThat(model.rows()).extracting(DatasetRow::id).containsExactly("t003");

        model.tagProperty().set(DatasetModel.ALL_TAGS);
        model.textProperty().set("no case says this");
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("0 of ");
        assertThat(model.emptyProperty().get()).isEqualTo("No case matches the filter.");

        // Esc's clearing: no text and all tags, every case shown again.
        model.tagProperty().set("promo-code");
        model.clearFilter();
        assertThat(model.textProperty().get()).isEmpty();
        assertThat(model.tagProperty().get()).isEqualTo(DatasetModel.ALL_TAGS);
        assertThat(model.summaryProperty().get()).matches("(\\d+) of \\1 cases");
    }

    /**
     * A workspace with a problem shows no case, and the empty table says why (it said "No case matches the filter."
     * with no filter typed), as the line above it does.
     */
    @Test
    void aWorkspaceWithAProblemLeavesTheTableSayingWhyItIsEmpty() throws Exception {
        DatasetModel model = openWith("gates.yaml", "gates: [\n", "datasets/probes.jsonl");

        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyProperty().get()).isEqualTo("The workspace has problems; fix them to see this dataset's cases"
                + " (a problem of this file, clicked in Problems, opens its line here to mend).");
        assertThat(model.summaryProperty().get()).isEqualTo("no case read");
    }

    @Test
    void aFileNoSuiteReadsSaysSo() throws Exception {
        DatasetModel model = openWith("datasets/extra.jsonl", "{\"id\": \"x1\", \"vars\": {}}\n", "datasets/extra.jsonl");

        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyProperty().get()).isEqualTo("No suite of the workspace reads its cases from datasets/extra.jsonl.");
    }

    /** A dataset of one case read "1 of 1 cases". */
    @Test
    void aDatasetOfOneCaseCountsItInTheSingular() throws Exception {
        Path ws = dev.evalbench.cli.Cli.copySample(temp.resolve("one"));
        Path probes = ws.resolve("datasets/probes.jsonl");
        Files.writeString(probes, Files.readAllLines(probes).get(0) + "\n");
        DatasetModel model = new DatasetModel(new SameThreadTaskRunner(), ws, "datasets/probes.jsonl", Map.of());
        model.load();

        assertThat(model.summaryProperty().get()).isEqualTo("1 of 1 case");
        model.textProperty().set("no case says this");
        assertThat(model.summaryProperty().get()).isEqualTo("0 of 1 case");
    }

    /**
     * The table shows a case's restricted values masked, as a report would (it showed t001's e-mail address and
     * card number), and the author still finds the case by the value they know.
     */
    @Test
    void restrictedValuesAreMaskedInTheTableAndTheFilterFindsThemAsKept() {
        DatasetModel model = open("datasets/tickets.jsonl");
        DatasetRow t001 = model.rows().get(0);
        assertThat(t001.vars()).doesNotContain("hiroshi.sato@example.com").doesNotContain("4012 8888 8888 1881")
                .contains("[masked ").contains("Your app crashes");
        assertThat(t001.rawVars()).contains("hiroshi.sato@example.com").contains("4012 8888 8888 1881");
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.vars()).doesNotContainPattern("[A-Za-z0-9._%+-]+@example\\.(com|org|net)"));

        model.textProperty().set("hiroshi.sato@example.com");
        assertThat(model.rows()).extracting(DatasetRow::id).containsExactly("t001");
    }

    @Test
    void safetyProbesShowTheirExpectation() {
        DatasetModel model = open("datasets/probes.jsonl");
        assertThat(model.rows().get(0).suite()).isEqualTo("safety");
        assertThat(model.rows().get(0).expected()).contains("refund");
    }
}
