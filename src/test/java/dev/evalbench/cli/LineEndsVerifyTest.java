package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace checked out with other line ends than the signer's (git's core.autocrlf on Windows) still fails
 * verification, since the signature covers bytes, but {@code evalbench verify} says that only the line ends differ
 * and how to keep them as signed; a real change in such a file gets no such comfort.
 */
class LineEndsVerifyTest {
    @TempDir Path root;
    SignedReportOnDisk signed;
    Path template;

    @BeforeEach
    void signedReport() throws Exception {
        signed = new SignedReportOnDisk(root);
        template = signed.workspace.resolve("prompts/triage.yaml");
    }

    private Cli.Result verify() {
        return Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString(),
                "--report", signed.report.toString(), "--workspace", signed.workspace.toString());
    }

    private void rewrite(Path file, String from, String to) throws Exception {
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aTemplateCheckedOutWithWindowsLineEndsIsSaidToDifferOnlyInThem() throws Exception {
        rewrite(template, "\n", "\r\n");

        Cli.Result r = verify();

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("INVALID")
                .contains("prompts/triage.yaml: sha256 differs from the signed subject (expected ")
                .contains("; it matches with its Windows line ends (\\r\\n) read as \\n: it was checked out with git's"
                        + " core.autocrlf, and the line \"* text=auto eol=lf\" in the workspace's .gitattributes checks"
                        + " its files out as they are committed on every machine")
                .contains("checked: datasets/tickets.jsonl, gates.yaml, report.json");
    }

    @Test
    void aReportSignedFromAWindowsCheckoutIsExplainedToo() throws Exception {
        // the signer had \r\n: the signed digest is of the \r\n bytes; this reader's checkout has \n
        SignedReportOnDisk windows = new SignedReportOnDisk(Files.createDirectories(root.resolve("windows")), "\r\n");
        Cli.Result r = Cli.run("verify", windows.envelope.toString(), "--key", windows.authorPub.toString(),
                "--report", windows.report.toString(), "--workspace", signed.workspace.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("prompts/triage.yaml: sha256 differs")
                .contains("; it matches with its line ends read as Windows line ends (\\r\\n): the report was signed"
                        + " from a checkout with git's core.autocrlf");
    }

    @Test
    void aChangedTemplateWithWindowsLineEndsGetsNoSuchNote() throws Exception {
        rewrite(template, "\n", "\r\n");
        rewrite(template, "Classify", "Classify carefully");

        Cli.Result r = verify();

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("prompts/triage.yaml: sha256 differs from the signed subject")
                .doesNotContain("line ends");
    }

    @Test
    void aLoneCarriageReturnIsKeptWhenTheLineEndsAreReadAsNewlines() throws Exception {
        // "a\rb" is not a line end: reading \r\n as \n must not drop it, so the file does not match
        rewrite(template, "Classify", "Clas\rsify");
        rewrite(template, "\n", "\r\n");

        Cli.Result r = verify();

        assertThat(r.out()).contains("prompts/triage.yaml: sha256 differs").doesNotContain("line ends");
    }
}
