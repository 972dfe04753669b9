package dev.evalbench.core.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * The errors of one prompt file's text on its own, worded and placed as {@code validate} words them: YAML
 * syntax, then its keys and values against {@code prompt.schema.json} (an unknown key, a missing changelog).
 * For an editor, to say so while the author types rather than after a revision is saved. What needs the rest
 * of the workspace (the output schema's file, the cases' variables) is checked where the workspace loads.
 * Stateless; thread-safe.
 */
public final class PromptFileShape {
    private PromptFileShape() {}

    /** Empty when the text is a well-formed prompt file; otherwise its errors, in the order of the file. */
    public static List<InputError> problems(String path, String text) {
        LocatedTree tree;
        try {
            tree = LocatedTreeParser.parseYaml(path, text.getBytes(StandardCharsets.UTF_8));
        } catch (SourceSyntaxException e) {
            return List.of(e.error());
        }
        return WorkspaceSchemas.validate(WorkspaceSchemas.PROMPT, tree.root()).stream()
                .map(v -> LoadContext.locate(tree, v))
                .sorted(Comparator.comparingInt(InputError::line).thenComparingInt(InputError::column))
                .toList();
    }
}
