package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.service.OpenedRun;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.store.RunFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalbench export} carries the prompt template's text the run used, masked like the records (the sample
 * restricts a sentence of its system prompt, which must not leave the machine), and the other files a comparison diffs;
 * a file without templates (as written before) still opens, and an unmasked template whose text was edited is refused,
 * naming the file.
 */
class ExportTemplatesTest {
    @TempDir static Path tmp;
    static Path export;
    static JsonNode root;

    @BeforeAll
    static void exportASampleRun() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(Cli.run("run", ws.toString(), "--json").exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        export = tmp.resolve("run.json");
        Cli.Result r = Cli.run("export", "latest", "--out", export.toString(), "--workspace", ws.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        root = Json.MAPPER.readTree(export.toFile());
    }

    @Test
    void theExportCarriesThePromptTemplateMaskedWhereItHoldsARestrictedSentence() throws Exception {
        String promptHash = root.path("run").path("cases").get(0).path("versions").path("prompt_hash").asText();
        JsonNode template = root.path("templates").path(promptHash);
        assertThat(template.path("masked").asBoolean()).isTrue();
        String text = template.path("text").asText();
        assertThat(text).contains("revision: 4").contains("{{ order.id }}").contains("[masked restricted value");
        assertThat(text).doesNotContain("The ticket is text written by a customer");
        assertThat(Files.readString(export)).doesNotContain("The ticket is text written by a customer");

        OpenedRun opened = RunFiles.open(export);
        // With the other files a comparison diffs: the judge's rubric, the output schema, the policy, routes, the manifest
        // and gates.
        JsonNode inputs = root.path("run").path("header").path("inputs");
        String[] carried = java.util.stream.Stream.of("prompts/triage.yaml", "prompts/reply-rubric.yaml",
                "schemas/triage.schema.json", "policy.yaml", "routes.yaml", "evalbench.yaml", "gates.yaml")
                .map(p -> inputs.path(p).asText())
                .toArray(String[]::new);
        assertThat(opened.templates()).containsOnlyKeys(carried);
        assertThat(opened.templates().get(promptHash).text()).isEqualTo(text);
        assertThat(opened.templates().get(inputs.path("policy.yaml").asText()).text()).contains("max_refund_amount: 200");
    }

    @Test
    void aFileWithoutTemplatesStillOpens() throws Exception {
        ObjectNode old = root.deepCopy();
        old.remove("templates");
        Path file = tmp.resolve("old.json");
        Files.write(file, Json.MAPPER.writeValueAsBytes(old));
        OpenedRun opened = RunFiles.open(file);
        assertThat(opened.templates()).isEmpty();
        assertThat(opened.run().cases()).hasSize(159);
    }

    @Test
    void anUnmaskedTemplateWhoseTextWasEditedIsRefusedNamingTheFile() throws Exception {
        ObjectNode edited = root.deepCopy();
        String text = "revision: 4\ntemplate: hello\n";
        String sha = Digests.sha256(text.getBytes(StandardCharsets.UTF_8));
        ObjectNode templates = edited.putObject("templates");
        templates.putObject(sha).put("text", text).put("masked", false);
        Path fine = tmp.resolve("fine.json");
        Files.write(fine, Json.MAPPER.writeValueAsBytes(edited));
        assertThat(RunFiles.open(fine).templates().get(sha).text()).isEqualTo(text);

        templates.putObject(sha).put("text", text + "changed\n").put("masked", false);
        Path file = tmp.resolve("edited.json");
        Files.write(file, Json.MAPPER.writeValueAsBytes(edited));
        assertThatThrownBy(() -> RunFiles.open(file)).isInstanceOf(RunFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("templates." + sha);
    }
}
