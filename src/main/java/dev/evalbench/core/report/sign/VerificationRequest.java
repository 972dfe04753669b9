package dev.evalbench.core.report.sign;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ReportVerifier} is asked to check: an envelope file, the public keys to trust, and optionally
 * the report file, the workspace the other subjects are relative to, and key ids that must all have signed.
 * Immutable; build with {@link #of} and the {@code with...} methods.
 */
public record VerificationRequest(
        Path envelopeFile,
        List<PublicKey> publicKeys,
        Optional<Path> reportJson,
        Optional<Path> workspaceDir,
        Set<String> requiredKeyIds) {

    public VerificationRequest {
        Objects.requireNonNull(envelopeFile, "envelopeFile");
        publicKeys = List.copyOf(publicKeys);
        Objects.requireNonNull(reportJson, "reportJson");
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        requiredKeyIds = Set.copyOf(requiredKeyIds);
    }

    public static VerificationRequest of(Path envelopeFile, List<PublicKey> publicKeys) {
        return new VerificationRequest(envelopeFile, publicKeys, Optional.empty(), Optional.empty(), Set.of());
    }

    /** Also check this file against the subject named {@code report.json}. */
    public VerificationRequest withReport(Path reportJson) {
        return new VerificationRequest(envelopeFile, publicKeys, Optional.of(reportJson), workspaceDir, requiredKeyIds);
    }

    /** Also check every other subject whose file exists under this folder. */
    public VerificationRequest withWorkspace(Path workspaceDir) {
        return new VerificationRequest(envelopeFile, publicKeys, reportJson, Optional.of(workspaceDir), requiredKeyIds);
    }

    /** Require a valid signature from each of these key ids ({@link Ed25519Keys#keyId} form). */
    public VerificationRequest requiring(Set<String> keyIds) {
        return new VerificationRequest(envelopeFile, publicKeys, reportJson, workspaceDir, keyIds);
    }
}
