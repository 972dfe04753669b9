package dev.evalbench.app.editor;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The style classes of a configuration file's text, in the template editor's colours: keys ({@code yaml-key}: a YAML
 * key at any depth, in a block or a flow mapping, or a JSON object's member name) and YAML comments
 * ({@code yaml-comment}: from a {@code #} that starts a line or follows a space, outside quotes, to the line's end).
 * A reading aid, not a parser: a text that is no YAML is styled as far as it goes. Pure (RichTextFX's style model);
 * cheap enough for every keystroke on a configuration-sized file.
 */
final class ConfigHighlighter {
    static final String KEY = "yaml-key";
    static final String COMMENT = "yaml-comment";
    /** A key: at a line's start (after its indentation and any list dashes) or after a flow mapping's brace or comma. */
    private static final Pattern YAML_KEY =
            Pattern.compile("(?m)(?:^[ \\t]*(?:-[ \\t]+)*|[{,][ \\t]*)([A-Za-z_][\\w.-]*)(?=:(?:[ \\t]|$))");
    private static final Pattern JSON_KEY = Pattern.compile("(\"(?:[^\"\\\\\\n]|\\\\.)*\")(?=\\s*:)");

    private ConfigHighlighter() {}

    static StyleSpans<Collection<String>> styles(String text, boolean yaml) {
        int[] kinds = new int[text.length()];
        Matcher keys = (yaml ? YAML_KEY : JSON_KEY).matcher(text);
        while (keys.find()) fill(kinds, keys.start(1), keys.end(1), 1);
        if (yaml) markComments(text, kinds);
        return StyleRuns.of(kinds, kind -> kind == 0 ? List.of() : List.of(kind == 1 ? KEY : COMMENT));
    }

    /** Each line's comment, outside single and double quotes. */
    private static void markComments(String text, int[] kinds) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                quote = 0;
            } else if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                int end = text.indexOf('\n', i);
                if (end < 0) end = text.length();
                fill(kinds, i, end, 2);
                i = end - 1;
            }
        }
    }

    private static void fill(int[] kinds, int from, int to, int kind) {
        for (int i = from; i < to; i++) kinds[i] = kind;
    }
}
