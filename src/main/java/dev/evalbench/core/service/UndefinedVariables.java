package dev.evalbench.core.service;

import dev.evalbench.core.template.TemplateReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variables a prompt file's template parts ({@code system}, {@code body}) read that a case does not
 * define, placed in the file's own text (offsets into the whole YAML file, 1-based line and column), so an
 * editor of the file can underline them as the author types. Pure; thread-safe.
 */
public final class UndefinedVariables {
    /** One undefined variable: the part it is in, its dotted path and its place in the file text. */
    public record Undefined(String part, String path, int start, int end, int line, int column) {}

    private UndefinedVariables() {}

    /**
     * @throws PromptFileException when the text is not a prompt file that parses (the editor shows that instead)
     */
    public static List<Undefined> in(String file, String text, Map<String, Object> vars) throws PromptFileException {
        PromptParts parts = PromptParts.parse(file, text);
        Map<String, YamlValueSpans.Span> spans = YamlValueSpans.of(file, text);
        List<Undefined> found = new ArrayList<>();
        add(found, "system", parts.system(), spans.get("system"), text, vars);
        add(found, "body", parts.body(), spans.get("body"), text, vars);
        return found;
    }

    private static void add(List<Undefined> found, String part, String value, YamlValueSpans.Span span, String text,
                            Map<String, Object> vars) {
        if (value == null || span == null) return;
        for (TemplateReferences.Reference ref : TemplateReferences.undefinedIn(value, vars)) {
            int start = span.fileOffset(text, value, ref.start());
            if (start < 0) continue;
            int end = Math.min(start + (ref.end() - ref.start()), text.length());
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < start; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            found.add(new Undefined(part, ref.path(), start, end, line, start - lineStart + 1));
        }
    }
}
