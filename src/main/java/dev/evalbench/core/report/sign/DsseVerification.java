package dev.evalbench.core.report.sign;

import java.util.List;

/** The outcome of checking every signature of one envelope against a set of public keys. Immutable. */
public record DsseVerification(List<SignatureOutcome> outcomes) {
    public DsseVerification {
        outcomes = List.copyOf(outcomes);
    }

    /** Key ids of the given public keys that validly signed, each once, in envelope order. */
    public List<String> signers() {
        return outcomes.stream().filter(o -> o.status() == SignatureOutcome.Status.VERIFIED)
                .map(SignatureOutcome::signerKeyId).distinct().toList();
    }

    /** Signatures that name a given key (or cannot be decoded) but do not verify. */
    public List<SignatureOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == SignatureOutcome.Status.FAILED).toList();
    }

    /** Signatures by keys that were not supplied; neither trusted nor counted against the envelope. */
    public List<SignatureOutcome> unknown() {
        return outcomes.stream().filter(o -> o.status() == SignatureOutcome.Status.UNKNOWN_KEY).toList();
    }
}
