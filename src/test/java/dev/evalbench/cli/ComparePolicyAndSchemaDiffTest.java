package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.compare.TemplateDiff;
import dev.evalbench.core.compare.VersionComponent;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy decides on what the model proposes and the output schema says what it may propose: a refund limit raised
 * or a required field dropped passes cases as surely as a better model does, and a route's parameters and price move
 * its outputs and cost. A comparison showed such a change as two hashes; now it shows each file's diff, as it shows a
 * prompt's, in the terminal, the Markdown, the JSON (against its
 * schema), the report against a baseline and the overview the window's comparison reads.
 */
class ComparePolicyAndSchemaDiffTest {
    @TempDir
    Path tmp;

    @Test
    void aRaisedLimitAndADroppedRequiredFieldAreShownAsDiffs() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        assertThat(Cli.run("run", w, "--suite", "safety").exit()).isIn(0, 1);
        String before = latest(ws);
        edit(ws.resolve("policy.yaml"), "max_refund_amount: 200\n", "max_refund_amount: 2000\n");
        edit(ws.resolve("policy.yaml"), "revision: 2\n", "revision: 3\n");
        edit(ws.resolve("schemas/triage.schema.json"), "\"required\": [\"category\", \"priority\", ", "\"required\": [\"category\", ");
        // The offline route's price, which its cost follows.
        edit(ws.resolve("routes.yaml"), "    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}\n\n  # The same model",
                "    price: {input_per_mtok: 0.30, output_per_mtok: 0.60}\n\n  # The same model");
        // And a gateway's key pasted into a header, against the docs (it belongs in secret_headers' variable): the diff
        // shows that a header changed, never its value.
        edit(ws.resolve("routes.yaml"), "    api_key_env: OPENAI_API_KEY\n",
                "    api_key_env: OPENAI_API_KEY\n    headers: {Helicone-Auth: \"Bearer sk-pasted-0123456789abcdef\"}\n");
        assertThat(Cli.run("run", w, "--suite", "safety").exit()).isIn(0, 1);
        String after = latest(ws);
        Path md = tmp.resolve("compare.md");

        Cli.Result compared = Cli.run("compare", before, after, "--workspace", w, "--markdown", md.toString());

        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out())
                .contains("\noutput schema of prompt triage (schemas/triage.schema.json):\n"
                        + "    \"required\": [\"category\", \"[-priority\", \"-]action\", \"order_id\", \"reply\"],\n")
                .contains("\npolicy (policy.yaml):\n  revision: [-2-]{+3+}\n    max_refund_amount: [-200-]{+2000+}\n")
                .contains("\nroutes (routes.yaml):\n      price: {input_per_mtok: 0.[-15-]{+30+}, output_per_mtok: 0.60}\n");
        assertThat(Files.readString(md)).contains("<details><summary>Policy: policy.yaml</summary>")
                .contains("<details><summary>Output schema of prompt triage: schemas/triage.schema.json</summary>")
                .contains("\n-   max_refund_amount: 200\n+   max_refund_amount: 2000\n");
        JsonNode json = JsonOutputTest.json(Cli.run("compare", before, after, "--workspace", w, "--json"), "compare");
        assertThat(json.get("templates")).extracting(t -> t.get("component").asText())
                .containsExactly("output schema", "policy", "route/model");
        assertThat(json.get("templates").get(1).has("prompt_id")).as("the policy is no prompt's").isFalse();
        assertThat(compared.out()).contains("{+    headers: {Helicone-Auth: [not shown]}+}");
        Path report = tmp.resolve("report");
        assertThat(Cli.run("report", after, "--baseline", before, "--out", report.toString(), "--workspace", w).exit()).isZero();
        for (String written : List.of(compared.out(), Files.readString(md), json.toString(), Files.readString(report.resolve("report.md")),
                Files.readString(report.resolve("report.html")))) {
            assertThat(written).doesNotContain("sk-pasted");
        }
        assertThat(Files.readString(report.resolve("report.html"))).contains("<h3>Policy (policy.yaml)</h3>")
                .contains("<h3>Output schema of prompt triage (schemas/triage.schema.json)</h3>");
        // The window's comparison reads the same overview: a link per file, "diff of policy: 2 lines changed".
        try (RunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            ReviewService review = new ReviewService(Map.of());
            ReviewService.Side a = new ReviewService.Side(store, before);
            ReviewService.Side b = new ReviewService.Side(store, after);
            List<TemplateDiff> diffs = review.overview(a, b, review.cases(a, b), ws).templates();
            assertThat(diffs).extracting(TemplateDiff::component, TemplateDiff::name, TemplateDiff::key).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(VersionComponent.OUTPUT_SCHEMA, "output schema of triage", "output-schema-triage"),
                    org.assertj.core.groups.Tuple.tuple(VersionComponent.POLICY, "policy", "policy"),
                    org.assertj.core.groups.Tuple.tuple(VersionComponent.ROUTE_MODEL, "routes", "routes"));
            assertThat(diffs).allMatch(TemplateDiff::available);
        }
    }

    /** A judge's rubric is a prompt's template: a score's meaning reworded moves the judge's verdicts with no other change. */
    @Test
    void aJudgesRubricChangeIsShownAsItsTemplatesDiff() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        assertThat(Cli.run("run", w, "--suite", "triage").exit()).isIn(0, 1);
        String before = latest(ws);
        edit(ws.resolve("prompts/reply-rubric.yaml"), "revision: 1\n", "revision: 2\n");
        edit(ws.resolve("prompts/reply-rubric.yaml"), "  4: helpful and correct,", "  4: helpful and mostly correct,");
        assertThat(Cli.run("run", w, "--suite", "triage").exit()).isIn(0, 1);

        Cli.Result compared = Cli.run("compare", before, latest(ws), "--workspace", w);

        assertThat(compared.out()).contains("\n  judge triage/reply-quality: reply-rubric revision 1")
                .contains("\ntemplate of prompt reply-rubric (prompts/reply-rubric.yaml):\n  revision: [-1-]{+2+}\n"
                        + "    4: helpful and {+mostly +}correct, with a next step, but generic or a little stiff.\n")
                .doesNotContain("template of prompt triage");
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static String latest(Path ws) throws Exception {
        try (RunStore store = SqliteRunStore.open(HistoryLocation.defaultDb(ws))) {
            return store.runs(1).get(0).id();
        }
    }
}
