package dev.evalbench.core.report.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportVerifierTest {
    @TempDir
    Path root;
    SignedReportFixture fixture;
    PublicKey authorPub;

    @BeforeEach
    void signReport() throws Exception {
        fixture = new SignedReportFixture(root);
        authorPub = fixture.authorPublicKey();
    }

    private VerificationRequest fullRequest(List<PublicKey> keys) {
        return VerificationRequest.of(fixture.envelope, keys).withReport(fixture.report).withWorkspace(fixture.workspace);
    }

    @Test
    void untouchedReportIsValidAndEverySubjectChecked() throws Exception {
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub)));
        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.signers()).containsExactly(fixture.authorId);
        assertThat(result.checkedSubjects()).containsExactly("datasets/cases.jsonl", "prompts/triage.yaml", "report.json",
                "report.md");
        assertThat(result.uncheckedSubjects()).isEmpty();
    }

    @Test
    void withoutReportOrWorkspaceEveryUncheckedSubjectIsAProblem() throws Exception {
        VerificationResult result = ReportVerifier.verify(VerificationRequest.of(fixture.envelope, List.of(authorPub)));
        assertThat(result.valid()).isFalse();
        assertThat(result.signers()).containsExactly(fixture.authorId);
        // report.md is looked for beside the envelope when no report.json is given
        assertThat(result.checkedSubjects()).containsExactly("report.md");
        assertThat(result.uncheckedSubjects()).containsExactly("datasets/cases.jsonl", "prompts/triage.yaml", "report.json");
        assertThat(result.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("report.json: no report file given"))
                .anySatisfy(p -> assertThat(p).startsWith("prompts/triage.yaml: not checked: no workspace folder given"));
    }

    @Test
    void subjectsAllowedToBeMissingLeaveTheSignatureValid() throws Exception {
        VerificationResult result = ReportVerifier.verify(VerificationRequest.of(fixture.envelope, List.of(authorPub))
                .allowingMissing(Set.of("report.json", "**/*.*")));
        assertThat(result.valid()).isTrue();
        assertThat(result.uncheckedSubjects()).containsExactly("datasets/cases.jsonl", "prompts/triage.yaml", "report.json");
    }

    @Test
    void missingWorkspaceFileIsInvalidAndNamedUnlessAllowed() throws Exception {
        Files.delete(fixture.workspace.resolve("datasets/cases.jsonl"));
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub)));
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("datasets/cases.jsonl: not found at ").contains("--allow-missing datasets/cases.jsonl");
        assertThat(result.uncheckedSubjects()).containsExactly("datasets/cases.jsonl");
        assertThat(result.checkedSubjects()).containsExactly("prompts/triage.yaml", "report.json", "report.md");

        VerificationResult allowed = ReportVerifier.verify(fullRequest(List.of(authorPub)).allowingMissing(Set.of("datasets/*")));
        assertThat(allowed.valid()).isTrue();
    }

    @Test
    void authorAndReviewerBothSignAndRequiringBothPasses() throws Exception {
        KeyPair reviewer = Ed25519Keys.generate();
        String reviewerId = Ed25519Keys.keyId(reviewer.getPublic());
        fixture.writeEnvelope(DsseSigner.addSignature(fixture.readEnvelope(), reviewer.getPrivate(), reviewerId));

        VerificationResult both = ReportVerifier.verify(fullRequest(List.of(authorPub, reviewer.getPublic()))
                .requiring(Set.of(fixture.authorId, reviewerId)));
        assertThat(both.valid()).isTrue();
        assertThat(both.signers()).containsExactly(fixture.authorId, reviewerId);

        String thirdId = Ed25519Keys.keyId(Ed25519Keys.generate().getPublic());
        VerificationResult third = ReportVerifier.verify(fullRequest(List.of(authorPub, reviewer.getPublic()))
                .requiring(Set.of(fixture.authorId, reviewerId, thirdId)));
        assertThat(third.valid()).isFalse();
        assertThat(third.signers()).containsExactly(fixture.authorId, reviewerId);
        assertThat(third.problems()).containsExactly(
                "required signer " + thirdId + " has no valid signature on this envelope (and its public key was not given)");
    }

    @Test
    void requiredReviewerWhoHasNotSignedFails() throws Exception {
        KeyPair reviewer = Ed25519Keys.generate();
        String reviewerId = Ed25519Keys.keyId(reviewer.getPublic());
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub, reviewer.getPublic()))
                .requiring(Set.of(reviewerId)));
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).containsExactly("required signer " + reviewerId + " has no valid signature on this envelope");
    }

    @Test
    void wrongKeyIsInvalid() throws Exception {
        PublicKey stranger = Ed25519Keys.generate().getPublic();
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(stranger)));
        assertThat(result.valid()).isFalse();
        assertThat(result.signers()).isEmpty();
        assertThat(result.problems()).containsExactly(
                "envelope: no signature verifies with the given public key(s) " + Ed25519Keys.keyId(stranger));
        assertThat(result.notes()).singleElement().asString().contains("signature 1 (keyid " + fixture.authorId + ")");
    }

    @Test
    void everyChangedPayloadByteIsCaught() throws Exception {
        DsseEnvelope original = fixture.readEnvelope();
        byte[] payload = original.payloadBytes();
        // flip one bit at the start, middle and end of the payload
        for (int position : new int[] {0, payload.length / 2, payload.length - 1}) {
            byte[] changed = payload.clone();
            changed[position] ^= 0x01;
            fixture.writeEnvelope(new DsseEnvelope(Base64.getEncoder().encodeToString(changed),
                    original.payloadType(), original.signatures()));
            VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub)));
            assertThat(result.valid()).as("byte %d", position).isFalse();
            assertThat(result.signers()).isEmpty();
            assertThat(result.problems()).as("byte %d", position).contains("signature 1 (keyid " + fixture.authorId
                    + "): does not verify with that public key; the payload, its type or the signature was changed after signing");
        }
    }

    @Test
    void changedSignatureByteIsCaught() throws Exception {
        DsseEnvelope original = fixture.readEnvelope();
        byte[] sig = Base64.getDecoder().decode(original.signatures().get(0).sig());
        sig[sig.length - 1] ^= 0x40;
        fixture.writeEnvelope(new DsseEnvelope(original.payload(), original.payloadType(),
                List.of(new DsseSignature(fixture.authorId, Base64.getEncoder().encodeToString(sig)))));
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub)));
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("signature 1 (keyid " + fixture.authorId + "): does not verify with that public key");
    }

    @Test
    void changedReportIsCaughtWithBothDigests() throws Exception {
        String signed = TestFiles.sha256(fixture.report);
        SignedReportFixture.appendByte(fixture.report);
        String found = TestFiles.sha256(fixture.report);
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub)));
        assertThat(result.valid()).isFalse();
        assertThat(result.signers()).containsExactly(fixture.authorId);
        assertThat(result.problems()).containsExactly("report.json: sha256 differs from the signed subject (expected "
                + signed.substring(0, 12) + "…, found " + found.substring(0, 12) + "…)");
        assertThat(result.checkedSubjects()).containsExactly("datasets/cases.jsonl", "prompts/triage.yaml", "report.md");
    }

    @Test
    void changedInputFileIsCaught() throws Exception {
        Path prompt = fixture.workspace.resolve("prompts/triage.yaml");
        Files.writeString(prompt, Files.readString(prompt).replace("revision: 3", "revision: 4"));
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub)));
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().asString()
                .startsWith("prompts/triage.yaml: sha256 differs from the signed subject (expected ");
        assertThat(result.checkedSubjects()).containsExactly("datasets/cases.jsonl", "report.json", "report.md");
    }

    @Test
    void validlySignedPayloadOfAnotherKindIsRejected() throws Exception {
        DsseEnvelope other = DsseSigner.sign("application/json", "{\"hello\":1}".getBytes(StandardCharsets.UTF_8),
                fixture.authorPrivateKey(), fixture.authorId);
        fixture.writeEnvelope(other);
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub)));
        assertThat(result.signers()).containsExactly(fixture.authorId);
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).containsExactly(
                "envelope: payloadType is 'application/json', expected 'application/vnd.in-toto+json'",
                "statement: unknown member \"hello\"");
    }

    @Test
    void statementWithAnotherPredicateOrWithoutTheReportIsRejected() throws Exception {
        InTotoStatement foreign = InTotoStatement.builder()
                .subjectFile("prompts/triage.yaml", fixture.workspace.resolve("prompts/triage.yaml"))
                .predicateType("https://slsa.dev/provenance/v1").build();
        fixture.writeEnvelope(DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, foreign.payload(),
                fixture.authorPrivateKey(), fixture.authorId));
        VerificationResult result = ReportVerifier.verify(fullRequest(List.of(authorPub)));
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).containsExactly(
                "statement: predicateType is 'https://slsa.dev/provenance/v1', expected 'https://evalbench.dev/report/v1'",
                "report.json: the statement has no subject of that name, so the report file is not covered by the signature");
    }

    @Test
    void unusableInputIsAnExceptionNotAResult() throws Exception {
        Path missing = root.resolve("nope.dsse.json");
        assertThatThrownBy(() -> ReportVerifier.verify(VerificationRequest.of(missing, List.of(authorPub))))
                .isInstanceOf(SigningInputException.class).hasMessage(missing + ": file not found");

        Files.writeString(fixture.envelope, "this is not json");
        assertThatThrownBy(() -> ReportVerifier.verify(fullRequest(List.of(authorPub))))
                .isInstanceOf(SigningInputException.class).hasMessageStartingWith(fixture.envelope + ": not JSON");

        assertThatThrownBy(() -> ReportVerifier.verify(VerificationRequest.of(fixture.envelope, List.of())))
                .isInstanceOf(SigningInputException.class).hasMessageContaining("no public key given");

        Path noReport = root.resolve("out/missing-report.json");
        assertThatThrownBy(() -> ReportVerifier.verify(VerificationRequest.of(fixture.envelope, List.of(authorPub))
                .withReport(noReport))).isInstanceOf(SigningInputException.class).hasMessage(noReport + ": file not found");

        assertThatThrownBy(() -> Ed25519Keys.readPublicKey(fixture.authorKey))
                .isInstanceOf(SigningInputException.class).hasMessageContaining("not a PEM public key");
    }
}
