package dev.evalbench.core.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.text.Utf8Files;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.JsonSyntaxMessage;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dataset's cases edited one at a time, as the workbench's dataset view edits them: a case's line as the file holds
 * it, shown as indented JSON, and the edited or new case written back as one line in the file's style, in its place
 * or after the last line; every other byte of the file stays as it was. Before anything is written the workspace is
 * loaded as it would read with the edit: a reason the loader gives with the edit that it did not give without it (a
 * label the output schema does not allow, an id another case has, a variable the template lacks) refuses the edit,
 * so a save never leaves the workspace unable to run for a mistake just made; problems it had before do not. The
 * write is atomic. Blocking file IO and a workspace load or two: call off the UI thread. Stateless.
 */
public final class CaseLines {
    /** Kept as written: {@code 0.10} stays {@code 0.10}, not {@code 0.1}; indented when written ({@link NewCaseText} too). */
    static final JsonMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(dev.evalbench.core.json.Json.prettyPrinter())
            .build();

    /**
     * What a save or a delete wrote: the case's id (null when it has none), the 1-based line the case is (or was) on,
     * that line (without its line end), and the eval set version each suite reading the file gives in evalbench.yaml
     * (by suite; empty when the workspace does not load for another reason), which the author raises once the edits
     * are done.
     */
    public record Saved(String id, int line, String text, Map<String, String> versions) {}

    private CaseLines() {}

    /** The text of line {@code line} (1-based) of a dataset, without its line end. */
    public static String line(Path workspace, String file, int line) throws IOException {
        String text = Utf8Files.read(workspace.resolve(file));
        int[] span = line < 1 ? null : span(text, line);
        if (span == null) throw new IOException(file + " has no line " + line);
        return text.substring(span[0], span[1]);
    }

