package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The cases of one suite, held compactly: the dataset file's bytes (one array, shared by every suite that reads
 * the file) and where each case's line lies in them, with the case's id and tags. {@link #get} parses the line
 * and builds the case each time it is called, preprocessing included, so a run of 100,000 cases holds the
 * dataset's bytes and a few ints a case rather than 100,000 JSON trees (about 2.3 KB a case); a worker builds a
 * case's tree when it takes the case and drops it when the case is stored.
 *
 * <p>Every line was parsed and checked when the dataset was loaded ({@link DatasetReader}); building it again
 * finds no error (if it did, the bytes in memory changed, and {@link #get} throws {@link IllegalStateException}).
 * Each call returns a new case whose trees the caller owns: two readers never see each other's changes.
 * Immutable and thread-safe.
 */
public final class DatasetCases extends AbstractList<EvalCase> implements RandomAccess {
    /** What a suite makes of a line's tree: its kind, the workspace's preprocessing, whether it has judges. */
    record Shape(String file, SuiteKind kind, Preprocessor preprocessor, boolean judged) {
        /** The case of a line that passed the load's checks ({@code labels} were checked then, so none is off). */
        EvalCase build(JsonNode root, String id, List<String> tags, int line) {
            Map<String, Integer> labels = new LinkedHashMap<>();
            JsonNode given = root.get("labels");
            if (judged && given != null) given.fields().forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asInt()));
            ObjectNode vars = (ObjectNode) root.get("vars");
            preprocessor.apply(vars);
            boolean safety = kind == SuiteKind.SAFETY;
            return new EvalCase(id, vars,
                    safety ? null : (ObjectNode) root.get("expected"),
                    DatasetReader.restrictedValues(root.get("restricted")),
                    tags,
                    safety ? DatasetReader.expectation(root.get("expect")) : null,
                    safety && Trees.bool(root, "blocking", true),
                    file, line, labels);
        }
    }

    private final Shape shape;
    private final byte[] bytes;
    private final int[] starts;
    private final int[] ends;
    private final int[] lines;
    private final String[] ids;
    private final List<List<String>> tags;

    private DatasetCases(Shape shape, byte[] bytes, int[] starts, int[] ends, int[] lines, String[] ids, List<List<String>> tags) {
        this.shape = shape;
        this.bytes = bytes;
        this.starts = starts;
        this.ends = ends;
        this.lines = lines;
        this.ids = ids;
        this.tags = tags;
    }

    /** The case at {@code index}, built from its line now (a new tree on every call). */
    @Override
    public EvalCase get(int index) {
        Objects.checkIndex(index, ids.length);
        String line = lineText(bytes, starts[index], ends[index], lines[index] == 1);
        JsonNode root;
        try {
            root = LocatedTreeParser.parseJsonLine(shape.file(), line, lines[index]).root();
        } catch (SourceSyntaxException e) {
            throw new IllegalStateException("line " + lines[index] + " of " + shape.file()
                    + " parsed when the dataset was loaded and no longer does: " + e.getMessage(), e);
        }
        return shape.build(root, ids[index], tags.get(index), lines[index]);
    }

    @Override
    public int size() {
        return ids.length;
    }

    /** The id of the case at {@code index}, without building the case. */
    public String id(int index) {
        return ids[index];
    }

    /** The tags of the case at {@code index}, without building the case. */
    public List<String> tags(int index) {
        return tags.get(index);
    }

    /** The id of {@code cases.get(index)}: without building the case when the list is a dataset's. */
    public static String idOf(List<EvalCase> cases, int index) {
        return cases instanceof DatasetCases d ? d.id(index) : cases.get(index).id();
    }

    /** The tags of {@code cases.get(index)}: without building the case when the list is a dataset's. */
    public static List<String> tagsOf(List<EvalCase> cases, int index) {
        return cases instanceof DatasetCases d ? d.tags(index) : cases.get(index).tags();
    }

    /** Where the line starting at {@code start} ends: its line feed, or the end of the bytes. */
    static int lineEnd(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') return i;
        }
        return bytes.length;
    }

    /**
     * The text of the line in {@code bytes[start, end)} as the loader reads it: UTF-8 (the whole file was checked),
     * without a trailing carriage return, and on the first line without the byte-order mark the file's decoding
     * drops and one more that the line reading drops.
     */
    static String lineText(byte[] bytes, int start, int end, boolean first) {
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        if (first && line.startsWith("\uFEFF")) line = line.substring(1);
        if (first && line.startsWith("\uFEFF")) line = line.substring(1);
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        return line;
    }

    /** Collects the cases of one suite as its dataset is read, line by line. Confined to the loading thread. */
    static final class Builder {
        private final Shape shape;
        private final byte[] bytes;
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int[] lines = new int[64];
        private final List<String> ids = new ArrayList<>();
        private final List<List<String>> tags = new ArrayList<>();
        /** Tag lists repeat (a few dozen distinct ones over a large dataset): each distinct one is held once. */
        private final Map<List<String>, List<String>> distinctTags = new HashMap<>();

        Builder(Shape shape, byte[] bytes) {
            this.shape = shape;
            this.bytes = bytes;
        }

        void add(int start, int end, int line, String id, List<String> caseTags) {
            int n = ids.size();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
                lines = Arrays.copyOf(lines, n * 2);
            }
            starts[n] = start;
            ends[n] = end;
            lines[n] = line;
            ids.add(id);
            tags.add(distinctTags.computeIfAbsent(List.copyOf(caseTags), t -> t));
        }

        boolean isEmpty() {
            return ids.isEmpty();
        }

        DatasetCases build() {
            int n = ids.size();
            return new DatasetCases(shape, bytes, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(lines, n),
                    ids.toArray(String[]::new), List.copyOf(tags));
        }
    }
}
