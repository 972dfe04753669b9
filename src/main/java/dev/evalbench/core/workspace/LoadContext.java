package dev.evalbench.core.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The state of one workspace load: where files come from, the errors found so far (all of them, across
 * files) and the digest of every file read. Confined to the loading thread.
 */
final class LoadContext {
    private final WorkspaceFiles files;
    private final List<InputError> errors = new ArrayList<>();
    private final Map<String, String> digests = new TreeMap<>();
    private final Map<String, String> vouched;
    private final boolean forReading;
    private final boolean trustVouched;
    private final CheckedLines checkedLines = new CheckedLines();
    /**
     * The bytes of every file read so far, by path: a file two suites name (one dataset, two prompts) is read
     * and hashed once, and both see the same bytes. Hashing a 21 MB dataset costs about a quarter of a second
     * where the JVM runs without its optimizing compiler (the SHA-256 intrinsics are the C2 compiler's).
     */
    private final Map<String, byte[]> read = new HashMap<>();
    /**
     * The restricted values of each vouched dataset, by path, read on first use: the suites over one dataset (one
     * per prompt) share one pass over its bytes instead of one each.
     */
    private final Map<String, SharedScan> restrictedScans = new HashMap<>();

    LoadContext(WorkspaceFiles files) {
        this(files, Map.of(), false);
    }

    /**
     * @param vouched files (path to SHA-256) known to have passed every check together, as the inputs of a
     *     stored run did when it was made; empty when nothing is vouched for
     * @param forReading the workspace is loaded to read stored runs (gates, masks), never to call a route
     */
    LoadContext(WorkspaceFiles files, Map<String, String> vouched, boolean forReading) {
        this(files, vouched, forReading, true);
    }

    /** @param trustVouched whether {@link #checkedByItsRun} may be true; false makes every check */
    LoadContext(WorkspaceFiles files, Map<String, String> vouched, boolean forReading, boolean trustVouched) {
        this.files = files;
        this.vouched = Map.copyOf(vouched);
        this.forReading = forReading;
        this.trustVouched = trustVouched;
    }

    /**
     * True when no route will be called: an environment variable a route's settings name but this shell lacks
     * (a base URL set only in CI) is then no error, and the setting keeps its {@code ${NAME}} text.
     */
    boolean forReading() {
        return forReading;
    }

    /**
     * True when the checks that only refuse bad input may be left out: this load reads a stored run (nothing it
     * reads is sent to a model or evaluated; its rules, prompts and schemas serve gates and masks) and every file
     * read so far is byte for byte one that run's own load checked. The files' schemas, the output schemas against
     * JSON Schema's and the policy's rules type-checked by CEL passed then; made again, they were a third of the
     * workspace load that {@code compare} and {@code gate} of a stored run wait for.
     */
    boolean checkedByItsRun() {
        return trustVouched && forReading && vouchedSoFar();
    }

    /** The restricted values of {@code dataset}'s {@code bytes} ({@link RestrictedValuesScan}), scanned once. */
    synchronized Supplier<Map<String, List<String>>> restrictedScan(String dataset, byte[] bytes) {
        return restrictedScans.computeIfAbsent(dataset, d -> new SharedScan(d, bytes));
    }

    /** One dataset's scan, made by whichever suite asks first; thread-safe. */
    private static final class SharedScan implements Supplier<Map<String, List<String>>> {
        private String dataset;
        private byte[] bytes;
        private Map<String, List<String>> values;

        SharedScan(String dataset, byte[] bytes) {
            this.dataset = dataset;
            this.bytes = bytes;
        }

        @Override
        public synchronized Map<String, List<String>> get() {
            if (values == null) {
                values = RestrictedValuesScan.of(dataset, bytes);
                bytes = null; // the scan is all a reader needs of them from now on
                dataset = null;
            }
            return values;
        }
    }

    WorkspaceFiles files() {
        return files;
    }

    void add(InputError error) {
        errors.add(error);
    }

    int errorCount() {
        return errors.size();
    }

