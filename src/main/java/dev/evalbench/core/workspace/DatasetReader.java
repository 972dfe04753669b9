package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one suite's dataset (JSONL): every non-blank line a JSON object conforming to case.schema.json, ids
 * unique, and the suite kind's own rules (task cases give every scored expected value; safety probes use
 * {@code expect}/{@code blocking}). Every check runs at load, before anything is written; the cases are then
 * held as {@link DatasetCases} (the file's bytes and where each case's line lies), and a case's tree is built
 * again when it is read. Stops recording after {@link #MAX_ERRORS} errors in one file so a wholly wrong file
 * gives a readable report.
 */
final class DatasetReader {
    static final int MAX_ERRORS = 50;

    private final LoadContext ctx;
    private final Manifest.SuiteDecl suite;
    private final Preprocessor preprocessor;
    private final CaseRules rules;
    private final Map<String, JudgeSpec> judges;
    /** The file and all it is checked against are a stored run's vouched inputs: lines need no checks again. */
    private final boolean vouched;

    private DatasetReader(LoadContext ctx, Manifest.SuiteDecl suite, Preprocessor preprocessor, PolicySpec policy,
                          Map<String, JudgeSpec> judges, PromptTemplate prompt) {
        this.ctx = ctx;
        this.vouched = ctx.vouchedSoFar();
        this.suite = suite;
        this.preprocessor = preprocessor;
        this.rules = new CaseRules(ctx, suite, policy, prompt);
        this.judges = judges;
    }

    /** The cases, or null when the dataset is missing or has errors (recorded). */
    static List<EvalCase> read(LoadContext ctx, Manifest manifest, Manifest.SuiteDecl suite,
                               Preprocessor preprocessor, PolicySpec policy) {
        return read(ctx, manifest, suite, preprocessor, policy, Map.of(), null);
    }

    /**
     * As {@link #read(LoadContext, Manifest, Manifest.SuiteDecl, Preprocessor, PolicySpec)}, checking each case's
     * human {@code labels} against the suite's judges: in a suite with judges a label must name one of them
     * and lie in the scale of {@code judges} (the resolved ones, by name). A suite without judges ignores labels,
     * so a dataset shared with a judged suite reads unchanged. A task case's expected classification labels
     * must be values the suite's {@code prompt}'s output schema allows, where it lists them (null: unknown).
     */
    static List<EvalCase> read(LoadContext ctx, Manifest manifest, Manifest.SuiteDecl suite, Preprocessor preprocessor,
                               PolicySpec policy, Map<String, JudgeSpec> judges, PromptTemplate prompt) {
        byte[] bytes = ctx.readReferenced(suite.dataset(), manifest.tree(), suite.pointer() + "/dataset", "dataset");
        if (bytes == null) return null;
        DatasetReader reader = new DatasetReader(ctx, suite, preprocessor, policy, judges, prompt);
        if (reader.vouched && ctx.forReading()) {
            // Read to read a stored run, from the very bytes that run checked: parsed when first read (LazyCases).
            return new LazyCases(() -> reader.casesOnDemand(bytes), ctx.restrictedScan(suite.dataset(), bytes));
        }
        return reader.cases(bytes);
    }

    private List<EvalCase> cases(byte[] bytes) {
        return ctx.checkedLines().decodes(suite.dataset(), bytes, () -> ctx.checkUtf8(suite.dataset(), bytes)) ? checkLines(bytes) : null;
    }

    /** The cases of a vouched dataset, parsed after the load; an error (none is expected) is thrown. */
    private List<EvalCase> casesOnDemand(byte[] bytes) {
        synchronized (ctx) {
            int before = ctx.errorCount();
            List<EvalCase> cases = cases(bytes);
            if (cases != null) return cases;
            throw new IllegalStateException("the dataset " + suite.dataset() + ", a vouched input of a stored run, no longer loads: "
                    + ctx.errors().subList(before, ctx.errorCount()));
        }
    }

    /**
     * Checks every line of the (UTF-8) bytes and keeps each case as where its line lies in them ({@link DatasetCases}):
     * a line's tree lives only while the line is checked.
     */
    private List<EvalCase> checkLines(byte[] bytes) {
        int before = ctx.errorCount();
        DatasetCases.Builder cases = new DatasetCases.Builder(
                new DatasetCases.Shape(suite.dataset(), suite.kind(), preprocessor, !suite.judges().isEmpty()), bytes);
        Map<String, Integer> lineById = new HashMap<>();
        BitSet conformed = ctx.checkedLines().conformed(suite.dataset(), bytes);
        int start = 0;
        for (int i = 0; start <= bytes.length; i++) {
            if (ctx.errorCount() - before >= MAX_ERRORS) {
                ctx.add(new InputError(suite.dataset(), i + 1, 0, "stopped checking after " + MAX_ERRORS
                        + " errors in this file; fix these and validate again"));
                return null;
            }
            int end = DatasetCases.lineEnd(bytes, start);
            String line = DatasetCases.lineText(bytes, start, end, i == 0);
            if (!line.isBlank()) parse(line, i + 1, lineById, conformed, i, cases, start, end);
            start = end + 1;
        }
        if (ctx.errorCount() > before) return null;
        if (cases.isEmpty()) {
            ctx.add(new InputError(suite.dataset(), 0, 0, "holds no cases (suite \"" + suite.name() + "\""
                    + (suite.selectTags().isEmpty() ? "" : " takes tags " + String.join(", ", suite.selectTags())) + ")"));
            return null;
        }
        return cases.build();
    }

    /**
     * Checks one line and adds its case to {@code into} when it is one of the suite's and passes.
     *
     * @param conformed the lines of this dataset known to conform to the case schema (line {@code index} is this
     *     one), or null when no other suite reads the dataset
     */
    private void parse(String line, int lineNo, Map<String, Integer> lineById, BitSet conformed, int index,
                       DatasetCases.Builder into, int start, int end) {
        LocatedTree tree;
        try {
            tree = LocatedTreeParser.parseJsonLine(suite.dataset(), line, lineNo);
        } catch (SourceSyntaxException e) {
            InputError error = e.error();
            // Cases written as YAML's list items, as the workspace's other files are.
            String yaml = line.stripLeading().startsWith("- ") ? "; a line of a .jsonl file is one JSON object, {\"id\": …},"
                    + " not a YAML list item" : "";
            ctx.add(new InputError(error.file(), error.line(), error.column(), "not a JSON object: " + error.message() + yaml));
            return;
        }
        if (!tree.root().isObject()) {
            ctx.add(new InputError(suite.dataset(), lineNo, 1, "not a JSON object: found " + TypeWords.found(tree.root())));
            return;
        }
        // A vouched line conformed when its run was made; the schema check is most of a large load's time.
        if (!vouched && (conformed == null || !conformed.get(index))) {
            if (!ctx.conforms(tree, WorkspaceSchemas.CASE)) return;
            if (conformed != null) conformed.set(index);
        }
        JsonNode root = tree.root();
        String id = root.get("id").asText();
        Integer first = lineById.putIfAbsent(id, lineNo);
        if (first != null) {
            ctx.add(tree.errorAt("/id", "duplicate case id \"" + id + "\" (first on line " + first + ")"));
            return;
        }
        List<String> tags = Trees.strings(root, "tags");
        // a suite that selects by tags takes only its cases; the others belong to other suites, unchecked here
        if (!suite.selectTags().isEmpty() && tags.stream().noneMatch(suite.selectTags()::contains)) return;
        if (!vouched && !rules.check(tree, id)) return;
        // labels are checked (the cheap checks) even for a vouched line: the judge verdicts carry them
        if (labels(tree) == null) return;
        into.add(start, end, lineNo, id, tags);
    }

    /** The case's human labels by judge name; null when one is not a judge of the suite or is off its scale (recorded). */
    private Map<String, Integer> labels(LocatedTree tree) {
        JsonNode node = tree.root().get("labels");
        Map<String, Integer> labels = new java.util.LinkedHashMap<>();
        if (node == null || suite.judges().isEmpty()) return labels;
        boolean ok = true;
        for (var it = node.fields(); it.hasNext(); ) {
            var label = it.next();
            String pointer = JsonPointers.child("/labels", label.getKey());
            if (suite.judges().stream().noneMatch(j -> j.name().equals(label.getKey()))) {
                ctx.add(tree.errorAtKey(pointer, "label \"" + label.getKey() + "\": suite \"" + suite.name()
                        + "\" has no judge of that name (judges: " + String.join(", ", suite.judges().stream().map(JudgeSpec::name).toList()) + ")"));
                ok = false;
                continue;
            }
            int value = label.getValue().asInt();
            JudgeSpec judge = judges.get(label.getKey());
            if (judge != null && (value < judge.minScore() || value > judge.maxScore())) {
                ctx.add(tree.errorAt(pointer, "label \"" + label.getKey() + "\" is " + value + ", outside the judge's scale "
                        + judge.minScore() + ".." + judge.maxScore()));
                ok = false;
                continue;
            }
            labels.put(label.getKey(), value);
        }
        return ok ? labels : null;
    }

    /**
     * The restricted values: a list of strings as written, or every string leaf of an object (at any depth,
     * arrays included), in document order. Numbers and booleans are not values: only text can leak as written.
     */
    static List<String> restrictedValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        collectStrings(node, values);
        return List.copyOf(values);
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node == null) return;
        if (node.isTextual()) {
            into.add(node.textValue());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectStrings(child, into));
        }
    }

    static SafetyExpectation expectation(JsonNode expect) {
        if (expect == null) return new SafetyExpectation(false, List.of(), List.of());
        return new SafetyExpectation(Trees.bool(expect, "must_reject", false),
                Trees.strings(expect, "forbidden_actions"), Trees.strings(expect, "forbidden_tools"));
    }
}
