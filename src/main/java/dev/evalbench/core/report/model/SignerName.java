package dev.evalbench.core.report.model;

import java.util.Objects;

/**
 * A signature as a report page names it: {@code label}, the name the signer's key carries ("Alice Example",
 * chosen when the key pair was made; "" for a key without one), {@code keyId}, the key id the envelope and
 * {@code evalbench verify} use, and {@code fingerprint}, the key's full SHA-256 fingerprint ("" when not known).
 * The label is a claim for people, never checked by the page; verification shows a name as verified only when the
 * signature verifies against a key the verifier trusts. Immutable.
 */
public record SignerName(String label, String keyId, String fingerprint) {
    public SignerName {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** A signer whose fingerprint is not known: the key id stands for it. */
    public SignerName(String label, String keyId) {
        this(label, keyId, "");
    }
}
