package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.evalbench.core.workspace.JsonSchemas;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's {@code --json}: one parseable object on stdout carrying what a script needs next. */
class JsonOutputTest {
    @TempDir
    Path tmp;

    /** The output, checked against the command's schema in resources/schemas/output/ (run and resume share gate's). */
    static JsonNode json(Cli.Result r, String command) throws IOException {
        assertThat(r.err()).as("stderr").doesNotContain("error");
        JsonNode node = Json.MAPPER.readTree(r.out());
        String schemaName = switch (command) {
            case "run", "resume" -> "gate";
            default -> command;
        };
        try (var in = JsonOutputTest.class.getResourceAsStream("/schemas/output/" + schemaName + ".schema.json")) {
            assertThat(in).as("a schema for %s --json", command).isNotNull();
            Schema schema = JsonSchemas.compile(Json.MAPPER.readTree(in));
            List<Error> problems = schema.validate(node);
            assertThat(problems).as("%s --json against %s.schema.json:%n%s", command, schemaName, r.out()).isEmpty();
        }
        return node;
    }

    @Test
    void compareSaysAGateOfASuiteTheRunLeftOutDidNotRunThoughItPassed() throws IOException {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        JsonNode whole = json(Cli.run("run", w, "--json"), "run");
        JsonNode partial = json(Cli.run("run", w, "--suite", "safety", "--json"), "run");
        String main = whole.get("run_id").asText();
        String safety = partial.get("run_id").asText();
        // A script reading the partial run's gates is told they are of a slice; a whole run has no such field.
        assertThat(whole.has("slice")).isFalse();
        assertThat(partial.get("slice").toString()).isEqualTo("{\"suites\":[\"safety\"],\"case_ids\":[],\"tags\":[],"
                + "\"sentence\":\"this run chose only some cases (suite safety): its gates judge those alone, not the whole eval set\"}");

        JsonNode compared = json(Cli.run("compare", main, safety, "--workspace", w, "--json"), "compare");

        JsonNode accuracy = null;
        for (JsonNode g : compared.get("gates")) if (g.get("id").asText().equals("category-accuracy")) accuracy = g;
        assertThat(accuracy).as(compared.toString()).isNotNull();
        assertThat(accuracy.get("after").get("verdict").asText()).isEqualTo("not_run");
        assertThat(accuracy.get("after").get("passed").asBoolean()).as("it does not fail the partial run").isTrue();
        // Compared within the safety probes, the whole run has no triage case either.
        assertThat(accuracy.get("before").get("verdict").asText()).isEqualTo("not_run");
    }

    @Test
    void everyCommandPrintsOneJsonObject() throws IOException {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();

        JsonNode validated = json(Cli.run("validate", w, "--json"), "validate");
        assertThat(validated.get("valid").asBoolean()).isTrue();
        assertThat(validated.get("cases").asInt()).isEqualTo(159);

        String runId = json(Cli.run("run", w, "--json"), "run").get("run_id").asText();
        assertThat(json(Cli.run("tag", runId, "main", "--workspace", w, "--json"), "tag").get("run_id").asText()).isEqualTo(runId);
        assertThat(json(Cli.run("tag", runId, "spare", "--workspace", w, "--json"), "tag").has("deleted")).isFalse();
        assertThat(json(Cli.run("tag", "--delete", "spare", "--workspace", w, "--json"), "tag").get("deleted").asBoolean())
                .isTrue();
        JsonNode listed = json(Cli.run("history", "--workspace", w, "--json"), "history").get(0);
        assertThat(listed.get("run_id").asText()).isEqualTo(runId);
        assertThat(listed.get("status").asText()).as("one casing everywhere, as run --json says it").isEqualTo("complete");
        JsonNode exported = json(Cli.run("export", "main", "--out", tmp.resolve("run.json").toString(), "--workspace", w, "--json"), "export");
        assertThat(exported.get("cases").asInt()).isEqualTo(159);

        JsonNode author = json(Cli.run("keygen", "--out", tmp.resolve("keys").toString(), "--json"), "keygen");
        JsonNode reviewer = json(Cli.run("keygen", "--out", tmp.resolve("keys").toString(), "--name", "reviewer", "--json"), "keygen");
        assertThat(author.get("key_id").asText()).startsWith("ed25519:");

        Path out = tmp.resolve("report");
        Cli.Result report = Cli.run("report", "main", "--out", out.toString(), "--sign", author.get("private_key").asText(),
                "--workspace", w, "--json");
        JsonNode reported = json(report, "report");
        assertThat(report.exit()).as("report exits 0 once written; the verdict is in its output").isEqualTo(ExitCodes.OK);
        assertThat(reported.get("passed").asBoolean()).isFalse();
        assertThat(reported.get("signed_by").asText()).isEqualTo(author.get("key_id").asText());

        json(Cli.run("gate", "--workspace", w, "--run", "main", "--json"), "gate");
        // Against a baseline a threshold is made of two settings, and says so in "bound", which the schema knows.
        JsonNode against = json(Cli.run("gate", "--workspace", w, "--run", runId, "--baseline", "main", "--json"), "gate");
        assertThat(against.get("gates").findValues("bound")).isNotEmpty();
        JsonNode compared = json(Cli.run("compare", "main", runId, "--workspace", w, "--json"), "compare");
        assertThat(compared.get("after").get("run_id").asText()).isEqualTo(runId);
        String envelope = reported.get("envelope").asText();
        JsonNode approved = json(Cli.run("approve", envelope, "--key", reviewer.get("private_key").asText(), "--json"), "approve");
        assertThat(approved.get("signatures").asInt()).isEqualTo(2);

        Cli.Result verify = Cli.run("verify", envelope, "--key", author.get("public_key").asText(),
                "--key", reviewer.get("public_key").asText(), "--workspace", w, "--require", reviewer.get("key_id").asText(), "--json");
        JsonNode verified = json(verify, "verify");
        assertThat(verify.exit()).isEqualTo(ExitCodes.OK);
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("signers")).hasSize(2);
        assertThat(verified.get("checked").toString()).contains("report.json").contains("prompts/triage.yaml");
    }
}
