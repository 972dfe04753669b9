package dev.evalbench.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which cases an eval set's change touched: "2 cases edited: t002 (expected), t005 (input); 1 added: t128". A changed
 * eval set shows in the version tuple as two hashes, which say that the cases changed but not which, nor whether an
 * expected value was relabelled (what makes a failing case pass without a better model). The two dataset files are
 * found as {@link TemplateDiffs} finds templates: the input whose SHA-256 is the eval set's hash, its bytes from the
 * snapshots. Cases are matched by id and compared by field, in a reader's words ({@code vars} is "input", {@code expect}
 * "expectation"). The file is compared whole: a suite that takes only some of a dataset's cases by tag hears of them
 * all. Where a side's file is not at hand (an exported run or a report folder carries its templates, not its datasets:
 * they hold restricted values), the two runs' cases say what they can ({@link #fromCases}): each case's expected value
 * and tags as the run recorded them, and, when both runs ran every case to the end, the cases one of them lacks; an
 * input's change is not seen there, and the sentence says so. Pure but for the snapshot reads; nothing is said when a
 * line is not JSON.
 */
final class EvalSetEdits {
    /** Case ids named per kind of change; more are counted. */
    static final int NAMED = 10;

    private static final Map<String, String> FIELD_WORDS = Map.of("vars", "input", "expect", "expectation",
            "restricted", "restricted values");

    private EvalSetEdits() {}

    /**
     * {@code diff} with each eval set's change saying which cases it touched: from both dataset files where they are at
     * hand, else from {@code beforeCases} and {@code afterCases}, every case of each run (whose header {@code before}'s and
     * {@code after}'s are).
     */
    static VersionDiff annotate(VersionDiff diff, StoredRun before, StoredRun after, SnapshotSource snapshots,
                                List<? extends ScoredCase> beforeCases, List<? extends ScoredCase> afterCases)
            throws StoreException {
        if (diff.changes().stream().noneMatch(c -> c.component() == VersionComponent.EVAL_SET)) return diff;
        // The eval set hash each suite recorded.
        Map<String, String> a = TemplateDiffs.hashesByRecord(before, r -> r.key().suite(), VersionTuple::evalSetHash);
        Map<String, String> b = TemplateDiffs.hashesByRecord(after, r -> r.key().suite(), VersionTuple::evalSetHash);
        List<VersionChange> changes = new ArrayList<>(diff.changes().size());
        for (VersionChange change : diff.changes()) {
            String left = a.get(change.subject());
            String right = b.get(change.subject());
            if (change.component() != VersionComponent.EVAL_SET || left == null || right == null || left.equals(right)) {
                changes.add(change);
                continue;
            }
            Optional<String> sentence = between(snapshots.snapshot(left), snapshots.snapshot(right));
            if (sentence.isEmpty()) {
                boolean everyCase = ranEveryCase(before.header()) && ranEveryCase(after.header());
                sentence = fromCases(change.subject(), beforeCases, afterCases, everyCase);
            }
            changes.add(sentence.map(change::withDetail).orElse(change));
        }
        return new VersionDiff(changes, diff.unknown());
    }

