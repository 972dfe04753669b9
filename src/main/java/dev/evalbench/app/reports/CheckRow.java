package dev.evalbench.app.reports;

import dev.evalbench.core.report.sign.SignatureOutcome;
import dev.evalbench.core.report.sign.SubjectOutcome;
import dev.evalbench.core.report.sign.TrustedKey;

/**
 * One line of a verification as the verify view lists it: a signature or a signed file, its result as a
 * state and a word ("valid", "INVALID", "not checked"), what it is (role and key id, or the file's name) and
 * the verifier's own sentence. Immutable.
 */
public record CheckRow(State state, String word, String what, String detail) {
    public enum State { VALID, INVALID, NOT_CHECKED }

    /**
     * Signature 1 is the author's; later ones are approvals. A verified signature is named by the name its trusted
     * key carries (verified, with the key's fingerprint); any other by the key id it claims, without a name.
     */
    static CheckRow of(SignatureOutcome o, TrustedKey.SignedBy by) {
        String role = o.index() == 1 ? "author" : "approver";
        String key = o.status() == SignatureOutcome.Status.VERIFIED ? o.signerKeyId() : o.claimedKeyId();
        return switch (o.status()) {
            case VERIFIED -> new CheckRow(State.VALID, "valid", role + " " + by.name().map(n -> n + " (name verified)").orElse("(key without a name)")
                    + " " + key, o.message() + "; fingerprint " + by.fingerprint());
            case FAILED -> new CheckRow(State.INVALID, "INVALID", role + " " + key, o.message());
            case UNKNOWN_KEY -> new CheckRow(State.NOT_CHECKED, "unknown key", role + " " + key, o.message());
        };
    }

    static CheckRow of(SubjectOutcome o) {
        return switch (o.status()) {
            case MATCHES -> new CheckRow(State.VALID, "valid", o.name(), withoutName(o.name(), o.message()));
            case DIFFERS -> new CheckRow(State.INVALID, "INVALID", o.name(), withoutName(o.name(), o.message()));
            case NOT_CHECKED -> new CheckRow(State.NOT_CHECKED, "not checked", o.name(), withoutName(o.name(), o.message()));
        };
    }

    /** The verifier's sentence without the name it starts with, which the row already shows. */
    private static String withoutName(String name, String message) {
        return message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
    }
}
