package dev.evalbench.core.report.sign;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies each signature of a DSSE envelope against trusted Ed25519 public keys.
 *
 * <p>The {@code keyid} a signature carries is only used to word the outcome: every signature is tried
 * against every given key, and a signature counts as made by the key that verifies it, whatever its keyid
 * says. A signature that verifies with no key is {@code FAILED} when its keyid names one of the given keys
 * (or its base64 is broken) and {@code UNKNOWN_KEY} otherwise. The payload type is not judged here: that is
 * the caller's policy ({@link ReportVerifier} accepts only in-toto). Stateless and thread-safe.
 */
public final class DsseVerifier {
    private DsseVerifier() {}

    /** @throws IllegalArgumentException if a key is not an Ed25519 public key */
    public static DsseVerification verify(DsseEnvelope envelope, List<PublicKey> trustedKeys) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (PublicKey key : trustedKeys) {
            keys.putIfAbsent(Ed25519Keys.keyId(key), key);
        }
        byte[] pae = envelope.pae();
        List<SignatureOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < envelope.signatures().size(); i++) {
            outcomes.add(check(i + 1, envelope.signatures().get(i), pae, keys));
        }
        return new DsseVerification(outcomes);
    }

    private static SignatureOutcome check(int index, DsseSignature signature, byte[] pae, Map<String, PublicKey> keys) {
        String claimed = signature.keyid();
        String label = "signature " + index + (claimed.isEmpty() ? " (no keyid)" : " (keyid " + claimed + ")");
        byte[] sig;
        try {
            sig = Dsse.decodeBase64(signature.sig());
        } catch (IllegalArgumentException e) {
            return new SignatureOutcome(index, claimed, SignatureOutcome.Status.FAILED, "",
                    label + ": the signature is not valid base64");
        }
        for (Map.Entry<String, PublicKey> key : keys.entrySet()) {
            if (Ed25519Signatures.verifies(key.getValue(), pae, sig)) {
                String note = claimed.equals(key.getKey()) ? "" : " (its keyid does not match; keyid is only a hint)";
                return new SignatureOutcome(index, claimed, SignatureOutcome.Status.VERIFIED, key.getKey(),
                        label + ": valid signature by " + key.getKey() + note);
            }
        }
        if (keys.containsKey(claimed)) {
            return new SignatureOutcome(index, claimed, SignatureOutcome.Status.FAILED, "",
                    label + ": does not verify with that public key; the payload, its type or the signature "
                            + "was changed after signing");
        }
        return new SignatureOutcome(index, claimed, SignatureOutcome.Status.UNKNOWN_KEY, "",
                label + ": does not verify with any of the given public keys; its key was probably not given, "
                        + "so it was not checked");
    }
}
