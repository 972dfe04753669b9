package dev.evalbench.core.compare;

import java.util.Locale;

/**
 * The text diff of an input file whose content changed between two runs, from the runs' stored snapshots: a prompt's
 * template or a judge's rubric (keyed by prompt id), a prompt's output schema, the policy (the deterministic layer that
 * decides on the model's proposals), the routes file or the gates file; {@code subject} says which prompt, empty for
 * the others. {@code beforePath}/{@code afterPath}
 * are workspace-relative (they may differ when the file was renamed). When a side's text cannot be found, {@code diff}
 * is null and {@code unavailable} says why.
 */
public record TemplateDiff(VersionComponent component, String subject, String beforePath, String afterPath, OutputDiff diff,
                           String unavailable) {
    /** A prompt template's diff. */
    public TemplateDiff(String promptId, String beforePath, String afterPath, OutputDiff diff, String unavailable) {
        this(VersionComponent.PROMPT, promptId, beforePath, afterPath, diff, unavailable);
    }

    public boolean available() {
        return diff != null;
    }

    /** The prompt the file belongs to; empty for the policy. */
    public String promptId() {
        return subject;
    }

    /**
     * What the file is, in the terminal's words: "template of prompt triage", "output schema of prompt triage", "policy",
     * "routes".
     */
    public String title() {
        return switch (component) {
            case PROMPT -> "template of prompt " + subject;
            case OUTPUT_SCHEMA -> "output schema of prompt " + subject;
            case ROUTE_MODEL -> "routes";
            case GATES -> "gates";
            case MANIFEST -> "manifest";
            default -> component.label() + (subject.isEmpty() ? "" : " " + subject);
        };
    }

    /** {@link #title} as a heading begins it: "Prompt template triage", "Output schema of prompt triage", "Policy", "Routes". */
    public String heading() {
        String t = component == VersionComponent.PROMPT ? "prompt template " + subject : title();
        return t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }

    /** The short name a narrow column can show whole: "triage", "policy", "output schema of triage". */
    public String name() {
        return switch (component) {
            case PROMPT -> subject;
            case OUTPUT_SCHEMA -> "output schema of " + subject;
            default -> title();
        };
    }

    /** A name for node ids and the like, unique in one comparison: "triage", "policy", "output-schema-triage". */
    public String key() {
        return component == VersionComponent.PROMPT ? subject : name().replace(' ', '-').replace("-of-", "-");
    }
}