    /**
     * The 1-based line of {@code file} that holds the case with {@code id}, its first if several do; 0 when none does.
     *
     * @throws IOException when the file cannot be read
     */
    public static int lineOf(Path workspace, String file, String id) throws IOException {
        String quoted = "\"" + id + "\"";
        List<String> lines = Utf8Files.read(workspace.resolve(file)).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(quoted) && id.equals(idOf(lines.get(i)))) return i + 1;
        }
        return 0;
    }

    /** A case's line as indented JSON to edit, or the line as it is when it is no JSON object. */
    public static String indented(String line) {
        try {
            JsonNode tree = JSON.readTree(line);
            return tree instanceof ObjectNode ? JSON.writeValueAsString(tree) : line;
        } catch (JsonProcessingException e) {
            return line;
        }
    }

    /**
     * Writes {@code edited} as line {@code line} of {@code file} (0: after the last line, a new case).
     *
     * @param opened the line's text when the edit began; the edit is refused when the file no longer holds it there
     * @throws EditRefusedException nothing written: the text is no JSON object, the workspace would refuse it, or the
     *     line changed on disk since it was opened
     * @throws IOException the file cannot be read or written
     */
    public static Saved save(Path workspace, String file, int line, String opened, String edited, Map<String, String> env)
            throws EditRefusedException, IOException {
        ObjectNode tree = parse(edited);
        String one = oneLine(tree);
        String before = Utf8Files.read(workspace.resolve(file));
        String after;
        int at;
        if (line > 0) {
            // The line's text alone is replaced, its line end and every other byte kept (mixed line ends too).
            int[] span = span(before, line);
            if (span == null || !before.substring(span[0], span[1]).equals(opened)) {
                throw new EditRefusedException(file + " changed since this case was opened: line " + line
                        + " no longer reads as it did. Close the edit and open the case again");
            }
            after = before.substring(0, span[0]) + one + before.substring(span[1]);
            at = line;
        } else {
            String newline = before.contains("\r\n") ? "\r\n" : "\n";
            String head = before.isEmpty() || before.endsWith("\n") ? before : before + newline;
            after = head + one + newline;
            // The head ends with its last line's end, so the new line's number is one more than the line ends before it.
            at = (int) head.chars().filter(c -> c == '\n').count() + 1;
        }
        EditedWorkspace.Loaded loaded = refuseNewProblems(workspace, file, at, before, after, env);
        AtomicFiles.write(workspace.resolve(file), after.getBytes(StandardCharsets.UTF_8));
        return new Saved(tree.path("id").isTextual() ? tree.get("id").asText() : null, at, one, versions(loaded, file));
    }

    /** The eval set version each suite reading {@code file} gives, by suite; empty when the workspace did not load. */
    private static Map<String, String> versions(EditedWorkspace.Loaded loaded, String file) {
        return loaded.workspace() == null ? Map.of() : versionsOf(loaded.workspace(), file);
    }

    /** The eval set version each suite of {@code ws} reading dataset {@code file} gives in evalbench.yaml, by suite name. */
    public static Map<String, String> versionsOf(Workspace ws, String file) {
        Map<String, String> versions = new java.util.TreeMap<>();
        for (SuiteSpec suite : ws.suites()) {
            if (suite.dataset().equals(file)) versions.put(suite.name(), suite.version());
        }
        return versions;
    }

    /**
     * Removes case {@code id} from {@code file}, where it was read on line {@code line}: the line and its line end; every
     * other byte is kept. The returned {@link Saved} names the line the case was on and its text, as it was.
     *
     * @throws EditRefusedException nothing written: line {@code line} is no longer case {@code id} (the file changed since
     *     it was read), or the workspace would refuse the file without it
     */
    public static Saved delete(Path workspace, String file, int line, String id, Map<String, String> env)
            throws EditRefusedException, IOException {
        String before = Utf8Files.read(workspace.resolve(file));
        int[] span = span(before, line);
        String text = span == null ? null : before.substring(span[0], span[1]);
        if (text == null || !id.equals(idOf(text))) {
            throw new EditRefusedException(file + " changed since its cases were read: line " + line + " is no longer case "
                    + id + ". Nothing was deleted; look again once the table has read the file anew");
        }
        int end = before.indexOf('\n', span[1]);
        String after = before.substring(0, span[0]) + (end < 0 ? "" : before.substring(end + 1));
        EditedWorkspace.Loaded loaded = refuseNewProblems(workspace, file, line, before, after, env);
        AtomicFiles.write(workspace.resolve(file), after.getBytes(StandardCharsets.UTF_8));
        return new Saved(id, line, text, versions(loaded, file));
    }

    /** The id of the case a line holds, or null when it is no case with one. */
    public static String idOf(String line) {
        try {
            JsonNode tree = JSON.readTree(line);
            return tree != null && tree.path("id").isTextual() ? tree.get("id").asText() : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** The edited text as one JSON line in the datasets' style ({@code {"id": "t1", "vars": {…}}}). */
    static String oneLine(String edited) throws EditRefusedException {
        return oneLine(parse(edited));
    }

    private static String oneLine(ObjectNode tree) {
        try {
            return JSON.writer(new SpacedPrinter()).without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always writes", e);
        }
    }

    /** The edited text as a JSON object, or where and why it is none. */
    private static ObjectNode parse(String edited) throws EditRefusedException {
        JsonNode tree;
        try {
            tree = JSON.readTree(edited);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            throw new EditRefusedException(List.of("line " + line + ", column " + column + ": " + JsonSyntaxMessage.describe(e)),
                    line, column);
        }
        if (tree instanceof ObjectNode object) return object;
        String found = tree == null || tree.isMissingNode() ? "nothing"
                : "a " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        throw new EditRefusedException(List.of("a case is one JSON object ({\"id\": …, \"vars\": {…}, …}), not " + found), 1, 1);
    }

    /** The workspace as it reads with the edit; throws the reasons to refuse it that it had not without the edit. */
    static EditedWorkspace.Loaded refuseNewProblems(Path workspace, String file, int line, String before, String after,
                                                    Map<String, String> env) throws EditRefusedException {
        EditedWorkspace.Loaded edited = EditedWorkspace.load(workspace, file, after, env);
        if (edited.errors().isEmpty()) return edited;
        List<InputError> added = EditedWorkspace.added(EditedWorkspace.load(workspace, file, before, env).errors(),
                edited.errors());
        List<String> reasons = new ArrayList<>();
        for (InputError e : added) {
            // The edited case's own line is not written yet: its place in the file would say nothing to its author.
            reasons.add(e.file().equals(file) && e.line() == line ? e.message() : e.toString());
        }
        if (!reasons.isEmpty()) throw new EditRefusedException(reasons, 0, 0);
        return edited;
    }

    /** Where line {@code line} (1-based) of {@code text} begins and ends, its line end left out; null past the last. */
    private static int[] span(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int end = text.indexOf('\n', start);
            if (end < 0) return null;
            start = end + 1;
        }
        if (start >= text.length()) return null;
        int end = text.indexOf('\n', start);
        if (end < 0) end = text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return new int[] {start, end};
    }

    /** One line, with a space after each colon and comma, as the datasets Evalbench writes and ships read. */
    private static final class SpacedPrinter extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
