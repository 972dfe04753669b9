package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.store.PromptTemplates;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between the version tuples of two runs: the answer to "was it the prompt, the route, the
 * policy or the eval set?". Every case carries its tuple; a run's value for a part is the set of values its
 * cases recorded (normally one), keyed by prompt id for the prompt and its output schema and by suite for
 * the eval set. Changes are listed in {@link VersionComponent} order. A run that stored no case (an outage) recorded
 * no tuple: what changed is then not known ({@code unknown} says why, and there are no changes), rather than every
 * part read as changed to "(none)". Immutable; {@link #between} is pure.
 */
public record VersionDiff(List<VersionChange> changes, String unknown) {
    static final int SHORT_HASH = 12;

    public VersionDiff {
        changes = List.copyOf(changes);
    }

    /** The changes between two runs that both recorded tuples. */
    public VersionDiff(List<VersionChange> changes) {
        this(changes, null);
    }

    public static VersionDiff between(StoredRun before, StoredRun after) {
        Map<VersionComponent, Map<String, Set<String>>> a = describe(before);
        Map<VersionComponent, Map<String, Set<String>>> b = describe(after);
        if (a.isEmpty() != b.isEmpty()) {
            return new VersionDiff(List.of(), "run " + (a.isEmpty() ? before : after).id() + " stored no case to tell");
        }
        for (VersionComponent file : List.of(VersionComponent.MANIFEST, VersionComponent.GATES)) {
            if (a.containsKey(file) == b.containsKey(file)) continue;
            // A run written before runs listed their inputs (an old export) tells nothing of its manifest or gates file.
            a.remove(file);
            b.remove(file);
        }
        List<VersionChange> changes = new ArrayList<>();
        for (VersionComponent component : VersionComponent.values()) {
            Map<String, Set<String>> left = a.getOrDefault(component, Map.of());
            Map<String, Set<String>> right = b.getOrDefault(component, Map.of());
            Set<String> subjects = new TreeSet<>(left.keySet());
            subjects.addAll(right.keySet());
            for (String subject : subjects) {
                Set<String> l = left.get(subject);
                Set<String> r = right.get(subject);
                if (!Objects.equals(l, r)) {
                    changes.add(new VersionChange(component, subject, join(l), join(r)));
                }
            }
        }
        plannedRoutes(before, after).ifPresent(changes::add);
        // In component order (a stable sort: each part's changes keep theirs).
        changes.sort(java.util.Comparator.comparing(VersionChange::component));
        return new VersionDiff(changes);
    }

    /**
     * The routes each run was asked to run, when they differ and no case's tuple told it: a route of the second run
     * that stored no case (nothing listened at its address) records no tuple, so "nothing that affects outputs
     * changed" was said of a run asked of another route too.
     */
    private static java.util.Optional<VersionChange> plannedRoutes(StoredRun before, StoredRun after) {
        if (before.header().config() == null || after.header().config() == null) return java.util.Optional.empty();
        Set<String> a = new TreeSet<>(before.header().config().routes());
        Set<String> b = new TreeSet<>(after.header().config().routes());
        if (a.equals(b)) return java.util.Optional.empty();
        Set<String> stored = new TreeSet<>();
        for (StoredRun run : List.of(before, after)) {
            for (CaseRecord c : run.cases()) stored.add(c.key().route());
        }
        // Told by the tuples already when each planned route stored a case.
        Set<String> planned = new TreeSet<>(a);
        planned.addAll(b);
        if (stored.containsAll(planned)) return java.util.Optional.empty();
        return java.util.Optional.of(new VersionChange(VersionComponent.ROUTE_MODEL, "routes run", String.join(", ", a),
                String.join(", ", b)));
    }

    /** The parts that changed, in order, each once. */
    public List<VersionComponent> changedComponents() {
        return changes.stream().map(VersionChange::component).distinct().toList();
    }

    /** Only the changes that can change outputs (not the app version or git commit). */
    public List<VersionChange> outputAffecting() {
        return changes.stream().filter(c -> c.component().affectsOutput()).toList();
    }

    public boolean changed(VersionComponent component) {
        return changes.stream().anyMatch(c -> c.component() == component);
    }

    /**
     * One line for people, e.g. "prompt, route/model changed", "nothing that affects outputs changed", or "not known:
     * run X stored no case to tell".
     */
    public String summary() {
        if (unknown != null) return "not known: " + unknown;
        List<String> parts = outputAffecting().stream().map(c -> c.component().label()).distinct().toList();
        return parts.isEmpty() ? "nothing that affects outputs changed" : String.join(", ", parts) + " changed";
    }

    private static Map<VersionComponent, Map<String, Set<String>>> describe(StoredRun run) {
        Map<VersionComponent, Map<String, Set<String>>> parts = new EnumMap<>(VersionComponent.class);
        for (CaseRecord record : run.cases()) {
            VersionTuple v = record.versions();
            if (v == null) continue;
            put(parts, VersionComponent.PROMPT, v.promptId(), "revision " + v.promptRevision() + ", sha256 " + shortHash(v.promptHash()));
            put(parts, VersionComponent.OUTPUT_SCHEMA, v.promptId(), "sha256 " + shortHash(v.outputSchemaHash()));
            put(parts, VersionComponent.PREPROCESSING, "", "sha256 " + shortHash(v.preprocessHash()));
            put(parts, VersionComponent.POLICY, "", "revision " + v.policyRevision() + ", sha256 " + shortHash(v.policyHash()));
            put(parts, VersionComponent.EVAL_SET, record.key().suite(), "version " + v.evalSetVersion() + ", sha256 " + shortHash(v.evalSetHash()));
            put(parts, VersionComponent.ROUTE_MODEL, "", v.route() + " (" + v.provider() + "/" + v.model()
                    + (v.routeHash() == null ? "" : ", config sha256 " + shortHash(v.routeHash())) + ")");
            for (var j : v.judges()) {
                // Named by the subject ("judge triage/reply-quality: reply-rubric revision 1 on grader …"), not again.
                put(parts, VersionComponent.JUDGE, record.key().suite() + "/" + j.name(), j.grading() + ", rubric sha256 "
                        + shortHash(j.promptHash()) + (j.routeHash() == null ? "" : ", route config sha256 " + shortHash(j.routeHash())));
            }
            put(parts, VersionComponent.APP_VERSION, "", String.valueOf(v.appVersion()));
            put(parts, VersionComponent.GIT_COMMIT, "", v.gitCommit() == null ? "none" : shortHash(v.gitCommit()));
        }
        // The gates file is no part of a case's tuple, but a loosened threshold passes a run as surely as a better model:
        // the run's inputs name it. Only for a run that recorded tuples (one that stored no case tells nothing).
        // So is the manifest: what each suite scores (its classification and extraction fields, their tolerances), its
        // judges, checks and preprocessing steps.
        String gates = run.header().inputs() == null ? null : run.header().inputs().get(PromptTemplates.GATES_FILE);
        if (!parts.isEmpty() && gates != null) put(parts, VersionComponent.GATES, "", "sha256 " + shortHash(gates));
        String manifest = run.header().inputs() == null ? null : run.header().inputs().get(PromptTemplates.MANIFEST_FILE);
        if (!parts.isEmpty() && manifest != null) put(parts, VersionComponent.MANIFEST, "", "sha256 " + shortHash(manifest));
        return parts;
    }

    private static void put(Map<VersionComponent, Map<String, Set<String>>> parts, VersionComponent c, String subject, String value) {
        parts.computeIfAbsent(c, k -> new TreeMap<>()).computeIfAbsent(subject, k -> new LinkedHashSet<>()).add(value);
    }

    private static String join(Set<String> values) {
        return values == null ? VersionChange.ABSENT : String.join("; ", new TreeSet<>(values));
    }

    static String shortHash(String hash) {
        if (hash == null) return "none";
        return hash.length() > SHORT_HASH ? hash.substring(0, SHORT_HASH) : hash;
    }
}
