package dev.evalbench.core.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a prompt part's text lies in its file, to name a template problem at the line the author edits rather
 * than at a line of the part: the file line of the part's first line, when the part's lines are the file's lines
 * one for one (a literal block, {@code system: |}, or a value on one line). A folded ({@code >}) or quoted
 * multi-line value joins lines, so its part lines are no file lines: then none. Read on the error path only (it
 * parses the file again with locations, which loading skips). Stateless.
 */
public final class PromptPartLines {
    private PromptPartLines() {}

    /**
     * The file line of line 1 of {@code part} ("system" or "body") of the prompt file {@code file}, or 0 when its
     * lines are not the file's lines one for one, or the file cannot be read or parsed again.
     */
    public static int firstLine(WorkspaceFiles files, String file, String part) {
        try {
            return firstLine(file, files.read(file), part);
        } catch (IOException e) {
            return 0;
        }
    }

    /** As {@link #firstLine(WorkspaceFiles, String, String)}, for a prompt file's bytes (an editor's text). */
    public static int firstLine(String file, byte[] bytes, String part) {
        LocatedTree tree;
        try {
            tree = LocatedTreeParser.parseYaml(file, bytes);
        } catch (SourceSyntaxException e) {
            return 0;
        }
        String value = Trees.text(tree.root(), part);
        SourceLocation at = tree.valueAt("/" + part);
        if (value == null || at.line() < 1 || !tree.root().has(part)) return 0;
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (at.line() > lines.length) return 0;
        String from = lines[at.line() - 1].substring(Math.min(Math.max(at.column() - 1, 0), lines[at.line() - 1].length()));
        if (from.startsWith("|")) return at.line() + 1;
        return !from.startsWith(">") && value.indexOf('\n') < 0 ? at.line() : 0;
    }
}
