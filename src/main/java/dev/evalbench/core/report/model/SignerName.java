package dev.evalbench.core.report.model;

import java.util.Objects;

/**
 * A signature as a report page names it: {@code label}, the name the signer goes by (the stem of their key
 * file, e.g. "alice"), and {@code keyId}, the key id the envelope and {@code evalbench verify} use. The label is
 * a courtesy for people, never checked; the key id is what verification checks. Immutable.
 */
public record SignerName(String label, String keyId) {
    public SignerName {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(keyId, "keyId");
    }
}
