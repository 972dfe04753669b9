package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's extraction rules and the dataset's restricted objects, as loaded. */
class ExtractionRulesLoadTest {
    @TempDir Path dir;

    @Test
    void anExtractionEntryMayCarryNormalizersAndATolerance() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "extraction: [order_id]",
                "extraction: [{field: order_id, normalize: [trim, casefold]}]");

        SuiteSpec triage = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).suite("triage");

        assertThat(triage.extraction()).containsExactly("order_id");
        assertThat(triage.extractionRules()).containsEntry("order_id",
                new ExtractionRule("order_id", List.of("trim", "casefold"), null, null));
    }

    @Test
    void anUnknownNormalizerOrTwoTolerancesAreRefusedWithTheirPlace() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "extraction: [order_id]",
                "extraction: [{field: order_id, normalize: [upper]}]");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.errors()).first().satisfies(err -> {
            assertThat(err.file()).isEqualTo("evalbench.yaml");
            assertThat(err.line()).isEqualTo(16);
        });
    }

    @Test
    void aFieldListedTwiceUnderExtractionIsAnError() {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "evalbench.yaml", "extraction: [order_id]",
                "extraction: [order_id, {field: order_id, tolerance: {abs: 1}}]");

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        assertThat(e.getMessage()).isEqualTo("evalbench.yaml:16:28: field \"order_id\" is listed twice under extraction in suite \"triage\"");
    }

    @Test
    void restrictedMayBeAnObjectWhoseStringLeavesAreTheValues() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "\"restricted\": [\"ana@example.com\"]",
                "\"restricted\": {\"email\": \"ana@example.com\", \"bank\": {\"iban\": \"DE89 3704 0044 0532 0130 00\", "
                        + "\"old\": [\"GB82 WEST 1234 5698 7654 32\"], \"verified\": true}}");

        EvalCase t001 = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).suite("triage").cases().get(0);

        assertThat(t001.restricted()).containsExactly("ana@example.com", "DE89 3704 0044 0532 0130 00",
                "GB82 WEST 1234 5698 7654 32");
        // the decision layer matches them as it matches a list: ignoring spacing and case
        var output = dev.evalbench.core.json.Json.MAPPER.readTree("{\"reply\": \"paid to de89370400440532013000\"}");
        assertThat(new dev.evalbench.core.decide.RestrictedContent(List.of())
                .containsRestrictedValue(output, t001.restricted())).isTrue();
    }
}
