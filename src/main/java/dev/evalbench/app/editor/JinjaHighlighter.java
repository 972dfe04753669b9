package dev.evalbench.app.editor;

import dev.evalbench.core.service.UndefinedVariables;
import dev.evalbench.core.template.TemplateReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The style classes of a prompt file's text: YAML keys and comments, Jinja tags ({@code {% %}}), expressions
 * ({@code {{ }}}), comments ({@code {# #}}), the variables they read, and {@code undefined-var} on those the
 * chosen case does not define. Pure (RichTextFX's style model, no controls); cheap enough for every keystroke
 * on a prompt-sized file.
 */
final class JinjaHighlighter {
    static final String UNDEFINED = "undefined-var";
    private static final String[] CLASSES = {"yaml-key", "yaml-comment", "jinja-tag", "jinja-expr", "jinja-comment",
            "jinja-var", UNDEFINED};
    /** A key at the margin; the file's first may follow a byte order mark (Windows editors write one). */
    private static final Pattern YAML_KEY = Pattern.compile("(?m)^\uFEFF?([A-Za-z_][A-Za-z0-9_]*)(?=:)");
    private static final Pattern YAML_COMMENT = Pattern.compile("(?m)^\\s*#.*$");
    private static final Pattern JINJA = Pattern.compile(
            "(\\{#.*?#})|(\\{%(?:(?!\\{[{%#]).)*?%})|(\\{\\{(?:(?!\\{[{%#]).)*?}})", Pattern.DOTALL);

    private JinjaHighlighter() {}

    static StyleSpans<Collection<String>> styles(String text, List<UndefinedVariables.Undefined> undefined) {
        int[] bits = new int[text.length()];
        mark(bits, YAML_KEY.matcher(text), 1, 0);
        mark(bits, YAML_COMMENT.matcher(text), 0, 1);
        Matcher jinja = JINJA.matcher(text);
        while (jinja.find()) {
            int kind = jinja.group(1) != null ? 4 : jinja.group(2) != null ? 2 : 3;
            set(bits, jinja.start(), jinja.end(), kind);
        }
        for (TemplateReferences.Reference ref : TemplateReferences.in(text)) set(bits, ref.start(), ref.end(), 5);
        for (UndefinedVariables.Undefined u : undefined) {
            if (u.end() <= text.length()) set(bits, u.start(), u.end(), 6);
        }
        return StyleRuns.of(bits, JinjaHighlighter::classes);
    }

    private static void mark(int[] bits, Matcher m, int group, int kind) {
        while (m.find()) set(bits, m.start(group), m.end(group), kind);
    }

    private static void set(int[] bits, int from, int to, int kind) {
        for (int i = Math.max(0, from); i < Math.min(to, bits.length); i++) bits[i] |= 1 << kind;
    }

    private static Collection<String> classes(int mask) {
        List<String> classes = new ArrayList<>(2);
        for (int k = 0; k < CLASSES.length; k++) {
            if ((mask & (1 << k)) != 0) classes.add(CLASSES[k]);
        }
        return classes;
    }
}
