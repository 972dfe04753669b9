package dev.evalbench.core.report.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PAE and signatures against the DSSE specification's examples and test vectors. */
class DsseTest {
    private static final String STATEMENT_PAYLOAD_B64 = "eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjEifQ==";
    private static final String SIG_A_OVER_STATEMENT =
            "2WAfaHm5jluo0w+0rk8uVkluELJYWjSmU9x7EUzx+AyteDGJ4/nqyJXfmAUVFIAoQafWm7AxBZNw5M9ixNHiCA==";
    private static final String SIG_B_OVER_STATEMENT =
            "c1+67/aT0yqEpwx8PsVY3MLHsj9D0CZ014/Fv/QlG59P+9CobUZ7xECJ/V3USG0Ob9CiE5LjReEZUzNF2l7eBw==";

    @Test
    void paeOfTheProtocolExample() {
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void paeOfTheTestVectors() {
        byte[] statement = Base64.getDecoder().decode(STATEMENT_PAYLOAD_B64);
        assertThat(HexFormat.of().formatHex(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, statement))).isEqualTo(
                "445353457631203238206170706c69636174696f6e2f766e642e696e2d746f746f2b6a736f6e203433207b225f74797065223a"
                        + "2268747470733a2f2f696e2d746f746f2e696f2f53746174656d656e742f7631227d");
        // LEN(type) counts UTF-8 bytes: 29 for a 28-character type with an umlaut
        assertThat(HexFormat.of().formatHex(Dsse.pae("application/vnd.exämple+json", statement)))
                .startsWith("445353457631203239206170706c69636174696f6e2f766e642e6578c3a46d706c652b6a736f6e203433207b");
        // an empty body still ends with the separating space
        assertThat(new String(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, new byte[0]), StandardCharsets.US_ASCII))
                .isEqualTo("DSSEv1 28 application/vnd.in-toto+json 0 ");
    }

    @Test
    void signingWithVectorKeysReproducesTheVectorSignatures() throws Exception {
        // Ed25519 is deterministic, so our PAE and signing must give the published bytes exactly
        byte[] statement = Base64.getDecoder().decode(STATEMENT_PAYLOAD_B64);
        PrivateKey a = DsseVectorKeys.privateKey(DsseVectorKeys.SEED_A);
        PrivateKey b = DsseVectorKeys.privateKey(DsseVectorKeys.SEED_B);
        DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, statement, a, "A");
        envelope = DsseSigner.addSignature(envelope, b, "B");
        assertThat(envelope.payload()).isEqualTo(STATEMENT_PAYLOAD_B64);
        assertThat(envelope.signatures()).containsExactly(
                new DsseSignature("A", SIG_A_OVER_STATEMENT), new DsseSignature("B", SIG_B_OVER_STATEMENT));
    }

    @Test
    void vectorEnvelopesVerifyOrNotAsPublished() throws Exception {
        PublicKey a = DsseVectorKeys.publicKey(DsseVectorKeys.PUBLIC_A);
        PublicKey b = DsseVectorKeys.publicKey(DsseVectorKeys.PUBLIC_B);
        String idA = Ed25519Keys.keyId(a);
        String idB = Ed25519Keys.keyId(b);

        // single-signature; the vector's keyid "A" is not our key id format, and keyid is only a hint
        DsseVerification single = DsseVerifier.verify(envelope(STATEMENT_PAYLOAD_B64, Dsse.IN_TOTO_PAYLOAD_TYPE,
                new DsseSignature("A", SIG_A_OVER_STATEMENT)), List.of(a));
        assertThat(single.signers()).containsExactly(idA);

        // url-safe-base64: payload and signature in the URL-safe alphabet must be accepted
        DsseVerification urlSafe = DsseVerifier.verify(envelope("-_-_Pj8=", Dsse.IN_TOTO_PAYLOAD_TYPE,
                new DsseSignature("A", "P-_KHICeR7tI6S_YyejJTRtrXhcQyQ2LYPaL8h90KjC9qN8HU_svOQ6TuDOT1HIrsGW886DbWNWcCmX5twLrAw==")),
                List.of(a));
        assertThat(urlSafe.signers()).containsExactly(idA);

        // payload-type-swapped: the signature covers the in-toto type, not the claimed one
        DsseVerification swapped = DsseVerifier.verify(envelope(STATEMENT_PAYLOAD_B64, "application/vnd.example.other+json",
                new DsseSignature(idA, SIG_A_OVER_STATEMENT)), List.of(a));
        assertThat(swapped.signers()).isEmpty();
        assertThat(swapped.failures()).singleElement().extracting(SignatureOutcome::message).asString()
                .contains("signature 1 (keyid " + idA + "): does not verify with that public key");

        // non-ascii-payload-type
        DsseVerification umlaut = DsseVerifier.verify(envelope(STATEMENT_PAYLOAD_B64, "application/vnd.exämple+json",
                new DsseSignature("A", "xmSk/ug66ysT7ayhkCIjhAq42zgZXSsEWuzUaNL7w2eGAdF/NU6/fRXPtmfN+5DNSAs5/i2lUnHjbbjPsu0tAw==")),
                List.of(a));
        assertThat(umlaut.signers()).containsExactly(idA);

        // empty-payload
        DsseVerification empty = DsseVerifier.verify(envelope("", Dsse.IN_TOTO_PAYLOAD_TYPE,
                new DsseSignature("A", "gSggCAaTLTYyRH6FIDBem6meyIynsYy8RTHVzwx9tnTb7Bg/1jMWnuVgI/gffqmbsC2VX5/jHfkkDqsj7CDbDg==")),
                List.of(a));
        assertThat(empty.signers()).containsExactly(idA);

        // threshold-two-one-key-twice: one key signing twice is one signer
        DsseVerification twice = DsseVerifier.verify(envelope(STATEMENT_PAYLOAD_B64, Dsse.IN_TOTO_PAYLOAD_TYPE,
                new DsseSignature("A", SIG_A_OVER_STATEMENT), new DsseSignature("A", SIG_A_OVER_STATEMENT)), List.of(a, b));
        assertThat(twice.signers()).containsExactly(idA);

        // threshold-two-without-keyids: two distinct signers without keyid
        DsseVerification noKeyIds = DsseVerifier.verify(envelope(STATEMENT_PAYLOAD_B64, Dsse.IN_TOTO_PAYLOAD_TYPE,
                new DsseSignature("", SIG_A_OVER_STATEMENT), new DsseSignature("", SIG_B_OVER_STATEMENT)), List.of(a, b));
        assertThat(noKeyIds.signers()).containsExactly(idA, idB);
    }

    private static DsseEnvelope envelope(String payload, String type, DsseSignature... signatures) {
        return new DsseEnvelope(payload, type, List.of(signatures));
    }

    @Test
    void envelopeJsonUsesDsseFieldNames() {
        DsseEnvelope envelope = new DsseEnvelope("aGVsbG8gd29ybGQ=", "http://example.com/HelloWorld",
                List.of(new DsseSignature("ed25519:0011223344556677", "c2ln"), new DsseSignature("", "c2lnMg==")));
        assertThat(new String(envelope.toJson(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"payload\":\"aGVsbG8gd29ybGQ=\",\"payloadType\":\"http://example.com/HelloWorld\","
                        + "\"signatures\":[{\"keyid\":\"ed25519:0011223344556677\",\"sig\":\"c2ln\"},{\"sig\":\"c2lnMg==\"}]}");
    }

    @Test
    void envelopeParsesBackAndRefusesWhatIsNotAnEnvelope() throws Exception {
        DsseEnvelope envelope = new DsseEnvelope("aGVsbG8=", "t", List.of(new DsseSignature("k", "c2ln")));
        assertThat(DsseEnvelope.parse(envelope.toJson(), "e.json")).isEqualTo(envelope);
        assertThat(envelope.payloadBytes()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> parse("not json")).isInstanceOf(SigningInputException.class)
                .hasMessageStartingWith("report.dsse.json: not JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("not a DSSE envelope");
        assertThatThrownBy(() -> parse("{\"payload\":\"aGk=\",\"payloadType\":\"t\"}"))
                .hasMessageContaining("\"signatures\" array");
        assertThatThrownBy(() -> parse("{\"payload\":\"aGk=\",\"payload\":\"aGk=\",\"payloadType\":\"t\",\"signatures\":[]}"))
                .hasMessageContaining("not JSON").hasMessageContaining("Duplicate field 'payload'");
        assertThatThrownBy(() -> parse("{\"payload\":\"aGk=\",\"payloadType\":\"t\",\"signatures\":[],\"extra\":1}"))
                .hasMessageContaining("unknown member \"extra\"");
        assertThatThrownBy(() -> parse("{\"payload\":\"a!b\",\"payloadType\":\"t\",\"signatures\":[]}"))
                .hasMessageContaining("\"payload\" is not base64");
        assertThatThrownBy(() -> parse("{\"payload\":\"aGk=\",\"payloadType\":7,\"signatures\":[]}"))
                .hasMessageContaining("needs a string \"payloadType\"");
        assertThatThrownBy(() -> parse("{\"payload\":\"aGk=\",\"payloadType\":\"t\",\"signatures\":[{\"keyid\":\"k\"}]}"))
                .hasMessageContaining("signature 1 needs a string \"sig\"");
    }

    private static DsseEnvelope parse(String json) throws SigningInputException {
        return DsseEnvelope.parse(json.getBytes(StandardCharsets.UTF_8), "report.dsse.json");
    }
}
