package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile report files and baselines, one per test: tampered and missing report files make {@code verify}
 * say INVALID (exit 1) naming the file, never VALID; a baseline that is not a run exits 2 before anything is
 * created, with the file, line and column in plain words.
 */
class HostileReportAndBaselineTest {
    @TempDir
    Path tmp;

    private Cli.Result verify(SignedReportOnDisk signed, String... extra) {
        String[] base = {"verify", signed.envelope.toString(), "--key", signed.authorPub.toString(),
                "--workspace", signed.workspace.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra)).toArray(String[]::new);
        return Cli.run(args);
    }

    @Test
    void aTamperedReportIsInvalid() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(tmp);
        Files.writeString(signed.report, Files.readString(signed.report).replace("\"passed\":false", "\"passed\":true "));
        Cli.Result r = verify(signed);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).startsWith("INVALID").contains("report.json: sha256 differs from the signed subject");
    }

    @Test
    void aDeletedReportIsInvalidAndNamed() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(tmp);
        Files.delete(signed.report);
        Cli.Result r = verify(signed);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).startsWith("INVALID: 1 problem")
                .contains("report.json: no report file given and none found beside the envelope")
                .doesNotContain("VALID: signed");
    }

    @Test
    void aMissingSignedInputIsInvalidUnlessAllowed() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(tmp);
        Files.delete(signed.workspace.resolve("datasets/tickets.jsonl"));
        Cli.Result r = verify(signed);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).startsWith("INVALID").contains("datasets/tickets.jsonl: not found at ");

        Cli.Result allowed = verify(signed, "--allow-missing", "datasets/tickets.jsonl");
        assertThat(allowed.exit()).as(allowed.out()).isEqualTo(ExitCodes.OK);
        assertThat(allowed.out()).contains("not checked (file not given or not found, allowed by --allow-missing): datasets/tickets.jsonl");
    }

    @Test
    void withoutAWorkspaceTheUncheckedInputsMakeItInvalid() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(tmp);
        Cli.Result r = Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        // Said once with what to do, the files named once under "not checked", not a line per file.
        assertThat(r.out()).containsPattern("\n  \\d+ signed input files not checked: no workspace folder given: name the "
                + "workspace the report was made from \\(--workspace DIR\\)")
                .containsPattern("\nnot checked \\(file not given or not found\\): .*prompts/triage.yaml")
                .doesNotContain("prompts/triage.yaml: not checked")
                // '*' does not reach the files in folders ("8 not checked" after --allow-missing '*'): the hint says so.
                .contains("--allow-missing NAME (a glob: '*' stays in one folder, '**' is every file)");
        Cli.Result every = Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString(),
                "--allow-missing", "**");
        assertThat(every.exit()).as(every.out()).isZero();
        // --json keeps one problem per file, for scripts.
        JsonNode json = Json.MAPPER.readTree(Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString(),
                "--json").out());
        assertThat(json.path("problems").toString()).contains("prompts/triage.yaml: not checked: no workspace folder given");
    }

    @Test
    void anEnvelopeThatIsNotJsonIsUnusableInput() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(tmp);
        Files.writeString(signed.envelope, "<html>not an envelope</html>");
        Cli.Result r = verify(signed);
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(signed.envelope.toString()).doesNotContain("Exception");
    }

    @Test
    void aBaselineThatIsNotARunExitsTwoAndCreatesNothing() {
        Path ws = Cli.copySample(tmp);
        Cli.Result r = Cli.run("run", ws.toString(), "--quiet", "--baseline", "/etc/passwd");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("/etc/passwd:1:1: not a run export: unexpected text 'root'").doesNotContain("Exception");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }

    @Test
    void aBaselineNested10000LevelsExitsTwoAndCreatesNothing() throws Exception {
        Path ws = Cli.copySample(tmp);
        Path deep = tmp.resolve("deep.json");
        Files.writeString(deep, "{\"run\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        Cli.Result r = Cli.run("run", ws.toString(), "--quiet", "--baseline", deep.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).containsPattern("deep\\.json:1:\\d+: not a run export: nested deeper than 1000 levels")
                .doesNotContain("StreamReadConstraints");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }

    @Test
    void aBaselineTagWithoutAHistoryExitsTwoAndCreatesNothing() {
        Path ws = Cli.copySample(tmp);
        Cli.Result r = Cli.run("run", ws.toString(), "--quiet", "--baseline", "main");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--baseline main: no such file, and no run history");
        assertThat(ws.resolve(".evalbench")).doesNotExist();
    }
}
