package dev.evalbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of a Markdown file: every fenced block whose info string is {@code bash}, {@code sh} or
 * {@code shell}, with its line number and the docs-test marker of the HTML comment right above it, if any
 * ({@code <!-- docs-test: skip REASON -->}). Blocks without a language (sample output) are not shell.
 */
final class MarkdownShellBlocks {
    /** One block: where it starts (1-based line of its first command), its text, and its marker or null. */
    record Block(Path file, int line, String text, String skipReason) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line;
        }
    }

    static final String MARKER = "docs-test: skip";
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern SKIP = Pattern.compile("<!--\\s*" + MARKER + "\\s+(.+?)\\s*-->");

    private MarkdownShellBlocks() {}

    static List<Block> of(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) continue;
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) end++;
            String lang = open.group(1);
            if (List.of("bash", "sh", "shell").contains(lang)) {
                String skip = null;
                if (i > 0) {
                    Matcher m = SKIP.matcher(lines.get(i - 1));
                    if (m.find()) skip = m.group(1);
                }
                blocks.add(new Block(file, i + 2, String.join("\n", lines.subList(i + 1, end)) + "\n", skip));
            }
            i = end;
        }
        return blocks;
    }
}
