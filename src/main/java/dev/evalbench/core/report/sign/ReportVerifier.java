package dev.evalbench.core.report.sign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a signed report offline: (a) the envelope parses and carries an in-toto payload, (b) its
 * signatures verify against the given public keys, and every required key id signed, (c) the payload is an
 * in-toto Statement with the evalbench report predicate, (d) {@code report.json}, when given, matches its
 * subject, and then the files it binds by digest (its records, {@link BoundFiles}) match too where they are
 * present, (e) every other subject found under the workspace folder, when given, matches its digest, and
 * (f) no subject is absent unless the request allows it.
 *
 * <p>All checks run and all problems are reported together, so one run of {@code evalbench verify} says
 * everything that is wrong. Input that cannot be used at all (missing file, envelope that is not JSON, no
 * public key, unreadable subject file) is a {@link SigningInputException}, exit 2; an invalid signature or
 * digest is a {@link VerificationResult} with {@code valid == false}, exit 1. Stateless and thread-safe.
 */
public final class ReportVerifier {
    private ReportVerifier() {}

    public static VerificationResult verify(VerificationRequest request) throws SigningInputException {
        if (request.publicKeys().isEmpty()) {
            throw new SigningInputException("no public key given to verify " + request.envelopeFile() + " against");
        }
        requireFile(request.reportJson());
        if (request.workspaceDir().isPresent() && !Files.isDirectory(request.workspaceDir().get())) {
            throw new SigningInputException(request.workspaceDir().get() + ": not a folder (expected the workspace)");
        }
        DsseEnvelope envelope = DsseEnvelope.read(request.envelopeFile());

        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            problems.add("envelope: payloadType is '" + envelope.payloadType() + "', expected '"
                    + Dsse.IN_TOTO_PAYLOAD_TYPE + "'");
        }
        List<SignatureOutcome> outcomes = new ArrayList<>();
        List<String> signers = checkSignatures(envelope, request, problems, notes, outcomes);

        SubjectChecks subjects = new SubjectChecks();
        boolean signsMarkdown = false;
        try {
            InTotoStatement statement = InTotoStatement.parse(envelope.payloadBytes());
            signsMarkdown = statement.subject(StatementSubject.MARKDOWN_NAME) != null;
            if (!InTotoStatement.EVALBENCH_REPORT_PREDICATE.equals(statement.predicateType())) {
                problems.add("statement: predicateType is '" + statement.predicateType() + "', expected '"
                        + InTotoStatement.EVALBENCH_REPORT_PREDICATE + "'");
            }
            Path reportMd = request.reportJson().orElse(request.envelopeFile()).resolveSibling(StatementSubject.MARKDOWN_NAME);
            subjects.run(statement, request.reportJson(), Optional.of(reportMd), request.workspaceDir(),
                    request.allowedMissing());
            if (request.reportJson().isPresent() && subjects.checked.contains(StatementSubject.REPORT_NAME)) {
                BoundFiles.check(request.reportJson().get(), subjects);
            }
        } catch (InvalidStatementException e) {
            problems.add("statement: " + e.getMessage());
        }
        problems.addAll(subjects.problems);
        subjects.lineEndsNote().ifPresent(notes::add);
        unsignedPage(request.reportJson(), signsMarkdown).ifPresent(notes::add);
        return new VerificationResult(problems.isEmpty(), signers, problems, notes, subjects.checked, subjects.unchecked,
                outcomes, subjects.outcomes);
    }

    private static List<String> checkSignatures(DsseEnvelope envelope, VerificationRequest request,
                                                List<String> problems, List<String> notes,
                                                List<SignatureOutcome> outcomes) {
        if (envelope.signatures().isEmpty()) {
            problems.add("envelope: it has no signatures");
            return List.of();
        }
        DsseVerification verification = DsseVerifier.verify(envelope, request.publicKeys());
        outcomes.addAll(verification.outcomes());
        verification.failures().forEach(f -> problems.add(f.message()));
        verification.unknown().forEach(u -> notes.add(u.message()));
        List<String> signers = verification.signers();
        if (signers.isEmpty() && verification.failures().isEmpty()) {
            problems.add("envelope: no signature verifies with the given public key(s) "
                    + String.join(", ", givenKeyIds(request.publicKeys())));
        }
        request.requiredKeyIds().stream().sorted()
                .filter(required -> !signers.contains(required))
                .forEach(missing -> problems.add("required signer " + missing + " has no valid signature on this envelope"
                        + (givenKeyIds(request.publicKeys()).contains(missing) ? "" : " (and its public key was not given)")));
        return signers;
    }

    /**
     * What is wrong with the report's own files against {@code statement}, which needs no key: {@code reportJson},
     * report.md beside it when the statement signs it, and the records files report.json binds by digest (its input
     * files are the workspace's, not checked here). Empty when
     * they are the files that were signed. A reviewer's approval is of these: approving a report.json changed after
     * signing would sign a statement about other bytes than the ones read.
     *
     * @throws SigningInputException if report.json is absent or a file cannot be read
     */
    public static List<String> reportFileProblems(InTotoStatement statement, Path reportJson) throws SigningInputException {
        return problems(statement, reportJson, true);
    }

    /** @param records whether the records files and report.md are checked too (an approval), or report.json alone */
    private static List<String> problems(InTotoStatement statement, Path reportJson, boolean records)
            throws SigningInputException {
        requireFile(Optional.of(reportJson));
        SubjectChecks subjects = new SubjectChecks();
        // The report's own files: report.md too for an approval (what a pull request shows was read and approved);
        // only report.json for a folder opened to read it, which is all that is read.
        subjects.run(statement, Optional.of(reportJson), records ? Optional.of(reportJson.resolveSibling(
                StatementSubject.MARKDOWN_NAME)) : Optional.empty(), Optional.empty(), java.util.Set.of("**"));
        if (records && subjects.checked.contains(StatementSubject.REPORT_NAME)) BoundFiles.check(reportJson, subjects);
        return List.copyOf(subjects.problems);
    }

    /**
     * Whether {@code reportJson} is the report.json the statement in {@code envelopeFile} signed: empty when it is,
     * else what differs (a problem too when the envelope cannot be read or holds no statement). Not its records:
     * whoever reads them checks each against the digest report.json binds it by (as every reader of a report folder
     * does), so a report.json as signed vouches for them, and a 50,000-case folder is not hashed twice.
     */
    public static List<String> reportJsonProblems(Path envelopeFile, Path reportJson) {
        try {
            return problems(InTotoStatement.parse(DsseEnvelope.read(envelopeFile).payloadBytes()), reportJson, false);
        } catch (SigningInputException | InvalidStatementException e) {
            return List.of(envelopeFile.getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * What a reader of the folder must know of report.html, when it is there: no signature covers it (approving a
     * report names the approver on it), so its words are not what was verified.
     */
    private static Optional<String> unsignedPage(Optional<Path> reportJson, boolean signsMarkdown) {
        if (reportJson.isEmpty() || !Files.isRegularFile(reportJson.get().resolveSibling("report.html"))) return Optional.empty();
        return Optional.of("report.html is not signed (approving a report names the approver on it): the verdict signed is"
                + (signsMarkdown ? " report.json's and report.md's" : " report.json's"));
    }

    private static List<String> givenKeyIds(List<PublicKey> keys) {
        return keys.stream().map(Ed25519Keys::keyId).toList();
    }

    private static void requireFile(Optional<Path> file) throws SigningInputException {
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new SigningInputException(file.get() + ": file not found");
        }
    }
}
