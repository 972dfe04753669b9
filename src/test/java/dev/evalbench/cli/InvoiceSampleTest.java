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
}
