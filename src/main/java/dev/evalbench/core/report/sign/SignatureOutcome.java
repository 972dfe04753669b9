package dev.evalbench.core.report.sign;

/**
 * What verification found for one signature of an envelope.
 *
 * @param index       1-based position in the envelope's {@code signatures}
 * @param claimedKeyId the signature's own {@code keyid} (unauthenticated; empty if none)
 * @param status      see {@link Status}
 * @param signerKeyId the key id of the given public key that verified it; empty unless {@code VERIFIED}
 * @param message     one plain sentence, e.g. {@code signature 2 (keyid ed25519:...): does not verify ...}
 */
public record SignatureOutcome(int index, String claimedKeyId, Status status, String signerKeyId, String message) {
    public enum Status {
        /** Valid Ed25519 signature over the PAE by one of the given public keys. */
        VERIFIED,
        /**
         * Not valid although it names one of the given keys, or not even decodable: the payload, its type or
         * the signature was changed, or it was forged.
         */
        FAILED,
        /** Names no given key and verifies with none: someone whose public key was not supplied. */
        UNKNOWN_KEY
    }
}