    /** The errors grouped by file (files in the order first reported), each file's in line and column order. */
    List<InputError> errors() {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (InputError e : errors) fileOrder.putIfAbsent(e.file(), fileOrder.size());
        List<InputError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.<InputError>comparingInt(e -> fileOrder.get(e.file()))
                .thenComparingInt(InputError::line).thenComparingInt(InputError::column));
        return sorted;
    }

    /**
     * {@link #errors()}, each said once: a dataset that two suites read has its bad line found by both, and the
     * author was told the same file, line and message twice.
     */
    List<InputError> distinctErrors() {
        return errors().stream().distinct().toList();
    }

    Map<String, String> digests() {
        return digests;
    }

    /** What this load has checked of the datasets more than one suite reads. */
    CheckedLines checkedLines() {
        return checkedLines;
    }

    /**
     * True when every file read so far is byte for byte one of the vouched files: whatever was checked of
     * them together (a dataset against its suite, the policy and the manifest) holds again, and need not be
     * checked twice. False when nothing is vouched for, or one file differs or was not among them.
     */

    boolean vouchedSoFar() {
        if (vouched.isEmpty() || digests.isEmpty()) return false;
        for (Map.Entry<String, String> read : digests.entrySet()) {
            if (!read.getValue().equals(vouched.get(read.getKey()))) return false;
        }
        return true;
    }

    /** Reads a file the workspace must have; null (with the error recorded) when it is missing or unreadable. */
    byte[] readRequired(String path) {
        return readRequired(path, null);
    }

    /**
     * As {@link #readRequired(String)}; a missing file's error also says what the file is for ({@code purpose},
     * e.g. "the decision policy: allowed_actions and fallback_action at least"), so a first workspace can be
     * completed from the message.
     */
    byte[] readRequired(String path, String purpose) {
        try {
            return read(path);
        } catch (NoSuchFileException e) {
            add(new InputError(path, 0, 0, "not found in " + files.describe()
                    + (purpose == null ? "" : ": every workspace has " + purpose + " (docs/workspace-format.md)")));
        } catch (IOException e) {
            add(new InputError(path, 0, 0, "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    /**
     * Reads a file named by another file; a missing one is reported where it is named, as
     * {@code evalbench.yaml:12:14: dataset "datasets/x.jsonl" does not exist}. Null when unusable.
     */
    byte[] readReferenced(String path, LocatedTree from, String pointer, String what) {
        try {
            return read(path);
        } catch (NoSuchFileException e) {
            add(from.errorAt(pointer, what + " \"" + path + "\" does not exist"));
        } catch (IOException e) {
            add(from.errorAt(pointer, what + " \"" + path + "\" cannot be read: " + e.getMessage()));
        }
        return null;
    }

    private byte[] read(String path) throws IOException {
        byte[] known = read.get(path);
        if (known != null) return known;
        WorkspaceFiles.DigestedBytes file = files.readDigested(path);
        digests.put(path, file.sha256());
        read.put(path, file.bytes());
        return file.bytes();
    }

    /** The file as UTF-8 text; null (error recorded at the first bad byte's line and column) when it is not UTF-8. */
    String decodeUtf8(String path, byte[] bytes) {
        try {
            return Utf8Text.decode(path, bytes);
        } catch (SourceSyntaxException e) {
            add(e.error());
            return null;
        }
    }

    /**
     * Whether the file is UTF-8, checked without holding its text (a large dataset is read line by line);
     * false (error recorded at the first bad byte's line and column) when it is not.
     */
    boolean checkUtf8(String path, byte[] bytes) {
        try {
            Utf8Text.check(path, bytes);
            return true;
        } catch (SourceSyntaxException e) {
            add(e.error());
            return false;
        }
    }

    /** A YAML file as a located tree; null (error recorded) on a syntax error. */
    LocatedTree parseYaml(String path, byte[] bytes) {
        try {
            return LocatedTreeParser.parseYaml(path, bytes);
        } catch (SourceSyntaxException e) {
            add(e.error());
            return null;
        }
    }

    /** Checks a parsed file against its bundled schema, recording every violation; true when it conforms. */
    boolean conforms(LocatedTree tree, String schemaName) {
        return conforms(tree, schemaName, Set.of());
    }

    /**
     * As {@link #conforms(LocatedTree, String)}, leaving out violations at {@code unjudged} pointers: values that
     * still hold an environment reference's text (its variable unset, or the reference in error, recorded already).
     */
    boolean conforms(LocatedTree tree, String schemaName, Set<String> unjudged) {
        if (checkedByItsRun()) return true;
        List<SchemaViolation> violations = WorkspaceSchemas.validate(schemaName, tree.root()).stream()
                .filter(v -> v.isKeyProblem() || !unjudged.contains(v.pointer()))
                .toList();
        addViolations(tree, violations);
        return violations.isEmpty();
    }

    /** Records schema violations as located, plainly worded errors, in the order they appear in the file. */
    void addViolations(LocatedTree tree, List<SchemaViolation> violations) {
        List<InputError> located = new ArrayList<>();
        for (SchemaViolation v : violations) located.add(locate(tree, v));
        located.sort(Comparator.comparingInt(InputError::line).thenComparingInt(InputError::column));
        errors.addAll(located);
    }

    static InputError locate(LocatedTree tree, SchemaViolation v) {
        if (!v.isKeyProblem()) {
            return tree.errorAt(v.pointer(), Places.subject(tree.root(), v.pointer()) + " " + v.head() + v.tail());
        }
        String place = Places.describe(tree.root(), v.pointer());
        String message = v.head() + (v.pointer().isEmpty() ? " at " : " in ") + place + v.tail();
        String keyPointer = JsonPointers.child(v.pointer(), v.key());
        return tree.at(keyPointer).isMissingNode() ? tree.errorAtKey(v.pointer(), message) : tree.errorAtKey(keyPointer, message);
    }
}
