package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeSet;

/**
 * Reads gates.yaml: the schema (which also says which keys each kind takes), then ids are unique, suites
 * exist and have the right kind, metric names are ones the suite produces, and each comparison has a
 * threshold. {@code mode} defaults to "strict"; {@code alpha} to 0.05 in significant mode.
 */
final class GateReader {
    private static final double DEFAULT_ALPHA = 0.05;

    private final LoadContext ctx;
    private final LocatedTree tree;
    private final Map<String, Manifest.SuiteDecl> suites;
    private final Map<String, SuiteSpec> loaded;
    private final Map<String, Map<String, Set<String>>> labelsBySuite = new HashMap<>();

    private GateReader(LoadContext ctx, LocatedTree tree, Map<String, Manifest.SuiteDecl> suites, Map<String, SuiteSpec> loaded) {
        this.ctx = ctx;
        this.tree = tree;
        this.suites = suites;
        this.loaded = loaded;
    }

    /**
     * Null when the file is missing or has errors (recorded). {@code manifest} null skips the suite checks;
     * {@code loaded} are the suites whose cases loaded (for label checks).
     */
    static List<GateSpec> read(LoadContext ctx, String path, Manifest manifest, Map<String, SuiteSpec> loaded) {
        byte[] bytes = ctx.readRequired(path, "its gates, the checks a run must pass");
        if (bytes == null) return null;
        LocatedTree tree = ctx.parseYaml(path, bytes);
        if (tree == null || !ctx.conforms(tree, WorkspaceSchemas.GATES)) return null;
        Map<String, Manifest.SuiteDecl> suites = null;
        if (manifest != null) {
            suites = new LinkedHashMap<>();
            for (Manifest.SuiteDecl s : manifest.suites()) suites.put(s.name(), s);
        }
        return new GateReader(ctx, tree, suites, loaded).gates();
    }

    private List<GateSpec> gates() {
        int before = ctx.errorCount();
        List<GateSpec> gates = new ArrayList<>();
        Map<String, Integer> lineById = new HashMap<>();
        JsonNode nodes = tree.root().get("gates");
        for (int i = 0; i < nodes.size(); i++) {
            String at = "/gates/" + i;
            GateSpec gate = gate(nodes.get(i));
            Integer first = lineById.putIfAbsent(gate.id(), tree.valueAt(at + "/id").line());
            if (first != null) ctx.add(tree.errorAt(at + "/id", "duplicate gate id \"" + gate.id() + "\" (first on line " + first + ")"));
            check(gate, nodes.get(i), at);
            gates.add(gate);
        }
        return ctx.errorCount() == before ? List.copyOf(gates) : null;
    }

    private static GateSpec gate(JsonNode g) {
        String mode = Trees.text(g, "mode", "strict");
        Double alpha = Trees.number(g, "alpha");
        if (alpha == null && mode.equals("significant")) alpha = DEFAULT_ALPHA;
        return new GateSpec(Trees.text(g, "id"),
                GateSpec.GateKind.valueOf(Trees.text(g, "kind").toUpperCase(Locale.ROOT)),
                Trees.text(g, "suite"), Trees.text(g, "metric"), Trees.number(g, "min"), Trees.number(g, "max"),
                Trees.number(g, "max_ms"), Trees.number(g, "baseline_tolerance"), Trees.number(g, "max_increase"),
                mode, alpha, Trees.text(g, "tag"));
    }

    private void check(GateSpec gate, JsonNode node, String at) {
        String name = "gate \"" + gate.id() + "\"";
        boolean ceiling = gate.kind() == GateSpec.GateKind.METRIC && gate.metric() != null && gate.metric().startsWith("policy.");
        boolean compares = gate.kind() == GateSpec.GateKind.METRIC || gate.kind() == GateSpec.GateKind.SCHEMA_PASS_RATE;
        if (ceiling) {
            checkCeiling(gate, at, name);
        } else if (gate.kind() == GateSpec.GateKind.METRIC && node.has("max")) {
            ctx.add(tree.errorAtKey(at + "/max", "\"max\" applies to policy.rejection_rate and policy.leak_rate; " + name
                    + " is held to \"min\""));
        }
        // min is a rate (0 to 1) except for a judge's mean score, which is on the judge's scale
        boolean meanScore = gate.metric() != null && gate.metric().matches("judge\\.[^.]+\\.mean_score");
        if (gate.min() != null && gate.min() > 1 && !meanScore) {
            // A percentage is the likely slip (75 for 75%): the message says how the rate is written.
            String written = node.get("min").asText();
            String rate = java.math.BigDecimal.valueOf(gate.min()).movePointLeft(2).stripTrailingZeros().toPlainString();
            String hint = gate.min() <= 100 ? " (a rate is written from 0 to 1: " + rate + " for " + written + "%)" : "";
            ctx.add(tree.errorAt(at + "/min", "\"min\" must be at most 1, found number " + written + hint));
        }
        if (compares && !ceiling && gate.min() == null && gate.baselineTolerance() == null) {
            ctx.add(tree.errorAtKey(at, name + " needs \"min\", \"baseline_tolerance\" or both"));
        }
        if (node.has("alpha") && !gate.mode().equals("significant")) {
            ctx.add(tree.errorAtKey(at + "/alpha", "\"alpha\" applies only with mode: significant (" + name + ")"));
        }
        if (gate.mode().equals("significant") && gate.baselineTolerance() == null) {
            ctx.add(tree.errorAtKey(at + "/mode", "mode: significant compares with the baseline; " + name
                    + " needs \"baseline_tolerance\""));
        }
        if (suites == null) return;
        if (gate.suite() != null && !suites.containsKey(gate.suite())) {
            ctx.add(tree.errorAt(at + "/suite", "unknown suite \"" + gate.suite() + "\" ("
                    + dev.evalbench.core.text.NearestNames.didYouMean(gate.suite(), suites.keySet())
                    + "suites: " + String.join(", ", suites.keySet()) + ")"));
            return;
        }
        // With every file read so far a stored run's vouched input, its tags passed this check when the run was made;
        // checking again would parse a lazily read dataset (every case) only to learn that again.
        if (gate.tag() != null && !ctx.vouchedSoFar()) checkTag(gate, at);
        if (gate.kind() == GateSpec.GateKind.METRIC) checkMetric(gate, at, name);
        if (gate.kind() == GateSpec.GateKind.SAFETY_PASS_RATE) checkSafety(gate, at, name);
    }

