package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen → (report signed by the author) → approve by a reviewer → verify with both keys and --require. */
class SigningRoundTripTest {
    @TempDir Path root;

    @Test
    void authorAndReviewerSignaturesVerifyAndRequireNamesWhoMustHaveSigned() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(root);
        Cli.Result keygen = Cli.run("keygen", "--out", root.resolve("keys").toString(), "--name", "reviewer");
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        String reviewerId = keygen.out().lines().filter(l -> l.startsWith("key id ")).findFirst().orElseThrow().substring(7);
        Path reviewerKey = root.resolve("keys/reviewer.key");
        Path reviewerPub = root.resolve("keys/reviewer.pub");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(reviewerKey))).isEqualTo("rw-------");

        Cli.Result onlyAuthor = Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString(),
                "--key", reviewerPub.toString(), "--require", reviewerId);
        assertThat(onlyAuthor.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(onlyAuthor.out()).contains("required signer " + reviewerId + " has no valid signature");

        Cli.Result approve = Cli.run("approve", signed.envelope.toString(), "--key", reviewerKey.toString());
        assertThat(approve.exit()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("approved by " + reviewerId).contains("now has 2 signatures");

        Cli.Result both = Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString(),
                "--key", reviewerPub.toString(), "--require", signed.authorKeyId(), "--require", reviewerId,
                "--workspace", signed.workspace.toString());
        assertThat(both.exit()).as(both.out()).isZero();
        assertThat(both.out()).contains("VALID: signed by " + signed.authorKeyId() + ", " + reviewerId);

        Cli.Result reviewerKeyNotGiven = Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString(),
                "--require", reviewerId);
        assertThat(reviewerKeyNotGiven.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(reviewerKeyNotGiven.out()).contains("(and its public key was not given)");
    }

    @Test
    void keygenRefusesToOverwriteAndApproveRefusesASecondSignatureByTheSameKey() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(root);
        String before = Files.readString(signed.authorKey);

        Cli.Result again = Cli.run("keygen", "--out", root.resolve("keys").toString(), "--name", "author");
        Cli.Result twice = Cli.run("approve", signed.envelope.toString(), "--key", signed.authorKey.toString());

        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("author.key: already exists");
        assertThat(Files.readString(signed.authorKey)).isEqualTo(before);
        assertThat(twice.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(twice.err()).contains("already signed by " + signed.authorKeyId());
    }

    @Test
    void approveWithAPublicKeyOfAnotherPairIsRefusedAndLeavesTheEnvelopeAlone() throws Exception {
        SignedReportOnDisk signed = new SignedReportOnDisk(root);
        Cli.run("keygen", "--out", root.resolve("keys").toString(), "--name", "reviewer");
        byte[] envelope = Files.readAllBytes(signed.envelope);

        Cli.Result r = Cli.run("approve", signed.envelope.toString(), "--key", root.resolve("keys/reviewer.key").toString(),
                "--pub", signed.authorPub.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("are not one key pair");
        assertThat(Files.readAllBytes(signed.envelope)).isEqualTo(envelope);
    }
}
