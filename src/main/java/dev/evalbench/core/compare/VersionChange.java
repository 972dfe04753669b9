package dev.evalbench.core.compare;

/**
 * One part of the version tuple that differs between two runs. {@code subject} says which one when a run
 * has several (the prompt id, the suite of an eval set), empty otherwise. {@code before} and {@code after}
 * are short descriptions such as {@code "revision 3, sha256 1f2e3d4c5b6a"}, or {@link #ABSENT} when the
 * run had none. {@code detail} says more where it is known, empty otherwise: for an eval set, which cases
 * changed ({@link EvalSetEdits}).
 */
public record VersionChange(VersionComponent component, String subject, String before, String after, String detail) {
    public static final String ABSENT = "(none)";

    public VersionChange {
        detail = detail == null ? "" : detail;
    }

    public VersionChange(VersionComponent component, String subject, String before, String after) {
        this(component, subject, before, after, "");
    }

    /** This change, saying {@code detail} more. */
    public VersionChange withDetail(String detail) {
        return new VersionChange(component, subject, before, after, detail);
    }

    /** E.g. {@code prompt triage: revision 3, sha256 1f2e… → revision 4, sha256 9a8b…}. */
    public String describe() {
        return component.label() + (subject.isEmpty() ? "" : " " + subject) + ": " + before + " → " + after;
    }
}
