package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two suites take their cases from one dataset by tags; a gate's tag must be carried by some case. */
class SharedDatasetTest {
    @TempDir Path dir;

    @Test
    void aSuiteTakesOnlyTheCasesCarryingItsTags() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "    routing: action\n", "    routing: action\n"
                + "  - {name: refunds, kind: task, prompt: triage, dataset: datasets/tickets.jsonl, version: \"1\", tags: [refund],\n"
                + "     classification: [category], routing: action}\n");

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        assertThat(ws.suite("refunds").cases()).extracting(EvalCase::id).containsExactly("t001");
        assertThat(ws.suite("triage").cases().size()).isGreaterThan(1);
        assertThat(ws.suite("refunds").datasetHash()).isEqualTo(ws.suite("triage").datasetHash());
    }

    /**
     * The dataset is parsed once for both suites, yet each suite's cases are preprocessed once: with
     * collapse_whitespace then strip_control, a second pass over the same text would collapse the two spaces
     * that dropping the bell character leaves.
     */
    @Test
    void suitesSharingADatasetEachPreprocessTheirOwnCopyOnce() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "preprocess: [trim, collapse_whitespace]",
                "preprocess: [collapse_whitespace, strip_control]");
        FixtureWorkspace.replace(root, "evalbench.yaml", "    routing: action\n", "    routing: action\n"
                + "  - {name: again, kind: task, prompt: triage, dataset: datasets/tickets.jsonl, version: \"1\",\n"
                + "     classification: [category], routing: action}\n");
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\"  I was   charged twice for ORD-10421 \"",
                "\"charged \\u0007 twice\"");

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        for (String suite : new String[] {"triage", "again"}) {
            EvalCase first = ws.suite(suite).cases().get(0);
            assertThat(first.vars().get("ticket").asText()).as(suite).isEqualTo("charged  twice");
        }
        assertThat(ws.suite("again").cases().get(0).vars()).isNotSameAs(ws.suite("triage").cases().get(0).vars());
        assertThat(ws.suite("again").cases()).hasSameSizeAs(ws.suite("triage").cases());
    }

    /** A bad line of a dataset two suites read is one error, said once, not once a suite. */
    @Test
    void aBadLineOfASharedDatasetIsSaidOnce() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "    routing: action\n", "    routing: action\n"
                + "  - {name: again, kind: task, prompt: triage, dataset: datasets/tickets.jsonl, version: \"1\",\n"
                + "     classification: [category], routing: action}\n");
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "{\"id\": \"t001\"", "[\"id\", \"t001\"");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).filteredOn(err -> err.file().equals("datasets/tickets.jsonl"))
                .singleElement().satisfies(err -> assertThat(err.line()).isEqualTo(1));
    }

    @Test
    void aGateTagNoCaseCarriesIsAnError() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "gates.yaml", "metric: classification.category.accuracy, min: 0.90}",
                "metric: classification.category.accuracy, min: 0.90, tag: layout-de}");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("gates.yaml:3:116: no case of suite \"triage\" carries the tag \"layout-de\"");
    }
}
