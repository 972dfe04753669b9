package dev.evalbench.core.report;

import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.report.sign.Dsse;
import dev.evalbench.core.report.sign.DsseEnvelope;
import dev.evalbench.core.report.sign.DsseSigner;
import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.report.sign.InTotoStatement;
import dev.evalbench.core.report.sign.InvalidStatementException;
import dev.evalbench.core.report.sign.SigningInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A reviewer's approval: one more signature over the unchanged payload of an existing envelope, written back
 * atomically. It checks that the envelope is an evalbench report statement, that report.json beside it and the
 * records files it binds are the bytes that were signed (what the reviewer read is what they approve), and that
 * the reviewer's keys are one pair; it does not check the signatures already there (the reviewer may not hold the
 * author's public key): run {@code evalbench verify} first. Stateless.
 */
public final class ReportApproval {
    private ReportApproval() {}

    /** The report's files beside the envelope are not the ones signed; nothing was written. */
    public static final class ChangedSinceSigned extends Exception {
        private final java.util.List<String> problems;

        ChangedSinceSigned(Path envelopeFile, java.util.List<String> problems) {
            super("the report beside " + envelopeFile + " is not the one signed (" + problems.get(0)
                    + (problems.size() > 1 ? "; and " + (problems.size() - 1) + " more" : "") + "); nothing written");
            this.problems = java.util.List.copyOf(problems);
        }

        /** Each file that differs from its signed digest, in the verifier's words. */
        public java.util.List<String> problems() {
            return problems;
        }
    }

    /**
     * @return the envelope as written
     * @throws SigningInputException if the envelope cannot be read or is not an evalbench report statement, the
     *                               keys are not one pair, or this key already signed it
     */
    public static DsseEnvelope approve(Path envelopeFile, PrivateKey key, PublicKey publicKey)
            throws SigningInputException, IOException, ChangedSinceSigned {
        DsseEnvelope envelope = DsseEnvelope.read(envelopeFile);
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new SigningInputException(envelopeFile + ": payloadType is '" + envelope.payloadType() + "', expected '"
                    + Dsse.IN_TOTO_PAYLOAD_TYPE + "'; not an evalbench report envelope");
        }
        InTotoStatement statement;
        try {
            statement = InTotoStatement.parse(envelope.payloadBytes());
            if (!InTotoStatement.EVALBENCH_REPORT_PREDICATE.equals(statement.predicateType())) {
                throw new SigningInputException(envelopeFile + ": the statement's predicateType is '" + statement.predicateType()
                        + "', not an evalbench report");
            }
        } catch (InvalidStatementException e) {
            throw new SigningInputException(envelopeFile + ": the payload is not an in-toto statement: " + e.getMessage(), e);
        }
        java.util.List<String> changed = dev.evalbench.core.report.sign.ReportVerifier.reportFileProblems(statement,
                ReportEnvelope.reportJsonBeside(envelopeFile));
        if (!changed.isEmpty()) throw new ChangedSinceSigned(envelopeFile, changed);
        String keyId = Ed25519Keys.keyId(publicKey);
        if (!Ed25519Keys.isPair(key, publicKey)) {
            throw new SigningInputException("the private key and the public key " + keyId + " are not one key pair");
        }
        if (envelope.signatures().stream().anyMatch(s -> s.keyid().equals(keyId))) {
            throw new SigningInputException(envelopeFile + ": already signed by " + keyId + "; nothing to add");
        }
        DsseEnvelope approved = DsseSigner.addSignature(envelope, key, keyId);
        AtomicFiles.write(envelopeFile, approved.toJson());
        return approved;
    }
}
