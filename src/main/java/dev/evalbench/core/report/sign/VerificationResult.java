package dev.evalbench.core.report.sign;

import java.util.List;

/**
 * The verdict on a signed report. {@code valid} is true exactly when {@code problems} is empty.
 *
 * @param signers           key ids of the given public keys with a valid signature, in envelope order
 * @param problems          plain sentences, each one reason the report is not valid, e.g.
 *                          {@code report.json: sha256 differs from the signed subject (expected ab12…, found cd34…)}
 * @param notes             information that does not make the report invalid (e.g. a signature by a key that
 *                          was not given)
 * @param checkedSubjects   subject names whose file was found and matches its signed digest
 * @param uncheckedSubjects subject names whose file could not be reached (no report path or workspace given,
 *                          or no such file): not checked, which is not the same as a mismatch
 * @param signatures        each signature of the envelope with its outcome, in envelope order (empty when the
 *                          envelope had none)
 * @param subjects          each subject of the statement with its outcome, in statement order (empty when the
 *                          statement could not be read)
 */
public record VerificationResult(
        boolean valid,
        List<String> signers,
        List<String> problems,
        List<String> notes,
        List<String> checkedSubjects,
        List<String> uncheckedSubjects,
        List<SignatureOutcome> signatures,
        List<SubjectOutcome> subjects) {

    /** A verdict without the per-signature and per-subject outcomes. */
    public VerificationResult(boolean valid, List<String> signers, List<String> problems, List<String> notes,
                              List<String> checkedSubjects, List<String> uncheckedSubjects) {
        this(valid, signers, problems, notes, checkedSubjects, uncheckedSubjects, List.of(), List.of());
    }

    public VerificationResult {
        signers = List.copyOf(signers);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        checkedSubjects = List.copyOf(checkedSubjects);
        uncheckedSubjects = List.copyOf(uncheckedSubjects);
        signatures = List.copyOf(signatures);
        subjects = List.copyOf(subjects);
        if (valid != problems.isEmpty()) {
            throw new IllegalArgumentException("valid must be true exactly when there are no problems");
        }
    }
}
