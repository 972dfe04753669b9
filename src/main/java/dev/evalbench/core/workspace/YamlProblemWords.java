package dev.evalbench.core.workspace;

import java.util.Map;

/**
 * SnakeYAML's problem and context phrases in the words of someone editing the file: its token names
 * ({@code <block end>}, {@code '<block mapping start>'}, {@code <stream end>}) become what they stand for, and the
 * mistakes every YAML author makes once (a tab, a {@code ": "} inside a value, a line indented unlike its
 * neighbours) say how to fix them. A phrase it does not know is returned as it is. Stateless.
 */
final class YamlProblemWords {
    private YamlProblemWords() {}

    /** What stands where the parser wanted the block to end, by SnakeYAML's quoted token name. */
    private static final Map<String, String> FOUND = Map.of(
            "'<block mapping start>'", "a key",
            "'<block sequence start>'", "a list",
            "'<scalar>'", "a value",
            "'?'", "a key ('? ')");

    /** The construct the parser was reading, as the file's author would name it. */
    private static final Map<String, String> CONTEXT = Map.of(
            "while parsing a block mapping", "in the block of keys",
            "while parsing a block collection", "in the list",
            "while parsing a flow sequence", "in the [ ] list",
            "while parsing a flow mapping", "in the { } mapping",
            "while scanning a quoted scalar", "in the quoted text",
            "while scanning a simple key", "in the key",
            "while parsing a block node", "in the value",
            "while parsing a flow node", "in the value");

    private static final String TAB =
            "found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)";
    private static final String NOT_HERE = "mapping values are not allowed here";
    private static final String BLOCK_END = "expected <block end>, but found ";

    /** The problem in plain words ("expected ',' or ']', but got the end of the file"). */
    static String problem(String problem) {
        if (problem.equals(TAB)) return "found a tab character: YAML indents with spaces, never tabs";
        if (problem.equals(NOT_HERE)) {
            return "a ': ' inside a value starts a new key, which is not allowed here: put the value in quotes";
        }
        if (problem.equals(BLOCK_END + "'-'")) {
            return "a list item ('- ') stands among keys: remove the '- ', or put the list under a key of its own";
        }
        if (problem.startsWith(BLOCK_END)) {
            String found = problem.substring(BLOCK_END.length());
            return "this line is indented unlike the lines above it: the block ended, but " + FOUND.getOrDefault(found, found)
                    + " follows; indent it as its neighbours are";
        }
        String words = problem.replace("unexpected end of stream", "the end of the file before it was closed")
                .replace("<stream end>", "the end of the file").replace("<block end>", "the end of the block")
                .replace(", but got :", ", but got ':'");
        // An unclosed bracket is found only where the parser gives up, often a line further on: say what to close.
        if (words.startsWith("expected ',' or ']'")) return "'[' is not closed: " + words;
        if (words.startsWith("expected ',' or '}'")) return "'{' is not closed: " + words;
        return words;
    }

    /** The context in plain words ("in the [ ] list"), or the phrase as it is. */
    static String context(String context) {
        return CONTEXT.getOrDefault(context, context);
    }
}
