package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any changed byte of what a signed report binds is caught by {@code evalbench verify}, exit 1, saying what. */
class VerifyCommandTest {
    @TempDir Path root;
    SignedReportOnDisk signed;

    @BeforeEach
    void signedReport() throws Exception {
        signed = new SignedReportOnDisk(root);
    }

    private Cli.Result verify() {
        return Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString(),
                "--report", signed.report.toString(), "--workspace", signed.workspace.toString());
    }

    @Test
    void anUntouchedReportVerifiesAndSaysWhoSignedAndWhatWasChecked() throws Exception {
        Cli.Result r = verify();

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("VALID: signed by " + signed.authorKeyId())
                .contains("checked: datasets/tickets.jsonl, gates.yaml, prompts/triage.yaml, report.json, report.md")
                .contains("\nnote: report.html is not signed (approving a report names the approver on it): the verdict"
                        + " signed is report.json's and report.md's\n");
    }

    /**
     * report.md is what a pull request shows of the report (CI posts it as the comment). Its verdict edited after
     * signing, the report verified as VALID: no signature covered it. Now it is a subject; an approval of it is
     * refused too, as one of an edited report.json is.
     */
    @Test
    void anEditedVerdictInReportMdIsCaughtAndNotApproved() throws Exception {
        Path md = signed.report.resolveSibling("report.md");
        String page = Files.readString(md);
        assertThat(page).contains("❌");
        Files.writeString(md, page.replace("❌", "✅"));

        Cli.Result r = verify();

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("INVALID: 1 problem\n  report.md: sha256 differs from the signed subject");
        Cli.Result approved = Cli.run("approve", signed.envelope.toString(), "--key", signed.authorKey.toString());
        assertThat(approved.exit()).isNotZero();
        assertThat(approved.err()).contains("report.md: sha256 differs from the signed subject");
    }

    @Test
    void aChangedByteOfReportJsonIsCaught() throws Exception {
        flipLastByte(signed.report);

        Cli.Result r = verify();

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("INVALID").contains("report.json: sha256 differs from the signed subject");
    }

    @Test
    void aChangedByteOfThePayloadIsCaught() throws Exception {
        ObjectNode envelope = (ObjectNode) Json.MAPPER.readTree(signed.envelope.toFile());
        byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
        String original = new String(payload, StandardCharsets.UTF_8);
        String statement = original.replace("\"run_id\":\"run-new\"", "\"run_id\":\"run-nex\"");
        assertThat(statement).isNotEqualTo(original).hasSameSizeAs(original);
        envelope.put("payload", Base64.getEncoder().encodeToString(statement.getBytes(StandardCharsets.UTF_8)));
        Json.MAPPER.writeValue(signed.envelope.toFile(), envelope);

        Cli.Result r = verify();

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("INVALID").contains("keyid " + signed.authorKeyId())
                .contains("does not verify with that public key");
    }

    @Test
    void aChangedByteOfTheSignatureIsCaught() throws Exception {
        ObjectNode envelope = (ObjectNode) Json.MAPPER.readTree(signed.envelope.toFile());
        ObjectNode signature = (ObjectNode) envelope.get("signatures").get(0);
        byte[] sig = Base64.getDecoder().decode(signature.get("sig").asText());
        sig[10] ^= 0x01;
        signature.put("sig", Base64.getEncoder().encodeToString(sig));
        Json.MAPPER.writeValue(signed.envelope.toFile(), envelope);

        Cli.Result r = verify();

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("INVALID").contains("does not verify with that public key");
    }

    @Test
    void aChangedByteOfAListedInputFileIsCaught() throws Exception {
        flipLastByte(signed.workspace.resolve("prompts/triage.yaml"));

        Cli.Result r = verify();

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("INVALID").contains("prompts/triage.yaml: sha256 differs from the signed subject")
                .doesNotContain("report.json: sha256 differs");
    }

    @Test
    void withoutReportOptionTheReportBesideTheEnvelopeIsChecked() throws Exception {
        flipLastByte(signed.report);

        Cli.Result r = Cli.run("verify", signed.envelope.toString(), "--key", signed.authorPub.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("report.json: sha256 differs")
                .contains("not checked (file not given or not found): datasets/tickets.jsonl, gates.yaml, prompts/triage.yaml");
    }

    /**
     * Without --key the public keys of the user's key folder are trusted, as the workbench's "Verify report…" trusts
     * them (the README said `evalbench verify` did); a folder without the signer's key says INVALID, one without any
     * key says how to name one (exit 2).
     */
    @Test
    void withoutKeyTheKeyFolderIsTrusted() throws Exception {
        Path config = root.resolve("config");
        Path keyFolder = Files.createDirectories(config.resolve("evalbench/keys"));
        java.util.Map<String, String> env = java.util.Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", root.toString());

        Cli.Result none = Cli.run(env, "verify", signed.envelope.toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).contains("no public key to verify with: name the signers' keys (--key PUB), or put their"
                + " .pub files in your key folder, " + keyFolder);

        assertThat(Cli.run(env, "keygen", "--name", "someone-else").exit()).isZero();
        Cli.Result stranger = Cli.run(env, "verify", signed.envelope.toString(), "--workspace", signed.workspace.toString());
        assertThat(stranger.exit()).as(stranger.out() + stranger.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(stranger.out()).startsWith("INVALID: 1 problem").doesNotContain("valid signatures by");

        Files.copy(signed.authorPub, keyFolder.resolve("author.pub"));
        Cli.Result trusted = Cli.run(env, "verify", signed.envelope.toString(), "--workspace", signed.workspace.toString());
        assertThat(trusted.exit()).as(trusted.out() + trusted.err()).isEqualTo(ExitCodes.OK);
        assertThat(trusted.out()).startsWith("VALID: signed by " + signed.authorKeyId());
    }

    @Test
    void unusableInputIsExitTwo() throws Exception {
        Cli.Result missing = Cli.run("verify", root.resolve("nope.json").toString(), "--key", signed.authorPub.toString());
        Cli.Result notAKey = Cli.run("verify", signed.envelope.toString(), "--key", signed.report.toString());
        Cli.Result bothMissing = Cli.run("verify", root.resolve("nope.json").toString(),
                "--key", root.resolve("nope.pub").toString());

        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nope.json: file not found");
        assertThat(notAKey.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notAKey.err()).contains("report.json: not a PEM public key");
        assertThat(bothMissing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bothMissing.err()).as("the report first, as the window says it")
                .contains("nope.json: file not found").doesNotContain("nope.pub");
    }

    /**
     * report.json binds its run's records by digest (they are not subjects of the statement): a changed byte of
     * them is caught once report.json itself matched, named as the records file; without the file the report still
     * verifies, the file listed as not checked.
     */
    @Test
    void theRecordsReportJsonBindsAreCheckedToo() throws Exception {
        Path records = signed.report.resolveSibling("report-cases.jsonl.gz");
        Cli.Result untouched = verify();
        assertThat(untouched.exit()).as(untouched.out()).isEqualTo(ExitCodes.OK);
        assertThat(untouched.out()).contains("checked: datasets/tickets.jsonl, gates.yaml, prompts/triage.yaml, report.json,"
                + " report.md, report-cases.jsonl.gz");

        byte[] bytes = Files.readAllBytes(records);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(records, bytes);
        Cli.Result changed = verify();
        assertThat(changed.exit()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(changed.out()).contains("INVALID: 1 problem")
                .contains("report-cases.jsonl.gz: sha256 differs from the one the signed report.json binds");

        Files.delete(records);
        Cli.Result absent = verify();
        assertThat(absent.exit()).as(absent.out()).isEqualTo(ExitCodes.OK);
        assertThat(absent.out()).contains("not checked (file not given or not found, allowed by --allow-missing): report-cases.jsonl.gz");
    }

    /** A report written against a baseline binds the baseline's records too: a changed byte of them is caught. */
    @Test
    void theBaselinesRecordsOfAReportWithABaselineAreChecked() throws Exception {
        Path ws = EditedPromptRuns.make(root.resolve("edited"));
        Path keys = root.resolve("keys");
        assertThat(Cli.run("keygen", "--out", keys.toString(), "--name", "ci").exit()).isZero();
        Path out = root.resolve("pr-report");
        Cli.Result report = Cli.run("report", "latest", "--baseline", "main", "--out", out.toString(), "--workspace",
                ws.toString(), "--sign", keys.resolve("ci.key").toString());
        assertThat(report.exit()).as(report.err()).isZero();
        Path baseline = out.resolve("report-baseline-cases.jsonl.gz");
        byte[] bytes = Files.readAllBytes(baseline);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(baseline, bytes);

        Cli.Result r = Cli.run("verify", out.resolve("report.intoto.json").toString(), "--key", keys.resolve("ci.pub").toString(),
                "--workspace", ws.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(r.out()).contains("report-baseline-cases.jsonl.gz: sha256 differs from the one the signed report.json binds")
                .containsPattern("(?m)^checked: .*report\\.json, .*report-cases\\.jsonl\\.gz$");
    }

    private static void flipLastByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] ^= 0x01;
        Files.write(file, bytes);
    }
}