    /** The sentence for two dataset files' bytes; empty when either is missing or does not read as cases. */
    static Optional<String> between(Optional<byte[]> before, Optional<byte[]> after) {
        if (before.isEmpty() || after.isEmpty()) return Optional.empty();
        Optional<Map<String, JsonNode>> a = cases(before.get());
        Optional<Map<String, JsonNode>> b = cases(after.get());
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        List<String> edited = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : a.get().entrySet()) {
            JsonNode now = b.get().get(c.getKey());
            if (now == null) {
                removed.add(c.getKey());
            } else if (!now.equals(c.getValue())) {
                edited.add(c.getKey() + " (" + String.join(", ", fieldsChanged(c.getValue(), now)) + ")");
            }
        }
        List<String> added = b.get().keySet().stream().filter(id -> !a.get().containsKey(id)).toList();
        List<String> parts = new ArrayList<>();
        if (!edited.isEmpty()) parts.add(named(edited, "edited"));
        if (!added.isEmpty()) parts.add(named(added, "added"));
        if (!removed.isEmpty()) parts.add(named(removed, "removed"));
        return Optional.of(parts.isEmpty() ? "no case differs (the file's layout or order changed)" : String.join("; ", parts));
    }

    /**
     * The sentence from the two runs' cases of {@code suite}: expected values and tags compared by case id, and, when
     * {@code everyCase} (both ran every case of the suite to the end), the ids one run lacks; empty when neither differs
     * in what a run records, as an input's edit does not.
     */
    static Optional<String> fromCases(String suite, List<? extends ScoredCase> before, List<? extends ScoredCase> after,
                                      boolean everyCase) {
        Map<String, ScoredCase> a = firstById(suite, before);
        Map<String, ScoredCase> b = firstById(suite, after);
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        List<String> edited = new ArrayList<>();
        for (Map.Entry<String, ScoredCase> c : a.entrySet()) {
            ScoredCase now = b.get(c.getKey());
            if (now == null) continue;
            List<String> fields = new ArrayList<>();
            if (!java.util.Objects.equals(c.getValue().expected(), now.expected())) fields.add("expected");
            if (!c.getValue().tags().equals(now.tags())) fields.add("tags");
            if (!fields.isEmpty()) edited.add(c.getKey() + " (" + String.join(", ", fields) + ")");
        }
        List<String> parts = new ArrayList<>();
        if (!edited.isEmpty()) parts.add(named(edited, "edited"));
        if (everyCase) {
            List<String> added = b.keySet().stream().filter(id -> !a.containsKey(id)).toList();
            List<String> removed = a.keySet().stream().filter(id -> !b.containsKey(id)).toList();
            if (!added.isEmpty()) parts.add(named(added, "added"));
            if (!removed.isEmpty()) parts.add(named(removed, "removed"));
        }
        if (parts.isEmpty()) return Optional.empty();
        return Optional.of(String.join("; ", parts) + " (from the runs' cases: an input's edit is not seen without the"
                + " dataset files)");
    }

    /** A suite's cases by id, the first of each (a case run on several routes or passes is one case of the set). */
    private static Map<String, ScoredCase> firstById(String suite, List<? extends ScoredCase> cases) {
        Map<String, ScoredCase> byId = new LinkedHashMap<>();
        for (ScoredCase c : cases) if (c.key().suite().equals(suite)) byId.putIfAbsent(c.key().caseId(), c);
        return byId;
    }

    /** A complete run that chose no slice: what it lacks of a suite's cases, the set lacks. */
    private static boolean ranEveryCase(RunHeader header) {
        return header.status() == RunStatus.COMPLETE && header.config() != null && header.config().caseIds().isEmpty()
                && header.config().tags().isEmpty();
    }

    /** The fields that differ between two versions of a case, in the file's order, in a reader's words. */
    private static List<String> fieldsChanged(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!before.path(name).equals(after.path(name))) changed.add(FIELD_WORDS.getOrDefault(name, name));
        }
        return changed;
    }

    /** "2 cases edited: t002 (expected), t005 (input)", the first {@link #NAMED} named and the rest counted. */
    private static String named(List<String> ids, String what) {
        String listed = String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())));
        String more = ids.size() > NAMED ? " and " + (ids.size() - NAMED) + " more" : "";
        return ids.size() + (ids.size() == 1 ? " case " : " cases ") + what + ": " + listed + more;
    }

    /** A dataset's cases by id, in the file's order; empty when a line is not a JSON object with an id. */
    private static Optional<Map<String, JsonNode>> cases(byte[] bytes) {
        Map<String, JsonNode> cases = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                if (node == null || !node.path("id").isTextual()) return Optional.empty();
                cases.put(node.path("id").asText(), node);
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // Not a dataset as the run read it (runs refuse such files): nothing to say rather than a guess.
                return Optional.empty();
            }
        }
        return Optional.of(cases);
    }
}
