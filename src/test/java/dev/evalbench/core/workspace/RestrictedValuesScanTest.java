package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Masking a stored run's outputs needs each case's restricted values, not its cases: read for a stored run, a
 * suite answers them from its dataset's bytes without parsing a case (what kept {@code gate --json} of 100,000
 * cases at 650 MB), and the answer is the one the parsed cases give.
 */
class RestrictedValuesScanTest {
    @Test
    void aStoredRunsSuitesGiveTheRestrictedValuesOfTheirCasesWithoutParsingThem() throws Exception {
        Path sample = Path.of("workspaces/support-triage");
        Workspace full = WorkspaceLoader.load(new DiskWorkspaceFiles(sample), Map.of());
        Workspace forReading = WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(sample), Map.of(), full.inputDigests());

        for (SuiteSpec suite : forReading.suites()) {
            Map<String, List<String>> scanned = suite.restrictedById();
            assertThat(((LazyCases) suite.cases()).parsed()).as("%s's cases parsed", suite.name()).isFalse();
            assertThat(scanned).as(suite.name()).isEqualTo(full.suite(suite.name()).restrictedById());
        }
        assertThat(full.suite("triage").restrictedById()).as("the sample restricts customers' details").isNotEmpty()
                .allSatisfy((id, values) -> assertThat(values).isNotEmpty());
    }

    @Test
    void theScanReadsListsAndEveryStringOfAnObjectAndSkipsTheRest() {
        String jsonl = "\uFEFF{\"id\": \"a\", \"vars\": {\"restricted\": [\"not this\"]}, \"restricted\": [\"4012 8888\", \"ada@example.com\"]}\r\n"
                + "\n"
                + "   \n"
                + "{\"restricted\": {\"card\": \"3782\", \"n\": 7, \"more\": [{\"x\": \"deep\"}, true]}, \"id\": \"b\"}\n"
                + "{\"id\": \"c\", \"vars\": {\"ticket\": \"nothing restricted\"}}\n"
                + "{\"id\": \"d\", \"restricted\": []}";

        Map<String, List<String>> byId = RestrictedValuesScan.of("d.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));

        assertThat(byId).containsExactly(
                Map.entry("a", List.of("4012 8888", "ada@example.com")),
                Map.entry("b", List.of("3782", "deep")));
    }

    @Test
    void aLineThatIsNoLongerAnObjectSaysWhichOne() {
        byte[] bytes = "{\"id\": \"a\"}\n[1, 2]\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RestrictedValuesScan.of("datasets/t.jsonl", bytes))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("datasets/t.jsonl").hasMessageContaining("line 2");
    }
}
