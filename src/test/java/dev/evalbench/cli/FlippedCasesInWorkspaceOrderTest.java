package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases a prompt edit flipped are listed as the workspace lists them (the dataset's order), in the terminal,
 * in `compare --json` and in report.md: the runs store cases as they finish, eight at a time, so the stored
 * order differs from run to run and the same comparison read differently each time.
 */
class FlippedCasesInWorkspaceOrderTest {
    @TempDir static Path tmp;
    static Path ws;
    static List<String> datasetOrder;

    @BeforeAll
    static void twoRuns() throws Exception {
        ws = EditedPromptRuns.make(tmp);
        datasetOrder = new ArrayList<>();
        for (String line : Files.readAllLines(ws.resolve("datasets/tickets.jsonl"))) {
            if (!line.isBlank()) datasetOrder.add("triage/" + Json.MAPPER.readTree(line).path("id").asText());
        }
    }

    @Test
    void theTerminalAndTheJsonListTheFlipsInTheDatasetsOrder() throws Exception {
        Cli.Result text = Cli.run("compare", "main", "latest", "--workspace", ws.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        List<String> shown = found(Pattern.compile("FAIL (triage/t\\d+) +\\(pass → fail\\)"), text.out());
        assertThat(shown).hasSizeGreaterThan(5).isEqualTo(inDatasetOrder(shown));

        Cli.Result json = Cli.run("compare", "main", "latest", "--workspace", ws.toString(), "--json");
        List<String> flips = new ArrayList<>();
        for (JsonNode c : Json.MAPPER.readTree(json.out()).path("cases")) {
            if (c.path("kind").asText().equals("pass_to_fail")) flips.add(c.path("key").asText());
        }
        assertThat(flips).hasSizeGreaterThan(5).isEqualTo(inDatasetOrder(flips)).startsWith(shown.get(0));
    }

    @Test
    void latestTilde1NamesTheRunBeforeTheLatest() {
        Cli.Result byTag = Cli.run("compare", "main", "latest", "--workspace", ws.toString());
        Cli.Result byPlace = Cli.run("compare", "latest~1", "latest", "--workspace", ws.toString());
        assertThat(byPlace.exit()).as(byPlace.err()).isZero();
        assertThat(byPlace.out()).isEqualTo(byTag.out());
        Cli.Result pastTheFirst = Cli.run("compare", "latest~2", "latest", "--workspace", ws.toString());
        assertThat(pastTheFirst.exit()).isEqualTo(2);
        assertThat(pastTheFirst.err()).contains("no run, tag or run file named \"latest~2\"");
    }

    @Test
    void theReportListsThemInTheSameOrder() throws Exception {
        Path out = EditedPromptRuns.report(ws, tmp.resolve("report"));
        List<String> headings = found(Pattern.compile("#### ❌ (triage/t\\d+) \\(pass → fail\\)"),
                Files.readString(out.resolve("report.md")));
        assertThat(headings).hasSizeGreaterThanOrEqualTo(5).isEqualTo(inDatasetOrder(headings));
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> keys = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    private static List<String> inDatasetOrder(List<String> keys) {
        return datasetOrder.stream().filter(keys::contains).toList();
    }
}
