package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace checked out with Windows line ends (git's core.autocrlf) is read as the committed one, with each
 * {@code \r\n} as {@code \n}, and so verifies against a report signed from the committed files; a report an older
 * Evalbench signed from such a checkout (the digests of its {@code \r\n} bytes) fails against the committed files,
 * saying that only the line ends differ and how to keep every checkout alike. A real change gets no such comfort.
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
    void aTemplateCheckedOutWithWindowsLineEndsMatchesAsTheWorkspaceReadsIt() throws Exception {
        rewrite(template, "\n", "\r\n");

        Cli.Result r = verify();

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("VALID")
                .contains("checked: datasets/tickets.jsonl, gates.yaml, prompts/triage.yaml, report.json")
                .contains("note: prompts/triage.yaml has Windows line ends (\\r\\n) here and matched as Evalbench reads a"
                        + " workspace, each \\r\\n as \\n; sha256sum of the file as it is differs (sed 's/\\r$//' FILE |"
                        + " sha256sum gives the signed digest)");
    }

    @Test
    void aReportSignedFromAWindowsCheckoutIsExplainedToo() throws Exception {
        // an older Evalbench signed the \r\n bytes of its checkout as they were; this reader's checkout has \n
        SignedReportOnDisk windows = new SignedReportOnDisk(Files.createDirectories(root.resolve("windows")), "\r\n");
        Cli.Result r = Cli.run("verify", windows.envelope.toString(), "--key", windows.authorPub.toString(),
                "--report", windows.report.toString(), "--workspace", signed.workspace.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("prompts/triage.yaml: sha256 differs")
                .contains("; it matches with its line ends read as Windows line ends (\\r\\n): the report was signed"
                        + " from a checkout with git's core.autocrlf, and the line \"* text=auto eol=lf\" in the"
                        + " workspace's .gitattributes checks its files out as they are committed on every machine");
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