    /** policy.* rates: held to max (not min), strict mode only. */
    private void checkCeiling(GateSpec gate, String at, String name) {
        if (gate.min() != null) {
            ctx.add(tree.errorAtKey(at + "/min", gate.metric() + " counts bad outcomes: " + name + " must use \"max\", not \"min\""));
        } else if (gate.max() == null && gate.baselineTolerance() == null) {
            ctx.add(tree.errorAtKey(at, name + " needs \"max\", \"baseline_tolerance\" or both"));
        }
        if (gate.mode().equals("significant")) {
            ctx.add(tree.errorAtKey(at + "/mode", name + ": mode: significant applies to metrics where higher is better"));
        }
    }

    private void checkMetric(GateSpec gate, String at, String name) {
        Manifest.SuiteDecl suite = suites.get(gate.suite());
        if (gate.metric().startsWith("policy.")) {
            MetricNames.problem(gate.metric(), suite, null).ifPresent(p -> ctx.add(tree.errorAt(at + "/metric", p)));
            return;
        }
        if (suite.kind() != SuiteKind.TASK) {
            ctx.add(tree.errorAt(at + "/suite", name + " reads metrics, but suite \"" + suite.name() + "\" is a safety suite"));
            return;
        }
        SuiteSpec cases = loaded.get(suite.name());
        // without the cases (their own errors are reported) labels cannot be checked; asked for only by a metric
        // naming a label, so a vouched dataset read lazily is not parsed for the others
        Supplier<Map<String, Set<String>>> labels = () -> cases == null ? null
                : labelsBySuite.computeIfAbsent(suite.name(), n -> labels(suite, cases));
        Optional<String> problem = MetricNames.problem(gate.metric(), suite, labels);
        problem.ifPresent(p -> ctx.add(tree.errorAt(at + "/metric", p)));
    }

    /** A tag no case of the gate's suites carries would make the gate measure nothing. */
    private void checkTag(GateSpec gate, String at) {
        List<SuiteSpec> read = gate.suite() != null ? (loaded.containsKey(gate.suite()) ? List.of(loaded.get(gate.suite())) : List.of())
                : List.copyOf(loaded.values());
        if (read.isEmpty()) return;
        boolean carried = read.stream().anyMatch(s -> carries(s.cases(), gate.tag()));
        if (!carried) {
            ctx.add(tree.errorAt(at + "/tag", "no case " + (gate.suite() == null ? "" : "of suite \"" + gate.suite() + "\" ")
                    + "carries the tag \"" + gate.tag() + "\""));
        }
    }

    /** Whether a case carries the tag, read from the tags the suite keeps without building its cases. */
    private static boolean carries(List<EvalCase> cases, String tag) {
        for (int i = 0; i < cases.size(); i++) {
            if (DatasetCases.tagsOf(cases, i).contains(tag)) return true;
        }
        return false;
    }

    /** A safety gate checks the probes of safety suites and the leaks of task suites: any suite will do. */
    private void checkSafety(GateSpec gate, String at, String name) {
        if (gate.suite() == null && suites.isEmpty()) {
            ctx.add(tree.errorAtKey(at, name + " checks safety probes and leaks, but the workspace has no suite"));
        }
    }

    private static Map<String, Set<String>> labels(Manifest.SuiteDecl suite, SuiteSpec spec) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (String field : suite.classification()) {
            Set<String> values = new TreeSet<>();
            for (EvalCase c : spec.cases()) values.add(c.expected().get(field).asText());
            labels.put(field, values);
        }
        return labels;
    }
}
