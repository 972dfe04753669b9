package dev.evalbench.core.report.sign;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One subject of an in-toto Statement: a file bound to the report by its SHA-256.
 *
 * <p>{@code name} is {@code "report.json"} for the report itself, {@code "report.md"} for the Markdown beside it (the
 * pull-request comment), otherwise a workspace-relative path with
 * {@code /} separators such as {@code prompts/triage.yaml}: not absolute, no {@code .} or {@code ..} or empty
 * segment, no backslash or control character, so a verifier can resolve it under a workspace without ever
 * leaving it, and {@code sha256sum -c} can read it. {@code sha256} is 64 lower-case hex digits.
 */
public record StatementSubject(String name, String sha256) {
    /** The subject name that binds the report file itself. */
    public static final String REPORT_NAME = "report.json";
    /**
     * The subject name that binds report.md, found beside report.json: what a pull request shows of the report, so
     * an edited verdict in it makes the report invalid. report.html is not a subject: approving a report names the
     * approver on it.
     */
    public static final String MARKDOWN_NAME = "report.md";

    /** Whether {@code name} is a file of the report folder (found beside report.json), not of the workspace. */
    public static boolean ofTheReportFolder(String name) {
        return REPORT_NAME.equals(name) || MARKDOWN_NAME.equals(name);
    }
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** @throws IllegalArgumentException if the name or the digest breaks the rules above */
    public StatementSubject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException("subject name '" + name + "' " + problem);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("subject '" + name + "': sha256 must be 64 lower-case hex digits, not '"
                    + sha256 + "'");
        }
    }

    /** Why {@code name} is not a usable subject name, or null if it is. */
    static String nameProblem(String name) {
        if (name.isEmpty()) return "is empty";
        if (name.startsWith("/")) return "is absolute; it must be relative to the workspace";
        if (name.indexOf('\\') >= 0) return "contains a backslash; use / between folders";
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return "contains a control character";
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "has an empty, '.' or '..' segment; it must stay inside the workspace";
            }
        }
        return null;
    }
}
