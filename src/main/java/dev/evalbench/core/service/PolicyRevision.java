package dev.evalbench.core.service;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The policy's {@code revision} raised when the window saves a changed policy under the number it had: a run records
 * the policy's revision beside its hash, and two policies that both read "r2" in the history, reports and comparisons
 * would be told apart by SHA-256 alone (the template editor's save writes a new revision for the same reason). A
 * revision the author raised (or lowered) is theirs and kept. Pure functions of the texts; thread-safe.
 */
final class PolicyRevision {
    /** What a save wrote: the text, and the revision it was given (0: the text's own, left as it was). */
    record Raised(String text, int revision) {}

    private PolicyRevision() {}

    /**
     * {@code after} with its revision one more than {@code before}'s, when the texts differ (or {@code evenUnchanged}:
     * a stored run read another text under this revision) and both give the same whole number; else {@code after} as
     * it is (a text that does not read as YAML is left to the loader to refuse).
     */
    static Raised raised(String before, String after, boolean evenUnchanged) {
        if (before.equals(after) && !evenUnchanged) return new Raised(after, 0);
        ScalarNode was = revision(compose(before));
        ScalarNode now = revision(compose(after));
        if (was == null || now == null || !was.getValue().equals(now.getValue())) return new Raised(after, 0);
        int number;
        try {
            number = Integer.parseInt(now.getValue().strip());
        } catch (NumberFormatException notANumber) {
            return new Raised(after, 0);
        }
        int start = YamlValueSpans.offset(after, now.getStartMark());
        int end = YamlValueSpans.offset(after, now.getEndMark());
        return new Raised(after.substring(0, start) + (number + 1) + after.substring(end), number + 1);
    }

    /** The whole number a policy's text gives as its {@code revision}, or null when it gives none (or is no YAML). */
    static Integer revisionOf(String text) {
        ScalarNode node = revision(compose(text));
        try {
            return node == null ? null : Integer.valueOf(node.getValue().strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static ScalarNode revision(Node root) {
        return root instanceof MappingNode m && YamlValueSpans.value(m, "revision") instanceof ScalarNode s ? s : null;
    }

    /** The text's YAML node tree, or null when it does not read as YAML. */
    private static Node compose(String text) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException notYaml) {
            return null;
        }
    }
}
