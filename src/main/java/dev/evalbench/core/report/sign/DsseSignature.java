package dev.evalbench.core.report.sign;

import java.util.Objects;

/**
 * One signature of a DSSE envelope: {@code keyid}, an unauthenticated hint naming the key (empty when the
 * signer gave none; evalbench always writes {@link Ed25519Keys#keyId}), and {@code sig}, the base64 signature
 * over the envelope's PAE. Field names are DSSE's own.
 */
public record DsseSignature(String keyid, String sig) {
    public DsseSignature {
        Objects.requireNonNull(keyid, "keyid (use \"\" for none)");
        Objects.requireNonNull(sig, "sig");
    }
}
