package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewer approves what they read: {@code approve} refuses (exit 1, nothing written) a report whose report.json
 * or records file is not the one signed. It used to add the reviewer's signature to an envelope beside a report.json
 * whose failing gate had been edited to pass, and say "approved". Both {@code approve} and {@code verify} take the
 * report folder CI uploads as well as its envelope.
 */
class ApproveWhatWasSignedTest {
    @TempDir Path root;

    @Test
    void aReportJsonChangedAfterSigningIsNotApprovedAndNothingIsWritten() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(root);
        Path reviewerKey = reviewerKey();
        String json = Files.readString(signed.report, StandardCharsets.UTF_8);
        assertThat(json).contains("\"passed\":false");
        Files.writeString(signed.report, json.replaceFirst("\"passed\":false", "\"passed\":true"), StandardCharsets.UTF_8);
        byte[] envelope = Files.readAllBytes(signed.envelope);
        byte[] html = Files.readAllBytes(signed.out.resolve("report.html"));

        Cli.Result approve = Cli.run("approve", signed.envelope.toString(), "--key", reviewerKey.toString());

        assertThat(approve.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(approve.out()).isEmpty();
        assertThat(approve.err()).startsWith("not approved: the report beside " + signed.envelope
                + " is not the one that was signed; nothing written\n  report.json: sha256 differs from the signed subject");
        assertThat(Files.readAllBytes(signed.envelope)).isEqualTo(envelope);
        assertThat(Files.readAllBytes(signed.out.resolve("report.html"))).isEqualTo(html);

        // compare reads it as any report, and says first that it is not the one signed.
        Cli.Result compare = Cli.run("compare", signed.out.toString(), signed.out.toString());
        assertThat(compare.exit()).isZero();
        assertThat(compare.err()).startsWith("warning: " + signed.report + " is not the report that was signed (report.json:"
                + " sha256 differs from the signed subject");
    }

    @Test
    void aRecordsFileChangedAfterSigningIsNotApprovedEither() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(root);
        Path records = signed.out.resolve("report-cases.jsonl.gz");
        byte[] bytes = Files.readAllBytes(records);
        bytes[bytes.length / 2] ^= 1;
        Files.write(records, bytes);

        Cli.Result approve = Cli.run("approve", signed.envelope.toString(), "--key", reviewerKey().toString());

        assertThat(approve.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(approve.err()).contains("report-cases.jsonl.gz");
    }

    @Test
    void approveAndVerifyTakeTheReportFolder() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(root);
        Path reviewerKey = reviewerKey();

        Cli.Result approve = Cli.run("approve", signed.out.toString(), "--key", reviewerKey.toString());
        Cli.Result verify = Cli.run("verify", signed.out.toString(), "--key", signed.authorPub.toString(), "--key",
                root.resolve("keys/reviewer.pub").toString(), "--workspace", signed.workspace.toString());
        Cli.Result unsigned = Cli.run("verify", signed.workspace.toString(), "--key", signed.authorPub.toString());

        assertThat(approve.exit()).as(approve.err()).isZero();
        assertThat(approve.out()).contains(signed.envelope + " now has 2 signatures");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).startsWith("VALID: signed by ");
        assertThat(unsigned.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unsigned.err()).contains(signed.workspace + ": a folder without report.intoto.json (a report written"
                + " without --sign is not signed");
    }

    private Path reviewerKey() {
        Cli.Result keygen = Cli.run("keygen", "--out", root.resolve("keys").toString(), "--name", "reviewer");
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        return root.resolve("keys/reviewer.key");
    }
}
