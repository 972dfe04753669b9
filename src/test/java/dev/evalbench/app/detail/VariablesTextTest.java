package dev.evalbench.app.detail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case's input variables read as YAML: texts line by line, and nothing lost or changed in type. */
class VariablesTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTextOfSeveralLinesReadsLineByLineAsTheTemplateGetsIt() throws Exception {
        String shown = VariablesText.of(JSON.readTree("""
                {"document": "Cascade Office Supply Inc.\\nINVOICE\\n\\nAmount due: USD 1,234.63", "channel": "app"}"""));

        assertThat(shown).isEqualTo("""
                document: |-
                  Cascade Office Supply Inc.
                  INVOICE

                  Amount due: USD 1,234.63
                channel: app""");
    }

    @Test
    void aValueThatWouldReadAsAnotherTypeIsQuoted() throws Exception {
        String shown = VariablesText.of(JSON.readTree("""
                {"count": "5", "total": 5, "missing": null, "flag": "true", "note": "[masked restricted value: bill •••• .com]"}"""));

        assertThat(shown).contains("count: \"5\"", "total: 5", "missing: null", "flag: \"true\"",
                "note: \"[masked restricted value: bill •••• .com]\"");
    }

    /** A long line stays one line for the pane to wrap (YAML's writer split it at 80 columns with a backslash). */
    @Test
    void aLongLineIsOneLine() throws Exception {
        String ticket = "The tracking number you gave me doesn't work on the carrier's website, it says not found, again and again.";
        String shown = VariablesText.of(JSON.createObjectNode().put("ticket", ticket));

        assertThat(shown.lines()).singleElement().asString().startsWith("ticket: ").contains(ticket);
    }

    /** Every case of both samples, read back from what is shown, is the case's variables exactly. */
    @Test
    void everySampleCaseReadsBackAsItsVariables() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        int cases = 0;
        for (String file : List.of("support-triage/datasets/tickets.jsonl", "support-triage/datasets/probes.jsonl",
                "invoice-extraction/datasets/invoices.jsonl")) {
            Path path = Path.of("workspaces", file);
            for (String line : Files.readAllLines(path)) {
                if (line.isBlank()) continue;
                JsonNode vars = JSON.readTree(line).get("vars");
                assertThat(yaml.readTree(VariablesText.of(vars))).as(line).isEqualTo(vars);
                cases++;
            }
        }
        assertThat(cases).as("the samples' cases").isEqualTo(127 + 32 + 44);
    }
}
