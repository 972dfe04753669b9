package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one suite's dataset (JSONL): every non-blank line a JSON object conforming to case.schema.json, ids
 * unique, and the suite kind's own rules (task cases give every scored expected value; safety probes use
 * {@code expect}/{@code blocking}). Each line is parsed once. Stops recording after {@link #MAX_ERRORS}
 * errors in one file so a wholly wrong file gives a readable report.
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
                          Map<String, JudgeSpec> judges) {
        this.ctx = ctx;
        this.vouched = ctx.vouchedSoFar();
        this.suite = suite;
        this.preprocessor = preprocessor;
        this.rules = new CaseRules(ctx, suite, policy);
        this.judges = judges;
    }

    /** The cases, or null when the dataset is missing or has errors (recorded). */
    static List<EvalCase> read(LoadContext ctx, Manifest manifest, Manifest.SuiteDecl suite,
                               Preprocessor preprocessor, PolicySpec policy) {
        return read(ctx, manifest, suite, preprocessor, policy, Map.of());
    }

    /**
     * As {@link #read(LoadContext, Manifest, Manifest.SuiteDecl, Preprocessor, PolicySpec)}, checking each case's
     * human {@code labels} against the suite's judges: in a suite with judges a label must name one of them
     * and lie in the scale of {@code judges} (the resolved ones, by name). A suite without judges ignores labels,
     * so a dataset shared with a judged suite reads unchanged.
     */
    static List<EvalCase> read(LoadContext ctx, Manifest manifest, Manifest.SuiteDecl suite,
                               Preprocessor preprocessor, PolicySpec policy, Map<String, JudgeSpec> judges) {
        byte[] bytes = ctx.readReferenced(suite.dataset(), manifest.tree(), suite.pointer() + "/dataset", "dataset");
        if (bytes == null) return null;
        DatasetReader reader = new DatasetReader(ctx, suite, preprocessor, policy, judges);
        if (reader.vouched && ctx.forReading()) {
            // Read to read a stored run, from the very bytes that run checked: parsed when first read (LazyCases).
            return new LazyCases(() -> reader.casesOnDemand(bytes), () -> RestrictedValuesScan.of(suite.dataset(), bytes));
        }
        return reader.cases(bytes);
    }

    private List<EvalCase> cases(byte[] bytes) {
        String text = ctx.parsedLines().text(suite.dataset(), bytes, () -> ctx.decodeUtf8(suite.dataset(), bytes));
        return text == null ? null : cases(text);
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

    private List<EvalCase> cases(String text) {
        int before = ctx.errorCount();
        List<EvalCase> cases = new ArrayList<>();
        Map<String, Integer> lineById = new HashMap<>();
        String[] lines = text.split("\n", -1);
        LocatedTree[] parsed = ctx.parsedLines().of(suite.dataset(), text, lines.length);
        for (int i = 0; i < lines.length; i++) {
            if (ctx.errorCount() - before >= MAX_ERRORS) {
                ctx.add(new InputError(suite.dataset(), i + 1, 0, "stopped checking after " + MAX_ERRORS
                        + " errors in this file; fix these and validate again"));
                return null;
            }
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (line.isBlank()) continue;
            EvalCase c = parse(line, i + 1, lineById, parsed, i);
            if (c != null) cases.add(c);
        }
        if (ctx.errorCount() > before) return null;
        if (cases.isEmpty()) {
            ctx.add(new InputError(suite.dataset(), 0, 0, "holds no cases (suite \"" + suite.name() + "\""
                    + (suite.selectTags().isEmpty() ? "" : " takes tags " + String.join(", ", suite.selectTags())) + ")"));
            return null;
        }
        return List.copyOf(cases);
    }

    /**
     * @param parsed the load's pristine trees of this dataset's lines (slot {@code index} is this line's), or null
     *     when no other suite reads the dataset
     */
    private EvalCase parse(String line, int lineNo, Map<String, Integer> lineById, LocatedTree[] parsed, int index) {
        LocatedTree tree;
        try {
            if (parsed != null && parsed[index] != null) {
                tree = parsed[index].copy();
            } else {
                tree = LocatedTreeParser.parseJsonLine(suite.dataset(), line, lineNo);
                if (parsed != null) parsed[index] = tree.copy();
            }
        } catch (SourceSyntaxException e) {
            InputError error = e.error();
            ctx.add(new InputError(error.file(), error.line(), error.column(), "not a JSON object: " + error.message()));
            return null;
        }
        if (!tree.root().isObject()) {
            ctx.add(new InputError(suite.dataset(), lineNo, 1, "not a JSON object: found " + TypeWords.found(tree.root())));
            return null;
        }
        // A vouched line conformed when its run was made; the schema check is most of a large load's time.
        if (!vouched && !ctx.conforms(tree, WorkspaceSchemas.CASE)) return null;
        JsonNode root = tree.root();
        String id = root.get("id").asText();
        Integer first = lineById.putIfAbsent(id, lineNo);
        if (first != null) {
            ctx.add(tree.errorAt("/id", "duplicate case id \"" + id + "\" (first on line " + first + ")"));
            return null;
        }
        List<String> tags = Trees.strings(root, "tags");
        // a suite that selects by tags takes only its cases; the others belong to other suites, unchecked here
        if (!suite.selectTags().isEmpty() && tags.stream().noneMatch(suite.selectTags()::contains)) return null;
        if (!vouched && !rules.check(tree, id)) return null;
        // labels are read (and their cheap checks run) even for a vouched line: the judge verdicts carry them
        Map<String, Integer> labels = labels(tree);
        if (labels == null) return null;
        ObjectNode vars = (ObjectNode) root.get("vars");
        preprocessor.apply(vars);
        boolean safety = suite.kind() == SuiteKind.SAFETY;
        return new EvalCase(id, vars,
                safety ? null : (ObjectNode) root.get("expected"),
                restrictedValues(root.get("restricted")),
                tags,
                safety ? expectation(root.get("expect")) : null,
                safety && Trees.bool(root, "blocking", true),
                suite.dataset(), lineNo, labels);
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

    private static SafetyExpectation expectation(JsonNode expect) {
        if (expect == null) return new SafetyExpectation(false, List.of(), List.of());
        return new SafetyExpectation(Trees.bool(expect, "must_reject", false),
                Trees.strings(expect, "forbidden_actions"), Trees.strings(expect, "forbidden_tools"));
    }
}
