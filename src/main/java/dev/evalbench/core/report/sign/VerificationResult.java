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

    /**
     * The problems as people read them, in the terminal and the window alike: every input file left unchecked for
     * want of a workspace folder is one line said once (the files are listed as not checked anyway), the rest one
     * line each. {@link #problems} keeps one entry per file, for scripts.
     *
     * @param advice how to check them in the front end at hand ("name the workspace … (--workspace DIR) …")
     */
    public List<String> problemsInWords(String advice) {
        String noWorkspace = ": " + SubjectOutcome.NO_WORKSPACE_GIVEN + " (";
        List<String> unchecked = problems.stream().filter(p -> p.contains(noWorkspace)).toList();
        if (unchecked.size() < 2) return problems;
        List<String> lines = new java.util.ArrayList<>(problems.stream().filter(p -> !unchecked.contains(p)).toList());
        lines.add(unchecked.size() + " signed input files " + SubjectOutcome.NO_WORKSPACE_GIVEN + ": " + advice);
        return List.copyOf(lines);
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
