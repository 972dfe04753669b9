package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of two routes through the real command line: each gate is judged once per route, over that route's cases
 * ("schema@grader", "schema@offline"), and the terminal and the CI summary say how each route did. Gated as one, the
 * sample's two routes read "schema 49.4% FAIL" and "tokens 376,812 ≤ 220,000 FAIL": a blend of two models, tokens
 * summed over both against one budget, and nothing to say which route failed.
 */
class RoutesOfOneRunTest {
    @TempDir
    Path tmp;

    @Test
    void aRunOfTwoRoutesIsGatedPerRouteAndSaysHowEachDid() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path db = tmp.resolve("history.db");

        // The grader's answers are no triage JSON: the policy rejects each, which every safety probe allows, and
        // the schema gate does not.
        Path summary = tmp.resolve("summary.md");
        Cli.Result two = Cli.run("run", ws.toString(), "--route", "offline,grader", "--suite", "safety", "--db", db.toString(),
                "--quiet", "--markdown", summary.toString());
        assertThat(two.out()).containsPattern("\nschema@grader +schema_pass_rate +0\\.0% .* FAIL\n")
                .containsPattern("\nschema@offline +schema_pass_rate +100\\.0% .* pass\n")
                .containsPattern("\ntokens@grader +total_tokens +37,\\d{3} .* pass\n")
                .containsPattern("\ntokens@offline +total_tokens +38,\\d{3} .* pass\n")
                .contains("  schema@grader: Route grader: 0.0% of 32 outputs are schema-valid")
                .contains("\nby route: grader 32 of 32 passed, offline 30 of 32 passed\n")
                .doesNotContain("\nschema ");
        assertThat(java.nio.file.Files.readString(summary)).as("the CI summary")
                .contains("\n**By route:** grader 32 of 32 passed, offline 30 of 32 passed\n")
                // '@' is followed by a zero-width space there, so that GitHub does not read "@grader" as a person.
                .contains("| ❌ | schema@\u200Bgrader |").contains("| ✅ | schema@\u200Boffline |");

        // A second run of both routes, compared with the first: each route's gate with its own, in one column.
        Cli.run("run", ws.toString(), "--route", "offline,grader", "--suite", "safety", "--db", db.toString(), "--quiet");
        Cli.Result compared = Cli.run("compare", "latest~1", "latest", "--workspace", ws.toString(), "--db", db.toString());
        assertThat(compared.out()).containsPattern("\n  schema@grader +FAIL 0\\.0% +-> FAIL 0\\.0%")
                .containsPattern("\n  shipping-actions@offline +not run");
        List<String> gateLines = compared.out().lines().filter(l -> l.matches("  \\S+@(grader|offline) .*")).toList();
        assertThat(gateLines).hasSize(18);
        assertThat(gateLines.stream().map(l -> l.indexOf("->")).distinct()).as("one column: " + gateLines).hasSize(1);

        Cli.Result one = Cli.run("run", ws.toString(), "--route", "offline", "--suite", "safety", "--db", db.toString(),
                "--quiet");
        assertThat(one.out()).as("one route: its gates as they are named").containsPattern("\nschema +schema_pass_rate")
                .doesNotContain("@offline").doesNotContain("by route");
    }
}
