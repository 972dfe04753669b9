package dev.evalbench.core.report.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsseSignerVerifierTest {
    private static final byte[] PAYLOAD = "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);
    private final KeyPair author = Ed25519Keys.generate();
    private final KeyPair reviewer = Ed25519Keys.generate();
    private final String authorId = Ed25519Keys.keyId(author.getPublic());
    private final String reviewerId = Ed25519Keys.keyId(reviewer.getPublic());

    @Test
    void signedEnvelopeVerifiesWithTheSignersKey() {
        DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, PAYLOAD, author.getPrivate(), authorId);
        assertThat(envelope.payloadBytes()).isEqualTo(PAYLOAD);
        assertThat(envelope.signatures()).singleElement().extracting(DsseSignature::keyid).isEqualTo(authorId);
        assertThat(Base64.getDecoder().decode(envelope.signatures().get(0).sig())).hasSize(64);

        DsseVerification verification = DsseVerifier.verify(envelope, List.of(author.getPublic()));
        assertThat(verification.signers()).containsExactly(authorId);
        assertThat(verification.failures()).isEmpty();
    }

    @Test
    void authorAndReviewerSignaturesAreBothVerified() {
        DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, PAYLOAD, author.getPrivate(), authorId);
        DsseEnvelope approved = DsseSigner.addSignature(envelope, reviewer.getPrivate(), reviewerId);
        assertThat(approved.payload()).isEqualTo(envelope.payload());
        assertThat(approved.signatures()).extracting(DsseSignature::keyid).containsExactly(authorId, reviewerId);
        assertThat(DsseVerifier.verify(approved, List.of(reviewer.getPublic(), author.getPublic())).signers())
                .containsExactly(authorId, reviewerId);

        // with only the author's key, the reviewer's signature is unknown, not failed
        DsseVerification authorOnly = DsseVerifier.verify(approved, List.of(author.getPublic()));
        assertThat(authorOnly.signers()).containsExactly(authorId);
        assertThat(authorOnly.failures()).isEmpty();
        assertThat(authorOnly.unknown()).singleElement().extracting(SignatureOutcome::claimedKeyId).isEqualTo(reviewerId);
    }

    @Test
    void sameSignerCannotSignTwice() {
        DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, PAYLOAD, author.getPrivate(), authorId);
        assertThatThrownBy(() -> DsseSigner.addSignature(envelope, author.getPrivate(), authorId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already signed by " + authorId);
    }

    @Test
    void wrongKeyFindsNoSigner() {
        DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, PAYLOAD, author.getPrivate(), authorId);
        DsseVerification verification = DsseVerifier.verify(envelope, List.of(reviewer.getPublic()));
        assertThat(verification.signers()).isEmpty();
        assertThat(verification.unknown()).hasSize(1);
    }

    @Test
    void changedPayloadTypeOrSignatureFails() {
        DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, PAYLOAD, author.getPrivate(), authorId);
        DsseEnvelope retyped = new DsseEnvelope(envelope.payload(), "application/json", envelope.signatures());
        assertThat(DsseVerifier.verify(retyped, List.of(author.getPublic())).failures()).hasSize(1);

        byte[] sig = Base64.getDecoder().decode(envelope.signatures().get(0).sig());
        sig[10] ^= 0x01;
        DsseEnvelope forged = new DsseEnvelope(envelope.payload(), envelope.payloadType(),
                List.of(new DsseSignature(authorId, Base64.getEncoder().encodeToString(sig))));
        assertThat(DsseVerifier.verify(forged, List.of(author.getPublic())).failures())
                .singleElement().extracting(SignatureOutcome::message).asString()
                .isEqualTo("signature 1 (keyid " + authorId + "): does not verify with that public key; "
                        + "the payload, its type or the signature was changed after signing");

        DsseEnvelope garbled = new DsseEnvelope(envelope.payload(), envelope.payloadType(),
                List.of(new DsseSignature(authorId, "***")));
        assertThat(DsseVerifier.verify(garbled, List.of(author.getPublic())).failures())
                .singleElement().extracting(SignatureOutcome::message).asString().contains("not valid base64");

        DsseEnvelope truncated = new DsseEnvelope(envelope.payload(), envelope.payloadType(),
                List.of(new DsseSignature(authorId, Base64.getEncoder().encodeToString(new byte[10]))));
        assertThat(DsseVerifier.verify(truncated, List.of(author.getPublic())).failures()).hasSize(1);
    }

    @Test
    void signerIsTheKeyThatVerifiesNotTheClaimedKeyId() {
        // a signature claiming the reviewer's id but made by the author counts for the author only
        DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, PAYLOAD, author.getPrivate(), reviewerId);
        DsseVerification verification = DsseVerifier.verify(envelope, List.of(author.getPublic(), reviewer.getPublic()));
        assertThat(verification.signers()).containsExactly(authorId);
        assertThat(verification.outcomes().get(0).message()).contains("its keyid does not match");
    }
}
