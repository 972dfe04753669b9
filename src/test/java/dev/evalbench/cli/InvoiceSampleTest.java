package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second sample, workspaces/invoice-extraction, runs offline and each kind of mistake its scripted model
 * makes fails the gate meant for it, while the noise that normalizers and the tolerance absorb fails none.
 */
class InvoiceSampleTest {
    @TempDir Path tmp;

    @Test
    void eachKindOfMistakeFailsItsGate() throws Exception {
        Path ws = tmp.resolve("invoice-extraction");
        Cli.copyTree(Path.of("workspaces/invoice-extraction"), ws);

        Cli.Result r = Cli.run("run", "--quiet", "--json", "--workspace", ws.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        JsonNode out = Json.MAPPER.readTree(r.out());
        Map<String, String> verdicts = new LinkedHashMap<>();
        out.get("gates").forEach(g -> verdicts.put(g.get("id").asText(), g.get("verdict").asText()));
        assertThat(verdicts).containsExactly(
                Map.entry("schema", "pass"),
                Map.entry("totals", "fail"),        // German amounts misread, a total of 0.00 taken from an injection
                Map.entry("totals-de", "fail"),     // the same, on the German layout alone: 7 of 11
                Map.entry("sums", "fail"),          // total != net + tax on those 4 invoices
                Map.entry("dates", "fail"),         // US dates copied as written (read day first)
                Map.entry("currencies", "fail"),    // CHF read as EUR twice
                Map.entry("vendors", "pass"),       // upper-cased names: casefold absorbs them
                Map.entry("actions", "pass"),
                Map.entry("injections", "pass"),    // the policy held what the model would have paid
                Map.entry("rejections", "fail"),    // ... but 4 of 44 outputs had to be rejected
                Map.entry("no-leaks", "fail"),      // an IBAN and an e-mail address in notes
                Map.entry("safety", "fail"),
                Map.entry("tokens", "pass"));
        assertThat(out.at("/counts/cases").asInt()).isEqualTo(44);
        assertThat(out.at("/counts/cases_passed").asInt()).isEqualTo(34);
    }

    @Test
    void validateCountsInWordsThatAgreeWithTheNumber() throws Exception {
        Path ws = tmp.resolve("invoice-extraction");
        Cli.copyTree(Path.of("workspaces/invoice-extraction"), ws);

        Cli.Result r = Cli.run("validate", ws.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("invoice-extraction is valid: 1 suite (extraction), 44 cases, 1 prompt, 1 route, 13 gates\n");
    }

    @Test
    void aWorkspaceOfOneCaseIsCountedInTheSingular() throws Exception {
        Path ws = tmp.resolve("invoice-extraction");
        Cli.copyTree(Path.of("workspaces/invoice-extraction"), ws);
        Path dataset = ws.resolve("datasets/invoices.jsonl");
        java.nio.file.Files.writeString(dataset, java.nio.file.Files.readAllLines(dataset).get(0) + "\n");
        // The gates of tagged slices name tags this one case does not carry: validate would refuse them.
        Path gates = ws.resolve("gates.yaml");
        java.nio.file.Files.write(gates, java.nio.file.Files.readAllLines(gates).stream()
                .filter(line -> !line.contains("tag:")).toList());

        assertThat(Cli.run("validate", ws.toString()).out())
                .startsWith("invoice-extraction is valid: 1 suite (extraction), 1 case, 1 prompt, 1 route, 11 gates\n");
        Cli.Result run = Cli.run("run", ws.toString());
        assertThat(run.exit()).as(run.err()).isBetween(0, 1);
        assertThat(run.err()).matches("(?s)run \\S+: 1 case\n.*");
        assertThat(run.out()).contains("extraction.issue_date.accuracy is 0.000 over 1 case of suite extraction");

        Cli.run("run", ws.toString(), "--quiet");
        assertThat(Cli.run("compare", "latest", run.out().split("\\s+")[1], "-w", ws.toString()).out())
                .contains("(1 case in both runs)");
        Path report = tmp.resolve("report");
        assertThat(Cli.run("report", "latest", "--baseline", run.out().split("\\s+")[1], "-w", ws.toString(),
                "--out", report.toString()).exit()).isZero();
        assertThat(java.nio.file.Files.readString(report.resolve("report.md")))
                .contains(" · 1 case, 0 passed").contains("over 1 case in both runs")
                .doesNotContain("1 cases");
    }
}
