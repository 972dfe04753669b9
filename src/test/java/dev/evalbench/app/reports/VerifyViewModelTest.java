package dev.evalbench.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.report.sign.Dsse;
import dev.evalbench.core.report.sign.DsseSigner;
import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.report.sign.InTotoStatement;
import dev.evalbench.core.service.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify view's model on a small signed report, with a same-thread runner: rows, verdict and words. */
class VerifyViewModelTest {
    @TempDir Path temp;
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
    private Path keys;
    private Path workspace;
    private Path envelope;
    private VerifyViewModel vm;
    private KeysViewModel keyModel;

    private SigningKeys.Created author;

    @BeforeEach
    void signAReport() throws Exception {
        keys = temp.resolve("keys");
        author = SigningKeys.create(keys, "author", null);
        workspace = Files.createDirectories(temp.resolve("ws/prompts")).getParent();
        Files.writeString(workspace.resolve("prompts/triage.yaml"), "id: triage\n");
        Files.writeString(workspace.resolve("gates.yaml"), "gates: []\n");
        envelope = sign("{\"run\":\"r1\"}");
        keyModel = new KeysViewModel(runner, keys, () -> workspace);
        vm = new VerifyViewModel(runner, keyModel, () -> workspace);
    }

    /** Writes {@code reportJson} as out/report.json and signs it with the workspace's two files; returns the envelope. */
    private Path sign(String reportJson) throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("report.json"), reportJson);
        InTotoStatement statement = InTotoStatement.builder().subjectFile("report.json", out.resolve("report.json"))
                .subjectFile("prompts/triage.yaml", workspace.resolve("prompts/triage.yaml"))
                .subjectFile("gates.yaml", workspace.resolve("gates.yaml"))
                .predicateType(InTotoStatement.EVALBENCH_REPORT_PREDICATE)
                .predicate(JsonNodeFactory.instance.objectNode().put("run_id", "r1")).build();
        Path signed = out.resolve("report.intoto.json");
        Files.write(signed, DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, statement.payload(),
                Ed25519Keys.readPrivateKey(author.privateKeyFile()), author.keyId()).toJson());
        return signed;
    }

    @Test
    void aSignedReportWithItsFilesUnchangedIsValidRowByRow() {
        vm.open(envelope);

        assertThat(vm.verdictProperty().get()).isEqualTo(CheckRow.State.VALID);
        assertThat(vm.headlineProperty().get()).startsWith("VALID: signed by ed25519:");
        assertThat(vm.signatures()).extracting(CheckRow::word, CheckRow::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("valid", CheckRow.State.VALID));
        // A key made without a signer name: verified, and said to have no name.
        assertThat(vm.signatures().get(0).what()).startsWith("author (key without a name) ed25519:");
        assertThat(vm.files()).extracting(CheckRow::what, CheckRow::word).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("report.json", "valid"),
                org.assertj.core.groups.Tuple.tuple("prompts/triage.yaml", "valid"),
                org.assertj.core.groups.Tuple.tuple("gates.yaml", "valid"));
    }

    @Test
    void aNewVerifyFormOffersTheKeyTheLastReportWasApprovedWith() throws Exception {
        Path reviewer = SigningKeys.create(keys, "reviewer", "Rita Reviewer", null).privateKeyFile();
        assertThat(vm.approveWithProperty().get()).as("no report approved yet").isNull();
        vm.open(envelope);
        vm.approveWithProperty().set(reviewer);
        vm.approve();
        assertThat(vm.approvalProperty().get()).startsWith("Approved by Rita Reviewer");

        VerifyViewModel next = new VerifyViewModel(runner, keyModel, () -> workspace);
        assertThat(next.approveWithProperty().get()).isEqualTo(reviewer);
    }

    /** report.json changed between the verification and the click on Approve: nothing is signed, and it says why once. */
    @Test
    void aReportChangedAfterItsVerificationIsNotApproved() throws Exception {
        Path reviewer = SigningKeys.create(keys, "reviewer", "Rita Reviewer", null).privateKeyFile();
        vm.open(envelope);
        assertThat(vm.verdictProperty().get()).isEqualTo(CheckRow.State.VALID);
        byte[] signed = Files.readAllBytes(envelope);
        Files.writeString(envelope.resolveSibling("report.json"), "{\"run\":\"r2\"}");

        vm.approveWithProperty().set(reviewer);
        vm.approve();

        assertThat(vm.approvalProperty().get()).startsWith("Not approved: the report beside " + envelope
                + " is not the one signed (report.json: sha256 differs from the signed subject");
        assertThat(Files.readAllBytes(envelope)).isEqualTo(signed);
    }

    @Test
    void aChangedReportIsInvalidAndItsRowSaysWhichFile() throws Exception {
        Files.writeString(envelope.resolveSibling("report.json"), "{\"run\":\"r2\"}");

        vm.open(envelope);

        assertThat(vm.verdictProperty().get()).isEqualTo(CheckRow.State.INVALID);
        assertThat(vm.headlineProperty().get()).isEqualTo("INVALID: 1 problem");
        assertThat(vm.files()).extracting(CheckRow::what, CheckRow::word).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("report.json", "INVALID"),
                org.assertj.core.groups.Tuple.tuple("prompts/triage.yaml", "valid"),
                org.assertj.core.groups.Tuple.tuple("gates.yaml", "valid"));
        assertThat(vm.problems()).singleElement().asString().startsWith("report.json: sha256 differs");
    }

    @Test
    void withoutTheWorkspaceAnInputIsNotCheckedAndTheReportIsInvalid() {
        vm.workspaceProperty().set("");
        vm.open(envelope);

        assertThat(vm.verdictProperty().get()).isEqualTo(CheckRow.State.INVALID);
        assertThat(vm.files()).extracting(CheckRow::what, CheckRow::word).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("report.json", "valid"),
                org.assertj.core.groups.Tuple.tuple("prompts/triage.yaml", "not checked"),
                org.assertj.core.groups.Tuple.tuple("gates.yaml", "not checked"));
        // Said once, in the window's words (the files are listed as not checked just above).
        assertThat(vm.headlineProperty().get()).isEqualTo("INVALID: 2 problems");
        assertThat(vm.problems()).containsExactly("2 signed input files not checked: no workspace folder given: choose the "
                + "workspace the report was made from under \"Input files under\" to check them, or tick \"Input files may be absent\""
                + " to check the signatures and the report alone");
    }

    /**
     * With no workspace open, the input files are looked for in the folder the report's run was made in (its
     * report.json's run header names it), when that is a workspace still: the author verifying their own report read
     * "INVALID: 12 problems", every input "not checked", until they chose the folder the report already named. The
     * folder is shown where it is chosen; one that is no workspace is not used.
     */
    @Test
    void withNoWorkspaceOpenTheFolderTheRunWasMadeInIsUsed() throws Exception {
        Files.writeString(workspace.resolve("evalbench.yaml"), "name: ws\n");
        Path made = sign("{\"run\":{\"header\":{\"id\":\"r1\",\"workspace_path\":"
                + dev.evalbench.core.json.Json.MAPPER.writeValueAsString(workspace.toString()) + "}}}");
        VerifyViewModel none = new VerifyViewModel(runner, keyModel, () -> null);

        none.open(made);

        assertThat(none.verdictProperty().get()).isEqualTo(CheckRow.State.VALID);
        assertThat(none.workspaceProperty().get()).isEqualTo(workspace.toString());
        assertThat(none.files()).extracting(CheckRow::word).containsOnly("valid");

        Files.delete(workspace.resolve("evalbench.yaml"));
        VerifyViewModel notAWorkspace = new VerifyViewModel(runner, keyModel, () -> null);
        notAWorkspace.open(made);
        assertThat(notAWorkspace.verdictProperty().get()).isEqualTo(CheckRow.State.INVALID);
        assertThat(notAWorkspace.workspaceProperty().get()).isEmpty();
    }

    /**
     * A reviewer with the report folder and not the workspace allows the inputs' absence (the CLI's
     * {@code --allow-missing}): the signature and report.json are checked and the report is valid, saying what was not
     * checked; a changed report.json or an absent one is still invalid.
     */
    @Test
    void allowingAbsentInputsChecksTheSignatureAndTheReportAlone() throws Exception {
        vm.workspaceProperty().set("");
        vm.inputsMayBeAbsentProperty().set(true);
        vm.open(envelope);

        assertThat(vm.verdictProperty().get()).isEqualTo(CheckRow.State.VALID);
        assertThat(vm.headlineProperty().get()).startsWith("VALID: signed by ed25519:").endsWith(" (2 files not checked, as allowed)");
        assertThat(vm.files()).extracting(CheckRow::what, CheckRow::word).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("report.json", "valid"),
                org.assertj.core.groups.Tuple.tuple("prompts/triage.yaml", "not checked"),
                org.assertj.core.groups.Tuple.tuple("gates.yaml", "not checked"));

        Path report = envelope.resolveSibling("report.json");
        Files.writeString(report, "{\"run\":\"r2\"}");
        vm.verify();
        assertThat(vm.verdictProperty().get()).isEqualTo(CheckRow.State.INVALID);
        assertThat(vm.problems()).singleElement().asString().startsWith("report.json: sha256 differs");

        Files.delete(report);
        vm.verify();
        assertThat(vm.verdictProperty().get()).as("report.json itself may not be absent").isEqualTo(CheckRow.State.INVALID);
        assertThat(vm.problems()).anyMatch(p -> p.startsWith("report.json: "));
    }

    /**
     * The report folder dropped or typed (what CI uploads) is verified through its envelope; it read "out: file not
     * found". A folder with no envelope says why.
     */
    @Test
    void theReportFolderIsVerifiedThroughItsEnvelope() throws Exception {
        vm.open(envelope.getParent());

        assertThat(vm.verdictProperty().get()).isEqualTo(CheckRow.State.VALID);
        assertThat(vm.files()).extracting(CheckRow::what).contains("report.json");

        vm.open(workspace);

        assertThat(vm.headlineProperty().get()).isEqualTo("Cannot verify");
        assertThat(vm.problemProperty().get()).startsWith(workspace + ": a folder without report.intoto.json");
    }

    @Test
    void aMistypedEnvelopePathIsNamedFirst() throws Exception {
        Files.delete(keys.resolve("author.pub"));
        Path missing = envelope.resolveSibling("report.intoto.jsn");

        vm.open(missing);

        assertThat(vm.headlineProperty().get()).isEqualTo("Cannot verify");
        assertThat(vm.problemProperty().get()).isEqualTo(missing + ": file not found");
    }

    @Test
    void withNoPublicKeyToTrustItSaysWhereToPutOne() throws Exception {
        Files.delete(keys.resolve("author.pub"));

        vm.open(envelope);

        assertThat(vm.verdictProperty().get()).isEqualTo(CheckRow.State.INVALID);
        assertThat(vm.headlineProperty().get()).isEqualTo("Cannot verify");
        assertThat(vm.problemProperty().get()).startsWith("No public key to verify with: put the signers' .pub files in " + keys);
    }
}
