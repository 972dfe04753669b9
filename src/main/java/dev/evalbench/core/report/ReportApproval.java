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
 * atomically. It checks that the envelope is an evalbench report statement and that the reviewer's keys are one
 * pair; it does not check the signatures already there (the reviewer may not hold the author's public key):
 * run {@code evalbench verify} first. Stateless.
 */
public final class ReportApproval {
    private ReportApproval() {}

    /**
     * @return the envelope as written
     * @throws SigningInputException if the envelope cannot be read or is not an evalbench report statement, the
     *                               keys are not one pair, or this key already signed it
     */
    public static DsseEnvelope approve(Path envelopeFile, PrivateKey key, PublicKey publicKey)
            throws SigningInputException, IOException {
        DsseEnvelope envelope = DsseEnvelope.read(envelopeFile);
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new SigningInputException(envelopeFile + ": payloadType is '" + envelope.payloadType() + "', expected '"
                    + Dsse.IN_TOTO_PAYLOAD_TYPE + "'; not an evalbench report envelope");
        }
        try {
            InTotoStatement statement = InTotoStatement.parse(envelope.payloadBytes());
            if (!InTotoStatement.EVALBENCH_REPORT_PREDICATE.equals(statement.predicateType())) {
                throw new SigningInputException(envelopeFile + ": the statement's predicateType is '" + statement.predicateType()
                        + "', not an evalbench report");
            }
        } catch (InvalidStatementException e) {
            throw new SigningInputException(envelopeFile + ": the payload is not an in-toto statement: " + e.getMessage(), e);
        }
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
