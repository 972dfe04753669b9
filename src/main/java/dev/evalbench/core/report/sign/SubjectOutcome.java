package dev.evalbench.core.report.sign;

/**
 * What verification found for one subject of a signed statement: {@code report.json} or one input file.
 *
 * @param name    the subject's name as signed (workspace-relative path, or {@code report.json})
 * @param status  see {@link Status}
 * @param message one plain sentence for people, naming the file, e.g.
 *                {@code datasets/triage.jsonl: sha256 differs from the signed subject (expected ab12…, found cd34…)}
 */
public record SubjectOutcome(String name, Status status, String message) {
    /** Why an input file was not checked when verification was given no workspace folder to find it in. */
    public static final String NO_WORKSPACE_GIVEN = "not checked: no workspace folder given";

    public enum Status {
        /** The file was found and its SHA-256 is the signed one. */
        MATCHES,
        /** The file was found and its SHA-256 is not the signed one: it changed after signing. */
        DIFFERS,
        /** The file was not given or not found, so it was not checked (a problem unless allowed to be absent). */
        NOT_CHECKED
    }
}
