package dev.evalbench.core.service;

/**
 * Writes a string as a YAML literal block scalar ({@code |}) that reads back as exactly that string: the
 * chomping indicator keeps its trailing line breaks ({@code |-} none, {@code |} one, {@code |+} more) and an
 * indentation indicator is added when the first line starts with a space. The result starts at the indicator
 * and ends after the last content line, without a final break. Stateless.
 */
final class LiteralBlock {
    private LiteralBlock() {}

    static String of(String value, int indent) {
        String content = value;
        int breaks = 0;
        while (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
            breaks++;
        }
        StringBuilder out = new StringBuilder("|");
        if (content.startsWith(" ")) out.append(indent);
        out.append(breaks == 0 ? "-" : breaks == 1 ? "" : "+");
        String pad = " ".repeat(indent);
        for (String line : content.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) out.append(pad).append(line);
        }
        for (int i = 1; i < breaks; i++) out.append('\n');
        return out.toString();
    }
}
