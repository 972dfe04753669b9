package dev.evalbench.core.report.sign;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ReportVerifier} is asked to check: an envelope file, the public keys to trust, and optionally
 * the report file, the workspace the other subjects are relative to, key ids that must all have signed, and
 * the subjects the caller accepts as absent (by default none: every named subject must be checked).
 * Immutable; build with {@link #of} and the {@code with...} methods.
 */
public record VerificationRequest(
        Path envelopeFile,
        List<PublicKey> publicKeys,
        Optional<Path> reportJson,
        Optional<Path> workspaceDir,
        Set<String> requiredKeyIds,
        Set<String> allowedMissing) {

    public VerificationRequest {
        Objects.requireNonNull(envelopeFile, "envelopeFile");
        publicKeys = List.copyOf(publicKeys);
        Objects.requireNonNull(reportJson, "reportJson");
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        requiredKeyIds = Set.copyOf(requiredKeyIds);
        allowedMissing = Set.copyOf(allowedMissing);
    }

    public static VerificationRequest of(Path envelopeFile, List<PublicKey> publicKeys) {
        return new VerificationRequest(envelopeFile, publicKeys, Optional.empty(), Optional.empty(), Set.of(), Set.of());
    }

    /** Also check this file against the subject named {@code report.json}. */
    public VerificationRequest withReport(Path reportJson) {
        return new VerificationRequest(envelopeFile, publicKeys, Optional.of(reportJson), workspaceDir, requiredKeyIds, allowedMissing);
    }

    /** Also check every other subject whose file exists under this folder. */
    public VerificationRequest withWorkspace(Path workspaceDir) {
        return new VerificationRequest(envelopeFile, publicKeys, reportJson, Optional.of(workspaceDir), requiredKeyIds, allowedMissing);
    }

    /**
     * Subjects that may be absent: subject names or globs ({@code datasets/*}, {@code **}). Any other subject
     * the statement names whose file is not given or not found makes the report invalid.
     */
    public VerificationRequest allowingMissing(Set<String> namesOrGlobs) {
        return new VerificationRequest(envelopeFile, publicKeys, reportJson, workspaceDir, requiredKeyIds, namesOrGlobs);
    }

    /** Require a valid signature from each of these key ids ({@link Ed25519Keys#keyId} form). */
    public VerificationRequest requiring(Set<String> keyIds) {
        return new VerificationRequest(envelopeFile, publicKeys, reportJson, workspaceDir, keyIds, allowedMissing);
    }
}
