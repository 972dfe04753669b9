package dev.evalbench.core.workspace;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.lexer.LexerImpl;
import io.pebbletemplates.pebble.lexer.Token;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, when a prompt is loaded, the template constructs that reach outside the prompt text: the tags
 * {@code include}, {@code extends}, {@code import}, {@code from}, {@code embed} and {@code macro} (with the
 * string loader they would silently print their argument, or drop the whole body) and method calls on
 * values ({@code {{ ticket.getClass() }}}). Found with Pebble's own lexer, so the same words inside plain
 * text or string literals do not count. Each problem is reported at the file's own line and column.
 * Stateless and thread-safe.
 */
final class TemplateTagCheck {
    static final Set<String> REFUSED_TAGS = Set.of("include", "extends", "import", "from", "embed", "macro");
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder().build();

    private TemplateTagCheck() {}

    /** The first refused construct in the part at {@code pointer} ("/body", "/system"), if any. */
    static Optional<InputError> check(LocatedTree tree, String fileText, String pointer, String source) {
        if (source == null) return Optional.empty();
        List<Token> tokens;
        try {
            LexerImpl lexer = new LexerImpl(ENGINE.getSyntax(), ENGINE.getExtensionRegistry().getUnaryOperators().values(),
                    ENGINE.getExtensionRegistry().getBinaryOperators().values());
            tokens = lexer.tokenize(new StringReader(source), "template").getTokens();
        } catch (RuntimeException e) {
            return Optional.empty(); // a syntax error: the renderer's compile check reports it in its own words
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token before = i > 0 ? tokens.get(i - 1) : null;
            Token after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (t.getType() == Token.Type.NAME && before != null && before.getType() == Token.Type.EXECUTE_START
                    && REFUSED_TAGS.contains(t.getValue())) {
                return Optional.of(at(tree, fileText, pointer, t.getLineNumber(),
                        Pattern.compile("\\{%-?\\s*(" + t.getValue() + ")\\b"),
                        "the template tag {% " + t.getValue() + " %} is not allowed: a prompt is one self-contained text "
                                + "(include, extends, import, from, embed and macro are refused)"));
            }
            if (t.getType() == Token.Type.NAME && before != null && before.test(Token.Type.PUNCTUATION, ".")
                    && after != null && after.test(Token.Type.PUNCTUATION, "(")) {
                return Optional.of(at(tree, fileText, pointer, t.getLineNumber(),
                        Pattern.compile("\\.\\s*(" + Pattern.quote(t.getValue()) + ")\\s*\\("),
                        "method call ." + t.getValue() + "(...) is not allowed in a template: use variables, filters and tests"));
            }
        }
        return Optional.empty();
    }

    /**
     * The construct's place in the file: the part's line {@code partLine} is a file line at or just after the
     * part's value start (a block scalar's text starts on the line after its {@code |}); the column is where
     * the construct is found on that line.
     */
    private static InputError at(LocatedTree tree, String fileText, String pointer, int partLine, Pattern construct,
                                 String message) {
        SourceLocation start = tree.valueAt(pointer);
        String[] lines = fileText.split("\n", -1);
        for (int fileLine = start.line() + partLine - 1; fileLine <= start.line() + partLine && start.line() > 0; fileLine++) {
            if (fileLine < 1 || fileLine > lines.length) continue;
            Matcher m = construct.matcher(lines[fileLine - 1]);
            if (m.find()) {
                return new InputError(tree.file(), fileLine, m.start(1) + 1, message);
            }
        }
        return new InputError(tree.file(), start.line(), start.column(), message);
    }
}
