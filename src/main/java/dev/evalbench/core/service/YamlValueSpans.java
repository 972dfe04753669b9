package dev.evalbench.core.service;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where each top-level scalar value of a YAML document sits in its text, so the text can be edited in place
 * (comments, blank lines and key order untouched) instead of being re-serialized. Offsets are {@code char}
 * indexes into the text; {@code end} is exclusive and, for a block scalar ({@code |}), stops after its last
 * content line, before that line's break (trailing spaces of that line fall outside too). Stateless.
 */
final class YamlValueSpans {
    /** A value's span, the line its key is on (0-based) and the column where the key starts. */
    record Span(int start, int end, int keyLine, int keyColumn, boolean block, boolean quoted) {
        /** The indentation the block's content uses, else two spaces more than its key. */
        int indent(String text) {
            if (block) {
                int lineStart = text.indexOf('\n', start) + 1;
                while (lineStart > 0 && lineStart < end) {
                    int lineEnd = text.indexOf('\n', lineStart);
                    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
                    if (!line.isBlank()) return line.length() - line.stripLeading().length();
                    lineStart = lineEnd + 1;
                }
            }
            return keyColumn + 2;
        }

        /**
         * Where offset {@code at} of the value's text sits in the file text: exact for literal blocks and plain
         * scalars, approximate for quoted ones with escapes; -1 when it cannot be placed.
         */
        int fileOffset(String text, String value, int at) {
            if (!block) return Math.min(start + (quoted ? 1 : 0) + at, end);
            int line = 0;
            int col = at;
            for (int i = 0; i < at; i++) {
                if (value.charAt(i) == '\n') {
                    line++;
                    col = at - i - 1;
                }
            }
            int lineStart = text.indexOf('\n', start) + 1;
            for (int k = 0; k < line && lineStart > 0; k++) lineStart = text.indexOf('\n', lineStart) + 1;
            if (lineStart <= 0) return -1;
            int offset = lineStart + indent(text) + col;
            return offset <= end ? offset : -1;
        }
    }

    private YamlValueSpans() {}

    /**
     * The spans of the top-level scalar values, by key, in file order.
     *
     * @throws PromptFileException when the text is not YAML or its top level is not a mapping
     */
    static Map<String, Span> of(String file, String text) throws PromptFileException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // In validate's words for the same mistake (a line at the margin inside a block, say).
            dev.evalbench.core.workspace.InputError error = dev.evalbench.core.workspace.YamlSyntaxMessage.of(file, e, text);
            throw new PromptFileException(file, error.line(), error.column(), error.message());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new PromptFileException(file, 1, 1, "expected a mapping of keys (id, revision, body, ...)");
        }
        Map<String, Span> spans = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || !(tuple.getValueNode() instanceof ScalarNode value)) continue;
            Character style = value.getScalarStyle().getChar();
            boolean block = style != null && (style == '|' || style == '>');
            boolean quoted = style != null && (style == '"' || style == '\'');
            int start = offset(text, value.getStartMark());
            int end = offset(text, value.getEndMark());
            // a block's end mark lies past its trailing line breaks; the span stops after its last content line
            while (block && end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
            spans.put(key.getValue(), new Span(start, end,
                    key.getStartMark().getLine(), key.getStartMark().getColumn(), block, quoted));
        }
        return spans;
    }

    /** Where {@code mark} lies in {@code text}: SnakeYAML counts code points, Java strings count chars. */
    static int offset(String text, Mark mark) {
        return text.offsetByCodePoints(0, Math.min(mark.getIndex(), text.codePointCount(0, text.length())));
    }

    /** The value of {@code key} in {@code mapping}, or null when the mapping has no such key. */
    static Node value(MappingNode mapping, String key) {
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }
}
