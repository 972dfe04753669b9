package dev.evalbench.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a new revision of a prompt template file by editing its text, never by re-serializing it: only the
 * values of {@code revision}, {@code changelog} (and, for a rollback, {@code system} and {@code body}) change;
 * comments, blank lines, key order and quoting elsewhere stay as the author wrote them. History is never
 * rewritten: every save and every rollback is revision + 1 with a changelog line of its own. Pure functions of
 * the text; the caller reads and writes the file. Thread-safe.
 */
public final class PromptRevisions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptRevisions() {}

    /**
     * The file's text as the next revision: {@code revision} + 1 and {@code changelog} set to the line given.
     *
     * @throws PromptFileException when the changelog is blank or spans lines, the text is not YAML, or it has no
     *     whole-number {@code revision}
     */
    public static String nextRevision(String file, String text, String changelog) throws PromptFileException {
        return nextRevision(file, text, changelog, -1);
    }

    /**
     * The file's text as the revision after {@code saved}, the revision the file holds on disk: {@code saved} + 1,
     * unless the text already declares a higher number, which the author typed and is kept. A {@code saved} below
     * 0 (no file, or none that parses) counts as the text's own revision. Either way the number only grows.
     *
     * @throws PromptFileException as {@link #nextRevision(String, String, String)}
     */
    public static String nextRevision(String file, String text, String changelog, int saved) throws PromptFileException {
        if (changelog == null || changelog.isBlank()) {
            throw new PromptFileException(file, 0, 0, "a changelog line is required to save a revision");
        }
        if (changelog.contains("\n") || changelog.contains("\r")) {
            throw new PromptFileException(file, 0, 0, "the changelog is one line");
        }
        Map<String, YamlValueSpans.Span> spans = YamlValueSpans.of(file, text);
        YamlValueSpans.Span revision = spans.get("revision");
        if (revision == null) throw new PromptFileException(file, 1, 1, "has no revision: add \"revision: 1\"");
        int current;
        try {
            current = Integer.parseInt(text.substring(revision.start(), revision.end()).trim());
        } catch (NumberFormatException e) {
            throw new PromptFileException(file, revision.keyLine() + 1, revision.keyColumn() + 1,
                    "revision must be a whole number, not \"" + text.substring(revision.start(), revision.end()) + "\"");
        }
        int after = saved < 0 ? current : saved;
        int next = current > after ? current : after + 1;
        List<Edit> edits = new ArrayList<>();
        edits.add(new Edit(revision.start(), revision.end(), Integer.toString(next)));
        YamlValueSpans.Span old = spans.get("changelog");
        if (old != null) {
            edits.add(new Edit(old.start(), old.end(), quoted(changelog)));
        } else {
            int lineEnd = text.indexOf('\n', revision.end());
            int at = lineEnd < 0 ? text.length() : lineEnd;
            edits.add(new Edit(at, at, "\n" + " ".repeat(revision.keyColumn()) + "changelog: " + quoted(changelog)));
        }
        return apply(text, edits);
    }

    /** The revision number the file's text declares, or -1 when it has none that parses. */
    public static int revisionOf(String file, String text) {
        try {
            YamlValueSpans.Span revision = YamlValueSpans.of(file, text).get("revision");
            return revision == null ? -1 : Integer.parseInt(text.substring(revision.start(), revision.end()).trim());
        } catch (PromptFileException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The file's text as a new revision carrying an older revision's template parts: {@code system} and
     * {@code body} replaced (as literal blocks, at the file's indentation), revision + 1, and the changelog
     * "Roll back to revision N". A null {@code system} leaves the file's system part as it is.
     */
    public static String rollback(String file, String text, String system, String body, int toRevision)
            throws PromptFileException {
        Map<String, YamlValueSpans.Span> spans = YamlValueSpans.of(file, text);
        List<Edit> edits = new ArrayList<>();
        String tail = "";
        for (Map.Entry<String, String> part : new java.util.LinkedHashMap<>(Map.of("system", nullToEmpty(system), "body", body)).entrySet()) {
            if (part.getKey().equals("system") && system == null) continue;
            YamlValueSpans.Span span = spans.get(part.getKey());
            if (span == null) {
                tail += (text.endsWith("\n") ? "" : "\n") + part.getKey() + ": " + LiteralBlock.of(part.getValue(), 2) + "\n";
            } else {
                edits.add(new Edit(span.start(), span.end(), LiteralBlock.of(part.getValue(), span.indent(text))));
            }
        }
        return nextRevision(file, apply(text, edits) + tail, "Roll back to revision " + toRevision);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String quoted(String line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    private record Edit(int start, int end, String replacement) {}

    /** Applies edits from the end of the text backwards, so earlier offsets stay valid. */
    private static String apply(String text, List<Edit> edits) {
        StringBuilder out = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(e -> out.replace(e.start(), e.end(), e.replacement()));
        return out.toString();
    }
}
