package dev.evalbench.core.report.sign;

import java.security.PrivateKey;

/**
 * Signs DSSE envelopes with Ed25519: the signature is over {@link Dsse#pae}, never over the bare payload.
 * Several parties may sign the same envelope (the author when the report is made, a reviewer approving it);
 * each signature is independent and covers the same PAE. Stateless and thread-safe; keys are only used,
 * never stored.
 */
public final class DsseSigner {
    private DsseSigner() {}

    /**
     * A new envelope around {@code payload} with one signature.
     *
     * @param keyId written as the signature's {@code keyid}; pass {@link Ed25519Keys#keyId} of the matching
     *              public key (the JDK cannot derive a public key from an Ed25519 private key)
     * @throws IllegalArgumentException if {@code key} is not an Ed25519 private key
     */
    public static DsseEnvelope sign(String payloadType, byte[] payload, PrivateKey key, String keyId) {
        return addSignature(DsseEnvelope.unsigned(payloadType, payload), key, keyId);
    }

    /**
     * The envelope with one more signature over its unchanged payload and type. Existing signatures are
     * kept as they are and not checked here; verify before approving.
     *
     * @throws IllegalArgumentException if the envelope already has a signature with this key id, or the key
     *                                  is not an Ed25519 private key
     */
    public static DsseEnvelope addSignature(DsseEnvelope envelope, PrivateKey key, String keyId) {
        if (keyId.isEmpty()) {
            throw new IllegalArgumentException("a key id is required; use Ed25519Keys.keyId(publicKey)");
        }
        if (envelope.signatures().stream().anyMatch(s -> s.keyid().equals(keyId))) {
            throw new IllegalArgumentException("the envelope is already signed by " + keyId);
        }
        byte[] sig = Ed25519Signatures.sign(key, envelope.pae());
        return envelope.withSignature(new DsseSignature(keyId, Dsse.encodeBase64(sig)));
    }
}
