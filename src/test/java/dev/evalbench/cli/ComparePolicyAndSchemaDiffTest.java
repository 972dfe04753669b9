package dev.evalbench.cli;

import static dev.evalbench.cli.RunsAroundAnEdit.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.compare.TemplateDiff;
import dev.evalbench.core.compare.VersionComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy decides on what the model proposes and the output schema says what it may propose: a refund limit raised
 * or a required field dropped passes cases as surely as a better model does, a route's parameters and price move its
 * outputs and cost, and a gate loosened passes the run. A comparison showed such a change as two hashes; now it shows
 * each file's diff, as it shows a prompt's, in the terminal, the Markdown, the JSON (against its schema), the report
 * against a baseline and the overview the window's comparison reads.
 */
class ComparePolicyAndSchemaDiffTest {
    @TempDir
    Path tmp;

    @Test
    void aRaisedLimitAndADroppedRequiredFieldAreShownAsDiffs() throws Exception {
        RunsAroundAnEdit runs = RunsAroundAnEdit.of(tmp, "safety", ws -> {
            edit(ws.resolve("policy.yaml"), "max_refund_amount: 200\n", "max_refund_amount: 2000\n");
            edit(ws.resolve("policy.yaml"), "revision: 2\n", "revision: 3\n");
            edit(ws.resolve("schemas/triage.schema.json"), "\"required\": [\"category\", \"priority\", ",
                    "\"required\": [\"category\", ");
            // The offline route's price, which its cost follows.
            edit(ws.resolve("routes.yaml"), "    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}\n\n  # The same model",
                    "    price: {input_per_mtok: 0.30, output_per_mtok: 0.60}\n\n  # The same model");
            // And a gateway's key pasted into a header, against the docs (it belongs in secret_headers' variable): the
            // diff shows that a header changed, never its value.
            edit(ws.resolve("routes.yaml"), "    api_key_env: OPENAI_API_KEY\n",
                    "    api_key_env: OPENAI_API_KEY\n    headers: {Helicone-Auth: \"Bearer sk-pasted-0123456789abcdef\"}\n");
            // The cost gate loosened to let the dearer route pass: no part of a case's version tuple, a run's input.
            edit(ws.resolve("gates.yaml"), "max_increase: 0.10", "max_increase: 1.00");
        });
        Path md = tmp.resolve("compare.md");

        Cli.Result compared = runs.compare("--markdown", md.toString());

        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out()).contains("\nwhat changed: output schema, policy, route/model, gates changed\n")
                .containsPattern("\n  gates: sha256 \\w{12} → sha256 \\w{12}\n")
                // Each changed line after its number in the file, so a CI log says where.
                .contains("\ngates (gates.yaml):\n  10 │   - {id: cost, kind: cost_variance, max_increase: [-0.10-]{+1.00+}}\n")
                .contains("\ngates (both runs held to the second run's gates, which changed since the first: the diff below;")
                .contains("\noutput schema of prompt triage (schemas/triage.schema.json):\n"
                        + "  7 │   \"required\": [\"category\", \"[-priority\", \"-]action\", \"order_id\", \"reply\"],\n")
                .contains("\npolicy (policy.yaml):\n   3 │ revision: [-2-]{+3+}\n  11 │   max_refund_amount: [-200-]{+2000+}\n")
                .contains("\nroutes (routes.yaml):\n"
                        + "   9 │     price: {input_per_mtok: [-0.15-]{+0.30+}, output_per_mtok: 0.60}\n")
                .contains("{+    headers: {Helicone-Auth: [not shown]}+}");
        assertThat(Files.readString(md)).contains("<details><summary>Policy: policy.yaml</summary>")
                .contains("\nBoth runs held to the second run's gates, which changed since the first (the gates file's diff is"
                        + " below);")
                .contains("<details><summary>Output schema of prompt triage: schemas/triage.schema.json</summary>")
                .contains("\n-   max_refund_amount: 200\n+   max_refund_amount: 2000\n");
        JsonNode json = JsonOutputTest.json(runs.compare("--json"), "compare");
        assertThat(json.get("templates")).extracting(t -> t.get("component").asText())
                .containsExactly("output schema", "policy", "route/model", "gates");
        assertThat(json.get("templates").get(1).has("prompt_id")).as("the policy is no prompt's").isFalse();
        Path report = tmp.resolve("report");
        assertThat(Cli.run("report", runs.after(), "--baseline", runs.before(), "--out", report.toString(), "--workspace",
                runs.ws().toString()).exit()).isZero();
        assertThat(Files.readString(report.resolve("report.html"))).contains("<h3>Policy (policy.yaml)</h3>")
                .contains("<h3>Output schema of prompt triage (schemas/triage.schema.json)</h3>");
        // Exported, the two runs carry these files' texts, so a reviewer without the history sees the same diffs.
        RunsAroundAnEdit.Exports files = runs.exported(tmp);
        Cli.Result fromFiles = Cli.run("compare", files.before().toString(), files.after().toString());
        assertThat(fromFiles.out()).as(fromFiles.err())
                .contains("\npolicy (policy.yaml):\n   3 │ revision: [-2-]{+3+}\n  11 │   max_refund_amount: [-200-]{+2000+}\n")
                .contains("\nroutes (routes.yaml):\n"
                        + "   9 │     price: {input_per_mtok: [-0.15-]{+0.30+}, output_per_mtok: 0.60}\n")
                .contains("\ngates (gates.yaml):\n");
        for (String written : List.of(compared.out(), Files.readString(md), json.toString(),
                Files.readString(report.resolve("report.md")), Files.readString(report.resolve("report.html")),
                Files.readString(report.resolve("report-templates.json")), Files.readString(files.after()), fromFiles.out())) {
            assertThat(written).doesNotContain("sk-pasted");
        }
        // The window's comparison reads the same overview: a link per file, "diff of policy: 2 lines changed".
        List<TemplateDiff> diffs = runs.overview().templates();
        assertThat(diffs).extracting(TemplateDiff::component, TemplateDiff::name, TemplateDiff::key).containsExactly(
                tuple(VersionComponent.OUTPUT_SCHEMA, "output schema of triage", "output-schema-triage"),
                tuple(VersionComponent.POLICY, "policy", "policy"),
                tuple(VersionComponent.ROUTE_MODEL, "routes", "routes"),
                tuple(VersionComponent.GATES, "gates", "gates"));
        assertThat(diffs).allMatch(TemplateDiff::available);
    }

    /**
     * The manifest says how a case is scored: a refund within five units counted right, where a cent was, passes cases
     * with no other change. It read as nothing; now as a change of the manifest, with its diff.
     */
    @Test
    void aLoosenedToleranceInTheManifestIsShownAsItsDiff() throws Exception {
        RunsAroundAnEdit runs = RunsAroundAnEdit.of(tmp, "triage", ws ->
                edit(ws.resolve("evalbench.yaml"), "tolerance: {abs: 0.01}}", "tolerance: {abs: 5}}"));

        Cli.Result compared = runs.compare();

        assertThat(compared.out()).as(compared.err()).contains("what changed: manifest changed")
                .containsPattern("\n  manifest: sha256 [0-9a-f]{12} → sha256 [0-9a-f]{12}\n")
                .contains("\nmanifest (evalbench.yaml):\n")
                .containsPattern("\\n  17 │       - \\{field: refund_amount, tolerance: \\{abs: \\[-0.01-]\\{\\+5\\+}}}");
        JsonNode json = JsonOutputTest.json(runs.compare("--json"), "compare");
        assertThat(json.get("templates")).extracting(t -> t.get("component").asText()).containsExactly("manifest");
        assertThat(runs.overview().templates()).extracting(TemplateDiff::component, TemplateDiff::name)
                .containsExactly(tuple(VersionComponent.MANIFEST, "manifest"));
    }

    /** A judge's rubric is a prompt's template: a score's meaning reworded moves the judge's verdicts with no other change. */
    @Test
    void aJudgesRubricChangeIsShownAsItsTemplatesDiff() throws Exception {
        RunsAroundAnEdit runs = RunsAroundAnEdit.of(tmp, "triage", ws -> {
            edit(ws.resolve("prompts/reply-rubric.yaml"), "revision: 1\n", "revision: 2\n");
            edit(ws.resolve("prompts/reply-rubric.yaml"), "  4: helpful and correct,", "  4: helpful and mostly correct,");
        });

        Cli.Result compared = runs.compare();

        assertThat(compared.out()).contains("\n  judge triage/reply-quality: reply-rubric revision 1")
                .contains("\ntemplate of prompt reply-rubric (prompts/reply-rubric.yaml):\n   2 │ revision: [-1-]{+2+}\n"
                        + "  11 │   4: helpful and {+mostly +}correct, with a next step, but generic or a little stiff.\n")
                .doesNotContain("template of prompt triage");
    }
}
